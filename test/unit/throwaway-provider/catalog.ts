// Acme Mail's layer over the generic advice: its retry rule and where its log is.
import type { ProviderLayer, RetryAnswer, RetrySubject } from '../../../src/engine/catalog/types';
import { commonAnswer } from '../../../src/engine/catalog/retry-policy';
import { ACME_WEBHOOK_LOG } from './sources';

function retry(subject: RetrySubject): RetryAnswer {
  return (
    commonAnswer(subject) ?? {
      id: 'acme:retry/sent-once',
      verdict: 'no-retry',
      text: 'No: Acme Mail sends each webhook once and keeps the failure in its send log.',
    }
  );
}

export const catalog: ProviderLayer = {
  whereToLook: {
    log: 'Acme Mail → Automations → the webhook step → Send log: one row per recipient with the result.',
    editor: 'Acme Mail → Automations → the webhook step → Settings: URL and headers.',
  },
  sources: [ACME_WEBHOOK_LOG],
  ownCodes: [],
  retry,
  steps: {
    'http:403': ["In Acme Mail, open the webhook step's Settings and paste the receiver's token again."],
  },
  notes: {},
};
