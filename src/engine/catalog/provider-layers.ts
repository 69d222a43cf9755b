// The ESPs' catalog layers, looked up through the provider registry (each lives in its folder).
import { PROVIDER_IDS, providerById, type ProviderId } from '../../providers';
import type { ProviderLayer } from './types';

export function providerLayer(id: ProviderId | null | undefined): ProviderLayer | undefined {
  return providerById(id)?.catalog;
}

export const PROVIDER_LAYERS: Readonly<Record<ProviderId, ProviderLayer>> = Object.fromEntries(
  PROVIDER_IDS.map((id) => [id, providerLayer(id)!]),
) as Record<ProviderId, ProviderLayer>;
