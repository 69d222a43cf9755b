// The receiver's words where no status sits beside them, or written plainly after one: an error
// body the text presents as an answer becomes a finding of its own, and "403 - <message>" or
// `403 "<message>"` gives the status its words. Shapes of issues and logs; traps stay silent.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';
import { diagnoseText } from '../../src/engine';
import {
  answerAfterResponseWord,
  answerLineBelow,
  labelledBodyBelow,
  listsStatuses,
  plainAnswerAfter,
  repeatsStatus,
  wordsAfterReasonColon,
  wordsRightAfterStatus,
} from '../../src/engine/detect/receiver/receiver-words-plain';

const answers = (text: string) =>
  findAll(text)
    .filter((finding) => finding.problem === 'receiver-error')
    .map((finding) => ({ code: finding.code, message: finding.detail?.receiverMessage, field: finding.detail?.field }));

describe("a gateway's words about the service behind it", () => {
  it("reads API Gateway's timeout body as its answer, not as the client's failure", () => {
    const quoted = 'when i post a request, always get\n{\n  "message": "Endpoint request timed out"\n}\nerror';
    const found = findAll(quoted);
    expect(found.map((finding) => [finding.problem, finding.detail?.receiverMessage])).toEqual([['timeout', 'Endpoint request timed out']]);
    const withStatus = findAll('returned 504 {"message": "Endpoint request timed out"}');
    expect(withStatus.map((finding) => [finding.code, finding.detail?.receiverMessage])).toEqual([[504, 'Endpoint request timed out']]);
  });
});

describe('an error body with no status beside it', () => {
  it.each([
    [
      'I am passing the amount of 25 and the error is:\n```\n{"error":{"code":"amount_too_small","message":"Amount must be at least 50 cents","param":"amount"}}\n```',
      'Amount must be at least 50 cents',
      'amount',
    ],
    [
      'Response body\n```{"error":{"type":"invalid_request_error","message":"Invalid integer: 9175.2","param":"amount"}}```',
      'Invalid integer: 9175.2',
      'amount',
    ],
    [
      'When configuring it fails with API validation failed: {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
      'invalid x-api-key',
      'x-api-key',
    ],
    ['The API returns {"error": "unauthorized", "reason": "You are not a server admin."}', 'You are not a server admin.', undefined],
    [
      'I got back {"message": "Validation Error", "details": [{"param": "ListingId", "description": "Field is required"}]}',
      'Field is required',
      'ListingId',
    ],
    // The cue in Chinese: "returned after opening".
    ['钉钉打开后返回：{"errorCode":3,"errorMessage":"1002,corpId不合法"}', '1002,corpId不合法', undefined],
    // A reason phrase is a body's whole message when it says nothing more (test/eval/README.md).
    ['I get the message {"message":"Unauthorized"}', 'Unauthorized', undefined],
    // When it does, the field that says more is the message.
    ['When I print the response I get: {"error_description": "Bad Request", "error": "invalid_grant"}', 'invalid_grant', undefined],
  ])('is the receiver refusing: %s', (text, message, field) => {
    expect(answers(text)).toEqual([{ code: null, message, field }]);
  });

  it('is diagnosed as the receiver refusing, with its words quoted', () => {
    const [item] = diagnoseText('the error is: {"error":{"message":"Amount must be at least 50 cents","param":"amount"}}');
    expect(item?.diagnosis.kind).toBe('http');
    expect(item?.diagnosis.problem).toBe('receiver-error');
    expect(item?.diagnosis.receiver).toEqual({ message: 'Amount must be at least 50 cents', field: 'amount' });
  });

  it.each([
    // A payload sample or a config: nothing presents it as an answer.
    ['Example event:\n{"type":"delivery","error":{"message":"mailbox full"}}'],
    ['Our webhook body looks like this\n\n{"event":"failed","message":"Invalid email"}'],
    // Documentation of the error format, however it introduces its sample.
    ['Typical error response\n{"ok": false, "error": "invalid_auth"}'],
    ['Errors are returned as JSON objects with the following structure:\n{"error": {"code": "E1", "message": "Token is invalid"}}'],
    ['The API responds with a message in that format:\n{"message": "Required parameter key is missing"}'],
    ['Checking the id first returns a result like the following, if the id is missing.\n{"error": {"message": "No such hook: h_1"}}'],
    // An answer that is no error.
    ['The API returns {"message": "Webhook received"}'],
    // "The request body is as follows": a request, in Chinese.
    ['请求体如下：{"event":"failed","message":"Invalid email"}'],
    // A client's copy of the status line, not the receiver's body.
    ['The error I get: {"statusCode": 401, "statusMessage": "Unauthorized"}'],
    // A body that opens the text: the CLI reads a log in chunks, so a chunk may start with a body
    // whose status sits in the chunk before.
    ['{"error":{"title":"ValidationError","message":"campaign_id parameter is required"}}\n2024-05-01 request body was:'],
    // The cue is too far above the body.
    ['The response was slow.\nline two\nline three\nline four\n{"message":"invalid token"}'],
  ])('is no finding: %s', (text) => {
    expect(answers(text)).toEqual([]);
  });

  it('is given to the status when there is one', () => {
    const findings = findAll('HTTP 422 returned {"error":{"message":"campaign_id parameter is required"}}');
    expect(findings.map((finding) => [finding.code, finding.problem])).toEqual([[422, null]]);
  });
});

