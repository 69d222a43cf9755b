import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectRateLimitHeaders, parseRateLimit, type RateLimitInfo } from '../../src/engine/detect/rate-limit/rate-limit';

/** Fri, 16 Oct 2026 12:10:00 UTC: 1792152901 is 301 seconds later. */
const NOW = new Date(1_792_152_600_000);
const NOW_SECONDS = 1_792_152_600;

type Expected = Partial<RateLimitInfo> & { adviceMatches?: RegExp };

describe('parseRateLimit', () => {
  it.each<[string, Record<string, string>, Expected]>([
    // Retry-After
    [
      'delta seconds',
      { 'Retry-After': '30' },
      { retryAfterSeconds: 30, source: 'retry-after', adviceMatches: /^Wait about 30 seconds before sending again$/ },
    ],
    ['one second', { 'Retry-After': '1' }, { retryAfterSeconds: 1, adviceMatches: /about 1 second before/ }],
    ['zero', { 'retry-after': '0' }, { retryAfterSeconds: 0, adviceMatches: /^The limit resets now; retry$/ }],
    [
      'IMF-fixdate',
      { 'Retry-After': 'Fri, 16 Oct 2026 12:15:00 GMT' },
      { retryAfterSeconds: 300, adviceMatches: /^Wait until 12:15 UTC \(about 5 minutes\)$/ },
    ],
    ['obsolete RFC 850 date', { 'Retry-After': 'Friday, 16-Oct-26 12:15:00 GMT' }, { retryAfterSeconds: 300 }],
    ['obsolete asctime date (read as UTC)', { 'Retry-After': 'Fri Oct 16 12:15:00 2026' }, { retryAfterSeconds: 300 }],
    [
      'date in the past means now',
      { 'Retry-After': 'Fri, 16 Oct 2026 11:00:00 GMT' },
      { retryAfterSeconds: 0, adviceMatches: /resets now/ },
    ],
    [
      'a day later shows the date',
      { 'Retry-After': String(2 * 86_400) },
      { retryAfterSeconds: 172_800, adviceMatches: /^Wait until 2026-10-18 12:10 UTC \(about 2 days\)$/ },
    ],
    ['epoch sent as Retry-After by a broken server', { 'Retry-After': '1792152901' }, { retryAfterSeconds: 301 }],
    ['unreadable Retry-After alone', { 'Retry-After': 'soon' }, {}],
    ['absurd wait (beyond a year) is not advice', { 'Retry-After': '99999999999999999999' }, {}],
    // current IETF draft
    [
      'RateLimit exhausted with a policy',
      { 'RateLimit-Policy': '"burst";q=100;w=60', RateLimit: '"burst";r=0;t=30' },
      {
        retryAfterSeconds: 30,
        limit: 100,
        remaining: 0,
        source: 'ratelimit',
        adviceMatches: /Wait about 30 seconds.*0 of 100 requests left in this window/,
      },
    ],
    [
      'RateLimit with room left',
      { 'RateLimit-Policy': '"burst";q=100;w=60', RateLimit: '"burst";r=50;t=30' },
      {
        retryAfterSeconds: null,
        limit: 100,
        remaining: 50,
        adviceMatches: /^50 of 100 requests left in this window\. The window resets in about 30 seconds$/,
      },
    ],
    [
      'two policies, the tighter one decides',
      { 'RateLimit-Policy': '"burst";q=100;w=1, "daily";q=1000;w=86400', RateLimit: '"burst";r=40;t=1, "daily";r=0;t=3600' },
      { retryAfterSeconds: 3600, limit: 1000, remaining: 0 },
    ],
    ['older combined form', { RateLimit: 'limit=10, remaining=0, reset=5' }, { retryAfterSeconds: 5, limit: 10, remaining: 0 }],
    // older draft, sent by Klaviyo
    [
      'RateLimit-Limit/Remaining/Reset',
      { 'RateLimit-Limit': '100', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '12' },
      { retryAfterSeconds: 12, limit: 100, remaining: 0, source: 'ratelimit-reset' },
    ],
    [
      'draft list form of the limit',
      { 'RateLimit-Limit': '75, 75;w=1, 700;w=60', 'RateLimit-Remaining': '3', 'RateLimit-Reset': '1' },
      { retryAfterSeconds: null, limit: 75, remaining: 3 },
    ],
    // X-RateLimit family
    [
      'X-RateLimit reset as epoch seconds',
      { 'X-RateLimit-Limit': '5000', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '1792152901' },
      {
        retryAfterSeconds: 301,
        limit: 5000,
        remaining: 0,
        source: 'x-ratelimit-reset',
        adviceMatches: /^Wait until 12:16 UTC \(about 5 minutes\)\. 0 of 5000 requests left in this window$/,
      },
    ],
    [
      'X-RateLimit reset as epoch milliseconds',
      { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String((NOW_SECONDS + 120) * 1000) },
      { retryAfterSeconds: 120 },
    ],
    ['X-RateLimit reset as delta', { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '45' }, { retryAfterSeconds: 45 }],
    [
      'X-RateLimit reset epoch in the past',
      { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(NOW_SECONDS - 60) },
      { retryAfterSeconds: 0 },
    ],
    [
      'X-RateLimit with room left',
      { 'X-RateLimit-Limit': '5000', 'X-RateLimit-Remaining': '4999', 'X-RateLimit-Reset': '1792152901' },
      { retryAfterSeconds: null, remaining: 4999, adviceMatches: /4999 of 5000 requests left.*resets at 12:16 UTC/ },
    ],
    [
      'Poplar x-rate-limit',
      { 'x-rate-limit-limit': '10', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '7' },
      { retryAfterSeconds: 7, limit: 10, source: 'x-rate-limit-reset' },
    ],
    [
      'Brevo x-sib-ratelimit',
      { 'x-sib-ratelimit-limit': '10', 'x-sib-ratelimit-remaining': '0', 'x-sib-ratelimit-reset': '3' },
      { retryAfterSeconds: 3, source: 'x-sib-ratelimit-reset' },
    ],
    [
      'exhausted without a reset',
      { 'X-RateLimit-Remaining': '0' },
      { retryAfterSeconds: null, remaining: 0, adviceMatches: /No requests left/ },
    ],
    // precedence
    [
      'Retry-After wins over X-RateLimit-Reset',
      { 'Retry-After': '120', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '5' },
      { retryAfterSeconds: 120, remaining: 0, source: 'retry-after' },
    ],
    [
      'Retry-After wins over RateLimit',
      { 'Retry-After': '2', RateLimit: '"burst";r=0;t=60' },
      { retryAfterSeconds: 2, source: 'retry-after' },
    ],
    [
      'the current draft wins over X-RateLimit',
      { RateLimit: '"burst";r=0;t=9', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '50' },
      { retryAfterSeconds: 9, source: 'ratelimit' },
    ],
    ['header names in any case', { 'RETRY-AFTER': '8' }, { retryAfterSeconds: 8 }],
  ])('%s', (_label, headers, expected) => {
    const info = parseRateLimit(headers, NOW);
    if (Object.keys(expected).length === 0) {
      expect(info).toBeNull();
      return;
    }
    const { adviceMatches, ...fields } = expected;
    expect(info).toMatchObject(fields);
    if (adviceMatches) expect(info?.advice).toMatch(adviceMatches);
    expect(info?.advice).not.toMatch(/\d{9,}/);
  });

  it('returns null without rate-limit headers', () => {
    expect(parseRateLimit({ 'Content-Type': 'application/json' }, NOW)).toBeNull();
  });
});

