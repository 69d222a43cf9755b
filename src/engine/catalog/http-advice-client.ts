// Advice for the 4xx codes a webhook can fail with: the request needs a change (or, for 408 and
// 429, the pace or timing of requests does).
import type { AdviceData } from './types';
import {
  LOWER_SEND_RATE_STEP,
  PASTE_TOKEN_AGAIN_STEP,
  READ_RESPONSE_BODY_STEP,
  SEND_TEST_STEP,
  WAIT_FOR_RETRIES_STEP,
} from './common-steps';
import { RFC6585, rfc9110Status } from './sources';
import { BRAZE_WEBHOOK_ERRORS } from '../../providers/braze/sources';
import { HUBSPOT_WORKFLOW_WEBHOOKS } from '../../providers/hubspot/sources';

export const CLIENT_ERROR_ADVICE: Readonly<Record<number, AdviceData>> = {
  400: {
    short: 'request rejected',
    meaning:
      'The receiver could not accept what the webhook sent. Usually the body is not valid JSON, a required field is missing or empty, or a value is in the wrong format.',
    side: 'request',
    steps: [
      READ_RESPONSE_BODY_STEP,
      {
        id: 'http:400/paste-webhook-body-json',
        text: 'Paste the webhook body into a JSON validator and fix stray or missing commas, quotes and curly braces.',
      },
      {
        id: 'http:400/compare-field-name-body',
        text: "Compare every field name in the body with the receiver's API documentation: spelling and upper/lower case must match exactly.",
      },
      {
        id: 'http:400/preview-webhook-real-test',
        text: 'Preview the webhook for a real test profile and check that no personalization tag renders blank and that the profile holds every required value.',
      },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(400), BRAZE_WEBHOOK_ERRORS],
  },
  401: {
    short: 'credentials missing',
    meaning:
      'The receiver did not get a credential it accepts: the Authorization header (or API key) is missing, misspelt, expired or in the wrong format.',
    side: 'request',
    steps: [
      {
        id: 'http:401/open-webhook-headers-check',
        text: "Open the webhook's headers and check there is one header named exactly Authorization (or the name the receiver's docs give).",
      },
      {
        id: 'http:401/check-value-format-against',
        text: 'Check the value\'s format against the docs: usually "Bearer", one space, then the token, with no quotes around it.',
      },
      PASTE_TOKEN_AGAIN_STEP,
      {
        id: 'http:401/token-rotated-revoked-expired',
        text: 'If the token was rotated, revoked or has expired, create a new one and update every webhook that uses it.',
      },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(401), BRAZE_WEBHOOK_ERRORS],
  },
  402: {
    short: 'payment required',
    meaning:
      'The receiver refuses the call for a billing reason: the plan, credits or payment of the account behind the token are not in order.',
    side: 'receiver',
    steps: [
      {
        id: 'http:402/log-receiver-account-check',
        text: "Log in to the receiver's account and check its billing page: plan, remaining credits, failed payments.",
      },
      {
        id: 'http:402/check-token-belongs-account',
        text: 'Check that the token belongs to the account that holds the paid plan, not a trial or sandbox account.',
      },
      {
        id: 'http:402/after-billing-fixed-resend',
        text: 'After billing is fixed, resend the failed items: most ESPs do not retry this code.',
      },
    ],
    sources: [rfc9110Status(402)],
  },
  403: {
    short: 'token refused',
    meaning:
      "The receiver understood the request but refused it. The token is wrong for this endpoint or account, lacks a permission, or the sender's network address is blocked.",
    side: 'request',
    steps: [
      {
        id: 'http:403/paste-token-again-copied',
        text: "Paste the token again, copied straight from the receiver's dashboard: a duplicated or copied webhook can carry a masked value (### or ***) instead of the real token.",
      },
      {
        id: 'http:403/check-header-value-format',
        text: 'Check the header value\'s format: scheme, one space, token (for example "Bearer abc…"), with no quotes and no doubled scheme.',
      },
      {
        id: 'http:403/make-sure-token-belongs',
        text: 'Make sure the token belongs to the account or organization the webhook writes to, and is a live (production) token if the endpoint needs one.',
      },
      {
        id: 'http:403/check-receiver-settings-token',
        text: "Check in the receiver's settings that the token's permissions or scopes cover this endpoint.",
      },
      {
        id: 'http:403/credentials-right-ask-receiver',
        text: "If the credentials are right, ask the receiver's owner whether a firewall or IP allowlist blocks your ESP's sending addresses.",
      },
    ],
    sources: [rfc9110Status(403), BRAZE_WEBHOOK_ERRORS],
  },
  404: {
    short: 'URL not found',
    meaning:
      'Nothing exists at the address the webhook called: the URL has a typo, a wrong path or API version, or it points at a record that was deleted.',
    side: 'request',
    steps: [
      {
        id: 'http:404/compare-webhook-url-character',
        text: "Compare the webhook's URL character by character with the receiver's documentation: host, path, version (such as /v1/) and trailing slash.",
      },
      {
        id: 'http:404/look-personalization-tags-url',
        text: 'Look for personalization tags in the URL that render blank or a wrong ID for some profiles.',
      },
      {
        id: 'http:404/check-record-url-points',
        text: "Check that the record the URL points at (campaign, list, object ID) still exists in the receiver's account.",
      },
      {
        id: 'http:404/receiver-moved-retired-endpoint',
        text: 'If the receiver moved or retired the endpoint, get the current URL from its documentation or support.',
      },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(404), BRAZE_WEBHOOK_ERRORS],
  },
  405: {
    short: 'wrong HTTP method',
    meaning: 'The URL exists but does not accept the HTTP method the webhook uses, for example GET where the receiver expects POST.',
    side: 'request',
    steps: [
      {
        id: 'http:405/open-webhook-settings-note',
        text: 'Open the webhook settings and note the HTTP method it uses (POST, PUT, GET, ...).',
      },
      {
        id: 'http:405/compare-method-receiver-documentation',
        text: "Compare it with the method the receiver's documentation gives for this URL; endpoints that create something usually expect POST.",
      },
      {
        id: 'http:405/check-url-api-endpoint',
        text: 'Check that the URL is the API endpoint itself and not a documentation or dashboard page that only answers GET.',
      },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(405), BRAZE_WEBHOOK_ERRORS],
  },
  406: {
    short: 'format not offered',
    meaning: 'The receiver cannot answer in the format the request asked for, usually because of an Accept header it does not support.',
    side: 'request',
    steps: [
      { id: 'http:406/look-accept-header-among', text: "Look for an Accept header among the webhook's headers." },
      {
        id: 'http:406/set-application-json-remove',
        text: "Set it to application/json, or remove it, unless the receiver's docs ask for something else.",
      },
      {
        id: 'http:406/check-url-does-ask',
        text: 'Check that the URL does not ask for a format or API version the receiver lacks (such as a .xml ending).',
      },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(406)],
  },
  408: {
    short: 'receiver timed out',
    meaning:
      'The receiver gave up waiting for the request to arrive or to finish. The content was most likely fine; time was the problem: a slow or busy endpoint, a very large body, or a slow network path.',
    side: 'receiver',
    steps: [
      {
        id: 'http:408/look-failures-happened-many',
        text: 'Look at when the failures happened: if many rows failed within the same minutes, the receiver was slow or busy then. Check its status page or ask its owner.',
      },
      {
        id: 'http:408/find-out-how-long',
        text: "Find out how long your ESP waits for an answer (Braze 90 s, HubSpot 30 s, Customer.io reporting webhooks 4 s) and ask the receiver's owner to answer within that time, for example by accepting the call first and doing the work afterwards.",
      },
      {
        id: 'http:408/keep-body-small-send',
        text: 'Keep the body small: send only the fields the receiver needs, not whole profiles or event histories.',
      },
      LOWER_SEND_RATE_STEP,
      WAIT_FOR_RETRIES_STEP,
    ],
    sources: [rfc9110Status(408), BRAZE_WEBHOOK_ERRORS, HUBSPOT_WORKFLOW_WEBHOOKS],
  },
  409: {
    short: 'conflicts with record',
    meaning:
      "The request clashes with the current state of the record on the receiver's side. Most often the item already exists because the same send arrived twice, or another request changed the record at the same moment.",
    side: 'request',
    steps: [
      {
        id: 'http:409/read-response-body-usually',
        text: 'Read the response body: it usually names the record or the unique value (e-mail, order ID, external ID) that already exists.',
      },
      {
        id: 'http:409/check-webhook-fires-twice',
        text: 'Check whether this webhook fires twice for the same person: two flows or triggers, a re-entered journey, or a manual resend on top of an automatic retry.',
      },
      {
        id: 'http:409/receiver-supports-idempotency-key',
        text: 'If the receiver supports an idempotency key or a stable unique ID, send one so that a repeated send is recognized instead of refused.',
      },
      {
        id: 'http:409/look-up-record-receiver',
        text: 'Look up the record in the receiver (already processed, cancelled, locked) and, if its API offers it, update the existing record instead of creating it again.',
      },
      {
        id: 'http:409/receiver-docs-say-409',
        text: "If the receiver's docs say a 409 means the item was already handled, count the row as delivered rather than resending it.",
      },
    ],
    sources: [rfc9110Status(409)],
  },
  410: {
    short: 'endpoint retired',
    meaning: 'The address existed once but was removed for good; the receiver will not accept calls there again.',
    side: 'request',
    steps: [
      {
        id: 'http:410/look-up-receiver-current',
        text: "Look up the receiver's current endpoint in its documentation or changelog (often a newer API version).",
      },
      { id: 'http:410/update-webhook-url-body', text: 'Update the webhook URL, and the body fields if the new version renamed them.' },
      {
        id: 'http:410/url-named-specific-record',
        text: 'If the URL named a specific record (such as a campaign ID), check it was not deleted or archived, and use the current one.',
      },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(410)],
  },
  411: {
    short: 'length header missing',
    meaning: 'The receiver requires a Content-Length header that states the size of the body, and the request did not carry one.',
    side: 'request',
    steps: [
      {
        id: 'http:411/check-webhook-sends-body',
        text: 'Check that the webhook sends a body at all; a POST with an empty body can cause this.',
      },
      {
        id: 'http:411/remove-content-length-transfer',
        text: 'Remove any Content-Length or Transfer-Encoding header added by hand: the ESP sets these itself.',
      },
      {
        id: 'http:411/persists-tell-receiver-owner',
        text: "If it persists, tell the receiver's owner that their server refuses requests without a length header, which the ESP does not let you set.",
      },
    ],
    sources: [rfc9110Status(411)],
  },
  413: {
    short: 'body too large',
    meaning: 'The request body is larger than the receiver accepts.',
    side: 'request',
    steps: [
      {
        id: 'http:413/look-body-sends-remove',
        text: 'Look at what the body sends and remove whole-profile or event-history tags; send only the fields the receiver needs.',
      },
      {
        id: 'http:413/check-personalization-tags-can',
        text: 'Check personalization tags that can grow into long lists (product feeds, every past event) and trim them.',
      },
      {
        id: 'http:413/find-receiver-size-limit',
        text: "Find the receiver's size limit in its documentation and test with the largest profile you have.",
      },
      {
        id: 'http:413/content-really-large-send',
        text: 'If the content really is large, send a reference (an ID or a URL) instead of the content itself.',
      },
    ],
    sources: [rfc9110Status(413)],
  },
  414: {
    short: 'URL too long',
    meaning: 'The URL is longer than the receiver accepts, usually because data was put into query parameters.',
    side: 'request',
    steps: [
      { id: 'http:414/look-webhook-url-long', text: 'Look at the webhook URL for long query strings built from personalization tags.' },
      { id: 'http:414/move-data-request-body', text: 'Move that data into the request body, switching to POST if the receiver allows it.' },
      { id: 'http:414/check-tag-url-renders', text: 'Check that no tag in the URL renders a whole list or object.' },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(414)],
  },
  415: {
    short: 'wrong content type',
    meaning:
      'The receiver does not accept the format of the body: the Content-Type header is missing or names something other than what it expects (usually application/json).',
    side: 'request',
    steps: [
      {
        id: 'http:415/open-webhook-headers-set',
        text: "Open the webhook's headers and set Content-Type to application/json when the body is JSON.",
      },
      { id: 'http:415/make-sure-body-really', text: 'Make sure the body really is in that format (JSON, not form fields or plain text).' },
      { id: 'http:415/keep-single-content-type', text: 'Keep a single Content-Type header; remove duplicates.' },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(415)],
  },
  422: {
    short: 'data not valid',
    meaning:
      'The body is well-formed, but its content breaks a rule: a value has the wrong type or format, is out of range, or a required value is empty.',
    side: 'request',
    steps: [
      { id: 'http:422/read-response-body-usually', text: 'Read the response body: it usually lists each field that failed and why.' },
      {
        id: 'http:422/compare-value-format-docs',
        text: "Compare each value's format with the docs: dates, phone numbers with country code, country and state codes, numbers sent as numbers rather than text.",
      },
      {
        id: 'http:422/preview-webhook-failing-profile',
        text: 'Preview the webhook for the failing profile and check that no tag renders blank, "None" or "null".',
      },
      {
        id: 'http:422/give-personalization-tags-default',
        text: 'Give personalization tags default values, or filter the flow so only profiles with the needed data reach the webhook.',
      },
    ],
    sources: [rfc9110Status(422)],
  },
  423: {
    short: 'record locked',
    meaning: "The record the webhook tries to change is locked on the receiver's side.",
    side: 'receiver',
    steps: [
      {
        id: 'http:423/check-receiver-record-being',
        text: 'Check in the receiver whether the record is being edited or processed, or is locked by another job.',
      },
      { id: 'http:423/wait-resend-later-esps', text: 'Wait and resend later; most ESPs do not retry this code by themselves.' },
      {
        id: 'http:423/keeps-happening-ask-receiver',
        text: "If it keeps happening, ask the receiver's owner what locks the record and for how long.",
      },
    ],
    sources: ['https://www.rfc-editor.org/rfc/rfc4918'],
  },
  425: {
    short: 'sent too early',
    meaning:
      'The receiver refused to process a request that arrived in a way that could be replayed (TLS early data). This is handled by the sending software, not by webhook settings.',
    side: 'network',
    steps: [
      { id: 'http:425/resend-later-rare-usually', text: 'Resend later: this is rare and usually passes on the next attempt.' },
      {
        id: 'http:425/keeps-happening-report-esp',
        text: "If it keeps happening, report it to your ESP's support with the time and the webhook URL.",
      },
      {
        id: 'http:425/tell-receiver-owner-too',
        text: "Tell the receiver's owner too, so they can check their server's early-data setting.",
      },
    ],
    sources: ['https://www.rfc-editor.org/rfc/rfc8470'],
  },
  429: {
    short: 'too many requests',
    meaning:
      "The receiver's rate limit was reached: too many calls arrived in a short time, from this webhook alone or together with other tools that use the same key.",
    side: 'rate-limit',
    steps: [
      WAIT_FOR_RETRIES_STEP,
      LOWER_SEND_RATE_STEP,
      {
        id: 'http:429/read-response-rate-limit',
        text: "Read the response's rate-limit headers (Retry-After, RateLimit-Remaining, X-RateLimit-*) to learn the limit and when it resets.",
      },
      {
        id: 'http:429/check-other-tools-use',
        text: 'Check whether other tools use the same API key and spend the same allowance at the same time.',
      },
      { id: 'http:429/normal-volume-needs-ask', text: 'If your normal volume needs more, ask the receiver for a higher limit.' },
    ],
    sources: [RFC6585, BRAZE_WEBHOOK_ERRORS],
  },
  431: {
    short: 'headers too large',
    meaning:
      'The request headers are too big, usually because one header value holds far more than it should (a whole template, a pasted document).',
    side: 'request',
    steps: [
      { id: 'http:431/open-webhook-headers-look', text: "Open the webhook's headers and look for unusually long values." },
      { id: 'http:431/remove-headers-receiver-does', text: 'Remove headers the receiver does not need.' },
      {
        id: 'http:431/check-personalization-tag-header',
        text: 'Check that a personalization tag in a header does not render a long list or object.',
      },
      SEND_TEST_STEP,
    ],
    sources: [RFC6585],
  },
  451: {
    short: 'legally blocked',
    meaning: 'The receiver refuses to serve this request for a legal reason, such as a regional block or a data-protection rule.',
    side: 'receiver',
    steps: [
      { id: 'http:451/read-response-body-reason', text: 'Read the response body for the reason given.' },
      {
        id: 'http:451/ask-receiver-owner-restriction',
        text: "Ask the receiver's owner which restriction applies and whether another (regional) endpoint should be used.",
      },
      {
        id: 'http:451/do-resend-until-restriction',
        text: 'Do not resend until the restriction is resolved: it will not go away by itself.',
      },
    ],
    sources: ['https://www.rfc-editor.org/rfc/rfc7725'],
  },
  477: {
    short: 'migration in progress',
    meaning:
      "HubSpot is moving the account's data and refuses calls for a while. The answer carries a Retry-After header saying when to try again.",
    side: 'receiver',
    steps: [
      { id: 'http:477/wait-time-retry-after', text: 'Wait for the time the Retry-After header gives before sending again.' },
      WAIT_FOR_RETRIES_STEP,
      { id: 'http:477/lasts-hours-contact-hubspot', text: 'If it lasts for hours, contact HubSpot support about the account migration.' },
    ],
    sources: [HUBSPOT_WORKFLOW_WEBHOOKS],
  },
};

/** Steps shared by all unknown 4xx answers. */
export const CLIENT_ERROR_FALLBACK: AdviceData = {
  short: 'request refused',
  meaning: 'The receiver refused the request because of something in it (a 4xx answer). The exact reason is specific to this receiver.',
  side: 'request',
  steps: [
    READ_RESPONSE_BODY_STEP,
    { id: 'http:4xx/look-up-code-receiver', text: "Look up this code in the receiver's API documentation." },
    {
      id: 'http:4xx/compare-webhook-url-method',
      text: "Compare the webhook's URL, method, headers and body with the receiver's documentation, one by one.",
    },
    SEND_TEST_STEP,
  ],
  sources: [rfc9110Status(400)],
};