describe('words written plainly after a status', () => {
  it.each([
    [
      'Webhooks return 403 Forbidden.\n\nWhat is the error message?\n403 - Authorization data is wrong!',
      403,
      'Authorization data is wrong!',
    ],
    ['GitHub POST to webhook receives 403 "Invalid signature" response', 403, 'Invalid signature'],
    ['the call got 404: The requested webhook was not found', 404, 'The requested webhook was not found'],
    // The plain-text page below its status line.
    ['Invalid response. Received status 404\nCannot GET /webhook/single-webhook\n```', 404, 'Cannot GET /webhook/single-webhook'],
    // Prose that introduces the message.
    [
      'orders fail with an error code of 403.\nThe error message is: Could not validate request for topic orders/fulfilled',
      403,
      'Could not validate request for topic orders/fulfilled',
    ],
  ])('%s', (text, code, message) => {
    const messages = findAll(text)
      .filter((candidate) => candidate.code === code)
      .map((candidate) => candidate.detail?.receiverMessage);
    expect(messages).toContain(message);
  });

  it.each([
    // A reason phrase is no message of the receiver's own.
    ['on récupère une erreur 500 "Internal Server Error"'],
    // Python requests speaking for the sender.
    ['requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://hooks.example.com/x'],
    // A documentation list of statuses with their meanings.
    ['- 400 - The request is missing a required field\n- 401 - Your API key is invalid\n- 404 - The resource was not found'],
    // A class of statuses, not an answer.
    ['HTTP status 400-series errors are failures of the client'],
  ])('gives no message: %s', (text) => {
    expect(findAll(text).every((finding) => finding.detail?.receiverMessage === undefined)).toBe(true);
  });

  it('reads only right after the digits, not after a reason phrase', () => {
    const text = '400 Bad Request: the Zap is missing a required field';
    expect(plainAnswerAfter(text, text.indexOf('400') + 3)).toBe(null);
    expect(plainAnswerAfter('401 - the token is invalid', 3)).toBe('the token is invalid');
  });

  it('reads the words after a reason phrase and a colon when a log line carries the status', () => {
    const after = (text: string): string | null => wordsAfterReasonColon(text, text.search(/[45]\d\d/) + 3);
    expect(after('sync failed: unexpected status 403 Forbidden: project quota exceeded, url: https://api.example.test/v2')).toBe(
      'project quota exceeded',
    );
    expect(after('push error: code 404: Not Found: no such channel at /opt/app/lib/Push.pm line 88.')).toBe('no such channel');
    expect(after('Error: MAILER 422 Unprocessable Entity: recipient list must not be empty')).toBe('recipient list must not be empty');
    // The reason phrase may lie inside the status finding: the words are still read after it.
    const text = 'upload rejected: 413 Payload Too Large: attachment exceeds 10 MB limit';
    expect(wordsAfterReasonColon(text, text.indexOf('Large') + 5)).toBe('attachment exceeds 10 MB limit');
  });

  it("reads a body right below the response's header lines", () => {
    const curl =
      '$ curl -i https://hooks.example.test/in\n< HTTP/1.1 200 OK\n< Content-Type: text/plain\n\n{"error":"Your hook token is not valid."}';
    expect(answers(curl).map((answer) => answer.message)).toEqual(['Your hook token is not valid.']);
    const delivery =
      '# Delivery\nHeaders\nContent-Type: application/json\nServer: nginx\nBody\n{"error":"Hooks are ignored for this repo."}';
    expect(answers(delivery).map((answer) => answer.message)).toEqual(['Hooks are ignored for this repo.']);
    // The request's headers above the body it sends: no answer.
    const request = '# Sending\n> POST /in HTTP/1.1\n> Content-Type: application/json\n\n{"error":"Your hook token is not valid."}';
    expect(answers(request)).toEqual([]);
  });

  it("gives a body to the status a client's line below it tells", () => {
    const said = (text: string) => findAll(text).map((finding) => [finding.code, finding.detail?.receiverMessage]);
    expect(
      said(
        '# sync\n<Error><Code>AuthFailed</Code><Message>The signing key is not valid.</Message></Error>\n\nThe remote server returned an error: (401) Unauthorized.',
      ),
    ).toEqual([[401, 'The signing key is not valid.']]);
    expect(
      said('{"message":"No API key found in request"}\nFailed to load resource: the server responded with a status of 401 ()'),
    ).toEqual([[401, 'No API key found in request']]);
    // A status the writer tells further on is not the body's.
    expect(said('# sync\n{"message":"No API key found in request"}\nThen I changed the key and got 401')).toEqual([[401, undefined]]);
  });

  it('reads a body that calls itself an error by its type, with no words introducing it', () => {
    const text =
      '### Describe the bug\n{"type":"error","error":{"type":"permission_error","message":"Key cannot use this model"}}\n### Steps';
    expect(answers(text).map((answer) => answer.message)).toEqual(['Key cannot use this model']);
    // The same words with another type and no error key are no refusal of their own.
    expect(answers(text.replace('"type":"error","error"', '"type":"message","content"'))).toEqual([]);
  });

  it('reads a refusal that says the sender did not provide something', () => {
    const said = (text: string) =>
      findAll(text)
        .map((finding) => finding.detail?.receiverMessage)
        .filter(Boolean);
    expect(said('acme.errors.AuthenticationError: You did not provide a signing secret.')).toEqual([
      'You did not provide a signing secret.',
    ]);
    expect(said("acme.errors.AuthenticationError: You didn't provide a signing secret.")).toEqual(["You didn't provide a signing secret."]);
  });

  it("reads a client's print with a dash after the reason phrase, not the writer's sentence", () => {
    const after = (text: string): string | null => wordsAfterReasonColon(text, text.search(/[45]\d\d(?!.*[45]\d\d)/) + 3);
    expect(after('Hooks API error (409): 409 Conflict - Endpoint already registered')).toBe('Endpoint already registered');
    expect(after('sync failed: 403 Forbidden - Token is missing the hooks scope')).toBe('Token is missing the hooks scope');
    // The writer telling what happened, with the status in a sentence.
    expect(after('Then the error 403 Forbidden - Token is missing the hooks scope occurs.')).toBe(null);
  });

  it("reads the words after a client's label for the answer that follows the status", () => {
    const after = (text: string): string | null => plainAnswerAfter(text, text.search(/[45]\d\d/) + 3);
    expect(after('Error: status: 401, body: signature has expired')).toBe('signature has expired');
    expect(after('Error: 403 response returned: Missing hooks:write scope')).toBe('Missing hooks:write scope');
    // A label with a body after it is the body readers' to read.
    expect(after('Error: status: 401, body: {"error":"expired"}')).toBe(null);
  });

  it.each([
    // A row of a list or a title that opens with the status: the writer's description.
    ['- 401 Unauthorized: the key is missing or invalid'],
    ['403 Forbidden: the caller lacks the scope'],
    // Two statuses joined by the writer.
    ['we saw 502 Bad Gateway and 504 Gateway Timeout: both errors mean the upstream failed'],
    // A status quoted whole by the writer, and one inside a body's string.
    ['hooks fail with `400 Bad Request: invalid payload`'],
    ['{"meta": {"detail": "401 Unauthorized: invalid signature"}}'],
    // The writer speaking after the colon, and a reason phrase alone.
    ['call ended with 401 Unauthorized: I checked the key twice'],
    ['log: request 401 Unauthorized: Unauthorized'],
  ])('reads no words after the reason phrase of: %s', (text) => {
    expect(wordsAfterReasonColon(text, text.search(/[45]\d\d/) + 3)).toBe(null);
  });

  it('reads the line below a status that ends where a stack trace begins, a failing slug too', () => {
    const text = 'client.HttpStatusException: 410 Gone\nsubscription_expired\n\tat client.Hooks.post(Hooks.java:88)';
    expect(answerLineBelow(text, text.indexOf('Gone') + 4)).toBe('subscription_expired');
    // A slug that reports nothing is no answer; nor is a line the stack does not end.
    const calm = 'client.HttpStatusException: 410 Gone\nrequest_id_42\n\tat client.Hooks.post(Hooks.java:88)';
    expect(answerLineBelow(calm, calm.indexOf('Gone') + 4)).toBe(null);
  });

  it("reads a log's Body: line under the status's other labels", () => {
    const text = '[notify] Code: 403\n[notify] Message: Forbidden\n[notify] Body: workspace_is_suspended\n';
    expect(labelledBodyBelow(text, text.indexOf('403') + 3)).toBe('workspace_is_suspended');
    const plain = 'Status: 422\nBody: recipient list must not be empty';
    expect(labelledBodyBelow(plain, plain.indexOf('422') + 3)).toBe('recipient list must not be empty');
    // Prose between the status and the label: the body is not this status's.
    const prose = 'Status: 422\nI then changed the template and tried again.\nBody: recipient list must not be empty';
    expect(labelledBodyBelow(prose, prose.indexOf('422') + 3)).toBe(null);
  });

  it("reads each status's Body: line right when the statuses share a line, text after text", () => {
    const first = 'Code: 403 Code: 404\nBody: workspace_is_suspended';
    expect(labelledBodyBelow(first, first.indexOf('403') + 3)).toBe('workspace_is_suspended');
    expect(labelledBodyBelow(first, first.indexOf('404') + 3)).toBe('workspace_is_suspended');
    // The line end found for one text must not answer for the next, even at the same offsets.
    const next = 'Code: 403\nBody: channel_not_found\nCode: 404';
    expect(labelledBodyBelow(next, next.indexOf('403') + 3)).toBe('channel_not_found');
    expect(labelledBodyBelow(next, next.indexOf('404') + 3)).toBe(null);
    expect(labelledBodyBelow(first, first.indexOf('404') + 3)).toBe('workspace_is_suspended');
  });

  it('reads a quoted answer after the colon or after words that name it', () => {
    const at = (text: string): number => text.indexOf('40') + 3;
    const colon = 'Server responds with HTTP 400: "Invalid JSON payload received"';
    expect(plainAnswerAfter(colon, at(colon))).toBe('Invalid JSON payload received');
    const reading = 'The response is 401 reading `Authentication Error, invalid proxy token passed.`';
    expect(plainAnswerAfter(reading, at(reading))).toBe('Authentication Error, invalid proxy token passed.');
    const body = 'non-200 response 400 with body "token is invalid"';
    expect(plainAnswerAfter(body, body.indexOf('400') + 3)).toBe('token is invalid');
  });

  it('reads the words after the digits even when the status finding runs over them', () => {
    const text =
      '**Error Output**\n```\n401 Incorrect API key provided: hello. You can find your API key at https://example.com/keys.\n```';
    expect(findAll(text).map((finding) => finding.detail?.receiverMessage)).toContain('Incorrect API key provided: hello');
    const cjk = '调用接口返回 401 Invalid token），需要检查配置';
    expect(findAll(cjk).map((finding) => finding.detail?.receiverMessage)).toContain('Invalid token');
  });

  it.each([
    // A list of statuses with their meanings, a table of symptoms
    ['Error code Description\n400 Bad request.\n401 Unauthorized.\n403 Access denied.\n404 Not found.'],
    [
      '| Symptom | Fix |\n|---|---|\n| `401 Missing bearer token` | Set it. |\n| `403 Invalid token` | Rotate it. |\n| `500 Vector store upsert failed` | Restart. |',
    ],
    // What the status means, the client's own words, a page's markup, the writer naming the error
    ['the retried errors: 408 Request Timeout, 409 Conflict, 429 Rate Limit'],
    ['Getting 401 Client Error: Unauthorized for a valid key'],
    ['Retry after a 520 Origin Error</title></head> page'],
    ['Return a 401 Invalid Credentials error when a bad API key is sent'],
  ])('gives no plain message: %s', (text) => {
    expect(findAll(text).every((finding) => finding.detail?.receiverMessage === undefined)).toBe(true);
  });

  it('takes the quote that closes the status code span for no message', () => {
    const span = 'the API returns a bare `HTTP 401` when an access token is missing, invalid, or expired. The `WWW-Authenticate` header';
    expect(plainAnswerAfter(span, span.indexOf('401') + 3)).toBe(null);
  });

  it.each([
    ['调用 /v1/chat/completions 返回 `401 Invalid API key`。', 'Invalid API key'],
    ['Error: 403 Resource not accessible by integration', 'Resource not accessible by integration'],
    [
      '[API Error: 401 Incorrect API key provided: sk-abc***xyz. You can find your API key at https://x.test]',
      'Incorrect API key provided: sk-abc***xyz',
    ],
    ['# 401 JWT Token not found', 'JWT Token not found'],
    ['returns 401 invalid bearer token when called from n8n', 'invalid bearer token'],
  ])('reads the words right after a status: %s', (text, message) => {
    expect(wordsRightAfterStatus(text, text.search(/[45]\d\d/) + 3)).toBe(message);
  });

  it.each([
    'it returns 401 when the token is invalid',
    'we see 502 errors since Monday',
    'Hmmm 400 either means invalid payload, or invalid user.',
    'it returns 401 Unauthorized even if I provide the header',
    'CURL < HTTP/1.1 502 Fiddler - DNS Lookup Failed',
    'Using Bearer causes a 401 Unauthenticated error',
    'Http code: 400 curl-error: 0',
    '422 Validation Failed [{Resource:Hook Message:The URL is not valid}]',
  ])('leaves prose, status lines and bodies to their readers: %s', (text) => {
    expect(wordsRightAfterStatus(text, text.search(/[45]\d\d/) + 3)).toBe(null);
  });

  it('reads the answer a log calls the body, after the status and its reason phrase', () => {
    const log = 'filter external webhook response status: 400 body: invalid JSON payload module=filter';
    expect(answerAfterResponseWord(log, log.indexOf('400') + 3)).toBe('invalid JSON payload module=filter');
    const go = 'failed to send logs: 401 Unauthorized (body: token is invalid or expired)';
    expect(answerAfterResponseWord(go, go.indexOf('401') + 3)).toBe('token is invalid or expired');
  });

  it('quotes a long answer on one line up to the message limit', () => {
    const text = `GET https://api.github.com/repos/o/r/issues: 403 - You have exceeded a secondary rate limit. ${'Please wait. '.repeat(20)}`;
    const message = findAll(text).find((finding) => finding.code === 403)?.detail?.receiverMessage ?? '';
    expect(message.startsWith('You have exceeded a secondary rate limit. Please wait.')).toBe(true);
    expect(message.length).toBeLessThanOrEqual(200);
  });

  it('takes a line below the status only when it ends its block and is not the writer speaking', () => {
    const status = 'HTTP 401 Unauthorized';
    expect(answerLineBelow(`${status}\nInvalid credentials were given\n\nmore`, status.length)).toBe('Invalid credentials were given');
    expect(answerLineBelow(`${status}\nI think the token is invalid\n`, status.length)).toBe(null);
    expect(answerLineBelow(`${status}\nThe token is invalid and\nthe rest of my sentence`, status.length)).toBe(null);
    expect(answerLineBelow(`${status}\n{"message":"invalid"}`, status.length)).toBe(null);
  });

  it('skips a heading that repeats the reason phrase above the page sentence', () => {
    const status = '404 Not Found';
    const page = `${status}\nNot Found\nThis path could not be matched to any route.\``;
    expect(answerLineBelow(page, status.length)).toBe('This path could not be matched to any route.');
    // A first line that is no reason phrase is not a heading: the block is prose.
    expect(answerLineBelow(`${status}\nSo I checked\nthe route is not found anywhere\n`, status.length)).toBe(null);
  });

  it('reads the answer after "response:" that follows a status', () => {
    const text = 'POST https://hooks.example.com/x` resulted in a `410 Gone` response: subscription has expired. .';
    const end = text.indexOf('Gone') + 4;
    expect(answerAfterResponseWord(text, end)).toBe('subscription has expired.');
    expect(findAll(text).find((finding) => finding.code === 410)?.detail?.receiverMessage).toBe('subscription has expired.');
    // Words that report no failure, and a mere reason phrase, are no answer.
    expect(answerAfterResponseWord('`410 Gone` response: see below', 9)).toBe(null);
    expect(answerAfterResponseWord('`403` response: Forbidden', 4)).toBe(null);
  });

  it('tells a repeated status from a longer framework answer', () => {
    expect(repeatsStatus('Forbidden.')).toBe(true);
    expect(repeatsStatus('Bad Request')).toBe(true);
    expect(repeatsStatus('request entity too large')).toBe(false);
    expect(repeatsStatus('Invalid signature')).toBe(false);
  });

  it('takes three status rows for a list, two for a report', () => {
    expect(listsStatuses('403 - Authorization data is wrong!\n404 - The requested webhook is not registered')).toBe(false);
    expect(listsStatuses('* 400: missing field\n* 401: bad key\n* 404: no such hook')).toBe(true);
  });
});
