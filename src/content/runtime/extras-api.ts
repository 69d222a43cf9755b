// The contract between content.js and content-extras.js. The worker injects content-extras.js
// with scripting.executeScript into the same isolated world as content.js, so the global it sets
// here is visible to content.js (and never to the page). Field values stay inside these scripts.
import type { FindingEnricher, TextDetector } from '../../engine/find/pipeline';
import type { SiteAdapter } from '../../providers/site-adapter';
import type { BadgeView } from '../badges/badge';
import type { FieldIssue } from '../fields/fields';

/** The global content-extras.js registers its API on, in the extension's isolated world. */
export const EXTRAS_GLOBAL = 'webhookDoctorExtras';

/**
 * Where the parts of content-extras.js (injected one per task, see CONTENT_EXTRAS_FILES) leave
 * their exports for the parts that need them, per build: `{[build]: {ready, waiting}}` (see
 * wrapExtrasPart); only the entry registers the API on EXTRAS_GLOBAL.
 */
export const EXTRAS_PARTS_GLOBAL = 'webhookDoctorExtrasParts';

/** The editor-field checks of one document (see FieldWatcher). */
export interface FieldChecker {
  check(): void;
  schedule(): void;
  issues(): readonly FieldIssue[];
  endpointUrl(): string | null;
  clear(): void;
  stop(): void;
}

export interface ContentExtras {
  /** The detectors content.js leaves out (network, credential, rate-limit, JSON), for findWith. */
  detectors: readonly TextDetector[];
  /** What findWith adds to a row's findings afterwards (the receiver's own words). */
  enrichers: readonly FindingEnricher[];
  /** The detectors' big regexes: compiled ahead of the rows, one per task (each takes milliseconds). */
  heavyRegexes: readonly RegExp[];
  /** The text with every secret replaced by its preview. */
  redact(text: string): string;
  /** Starts checking a document's webhook editor fields; stops when `signal` aborts. */
  watchFields(
    doc: Document,
    adapter: SiteAdapter,
    onChange: () => void,
    onError: (error: unknown) => void,
    signal: AbortSignal,
  ): FieldChecker;
  /** The editor's request as a curl command with secrets as placeholders (the popup asks), or null. */
  curlOfPage(): string | null;
  /** Opens (or toggles) the card of a badge; with `refresh`, redraws it only when it is open. */
  openCard(shadow: ShadowRoot, anchor: HTMLElement, view: BadgeView, refresh?: boolean): void;
  closeOpenCard(): void;
}

type ExtrasScope = { [EXTRAS_GLOBAL]?: ContentExtras };

/** Only the world's own property: an element the page names `id="webhookDoctorExtras"` is not ours. */
export function readExtras(scope: object = globalThis): ContentExtras | null {
  return Object.hasOwn(scope, EXTRAS_GLOBAL) ? ((scope as ExtrasScope)[EXTRAS_GLOBAL] ?? null) : null;
}

export function registerExtras(extras: ContentExtras, scope: object = globalThis): void {
  (scope as ExtrasScope)[EXTRAS_GLOBAL] = extras;
}
