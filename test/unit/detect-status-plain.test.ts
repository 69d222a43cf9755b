import { describe, it, expect } from 'vitest';
import type { Finding } from '../../src/engine/types';
import { mayHaveStatusCode } from '../../src/engine/detect/shared/prefilter';
import { findAll } from '../../src/engine/find';
import { ERROR_STATUS_NAMES, reasonPhrases } from '../../src/engine/status-names';

/** The statuses the engine finds, numbered or named, through the entry the popup and the CLI use. */
const statusesIn = (text: string): Finding[] => findAll(text).filter((finding) => finding.kind === 'http');
const codesIn = (text: string): number[] => statusesIn(text).map((finding) => finding.code ?? -1);

// Shapes a careful reader takes as statuses; each with a trap of the same shape below.
const FOUND: ReadonlyArray<readonly [string, number[]]> = [
  // An article before the number, or before a few words and a quoted number.
  ['The result is a 401 from the SDK endpoints.', [401]],
  // A status listed beside a class, and statuses joined by words that make no range.
  ['429/5xx responses are intentionally not retried', [429]],
  ['it answered 401 and then 403', [401, 403]],
  ['HTTP 502 - Bad Gateway', [502]],
  ['the request fails authentication with a 401 that gives no hint', [401]],
  ['Under the hood the server returns a clear, field-level `422`:', [422]],
  // Verbs of avoiding and fixing; Chinese "still is".
  ['Replace quotes by double quotes to avoid 401', [401]],
  ['- Fix `403`s during registration', [403]],
  ['带上token，为何还是401？', [401]],
  // A plural code as subject or verb.
  ['it is possible that 503s are hit in nginx land', [503]],
  ['Omitting it 400s with `Some required fields were not set`', [400]],
  // A particle between the code and the noun (ja, zh).
  ['Webhookの画面で403のレスポンスが表示される', [403]],
  ['请求返回403的错误', [403]],
  // "and" closes a list in a text about statuses; it is not a range.
  ['If no 2xx status code comes back we retry on 500, 502, 503 and 504.', [500, 502, 503, 504]],
  // Words after the number that say what this status means, quoted or not.
  ['I periodically get this message: 401 Invalid API key', [401]],
  ['causes false 401 auth failures on arm64', [401]],
  ['client.retain(...)  # 401 "API key required"', [401]],
  ['Observe `401 AUTH_INVALID`.', [401]],
  ['| `429 Rate limit exceeded` | Global limiter triggered. |', [429]],
  ['Error code Description\n403 Access denied.', [403]],
  ['This is not a content moderation 400 and not a rate limit 429', [400, 429]],
  // A quoted failure message that opens with the number; an error message that ends with it.
  ['| `500 Vector store upsert failed` | Qdrant unavailable. |', [500]],
  ['RuntimeError: Failed to send card: 400, Summary or Text is required.', [400]],
  ['"error": "Erreur avec OpenAI: Erreur API OpenAI: 401",', [401]],
  ['# 报错 `500: Failed sending HTTP POST request`', [500]],
  // Places that hold a status: an exception's first argument, a key=value log, an XML element,
  // a snake_case key, a request path at the end of a console line.
  ['raise HTTPException(401, "Not authenticated")', [401]],
  ['at=info method=POST path="/hook" service=21ms status=413 bytes=388 protocol=https', [413]],
  ['<Code>401</Code>', [401]],
  ['NON_RETRYABLE_STATUS_CODES=400,401', [400, 401]],
  ['    http_response_status_code: 502', [502]],
  ['+    public List<Integer> failFastStatusCodes = List.of(504);', [504]],
  // HTTP's 400 and 500 in a text about mail: a status word before, a reason phrase after.
  ['The SMTP relay is fine, but the bounce webhook gets status code 500 from our endpoint.', [500]],
  ['The SMTP relay is fine, but our bounce webhook returned 400 Bad Request.', [400]],
  ['`global/v4/scripts/libs/requirejs/require.js?cache=12 404`', [404]],
  // A list after a verb, a plural after a verb, a quoted number after an article, a code as a subject.
  ['the provider returns 401/403, the fetcher throws', [401, 403]],
  ['Getting 401s across the board.', [401]],
  ['a raw key can never surface in a `422`.', [422]],
  ["parce que 401 signifie qu'on n'est pas authentifié", [401]],
  // A number written beside its reason phrase, on either side.
  ['the library replied with "Payload Too Large 413" to a 136kb payload', [413]],
  // A proposal to answer with a status, whose verb is "send".
  ['fix: send 500 when there is an internal error', [500]],
  ['GH: Send 401 with message on failed webhook', [401]],
  // A reason phrase cut short after a verb.
  ['Post to Webhook returns 500 internal server err', [500]],
  // A status alone on its line above the body that came with it.
  ['I am not able to make the webhook,\n\n403\n{"errors":[{"code":200,"message":"Forbidden."}]}', [403]],
  // A number after a verb with another code's reason phrase: people mix them up.
  ['the hook endpoint always answers 404 unauthorized, whatever I send', [404]],
  ['it keeps returning 500 bad gateway', [500]],
];

