import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { detectStatusCodes } from '../../src/engine/detect/status/status';
import { codeForReasonPhrase } from '../../src/engine/detect/status/status-reasons';
import { MAX_EXCERPT_LENGTH, excerptOf } from '../../src/engine/detect/shared/text-excerpt';
import { STATUS_POSITIVES } from '../fixtures/detector-positives';

const codesIn = (text: string): number[] => detectStatusCodes(text).map((finding) => finding.code ?? -1);

const FOUND = STATUS_POSITIVES;

const NOT_FOUND: string[] = [
  // Counts, durations, sizes, amounts.
  'retry in 400 ms',
  'timeout after 500 ms',
  '500 recipients',
  'sent 429 emails',
  'status 500 recipients',
  'Error: 404 bytes',
  'HTTP 500 ms',
  '500 KB',
  '404 bytes',
  'Errors: 500',
  '1,500 contacts',
  'Error: 1,500 rows rejected',
  'Error rate 500/min',
  '| Webhook verifications | 500 / month |',
  'See the HTTP status codes below. Bulk calls over the 500-row cap are split.',
  'status 450%',
  // References and identifiers.
  'order #404',
  'error #500',
  // A number sign written out, in a line that otherwise reads as a webhook's result.
  'Webhook delivered – order no. 404.',
  'Webhook erfolgreich zugestellt – Bestellung Nr. 404.',
  'Webhook enviado – pedido n.º 500',
  'Webhook delivered, núm. 503',
  // A slug that is a whole JSON string value under a key naming no status.
  'POST /v1/mailing/ {"campaign_id":"spring-drop","template":"error-500"}',
  '{"campaign": "promo-404", "webhook": "failed"}',
  'id 40312',
  'HTTP 40312',
  'error 4044',
  'user_403',
  'abc-404-def',
  '123e4567-e89b-12d3-a456-426614174000',
  '0x403',
  'deadbeef403',
  'room 404 is booked',
  'the 503 bus',
  'area code 415',
  'promo code 500',
  // Ports, addresses, URLs.
  'localhost:500',
  'https://example.com:8443/hook',
  'Error: connect ECONNREFUSED 127.0.0.1:500',
  'https://example.com/status/404',
  'Post "https://api.example.com/hook": dial tcp 1.2.3.4:443: connect: connection refused',
  'Post "https://x": read tcp 10.0.0.1:5555->1.2.3.4:443: read: connection reset by peer',
  'dial tcp: lookup api.example.com on 8.8.8.8:53: server misbehaving',
  'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  'Post "https://x": EOF',
  // Dates, times, versions, positions.
  '2024-05-03',
  '04/03/2024',
  '15:04:05',
  '15:04:05.403',
  '2024-05-03T15:04:05.403Z',
  'at 503',
  'v4.0.3',
  '1.403.2',
  'Error 1.403.2',
  'status 404.5',
  'price 403.50',
  'at line 403:12',
  'Error at main.ts:404:5',
  // A reason word after a number that its prefix shows is something else.
  'a $500 error in the invoice',
  'ticket #404 error page',
  'build 1.404 error',
  'host 10.0.0.1:502 Bad Gateway',
  'range 2024-410 Gone',
  // Prices.
  '$500',
  '€403',
  '¥500',
  '500 USD',
  // Phone numbers.
  '+1 (415) 555-0123',
  '415-555-0134',
  'Error: 555-0123',
  // Successes and redirects, and numbers outside 100-599.
  'HTTP 200 OK',
  '200 OK',
  '201 Created',
  '204 No Content',
  'HTTP/1.1 200 OK',
  'HTTP/1.1 301 Moved Permanently',
  'HTTP 100 Continue',
  'status 302',
  'code 200',
  'status 600',
  'error 999',
  'status 4xx',
  // Plain language that makes a number an amount, a range or a mail server's reply.
  'we got 500 recipients back',
  'the import returned 404 results',
  'failed 403 times in a row',
  'HTTP status outside the range 200-499 counts as a failure',
  'retry any HTTP status between 400 and 499? No: 4xx is final.',
  '550 5.7.1 Relaying denied',
  'SMTP error 450: mailbox unavailable',
  'The mail server answered 421 4.7.0 try again later',
  'timeout after 500s',
  'listening on port 443 and 8443',
  'the 503 bus leaves at 10:00',
  'a status page with 500 subscribers',
  'Expected response code 250 but got code "550", with message "550 5.7.1 Relaying denied"',
  'error 450. The mailbox is unavailable or the SMTP server will retry',
  // A multi-line reply's continuation, and mail told as incoming or deferred
  // (https://github.com/getconversio/email-deep-validator/issues/9, https://github.com/forwardemail/forwardemail.net/issues/547).
  '# 550 error not always indicative of bad recipient\nSome servers send a 550 when detecting spam as well. eg:\n550-"JunkMail rejected - host is in an RBL, see\n550 https://www.spamhaus.org/query/ip/192.0.2.1"',
  'Deferred incoming emails never accepted. I get a lot of "421 Message delivery was temporarily interrupted, please try again later."',
  'requests_total{status="200"} 429',
  '"GET /x HTTP/1.1" 200 416',
  'if (response.statusCode >= 400) throw new Error()',
  'retry when status < 500',
  // A reason phrase of another code is not evidence, nor are bare brackets.
  '404 Forbidden',
  'Forbidden (404)',
  '(500)',
  'page 2 (404 results)',
  // "is", "was" and "expected" before an amount, a duration or a count.
  'what we got is 500 recipients',
  'the expected 500 ms delay',
  'We expected 404 rows in the export.',
  'It was 503 days ago',
];

