// Iterable: journey "Call Webhook" tiles and system webhooks. Iterable discards the responses of
// journey webhooks, so little is known about a failure; the layer says so plainly.
import type { AdviceStep, ProviderLayer, RetryAnswer, RetrySubject } from '../../engine/catalog/types';
import { defineProviderLayer } from '../../engine/catalog/provider-layer-data';
import { commonAnswer } from '../../engine/catalog/retry-policy';
import { ITERABLE_JOURNEY_WEBHOOKS, ITERABLE_WEBHOOKS } from './sources';

function retry(subject: RetrySubject): RetryAnswer {
  const common = commonAnswer(subject);
  if (common) return common;
  return {
    id: 'iterable:retry/not-documented',
    verdict: 'unknown',
    text: 'Unknown: Iterable discards the responses of journey webhooks and does not document retries for them. Assume the call is not repeated and send it again for the affected users after the fix.',
  };
}

const RECEIVER_LOG_STEP: AdviceStep = {
  id: 'iterable/receiver-log',
  text: "Iterable does not keep the receiver's answer for journey webhooks: ask the receiver's owner for their request log to see the full error.",
};

export const catalog: ProviderLayer = defineProviderLayer({
  whereToLook: {
    log: "Iterable keeps little about journey webhook failures; the receiver's own request log holds the details.",
    editor:
      "The journey's Call Webhook tile: URL, method, body and Add Header. An auth header is sent as Authorization: <authType> <authToken>.",
  },
  sources: [ITERABLE_WEBHOOKS, ITERABLE_JOURNEY_WEBHOOKS],
  ownCodes: [],
  retry,
  steps: {
    'http:4xx': [RECEIVER_LOG_STEP],
    'http:5xx': [RECEIVER_LOG_STEP],
    'credential:doubled-scheme': [
      {
        id: 'iterable:credential:doubled-scheme/iterable-put-scheme-bearer',
        text: 'In Iterable, put the scheme (Bearer) in the auth type and only the token in the token field; Iterable joins them with a space.',
      },
    ],
  },
  notes: {},
});
