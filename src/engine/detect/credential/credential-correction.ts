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

/**
 * An Authorization value as shown: after the colon and an opening quote, up to the closing quote,
 * a comma or the line's end (`Authorization: <jwt>`, "Authorization: `Bearer ${auth.token}`").
 */
const SHOWN_WHOLE_VALUE = /authorization["'`]?[ \t]*[:=][ \t]*["'`]?([^\n"'`,;]{1,200})/gi;
/**
 * Words that turn one value into another between the two quotes ("to", "naar", "→", "instead",
 * "should be"): without one, two values in a row are a list, not a correction.
 */
const TRANSITION =
  /(?:→|->|=>|\b(?:to|into|naar|zu|nach|en|para|in|instead|replac\w*|chang\w*|fix\w*|modif\w*|should|must|moet|muss|debe|doit)\b)/i;
/** Most characters between a value and its corrected form. */
const MAX_PAIR_GAP = 300;

/**
 * The same credential shown first without a scheme and then, after a word that turns one into the
 * other, with `Bearer ` in front: "`Authorization: <jwt>` omgezet naar `Authorization: Bearer
 * <jwt>`", a code block's `${token}` changed to `Bearer ${token}`. In any language.
 */
function shownPair(text: string): Finding | null {
  const shown = [...text.matchAll(SHOWN_WHOLE_VALUE)].slice(0, MAX_CORRECTIONS * 2).map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    value: (match[1] ?? '').trim(),
  }));
  for (const [i, before] of shown.entries()) {
    if (before.value === '' || /^bearer\b/i.test(before.value)) continue;
    for (const after of shown.slice(i + 1)) {
      if (after.start - before.end > MAX_PAIR_GAP) break;
      const corrected = /^bearer\s+(.+)$/i.exec(after.value)?.[1];
      if (corrected !== before.value || !TRANSITION.test(text.slice(before.end, after.start))) continue;
      return {
        kind: 'credential',
        code: null,
        problem: 'missing-bearer-prefix',
        start: before.start,
        end: after.end,
        excerpt: 'Authorization: … changed to Authorization: Bearer …',
      };
    }
  }
  return null;
}

/** The correction, as a missing-bearer-prefix finding, when the text holds one. */
export function detectBearerCorrection(text: string): Finding | null {
  if (!/bearer/i.test(text)) return null;
  const pair = shownPair(text);
  if (pair) return pair;
  // Every correction needs a value shown without Bearer: one look for that first spares the
  // costlier search for correcting words in a log whose values all have it.
  if (!showsValueWithoutBearer(text)) return null;
  let count = 0;
  for (const match of text.matchAll(CORRECTION)) {
    if (++count > MAX_CORRECTIONS) break;
    const start = match.index;
    const end = start + match[0].length;
    // "It should be `Bearer x`, not `Authorization: x`" corrects on its own; otherwise the quote
    // must have failed.
    const contrasted = /^[^\n]{0,60}?\bnot\s+["'`]?authorization/i.test(text.slice(end, end + 80));
    if (contrasted || FAILURE_SIGNAL.test(text)) {
      return { kind: 'credential', code: null, problem: 'missing-bearer-prefix', start, end, excerpt: excerptOf(text, start, end) };
    }
  }
  return null;
}
