// Registry of receiving-API layers. Adding one: a file in this folder and one line in the list.
// Light on purpose: the content script imports it to learn a URL's required body fields.
import type { EndpointLayer } from '../types';
import { poplar } from './poplar';

export const ENDPOINT_LAYERS: readonly EndpointLayer[] = [poplar];

/** The layer of the API a webhook URL calls, if the catalog knows it. */
export function endpointFor(url: string | null | undefined): EndpointLayer | undefined {
  if (!url) return undefined;
  return ENDPOINT_LAYERS.find((layer) => layer.matches(url));
}

/** Body fields the call at this URL must carry; empty when unknown. */
export function requiredFieldsFor(url: string | null | undefined): readonly string[] {
  if (!url) return [];
  return endpointFor(url)?.requiredFields(url) ?? [];
}
