// One lookup over all status advice: specific entries first, then the advice of the code's class.
import type { Advice, AdviceData } from './types';
import type { StatusClass } from './http-status';
import { statusClass } from './http-status';
import { CLIENT_ERROR_ADVICE, CLIENT_ERROR_FALLBACK } from './http-advice-client';
import { SERVER_ERROR_ADVICE, SERVER_ERROR_FALLBACK } from './http-advice-server';
import { SEND_TEST_STEP } from './common-steps';
import { withStepTexts } from './steps';
import { rfc9110Status } from './sources';
import { BRAZE_CREATING_WEBHOOK } from '../../providers/braze/sources';

/** Advice written for one code, as written: its steps with their ids. */
export const STATUS_ADVICE_DATA: Readonly<Record<number, AdviceData>> = { ...CLIENT_ERROR_ADVICE, ...SERVER_ERROR_ADVICE };

/** Advice written for one code. */
export const STATUS_ADVICE: Readonly<Record<number, Advice>> = Object.fromEntries(
  Object.entries(STATUS_ADVICE_DATA).map(([code, data]) => [code, withStepTexts(data)]),
);

const NOT_A_FAILURE_STEPS = [
  {
    id: 'not-a-failure/open-row-details-check',
    text: "Open the row's details and check whether another line (a later status or an error text) holds the real failure.",
  },
  {
    id: 'not-a-failure/receiver-did-act-data',
    text: 'If the receiver did not act on the data, ask its owner what it logged for the request at that time.',
  },
  SEND_TEST_STEP,
];

/** The class fallbacks as written (see CLASS_FALLBACK_ADVICE). */
export const CLASS_FALLBACK_DATA: Readonly<Record<StatusClass, AdviceData>> = {
  1: {
    short: 'interim answer',
    meaning: 'An interim answer, not a failure by itself: the final answer should follow it.',
    side: 'unknown',
    steps: NOT_A_FAILURE_STEPS,
    sources: [rfc9110Status(100)],
  },
  2: {
    short: 'success',
    meaning: 'The receiver accepted the request. This code is not an error.',
    side: 'unknown',
    steps: NOT_A_FAILURE_STEPS,
    sources: [rfc9110Status(200)],
  },
  3: {
    short: 'redirect not followed',
    meaning:
      'The receiver answered with a redirect to another address. Many senders (Braze among them) do not follow redirects, so the webhook never reaches the real endpoint.',
    side: 'request',
    steps: [
      {
        id: 'http:3xx/open-row-details-find',
        text: "Open the row's details and find the Location header: it holds the address the receiver points to.",
      },
      {
        id: 'http:3xx/replace-webhook-url-final',
        text: 'Replace the webhook URL with that final address. Typical differences: https:// instead of http://, an added or removed trailing slash, or www.',
      },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(300), BRAZE_CREATING_WEBHOOK],
  },
  4: CLIENT_ERROR_FALLBACK,
  5: SERVER_ERROR_FALLBACK,
};

/** Advice of a whole class, used for codes without an entry of their own. */
export const CLASS_FALLBACK_ADVICE: Readonly<Record<StatusClass, Advice>> = {
  1: withStepTexts(CLASS_FALLBACK_DATA[1]),
  2: withStepTexts(CLASS_FALLBACK_DATA[2]),
  3: withStepTexts(CLASS_FALLBACK_DATA[3]),
  4: withStepTexts(CLASS_FALLBACK_DATA[4]),
  5: withStepTexts(CLASS_FALLBACK_DATA[5]),
};

/** The advice for a code: its own entry, or its class's (out-of-range codes count as 5xx). */
export function adviceFor(code: number): { advice: Advice; specific: boolean } {
  const own = STATUS_ADVICE[code];
  if (own) return { advice: own, specific: true };
  return { advice: CLASS_FALLBACK_ADVICE[statusClass(code)], specific: false };
}
