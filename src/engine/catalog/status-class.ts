// The range and classes of HTTP status codes: a module of its own so that the content script can
// use them without the catalog's status tables.

export type StatusClass = 1 | 2 | 3 | 4 | 5;

/** True for an integer in the range HTTP status codes live in. */
export function isStatusInRange(code: number): boolean {
  return Number.isInteger(code) && code >= 100 && code <= 599;
}

/** The class (first digit) of a code; anything outside 100–599 counts as a server error. */
export function statusClass(code: number): StatusClass {
  if (!isStatusInRange(code)) return 5;
  return Math.floor(code / 100) as StatusClass;
}
