// An ESP's catalog layer as its folder writes it: fix steps with their ids, handed to diagnoses as
// their texts (see AdviceStep).
import type { AdviceStep, ProviderLayer } from './types';

export interface ProviderLayerData extends Omit<ProviderLayer, 'steps'> {
  steps: Readonly<Record<string, readonly AdviceStep[]>>;
}

export function defineProviderLayer(data: ProviderLayerData): ProviderLayer {
  const steps = Object.fromEntries(Object.entries(data.steps).map(([topic, list]) => [topic, list.map((step) => step.text)]));
  return { ...data, steps };
}
