// Shared helper for the text detectors: the short, display-safe quote of what was matched.
import { redactSecretsInText } from '../../redact';
import { cutOutsideToken, isHighSurrogate, oneLine } from '../../text';

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

/**
 * The same excerpt with any secret in it redacted, for a finding whose phrase may run over a
 * credential's value (a sentence read around a header line). The phrase is redacted before it is
 * cut, so a token is seen whole.
 */
export function redactedExcerptOf(text: string, start: number, end: number): string {
  const phrase = redactSecretsInText(
    cutOutsideToken(text.slice(start, Math.min(end, start + MAX_CHARACTERS_READ + 1)), MAX_CHARACTERS_READ),
  );
  return excerptOf(phrase, 0, phrase.length);
}
