// Finds network failures that come without an HTTP status, in the words of every runtime: Go
// error strings (Customer.io shows `dial tcp ...: connect: connection refused`), Node and undici
// codes, Python (requests, urllib3, aiohttp), Ruby, Java, .NET and Windows socket errors, curl by
// text and by number, webhook platforms' delivery messages, plain English and a few other languages.
//
// Three global regexes (phrases, case-insensitive; error codes and class names, case-sensitive;
// curl and Winsock numbers) scan the text once each; matches are then filtered by a bounded look
// at their line and merged, so the work stays linear in the text length.
import type { Finding } from '../../types';
import { isMentionNotFailure } from './network-context';
import { isBareNameAmongClasses } from './class-list';
import { markNameLists } from './name-list';
import { isInGlossaryItem } from './glossary-item';
import {
  ANSWER_LINE_REACH,
  gatewayTimeoutTest,
  isAnsweredWithStatus,
  isInSmtpReply,
  isInStatusLineReason,
  isParserFailureNamedConnection,
  isReferencePage,
  isNearRefusedCredentials,
  isRefusedCredentials,
} from './network-explained';
import { groupedByFirstChar, problemClassifier } from '../shared/grouped-regex';
import {
  CURL_CODES,
  ERLANG_ATOMS,
  ERROR_CODES,
  GENERIC_NAMES,
  LINUX_ERRNO_CODES,
  NSURL_CODES,
  PHRASES,
  TLS_FAMILY_PHRASES,
  WEAK_PROBLEMS,
  WINSOCK_CODES,
  type NetworkProblem,
  type PatternTable,
} from './network-patterns';
import { phraseAfterCode } from '../status/status-reasons';
import { excerptOf } from '../shared/text-excerpt';
import { firstAtOrAfter } from '../shared/sorted-search';
import { isNamedNotReported, sentenceAround } from '../shared/definition-context';
import { execAll } from '../shared/text-match';
import { isToldNotReported } from './prose-mood';
import { dropTitleNamedOnly, hasChangeOrRequestTitle, isOnHeadingTitle } from './title-subject';

export type { NetworkProblem } from './network-patterns';

const isAscii = (pattern: string): boolean => pattern.charCodeAt(0) < 0x80;

/** Whole words; the problem of a match is found by classifying its text. */
function compile(patterns: readonly string[], flags: string, before: string): RegExp {
  return new RegExp(`${before}(?:${groupedByFirstChar(patterns, flags.includes('i'))})(?![A-Za-z0-9_])`, flags);
}

const allPatterns = (table: PatternTable): string[] => table.flatMap(([, patterns]) => patterns);
/**
 * `curl: (28)`, `cURL error 7:`, `curl exit code 6`, Guzzle 3's `[curl] 28:`; `Socket error 10061`,
 * `WSA error 10060`, `[WinError 10060]`, and Rust's `(os error 10054)`; Apple's `NSURLErrorDomain Code=-1001`.
 */
const NUMBERED = [
  'curl(?:[ \\t]*:[ \\t]*\\(|[ _]?error[ \\t]*:?[ \\t]*|[ \\t]+exit(?:ed)?(?:[ \\t]+with)?(?:[ \\t]+(?:code|status))?[ \\t]*:?[ \\t]*|\\][ \\t]*(?=\\d{1,2}:))\\d{1,2}(?![\\d.])',
  '(?:(?:socket|winsock|wsa|os)[ \\t]*error(?:[ \\t]*code)?[ \\t]*[#:=]?|winerror|errno)[ \\t]*\\d{5}',
  '(?:nsurlerrordomain|kcferrordomaincfnetwork)(?:[ \\t]+error[ \\t]+|[ \\t]+code[ \\t]*=[ \\t]*)-\\d{4}',
  // nginx's `connect() failed (111: `, `upstream timed out (110: `; Envoy's `delayed connect error: 111`.
  '(?:(?:failed|timed out)[ \\t]\\(|connect error:[ \\t])1[01]\\d(?=:|\\b)',
];
const NUMBERED_REGEX = new RegExp(`^(?:(${NUMBERED[0]})|(${NUMBERED[1]})|(${NUMBERED[2]})|(${NUMBERED[3]}))`, 'i');

