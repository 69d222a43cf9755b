// What to say about retries when the sending ESP is not known.
import type { RetryAnswer, RetrySubject } from './types';
import { FIX_BEFORE_SENDING, NOTHING_TO_RETRY, isNotAFailure, isServerError } from './retry-policy';

const USUAL_RULE = 'Most ESPs retry 429 and 5xx answers by themselves; other 4xx are not retried.';

export function generalRetry(subject: RetrySubject): RetryAnswer {
  if (subject.code === null) {
    if (subject.kind !== 'network') return FIX_BEFORE_SENDING;
    return {
      verdict: 'unknown',
      text: 'It depends on the sender: many ESPs retry a failed connection, some do not. Check the log for a "retrying" or "waiting" status.',
    };
  }
  if (isNotAFailure(subject.code)) return NOTHING_TO_RETRY;
  const likely =
    subject.code === 429 || isServerError(subject.code)
      ? 'This one is probably retried.'
      : 'This one is probably not retried: fix the webhook, then resend.';
  return { verdict: 'unknown', text: `It depends on the sender. ${USUAL_RULE} ${likely}` };
}
