// Source URLs cited by the generic catalog and the endpoint layers; each ESP's own are in its
// provider folder (src/providers/<id>/sources.ts).

export const RFC9110 = 'https://www.rfc-editor.org/rfc/rfc9110';
export const RFC6585 = 'https://www.rfc-editor.org/rfc/rfc6585';
export const IANA_STATUS_CODES = 'https://www.iana.org/assignments/http-status-codes/';

/** RFC 9110 section of one status code, e.g. #status.403. */
export function rfc9110Status(code: number): string {
  return `${RFC9110}#status.${code}`;
}

export const CLOUDFLARE_5XX = 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/';

/** nginx's own codes (444, 494-497, 499) are defined in its source, not in its manuals. */
export const NGINX_STATUS_CODES = 'https://github.com/nginx/nginx/blob/master/src/http/ngx_http_request.h';

export const POPLAR_STATUS_ERRORS = 'https://docs.heypoplar.com/integrations/troubleshooting/status-errors';
export const POPLAR_HTTP_ERRORS = 'https://docs.heypoplar.com/api/api/http-errors';

export const SLACK_INCOMING_WEBHOOKS = 'https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks/';
export const SLACK_WEBHOOK_ERRORS = 'https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks';
export const SLACK_RATE_LIMITS = 'https://docs.slack.dev/apis/web-api/rate-limits/';

export const DISCORD_EXECUTE_WEBHOOK = 'https://discord.com/developers/docs/resources/webhook#execute-webhook';
export const DISCORD_RATE_LIMITS = 'https://discord.com/developers/docs/topics/rate-limits';
export const DISCORD_ERROR_CODES = 'https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes';

export const ZAPIER_CATCH_HOOKS = 'https://help.zapier.com/hc/en-us/articles/8496288690317-Trigger-Zaps-from-webhooks';
export const ZAPIER_REST_HOOKS = 'https://docs.zapier.com/platform/build/hook-trigger';

export const APPS_SCRIPT_CONTENT_SERVICE = 'https://developers.google.com/apps-script/guides/content';
export const APPS_SCRIPT_WEB_APPS = 'https://developers.google.com/apps-script/guides/web';
export const APPS_SCRIPT_DEPLOYMENTS = 'https://developers.google.com/apps-script/concepts/deployments';

export const SEGMENT_HTTP_API = 'https://www.twilio.com/docs/segment/connections/sources/catalog/libraries/server/http-api';
export const SEGMENT_OAUTH = 'https://www.twilio.com/docs/segment/connections/oauth';

export const TWILIO_MESSAGE_RESOURCE = 'https://www.twilio.com/docs/messaging/api/message-resource';
export const TWILIO_REQUESTS = 'https://www.twilio.com/docs/usage/requests-to-twilio';
export const TWILIO_ERROR_CODES = 'https://www.twilio.com/docs/api/errors';

/** Twilio's page for one numbered error, e.g. .../errors/21604. */
export function twilioErrorPage(code: number): string {
  return `${TWILIO_ERROR_CODES}/${code}`;
}

export const SHOPIFY_ADMIN_AUTH = 'https://shopify.dev/docs/api/admin-rest#authentication';
export const SHOPIFY_RATE_LIMITS = 'https://shopify.dev/docs/api/usage/rate-limits';
export const SHOPIFY_RESPONSE_CODES = 'https://shopify.dev/docs/api/usage/response-codes';

export const HUBSPOT_AUTH = 'https://developers.hubspot.com/docs/apps/legacy-apps/authentication/intro-to-auth';
export const HUBSPOT_USAGE = 'https://developers.hubspot.com/docs/api/usage-details';
export const HUBSPOT_CONTACTS = 'https://developers.hubspot.com/docs/api/crm/contacts';
export const HUBSPOT_ERROR_HANDLING = 'https://developers.hubspot.com/docs/api-reference/error-handling';

export const LOB_API_KEYS = 'https://help.lob.com/account-management/api-keys';
export const LOB_ERRORS = 'https://help.lob.com/developer-docs/error-reference';

export const AIRTABLE_TROUBLESHOOTING = 'https://support.airtable.com/docs/airtable-api-common-troubleshooting';
export const AIRTABLE_RATE_LIMITS = 'https://airtable.com/developers/web/api/rate-limits';
export const AIRTABLE_CALL_LIMITS = 'https://support.airtable.com/docs/managing-api-call-limits-in-airtable';

export const TEAMS_INCOMING_WEBHOOKS =
  'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook';
export const TEAMS_WEBHOOK_TRIGGER = 'https://learn.microsoft.com/en-us/connectors/teams/?tabs=text1#microsoft-teams-webhook';
export const TEAMS_CONNECTORS_RETIREMENT =
  'https://devblogs.microsoft.com/microsoft365dev/retirement-of-office-365-connectors-within-microsoft-teams/';

export const MAKE_WEBHOOKS = 'https://www.make.com/en/help/tools/webhooks';
