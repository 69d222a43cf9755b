// Klaviyo: the flow webhook action's "View All Activity" log and the webhook editor.
import type { SelectorPages } from '../selector-pages';
import type { SiteSelectors } from '../site-adapter';

const ACTIVITY_TABLE = '[data-testid="webhook-activity-table"]';

export const site: SiteSelectors = {
  rows: ['[data-testid="activity-row"]', `${ACTIVITY_TABLE} tbody tr`],
  // Skipped sends show only the code ("403") in the Error column.
  statusCells: [`${ACTIVITY_TABLE} td[data-column="error"]`],
  ignore: [],
  editor: {
    url: ['input[name="destinationUrl"]'],
    headerRow: ['[data-testid="webhook-header-row"]'],
    headerName: ['input[aria-label="Header key"]'],
    headerValue: ['input[aria-label="Header value"]'],
    body: ['textarea[name="body"]'],
  },
};

/** Each alternative's fixture pages and counts; its other pages must match nothing. */
export const selectorPages = (): SelectorPages => ({
  '[data-testid="activity-row"]': { 'klaviyo/webhook-activity.html': 11 },
  '[data-testid="webhook-activity-table"] tbody tr': { 'klaviyo/webhook-activity.html': 11 },
  '[data-testid="webhook-activity-table"] td[data-column="error"]': { 'klaviyo/webhook-activity.html': 11 },
  'input[name="destinationUrl"]': {
    'klaviyo/webhook-editor.html': 1,
    'klaviyo/twilio-editor.html': 1,
    'klaviyo/airtable-editor.html': 1,
  },
  '[data-testid="webhook-header-row"]': {
    'klaviyo/webhook-editor.html': 2,
    'klaviyo/twilio-editor.html': 2,
    'klaviyo/airtable-editor.html': 2,
  },
  'input[aria-label="Header key"]': {
    'klaviyo/webhook-editor.html': 2,
    'klaviyo/twilio-editor.html': 2,
    'klaviyo/airtable-editor.html': 2,
  },
  'input[aria-label="Header value"]': {
    'klaviyo/webhook-editor.html': 2,
    'klaviyo/twilio-editor.html': 2,
    'klaviyo/airtable-editor.html': 2,
  },
  'textarea[name="body"]': {
    'klaviyo/webhook-editor.html': 1,
    'klaviyo/twilio-editor.html': 1,
    'klaviyo/airtable-editor.html': 1,
  },
});
