// Braze campaigns and Canvases: the webhook composer, the Message Activity Log, Braze's retry
// rules and the codes Braze produces itself (529, 598, 599).
import type { AdviceStep, ProviderLayer, RetryAnswer, RetrySubject } from '../../engine/catalog/types';
import { defineProviderLayer } from '../../engine/catalog/provider-layer-data';
import { commonAnswer, isRedirect, isServerError } from '../../engine/catalog/retry-policy';
import { BRAZE_ACTIVITY_LOG, BRAZE_CREATING_WEBHOOK, BRAZE_TROUBLESHOOTING, BRAZE_WEBHOOK_ERRORS } from './sources';

const RATE_LIMIT_STEP: AdviceStep = {
  id: 'braze/rate-limit',
  text: 'Lower the rate limit in the delivery settings of the campaign or Canvas step that sends the webhook, so Braze sends fewer calls per minute.',
};

function retry(subject: RetrySubject): RetryAnswer {
  const common = commonAnswer(subject);
  if (common) return common;
  if (subject.code === null) {
    return {
      id: 'braze:retry/undelivered-retried',
      verdict: 'retries',
      text: 'Yes: Braze retries calls it could not deliver; when the endpoint stays unreachable, the retries may spread over 24 hours. Each call may take up to 90 seconds before it times out.',
    };
  }
  if (subject.code === 598) {
    return {
      id: 'braze:retry/unhealthy-host-retried',
      verdict: 'retries',
      text: 'Yes, a few times: Braze retries webhooks it halted for an unhealthy host, with growing gaps, before it gives up.',
    };
  }
  if (subject.code === 408 || subject.code === 429 || isServerError(subject.code)) {
    return {
      id: 'braze:retry/408-429-5xx-retried',
      verdict: 'retries',
      text: 'Yes: Braze retries 408, 429 and 5xx answers up to five times within about 30 minutes, waiting longer each time. Each call may take up to 90 seconds before it times out.',
    };
  }
  if (isRedirect(subject.code)) {
    return {
      id: 'braze:retry/redirect-not-followed',
      verdict: 'no-retry',
      text: 'No: Braze neither follows redirects nor retries them. Point the webhook at the final URL.',
    };
  }
  return {
    id: 'braze:retry/4xx-not-retried',
    verdict: 'no-retry',
    text: 'No: Braze does not retry 4xx answers other than 408 and 429. Fix the webhook; the failed sends are not repeated.',
  };
}

export const catalog: ProviderLayer = defineProviderLayer({
  whereToLook: {
    log: 'Settings → Message Activity Log, filtered to "Webhook errors": each entry has the time, the app name and the error message (View Details).',
    editor:
      'The webhook composer of the campaign or Canvas step: URL, HTTP method, request body and Request Headers. Its Test tab sends one request and shows the status line and the response body.',
  },
  sources: [BRAZE_WEBHOOK_ERRORS, BRAZE_CREATING_WEBHOOK, BRAZE_ACTIVITY_LOG, BRAZE_TROUBLESHOOTING],
  ownCodes: [529, 598, 599],
  retry,
  steps: {
    'http:429': [RATE_LIMIT_STEP],
    'rate-limit:rate-limited': [RATE_LIMIT_STEP],
    'http:403': [
      {
        id: 'braze:http:403/token-right-receiver-may',
        text: "If the token is right, the receiver may block Braze's servers: ask its owner to allowlist the Braze IP addresses for your cluster (listed in Braze's webhook documentation).",
      },
    ],
    'http:4xx': [
      {
        id: 'braze:http:4xx/webhook-composer-test-tab',
        text: "In the webhook composer's Test tab, send a test to a test user: the dialog shows the status line and the receiver's response body.",
      },
    ],
    'http:5xx': [
      {
        id: 'braze:http:5xx/settings-message-activity-log',
        text: "In Settings → Message Activity Log, note when the errors started; if they come in bursts, send in smaller batches or lower the step's rate limit.",
      },
    ],
    'http:598': [
      {
        id: 'braze:http:598/you-believe-host-healthy',
        text: 'If you believe the host is healthy and Braze paused it wrongly, contact Braze Support.',
      },
    ],
    'json:template-breaks-json': [
      {
        id: 'braze:json:template-breaks-json/give-liquid-tag-default',
        text: "Give every Liquid tag a default, for example {{${first_name} | default: 'there'}}, and preview the message for a test user.",
      },
    ],
    'json:invalid-json': [
      {
        id: 'braze:json:invalid-json/use-composer-test-tab',
        text: "Use the composer's Test tab with a test user to see the body Braze renders before it is sent.",
      },
    ],
  },
  notes: {
    'http:529': 'Braze lists 529 as the receiving host saying it is overloaded.',
    'http:598':
      'Braze produced this itself: a host that fails more than 3,000 times within one minute (408, 429, 502, 503, 504 or 529, per host and workspace) is paused for a minute, and calls in that minute are logged as 598.',
    'http:599': 'Braze hit a connection timeout while opening a connection to the endpoint, which may be unstable or down.',
  },
});
