// Registry of receiving-API layers. Adding one: a file in this folder and one line in the list.
import type { EndpointLayer } from '../types';
import { airtable } from './airtable';
import { appsScript } from './apps-script';
import { discord } from './discord';
import { hubspotCrm } from './hubspot-crm';
import { lob } from './lob';
import { make } from './make';
import { poplar } from './poplar';
import { segment } from './segment';
import { shopify } from './shopify';
import { slack } from './slack';
import { teamsWorkflows } from './teams-workflows';
import { twilio } from './twilio';
import { zapier } from './zapier';

export const ENDPOINT_LAYERS: readonly EndpointLayer[] = [
  poplar,
  slack,
  discord,
  zapier,
  appsScript,
  segment,
  twilio,
  shopify,
  hubspotCrm,
  lob,
  airtable,
  teamsWorkflows,
  make,
];

/**
 * Answers of endpointFor by URL: a log names the same few URLs on thousands of lines, and each
 * layer parses the URL again. Bounded, since the URLs come from the text.
 */
const LAYER_BY_URL_LIMIT = 512;
const layerByUrl = new Map<string, EndpointLayer | null>();

/** The layer of the API a webhook URL calls, if the catalog knows it. */
export function endpointFor(url: string | null | undefined): EndpointLayer | undefined {
  if (!url) return undefined;
  let layer = layerByUrl.get(url);
  if (layer === undefined) {
    if (layerByUrl.size >= LAYER_BY_URL_LIMIT) layerByUrl.clear();
    layer = ENDPOINT_LAYERS.find((candidate) => candidate.matches(url)) ?? null;
    layerByUrl.set(url, layer);
  }
  return layer ?? undefined;
}

/** Body fields the call at this URL must carry; empty when unknown. */
export function requiredFieldsFor(url: string | null | undefined): readonly string[] {
  if (!url) return [];
  return endpointFor(url)?.requiredFields(url) ?? [];
}

/** Bounded: URLs in a log line are short, and a hostile one must not cost much. */
const URL_IN_TEXT = /https?:\/\/[^\s"'<>()[\]{}]{1,2048}/gi;

/** The first URL in a piece of text that a layer knows, with that layer. */
export function endpointInText(text: string): { url: string; layer: EndpointLayer } | undefined {
  URL_IN_TEXT.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = URL_IN_TEXT.exec(text)) !== null) {
    const layer = endpointFor(match[0]);
    if (layer) return { url: match[0], layer };
  }
  return undefined;
}
