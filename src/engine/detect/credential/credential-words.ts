// Where the words both credential scans start from (header names, key-field words) lie in a text,
// found in one pass shared by the two: each scan then tries its own pattern, sticky, at those
// places only. A pass over a long log costs as much as both scans' other work together.
import { AUTHORIZATION_HEADER_NAMES, KEY_HEADER_NAMES } from '../../credential-headers';
import { firstAtOrAfter } from '../shared/sorted-search';
import { SECRET_NAME_WORD_SOURCE } from './secret-name-words';

/** `Authentication:` is not a header any server reads, but people send it for Authorization (issue 8). */
export const AUTH_NAMES = [...AUTHORIZATION_HEADER_NAMES, 'authentication'].join('|');
const KEY_NAMES = KEY_HEADER_NAMES.join('|');
export const NAMES = `${AUTH_NAMES}|${KEY_NAMES}`;

/**
 * The scheme typed as a header's name (`-H 'Bearer: 96ca…'`): the token went out with no
 * Authorization scheme. Read only as a header line, and only where a colon follows.
 */
export const SCHEME_AS_NAME = 'bearer';

/**
 * A word that may be Authorization misspelt (`Autorization`, `Authoriaztion`), as a header's name
 * only, where a colon follows: the scan keeps those within two edits of the real name.
 */
export const AUTH_LIKE = 'a[a-z]{9,14}n';

/** Any header name (see credential-scan.ts). */
const HEADER_NAME = `(?:${NAMES}|(?:${SCHEME_AS_NAME}|${AUTH_LIKE})(?=["']?[ \\t]*:))`;
/** A word a key field's name ends in, or `Bearer` (see credential-key-field.ts). */
const KEY_FIELD_WORD = SECRET_NAME_WORD_SOURCE;

/** Each scan's own pattern, tried at a place: what its global search would find there. */
export const HEADER_NAME_AT = new RegExp(HEADER_NAME, 'iy');
export const KEY_FIELD_WORD_AT = new RegExp(KEY_FIELD_WORD, 'iy');

/** Either word: every place where one of the two patterns matches is a place where this one does. */
const ANY_WORD = new RegExp(`${HEADER_NAME}|${KEY_FIELD_WORD}`, 'gi');

const ANY_WORD_ONCE = new RegExp(ANY_WORD.source, 'i');

/** False when neither credential scan (headers, key fields) has a place to start from in `text`. */
export function mayHoldCredentialWord(text: string): boolean {
  return ANY_WORD_ONCE.test(text);
}

/** The places of the last text asked about: the two scans ask one after the other. */
let lastText: string | null = null;
let lastStarts: number[] = [];

/** Every offset where a header name or a key-field word starts, ascending. */
function wordStarts(text: string): number[] {
  if (text === lastText) return lastStarts;
  const starts: number[] = [];
  ANY_WORD.lastIndex = 0;
  for (let match = ANY_WORD.exec(text); match !== null; match = ANY_WORD.exec(text)) {
    starts.push(match.index);
    // One character on, not past the match: the other pattern may start inside it ("x-api-key").
    ANY_WORD.lastIndex = match.index + 1;
  }
  lastText = text;
  lastStarts = starts;
  return starts;
}

/**
 * What a global search with `at`'s pattern from `from` would find: its first match at or after
 * `from`, tried only where a word starts. `at` is one of the sticky patterns above.
 */
export function nextWord(text: string, at: RegExp, from: number): RegExpExecArray | null {
  const starts = wordStarts(text);
  // A search, not a walk: the scans jump ahead as they read values.
  for (let i = firstAtOrAfter(starts, from); i < starts.length; i++) {
    at.lastIndex = starts[i]!;
    const match = at.exec(text);
    if (match !== null) return match;
  }
  return null;
}
