// Advice for 5xx answers: the receiving side (or a proxy in front of it) failed. Includes the
// unregistered codes Cloudflare and Braze show.
import type { AdviceData, AdviceStep } from './types';
import { CHECK_STATUS_PAGE_STEP, LOWER_SEND_RATE_STEP, REPORT_TO_RECEIVER_STEP, WAIT_FOR_RETRIES_STEP } from './common-steps';
import { CLOUDFLARE_5XX, rfc9110Status } from './sources';
import { BRAZE_WEBHOOK_ERRORS } from '../../providers/braze/sources';

const CLOUDFLARE_RAY_STEP: AdviceStep = {
  id: 'cloudflare-ray',
  text: 'Note the time of the failure and, if the response body shows one, the Cloudflare "Ray ID": the receiver\'s team needs both to find the request.',
};

const DUPLICATE_CHECK_STEP: AdviceStep = {
  id: 'duplicate-check',
  text: 'Before resending by hand, check in the receiver whether the item was created anyway, so nobody gets it twice.',
};

export const SERVER_ERROR_ADVICE: Readonly<Record<number, AdviceData>> = {
  500: {
    short: 'server error',
    meaning:
      'Something broke inside the receiving server while it handled the request. The webhook may be fine, although an unexpected value (an empty field, an odd character) sometimes triggers the failure.',
    side: 'receiver',
    steps: [
      WAIT_FOR_RETRIES_STEP,
      CHECK_STATUS_PAGE_STEP,
      {
        id: 'http:500/some-profiles-fail-compare',
        text: 'If only some profiles fail, compare their data with profiles that succeed: an empty or unusual value may be what breaks the receiver.',
      },
      REPORT_TO_RECEIVER_STEP,
    ],
    sources: [rfc9110Status(500), BRAZE_WEBHOOK_ERRORS],
  },
  501: {
    short: 'not supported',
    meaning: 'The receiver does not support what the request asks for, most often the HTTP method.',
    side: 'receiver',
    steps: [
      {
        id: 'http:501/check-webhook-http-method',
        text: "Check the webhook's HTTP method against the receiver's documentation for this URL.",
      },
      { id: 'http:501/check-url-points-api', text: 'Check that the URL points at the API endpoint and not at a website page.' },
      {
        id: 'http:501/ask-receiver-support-feature',
        text: "Ask the receiver's support whether the feature is available on your plan or API version.",
      },
    ],
    sources: [rfc9110Status(501)],
  },
  502: {
    short: 'bad gateway',
    meaning:
      'A proxy or gateway in front of the receiver got an invalid answer from the server behind it. It is usually a short outage or a deployment in progress.',
    side: 'receiver',
    steps: [
      WAIT_FOR_RETRIES_STEP,
      CHECK_STATUS_PAGE_STEP,
      {
        id: 'http:502/many-rows-fail-once',
        text: 'If many rows fail at once during a large send, lower the sending speed so the receiver can keep up.',
      },
      REPORT_TO_RECEIVER_STEP,
    ],
    sources: [rfc9110Status(502), BRAZE_WEBHOOK_ERRORS],
  },
  503: {
    short: 'service unavailable',
    meaning: 'The receiver cannot handle requests for now: it is overloaded or down for maintenance.',
    side: 'receiver',
    steps: [
      {
        id: 'http:503/look-retry-after-header',
        text: 'Look for a Retry-After header in the response: it says when the receiver expects to be back.',
      },
      CHECK_STATUS_PAGE_STEP,
      WAIT_FOR_RETRIES_STEP,
      LOWER_SEND_RATE_STEP,
    ],
    sources: [rfc9110Status(503), BRAZE_WEBHOOK_ERRORS],
  },
  504: {
    short: 'gateway timeout',
    meaning:
      'A proxy in front of the receiver waited too long for the server behind it. The request may even have been processed, only too slowly.',
    side: 'receiver',
    steps: [
      DUPLICATE_CHECK_STEP,
      CHECK_STATUS_PAGE_STEP,
      LOWER_SEND_RATE_STEP,
      {
        id: 'http:504/keeps-happening-ask-receiver',
        text: "If it keeps happening, ask the receiver's owner to answer sooner, for example by accepting the call first and doing the work afterwards.",
      },
    ],
    sources: [rfc9110Status(504), BRAZE_WEBHOOK_ERRORS],
  },
  505: {
    short: 'HTTP version refused',
    meaning: 'The receiver refuses the version of HTTP the sender used. This is rare and not set in webhook settings.',
    side: 'receiver',
    steps: [
      {
        id: 'http:505/check-url-starts-https',
        text: 'Check that the URL starts with https:// and names the API host from the documentation.',
      },
      REPORT_TO_RECEIVER_STEP,
      { id: 'http:505/receiver-says-side-fine', text: "If the receiver says its side is fine, report it to your ESP's support as well." },
    ],
    sources: [rfc9110Status(505)],
  },
  507: {
    short: 'receiver storage full',
    meaning: 'The receiver could not store what the request asked it to save: its storage or quota is full.',
    side: 'receiver',
    steps: [
      {
        id: 'http:507/check-receiver-account-storage',
        text: "Check the receiver's account for a storage or record quota that has been reached.",
      },
      REPORT_TO_RECEIVER_STEP,
      { id: 'http:507/resend-failed-items-once', text: 'Resend the failed items once space has been freed.' },
    ],
    sources: ['https://www.rfc-editor.org/rfc/rfc4918'],
  },
  508: {
    short: 'loop detected',
    meaning:
      'The receiver stopped because handling the request led into an endless loop, for example a webhook that ends up triggering itself.',
    side: 'receiver',
    steps: [
      {
        id: 'http:508/check-receiver-calls-back',
        text: 'Check whether the receiver calls back into your ESP and re-enters the same flow or journey.',
      },
      { id: 'http:508/add-filter-exit-condition', text: 'Add a filter or exit condition so the webhook cannot trigger itself again.' },
      REPORT_TO_RECEIVER_STEP,
    ],
    sources: ['https://www.rfc-editor.org/rfc/rfc5842'],
  },
  520: {
    short: 'unknown origin error',
    meaning:
      'The receiver sits behind Cloudflare, and its own server answered Cloudflare with something empty or unexpected (a crash, a reset connection, oversized headers).',
    side: 'receiver',
    steps: [
      CLOUDFLARE_RAY_STEP,
      {
        id: 'http:520/tell-receiver-owner-server',
        text: "Tell the receiver's owner that their server behind Cloudflare returned an empty or invalid response; their server's error log will say why.",
      },
      WAIT_FOR_RETRIES_STEP,
    ],
    sources: [CLOUDFLARE_5XX],
  },
  521: {
    short: 'receiver server down',
    meaning: "Cloudflare could not connect to the receiver's own server: it is down, or its firewall blocks Cloudflare.",
    side: 'receiver',
    steps: [
      CHECK_STATUS_PAGE_STEP,
      CLOUDFLARE_RAY_STEP,
      {
        id: 'http:521/tell-receiver-owner-server',
        text: "Tell the receiver's owner their server refuses Cloudflare's connections (server stopped, or Cloudflare's addresses blocked).",
      },
      WAIT_FOR_RETRIES_STEP,
    ],
    sources: [CLOUDFLARE_5XX],
  },
  522: {
    short: 'origin connect timeout',
    meaning:
      "Cloudflare got no answer while opening a connection to the receiver's own server: it is overloaded, offline, or silently dropping Cloudflare's traffic.",
    side: 'receiver',
    steps: [
      CHECK_STATUS_PAGE_STEP,
      CLOUDFLARE_RAY_STEP,
      {
        id: 'http:522/tell-receiver-owner-cloudflare',
        text: "Tell the receiver's owner that Cloudflare times out connecting to their server; if it happens only during large sends, lower your sending speed too.",
      },
      WAIT_FOR_RETRIES_STEP,
    ],
    sources: [CLOUDFLARE_5XX],
  },
  523: {
    short: 'origin unreachable',
    meaning:
      "Cloudflare cannot reach the receiver's own server at all, typically because of a wrong DNS record or a routing problem on the receiver's side.",
    side: 'receiver',
    steps: [
      CHECK_STATUS_PAGE_STEP,
      CLOUDFLARE_RAY_STEP,
      {
        id: 'http:523/tell-receiver-owner-cloudflare',
        text: "Tell the receiver's owner that Cloudflare reports their origin as unreachable; they should check the DNS records that point Cloudflare at it.",
      },
    ],
    sources: [CLOUDFLARE_5XX],
  },
  524: {
    short: 'origin too slow',
    meaning:
      "Cloudflare connected to the receiver's own server, but no answer came in time (100 seconds by default): handling the request takes too long.",
    side: 'receiver',
    steps: [
      DUPLICATE_CHECK_STEP,
      CLOUDFLARE_RAY_STEP,
      {
        id: 'http:524/ask-receiver-owner-answer',
        text: "Ask the receiver's owner to answer sooner, for example by accepting the call first and doing the work afterwards.",
      },
      LOWER_SEND_RATE_STEP,
    ],
    sources: [CLOUDFLARE_5XX],
  },
  525: {
    short: 'origin SSL failed',
    meaning: "The secure (SSL/TLS) handshake between Cloudflare and the receiver's own server failed.",
    side: 'receiver',
    steps: [
      CLOUDFLARE_RAY_STEP,
      {
        id: 'http:525/tell-receiver-owner-cloudflare',
        text: "Tell the receiver's owner that Cloudflare cannot complete the SSL handshake with their server; their certificate or SSL settings need fixing.",
      },
      { id: 'http:525/resend-failed-items-after', text: 'Resend the failed items after they confirm the fix.' },
    ],
    sources: [CLOUDFLARE_5XX],
  },
  526: {
    short: 'origin certificate bad',
    meaning:
      "Cloudflare could not validate the certificate on the receiver's own server: it is expired, self-signed or issued for another host name.",
    side: 'receiver',
    steps: [
      CLOUDFLARE_RAY_STEP,
      {
        id: 'http:526/tell-receiver-owner-server',
        text: "Tell the receiver's owner their server's certificate is rejected by Cloudflare and needs renewing or replacing.",
      },
      { id: 'http:526/resend-failed-items-after', text: 'Resend the failed items after they confirm the fix.' },
    ],
    sources: [CLOUDFLARE_5XX],
  },
  529: {
    short: 'host overloaded',
    meaning: 'The receiving host reported that it is overloaded and could not answer.',
    side: 'receiver',
    steps: [WAIT_FOR_RETRIES_STEP, LOWER_SEND_RATE_STEP, CHECK_STATUS_PAGE_STEP, REPORT_TO_RECEIVER_STEP],
    sources: [BRAZE_WEBHOOK_ERRORS],
  },
  598: {
    short: 'host paused by sender',
    meaning:
      'Not an answer from the receiver: the sender produced this code itself after too many failed calls to this host, and paused calls to it for a short time.',
    side: 'receiver',
    steps: [
      {
        id: 'http:598/look-error-log-failures',
        text: 'Look in the error log for the failures just before the 598 rows (timeouts, 429, 502, 503, 504): those are the real problem to fix.',
      },
      LOWER_SEND_RATE_STEP,
      WAIT_FOR_RETRIES_STEP,
      REPORT_TO_RECEIVER_STEP,
    ],
    sources: [BRAZE_WEBHOOK_ERRORS],
  },
  599: {
    short: 'connection failed',
    meaning: 'The sender could not open a connection to the receiver in time; the endpoint may be unstable or down.',
    side: 'network',
    steps: [
      { id: 'http:599/check-webhook-url-host', text: "Check the webhook URL's host name and port against the receiver's documentation." },
      CHECK_STATUS_PAGE_STEP,
      WAIT_FOR_RETRIES_STEP,
      REPORT_TO_RECEIVER_STEP,
    ],
    sources: [BRAZE_WEBHOOK_ERRORS],
  },
};

export const SERVER_ERROR_FALLBACK: AdviceData = {
  short: 'server error',
  meaning: 'The receiving side failed while handling the request (a 5xx answer). The request itself may be fine.',
  side: 'receiver',
  steps: [WAIT_FOR_RETRIES_STEP, CHECK_STATUS_PAGE_STEP, REPORT_TO_RECEIVER_STEP],
  sources: [rfc9110Status(500)],
};
