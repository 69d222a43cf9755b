// Iterable: the journey "Call Webhook" tile editor. Journey webhook responses are discarded, so
// there is no delivery log to read; the editor is where mistakes can be caught.
import type { SelectorPages } from '../selector-pages';
import type { SiteSelectors } from '../site-adapter';

export const site: SiteSelectors = {
  rows: [],
  statusCells: [],
  // Help text shows the header form "Authorization: <authType> <authToken>": not a mistake.
  ignore: ['.field-hint'],
  editor: {
    url: ['input[name="endpoint"]'],
    headerRow: ['.webhook-headers .header-row'],
    headerName: ['input[aria-label="Header name"]'],
    headerValue: ['input[aria-label="Header value"]'],
    body: ['textarea[name="body"]'],
  },
};

/** Each alternative's fixture pages and counts; its other pages must match nothing. */
export const selectorPages = (): SelectorPages => ({
  '.field-hint': { 'iterable/journey-webhook.html': 2, 'iterable/hubspot-crm-webhook.html': 2 },
  'input[name="endpoint"]': { 'iterable/journey-webhook.html': 1, 'iterable/hubspot-crm-webhook.html': 1 },
  '.webhook-headers .header-row': {
    'iterable/journey-webhook.html': 2,
    'iterable/hubspot-crm-webhook.html': 2,
  },
  'input[aria-label="Header name"]': {
    'iterable/journey-webhook.html': 2,
    'iterable/hubspot-crm-webhook.html': 2,
  },
  'input[aria-label="Header value"]': {
    'iterable/journey-webhook.html': 2,
    'iterable/hubspot-crm-webhook.html': 2,
  },
  'textarea[name="body"]': { 'iterable/journey-webhook.html': 1, 'iterable/hubspot-crm-webhook.html': 1 },
});
