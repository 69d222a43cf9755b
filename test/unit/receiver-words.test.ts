// The receiver's own words: error bodies in a text give their message (redacted) and the field
// they blame to the finding they belong to, whatever the receiver's format.
import { describe, expect, it } from 'vitest';
import { findReceiverWords } from '../../src/engine/detect/receiver/receiver-words';
import { findAll } from '../../src/engine/find';
import { diagnoseText } from '../../src/engine';

const said = (text: string) => findReceiverWords(text).map(({ message, field }) => ({ message, field }));

describe('messages of error bodies, generically', () => {
  it.each([
    [
      '{"error":{"title":"ValidationError","message":"campaign_id parameter is required"}}',
      'campaign_id parameter is required',
      'campaign_id',
    ],
    ['{"message":"invalid x-api-key"}', 'invalid x-api-key', 'x-api-key'],
    [
      '{"errors":[{"status":"422","detail":"email is invalid","source":{"pointer":"/data/attributes/email"}}]}',
      'email is invalid',
      'email',
    ],
    [
      '{"error":{"message":"No such customer: \'cus_123\'","param":"customer","type":"invalid_request_error"}}',
      "No such customer: 'cus_123'",
      'customer',
    ],
    ['{"detail":[{"loc":["body","postal_code"],"msg":"field required","type":"value_error.missing"}]}', 'field required', 'postal_code'],
    ['{"errors":{"email":["has already been taken"]}}', 'email has already been taken', 'email'],
    ['{"error":"invalid_grant","error_description":"Token has expired"}', 'Token has expired', undefined],
    ['{"errors":["Recipient address is missing"]}', 'Recipient address is missing', 'address'],
  ])('%s', (text, message, field) => {
    expect(said(text)).toEqual([{ message, field }]);
  });

  it.each([
    // Capitalised keys of .NET and WeChat-style bodies, a SOAP fault's string, a key ending in Message
    ['{"Message":"Authorization has been denied for this request."}', 'Authorization has been denied for this request.'],
    ['{"errcode":40001,"errmsg":"invalid credential, access_token is invalid"}', 'invalid credential, access_token is invalid'],
    ['{"faultstring":"Unauthorized - One of Token or API key required."}', 'Unauthorized - One of Token or API key required.'],
    ['{"errorCode":"85","userMessage":"The key provided is not valid."}', 'The key provided is not valid.'],
    // An error's description says more than the wrapper message beside it
    ['{"errorMessage":"Authorization failed","errorDescription":"Access token invalid"}', 'Access token invalid'],
    // An error object nested under another object
    [
      '{"meta":{"status_code":403},"results":{"error":{"type":"KeyError","message":"\'abc\' is not a valid key"}}}',
      "'abc' is not a valid key",
    ],
  ])('%s', (text, message) => {
    expect(said(text).map((words) => words.message)).toEqual([message]);
  });

  it('ignores bodies without a message, structured log lines and invalid JSON', () => {
    expect(said('{"id": 12, "status": "sent"}')).toEqual([]);
    expect(said('{"level":"error","msg":"request failed","error":"connect: connection refused"}')).toEqual([]);
    expect(said('{"message": "x",}')).toEqual([]);
  });

  it('never quotes a secret', () => {
    const secret = 'sk_live_51HcFakeFakeFake0123456789abcdef';
    expect(JSON.stringify(said(`{"message":"Invalid API key provided: ${secret}"}`))).not.toContain(secret);
  });
});

