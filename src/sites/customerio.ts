// Customer.io: the "Send and receive data" webhook action's deliveries and its editor.
import { hostIn, type SelectorCheck, type SiteAdapter } from './types';

export const customerio: SiteAdapter = {
  id: 'customerio',
  provider: 'customerio',
  matchesHost: hostIn('fly.customer.io', 'fly-eu.customer.io'),
  rows: '.deliveries > .delivery, [data-delivery-id]',
  statusCells: '',
  ignore: '',
  editor: {
    url: 'form[data-action-type="webhook"] input[name="url"]',
    headerRow: '.request-headers .request-header',
    headerName: 'input[placeholder="Header name"]',
    headerValue: 'input[placeholder="Header value"]',
    body: 'form[data-action-type="webhook"] textarea[name="body"]',
  },
};

/** Fixture pages and counts (a function, so the content-script bundle drops it). */
export const customerioSelectorChecks = (): SelectorCheck[] => [
  { name: 'rows', selector: customerio.rows, fixture: 'customerio/webhook-deliveries.html', count: 9 },
  { name: 'rows', selector: customerio.rows, fixture: 'customerio/webhook-action.html', count: 0 },
  { name: 'editor.url', selector: customerio.editor.url, fixture: 'customerio/webhook-action.html', count: 1 },
  { name: 'editor.headerRow', selector: customerio.editor.headerRow, fixture: 'customerio/webhook-action.html', count: 2 },
  { name: 'editor.headerName', selector: customerio.editor.headerName, fixture: 'customerio/webhook-action.html', count: 2 },
  { name: 'editor.headerValue', selector: customerio.editor.headerValue, fixture: 'customerio/webhook-action.html', count: 2 },
  { name: 'editor.body', selector: customerio.editor.body, fixture: 'customerio/webhook-action.html', count: 1 },
];
