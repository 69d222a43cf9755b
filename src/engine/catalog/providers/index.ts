// Registry of provider layers. Adding a provider: one file in this folder and one line below.
import type { ProviderId } from '../../types';
import type { ProviderLayer } from '../types';
import { braze } from './braze';
import { customerio } from './customerio';
import { hubspot } from './hubspot';
import { iterable } from './iterable';
import { klaviyo } from './klaviyo';

export const PROVIDER_LAYERS: Readonly<Record<ProviderId, ProviderLayer>> = {
  klaviyo,
  braze,
  customerio,
  hubspot,
  iterable,
};

export function providerLayer(id: ProviderId | null | undefined): ProviderLayer | undefined {
  if (!id) return undefined;
  return Object.hasOwn(PROVIDER_LAYERS, id) ? PROVIDER_LAYERS[id] : undefined;
}
