// Source URLs cited by catalog entries, in one place so they stay consistent.

export const RFC9110 = 'https://www.rfc-editor.org/rfc/rfc9110';
export const RFC6585 = 'https://www.rfc-editor.org/rfc/rfc6585';
export const IANA_STATUS_CODES = 'https://www.iana.org/assignments/http-status-codes/';

/** RFC 9110 section of one status code, e.g. #status.403. */
export function rfc9110Status(code: number): string {
  return `${RFC9110}#status.${code}`;
}

export const CLOUDFLARE_5XX =
  'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/';

export const KLAVIYO_STATUS_CODES = 'https://developers.klaviyo.com/en/docs/understanding_webhook_status_codes';

export const BRAZE_CREATING_WEBHOOK =
  'https://www.braze.com/docs/user_guide/message_building_by_channel/webhooks/creating_a_webhook/';
export const BRAZE_WEBHOOK_ERRORS =
  'https://www.braze.com/docs/help/help_articles/api/webhook_connected_content_errors/';
export const BRAZE_ACTIVITY_LOG =
  'https://www.braze.com/docs/user_guide/administrative/app_settings/message_activity_log_tab/';
export const BRAZE_TROUBLESHOOTING =
  'https://www.braze.com/docs/user_guide/message_building_by_channel/webhooks/troubleshooting/';

export const CUSTOMERIO_WEBHOOK_ACTION = 'https://docs.customer.io/journeys/webhooks-action/';
export const CUSTOMERIO_REPORTING_WEBHOOKS = 'https://docs.customer.io/api/webhooks/';

export const HUBSPOT_WORKFLOW_WEBHOOKS = 'https://developers.hubspot.com/docs/methods/workflows/webhook_information';

export const ITERABLE_WEBHOOKS = 'https://support.iterable.com/hc/en-us/articles/205480275';
export const ITERABLE_JOURNEY_WEBHOOKS = 'https://support.iterable.com/hc/en-us/articles/208013936';

export const POPLAR_STATUS_ERRORS = 'https://docs.heypoplar.com/integrations/troubleshooting/status-errors';
export const POPLAR_HTTP_ERRORS = 'https://docs.heypoplar.com/api/api/http-errors';