/** Phrases that start with a Latin letter (and numbered errors), as whole words; CJK phrases have no word boundary. */
const PHRASE_REGEX = compile([...allPatterns(PHRASES).filter(isAscii), ...NUMBERED], 'gi', '\\b');
const CJK_PHRASE_REGEX = compile(
  allPatterns(PHRASES).filter((pattern) => !isAscii(pattern)),
  'g',
  '',
);
// Every code starts with a letter, so \b is the same test as a look-behind, and much faster.
const ERROR_CODE_REGEX = compile([...allPatterns(ERROR_CODES), ...allPatterns(ERLANG_ATOMS)], 'g', '\\b');
const phraseProblem = problemClassifier(PHRASES, 'i');
const codeProblemOf = problemClassifier([...ERROR_CODES, ...ERLANG_ATOMS], '');

interface Classified {
  problem: NetworkProblem;
  weak: boolean;
  generic?: boolean;
  /** A phrase that only names the TLS family (TLS_FAMILY_PHRASES). */
  family?: boolean;
}

/**
 * A status code shortly before a phrase, as in "522 Connection Timed Out" or "525 error: SSL handshake
 * failed": the phrase may be the
 * code's own reason phrase and then belongs to the status detector, not to the network.
 */
const STATUS_CODE_BEFORE =
  /(?<![\w.])([1-5]\d\d)[ \t\u00a0]{0,3}(?:errors?[ \t\u00a0]{0,3})?[-:]?[ \t\u00a0]{0,3}(?:(?:connection|network|a)[ \t\u00a0]{1,3})?$/i;

/** Same-problem matches this close on one line are one occurrence ("getaddrinfo ENOTFOUND"). */
const MAX_MERGE_GAP = 80;

interface RawMatch {
  problem: NetworkProblem;
  start: number;
  end: number;
  /** A bare number or a vague "could not connect": kept only when its line says nothing more precise. */
  weak: boolean;
  /** Named by code, a rule or a list rather than reported: dropped once lists are read. */
  mention: boolean;
  /** A name that only gives the family (GENERIC_NAMES): its message, when it has one, says more. */
  generic?: boolean;
  /** Only the TLS family (TLS_FAMILY_PHRASES): a certificate problem close by is the failure. */
  family?: boolean;
}

