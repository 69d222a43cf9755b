// A reply that corrects a header shown in the same text: the writer quoted an Authorization value
// without the Bearer scheme (none at all, `token: …`, `JWT …`), and someone answers that it
// should be `Bearer …`. Together they tell a missing Bearer that neither tells alone: the quote
// may be what the receiver wants, and the answer alone is advice.
import type { Finding } from '../../types';
import { FAILURE_SIGNAL } from './credential-context';
import { excerptOf } from '../shared/text-excerpt';

/**
 * "should be `Authorization: Bearer …`", "needs to be formatted as … Bearer", the header on the
 * next line of a code block, "we need to send the token … by adding the Bearer"; not "must be
 * `token`, not Bearer".
 */
const CORRECTION =
  /\b(?:should|must|needs?\s+to|has\s+to|have\s+to)\s+(?:be|have|look\s+like|contain|read|start\s+with|send|add|include|prepend|put|use)\b(?:\s+formatted\s+as)?[\s\S]{0,60}?(?<!\bnot\s+["'`]{0,3})\bbearer\b/gi;
/** An Authorization value quoted in the text: its first word, which a scheme would be. */
const SHOWN_VALUE = /authorization["'`]?\s*[:=]\s*["'`]?\s*([^\s"'`,;]+)/gi;
/** Most corrections read per text. */
const MAX_CORRECTIONS = 8;

/** True when the text quotes an Authorization value whose first word is not Bearer. */
function showsValueWithoutBearer(text: string): boolean {
  for (const match of text.matchAll(SHOWN_VALUE)) {
    const word = match[1] ?? '';
    if (!/^bearer/i.test(word) && !/^[<[{(]/.test(word)) return true;
  }
  return false;
}

/** The correction, as a missing-bearer-prefix finding, when the text holds one. */
export function detectBearerCorrection(text: string): Finding | null {
  if (!/bearer/i.test(text)) return null;
  let count = 0;
  for (const match of text.matchAll(CORRECTION)) {
    if (++count > MAX_CORRECTIONS) break;
    const start = match.index;
    const end = start + match[0].length;
    // "It should be `Bearer x`, not `Authorization: x`" corrects on its own; otherwise the quote
    // must have failed.
    const contrasted = /^[^\n]{0,60}?\bnot\s+["'`]?authorization/i.test(text.slice(end, end + 80));
    if ((contrasted || FAILURE_SIGNAL.test(text)) && showsValueWithoutBearer(text)) {
      return { kind: 'credential', code: null, problem: 'missing-bearer-prefix', start, end, excerpt: excerptOf(text, start, end) };
    }
  }
  return null;
}
