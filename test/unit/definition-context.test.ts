import { describe, it, expect } from 'vitest';
import { detectStatusCodes } from '../../src/engine/detect/status/status';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';

const codesIn = (text: string): Array<number | null> => detectStatusCodes(text).map((finding) => finding.code);
const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);

// Documentation that names statuses as the condition of a rule names them as statuses: since session
// 6 they are codes (test/eval/README.md), beside reports of the same shape.
describe('statuses named by a rule are statuses', () => {
  it.each([
    // A retry rule that applies to a list of codes.
    ['bad-gateway: like 5xx, but the rule only applies to response codes 502, 503 and 504.', [502, 503, 504]],
    // An enumerated value under an introduction that lists allowed values.
    [
      'retryOn\nGive one or more of the following values.\n- upstream-error – HTTP status codes 500, 502 and 503\n- conflict – HTTP status code 409',
      [500, 502, 503, 409],
    ],
    // A condition that does not trigger a retry, with the code's reason phrase.
    ['Client errors\n4xx answers, including 429 Too Many Requests, never trigger retries.', [429]],
    // A short heading above such a rule.
    ['Redelivery\n503 Errors\nThe platform retries when the endpoint answers with a 5xx.', [503]],
    // A report beside the word "retry": something was received, failed, or a person saw it.
    ['The hook failed with 503 and the platform will retry it later.', [503]],
    ['We got a 502 from the proxy; the client retries on that.', [502]],
    ['Max retries exceeded: the endpoint kept answering 500 Internal Server Error', [500]],
    ['If the retries take too long the request stops and returns status code 502.', [502]],
    ['If the sender receives a 406 (Not Acceptable) code it will not retry.', [406]],
    ['Return `500` instead of `200` on errors so that the sender retries.', [500]],
    ['HTTP 401 Unauthorized\nRetry-After: 30', [401]],
    ['Authorization: Bearer ###\nHTTP 429 Too Many Requests\nretry-after: 120', [429]],
    ['HTTP 503 Service Unavailable retry later', [503]],
    ['HTTP/1.1 502 Bad Gateway (the proxy will retry)', [502]],
  ] as const)('%s', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it.each([
    // Still not statuses in a retry rule: classes, the bounds of a range, durations and counts.
    'Retries happen on 5xx answers and on any status outside the range 200-499.',
    'The sender retries on statusCode >= 500 after 400 ms, up to 500 times.',
  ])('no status: %s', (text) => {
    expect(codesIn(text)).toEqual([]);
  });
});

describe('network failures named by code, tables and conditions are not reported', () => {
  it.each([
    // String constants in code.
    'const refusedMsg string = "connection refused"\nconst resetMsg = "connection reset by peer"',
    "static final String TIMEOUT = 'i/o timeout';",
    // A table that defines several error names, with a timeout's words in one row.
    '| what happened | name |\n| the call was cancelled | CANCELLED |\n| the deadline passed before an answer | DEADLINE_EXCEEDED |\n| no such method | UNIMPLEMENTED |\n| server going away | UNAVAILABLE |',
    // A condition clause, up to its comma.
    'If the TCP connection is refused (ECONNREFUSED), the service is probably not running.',
    '- When the socket times out (ETIMEDOUT), check the firewall first.',
    // A retry rule that lists failures as examples.
    'reset: the proxy retries when the upstream does not answer at all (disconnect, reset, read timeout).',
  ])('%s', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each([
    // The same words reported: a log line, a first person, a value being compared in code is not one.
    ['2024-03-01 10:22:05 dial tcp 10.0.0.4:443: connect: connection refused', ['connection-refused']],
    ['When I post to the hook I get ETIMEDOUT', ['timeout']],
    ['Max retries exceeded with url: /hook (Caused by NewConnectionError: [Errno 111] Connection refused)', ['connection-refused']],
    // A table of deliveries whose names repeat is a log, not a list of definitions.
    ['| 10:01 | FAILED | connection refused |\n| 10:02 | FAILED | connection refused |', ['connection-refused']],
  ] as const)('%s', (text, problems) => {
    expect([...new Set(problemsIn(text))]).toEqual(problems);
  });
});

// Traps of the shapes this branch reads: each beside the positives in ../fixtures/detector-positives.ts.
describe('traps of the new shapes', () => {
  it.each([
    // A number glued to a word that is not its own reason phrase.
    'the job took 500ms and 404pages were cached',
    '404Forbidden is not a phrase of 404',
    // Plurals in a list that counts seconds.
    'wait after 500s, 600s and 700s',
  ])('no status: %s', (text) => {
    expect(codesIn(text)).toEqual([]);
  });

  it.each([
    // A setting described by its unit, and a Japanese limit "until the timeout".
    '"connectTimeout": { "description": "Connection timeout in milliseconds", "example": 5000 }',
    '応答はタイムアウトになるまでの3秒以内に返してください。',
    // A gateway that times out and answers with a status: the status is what the sender saw.
    'the proxy is timing out and returning a 503 to the sender',
  ])('no network failure: %s', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('a timeout reported with its unit is still a timeout', () => {
    expect(problemsIn('Error: connection timeout in 30 seconds')).toEqual(['timeout']);
  });

  it("the stated cause wins over a vague 'could not connect' in the same message", () => {
    const text =
      'Could not connect to the API (https://api.example.com/v1/x). Please check your internet connection and try again. ' +
      'If this problem persists, check the status page at https://status.example.com or write to support@example.com. ' +
      '(Network error [errno 7]: Failed to connect to api.example.com port 443: Connection timed out)';
    expect(problemsIn(text)).toEqual(['timeout']);
  });
});
