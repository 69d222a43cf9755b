// Resolves any number to a status entry: name, title and advice, with RFC 9110's rule that an
// unrecognized code is handled like the x00 of its class (and out-of-range values like 5xx).
import type { StatusEntry } from './types';
import { classRepresentative, statusName, statusRecord, statusTitle } from './http-status';
import { adviceFor } from './http-advice';

export function statusEntry(code: number): StatusEntry {
  const known = statusRecord(code) !== undefined;
  const { advice, specific } = adviceFor(code);
  if (known) return { code, name: statusName(code), title: statusTitle(code), known, specific, advice };
  const like = classRepresentative(code);
  const meaning = `${advice.meaning} This code is not a registered one, so HTTP says to handle it like ${statusTitle(like)}.`;
  return { code, name: statusName(code), title: statusTitle(code), known, specific, advice: { ...advice, meaning } };
}
