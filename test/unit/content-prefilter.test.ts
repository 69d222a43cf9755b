// The prefilters that decide whether a row's text goes through a detector at all. They may let
// noise through (a wasted detector run), never a real failure: every positive of the detectors'
// own tables must pass, and so must any text the detectors report on.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { needsExtras } from '../../src/content/scan/row-detect';
import { ERROR_HINT } from '../../src/content/scan/rows';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';
import { mayHaveCredentialOrRateLimit, mayHaveNetworkError, mayHaveStatusCode } from '../../src/engine/detect/shared/prefilter';
import { detectStatusCodes } from '../../src/engine/detect/status/status';
import { NETWORK_POSITIVES, STATUS_POSITIVES } from '../fixtures/detector-positives';

const statusTexts = STATUS_POSITIVES.filter(([, codes]) => codes.length > 0).map(([text]) => text);
const networkTexts = NETWORK_POSITIVES.map(([text]) => text);

describe('every positive of the detector tables passes its prefilter', () => {
  it('the tables are not empty', () => {
    expect(statusTexts.length).toBeGreaterThan(50);
    expect(networkTexts.length).toBeGreaterThan(30);
  });

  it.each(statusTexts)('status: %j', (text) => {
    expect(detectStatusCodes(text).length).toBeGreaterThan(0);
    expect(mayHaveStatusCode(text)).toBe(true);
    expect(ERROR_HINT.test(text)).toBe(true);
  });

  it.each(networkTexts)('network: %j', (text) => {
    expect(detectNetworkErrors(text).length).toBeGreaterThan(0);
    expect(mayHaveNetworkError(text)).toBe(true);
    expect(needsExtras(text)).toBe(true); // the network detector lives in content-extras.js
    expect(ERROR_HINT.test(text)).toBe(true);
  });
});

describe('noise rows do not reach the status detector', () => {
  it.each([
    '500 recipients',
    'batch 544 of 1812 queued, 418 recipients',
    'order #423 total $480.32 paid',
    'open rate 33%, 497 clicks',
    'template v3.1.530 rendered',
    'throttled locally, next attempt in 537 ms',
    'sent 465 emails, payload 453 KB',
    'webhook delivered 200 OK',
    'profile id 56838 updated',
  ])('%j', (text) => {
    expect(mayHaveStatusCode(text)).toBe(false);
  });

  it.each([
    ['HTTP 403', true],
    ['status code 403', true], // a bare status cell, as rowText reads it
    ['Forbidden (403)', true],
    // A heading that opens with a code, which the detector reads as a status.
    ['# 503', true],
    ['504 Gateway Time-out', true],
    ['Fehler 500', true],
    ['ステータスコード 500', true],
    ['HTTP 200 OK', false], // no 4xx/5xx number at all
    ['Server error, no code', false],
  ])('%j → %s', (text, expected) => {
    expect(mayHaveStatusCode(text)).toBe(expected);
  });
});

describe('network and credential hints', () => {
  it.each([
    ['dial tcp: connect: connection refused', true],
    ['Error: connect ENETUNREACH', true],
    ['write EPIPE', true],
    ['order #423 total $480.32 paid', false],
    ['webhook delivered 200 OK in 504 ms', false],
  ])('network %j → %s', (text, expected) => {
    expect(mayHaveNetworkError(text)).toBe(expected);
  });

  it.each([
    ['Authorization: Bearer ###', true],
    ['X-RateLimit-Remaining: 0', true],
    ['Retry-After: 30', true],
    ['HTTP 500 Internal Server Error', false],
  ])('credential or rate limit %j → %s', (text, expected) => {
    expect(mayHaveCredentialOrRateLimit(text)).toBe(expected);
  });
});

/** Pieces of log lines: codes, status words, reason phrases, network messages and noise. */
const LOG_PIECES = [
  ' ',
  '\n',
  ': ',
  '(',
  ')',
  '[',
  ']',
  '"',
  '=',
  '#',
  '$',
  'v1.',
  '_',
  '-',
  '403',
  '404',
  '429',
  '500',
  '502',
  '503',
  '522',
  '599',
  '450',
  '1812',
  '2026-05-04',
  'HTTP',
  'HTTP/1.1',
  'status',
  'Status Code',
  'statusCode',
  'error',
  'Fehler',
  'erreur',
  'código de estado',
  'ステータス',
  'Forbidden',
  'Not Found',
  'Bad Gateway',
  'Gateway Time-out',
  'Too Many Requests',
  'Service Unavailable',
  'Connection Timed Out',
  'Origin Is Unreachable',
  'Host Overloaded',
  "I'm a teapot",
  'Unknown Error',
  'connection refused',
  'connection reset by peer',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'EOF',
  'i/o timeout',
  'x509: certificate has expired',
  'no such host',
  'timed out',
  'ERR_CERT_DATE_INVALID',
  'broken pipe',
  'recipients',
  'clicks',
  'ms',
  'KB',
  'order',
  'batch',
  'queued',
  'delivered',
  'ok',
];
const logLike = fc.array(fc.constantFrom(...LOG_PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

describe('prefilters never hide a finding (generated log text)', () => {
  it('status', () => {
    fc.assert(
      fc.property(logLike, (text) => {
        if (detectStatusCodes(text).length > 0) expect(mayHaveStatusCode(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('network', () => {
    fc.assert(
      fc.property(logLike, (text) => {
        if (detectNetworkErrors(text).length > 0) expect(mayHaveNetworkError(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('rows whose secret slot no word names wait for the credential reader', () => {
  it.each([
    'POST https://api.telegram.org/botXXXXXX:YYYYYYYY/sendMessage returned 404',
    'GET https://api.telegram.org/file/bot<BOT_TOKEN>/photos/1.jpg 404',
    'tgram://XXXXXX/123 failed',
    'gotify://push.example.com/AbCdEf****** refused 401',
  ])('%s', (text) => {
    expect(needsExtras(text)).toBe(true);
  });

  it.each(['POST https://api.example.org/bot/sendMessage returned 404', 'see https://core.telegram.org/bots/api for the methods'])(
    'not %s',
    (text) => {
      expect(needsExtras(text)).toBe(false);
    },
  );
});
