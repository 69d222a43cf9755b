// Reason phrases that may follow (or precede) a 4xx/5xx status code, from the one table of status
// names: RFC 9110 names (old and new), and the non-standard ones that ESPs, CDNs and proxies show
// (Braze 529/598/599, HubSpot 477, Cloudflare 52x, nginx 444/499).
import { ERROR_STATUS_NAMES, reasonPhrases } from '../../status-names';
import { execAt, wordBefore } from '../shared/text-match';

const REASON_PHRASES: ReadonlyArray<readonly [number, ...string[]]> = ERROR_STATUS_NAMES.map((row) => [row[0], ...reasonPhrases(row)]);

/** Lower case, one space between words, straight apostrophes: "Request-URI  Too Long" → "request uri too long". */
function normalizePhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[\s_-]+/g, ' ');
}

/** normalizePhrase for one word of PHRASE_WORD (letters and apostrophes only), without its regex passes. */
function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

const CODES_BY_PHRASE = new Map<string, number>();
for (const [code, ...phrases] of REASON_PHRASES) {
  for (const phrase of phrases) CODES_BY_PHRASE.set(normalizePhrase(phrase), code);
}

// Longest first, so "Service Temporarily Unavailable" wins over a shorter prefix.
const ALL_PHRASES = [...CODES_BY_PHRASE.keys()].sort((a, b) => b.length - a.length);

/** Most words in a phrase ("Web Server Returned an Unknown Error"). */
const MAX_PHRASE_WORDS = Math.max(...ALL_PHRASES.map((phrase) => phrase.split(' ').length));

/**
 * The first words of every phrase ("request", "request uri", "request uri too long"): words read
 * so far that are none of them cannot grow into a phrase, so reading stops there.
 */
const PHRASE_STARTS = new Set(
  ALL_PHRASES.flatMap((phrase) => phrase.split(' ').map((_, last, words) => words.slice(0, last + 1).join(' '))),
);

// Phrases are matched word by word against CODES_BY_PHRASE rather than by one alternation of all
// of them: with the i and u flags such an alternation took V8 60+ ms to compile on first use.
/** One word of a phrase ("teapot", "I'm"). */
const PHRASE_WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/y;
/** Between two words of a phrase: spaces, `_` or `-` (NOT_FOUND, Time-out). */
const PHRASE_GAP_CHAR = /[ \t\u00a0_-]/;
const PHRASE_GAP = new RegExp(`${PHRASE_GAP_CHAR.source}{1,3}`, 'y');
/** A letter or digit of a script with spaces right after a phrase: it was a longer word. */
const LATIN_AFTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{N}_]/u;
/**
 * The next code of a list flattened without spaces, right after a phrase: "Unauthorized403
 * Forbidden" (a doc table's cells run together). The phrase still ends there.
 */
const GLUED_CODE = /[45]\d\d(?!\d)/y;
/** A letter, digit or `_` right before a phrase: it was a longer word. */
const WORD_BEFORE = /[\p{L}\p{N}_]/u;

/**
 * Right after the digits: an optional closing bracket ("(401) Unauthorized"), an optional dash
 * (or two, "400 -- Bad Request") or colon, up to two line breaks, then an optional opening bracket ("404 (Not Found)",
 * "400 | [Bad Request](…)").
 */
