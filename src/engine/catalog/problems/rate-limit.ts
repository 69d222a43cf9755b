// A rate limit seen in response headers (Retry-After, RateLimit-*, X-RateLimit-*).
import type { ProblemEntry } from '../types';
import { LOWER_SEND_RATE_STEP, WAIT_FOR_RETRIES_STEP } from '../common-steps';
import { RFC6585, RFC9110 } from '../sources';

export const RATE_LIMIT_PROBLEMS: readonly ProblemEntry[] = [
  {
    id: 'rate-limited',
    kind: 'rate-limit',
    title: 'Rate limit reached',
    short: 'rate limited',
    meaning: 'The receiver says the sender has used up its allowance of requests for now.',
    side: 'rate-limit',
    steps: [
      'Wait until the time the receiver gives (Retry-After or the reset header) before sending anything by hand.',
      WAIT_FOR_RETRIES_STEP,
      LOWER_SEND_RATE_STEP,
      'Check whether other tools use the same API key and spend the same allowance.',
      'If your normal volume needs more, ask the receiver for a higher limit.',
    ],
    sources: [RFC6585, `${RFC9110}#field.retry-after`],
    likelyStatus: 429,
  },
];
