// The receiver answered with an error body, but the text shows no status beside it: its own
// words are the finding ("the error is: {"error":{"message":"Amount must be at least 50 cents"}}").
import type { ProblemData } from '../types';
import { READ_RESPONSE_BODY_STEP, SEND_TEST_STEP } from '../common-steps';
import { RFC9110 } from '../sources';

export const RECEIVER_ANSWER_PROBLEMS: readonly ProblemData[] = [
  {
    id: 'receiver-error',
    kind: 'http',
    title: 'The receiver answered with an error',
    short: 'receiver refused',
    meaning:
      'The receiver got the request and answered with an error message of its own. The text shows no status code, but the message says what the receiver did not accept.',
    side: 'request',
    steps: [
      {
        id: 'http:receiver-error/read-receiver-message',
        text: "Read the receiver's message below: it usually names the field, header or value it refused.",
      },
      {
        id: 'http:receiver-error/change-part-message-asks',
        text: 'Change that part of the webhook (URL, header or body) the way the message asks.',
      },
      READ_RESPONSE_BODY_STEP,
      SEND_TEST_STEP,
    ],
    // RFC 9110 section 15.5: a client error's answer should explain the error in its content.
    sources: [`${RFC9110}#status.4xx`],
  },
];
