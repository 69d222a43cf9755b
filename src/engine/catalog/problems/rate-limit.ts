// A rate limit seen in response headers (Retry-After, RateLimit-*, X-RateLimit-*).
import type { ProblemData } from '../types';
import { LOWER_SEND_RATE_STEP, WAIT_FOR_RETRIES_STEP } from '../common-steps';
import { RFC6585, RFC9110 } from '../sources';

export const RATE_LIMIT_PROBLEMS: readonly ProblemData[] = [
  {
    id: 'rate-limited',
    kind: 'rate-limit',
    title: 'Rate limit reached',
    short: 'rate limited',
    meaning: 'The receiver says the sender has used up its allowance of requests for now.',
    side: 'rate-limit',
    steps: [
      {
        id: 'rate-limit:rate-limited/wait-until-time-receiver',
        text: 'Wait until the time the receiver gives (Retry-After or the reset header) before sending anything by hand.',
      },
      WAIT_FOR_RETRIES_STEP,
      LOWER_SEND_RATE_STEP,
      {
        id: 'rate-limit:rate-limited/check-other-tools-use',
        text: 'Check whether other tools use the same API key and spend the same allowance.',
      },
      {
        id: 'rate-limit:rate-limited/normal-volume-needs-ask',
        text: 'If your normal volume needs more, ask the receiver for a higher limit.',
      },
    ],
    sources: [RFC6585, `${RFC9110}#field.retry-after`],
    likelyStatus: 429,
  },
];
