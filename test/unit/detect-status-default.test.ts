import { describe, it, expect } from 'vitest';
import { findAll } from '../../src/engine/find';

const codesIn = (text: string): number[] =>
  findAll(text).flatMap((finding) => (finding.kind === 'http' && finding.code !== null ? [finding.code] : []));

// A well-known code standing alone near words about HTTP, among few other numbers, is a status.
const FOUND: ReadonlyArray<readonly [string, number[]]> = [
  // A code used as a verb or an object in a short title or sentence.
  ["# Shouldn't we 400 if the JSON is invalid?", [400]],
  ['401 is used by API for token handling, I move it to 403', [401, 403]],
  ['Postman entrega 403 Test entrega 401 con el mismo link, token e id', [403, 401]],
  ['Fails with a 403 request.', [403]],
  ['## 401 or authentication failure', [401]],
  // Bare numbers in prose about a request, in backticks or not.
  ['constant-time compared against the `token` query param, `404` when unset, `403` on mismatch.', [404, 403]],
  // A call that answers with a status.
  ["throw createFastifyError('FST_UNAUTHORIZED', 'Bearer Token Authorization is required', 401);", [401]],
  ["      halt 400, { 'Content-Type' => 'application/json' }", [400]],
  ['app.get("/hook", (req, res) => res.sendStatus(404));', [404]],
  ["res.writeHead(503, { 'Content-Type': 'text/html' });", [503]],
  ['\tw.WriteHeader(502)', [502]],
  // A list of codes with spaces between, in a config or a retry rule: not thousands groups.
  ['proxy retry on 500 502 503 504', [500, 502, 503, 504]],
  ['the webhook API returned 500 502 and 504', [500, 502, 504]],
  // A named constant whose name speaks of statuses.
  ['we retry on:\n    _STATUS_CODE_SERVICE_UNAVAILABLE = 503\n    _STATUS_CODE_GATEWAY_TIMEOUT = 504', [503, 504]],
  // Two codes with a slash, and a plural.
  ['`GET /api/org` with the bearer API key; 401/403 → rejected.', [401, 403]],
  ['This would help avoid confusing 401s when users configure authenticated servers.', [401]],
  ['Compare the hook URL: the old name then 502s forever.', [502]],
  // A diff row of a Markdown status table whose reason phrase is a link.
  ['-429  | Too Many Requests\n+400  | [Bad Request](https://tools.ietf.org/html/rfc7231#section-6.5.1)', [429, 400]],
];

// The same shapes where something says the number is another kind of number.
const NOT_FOUND: readonly string[] = [
  // Thousands groups and counts after a code-like number stay numbers.
  'the webhook sent 400 500 times',
  'the webhook API has 404 500 users',
  'Set the request timeout to 500 in the webhook config.',
  'I sent 500 webhook requests and 12 failed',
  'Processed 400 of 500 webhook requests',
  'the 500 failed deliveries were retried by the API',
  'The webhook token expires in 500',
  'Chapter 404: HTTP clients and webhooks',
  'Webhook deliveries: 500 sent',
  'Failed jobs: 400 in the webhook queue',
  'we have 404 Unauthorized users on the API',
  'API server started at localhost:500 for requests',
  'clientRequestFactory.setReadTimeout(500); // the API request',
  '"host"=>["postman-echo.com"], "content-length"=>["499"], "content-type"=>["application/json"]',
  '<OutResponse><code>0000</code><data><userId>523</userId></data></OutResponse> from the API',
  '2026/03/27 14:17:09 [error] 3804744#3804744: *421 upstream timed out',
  '| endpoint | Requests/Minute |\n| actions | 100 |\n| admin/users | 500 |\n| audit_logs | 1000 |',
  'API request budget: 500 000 a month',
  // Mail servers' reply codes in a table about mail.
  'SMTP replies:\n421 | Service not available |\n503 | Bad sequence of commands |',
  // A list of another system's codes, one per line.
  '% 499: mailbox_unavailable after the request\n% 170: MAILBOX NOT FOUND',
  // A class written out, a limit, a change of an amount.
  'For 500-level errors, Braze will retry the webhook send up to 5 times.',
  '# Increase 500 request limit for webhooks',
  'Please increase the webhook API quota to 500',
  // Row and card traps of ESP pages: a size in bytes, a count of people, a counting label.
  '#501 201 1 404 B hana.sato@example.com webhook',
  'Showing the 9 most recent webhook deliveries of 500 people in this campaign.',
  'emailSend → hooks.example.com/a\nEvents 500\nLatency 401 ms',
  // A plural that is seconds.
  'the webhook request was retried after a 500s timeout',
];

describe('detectStatusCodes reads a lone well-known code near HTTP words as a status', () => {
  it.each(FOUND)('%j → %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });
  it.each(NOT_FOUND)('%j → none', (text) => {
    expect(codesIn(text)).toEqual([]);
  });
  it('needs words about HTTP near the number', () => {
    expect(codesIn('Room 404 is on the fourth floor, next to 403.')).toEqual([]);
    expect(codesIn('The room number is 404, I think.')).toEqual([]);
  });
});

describe('a phrase that runs over a later code', () => {
  it('ends where the later code’s phrase starts (found by the fuzzer)', () => {
    const text = `'500 recipientsCERT_HAS_EXPIRED status= 403"`;
    const findings = findAll(text).filter((finding) => finding.kind === 'http');
    expect(findings.map((finding) => finding.code)).toEqual([500, 403]);
    for (const finding of findings) expect(finding.start).toBeLessThan(finding.end);
    expect(findings[0]!.end).toBeLessThanOrEqual(findings[1]!.start);
  });
});
