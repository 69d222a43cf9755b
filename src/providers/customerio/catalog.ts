// Customer.io: the campaign webhook action and reporting webhooks, and the retry rules Customer.io
// documents for reporting webhooks.
import type { ProviderLayer, RetryAnswer, RetrySubject } from '../../engine/catalog/types';
import { defineProviderLayer } from '../../engine/catalog/provider-layer-data';
import { commonAnswer } from '../../engine/catalog/retry-policy';
import { CUSTOMERIO_REPORTING_WEBHOOKS, CUSTOMERIO_WEBHOOK_ACTION } from './sources';

/** Answers after which Customer.io waits an hour before the first retry. */
const HOUR_WAIT_CODES: ReadonlySet<number> = new Set([400, 401, 402, 403, 404, 405, 410, 429, 500, 502, 521]);

const SCOPE_NOTE =
  'This is what Customer.io documents for reporting webhooks; it does not document retries for the campaign webhook action.';
const BACKLOG_NOTE = 'Later calls are held back until this one succeeds or the 7 days run out.';

const RETRIED_AFTER_AN_HOUR: RetryAnswer = {
  id: 'customerio:retry/retried-after-an-hour',
  verdict: 'retries',
  text: `Yes: Customer.io waits one hour, then retries with growing gaps for up to 7 days. ${BACKLOG_NOTE} ${SCOPE_NOTE}`,
};
const RETRIED_AT_ONCE: RetryAnswer = {
  id: 'customerio:retry/retried-with-growing-gaps',
  verdict: 'retries',
  text: `Yes: Customer.io retries any answer other than 2xx with growing gaps for up to 7 days. ${BACKLOG_NOTE} ${SCOPE_NOTE}`,
};

function retry(subject: RetrySubject): RetryAnswer {
  const common = commonAnswer(subject);
  if (common) return common;
  return subject.code === null || HOUR_WAIT_CODES.has(subject.code) ? RETRIED_AFTER_AN_HOUR : RETRIED_AT_ONCE;
}

export const catalog: ProviderLayer = defineProviderLayer({
  whereToLook: {
    log: "The campaign's workflow → the webhook (Send and receive data) action: its deliveries show each request and response. Reporting webhooks live under Data & Integrations → Integrations → Reporting Webhooks.",
    editor: 'The webhook action in the campaign workflow: method, URL, headers and body (Add Request).',
  },
  sources: [CUSTOMERIO_WEBHOOK_ACTION, CUSTOMERIO_REPORTING_WEBHOOKS],
  ownCodes: [],
  retry,
  steps: {
    'network:timeout': [
      {
        id: 'customerio:network:timeout/customer-io-gives-reporting',
        text: 'Customer.io gives reporting webhooks only 4 seconds to answer: the endpoint has to reply within that time.',
      },
    ],
    'http:408': [
      {
        id: 'customerio:http:408/customer-io-gives-reporting',
        text: 'Customer.io gives reporting webhooks only 4 seconds to answer: the endpoint has to reply within that time.',
      },
    ],
    'network:any': [
      {
        id: 'customerio:network:any/customer-io-shows-connection',
        text: 'Customer.io shows connection problems as raw error text (such as "connection refused" or "EOF"): search it for the host name to see which URL failed.',
      },
    ],
  },
  notes: {},
});
