// Steps that several entries share word for word, so merged lists drop the repeats.
import type { AdviceStep } from './types';

export const SEND_TEST_STEP: AdviceStep = {
  id: 'send-test',
  text: 'Save the webhook, send one test request, and confirm the answer is a 2xx success before letting more profiles through.',
};

export const READ_RESPONSE_BODY_STEP: AdviceStep = {
  id: 'read-response-body',
  text: "Open the failing row's details and read the response body: most APIs name the field, header or rule that failed.",
};

export const CHECK_STATUS_PAGE_STEP: AdviceStep = {
  id: 'check-status-page',
  text: "Check the receiving service's status page or announcements for an outage or maintenance at the time of the failure.",
};

export const WAIT_FOR_RETRIES_STEP: AdviceStep = {
  id: 'wait-for-retries',
  text: 'Check whether your ESP retries this by itself (see "Will it retry?") before resending anything by hand, so nobody gets it twice.',
};

export const REPORT_TO_RECEIVER_STEP: AdviceStep = {
  id: 'report-to-receiver',
  text: "Report it to the receiver's support or owner with the time of the failure, the webhook URL and the response body (never the token).",
};

export const LOWER_SEND_RATE_STEP: AdviceStep = {
  id: 'lower-send-rate',
  text: 'Lower the sending speed of the flow, campaign or journey step that calls the webhook, or spread a large audience over a longer time.',
};

export const PASTE_TOKEN_AGAIN_STEP: AdviceStep = {
  id: 'paste-token-again',
  text: "Copy the token again straight from the receiver's dashboard and paste it whole into the Authorization header value.",
};
