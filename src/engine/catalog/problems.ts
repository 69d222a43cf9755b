// Every non-HTTP problem a detector can report, keyed by problem id.
import type { ProblemData, ProblemEntry } from './types';
import { withStepTexts } from './steps';
import { NETWORK_PROBLEMS } from './problems/network';
import { CREDENTIAL_PROBLEMS } from './problems/credential';
import { JSON_PROBLEMS } from './problems/json';
import { RATE_LIMIT_PROBLEMS } from './problems/rate-limit';
import { ENDPOINT_PROBLEMS, RECEIVER_REQUEST_PROBLEMS } from './problems/endpoint';
import { RECEIVER_ANSWER_PROBLEMS } from './problems/receiver-answer';

/** Every problem as written, its steps with their ids. */
export const PROBLEM_DATA: readonly ProblemData[] = [
  ...NETWORK_PROBLEMS,
  ...CREDENTIAL_PROBLEMS,
  ...JSON_PROBLEMS,
  ...RATE_LIMIT_PROBLEMS,
  ...ENDPOINT_PROBLEMS,
  ...RECEIVER_REQUEST_PROBLEMS,
  ...RECEIVER_ANSWER_PROBLEMS,
];

export const PROBLEM_ENTRIES: readonly ProblemEntry[] = PROBLEM_DATA.map(withStepTexts);

const BY_ID: ReadonlyMap<string, ProblemEntry> = new Map(PROBLEM_ENTRIES.map((entry) => [entry.id, entry]));

export function problemEntry(id: string): ProblemEntry | undefined {
  return BY_ID.get(id);
}