const CLOSING_OF: Record<string, string> = { '(': ')', '[': ']' };
const LEAD_AFTER = /([)\]`*]?)[ \t\u00a0]{0,3}(?:(?:\r?\n[ \t\u00a0]{0,8}){1,2})?(?:(?:--|[-:–—|])[ \t\u00a0]{0,3})?([([]?)/y;

/**
 * The longest known phrase that starts at `start`, read word by word; its code and end offset, or
 * null. Korean and Japanese particles may follow ("Error가"); Latin letters or digits may not.
 */
function phraseAt(text: string, start: number): { code: number; end: number } | null {
  let best: { code: number; end: number } | null = null;
  let phrase = '';
  let at = start;
  for (let words = 0; words < MAX_PHRASE_WORDS; words++) {
    if (words > 0) {
      const gap = execAt(PHRASE_GAP, text, at);
      if (!gap) break;
      at += gap[0].length;
    }
    const word = execAt(PHRASE_WORD, text, at);
    if (!word) break;
    at += word[0].length;
    // A word holds no gap character, so the phrase is normalized one word at a time, and only
    // its case and apostrophe need it.
    const normalized = normalizeWord(word[0]);
    phrase = words > 0 ? `${phrase} ${normalized}` : normalized;
    if (!PHRASE_STARTS.has(phrase)) break;
    const code = CODES_BY_PHRASE.get(phrase);
    if (code !== undefined && (!LATIN_AFTER.test(text.charAt(at)) || execAt(GLUED_CODE, text, at) !== null)) best = { code, end: at };
  }
  return best;
}

/**
 * Generic words after a code that also mark it as a status: "500 error", "HTTP 429 Response
 * Code", Python requests' "403 Client Error: Forbidden for url".
 */
const GENERIC_AFTER = new RegExp(
  `[ \\t\\u00a0]{1,3}(?:[-:][ \\t\\u00a0]{0,3})?(?:(?:response|status|error|https?)[ _-]?code|https?[ _-]status|(?:client|server)[ \\t\\u00a0]{1,3}error|(?:\\p{L}{3,16}[ \\t\\u00a0]{1,2})?error(?:ed|ing)?)(?!${LATIN_AFTER.source})`,
  'iuy',
);

/**
 * Before the code: the words of a phrase, then spaces and an opening bracket ("Forbidden (403)",
 * "Not Found [404]"), or a dash or colon at most ("Payload Too Large 413", "Not Found: 404").
 */
const WORDS_BEFORE = new RegExp(
  `((?:${PHRASE_WORD.source}${PHRASE_GAP.source}){0,${MAX_PHRASE_WORDS - 1}}${PHRASE_WORD.source})[ \\t\\u00a0]{0,3}(?:[(\\[]|(?:[-:–—][ \\t\\u00a0]{0,3})?(?<=[\\s:–—-]))$`,
);

/** The last word of every phrase: a phrase can only end before a code with one of them. */
const LAST_WORDS = new Set(ALL_PHRASES.map((phrase) => phrase.split(/[\s']/).at(-1) ?? ''));
const REASON_GAPS = new Set([' ', '\t', '\u00a0', '\n', '\r', ':', '–', '—', '(', '[', '-']);
const isReasonGap = (char: string): boolean => REASON_GAPS.has(char);
const isPhraseGap = (char: string): boolean => char !== '' && PHRASE_GAP_CHAR.test(char);

/** Longest text examined before a bracketed code: the longest phrase and its spacing. */
const REASON_BEFORE_WINDOW = Math.max(...ALL_PHRASES.map((phrase) => phrase.length)) * 2 + 8;

export interface PhraseAfter {
  /** Offset where the phrase after the code ends. */
  end: number;
  /** True when the phrase opened with a closing bracket, as in "(401) Unauthorized". */
  closesBracket: boolean;
}

/**
 * The reason phrase (or a generic "error" / "response code") that follows the digits ending at
 * `codeEnd`, when it belongs to `code`; null otherwise. A reason phrase of another code does not
 * count ("404 Forbidden" is not evidence for 404).
 */
export function phraseAfterCode(text: string, codeEnd: number, code: number): PhraseAfter | null {
  // A code without a name has no phrase of its own to look for; most numbers of a log are such.
  const lead = isNamedStatus(code) ? execAt(LEAD_AFTER, text, codeEnd) : null;
  const phrase = lead && phraseAt(text, codeEnd + lead[0].length);
  if (lead && phrase?.code === code) {
    let end = phrase.end;
    // "404 (Not Found)", a Markdown link "400 | [Bad Request](…)".
    if (text.charAt(end) === CLOSING_OF[lead[2] ?? '']) end += 1;
    return { end, closesBracket: lead[1] !== '' };
  }
  // GENERIC_AFTER opens with a blank: without one, its costlier Unicode pass is spared.
  const next = text.charAt(codeEnd);
  const generic = next === ' ' || next === '\t' || next === '\u00a0' ? execAt(GENERIC_AFTER, text, codeEnd) : null;
  if (generic) return { end: codeEnd + generic[0].length, closesBracket: false };
  return null;
}

/** Spaces between a code and a phrase that names another code ("returns 404 unauthorized"). */
const SPACES_AFTER = /[ \t\u00a0]{1,3}/y;

/**
 * True when a reason phrase of any code follows the digits ending at `codeEnd`. People mix them
 * up ("it always returns 404 unauthorized"); the phrase still shows that the number is a status.
 */
export function hasAnyPhraseAfter(text: string, codeEnd: number): boolean {
  const spaces = execAt(SPACES_AFTER, text, codeEnd);
  return spaces !== null && phraseAt(text, codeEnd + spaces[0].length) !== null;
}

/**
 * Where the reason phrase of `code` starts when it comes first ("Forbidden (403)", "Payload Too
 * Large 413"), or -1.
 */
export function reasonStartBeforeCode(text: string, codeStart: number, code: number): number {
  const phrase = phraseBeforeCode(text, codeStart);
  return phrase !== null && phrase.code === code ? phrase.start : -1;
}

/** True when a reason phrase of any code comes right before the digits ("Forbidden (404)"). */
export function hasAnyPhraseBefore(text: string, codeStart: number): boolean {
  return phraseBeforeCode(text, codeStart) !== null;
}

/** The reason phrase that ends right before the digits, whichever code it names: its code and start. */
function phraseBeforeCode(text: string, codeStart: number): { code: number; start: number } | null {
  if (!isReasonGap(text.charAt(codeStart - 1))) return null;
  if (!LAST_WORDS.has(wordBefore(text, codeStart, isReasonGap).toLowerCase())) return null;
  const windowStart = Math.max(0, codeStart - REASON_BEFORE_WINDOW);
  const before = WORDS_BEFORE.exec(text.slice(windowStart, codeStart));
  if (!before) return null;
  // The longest run of whole words that is a known phrase ending at the last word.
  const words = before[1] ?? '';
  const wordsStart = windowStart + before.index;
  const phraseEnd = wordsStart + words.length;
  for (let offset = 0; offset < words.length; offset++) {
    const start = wordsStart + offset;
    if (offset > 0 && !isPhraseGap(text.charAt(start - 1))) continue;
    if (isPhraseGap(text.charAt(start))) continue;
    if (WORD_BEFORE.test(text.charAt(start - 1))) continue;
    const found = phraseAt(text, start);
    if (found && found.end === phraseEnd) return { code: found.code, start };
  }
  return null;
}

/**
 * True when the code's own reason phrase follows the digits with no space, as documentation
 * tables flattened into text show them ("400Bad Request —", "404Not Found"). Only the code's own
 * phrase counts, and it must start with a capital: "500ms" or "404page" are no such thing.
 */
export function hasGluedReason(text: string, codeEnd: number, code: number): boolean {
  const first = text.charCodeAt(codeEnd);
  if (first < 65 || first > 90) return false;
  return phraseAt(text, codeEnd)?.code === code;
}

/**
 * A code glued to the end of the phrase before it, followed by its own phrase: the 403 of "401
 * Unauthorized403 Forbidden". Its code and where its phrase ends, or null.
 */
export function gluedMemberAt(text: string, at: number): { code: number; end: number } | null {
  if (execAt(GLUED_CODE, text, at) === null || !/[A-Za-z]/.test(text.charAt(at - 1))) return null;
  const code = Number(text.slice(at, at + 3));
  const lead = execAt(LEAD_AFTER, text, at + 3);
  const phrase = lead && phraseAt(text, at + 3 + lead[0].length);
  return phrase?.code === code ? { code, end: phrase.end } : null;
}

const NAMED_CODES = new Set(CODES_BY_PHRASE.values());

/** True for the codes that have a name (RFC 9110 and the common non-standard ones). */
export function isNamedStatus(code: number): boolean {
  return NAMED_CODES.has(code);
}

/** The codes a reason phrase names, for tests and the catalog ("too many requests" → 429). */
export function codeForReasonPhrase(phrase: string): number | undefined {
  return CODES_BY_PHRASE.get(normalizePhrase(phrase));
}
