// HubSpot workflows: the "Send a webhook" action, its history, and HubSpot's retry rules.
import type { AdviceStep, ProviderLayer, RetryAnswer, RetrySubject } from '../../engine/catalog/types';
import { defineProviderLayer } from '../../engine/catalog/provider-layer-data';
import { commonAnswer, isRedirect, isServerError } from '../../engine/catalog/retry-policy';
import { HUBSPOT_WORKFLOW_WEBHOOKS } from './sources';

/** Network problems that happen before a connection stands; HubSpot documents retrying those. */
const CONNECT_FAILURES: ReadonlySet<string> = new Set([
  'connection-refused',
  'connection-failed',
  'dns-failure',
  'host-unreachable',
  'tls-certificate',
  'tls-handshake',
]);

const SPEED_LIMIT_STEP: AdviceStep = {
  id: 'hubspot/speed-limit',
  text: 'HubSpot workflows send up to 20 webhook calls per second: if the receiver allows fewer, ask it for a higher limit, or have it answer 429 with a Retry-After header, which HubSpot honours.',
};

function retry(subject: RetrySubject): RetryAnswer {
  const common = commonAnswer(subject);
  if (common) return common;
  if (subject.code === null) {
    if (subject.problem !== null && CONNECT_FAILURES.has(subject.problem)) {
      return {
        id: 'hubspot:retry/connect-failure-retried',
        verdict: 'retries',
        text: 'Yes: when HubSpot cannot connect within 3 seconds it retries, for up to three days.',
      };
    }
    return {
      id: 'hubspot:retry/timeout-not-documented',
      verdict: 'unknown',
      text: "HubSpot waits 30 seconds for an answer; its documentation does not say whether a call that times out or is cut off is retried. Check the workflow's history.",
    };
  }
  if (subject.code === 429) {
    return {
      id: 'hubspot:retry/429-retried',
      verdict: 'retries',
      text: 'Yes: HubSpot workflows retry 429 answers and wait as long as the Retry-After header asks.',
    };
  }
  if (isServerError(subject.code)) {
    return {
      id: 'hubspot:retry/5xx-retried',
      verdict: 'retries',
      text: 'Yes: HubSpot retries 5xx answers for up to three days, starting a minute after the failure, with gaps of up to 8 hours.',
    };
  }
  if (isRedirect(subject.code)) {
    return {
      id: 'hubspot:retry/redirect-not-documented',
      verdict: 'unknown',
      text: 'Not documented: HubSpot does not say how workflow webhooks treat redirects.',
    };
  }
  return {
    id: 'hubspot:retry/4xx-not-retried',
    verdict: 'no-retry',
    text: 'No: HubSpot workflows do not retry 4xx answers, except 429. Fix the webhook and re-enroll the affected records if they still need it.',
  };
}

export const catalog: ProviderLayer = defineProviderLayer({
  whereToLook: {
    log: "Automation → Workflows → open the workflow: the Send a webhook action's outcome per enrolled record is in the workflow's history (action log).",
    editor:
      'Automation → Workflows → open the workflow → the Send a webhook action: method, webhook URL, authentication type and the data sent.',
  },
  sources: [HUBSPOT_WORKFLOW_WEBHOOKS],
  ownCodes: [],
  retry,
  steps: {
    'http:429': [SPEED_LIMIT_STEP],
    'rate-limit:rate-limited': [SPEED_LIMIT_STEP],
    'network:timeout': [
      {
        id: 'hubspot:network:timeout/hubspot-waits-3-seconds',
        text: 'HubSpot waits 3 seconds to connect and 30 seconds for the answer: the endpoint has to reply within that time.',
      },
    ],
  },
  notes: {},
});
