// A status named by its reason phrase alone, with no number: "replied with \"Payload Too
// Large\"", "invalid URLs result in internal server error", .NET's "StatusCode: ServiceUnavailable"
// and "HttpStatusCode.TooManyRequests". A phrase counts only where a reader takes it as the
// answer to a request: after a verb of failing or receiving, or after a status word. Phrases
// that are also everyday words or network failures ("not found", "connection timed out") are
// left to the numbered forms.
import type { Finding } from '../types';
import { codeForReasonPhrase } from './status-reasons';
import { statusKeywordStart } from './status-context';
import { hasVerbBefore } from './status-prose';
import { excerptOf } from './text-excerpt';

/**
 * Phrases distinctive enough to name a status on their own, one regex source per phrase: words
 * joined by a space, `_`, `-` or nothing (CamelCase enum names).
 */
const MULTI_WORD = [
  'bad request', 'payment required', 'method not allowed', 'not acceptable', 'proxy authentication required',
  'length required', 'precondition failed', 'content too large', 'payload too large', 'request entity too large',
  'uri too long', 'request uri too long', 'unsupported media type', 'range not satisfiable', 'expectation failed',
  'misdirected request', 'unprocessable content', 'unprocessable entity', 'failed dependency', 'upgrade required',
  'precondition required', 'too many requests', 'request header fields too large', 'unavailable for legal reasons',
  'internal server error', 'bad gateway', 'service unavailable', 'service temporarily unavailable', 'gateway timeout',
  'gateway time out', 'http version not supported', 'insufficient storage', 'network authentication required',
];
/** One-word names: a status only right after a status word ("StatusCode: Forbidden"). */
const ONE_WORD = ['unauthorized', 'unauthorised', 'forbidden', 'conflict', 'gone', 'not found'];
const squeeze = (phrase: string): string => phrase.toLowerCase().replace(/[ _-]/g, '');
const ONE_WORD_SQUEEZED = new Set(ONE_WORD.map(squeeze));

const joinWords = (phrase: string): string => phrase.split(' ').join('[ _-]?');
// No look-behind: it would keep V8 from skipping ahead to a phrase's first letter; the letter
// before a match is checked in code instead.
const PHRASE = new RegExp(
  `(?:${[...MULTI_WORD, ...ONE_WORD].sort((a, b) => b.length - a.length).map(joinWords).join('|')})(?![A-Za-z])`,
  'gi',
);
const LETTER = /[A-Za-z]/;

/** A cheap test for texts that may hold such a phrase. */
export const NAMED_STATUS_HINT =
  /bad.?request|payment.?required|not.?allowed|not.?acceptable|authentication.?required|length.?required|precondition|too.?large|too.?long|media.?type|satisfiable|expectation|misdirected|unprocessable|dependency|upgrade.?required|too.?many.?requests|legal.?reasons|internal.?server.?error|bad.?gateway|unavailable|gateway.?time|not.?supported|insufficient.?storage|(?:status|phrase)[\w.]{0,5}\s*[:=.]\s*["'`]?(?:unauthori|forbidden|conflict|gone|not.?found)/i;

/**
 * Before a one-word name, only a status word will do: "StatusCode: Forbidden", .NET's enum
 * member "HttpStatusCode.Forbidden". Not "code", which gRPC uses too ("code = NotFound").
 */
const STATUS_WORD_BEFORE = /(?:^|[^A-Za-z])(?:(?:https?[ _-]?)?status(?:[ _-]?code)?|reason[ _-]?phrase)(?:\.|[ \t]{0,2}[:=][ \t]{0,2}["'`]?)$/i;
/** A code number close to the phrase: the numbered forms report it ("503 Service Unavailable"). */
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

/** Reason phrases that name a status with no number beside them, skipping codes already found. */
export function detectNamedStatuses(text: string, alreadyFound: ReadonlySet<number>): Finding[] {
  if (text.length > MAX_NAMED_TEXT) return [];
  const findings: Finding[] = [];
  const seen = new Set(alreadyFound);
  for (const match of text.matchAll(PHRASE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (LETTER.test(text.charAt(start - 1))) continue;
    const code = codeForReasonPhrase(spaced(match[0]));
    if (code === undefined || seen.has(code)) continue;
    if (NUMBER_NEAR.test(text.slice(Math.max(0, start - NEAR), start)) || NUMBER_NEAR.test(text.slice(end, end + NEAR))) continue;
    const afterStatusWord = STATUS_WORD_BEFORE.test(text.slice(Math.max(0, start - 24), start));
    if (ONE_WORD_SQUEEZED.has(squeeze(match[0]))) {
      if (!afterStatusWord) continue;
    } else if (!afterStatusWord && statusKeywordStart(text, start) < 0 && !hasVerbBefore(text, start)) {
      continue;
    }
    seen.add(code);
    findings.push({ kind: 'http', code, problem: null, start, end, excerpt: excerptOf(text, start, end) });
  }
  return findings;
}

/** "ServiceUnavailable" → "Service Unavailable", "NOT_FOUND" → "NOT FOUND", for the phrase table. */
function spaced(phrase: string): string {
  return phrase.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ');
}
