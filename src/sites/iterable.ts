// Iterable: the journey "Call Webhook" tile editor. Journey webhook responses are discarded, so
// there is no delivery log to read; the editor is where mistakes can be caught.
import { hostIn, type SelectorCheck, type SiteAdapter } from './types';

export const iterable: SiteAdapter = {
  id: 'iterable',
  provider: 'iterable',
  matchesHost: hostIn('app.iterable.com', 'app.eu.iterable.com'),
  rows: '',
  statusCells: '',
  // Help text shows the header form "Authorization: <authType> <authToken>": not a mistake.
  ignore: '.field-hint',
  editor: {
    url: 'input[name="endpoint"]',
    headerRow: '.webhook-headers .header-row',
    headerName: 'input[aria-label="Header name"]',
    headerValue: 'input[aria-label="Header value"]',
    body: 'textarea[name="body"]',
  },
};

/** Fixture pages and counts (a function, so the content-script bundle drops it). */
export const iterableSelectorChecks = (): SelectorCheck[] => [
  { name: 'ignore', selector: iterable.ignore, fixture: 'iterable/journey-webhook.html', count: 2 },
  { name: 'editor.url', selector: iterable.editor.url, fixture: 'iterable/journey-webhook.html', count: 1 },
  { name: 'editor.headerRow', selector: iterable.editor.headerRow, fixture: 'iterable/journey-webhook.html', count: 2 },
  { name: 'editor.headerName', selector: iterable.editor.headerName, fixture: 'iterable/journey-webhook.html', count: 2 },
  { name: 'editor.headerValue', selector: iterable.editor.headerValue, fixture: 'iterable/journey-webhook.html', count: 2 },
  { name: 'editor.body', selector: iterable.editor.body, fixture: 'iterable/journey-webhook.html', count: 1 },
  // The unknown-layout page is served on an Iterable host: none of these may match there.
  { name: 'editor.body', selector: iterable.editor.body, fixture: 'generic/unknown-layout.html', count: 0 },
];
