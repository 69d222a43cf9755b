// Shared helper for the text detectors: the short, display-safe quote of what was matched.

/** Longest excerpt a finding carries; badges and the CLI show it on one line. */
export const MAX_EXCERPT_LENGTH = 80;

/**
 * The matched phrase text[start, end), whitespace-collapsed and cut to MAX_EXCERPT_LENGTH
 * characters (an ellipsis marks the cut). Never splits a surrogate pair.
 */
export function excerptOf(text: string, start: number, end: number): string {
  const phrase = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (phrase.length <= MAX_EXCERPT_LENGTH) return phrase;
  let cut = MAX_EXCERPT_LENGTH - 1;
  if (isHighSurrogate(phrase.charCodeAt(cut - 1))) cut -= 1;
  return `${phrase.slice(0, cut)}…`;
}

function isHighSurrogate(charCode: number): boolean {
  return charCode >= 0xd800 && charCode <= 0xdbff;
}
