// What to say about retries when the sending ESP is not known.
import type { RetryAnswer, RetrySubject } from './types';
import { FIX_BEFORE_SENDING, NOTHING_TO_RETRY, isNotAFailure, isServerError } from './retry-policy';

const USUAL_RULE = 'Most ESPs retry 429 and 5xx answers by themselves; other 4xx are not retried.';

const NETWORK_DEPENDS: RetryAnswer = {
  id: 'retry/network-depends-on-sender',
  verdict: 'unknown',
  text: 'It depends on the sender: many ESPs retry a failed connection, some do not. Check the log for a "retrying" or "waiting" status.',
};
const PROBABLY_RETRIED: RetryAnswer = {
  id: 'retry/probably-retried',
  verdict: 'unknown',
  text: `It depends on the sender. ${USUAL_RULE} This one is probably retried.`,
};
const PROBABLY_NOT_RETRIED: RetryAnswer = {
  id: 'retry/probably-not-retried',
  verdict: 'unknown',
  text: `It depends on the sender. ${USUAL_RULE} This one is probably not retried: fix the webhook, then resend.`,
};

export function generalRetry(subject: RetrySubject): RetryAnswer {
  if (subject.code === null) return subject.kind === 'network' ? NETWORK_DEPENDS : FIX_BEFORE_SENDING;
  if (isNotAFailure(subject.code)) return NOTHING_TO_RETRY;
  return subject.code === 429 || isServerError(subject.code) ? PROBABLY_RETRIED : PROBABLY_NOT_RETRIED;
}
