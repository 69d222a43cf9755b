// Small helpers the providers' retry policies share.
import type { RetryAnswer, RetrySubject } from './types';
import { isStatusInRange, statusClass } from './http-status';

export const NOTHING_TO_RETRY: RetryAnswer = {
  id: 'retry/not-a-failure',
  verdict: 'no-retry',
  text: 'Nothing to retry: this code does not mean the call failed.',
};

/** For a problem found in the request itself when no status is implied (nothing was refused yet). */
export const FIX_BEFORE_SENDING: RetryAnswer = {
  id: 'retry/fix-before-sending',
  verdict: 'no-retry',
  text: 'A retry would send the same request again: fix it in the webhook settings first.',
};

/** 1xx and 2xx answers are not failures; anything outside 100–599 counts as 5xx. */
export function isNotAFailure(code: number): boolean {
  return isStatusInRange(code) && code < 300;
}

export function isRedirect(code: number): boolean {
  return isStatusInRange(code) && statusClass(code) === 3;
}

export function isServerError(code: number): boolean {
  return statusClass(code) === 5;
}

/** Answers shared by every policy before the provider's own rules apply. */
export function commonAnswer(subject: RetrySubject): RetryAnswer | undefined {
  if (subject.code === null) return subject.kind === 'network' ? undefined : FIX_BEFORE_SENDING;
  if (isNotAFailure(subject.code)) return NOTHING_TO_RETRY;
  return undefined;
}
