// A status named by its reason phrase alone, with no number: "replied with \"Payload Too
// Large\"", "invalid URLs result in internal server error", .NET's "StatusCode: ServiceUnavailable"
// and "HttpStatusCode.TooManyRequests". A phrase counts only where a reader takes it as the
// answer to a request: after a verb of failing or receiving, or after a status word. Phrases
// that are also everyday words or network failures ("not found", "connection timed out") are
// left to the numbered forms.
import type { Finding } from '../../types';
import { ERROR_STATUS_NAMES, reasonPhrases } from '../../status-names';
import { codeForReasonPhrase } from './status-reasons';
import { statusKeywordStart } from './status-context';
import { hasVerbBefore } from './status-prose';
import { excerptOf } from '../shared/text-excerpt';

/**
 * Codes whose names are distinctive enough to name a status on their own, after a verb or a status
 * word ("Payload Too Large", "Internal Server Error"). Left out: names that are everyday words
 * or network failures ("Not Found", "Request Timeout", "Connection Timed Out", "Too Early").
 */
export const NAMED_ALONE = new Set([
  400, 402, 405, 406, 407, 411, 412, 413, 414, 415, 416, 417, 421, 422, 424, 426, 428, 429, 431, 451, 500, 502, 503, 504, 505, 507, 511,
]);
/** Codes with a one-word name (or "Not Found"): a status only right after a status word ("StatusCode: Forbidden"). */
const NAMED_AFTER_STATUS_WORD = new Set([401, 403, 404, 409, 410]);

const phrasesOf = (codes: ReadonlySet<number>): string[] =>
  ERROR_STATUS_NAMES.filter(([code]) => codes.has(code)).flatMap((row) => reasonPhrases(row).map((phrase) => phrase.toLowerCase()));
const squeeze = (phrase: string): string => phrase.toLowerCase().replace(/[ _-]/g, '');
const ONE_WORD_SQUEEZED = new Set(phrasesOf(NAMED_AFTER_STATUS_WORD).map(squeeze));

/** A phrase's words joined by a space, `_`, `-` or nothing (CamelCase enum names). */
const joinWords = (phrase: string): string =>
  phrase
    .split(/[ -]/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\']/g, '\\$&'))
    .join('[ _-]?');

// No look-behind: it would keep V8 from skipping ahead to a phrase's first letter; the letter
// before a match is checked in code instead.
const PHRASE = new RegExp(
  `(?:${[...phrasesOf(NAMED_ALONE), ...phrasesOf(NAMED_AFTER_STATUS_WORD)]
    .sort((a, b) => b.length - a.length)
    .map(joinWords)
    .join('|')})(?![A-Za-z])`,
  'gi',
);
const LETTER = /[A-Za-z]/;

/** A cheap test for texts that may hold such a phrase. */
export const NAMED_STATUS_HINT =
  /bad.?request|payment.?required|not.?allowed|not.?acceptable|authentication.?required|length.?required|precondition|too.?large|too.?long|media.?type|satisfiable|expectation|misdirected|unprocessable|dependency|upgrade.?required|too.?many.?requests|legal.?reasons|internal.?server.?error|bad.?gateway|unavailable|gateway.?time|not.?supported|insufficient.?storage|(?:status|phrase)[\w.]{0,5}\s*[:=.]\s*["'`]?(?:unauthori|forbidden|conflict|gone|not.?found)|(?:unauthorized|forbidden|conflict|gone|not.?found)["'`’”]?[ \t]{1,2}(?:error|response|reply|answer)/i;

/**
 * Before a one-word name, only a status word will do: "StatusCode: Forbidden", .NET's enum
 * member "HttpStatusCode.Forbidden". Not "code", which gRPC uses too ("code = NotFound").
 */
const STATUS_WORD_BEFORE =
  /(?:^|[^A-Za-z])(?:(?:https?[ _-]?)?status(?:[ _-]?code)?|reason[ _-]?phrase)(?:\.|[ \t]{0,2}[:=][ \t]{0,2}["'`]?)$/i;
/**
 * After a one-word name written as a name, a word saying it was an answer: quoted, "error" will
 * do ("the same \"Forbidden\" error"); only capitalised, it must be "response" ("a Forbidden
 * response"), since "Conflict error" is as often a merge conflict.
 */
const ERROR_AFTER_QUOTE = /^["'`’”][ \t]{1,2}(?:error|response|reply)(?![A-Za-z])/i;
const RESPONSE_AFTER = /^[ \t]{1,2}(?:response|reply)(?![A-Za-z])/i;
const QUOTE_BEFORE = /["'`‘“]/;

/** A code number close to the phrase: the status detector reports it ("503 Service Unavailable"). */
const NUMBER_NEAR = /[45]\d\d/;
const NEAR = 8;

/**
 * Longest text read for named statuses. A status told in words alone is prose (an issue, a chat
 * message, a doc); a longer paste is a log, whose lines give numbers, and is left to them so
 * that the engine keeps its throughput.
 */
export const MAX_NAMED_TEXT = 16 * 1024;

/** True when `text` may hold a status named without a number (see detectNamedStatuses). */
export function mayHaveNamedStatus(text: string): boolean {
  return text.length <= MAX_NAMED_TEXT && NAMED_STATUS_HINT.test(text);
}

/**
 * Reason phrases that name a status with no number beside them, each code once. The page scan
 * does not run this reader on rows its cheap hint turns away (rows without a number or a
 * network or credential word): a status told in words alone is read in pasted text.
 */
export function detectNamedStatuses(text: string): Finding[] {
  if (text.length > MAX_NAMED_TEXT) return [];
  const findings: Finding[] = [];
  const seen = new Set<number>();
  for (const match of text.matchAll(PHRASE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (LETTER.test(text.charAt(start - 1))) continue;
    const code = codeForReasonPhrase(spaced(match[0]));
    if (code === undefined || seen.has(code)) continue;
    if (NUMBER_NEAR.test(text.slice(Math.max(0, start - NEAR), start)) || NUMBER_NEAR.test(text.slice(end, end + NEAR))) continue;
    const afterStatusWord = STATUS_WORD_BEFORE.test(text.slice(Math.max(0, start - 24), start));
    if (ONE_WORD_SQUEEZED.has(squeeze(match[0]))) {
      if (!afterStatusWord && !isNamedAnswer(text, start, end)) continue;
    } else if (!afterStatusWord && statusKeywordStart(text, start) < 0 && !hasVerbBefore(text, start)) {
      continue;
    }
    seen.add(code);
    findings.push({ kind: 'http', code, problem: null, start, end, excerpt: excerptOf(text, start, end) });
  }
  return findings;
}

/** A one-word name quoted before "error", or capitalised before "response". */
function isNamedAnswer(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 12);
  if (QUOTE_BEFORE.test(text.charAt(start - 1))) return ERROR_AFTER_QUOTE.test(after);
  const first = text.charAt(start);
  return first !== first.toLowerCase() && RESPONSE_AFTER.test(after);
}

/** "ServiceUnavailable" → "Service Unavailable", "NOT_FOUND" → "NOT FOUND", for the phrase table. */
function spaced(phrase: string): string {
  return phrase.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ');
}