describe('detectStatusCodes finds status codes in context', () => {
  it.each(FOUND)('%j → %j', (text, expected) => {
    expect(codesIn(text)).toEqual(expected);
  });

  it.each(FOUND)('positions of %j cover the code', (text) => {
    for (const finding of detectStatusCodes(text)) {
      expect(finding.kind).toBe('http');
      expect(finding.problem).toBeNull();
      expect(text.slice(finding.start, finding.end)).toContain(String(finding.code));
      expect(finding.excerpt).toBe(text.slice(finding.start, finding.end).replace(/\s+/g, ' ').trim());
    }
  });
});

describe('detectStatusCodes ignores numbers that are not status codes', () => {
  it.each<[string, number[]]>([
    ['{"error":"http-500"}', [500]],
    ['got error-500 from server', [500]],
    ['{"message":"error-500 upstream"}', [500]],
  ])('a hyphenated code outside a slug value still counts: %j', (text, expected) => {
    expect(codesIn(text)).toEqual(expected);
  });

  it.each(NOT_FOUND)('%j → none', (text) => {
    expect(codesIn(text)).toEqual([]);
  });
});

describe('detectStatusCodes phrase boundaries', () => {
  const PHRASES: Array<[string, string[]]> = [
    ['HTTP/1.1 403 Forbidden', ['HTTP/1.1 403 Forbidden']],
    ['Webhook failed: HTTP 429 Response Code (retrying)', ['HTTP 429 Response Code']],
    ['call ended (401) Unauthorized.', ['(401) Unauthorized']],
    ['{"statusCode":422}', ['"statusCode":422']],
    ['status (500).', ['status (500)']],
    ['x 529 Host Overloaded y', ['529 Host Overloaded']],
    ['HTTP 500/502', ['HTTP 500', '502']],
    ['Status: 404 Not Found, then status 500', ['Status: 404 Not Found', 'status 500']],
    ['Forbidden (403) Forbidden (403)', ['Forbidden (403)', 'Forbidden (403)']],
    ['succeeded: no; 404 (Not Found).', ['404 (Not Found)']],
    ['HTTP 403 Forbidden (403)', ['HTTP 403 Forbidden (403)']],
  ];
  it.each(PHRASES)('%j → excerpts %j', (text, excerpts) => {
    expect(detectStatusCodes(text).map((finding) => finding.excerpt)).toEqual(excerpts);
  });

  it('reports offsets into the given text, not into a line', () => {
    const text = 'first line\nsecond line: HTTP 503\n';
    const [finding] = detectStatusCodes(text);
    expect(finding?.start).toBe(text.indexOf('HTTP 503'));
    expect(finding?.end).toBe(text.indexOf('HTTP 503') + 'HTTP 503'.length);
  });
});