/** A reason phrase with no number written names no status (issue 8's labels; test/eval/README.md). */
const PHRASE_ALONE: readonly string[] = [
  'the library replied with "Payload Too Large" to a 136kb payload',
  'Currently, invalid webhook urls result in internal server error.',
  'Status: StatusCode= ServiceUnavailable ReasonPhrase= Service Unavailable',
  'the client throws HttpStatusCode.TooManyRequests',
  'error: Bad Gateway',
  "on the second project I get the same 'Unauthorized' error",
  'the API sends back a Forbidden response when the hook exists',
];

const NOT_FOUND: readonly string[] = [
  'a total of `500`:',
  'a 500 character limit',
  'with a 500 ms delay',
  'after 500s with no reply',
  'wait 400s are enough',
  'status codes between 400 and 499 are client errors',
  'rpc error: code = NotFound desc = no such user',
  'file not found',
  'Bad Gateway',
  'the Forbidden City',
  'a conflict between teams',
  'Module not found: Error: Cannot resolve',
  'stored in 500 places',
  // "send" with an amount.
  'we send 500 messages a day',
  'send 400 of them at once',
  // A number alone on its line above a body that is no answer, or a number inside a line.
  'Total: 404\n{"count": 3}',
  // The size of a pasted screenshot in markup.
  'Details of a failed delivery: <img width="422" height="419" alt="Image" src="https://example.com/a.png" /> status code',
  'unsuccessful status codes <td height="500">',
  // A number after a verb, then words that are no reason phrase; a phrase with no verb.
  'the job processed 404 unknown rows',
  'we have 404 Unauthorized users',
  // A one-word name neither quoted before "error" nor capitalised before "response".
  'a Conflict error between two teams',
  'the forbidden response of the committee',
  'an Unauthorized error',
  // Counts beside words of the same meaning, a failure count, the bounds of a range.
  'we found 401 invalid tokens in the table',
  'Failed jobs: 400',
  'Error count: 404',
  'Any error codes that you receive between 400 and 499 are client errors',
  // Bounds joined by a sign or a word, in any language, after a status word too.
  '400 ~ 499 または 500 ~ 599 の範囲の HTTP ステータスコード',
  'HTTP status codes 400–499 are client errors',
  'a 4xx (400-499) response',
  'status codes from 500 to 599 are retried',
  'HTTP 500 through 504 are retried',
  'Statuscodes zwischen 400 und 499',
  'the 500 failed deliveries were retried',
  // A path with a number in the middle of a line, a date before a number.
  'GET /api/items 404 times today',
  'on 12/05 404 people came',
  // A comparison inside an XML-like expression, a size key after a number.
  'if (statusCode>400) retry',
  'myStatusCount = 404;',
  // SMTP's reply classes in a text about mail.
  'Each SMTP call you make returns a response. `200` responses are usually success responses, and `400` responses are usually deferrals. `500` responses are hard failures.',
];

