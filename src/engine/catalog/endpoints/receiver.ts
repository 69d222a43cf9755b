// Builds a receiver's layer from its tables: steps and notes per topic, request rules, documented
// errors. Each receiver file is then data plus its URL test, in the receiver's own words.
import type { AdviceStep, DocumentedError, EndpointLayer } from '../types';
import { withStepTexts } from '../steps';

/** A documented error as written: its steps with their ids. */
export type DocumentedErrorData = Omit<DocumentedError, 'steps'> & { steps: readonly AdviceStep[] };

/** A layer's identity and rules as data, with steps and notes as tables by topic. */
export interface ReceiverSpec extends Omit<EndpointLayer, 'requiredFields' | 'steps' | 'note' | 'errors'> {
  /** Steps by topic (`http:404`, `http:4xx`, `credential:wrong-auth-header`, `rate-limit:rate-limited`). */
  steps: Readonly<Record<string, readonly AdviceStep[]>>;
  errors?: readonly DocumentedErrorData[];
  notes: Readonly<Record<string, string>>;
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function defineReceiver(spec: ReceiverSpec): EndpointLayer {
  const steps: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
    Object.entries(spec.steps).map(([topic, list]) => [topic, list.map((step) => step.text)]),
  );
  const layer: EndpointLayer = {
    id: spec.id,
    name: spec.name,
    sources: spec.sources,
    matches: spec.matches,
    requiredFields: () => [],
    // A rate limit seen in headers gets the same steps as a 429.
    steps: (topic) => own(steps, topic) ?? (topic.startsWith('rate-limit:') ? own(steps, 'http:429') : undefined) ?? [],
    note: (topic) => own(spec.notes, topic) ?? (topic.startsWith('rate-limit:') ? own(spec.notes, 'http:429') : undefined),
  };
  if (spec.request) layer.request = spec.request;
  if (spec.errors) layer.errors = spec.errors.map(withStepTexts);
  if (spec.failingRedirects) layer.failingRedirects = spec.failingRedirects;
  return layer;
}

/** The documented error of a layer by id. */
export function documentedError(layer: EndpointLayer | undefined, id: string | undefined): DocumentedError | undefined {
  if (!layer?.errors || !id) return undefined;
  return layer.errors.find((error) => error.id === id);
}
