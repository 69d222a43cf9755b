// Finds network failures that come without an HTTP status: Go error strings (Customer.io shows
// `dial tcp ...: connect: connection refused`, `server misbehaving`, a bare `EOF`), Node error
// codes (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED), curl and OpenSSL messages.
//
// Two global regexes (phrases, case-insensitive; error codes, case-sensitive) scan the text once
// each; matches are then merged, so the work stays linear in the text length.
import type { Finding } from '../types';
import { phraseAfterCode } from './status-reasons';
import { excerptOf } from './text-excerpt';

export type NetworkProblem =
  | 'connection-refused'
  | 'connection-reset'
  | 'dns-failure'
  | 'tls-certificate'
  | 'tls-handshake'
  | 'timeout'
  | 'unexpected-eof'
  | 'host-unreachable';

type PatternTable = ReadonlyArray<readonly [NetworkProblem, readonly string[]]>;

/** Plain-words messages, matched case-insensitively between word boundaries. */
const PHRASES: PatternTable = [
  ['connection-refused', ['(?:connect: )?connection refused']],
  ['connection-reset', [
    '(?:(?:read|write): )?connection reset(?: by peer)?',
    'socket hang up',
    '(?:write: )?broken pipe',
    'connection was forcibly closed by the remote host',
  ]],
  ['dns-failure', [
    'no such host',
    'server misbehaving',
    'getaddrinfo',
    'name or service not known',
    'temporary failure in name resolution',
    'nodename nor servname provided(?:, or not known)?',
    'name does not resolve',
    'dns (?:resolution|lookup) failed',
    "(?:could not|couldn't|failed to|unable to) resolve host(?:name)?",
  ]],
  ['tls-certificate', [
    'tls: failed to verify certificate',
    'x509:(?: certificate(?: signed by unknown authority| has expired(?: or is not yet valid)?| is not (?:yet )?valid| is valid for)?)?',
    'certificate has expired',
    'self[ -]signed certificate(?: in certificate chain)?',
    'ssl certificate problem',
    'certificate verify failed',
    'unable to (?:get local issuer certificate|verify the first certificate)',
    "does not match certificate's altnames",
    'hostname mismatch',
  ]],
  ['tls-handshake', [
    '(?:remote error: )?tls: handshake failure',
    '(?:ssl|tls) handshake (?:failed|failure|error)',
    '(?:alert )?handshake failure',
    'wrong version number',
    'tls: protocol version not supported',
    'tls: first record does not look like a tls handshake',
  ]],
  ['timeout', [
    'i/o timeout',
    '(?:context )?deadline[ _]exceeded',
    'client\\.timeout exceeded(?: while awaiting headers)?',
    'tls handshake timeout',
    '(?:connect|connection|read|write|socket|idle|response) timeout',
    'timeout of \\d{1,7} ?ms exceeded',
    'timed out',
  ]],
  ['unexpected-eof', [
    'unexpected eof',
    'empty reply from server',
    'remote end closed connection without response',
  ]],
  ['host-unreachable', [
    'no route to host',
    '(?:network|host) is unreachable',
    '(?:network|host) unreachable',
  ]],
];

/** Error codes as programs print them: upper case, whole tokens (not "eof" in "GEOFF"). */
const ERROR_CODES: PatternTable = [
  ['connection-refused', ['ECONNREFUSED', 'ERR_CONNECTION_REFUSED']],
  ['connection-reset', ['ECONNRESET', 'ERR_CONNECTION_RESET', 'EPIPE']],
  ['dns-failure', ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'ERR_NAME_NOT_RESOLVED', 'NXDOMAIN']],
  ['tls-certificate', [
    'CERT_HAS_EXPIRED',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'CERTIFICATE_VERIFY_FAILED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_CERT_[A-Z_]{1,32}',
  ]],
  ['tls-handshake', [
    'EPROTO',
    'ERR_SSL_PROTOCOL_ERROR',
    'ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
    'WRONG_VERSION_NUMBER',
    'SSLV3_ALERT_HANDSHAKE_FAILURE',
  ]],
  ['timeout', ['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ERR_TIMED_OUT', 'ERR_CONNECTION_TIMED_OUT']],
  ['unexpected-eof', ['EOF', 'UNEXPECTED_EOF_WHILE_READING']],
  ['host-unreachable', ['EHOSTUNREACH', 'ENETUNREACH', 'ERR_ADDRESS_UNREACHABLE']],
];

