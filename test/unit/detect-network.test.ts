import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';
import { MAX_EXCERPT_LENGTH } from '../../src/engine/detect/shared/text-excerpt';
import { NETWORK_POSITIVES } from '../fixtures/detector-positives';

const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);

const FOUND = NETWORK_POSITIVES;

const NOT_FOUND: string[] = [
  // Timeouts that are the reason phrase of a status code belong to the status detector.
  '504 Gateway Timeout',
  '408 Request Timeout',
  'HTTP 408 Request Timeout',
  '522 Connection Timed Out',
  '525 SSL Handshake Failed',
  '598 Network Read Timeout Error',
  '599 Network Connect Timeout Error',
  // AWS API Gateway's answer when the function behind it took too long, with its status.
  'always get a 504 { "message": "Endpoint request timed out" } error from the API',
  // EOF only as an upper-case word.
  'GEOFF',
  'eof',
  'reached Eof',
  'EOFs',
  'UNEXPECTED_EOF',
  // Words that merely resemble the patterns.
  'connection refusal policy',
  'econnrefusedx',
  'reconnect succeeded',
  'certificate uploaded',
  'the handshake was friendly',
  'timeout: 30s',
  'request timeout setting',
  'x5090',
  'HTTP 403 Forbidden',
  'status: 500',
  'delivered in 412 ms',
  '',
];

describe('detectNetworkErrors finds network failures', () => {
  it.each(FOUND)('%j → %j', (text, problems, firstExcerpt) => {
    const findings = detectNetworkErrors(text);
    expect(findings.map((finding) => finding.problem)).toEqual(problems);
    expect(findings[0]?.excerpt).toBe(firstExcerpt);
    for (const finding of findings) {
      expect(finding.kind).toBe('network');
      expect(finding.code).toBeNull();
      expect(text.slice(finding.start, finding.end)).toBe(finding.excerpt);
    }
  });
});

describe('detectNetworkErrors ignores look-alikes', () => {
  it.each(NOT_FOUND)('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });
});

describe('detectNetworkErrors merging', () => {
  const MERGES: Array<[string, number]> = [
    // Two patterns of one problem side by side are one occurrence.
    ['getaddrinfo ENOTFOUND api.example.com', 1],
    ['tls: failed to verify certificate: x509: certificate signed by unknown authority', 1],
    // Overlapping patterns of different wording are one occurrence.
    ['tls: handshake failure', 1],
    // The same problem on separate lines is counted per line.
    ['connection refused\nconnection refused\nconnection refused', 3],
    // Far apart on one line: separate occurrences.
    [`connection refused ${'x'.repeat(100)} connection refused`, 2],
  ];
  it.each(MERGES)('%j → %i findings', (text, count) => {
    expect(detectNetworkErrors(text)).toHaveLength(count);
  });

  it('takes an EOF beside a handshake failure on its line for that one failure', () => {
    const problems = (text: string) => detectNetworkErrors(text).map((finding) => finding.problem);
    expect(problems('2024/03/02 10:00:01 http: TLS handshake error from 10.0.0.7:51234: EOF')).toEqual(['tls-handshake']);
    expect(problems('server: tls handshake error from [::1]:4431: unexpected EOF')).toEqual(['tls-handshake']);
    expect(problems('got an eof during the TLS handshake with the hook')).toEqual(['tls-handshake']);
    // A reset is a cause of its own; an EOF on another line is another failure.
    expect(problems('http: TLS handshake error from 10.0.0.7:51234: read: connection reset by peer')).toEqual([
      'tls-handshake',
      'connection-reset',
    ]);
    expect(problems('TLS handshake error from 10.0.0.7:1\nupload failed: unexpected EOF')).toEqual(['tls-handshake', 'unexpected-eof']);
  });

  it('reports offsets into the given text', () => {
    const text = 'ok\nok\nPost "https://x": EOF\n';
    const [finding] = detectNetworkErrors(text);
    expect(finding?.start).toBe(text.indexOf('EOF'));
    expect(finding?.end).toBe(text.indexOf('EOF') + 3);
  });
});

const LOG_WORDS = [
  'connect:',
  'connection',
  'refused',
  'reset',
  'by peer',
  'EOF',
  'eof',
  'x509:',
  'certificate',
  'tls:',
  'handshake',
  'failure',
  'timed',
  'out',
  'timeout',
  'i/o',
  'ECONNREFUSED',
  'ENOTFOUND',
  'getaddrinfo',
  'ERR_CERT_',
  '504',
  '522',
  'Gateway',
  'Request',
  ' ',
  ' ',
  '\n',
  ':',
  '"',
  '_',
  '.',
  '-',
  '/',
  'Post',
  'dial tcp',
  '1.2.3.4:443',
  'no such host',
  'unexpected',
];
const logLike = fc.array(fc.constantFrom(...LOG_WORDS), { maxLength: 40 }).map((parts) => parts.join(''));

function expectWellFormed(text: string): void {
  const findings = detectNetworkErrors(text);
  for (const [index, finding] of findings.entries()) {
    expect(finding.kind).toBe('network');
    expect(finding.code).toBeNull();
    expect(typeof finding.problem).toBe('string');
    expect(finding.start).toBeGreaterThanOrEqual(0);
    expect(finding.start).toBeLessThan(finding.end);
    expect(finding.end).toBeLessThanOrEqual(text.length);
    expect(finding.excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT_LENGTH);
    const previous = findings[index - 1];
    if (previous) expect(finding.start).toBeGreaterThanOrEqual(previous.end);
  }
}

describe('detectNetworkErrors properties', () => {
  it('never throws and returns well-formed findings for any unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), expectWellFormed), { numRuns: 500 });
  });

  it('never throws and returns ordered, non-overlapping findings for log-like strings', () => {
    fc.assert(fc.property(logLike, expectWellFormed), { numRuns: 1000 });
  });
});

describe('detectNetworkErrors on 1 MB adversarial inputs', () => {
  const MB = 1_000_000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length));
  const SHAPES: Array<[string, string]> = [
    ['"connection " repeated', fill('connection ')],
    ['"EOF " repeated (one merged run per line)', fill('EOF ')],
    ['"x509: certificate " repeated', fill('x509: certificate ')],
    ['"ERR_CERT_" without an end', fill('ERR_CERT_')],
    ['"timeout of " with long digits', `timeout of ${fill('9')}`],
    ['"522 Connection Timed Out " repeated', fill('522 Connection Timed Out ')],
    ['spaces', fill(' ')],
    ['emoji', fill('😀')],
  ];
  it.each(SHAPES)('%s finishes', (_name, text) => {
    expect(Array.isArray(detectNetworkErrors(text))).toBe(true);
  });

  it('"connection refused\\n" repeated finds every line', () => {
    const text = fill('connection refused\n');
    expect(detectNetworkErrors(text)).toHaveLength(text.length / 'connection refused\n'.length);
  });
});
