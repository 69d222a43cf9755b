// Every non-HTTP problem a detector can report, keyed by problem id.
import type { ProblemEntry } from './types';
import { NETWORK_PROBLEMS } from './problems/network';
import { CREDENTIAL_PROBLEMS } from './problems/credential';
import { JSON_PROBLEMS } from './problems/json';
import { RATE_LIMIT_PROBLEMS } from './problems/rate-limit';
import { ENDPOINT_PROBLEMS, RECEIVER_REQUEST_PROBLEMS } from './problems/endpoint';
import { RECEIVER_ANSWER_PROBLEMS } from './problems/receiver-answer';

export const PROBLEM_ENTRIES: readonly ProblemEntry[] = [
  ...NETWORK_PROBLEMS,
  ...CREDENTIAL_PROBLEMS,
  ...JSON_PROBLEMS,
  ...RATE_LIMIT_PROBLEMS,
  ...ENDPOINT_PROBLEMS,
  ...RECEIVER_REQUEST_PROBLEMS,
  ...RECEIVER_ANSWER_PROBLEMS,
];

const BY_ID: ReadonlyMap<string, ProblemEntry> = new Map(PROBLEM_ENTRIES.map((entry) => [entry.id, entry]));

export function problemEntry(id: string): ProblemEntry | undefined {
  return BY_ID.get(id);
}