export function detectNetworkErrors(text: string): Finding[] {
  const matches = [
    ...collect(text, PHRASE_REGEX, phraseOrNumbered, false),
    ...collect(text, CJK_PHRASE_REGEX, phraseOrNumbered, false),
    ...collect(text, ERROR_CODE_REGEX, codeProblem, true),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

  if (matches.length === 0 || isReferencePage(text)) return [];
  const reported = markNameLists(text, matches).filter((match) => !match.mention);
  const isGatewayTimeout = gatewayTimeoutTest(text);
  const inChangeOrRequest = hasChangeOrRequestTitle(text);
  const merged = mergeOccurrences(text, reported);
  const named = dropGenericBesideMessage(text, merged);
  // A family name gone from between two numbers of one failure ("cURL error 56: … SSL_ERROR_SYSCALL,
  // errno 10054") leaves them next to each other: they are one occurrence.
  const kept = dropFamilyBesideCertificate(dropWeak(named.length < merged.length ? mergeOccurrences(text, named) : named))
    .filter(({ problem, start }) => problem !== 'timeout' || !isGatewayTimeout(problem, lineOf(text, start)))
    .filter(
      ({ problem, weak, start, end }) =>
        (problem !== 'timeout' && problem !== 'connection-failed' && !weak) || !isAnsweredWithStatus(text, start, end),
    )
    .filter(
      ({ problem, start, end }) =>
        problem !== 'connection-failed' || (!isRefusedCredentials(text, start, end) && !isParserFailureNamedConnection(text, end)),
    )
    .filter(({ start, end }) => {
      // One sentence read for both tests: a log can hold a finding every few characters.
      const sentence = sentenceAround(text, start, end);
      return !isNamedNotReported(text, start, end, sentence) && !isToldNotReported(text, start, end, sentence, inChangeOrRequest);
    })
    .filter(({ start }) => !isInStatusLineReason(text, start) && !isInSmtpReply(text, start))
    .filter(({ start, end }) => !isInGlossaryItem(text, start, end));
  return withLookupTimeouts(text, dropVagueBesideRefusedCredentials(text, dropTitleNamedOnly(text, matches, kept))).map(
    ({ problem, start, end }) => ({
      kind: 'network',
      code: null,
      problem,
      start,
      end,
      excerpt: excerptOf(text, start, end),
    }),
  );
}

/**
 * A lookup told as running out of time: "Resolving timed out", "lookup timed out", `queryA
 * ETIMEOUT`. Only whole words: Go's `dial tcp: lookup runtime.example.com:` holds a host name,
 * whose labels (`runtime.`, `.timeout.`) are joined by dots and end at its colon.
 */
const TIMEOUT_WORD = /(?<![\w.-])(?:e?time[ -]?out|timed out)(?![\w.:-])/i;

/**
 * A name lookup that ran out of time is a DNS failure and a timeout both (test/eval/LABELS.md's
 * ruling of session 24): the timeout is added beside each such lookup unless one is reported on
 * its line already ("lookup … on 127.0.0.11:53: read udp …: i/o timeout"). Each lookup is judged on
 * its own line, so the CLI's output for a line does not depend on the rest of its chunk.
 */
function withLookupTimeouts<T extends { problem: NetworkProblem; start: number; end: number }>(text: string, kept: T[]): T[] {
  const timeouts = kept.filter(({ problem }) => problem === 'timeout');
  const added = kept
    .filter(({ problem, start, end }) => problem === 'dns-failure' && TIMEOUT_WORD.test(text.slice(start, end)))
    .filter(
      (lookup) => !timeouts.some((timeout) => isOnOneLine(text, Math.min(lookup.start, timeout.start), Math.max(lookup.end, timeout.end))),
    )
    .map((lookup) => ({ ...lookup, problem: 'timeout' as const }));
  return added.length === 0 ? kept : [...kept, ...added].sort((a, b) => a.start - b.start);
}

/** True when no line break lies between `from` and `to` (overlapping spans are on one line). */
const isOnOneLine = (text: string, from: number, to: number): boolean => !/[\r\n]/.test(text.slice(from, to));

/**
 * Drops an app's vague failure to connect when the lines around it show an answer that turned the
 * credentials down: "Unable to connect to indexer" above a log line of `401.Unauthorized` tells of
 * a login the server refused, not of the network. A more precise failure reported within the same
 * reach keeps it. Only nearby lines are read, so the verdict does not depend on where a log is cut;
 * an issue's title reads the opening of the body below it, where the log it sums up is pasted.
 */
function dropVagueBesideRefusedCredentials<T extends { problem: NetworkProblem; start: number; end: number }>(
  text: string,
  kept: T[],
): T[] {
  const precise = kept.filter(({ problem, start, end }) => problem !== 'connection-failed' || !VAGUE_CONNECT.test(text.slice(start, end)));
  if (precise.length === kept.length) return kept;
  return kept.filter((finding) => {
    if (precise.includes(finding)) return true;
    const reachAfter = isOnHeadingTitle(text, finding.start) ? TITLE_BODY_REACH : ANSWER_LINE_REACH;
    return (
      precise.some(({ start, end }) => end > finding.start - ANSWER_LINE_REACH && start < finding.end + reachAfter) ||
      !isNearRefusedCredentials(text, finding.start, finding.end, reachAfter)
    );
  });
}

/** How much of the body below an issue's title is read for the answer the title sums up. */
const TITLE_BODY_REACH = 1000;

/**
 * An app's own words for "it did not connect", not a runtime's message (httpx's "All connection
 * attempts failed" above a 401 is a failure of its own).
 */
const VAGUE_CONNECT =
  /^(?:(?:could not|couldn't|can ?not|can't|unable to|failed to) connect|connection (?:error|failure|failed)|(?:error|failure) (?:while|when) connecting)$/i;

function collect(text: string, regex: RegExp, classify: (matched: string) => Classified | undefined, isCode: boolean): RawMatch[] {
  const found: RawMatch[] = [];
  for (const match of execAll(regex, text)) {
    const classified = classify(match[0]);
    if (classified === undefined) continue;
    const { problem, weak, generic = false, family = false } = classified;
    const start = match.index;
    const end = start + match[0].length;
    if (!isCode && (isInsideReasonPhrase(text, start, end) || (problem === 'timeout' && isGatewayTimeoutWords(text, start)))) continue;
    const mention =
      (isCode && isDefinedConstant(text, start)) ||
      isMentionNotFailure(text, start, end, isCode) ||
      (generic && isBareNameAmongClasses(text, start, end));
    found.push({ problem, start, end, weak, generic, family, mention });
  }
  return found;
}

/** A C header's `#define HTTPC_ERROR_CONNECTION_REFUSED (-1)`: the name is defined, not reported. */
const DEFINE_BEFORE = /#[ \t]*define[ \t]+$/;

function isDefinedConstant(text: string, start: number): boolean {
  return text.charCodeAt(start - 1) <= 0x20 && DEFINE_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/** A curl or Winsock number alone says less than words: weak, kept only when its line says no more. */
function numberedProblem(matched: string): Classified | undefined {
  const found = NUMBERED_REGEX.exec(matched);
  if (!found) return undefined;
  if (found[4] !== undefined) {
    // An errno names its failure exactly: not weak, so a vague "connection failure" beside it yields.
    const errno = /\d+$/.exec(found[4])?.[0] ?? '';
    return Object.hasOwn(LINUX_ERRNO_CODES, errno) ? { problem: LINUX_ERRNO_CODES[errno]!, weak: false } : undefined;
  }
  const [table, number] =
    found[1] !== undefined
      ? [CURL_CODES, /\d+$/.exec(found[1])?.[0] ?? '']
      : found[2] !== undefined
        ? [WINSOCK_CODES, /\d+$/.exec(found[2])?.[0] ?? '']
        : [NSURL_CODES, /-\d+$/.exec(found[3] ?? '')?.[0] ?? ''];
  return Object.hasOwn(table, number) ? { problem: table[number]!, weak: true } : undefined;
}

function phraseOrNumbered(matched: string): Classified | undefined {
  const problem = phraseProblem(matched);
  if (problem === undefined) return numberedProblem(matched);
  return { problem, weak: WEAK_PROBLEMS.has(problem), family: TLS_FAMILY_PHRASES.has(matched.toLowerCase()) };
}

function codeProblem(matched: string): Classified | undefined {
  const problem = codeProblemOf(matched);
  const name = matched.slice(matched.lastIndexOf(':') + 1);
  const generic = GENERIC_NAMES.has(name);
  return problem !== undefined ? { problem, weak: WEAK_PROBLEMS.has(problem) || generic, generic } : undefined;
}

/**
 * Drops a generic name whose own message follows it on the line with another vague problem:
 * OkHttp's and Guzzle's "ConnectException: Failed to connect to …" is a failure to connect, not
 * the refusal the bare name usually stands for.
 */
function dropGenericBesideMessage(text: string, matches: RawMatch[]): RawMatch[] {
  if (!matches.some((match) => match.generic)) return matches;
  return matches.filter((match, index) => {
    if (!match.generic) return true;
    const next = matches[index + 1];
    return !(
      next !== undefined &&
      next.weak &&
      !next.generic &&
      next.problem !== match.problem &&
      isShortSameLineGap(text, match.end, next.start)
    );
  });
}

/** True for "Timed Out" in "522 Connection Timed Out"; false for "503: connection refused". */
function isInsideReasonPhrase(text: string, start: number, end: number): boolean {
  const windowStart = Math.max(0, start - 24);
  const status = STATUS_CODE_BEFORE.exec(text.slice(windowStart, start));
  if (!status) return false;
  // After "525 error:" the reason is read where the word "error" and its colon end.
  const errorWord = /errors?[ \t\u00a0]{0,3}:?/i.exec(status[0]);
  const codeEnd = windowStart + status.index + (errorWord === null ? 3 : errorWord.index + errorWord[0].length);
  const reason = phraseAfterCode(text, codeEnd, Number(status[1]));
  return reason !== null && reason.end >= end;
}

/**
 * The noun "timeout" right after "gateway": "a bad gateway or gateway timeout error" is status 504's
 * name; "the gateway timed out" still tells what happened.
 */
const GATEWAY_BEFORE = /gateway[ \t_-]?$/i;
const TIMEOUT_NOUN_AT = /time[ -]?out/iy;

function isGatewayTimeoutWords(text: string, start: number): boolean {
  TIMEOUT_NOUN_AT.lastIndex = start;
  return TIMEOUT_NOUN_AT.test(text) && GATEWAY_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}

/** Joins overlapping matches, and close matches of the same problem on the same line. */
function mergeOccurrences(text: string, sorted: RawMatch[]): RawMatch[] {
  const merged: RawMatch[] = [];
  for (const match of sorted) {
    const last = merged.at(-1);
    const overlaps = last !== undefined && match.start < last.end;
    const continues = last?.problem === match.problem && last.weak === match.weak && isShortSameLineGap(text, last.end, match.start);
    const sameFailure = last !== undefined && isHandshakeEof(last, match) && isShortSameLineGap(text, last.end, match.start);
    if (last && isWrapperOfCause(text, last, match)) {
      // requests' `('Connection aborted.', RemoteDisconnected(…))`: the cause names the failure.
      Object.assign(last, { problem: match.problem, weak: match.weak, end: match.end });
      continue;
    }
    if (last && sameFailure) {
      // Go's "TLS handshake error from …: EOF": the EOF is how the handshake failed, one failure.
      Object.assign(last, { problem: 'tls-handshake', weak: false, end: Math.max(last.end, match.end) });
      continue;
    }
    if (last && (overlaps || continues)) {
      // The more precise problem wins an overlap ("Connection failed: refused" stays a refusal).
      if (overlaps && last.weak && !match.weak) Object.assign(last, { problem: match.problem, weak: false });
      last.end = Math.max(last.end, match.end);
      continue;
    }
    merged.push({ ...match });
  }
  return merged;
}

/** The message of a wrapping error and the cause in the same tuple: `('Connection aborted.', `. */
const WRAPPER_TO_CAUSE = /^\.?['"],[ \t]*$/;

/** True when `first` is requests' "Connection aborted." and `second` the cause it wraps. */
function isWrapperOfCause(text: string, first: RawMatch, second: RawMatch): boolean {
  if (second.start - first.end > 6 || first.problem === second.problem) return false;
  return /^connection aborted$/i.test(text.slice(first.start, first.end)) && WRAPPER_TO_CAUSE.test(text.slice(first.end, second.start));
}

/** A handshake failure and an EOF, in either order: the peer closed during the handshake. */
function isHandshakeEof(first: RawMatch, second: RawMatch): boolean {
  const problems = new Set([first.problem, second.problem]);
  return problems.size === 2 && problems.has('tls-handshake') && problems.has('unexpected-eof');
}

/** How close a precise match must be to speak for a weak one: the same message over a line or two. */
const WEAK_REACH = 500;

/**
 * Drops a weak match when a precise one is close by ("The connection failed … with error:\n
 * ECONNRESET" is one reset). Matches come sorted by start, so the precise starts are sorted too.
 */
function dropWeak(matches: RawMatch[]): RawMatch[] {
  if (!matches.some((match) => match.weak)) return matches;
  const preciseStarts = matches.filter((match) => !match.weak).map((match) => match.start);
  return matches.filter((match) => !match.weak || !hasWithin(preciseStarts, match.start - WEAK_REACH, match.end + WEAK_REACH));
}

/**
 * Drops a TLS family phrase when a certificate problem is close by: .NET's "The SSL connection could
 * not be established … The remote certificate is invalid" is one certificate failure.
 */
function dropFamilyBesideCertificate(matches: RawMatch[]): RawMatch[] {
  if (!matches.some((match) => match.family)) return matches;
  const certificateStarts = matches.filter((match) => match.problem === 'tls-certificate').map((match) => match.start);
  return matches.filter((match) => !match.family || !hasWithin(certificateStarts, match.start - WEAK_REACH, match.end + WEAK_REACH));
}

/** True when a value of the ascending `starts` lies in [from, to] (binary search). */
function hasWithin(starts: readonly number[], from: number, to: number): boolean {
  const low = firstAtOrAfter(starts, from);
  return low < starts.length && starts[low]! <= to;
}

/** The line holding `at`, at most 200 characters either side. */
function lineOf(text: string, at: number): string {
  const from = Math.max(0, at - 200);
  const before = text.slice(from, at);
  const lineStart = from + Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const after = text.slice(at, at + 200);
  const lineEnd = after.search(/[\r\n]/);
  return text.slice(lineStart, lineEnd === -1 ? at + after.length : at + lineEnd);
}

function isShortSameLineGap(text: string, from: number, to: number): boolean {
  if (to - from > MAX_MERGE_GAP) return false;
  const gap = text.slice(from, to);
  return !gap.includes('\n') && !gap.includes('\r');
}