/** One capture group per problem, so the group that matched names the problem. */
function compile(table: PatternTable, flags: string, before: string, after: string): RegExp {
  const groups = table.map(([, patterns]) => `(${patterns.join('|')})`).join('|');
  return new RegExp(`${before}(?:${groups})${after}`, flags);
}

const PHRASE_REGEX = compile(PHRASES, 'gi', '\\b', '(?![A-Za-z0-9_])');
const ERROR_CODE_REGEX = compile(ERROR_CODES, 'g', '(?<![A-Za-z0-9_])', '(?![A-Za-z0-9_])');

/**
 * A status code shortly before a phrase, as in "522 Connection Timed Out": the phrase may be the
 * code's own reason phrase and then belongs to the status detector, not to the network.
 */
const STATUS_CODE_BEFORE = /(?<![\w.])([1-5]\d\d)[ \t\u00a0]{0,3}[-:]?[ \t\u00a0]{0,3}(?:(?:connection|network|a)[ \t\u00a0]{1,3})?$/i;

/** Same-problem matches this close on one line are one occurrence ("getaddrinfo ENOTFOUND"). */
const MAX_MERGE_GAP = 80;

interface RawMatch {
  problem: NetworkProblem;
  start: number;
  end: number;
}

export function detectNetworkErrors(text: string): Finding[] {
  const matches = [
    ...collect(text, PHRASE_REGEX, PHRASES, true),
    ...collect(text, ERROR_CODE_REGEX, ERROR_CODES, false),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

  return mergeOccurrences(text, matches).map(({ problem, start, end }) => ({
    kind: 'network',
    code: null,
    problem,
    start,
    end,
    excerpt: excerptOf(text, start, end),
  }));
}

function collect(text: string, regex: RegExp, table: PatternTable, skipStatusPhrases: boolean): RawMatch[] {
  const found: RawMatch[] = [];
  for (const match of text.matchAll(regex)) {
    const groupIndex = match.findIndex((group, index) => index > 0 && group !== undefined);
    const problem = table[groupIndex - 1]?.[0];
    if (problem === undefined) continue;
    const start = match.index;
    const end = start + match[0].length;
    if (skipStatusPhrases && isInsideReasonPhrase(text, start, end)) continue;
    found.push({ problem, start, end });
  }
  return found;
}

/** True for "Timed Out" in "522 Connection Timed Out"; false for "503: connection refused". */
function isInsideReasonPhrase(text: string, start: number, end: number): boolean {
  const windowStart = Math.max(0, start - 24);
  const status = STATUS_CODE_BEFORE.exec(text.slice(windowStart, start));
  if (!status) return false;
  const codeEnd = windowStart + status.index + 3;
  const reason = phraseAfterCode(text, codeEnd, Number(status[1]));
  return reason !== null && reason.end >= end;
}

/** Joins overlapping matches, and close matches of the same problem on the same line. */
function mergeOccurrences(text: string, sorted: RawMatch[]): RawMatch[] {
  const merged: RawMatch[] = [];
  for (const match of sorted) {
    const last = merged.at(-1);
    const overlaps = last !== undefined && match.start < last.end;
    const continues = last?.problem === match.problem && isShortSameLineGap(text, last.end, match.start);
    if (last && (overlaps || continues)) {
      last.end = Math.max(last.end, match.end);
      continue;
    }
    merged.push({ ...match });
  }
  return merged;
}

function isShortSameLineGap(text: string, from: number, to: number): boolean {
  if (to - from > MAX_MERGE_GAP) return false;
  const gap = text.slice(from, to);
  return !gap.includes('\n') && !gap.includes('\r');
}
