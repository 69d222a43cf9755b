// Problems that only exist for one receiving API (they are still credential or body problems).
import type { ProblemEntry } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { POPLAR_STATUS_ERRORS } from '../sources';

export const ENDPOINT_PROBLEMS: readonly ProblemEntry[] = [
  {
    id: 'test-token-wrong-endpoint',
    kind: 'credential',
    title: 'Test token on an endpoint that needs the production token',
    short: 'test token not accepted',
    meaning:
      'Poplar accepts its test token only on the Mailing API (/v1/mailing). Every other Poplar endpoint (Audiences, Orders, Do Not Mail, ...) refuses it with 403.',
    side: 'request',
    steps: [
      "In Poplar's API settings, copy the production token.",
      'Paste it into the Authorization header after Bearer and a space, replacing the test token.',
      'Keep the test token only for webhooks that call the Mailing API.',
      SEND_TEST_STEP,
    ],
    sources: [POPLAR_STATUS_ERRORS],
    likelyStatus: 403,
  },
];
