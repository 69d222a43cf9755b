// Small text helpers used across the engine, the CLI and the extension's pages.

/** The offset of the first character at or after `from` that is not a space or a tab. */
export function skipBlanks(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i += 1;
  return i;
}

/** Like skipBlanks, also over the spaces HTML draws as blanks (`&nbsp;`, thin and ideographic spaces). */
export function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]/.test(text[i] ?? '')) i += 1;
  return i;
}

/**
 * Where the line holding `at` starts, reading back at most `reach` characters (then where the
 * reading stopped): bounded, so that a log of one long line costs no more than a short one.
 */
export function lineStartWithin(text: string, at: number, reach: number): number {
  let start = at;
  while (start > 0 && at - start < reach && text.charCodeAt(start - 1) !== 10) start -= 1;
  return start;
}

/** Where the line holding `at` ends, reading on at most `reach` characters (then where it stopped). */
export function lineEndWithin(text: string, at: number, reach: number): number {
  let end = at;
  while (end < text.length && end - at < reach && text.charCodeAt(end) !== 10) end += 1;
  return end;
}

/** True for the first half of a surrogate pair: a cut right after it would split a character. */
export function isHighSurrogate(charCode: number): boolean {
  return charCode >= 0xd800 && charCode <= 0xdbff;
}

/** Bidi isolates (U+2066–2069): i18n libraries wrap each value they substitute in a pair. */
const BIDI_ISOLATE_RANGE = '\\u2066-\\u2069';
export const BIDI_ISOLATE = new RegExp(`[${BIDI_ISOLATE_RANGE}]`);

/**
 * Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they reorder what follows
 * them, so page text shown with them can read otherwise than it is ("KO 002" shown as "200 OK").
 */
export const BIDI_CONTROL = new RegExp(`[\\u202a-\\u202e${BIDI_ISOLATE_RANGE}]`);
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

/** `text` without bidi controls: page text we show reads in the order it is stored. */
export function withoutBidiControls(text: string): string {
  return BIDI_CONTROL.test(text) ? text.replace(BIDI_CONTROLS, '') : text;
}

/**
 * Directional marks (U+200E, U+200F, U+061C): zero-width letters right-to-left pages put on each
 * side of a Latin number so that it sits right among Arabic or Hebrew words; they reorder nothing.
 */
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;

/** `text` without directional marks ("\u200f404\u200f" → "404"): what a reader of the number sees. */
export function withoutBidiMarks(text: string): string {
  return text.replace(BIDI_MARKS, '');
}

/** Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits: how Arabic and Persian pages write numbers. */
const EASTERN_ARABIC_DIGIT_RANGE = '\\u0660-\\u0669\\u06f0-\\u06f9';
const EASTERN_ARABIC_DIGIT = new RegExp(`[${EASTERN_ARABIC_DIGIT_RANGE}]`);
const EASTERN_ARABIC_DIGITS = new RegExp(EASTERN_ARABIC_DIGIT.source, 'g');
/** Three Eastern Arabic digits that may be a failure's status (4xx, 5xx): "٥٠٣". */
export const EASTERN_ARABIC_STATUS = new RegExp(`[\\u0664\\u0665\\u06f4\\u06f5][${EASTERN_ARABIC_DIGIT_RANGE}]{2}`);

/** `text` with Eastern Arabic digits written as Latin ones ("٥٠٣" → "503"), the way the detectors read numbers. */
export function withLatinDigits(text: string): string {
  if (!EASTERN_ARABIC_DIGIT.test(text)) return text;
  // Both ranges run from zero to nine: the low four bits of the code point are the digit.
  return text.replace(EASTERN_ARABIC_DIGITS, (digit) => String(digit.charCodeAt(0) & 0xf));
}

/**
 * Unicode's Private Use Area (U+E000–F8FF): icon fonts (Material Icons, Font Awesome, IcoMoon)
 * draw their glyphs from it, so a page writing `&#xE002;` before a number shows a picture, no text.
 */
const ICON_GLYPHS = /[\ue000-\uf8ff]/g;

/** `text` without icon-font glyphs ("\ue002503" → "503"): what a reader of the words sees. */
export function withoutIconGlyphs(text: string): string {
  return text.replace(ICON_GLYPHS, '');
}

/** Latin letters and digits both: how keys and passwords are written, and words and numbers are not. */
export function mixesLettersAndDigits(word: string): boolean {
  return /[A-Za-z]/.test(word) && /\d/.test(word);
}

/** Capitals, small letters and digits all in one word (`nK6zT3yH5cJ0`): how generated keys read, and names (`token123`, `YOUR_KEY`) do not. */
export function mixesCasesAndDigits(word: string): boolean {
  return /[a-z]/.test(word) && /[A-Z]/.test(word) && /\d/.test(word);
}

/** Whitespace runs (line breaks included) as one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Characters a token is made of: a cut between two of them halves one. */
const TOKEN_CHARACTER = /[\w.~+/=%-]/;

/**
 * `text` cut to at most `length` characters for a redactor to read, without the run of token
 * characters the cut would halve: half a token is too short for the redactor to know as one
 * (a run of 20, a key's value cut from its key), yet it is a piece of the secret.
 */
export function cutOutsideToken(text: string, length: number): string {
  if (text.length <= length) return text;
  let end = length;
  if (TOKEN_CHARACTER.test(text[end] ?? '')) while (end > 0 && TOKEN_CHARACTER.test(text[end - 1] ?? '')) end -= 1;
  return text.slice(0, end);
}

/** `text` at most `max` characters long; a cut is marked with an ellipsis and never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/** "1 file", "3 files": a count and its English noun (`many` for nouns that do not just take an s). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