describe('error bodies that are not JSON', () => {
  it.each([
    // https://github.com/openai/openai-python (Python dict print)
    [
      "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-abc***xyz.', 'type': 'invalid_request_error'}}",
      'Incorrect API key provided: sk-abc***xyz.',
    ],
    // JavaScript object print
    ["data: {\n  error: {\n    message: 'Invalid token supplied',\n    type: 'auth'\n  }\n}", 'Invalid token supplied'],
    // Unquoted keys and values
    ['Error code: 401 - {type: error, error: {type: authentication_error, message: invalid x-api-key}}', 'invalid x-api-key'],
    // Clojure map print
    ['{:error {:type "invalid_request_error", :message "Invalid API Key provided"}}', 'Invalid API Key provided'],
    // A body escaped inside a string
    [
      'Some("{\\n  \\"error\\": {\\n    \\"message\\": \\"Missing bearer or basic authentication in header\\",',
      'Missing bearer or basic authentication in header',
    ],
    // A body cut short
    [
      '{\n  "error": {\n    "code": 400,\n    "message": "API key not valid. Please pass a valid API key.",\n    "status": "INVALID_ARG',
      'API key not valid. Please pass a valid API key.',
    ],
    // A Go struct print, capitalised keys inside it
    [
      "422 Validation Failed [{Resource:Hook Field: Code:custom Message:The URL you've entered is not valid}]",
      "The URL you've entered is not valid",
    ],
    // Failures worded as a negation, a plea, a requirement or an absence
    [
      "{ status: 400, message: 'The number +1555 is unverified. Trial accounts may only call verified numbers.' }",
      'The number +1555 is unverified. Trial accounts may only call verified numbers.',
    ],
    ['body: \'{\\r\\n\' +\n  \'  "message": "Requires authentication",\\r\\n\' +', 'Requires authentication'],
    ['"code": "E_UNAUTHORIZED",\n "message": "No auth token",', 'No auth token'],
    [
      '{ "ErrorCode":10, "Message":"Please do not include Account API Token for Server API Token calls." }',
      'Please do not include Account API Token for Server API Token calls.',
    ],
    // A truncated body: the error description after the wrapper's message is the receiver's
    [
      '{\n  "errorMessage": "Authorization failed - please check your credentials",\n  "errorDescription": "Access token invalid",',
      'Access token invalid',
    ],
    // A snake-case code under an error key, beside a description that only names the status
    ["{u'error_description': u'Bad Request', u'error': u'invalid_grant'}", 'invalid_grant'],
    // Rate limits, mismatches and a Chinese message are errors too
    [
      "{ status: 429, detail: 'Request was throttled. Expected available in 1 second.' }",
      'Request was throttled. Expected available in 1 second.',
    ],
    ["{'errcode': 310000, 'errmsg': 'sign not match'}", 'sign not match'],
    ['{ detail: "Not authenticated" }', 'Not authenticated'],
    ["{'error': {'message': '无效的令牌', 'type': 'auth'}}", '无效的令牌'],
  ])('%s', (text, message) => {
    expect(findReceiverWords(text).map((said) => said.message)).toContain(message);
  });

  it('gives one message per body: the first that says what failed, not its nested copies', () => {
    // An escaped body whose errors[] repeat a shorter message, and a generic top-level message
    const escaped =
      '{ "message": "{\\n  \\"error\\": {\\n    \\"code\\": 401,\\n    \\"message\\": \\"Request had invalid authentication credentials.\\",\\n    \\"errors\\": [\\n      {\\n        \\"message\\": \\"Invalid Credentials\\",';
    expect(said(escaped).map((words) => words.message)).toEqual(['Request had invalid authentication credentials.']);
    const generic = "{ message: 'Validation Error', details: [{ param: 'ListingId', description: 'ListingId is required' }] }";
    expect(said(generic).map((words) => words.message)).toEqual(['ListingId is required']);
  });

  it('takes a quoted reason phrase as a body field, but a message that says more first', () => {
    expect(said("Error: { status: 401, details: 'Forbidden', type: 'MailgunAPIError' }").map((w) => w.message)).toEqual(['Forbidden']);
    // A body cut short, so it is read loosely: its message says more than its `error`.
    expect(
      said('{"data":null,"error":{"statusCode":400,"error":"Bad Request","message":"Unable to decode token","meta').map((w) => w.message),
    ).toEqual(['Unable to decode token']);
  });

  it.each([
    // OkHttp's response print: the client's reason phrase, unquoted.
    'Unexpected response code (protocol=http/1.1, code=401, message=Unauthorized, url=https://example.test/api)',
    'Error: Failed to create gist, response status code: 401, status message: Unauthorized',
    // An OAuth description that only repeats the status.
    "{u'error_description': u'Bad Request', u'error': u'invalid_grant'",
  ])('a reason phrase that is no body field is no message: %s', (text) => {
    expect(said(text).map((w) => w.message)).not.toContain('Unauthorized');
    expect(said(text).map((w) => w.message)).not.toContain('Bad Request');
  });

  it.each([
    ['Request failed: 401 {"ok":false,"error_code":401,"description":"Unauthorized"}', 'Unauthorized'],
    // Escaped inside a logged string, and as Python prints the dictionary
    ['response_body\n"{\\"ok\\":false,\\"error_code\\":404,\\"description\\":\\"Not Found\\"}"', 'Not Found'],
    ["WARNING [telegram] {u'error_code': 401, u'ok': False, u'description': u'Unauthorized'}", 'Unauthorized'],
  ])('takes a description that repeats the status when its body calls itself failed: %s', (text, message) => {
    expect(said(text).map((w) => w.message)).toEqual([message]);
  });

  it.each([
    '"responses": {"401": {"description": "Unauthorized"}, "403": {"description": "Forbidden"}}',
    'responses:\n  \'401\':\n    description: "Unauthorized"\n  \'404\':\n    description: "Not Found"',
    // Cut short, so read loosely: a body that says it worked
    '{"success": true, "description": "Not Found", "items": [',
  ])('a description of a status in a spec or a body that did not fail is no message: %s', (text) => {
    expect(said(text)).toEqual([]);
  });

  it.each([
    // A gateway relays the receiver's body as its own message string
    ['{"message": "{\\"error\\":{\\"message\\":\\"Missing Authentication header\\",\\"code\\":401}}"}', 'Missing Authentication header'],
    ['{"error": "[\\"{\\\\\\"error\\\\\\":\\\\\\"Invalid url given\\\\\\"}\\"] with root cause"}', 'Invalid url given'],
    // Braces that hold no body stay part of the words
    ['{"error": {"message": "Field {name} is required"}}', 'Field {name} is required'],
  ])('reads a body relayed whole as a message through to its words: %s', (text, message) => {
    expect(said(text).map((w) => w.message)).toEqual([message]);
  });

  it.each([
    'MESSAGE: The server has encountered an error.',
    "I get the error Message: b '<urlopen error wrong version number>' when I click the button",
  ])('a capitalised label of a log line or a sentence is no body: %s', (text) => {
    expect(findReceiverWords(text)).toEqual([]);
  });

  it.each([
    "res.status(200).json({ message: 'Webhook received successfully!' });",
    '**Error message:** `` net/http: request canceled ``',
    "message: 'Tentativa 1/10 falhou: Request failed with status code 404'",
    '{"error": "Get https://rsshub.app/zzz: net/http: request canceled (Client.Timeout exceeded)"}',
    '"message": "{description}"',
    // Words that report no failure, an absence included
    '"message": "No new messages since yesterday"',
  ])('not from a receiver: %s', (text) => {
    expect(findReceiverWords(text)).toEqual([]);
  });
});

