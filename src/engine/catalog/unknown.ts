// The entry used when a finding names a problem the catalog has no advice for (yet).
import type { FindingKind } from '../types';
import type { ProblemData, ProblemEntry } from './types';
import { withStepTexts } from './steps';
import { READ_RESPONSE_BODY_STEP, SEND_TEST_STEP } from './common-steps';

const KIND_WORDS: Readonly<Record<FindingKind, string>> = {
  http: 'HTTP status',
  network: 'network problem',
  credential: 'credential problem',
  json: 'request body problem',
  'rate-limit': 'rate limit',
};

export function unknownEntry(kind: FindingKind, problem: string | null): ProblemEntry {
  const words = Object.hasOwn(KIND_WORDS, kind) ? KIND_WORDS[kind] : 'problem';
  return withStepTexts<ProblemData>({
    id: problem ?? 'unknown',
    kind,
    title: `Unrecognized ${words}`,
    short: 'unrecognized problem',
    meaning: `This looks like a ${words}, but Webhook Doctor has no specific advice for it yet.`,
    side: 'unknown',
    steps: [
      READ_RESPONSE_BODY_STEP,
      {
        id: 'unknown/compare-webhook-url-method',
        text: "Compare the webhook's URL, method, headers and body with the receiver's documentation, one by one.",
      },
      SEND_TEST_STEP,
    ],
    sources: [],
  });
}