describe('excerptOf', () => {
  const EXCERPTS: Array<[string, number, number, string]> = [
    ['xx HTTP  403\tForbidden yy', 3, 22, 'HTTP 403 Forbidden'],
    ['  status 500  ', 0, 14, 'status 500'],
    ['a'.repeat(100), 0, 100, `${'a'.repeat(MAX_EXCERPT_LENGTH - 1)}…`],
    [`${'a'.repeat(MAX_EXCERPT_LENGTH - 2)}😀b`, 0, MAX_EXCERPT_LENGTH + 1, `${'a'.repeat(MAX_EXCERPT_LENGTH - 2)}…`],
    // Only a bounded part of a long phrase is read; the ellipsis says there is more.
    [`a${' '.repeat(1000)}b`, 0, 1002, 'a…'],
  ];
  it.each(EXCERPTS)('%j [%i, %i) → %j', (text, start, end, expected) => {
    expect(excerptOf(text, start, end)).toBe(expected);
    expect(excerptOf(text, start, end).length).toBeLessThanOrEqual(MAX_EXCERPT_LENGTH);
  });
});

describe('reason phrase table', () => {
  const REASONS: Array<[string, number | undefined]> = [
    ['Too Many Requests', 429],
    ['too many requests', 429],
    ['Host Overloaded', 529],
    ['Host Unhealthy', 598],
    ['Connection Error', 599],
    ['Migration in Progress', 477],
    ['Request-URI Too Long', 414],
    ['Payload Too Large', 413],
    ['Unprocessable Entity', 422],
    ['OK', undefined],
    ['Created', undefined],
    ['Moved Permanently', undefined],
  ];
  it.each(REASONS)('%j names %j', (phrase, code) => {
    expect(codeForReasonPhrase(phrase)).toBe(code);
  });
});

const LOG_WORDS = [
  'HTTP',
  'HTTP/1.1',
  'status',
  'status:',
  'Status code',
  'error',
  'Error:',
  'code',
  'Forbidden',
  'Not Found',
  'Too Many Requests',
  'Host Overloaded',
  'ms',
  'KB',
  'recipients',
  'order',
  '#',
  '$',
  '€',
  '(',
  ')',
  '[',
  ']',
  ':',
  '=',
  '"',
  '/',
  '-',
  '.',
  ',',
  ' ',
  ' ',
  ' ',
  '\n',
  'v',
  'x',
  'localhost',
  'ステータスコード',
  'エラー',
  '状态码',
  'Fehlercode',
  'erreur',
  'código de estado',
];
const logLike = fc
  .array(fc.oneof(fc.constantFrom(...LOG_WORDS), fc.integer({ min: 0, max: 99999 }).map(String)), { maxLength: 40 })
  .map((parts) => parts.join(''));

function expectWellFormed(text: string): void {
  for (const finding of detectStatusCodes(text)) {
    expect(finding.start).toBeGreaterThanOrEqual(0);
    expect(finding.start).toBeLessThan(finding.end);
    expect(finding.end).toBeLessThanOrEqual(text.length);
    expect(finding.code).toBeGreaterThanOrEqual(400);
    expect(finding.code).toBeLessThanOrEqual(599);
    expect(text.slice(finding.start, finding.end)).toContain(String(finding.code));
    expect(finding.excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT_LENGTH);
  }
}