describe('the finding a message belongs to', () => {
  it('is the status before it on the line or a few lines before', () => {
    const text = 'POST https://api.example.com/v1/x -> HTTP 422\n{"error":{"message":"campaign_id parameter is required"}}';
    const [finding] = findAll(text);
    expect(finding?.code).toBe(422);
    expect(finding?.detail).toMatchObject({ receiverMessage: 'campaign_id parameter is required', field: 'campaign_id' });
  });

  it('is the status inside the body', () => {
    const [finding] = findAll('{"status": 401, "error": {"message": "Invalid token"}}');
    expect(finding?.code).toBe(401);
    expect(finding?.detail?.receiverMessage).toBe('Invalid token');
  });

  it('is nothing when the body is far from any finding', () => {
    const text = `HTTP 500 Internal Server Error\n${'noise\n'.repeat(10)}{"message":"unrelated"}`;
    expect(findAll(text).every((finding) => finding.detail?.receiverMessage === undefined)).toBe(true);
  });

  it('is the answer itself when an error body is all the text holds under its title', () => {
    const quoted = (text: string) => findAll(text).map((finding) => finding.detail?.receiverMessage);
    expect(quoted('# API not working\n`{"error":"The access token is invalid"}`')).toEqual(['The access token is invalid']);
    expect(quoted('# Not authenticated\n{\n    "detail": "Not authenticated"\n}\n\nWhy does it return this?')).toEqual([
      'Not authenticated',
    ]);
    // Without a title it may be a CLI chunk that opens with the body of a status in the chunk
    // before, unless the body calls itself a failure; with log lines after it, it is one
    expect(quoted('{ "error": { "type": "authentication_error", "message": "Invalid API key." } }')).toEqual([]);
    expect(quoted('{ "type": "error", "error": { "type": "authentication_error", "message": "Invalid API key." } }')).toEqual([
      'Invalid API key.',
    ]);
    expect(quoted('# Sync\n{"error":"The access token is invalid"}\nINFO retrying\nINFO retrying again\nINFO gave up')).toEqual([]);
  });

  it('is nothing on the lines a diff adds or removes', () => {
    const quoted = (text: string) => findAll(text).map((finding) => finding.detail?.receiverMessage);
    const docs = '````diff\n@@ -438,7 +438,7 @@ Content-Type: application/json\n-HTTP/1.1 400 BAD REQUEST\n+HTTP/1.1 403 BAD REQUEST\n````';
    expect(quoted(docs).every((message) => message === undefined)).toBe(true);
    const code = '```diff\n+ if (res.status !== 200) {\n+   return { success: false, message: "Webhook not found" };\n+ }\n```';
    expect(quoted(code)).toEqual([]);
  });

  it("passes over a client's message that names the status code, for the body after it", () => {
    const text =
      'JiraException Object\n(\n    [message:protected] => CURL HTTP Request Failed: Status Code : 400, URL:https://example.atlassian.net/rest/api/2/issue\nError Message : {"errorMessages":[],"errors":{"summary":"Field \'summary\' cannot be set."}}\n    [code:protected] => 400';
    const quoted = findAll(text).find((finding) => finding.detail?.receiverMessage !== undefined)?.detail?.receiverMessage;
    expect(quoted).toContain("Field 'summary' cannot be set.");
  });

  it("is nothing for the message of the sender's runtime's own error object", () => {
    const text = "Error details: {\n  name: 'TypeError',\n  message: 'fetch failed',\n  cause: AggregateError\n}";
    expect(findReceiverWords(text)).toEqual([]);
    // A receiver's error printed by its SDK keeps its words.
    expect(findReceiverWords("{\n  name: 'AcmeApiError',\n  message: 'Invalid webhook token'\n}").map((said) => said.message)).toEqual([
      'Invalid webhook token',
    ]);
  });

  it("is nothing for a body the writer's own code builds or throws", () => {
    for (const text of [
      '+            return jsonify({"error": "Missing X-Acme-Signature header"}), 401',
      "    return res.status(401).json({ error: 'Invalid webhook signature' });",
    ]) {
      expect(findAll(text).some((finding) => finding.detail?.receiverMessage !== undefined)).toBe(false);
    }
    // Nor is the body a curl command sends.
    const sent =
      'curl -X POST https://hooks.example.com/in \\\n  -H "Authorization: Basic: credentials" \\\n  -d \'{\n  "title": "Test Request 001"\n}\'';
    expect(findAll(sent).some((finding) => finding.detail?.receiverMessage !== undefined)).toBe(false);
    // The same body printed as what came back is the answer.
    const printed = findAll('The API returned 401 {"error": "Missing X-Acme-Signature header"}');
    expect(printed.find((finding) => finding.code === 401)?.detail?.receiverMessage).toBe('Missing X-Acme-Signature header');
  });

  it('is nothing for a WWW-Authenticate challenge the text proposes, something for one it reports', () => {
    const quoted = (text: string) => findAll(text).map((finding) => finding.detail?.receiverMessage);
    const proposed =
      '401 responses where the token expired should include information.\n```\n401 \nWWW-Authenticate: Bearer error="invalid_token" error_description="Access token is expired"\n```';
    expect(quoted(proposed).every((message) => message === undefined)).toBe(true);
    const reported =
      'curl -i https://api.example.com/me\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"';
    expect(quoted(reported)).toContain('The access token expired');
  });

  it('is the status a few headers and a fence above an error body', () => {
    // https://github.com/metaps/genova/issues/40 (shape)
    const text =
      'Status Code: 401\n\n**Error Output**\nContent-Type: application/json\nServer: nginx\n```\n{"type":"authentication_error","message":"invalid x-api-key"}\n```';
    expect(findAll(text)[0]?.detail?.receiverMessage).toBe('invalid x-api-key');
  });

  it('is the status that runs into the body', () => {
    const [finding] = findAll('[ANTHROPIC] 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}');
    expect(finding?.detail?.receiverMessage).toBe('invalid x-api-key');
  });

  it('is nothing for a success body further down', () => {
    const text = `HTTP 500 Internal Server Error\n${'noise\n'.repeat(6)}{"message":"Webhook received"}`;
    expect(findAll(text).every((finding) => finding.detail?.receiverMessage === undefined)).toBe(true);
  });

  it('is nothing for the message of a structured log line, parsed or not', () => {
    const line = '{"level":"warn","time":"2025-01-02T03:04:05Z","message":"http: TLS handshake error from 10.1.2.3:4000: EOF"}';
    const findings = findAll(`The server logs this:\n\`\`\`\n${line}\n\`\`\``);
    expect(findings.map((finding) => finding.problem)).toEqual(['tls-handshake']);
    expect(findings.every((finding) => finding.detail?.receiverMessage === undefined)).toBe(true);
    // The same words in a receiver's body are its answer.
    const body = 'HTTP 400 {"message":"the signature header is invalid"}';
    expect(findAll(body)[0]?.detail?.receiverMessage).toBe('the signature header is invalid');
  });

  it('flows into the diagnosis', () => {
    const [item] = diagnoseText('HTTP 403 Forbidden {"message":"invalid x-api-key"}');
    expect(item?.diagnosis.receiver).toEqual({ message: 'invalid x-api-key', field: 'x-api-key' });
  });
});