describe('detectStatusCodes reads plain-language shapes', () => {
  it.each(FOUND)('%j → %j', (text, expected) => {
    expect(codesIn(text)).toEqual(expected);
    expect(mayHaveStatusCode(text)).toBe(true);
  });

  it.each(NOT_FOUND)('%j → none', (text) => {
    expect(codesIn(text)).toEqual([]);
  });

  it.each(PHRASE_ALONE)('%j → none: no number is written', (text) => {
    expect(codesIn(text)).toEqual([]);
  });

  it('reads every reason phrase after a verb as a status only with its number', () => {
    for (const row of ERROR_STATUS_NAMES) {
      for (const phrase of reasonPhrases(row)) {
        expect(codesIn(`the hook returned "${phrase}" today`)).toEqual([]);
        expect(codesIn(`the hook returned "${row[0]} ${phrase}" today`)).toEqual([row[0]]);
      }
    }
  });
});

// Shapes in which a text names statuses without a status word: a code used as a verb, a retry
// rule's condition, a doc table's cells run together, two codes joined as a list in a title.
describe('statuses named without a status word', () => {
  it.each([
    ["this is malformed and doesn't have a scheme, and should 401 or 400, but it should not hang", [401, 400]],
    ['it will 404 unless the route exists', [404]],
    ['# Re-enable webhook retries on 400', [400]],
    [
      'These HTTP status codes will not be retried: 401 Unauthorized403 Forbidden404 Not Found405 Method Not Allowed410 Gone.',
      [401, 403, 404, 405, 410],
    ],
    ['4xx response codes, with the exception of 429and any 5xx, stop the retries.', [429]],
    ['Ignore ConvertKit 502 and 503\nHappens a lot and nothing we can do about it.', [502, 503]],
    // Monitoring rules on a code, a retry rule with words before "on", a plural after a status word.
    ['# remove 500 alert, not needed', [500]],
    ['# [swift] alert on 503', [503]],
    ['Right now we retry by default on 502 and 503, but not 504.', [502, 503, 504]],
    ["so that they know that it's going to be retry in case of error 500s", [500]],
    // A short status word, a hyphen, a glued word after a status word, a heading, a plural with a verb.
    ["Solution isn't working.... err 401", [401]],
    ["I'm getting a HTTP-401 with the header", [401]],
    ['#### Request returned status Code 401Body:{"errors":[]}', [401]],
    ['# 401 JWT Token not found', [401]],
    ['### 400 -- Bad Request (Validation Error)', [400]],
    ["# 401's returned from Client API surface as 404", [401, 404]],
    // A status table added in a diff, its delimiter row a hyphen per cell; a key/value table's row.
    ['```diff\n+Status code  |  Error message\n+-|-\n+400  |  Wrong parameter\n+409  |  Entity already exists\n```', [400, 409]],
    ['| header | Authorization | Bearer <token> |\n| status | 400 | |', [400]],
    // nginx's directive names the statuses it serves a page for.
    ['  error_page 500 502 504 /50x.html;\n  error_page 503 @maintenance;', [500, 502, 504, 503]],
    // A request log line's status field in angle brackets, as in square ones; a generic type is none.
    ['12:00:19 POST /hooks/orders <503> upstream down', [503]],
    ['12:00:20 POST /hooks/orders [502] upstream down', [502]],
    ['12:00:21 POST /hooks/orders List<500> queued', []],
  ] as const)('%s', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it.each([
    'You will 500 times regret this',
    'the server should return 500 users at most',
    'it took 404 and 500 ms respectively',
    'we processed 502 and 503 records today',
    'the values between 400 and 500 are client errors',
    'See issues 502 and 503 on the tracker',
    'Order 404 and 405 shipped',
    'Not Found404 items were cached, and the hex id a403 Forbidden is a key',
    // A count of alerts, a class named by its first code, a bound told in words.
    'we got 500 alerts last night',
    "I'd expect a status code from the 400 range, since this is a client error.",
    'The default retries on any code greater than or equal to 400',
    // A heading that counts, a file name, a form field beside a value.
    '# 500 stars on GitHub',
    'see error-500.log for the trace',
    '- Content-Disposition: form-data; name="code" - 550 -',
    // A diff's table whose column counts; a key/value row whose key is no status; nginx's other numbers.
    '```diff\n+Retries  |  Delay\n+-|-\n+400  |  2 s\n```',
    '| retries | 500 | |',
    '  listen 443 ssl;\n  client_max_body_size 500m;',
  ])('no status: %s', (text) => {
    expect(codesIn(text)).toEqual([]);
  });
});