describe('detectRateLimitHeaders', () => {
  it.each<[string, string, number | null, number | undefined]>([
    ['response dump with Retry-After', 'HTTP/1.1 429 Too Many Requests\nRetry-After: 30\nContent-Type: application/json', 429, 30],
    [
      'JSON headers with an epoch reset',
      '{"headers": {"x-ratelimit-remaining": "0", "x-ratelimit-reset": 1792152901, "x-ratelimit-limit": 100}}',
      429,
      301,
    ],
    ['current draft on header lines', 'RateLimit-Policy: "burst";q=100;w=60\nRateLimit: "burst";r=0;t=30', 429, 30],
    ['current draft inside a JSON string', '{"RateLimit": "\\"burst\\";r=0;t=30"}', 429, 30],
    ['curl verbose output', '< HTTP/2 429\n< retry-after: 12\n< x-ratelimit-remaining: 0', 429, 12],
    ['room left: a finding without a code', 'X-RateLimit-Limit: 5000\nX-RateLimit-Remaining: 4999', null, undefined],
  ])('%s', (_label, text, code, retryAfterSeconds) => {
    const findings = detectRateLimitHeaders(text, NOW);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ kind: 'rate-limit', code, problem: 'rate-limited' });
    expect(finding?.detail?.retryAfterSeconds).toBe(retryAfterSeconds);
    expect(finding?.detail?.retryAdvice).toBeTruthy();
    expect(finding?.start).toBeGreaterThanOrEqual(0);
    expect(finding?.end).toBeLessThanOrEqual(text.length);
  });

  it.each<[string, string]>([
    ['prose about retrying', 'Please retry after 30 seconds'],
    ['other headers only', 'Content-Type: application/json\nX-Request-Id: 42'],
    ['unreadable values', 'Retry-After: later'],
    ['empty text', ''],
  ])('finds nothing in %s', (_label, text) => {
    expect(detectRateLimitHeaders(text, NOW)).toEqual([]);
  });

  it('covers all the headers it read and quotes the deciding one', () => {
    const text = 'x\nX-RateLimit-Remaining: 0\nRetry-After: 30\ny';
    const [finding] = detectRateLimitHeaders(text, NOW);
    expect(text.slice(finding?.start, finding?.end)).toBe('X-RateLimit-Remaining: 0\nRetry-After: 30');
    expect(finding?.excerpt).toBe('Retry-After: 30');
  });

  it('finishes on a megabyte of header lines', () => {
    const text = 'Retry-After: 1\n'.repeat(70_000);
    expect(detectRateLimitHeaders(text, NOW)).toHaveLength(1);
  });
});

describe('properties', () => {
  const resetLike = fc.oneof(
    fc.integer({ min: -1_000, max: 5_000_000_000_000 }).map(String),
    fc.double({ noNaN: false }).map(String),
    fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toUTCString())),
    fc.string({ maxLength: 30 }),
  );

  it('never returns a negative, fractional or NaN wait, nor a raw timestamp in the advice', () => {
    fc.assert(
      fc.property(
        fc.record(
          { 'Retry-After': resetLike, 'X-RateLimit-Reset': resetLike, 'X-RateLimit-Remaining': resetLike, RateLimit: resetLike },
          { requiredKeys: [] },
        ),
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (headers, now) => {
          const info = parseRateLimit(headers, now);
          if (info === null) return;
          const wait = info.retryAfterSeconds;
          if (wait !== null) {
            expect(Number.isInteger(wait)).toBe(true);
            expect(wait).toBeGreaterThanOrEqual(0);
          }
          expect(info.advice).not.toMatch(/NaN|Infinity|(^|\s)-\d/);
          expect(info.advice).not.toMatch(/\b\d{9,} seconds/);
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(detectRateLimitHeaders(`Retry-After: ${text}\n"ratelimit": "${text}"`, NOW).length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