describe('detectStatusCodes properties', () => {
  it('never throws and returns well-formed findings for any unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), expectWellFormed), { numRuns: 500 });
  });

  it('never throws and returns well-formed findings for log-like strings', () => {
    fc.assert(fc.property(logLike, expectWellFormed), { numRuns: 1000 });
  });

  it('findings are ordered and do not overlap', () => {
    fc.assert(
      fc.property(logLike, (text) => {
        const findings = detectStatusCodes(text);
        for (let i = 1; i < findings.length; i++) {
          expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds "status N" for every failing code between plain words', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        fc.constantFrom('', 'Webhook failed: ', 'row 3\t'),
        fc.constantFrom('', '.', ' at 10:04', '\nnext row'),
        (code, before, after) => {
          expect(codesIn(`${before}status ${code}${after}`)).toEqual([code]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never reports a success or redirect code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 399 }), fc.constantFrom('HTTP ', 'status: ', 'error '), (code, word) => {
        expect(codesIn(`${word}${code}`)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('detectStatusCodes on 1 MB adversarial inputs', () => {
  const MB = 1_000_000;
  /** `unit` repeated to about 1 MB. */
  const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length));
  const SHAPES: Array<[string, string]> = [
    ['"HTTP " repeated', fill('HTTP ')],
    ['"status " repeated', fill('status ')],
    ['one long run of 4s', fill('4')],
    ['"404 " repeated', fill('404 ')],
    ['one status, then "404 " repeated', `status 404 ${fill('404 ')}`],
    ['"Forbidden (403) " repeated', fill('Forbidden (403) ')],
    ['"403 Forbidden (403)" repeated', fill('403 Forbidden (403)')],
    ['spaces', fill(' ')],
    ['"status:" without spaces', fill('status:')],
    ['"404 Not " repeated', fill('404 Not ')],
    ['"500/" list', fill('500/')],
    ['unspaced CJK keyword', fill('ステータスコード')],
    ['emoji and digits', fill('😀4')],
  ];
  it.each(SHAPES)('%s finishes', (_name, text) => {
    expect(Array.isArray(detectStatusCodes(text))).toBe(true);
  });

  it('"status 404 " repeated finds every code', () => {
    const text = fill('status 404 ');
    expect(detectStatusCodes(text)).toHaveLength(text.length / 'status 404 '.length);
  });
});

describe('statuses beside mail replies and API error numbers, glued and listed shapes', () => {
  it.each<[string, number[]]>([
    // An error page's label glued to its value.
    ['• HTTP status401\n• Class auth', [401]],
    // An exception class named by its reason phrase, a bracketed code after a failure in words.
    ['acme.exceptions.Forbidden: 403 - Resource not accessible', [403]],
    ['[ERROR] Error posting to Slack (400): invalid_payload', [400]],
    // A change from one status to another, a list joined by CJK commas or led by a class.
    ['Change the response code from 404 to 410 for deleted hooks', [404, 410]],
    ['エラーコード: 500、502、503', [500, 502, 503]],
    ['| 4xx、500、503 | retried ten times |', [500, 503]],
    // A short report in Chinese: "always 401", "why 502".
    ['调用接口总是401', [401]],
    ['# 为什么502', [502]],
    // The HTTP status beside a provider's own error number.
    ['{"ErrorCode": 406, "Message": "Inactive recipient"} came back with HTTP 422', [422]],
  ])('%j → %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it.each([
    // SMTP replies a mail library prints, with or without an enhanced status.
    'Failed to send the test email. Raw error:\n535 Authentication Failed.',
    'Error: Invalid login: 535 Error: authentication failed',
    'MTA relay.example.net received this response from the destination host - 530 , 530 Error: authentication Required',
    'nodemailer error: "responseCode": 535, "command": "AUTH PLAIN"',
    'SMTPDataError: (554, Message rejected: Email address is not verified)',
    "response: '550 The from address does not match a verified Sender Identity.'",
    // A provider's own error numbers.
    '{"ErrorCode"=>406, "Message"=>"You tried to send to an inactive recipient."}',
    'PostmarkException Code 406: Parsing Message to get inactive emails',
    'Postmark ErrorCode 406: You tried to send to recipient(s) that have been marked as inactive.',
    '<ErrorCode>412</ErrorCode>',
    // Counters after a number in Chinese.
    '这次一共都是500个',
  ])('%j → none', (text) => {
    expect(codesIn(text)).toEqual([]);
  });
});

describe('thresholds told in words', () => {
  it.each([
    'Se a URL retornar um código de erro HTTP acima de 400, o webhook é reenviado.',
    'Any status code greater than 499 is retried.',
    'We retry on 500 and above.',
    'HTTPステータスコード 400以上 はエラーとして扱います',
  ])('%j → none', (text) => {
    expect(codesIn(text)).toEqual([]);
  });

  it.each<[string, number[]]>([
    ['my calls would fail with the status code 401 and below response', [401]],
    ['The hook returns HTTP 429 or 503 under load', [429, 503]],
  ])('%j → %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });
});

describe('verbs of answering in French, Italian, Dutch and Russian', () => {
  it.each<[string, number[]]>([
    ['le serveur a répondu 502 au webhook', [502]],
    ['Il webhook restituisce 500 da ieri', [500]],
    ['De server geeft 503 terug', [503]],
    ['сервер вернул 502', [502]],
    ['API возвращает 401 при вызове', [401]],
  ])('%j → %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it.each(['получил 500 рублей', 'ricevo 500 email al giorno'])('%j → none', (text) => {
    expect(codesIn(text)).toEqual([]);
  });
});
