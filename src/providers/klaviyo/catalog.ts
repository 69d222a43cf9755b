// Klaviyo flows: webhook action cards, their activity log, and Klaviyo's retry rules.
import type { AdviceStep, ProviderLayer, RetryAnswer, RetrySubject } from '../../engine/catalog/types';
import { defineProviderLayer } from '../../engine/catalog/provider-layer-data';
import { commonAnswer } from '../../engine/catalog/retry-policy';
import { KLAVIYO_STATUS_CODES } from './sources';

const RETRIED_CODES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

const DUPLICATE_TOKEN_STEP: AdviceStep = {
  id: 'klaviyo/duplicate-token',
  text: 'If this webhook action was made by duplicating another one, Klaviyo copied the Authorization secret as ###: clear the header value and paste the real token again from its source.',
};

function retry(subject: RetrySubject): RetryAnswer {
  const common = commonAnswer(subject);
  if (common) return common;
  if (subject.code === null) {
    return {
      id: 'klaviyo:retry/network-not-documented',
      verdict: 'unknown',
      text: 'Not documented: Klaviyo lists retries only for 429, 500, 502, 503 and 504 answers. In View All Activity, see whether the profile is waiting to retry or was skipped.',
    };
  }
  if (RETRIED_CODES.has(subject.code)) {
    return {
      id: 'klaviyo:retry/listed-code-retried',
      verdict: 'retries',
      text: 'Yes: Klaviyo retries this code up to 17 times over 24 hours, waiting longer each time; meanwhile the activity log shows the profile as waiting to retry.',
    };
  }
  return {
    id: 'klaviyo:retry/other-code-skipped',
    verdict: 'no-retry',
    text: "No: Klaviyo retries only 429, 500, 502, 503 and 504. This profile moves to the flow's skipped queue with the code logged; fix the webhook so the next profiles go through.",
  };
}

export const catalog: ProviderLayer = defineProviderLayer({
  whereToLook: {
    log: 'Flows → open the flow → click the webhook action card → View All Activity. Each row shows the status, the e-mail address, the error text and the time.',
    editor:
      'Flows → open the flow → click the webhook action: destination URL, headers (key and value rows) and JSON body. Preview shows the request before it goes out.',
  },
  sources: [KLAVIYO_STATUS_CODES],
  ownCodes: [],
  retry,
  steps: {
    'http:401': [DUPLICATE_TOKEN_STEP],
    'http:403': [DUPLICATE_TOKEN_STEP],
    'credential:masked-token': [
      {
        id: 'klaviyo:credential:masked-token/klaviyo-writes-place-header',
        text: 'Klaviyo writes ### in place of header secrets when a webhook action is duplicated: open the copied action, clear the Authorization value and paste the token again from its source.',
      },
    ],
    'http:4xx': [
      {
        id: 'klaviyo:http:4xx/after-fix-use-preview',
        text: 'After the fix, use Preview in the webhook settings to check the request, then watch View All Activity as the next profiles reach the step.',
      },
    ],
    'http:429': [
      {
        id: 'klaviyo:http:429/profiles-shown-waiting-retry',
        text: 'Profiles shown as waiting to retry in View All Activity will go out by themselves; do not re-trigger them by hand.',
      },
    ],
  },
  notes: {},
});
