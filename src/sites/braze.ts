// Braze: Message Activity Log, the webhook composer's Test result dialog, and the composer itself.
import { type SelectorCheck, type SiteAdapter } from './types';

export const braze: SiteAdapter = {
  id: 'braze',
  provider: 'braze',
  // Dashboards live on numbered clusters: dashboard-01.braze.com, dashboard-02.braze.eu, ...
  matchesHost: (hostname) => /(^|\.)braze\.(com|eu)$/i.test(hostname),
  rows: '.activity-log-row, table[aria-label="Message Activity Log"] tbody tr, [data-test="webhook-test-response"]',
  statusCells: '',
  ignore: '',
  editor: {
    url: 'input[name="webhook_url"]',
    headerRow: '.request-headers .header-pair',
    headerName: 'input.header-key',
    headerValue: 'input.header-value',
    body: 'textarea[name="request_body"]',
  },
};

/** Fixture pages and counts (a function, so the content-script bundle drops it). */
export const brazeSelectorChecks = (): SelectorCheck[] => [
  { name: 'rows', selector: braze.rows, fixture: 'braze/message-activity-log.html', count: 10 },
  { name: 'rows', selector: braze.rows, fixture: 'braze/webhook-test-dialog.html', count: 1 },
  { name: 'rows', selector: braze.rows, fixture: 'braze/webhook-composer.html', count: 0 },
  { name: 'editor.url', selector: braze.editor.url, fixture: 'braze/webhook-composer.html', count: 1 },
  { name: 'editor.headerRow', selector: braze.editor.headerRow, fixture: 'braze/webhook-composer.html', count: 2 },
  { name: 'editor.headerName', selector: braze.editor.headerName, fixture: 'braze/webhook-composer.html', count: 2 },
  { name: 'editor.headerValue', selector: braze.editor.headerValue, fixture: 'braze/webhook-composer.html', count: 2 },
  { name: 'editor.body', selector: braze.editor.body, fixture: 'braze/webhook-composer.html', count: 1 },
  { name: 'editor.url', selector: braze.editor.url, fixture: 'braze/message-activity-log.html', count: 0 },
];
