// Braze: Message Activity Log, the webhook composer's Test result dialog, and the composer itself.
import type { SelectorPages } from '../selector-pages';
import type { SiteSelectors } from '../site-adapter';

export const site: SiteSelectors = {
  rows: ['.activity-log-row', 'table[aria-label="Message Activity Log"] tbody tr', '[data-test="webhook-test-response"]'],
  statusCells: [],
  ignore: [],
  editor: {
    url: ['input[name="webhook_url"]'],
    headerRow: ['.request-headers .header-pair'],
    headerName: ['input.header-key'],
    headerValue: ['input.header-value'],
    body: ['textarea[name="request_body"]'],
  },
};

/** Each alternative's fixture pages and counts; its other pages must match nothing. */
export const selectorPages = (): SelectorPages => ({
  '.activity-log-row': { 'braze/message-activity-log.html': 10 },
  'table[aria-label="Message Activity Log"] tbody tr': { 'braze/message-activity-log.html': 10 },
  '[data-test="webhook-test-response"]': { 'braze/webhook-test-dialog.html': 1 },
  'input[name="webhook_url"]': {
    'braze/webhook-composer.html': 1,
    'braze/slack-composer.html': 1,
    'braze/discord-composer.html': 1,
    'braze/apps-script-composer.html': 1,
    'braze/teams-composer.html': 1,
  },
  '.request-headers .header-pair': {
    'braze/webhook-composer.html': 2,
    'braze/slack-composer.html': 2,
    'braze/discord-composer.html': 2,
    'braze/apps-script-composer.html': 1,
    'braze/teams-composer.html': 2,
  },
  'input.header-key': {
    'braze/webhook-composer.html': 2,
    'braze/slack-composer.html': 2,
    'braze/discord-composer.html': 2,
    'braze/apps-script-composer.html': 1,
    'braze/teams-composer.html': 2,
  },
  'input.header-value': {
    'braze/webhook-composer.html': 2,
    'braze/slack-composer.html': 2,
    'braze/discord-composer.html': 2,
    'braze/apps-script-composer.html': 1,
    'braze/teams-composer.html': 2,
  },
  'textarea[name="request_body"]': {
    'braze/webhook-composer.html': 1,
    'braze/slack-composer.html': 1,
    'braze/discord-composer.html': 1,
    'braze/apps-script-composer.html': 1,
    'braze/teams-composer.html': 1,
  },
});
