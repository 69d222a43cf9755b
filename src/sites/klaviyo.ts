// Klaviyo: the flow webhook action's "View All Activity" log and the webhook editor.
import { hostIn, type SelectorCheck, type SiteAdapter } from './types';

const ACTIVITY_TABLE = '[data-testid="webhook-activity-table"]';

export const klaviyo: SiteAdapter = {
  id: 'klaviyo',
  provider: 'klaviyo',
  matchesHost: hostIn('www.klaviyo.com'),
  rows: `[data-testid="activity-row"], ${ACTIVITY_TABLE} tbody tr`,
  // Skipped sends show only the code ("403") in the Error column.
  statusCells: `${ACTIVITY_TABLE} td[data-column="error"]`,
  ignore: '',
  editor: {
    url: 'input[name="destinationUrl"]',
    headerRow: '[data-testid="webhook-header-row"]',
    headerName: 'input[aria-label="Header key"]',
    headerValue: 'input[aria-label="Header value"]',
    body: 'textarea[name="body"]',
  },
};

/** Fixture pages and counts (a function, so the content-script bundle drops it). */
export const klaviyoSelectorChecks = (): SelectorCheck[] => [
  { name: 'rows', selector: klaviyo.rows, fixture: 'klaviyo/webhook-activity.html', count: 11 },
  { name: 'rows', selector: klaviyo.rows, fixture: 'klaviyo/webhook-editor.html', count: 0 },
  { name: 'statusCells', selector: klaviyo.statusCells, fixture: 'klaviyo/webhook-activity.html', count: 11 },
  { name: 'editor.url', selector: klaviyo.editor.url, fixture: 'klaviyo/webhook-editor.html', count: 1 },
  { name: 'editor.headerRow', selector: klaviyo.editor.headerRow, fixture: 'klaviyo/webhook-editor.html', count: 2 },
  { name: 'editor.headerName', selector: klaviyo.editor.headerName, fixture: 'klaviyo/webhook-editor.html', count: 2 },
  { name: 'editor.headerValue', selector: klaviyo.editor.headerValue, fixture: 'klaviyo/webhook-editor.html', count: 2 },
  { name: 'editor.body', selector: klaviyo.editor.body, fixture: 'klaviyo/webhook-editor.html', count: 1 },
  { name: 'editor.body', selector: klaviyo.editor.body, fixture: 'klaviyo/webhook-activity.html', count: 0 },
];
