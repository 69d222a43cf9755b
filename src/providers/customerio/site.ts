// Customer.io: the "Send and receive data" webhook action's deliveries and its editor.
import type { SelectorPages } from '../selector-pages';
import type { SiteSelectors } from '../site-adapter';

export const site: SiteSelectors = {
  rows: ['.deliveries > .delivery', '[data-delivery-id]'],
  statusCells: [],
  ignore: [],
  editor: {
    url: ['form[data-action-type="webhook"] input[name="url"]'],
    headerRow: ['.request-headers .request-header'],
    headerName: ['input[placeholder="Header name"]'],
    headerValue: ['input[placeholder="Header value"]'],
    body: ['form[data-action-type="webhook"] textarea[name="body"]'],
  },
};

/** Each alternative's fixture pages and counts; its other pages must match nothing. */
export const selectorPages = (): SelectorPages => ({
  '.deliveries > .delivery': { 'customerio/webhook-deliveries.html': 9 },
  '[data-delivery-id]': { 'customerio/webhook-deliveries.html': 9 },
  'form[data-action-type="webhook"] input[name="url"]': {
    'customerio/webhook-action.html': 1,
    'customerio/shopify-action.html': 1,
    'customerio/lob-action.html': 1,
    'customerio/make-action.html': 1,
    'customerio/segment-action.html': 1,
    'customerio/multi-request-action.html': 3,
  },
  '.request-headers .request-header': {
    'customerio/webhook-action.html': 2,
    'customerio/shopify-action.html': 2,
    'customerio/lob-action.html': 2,
    'customerio/make-action.html': 1,
    'customerio/segment-action.html': 2,
    'customerio/multi-request-action.html': 4,
  },
  'input[placeholder="Header name"]': {
    'customerio/webhook-action.html': 2,
    'customerio/shopify-action.html': 2,
    'customerio/lob-action.html': 2,
    'customerio/make-action.html': 1,
    'customerio/segment-action.html': 2,
    'customerio/multi-request-action.html': 4,
  },
  'input[placeholder="Header value"]': {
    'customerio/webhook-action.html': 2,
    'customerio/shopify-action.html': 2,
    'customerio/lob-action.html': 2,
    'customerio/make-action.html': 1,
    'customerio/segment-action.html': 2,
    'customerio/multi-request-action.html': 4,
  },
  'form[data-action-type="webhook"] textarea[name="body"]': {
    'customerio/webhook-action.html': 1,
    'customerio/shopify-action.html': 1,
    'customerio/lob-action.html': 1,
    'customerio/make-action.html': 1,
    'customerio/segment-action.html': 1,
    'customerio/multi-request-action.html': 3,
  },
});
