// Shared helper for the text detectors: the short, display-safe quote of what was matched.
import { isHighSurrogate, oneLine } from '../../text';

/** Longest excerpt a finding carries; badges and the CLI show it on one line. */
export const MAX_EXCERPT_LENGTH = 80;

/** Most characters read from a phrase: enough to fill an excerpt even when whitespace collapses. */
const MAX_CHARACTERS_READ = MAX_EXCERPT_LENGTH * 4;

/**
 * The matched phrase text[start, end), whitespace-collapsed and cut to MAX_EXCERPT_LENGTH
 * characters (an ellipsis marks the cut). Reads a bounded part of the text, so long merged
 * phrases cost no more than short ones. Never splits a surrogate pair.
 */
export function excerptOf(text: string, start: number, end: number): string {
  const readEnd = Math.min(end, start + MAX_CHARACTERS_READ);
  const phrase = oneLine(text.slice(start, readEnd));
  if (phrase.length <= MAX_EXCERPT_LENGTH && readEnd === end) return phrase;
  let cut = Math.min(phrase.length, MAX_EXCERPT_LENGTH - 1);
  if (isHighSurrogate(phrase.charCodeAt(cut - 1))) cut -= 1;
  return `${phrase.slice(0, cut)}…`;
}
