// The receiver's words with no body around them: what an API client threw, an error code in snake
// case told as the answer, and the frames that make words a mere repeat of the status.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';
import { findThrownWords } from '../../src/engine/detect/receiver/receiver-words-thrown';
import { findAnswerSlug, slugAfterStatus } from '../../src/engine/detect/receiver/receiver-words-slug';
import { repeatsStatus } from '../../src/engine/detect/receiver/receiver-words-plain';
import { findReceiverWords } from '../../src/engine/detect/receiver/receiver-words';
import { findCueWords } from '../../src/engine/detect/receiver/receiver-words-cue';

const quoted = (text: string): string | undefined =>
  findAll(text).find((finding) => finding.detail?.receiverMessage)?.detail?.receiverMessage;

describe('messages an API client threw', () => {
  it.each([
    // Python SDK, namespaced class, request id before the message
    ["stripe.error.InvalidRequestError: Request req_VWVnx: No such customer: 'sub_JfZf'", "No such customer: 'sub_JfZf'"],
    // Error number in brackets
    ['DiscordAPIError[50006]: Cannot send an empty message\n    at handleErrors (index.js:687:13)', 'Cannot send an empty message'],
    // Ruby: the message in parentheses after the class, the SDK's own prefix dropped
    [
      "Twilio::REST::RestError (Unable to create record: The 'From' number +1555 is not a valid phone number.):",
      "The 'From' number +1555 is not a valid phone number.",
    ],
    // PHP: the class in brackets, the message on the next line
    [
      "  [Services_Twilio_RestException]   \n  The 'To' number +351 is not a valid phone number.  ",
      "The 'To' number +351 is not a valid phone number.",
    ],
    // The SDK's status prefix dropped
    [
      "twilio.base.exceptions.TwilioRestException: HTTP 400 error: Unable to create record: The 'To' number X is not a valid phone number.",
      "The 'To' number X is not a valid phone number.",
    ],
    ['openai.error.AuthenticationError: Incorrect API key provided: sk-ab***yz.', 'Incorrect API key provided: sk-ab***yz.'],
    // PHP's uncaught-exception print: a quoted class (PEAR-style or namespaced), the reason phrase an SDK prefixes dropped
    [
      "exception 'Acme_Invalid_ApiKey' with message 'Invalid Acme API key: abc' in /srv/vendor/acme/src/Acme.php:253",
      'Invalid Acme API key: abc',
    ],
    [
      "Error: exception 'Acme\\Models\\AcmeException' with message 'Unauthorized: Missing or incorrect API token in header.' in C:\\www\\Client.php:146",
      'Missing or incorrect API token in header.',
    ],
    // An SDK's chain of failures ending in the reason phrase and the body's message
    ['Error crawling url: start crawl job failed: Unauthorized: Invalid token', 'Invalid token'],
    // A Ruby SDK's namespaced class that names no API: the vendor's namespace makes it the SDK's
    [
      '`Acme::InvalidMessageError (No Account or Server API tokens were supplied in the HTTP headers.)`',
      'No Account or Server API tokens were supplied in the HTTP headers.',
    ],
    // A Rails log's dash between the class and the message; a failing code in snake case, quoted
    ['That results in `Acme::Web::Errors::ApiError - channel_is_archived`.', 'channel_is_archived'],
    ['acme.errors.SlackApiError: invalid_auth', 'invalid_auth'],
  ])('%s', (text, message) => {
    expect(findThrownWords(text).map((said) => said.message)).toEqual([message]);
  });

  it.each([
    // A runtime's own errors
    "TypeError: Cannot read properties of undefined (reading 'id')",
    'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)',
    // A client that could not connect, whatever its class says
    'System.Net.Http.HttpRequestException: No such host is known. (example.com:443)',
    'aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host example.com:443 ssl:default',
    'urllib3.exceptions.ConnectTimeoutError: connection timed out',
    // The client describing the status, not the receiver's words
    'AxiosError: Request failed with status code 400',
    'ServerRequestError: Received forbidden error (403). Login and try again.',
    'HTTPError: Response code 401 (Unauthorized)',
    // A body after the class is read as a body, not as words
    "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key'}}",
    // Not an error
    'WebhookClientError: Webhook delivered',
    // The writer's own server framework reporting a request it could not read
    "org.springframework.http.converter.HttpMessageNotReadableException: JSON parse error: Unexpected character (',' (code 44)): expected a value",
    // A chain whose link before the words is no reason phrase, or whose words are a connection's
    'sync failed: Worker: job was not found in queue',
    'upload failed: Service Unavailable: connection refused by upstream',
    // Rails' own exception, namespaced though it is
    'ActiveRecord::RecordInvalid (Validation failed: Email is invalid)',
    // PHP's own and a framework's exceptions, and a client that could not connect
    "exception 'InvalidArgumentException' with message 'Missing argument 2' in /srv/app.php:12",
    "exception 'Illuminate\\Database\\QueryException' with message 'Invalid column name' in /srv/app.php:12",
    "exception 'Acme\\ConnectException' with message 'Could not resolve host' in /srv/app.php:12",
    // A snake-case code that reports nothing, and a dash after a runtime's class
    'acme.errors.SlackApiError: request_id_42',
    'TypeError - cannot read property of undefined',
  ])('not the receiver: %s', (text) => {
    expect(findThrownWords(text)).toEqual([]);
  });

  it.each([
    'Failed to read HTTP message: org.springframework.http.converter.HttpMessageNotReadableException: JSON parse error: Cannot deserialize instance of `java.lang.String` out of START_ARRAY token',
    'But GitLab sent me this Error:\n\n`Hook execution failed: Net::ReadTimeout`\n\nHow can I fix this error?',
    // The SDK telling of the server in the third person
    '(irb):12:in `<main>`: Error message: the server returns an error (AcmeAPI::ApiError)\nHTTP status code: 400',
    'acme.errors.AcmeApiError: The request to the Acme API failed.',
  ])('the sender speaking, quoted nowhere: %s', (text) => {
    expect(quoted(text)).toBeUndefined();
  });

  it('gives way to the Python repr of the body the SDK printed, its slug a refusal', () => {
    const text =
      "acme.errors.AcmeApiError: The request to the Acme API failed.\nThe server responded with: {'ok': False, 'error': 'not_authed'}";
    expect(quoted(text)).toBe('not_authed');
  });

  it('stands alone when no status is given, and joins the status when one is', () => {
    expect(quoted('DiscordAPIError[50006]: Cannot send an empty message')).toBe('Cannot send an empty message');
    const [finding] = findAll(
      "[HTTP 400] Twilio\\Exceptions\\RestException: Unable to create record: The 'To' number +92 is not a valid phone number.",
    );
    expect(finding?.code).toBe(400);
    expect(finding?.detail?.receiverMessage).toBe("The 'To' number +92 is not a valid phone number.");
  });

  it('gives way to a body the text also holds', () => {
    const text =
      'Gibbon::MailChimpError: the server responded with status 400 @title="Member Exists", @detail="a@b.c is already a list member."';
    expect(quoted(text)).toBe('a@b.c is already a list member.');
  });
});

describe('error codes in snake case', () => {
  it.each([
    ['Slack webhook return **400** _missing_text_or_fallback_or_attachments_.', 'missing_text_or_fallback_or_attachments'],
    ['so Slack answers `400 invalid_payload` and nothing is posted', 'invalid_payload'],
    ['Slack Webhook returns HTTP 400, "invalid_content" due to invalid JSON', 'invalid_content'],
  ])('right after the status: %s', (text, slug) => {
    expect(quoted(text)).toBe(slug);
  });

  it.each([
    ['the response from slack seems to be `invalid_payload`.', 'invalid_payload'],
    ["4. And it returned 'invalid_payload'", 'invalid_payload'],
    ['without which we are getting `no_text` response from the api', 'no_text'],
    // After an error label, a note in parentheses may follow the slug.
    ['notifier.rb:29: The chat API returned an error: account_inactive (HTTP Code 403) (Notifier::APIError)', 'account_inactive'],
    ['Error:- Error:"invalid_grant", Description:"", Uri:""', 'invalid_grant'],
    // An error label: the slug on its line, or alone on the next
    ['# ERROR [ExceptionsHandler] An API error occurred: not_authed', 'not_authed'],
    ['[INFO] Connecting...\nError:\ninvalid_auth', 'invalid_auth'],
    ['Posting to the webhook results in this error: `missing_text_or_fallback`.', 'missing_text_or_fallback'],
  ])('told as the answer: %s', (text, slug) => {
    expect(findAnswerSlug(text)?.message).toBe(slug);
    expect(quoted(text)).toBe(slug);
  });

  it.each([
    // A code name in a config or in code, with no answer told
    'Set `no_proxy` to skip the proxy for local hosts.',
    'the following exception got triggered "authorization_header_missing"',
    // A body's own value: the body readers read bodies
    '{"error":{"type":"invalid_request_error","code":"parameter_invalid_integer"}} was the response',
    // An error type, not a message
    'the response type is `invalid_request_error`',
    // Not a failure
    'it returned `message_sent`',
    // A label on the line above other words, not alone before the slug
    'Error:\nset `invalid_ok` to false to retry',
  ])('not an answer: %s', (text) => {
    expect(findAnswerSlug(text)).toBeNull();
  });

  it('is not read after a status when the word reports nothing', () => {
    expect(slugAfterStatus('200 `request_id` abc', 3)).toBeNull();
    expect(slugAfterStatus('400 invalid_payload', 3)).toBe('invalid_payload');
  });
});

describe('a reason phrase with its number and frame', () => {
  it.each([
    '500: Internal Server Error',
    'Response code 401 (Unauthorized) Response code 401 (Unauthorized)',
    'HTTP/1.1 404 Not Found',
    'Forbidden.',
    '401',
  ])('repeats the status: %s', (message) => {
    expect(repeatsStatus(message)).toBe(true);
  });

  it.each([
    'request entity too large',
    'Error: Unauthorized webhook secret',
    'An internal server error occurred',
    'Internal Server Error with database',
  ])('says more: %s', (message) => {
    expect(repeatsStatus(message)).toBe(false);
  });
});

describe('keys and values written by other printers', () => {
  it.each([
    // PHP print_r
    ['it returns the error "Member Exists [status] => 400 [detail] => is already a list member"', 'is already a list member'],
    // Python 2 unicode strings
    ["{u'code': u'failure', u'data': [], u'message': u'Key Not Found In Database'}", 'Key Not Found In Database'],
    // A quoted value that wraps onto a second line (quoted with its spacing made one space)
    ['AnthropicError: {"type":"error","error":{"type":"authentication_error","message":"invalid\nx-api-key"}}', 'invalid x-api-key'],
  ])('%s', (text, message) => {
    expect(findReceiverWords(text).map((said) => said.message)).toContain(message);
  });

  it('reads a list of errors under another name, nested', () => {
    const body = {
      data: {
        webhookSubscriptionCreate: { webhookSubscription: null, userErrors: [{ field: ['callbackUrl'], message: 'Address is invalid' }] },
      },
    };
    expect(findReceiverWords(JSON.stringify(body)).map((said) => said.message)).toEqual(['Address is invalid']);
    const hubspot = {
      validationResults: [{ isValid: false, message: 'x was not one of the allowed options', name: 'size' }],
      message: 'Property values were not valid',
    };
    expect(findReceiverWords(JSON.stringify(hubspot)).map((said) => said.message)).toEqual(['x was not one of the allowed options']);
  });
});

describe('an error body no status owns', () => {
  it.each([
    // Saying itself that it failed, pasted on its own
    [
      '{"success":false,"message":null,"error":"Request from IP address 10.0.0.1 is not allowed."}',
      'Request from IP address 10.0.0.1 is not allowed.',
    ],
    // Saying itself that the call failed, whatever the words around it
    [
      'I use webhooks from Postman.\n\n{\n  "success": false,\n  "msg": "You don\'t have permission to use this action."\n}',
      "You don't have permission to use this action.",
    ],
    // Introduced as the answer, across a blank line and a fence
    ['Response-Body:\n\n```\n{"message": "Cannot send an empty message", "code": 50006}\n```', 'Cannot send an empty message'],
    // Escaped inside a string, near its status
    [
      'The API can return a response.body that looks like:\n\n"{\\"error\\": \\"Limit of webhooks exceeded.\\"}"\n\nWith HTTP code `429`.',
      'Limit of webhooks exceeded.',
    ],
    // An error type key makes it an error body; errorDescription is the more specific message
    ['returns\n{"message": "No stored query available for qid:16", "errorType": "Server error"}', 'No stored query available for qid:16'],
    ['Authorisation failed:\n{"errorMessage": "Authorization failed", "errorDescription": "Access token invalid"}', 'Access token invalid'],
  ])('%s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it.each([
    // An error body that only opens the text: a CLI chunk may start with the body of a status
    // in the chunk before, and the popup must judge it the same way (a body that is the whole
    // text is the answer: receiver-words.test.ts)
    '{"error":{"message":"Address cannot be any of the domains"}}\n2024-05-01 12:00:00 INFO next delivery queued',
    // A body told as a possibility, not as what came back
    'In case the error appears during payload generation, the response contains the errors, like below:\n\n```\n{"errors": [{"message": "Cannot return null for field x."}]}\n```',
    // A request sample further down the text
    'Here is my config:\n\nSome notes.\nMore notes.\n{"message": "Cannot send"}',
    // A success body pasted on its own
    '{"success": true, "message": "Webhook created"}',
  ])('no answer: %s', (text) => {
    expect(quoted(text)).toBeUndefined();
  });
});

describe('an HTML page answered with a status', () => {
  it.each([
    // Apache's 401 page: the paragraph, wrapped over lines
    [
      'Response: 401\n```\n<title>401 Unauthorized</title>\n</head><body>\n<h1>Unauthorized</h1>\n<p>This server could not verify that you are authorized to access the document\nrequested.</p>\n```',
      'This server could not verify that you are authorized to access the document requested.',
    ],
    // Django: the heading repeats the status, the paragraph says why
    [
      'we get a 403 due to the CSRF token:\n<h1>Forbidden <span>(403)</span></h1>\n  <p>CSRF verification failed. Request aborted.</p>',
      'CSRF verification failed. Request aborted.',
    ],
    // Express: the first line of the <pre>, entities decoded
    [
      'returned HTTP 413 <!DOCTYPE html><html><head><title>Error</title></head><body><pre>PayloadTooLargeError: request entity too large<br> &nbsp; &nbsp;at readStream (raw-body/index.js:155:17)',
      'PayloadTooLargeError: request entity too large',
    ],
    // A page escaped inside a JSON string
    [
      '{"errorMessage":"Request failed with status code 401","response":"<!doctype html>\\n<title>401 Unauthorized</title>\\n<h1>Unauthorized</h1>\\n<p>The server could not verify that you doesn&#39;t.</p>\\n"}',
      "The server could not verify that you doesn't.",
    ],
  ])('%s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it.each([
    // Only the reason phrase
    'HTTP 404\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>',
    // A page without a status is no answer: here it is the user's own markup
    '<p>Invalid email address, please try again.</p> is what my form shows',
  ])('no words: %s', (text) => {
    expect(quoted(text)).toBeUndefined();
  });
});

describe('a plain line the text calls the answer', () => {
  it.each([
    [
      'Then the server will respond:\n```\nerror evaluating hook: invalid payload signature <signature>\n```',
      'error evaluating hook: invalid payload signature <signature>',
    ],
    ['And getting back:\nRequest body must be a valid JSON array.\n\njayflo · comment', 'Request body must be a valid JSON array.'],
    [
      'take a look at the response body: it will read\n\n"Duplicated webhook. You already have one for this target."',
      'Duplicated webhook. You already have one for this target.',
    ],
    ['I get this response :\n"_a@b.net is already a list member._"\n\nWhen i try a PUT', 'a@b.net is already a list member.'],
    ['an error occurs:  "a@b.com is already a list member"', 'a@b.com is already a list member'],
    ['My error:\n`Error: a@b.hu is already a list member.`', 'a@b.hu is already a list member.'],
    // A result, a text coming back, a fenced block under "the error is:" or "the following error:"
    ['Example: curl -H "authToken: x" http://127.0.0.1:5000/api/users\nResult:\nUnauthorized Access\n', 'Unauthorized Access'],
    ['is coming back with \n\n``Bad payload received by generic incoming webhook.``', 'Bad payload received by generic incoming webhook.'],
    ['The error is:\n\n```\nInvalid API key supplied\n```', 'Invalid API key supplied'],
    [
      'The API server responds claiming the following:\n`Error: ERROR_INVALID_APIKEY: No APIKey provided, or it has expired.`',
      'ERROR_INVALID_APIKEY: No APIKey provided, or it has expired.',
    ],
    // An OAuth code before its description
    [
      'it will throw the following error:\n\n`invalid_grant: The provided grant is invalid or expired.`',
      'The provided grant is invalid or expired.',
    ],
  ])('%s', (text, message) => {
    expect(findCueWords(text)?.message).toBe(message);
  });

  it.each([
    // A heading, and a noun without its colon
    'Error Response\n\nIf authorization fails, the server will return an HTTP 401 response code.',
    'the middleware fails to parse it and return an error\n\nIf it is not a standard header it will not work.',
    // The sender's runtime, its connection, a mail server, the writer
    'I get the following error:\n```\nTypeError: Cannot read properties of undefined\n```',
    'I get the following error:\n```\ncurl: (7) Failed to connect to host port 443: Connection refused\n```',
    'I will get this error:\n5.7.8 Error: authentication failed: UGFzc3dvcmQ6\n\nTesting emails sent fine.',
    'The response:\nI think the token is wrong.\n',
    // The writer's own parser, and a script announced as "the following"
    'Produce the following error:\n` error calling function "parse": invalid character \'}\' looking for beginning of object key string`',
    'The following script:\n```\nthrow new Error("invalid token")\n```',
    // A line that runs on into more lines is no single answer
    'The response:\nInvalid token\nsecond line\nthird line',
    // The writer proposing wording
    'Shouldn\'t we say "Your input is not a valid JSON: [errorMsg]" as we can be sure at this point?',
  ])('not an answer: %s', (text) => {
    expect(findCueWords(text)).toBeNull();
  });
});

describe('a quote the text names the message', () => {
  it.each([
    [
      'If you submit invalid json to the API you get a 500 with a message "unable to decode request body".',
      'unable to decode request body',
    ],
    ['It was returning a flat 401 with the generic message `Invalid API key format` for org keys.', 'Invalid API key format'],
  ])('is the answer beside a status: %s', (text, message) => {
    expect(findCueWords(text, true)?.message).toBe(message);
  });

  it("is an app's own notice without one", () => {
    expect(findCueWords('paste the key into settings and get the message "That key was rejected, unauthorized."')).toBeNull();
  });
});

describe('a loosely written body with no status in the text', () => {
  it.each([
    // A JavaScript object print, read from the line that opens it, under the words that call it the error
    [
      "Getting this error:\n data: {\n      error: {\n        message: 'Incorrect API key provided: sk-ab***yz.',\n        type: 'invalid_request_error'\n      }",
      'Incorrect API key provided: sk-ab***yz.',
    ],
    // A Clojure map after the words that call it the error
    [
      'Trying above code getting following error:\n\n`{:error {:type "invalid_request_error", :message "Invalid API Key provided"}}`',
      'Invalid API Key provided',
    ],
    // The real answer after the expected one
    [
      'Expected result:\n\n<code>{\n  "error_description" : "Invalid username and password combination",\n  "error" : "invalid_grant"\n}</code>\n\nInstead, it only returns:\n\n<code>{\n  "error" : "invalid_grant"\n}</code>',
      'invalid_grant',
    ],
    // What a curl command printed
    ['$ curl --silent "$API_BASE_URL/me"\n{"error":"missing or invalid bearer token"}\n', 'missing or invalid bearer token'],
  ])('%s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

  it.each([
    // A body shown as what was expected, beside the real answer
    'I receive a malformed 502 error.\n\n<html><head><title>502 Bad Gateway</title></head></html>\n\n## Expected\n\nThe spec described a JSON body, with the given example:\n\n```\n{\n  "error": "Bad gateway message"\n}\n```',
    // A documented format whose message is a placeholder
    'When an API error occurs, a custom response should be returned, e.g.:\n\n```json\n{\n    "status": 500,\n    "message": "string"\n}\n```',
    '**For errors:**\nFrom: `{"error":{"error_code":400,"error_msg":"Test message"}}`',
    // A documentation diff whose path holds a cue word
    'source/reference/v2/orders-api/get-order.rst\n```diff\n+    "createdAt": "2019-01-15",\n+    "description": "Required quantity not in stock, refunding one photo book.",\n```',
    // Code that formats a message
    '```golang\n\tif err != nil {\n\t\treturn err\n\t}\n\tmessage := fmt.Sprintf("webhook sending failed with status: %s", status)\n```',
  ])('no answer: %s', (text) => {
    expect(quoted(text)).toBeUndefined();
  });
});

describe('words after a bracketed status', () => {
  it('are the answer, without the client frame', () => {
    const [finding] = findAll("```\n[HTTP 400] Unable to create record: The 'To' number +1 is not a valid phone number.\n```");
    expect(finding?.detail?.receiverMessage).toBe("The 'To' number +1 is not a valid phone number.");
  });

  it("are not the answer when they are the client's class of status", () => {
    expect(
      quoted('[400] Client error: `POST https://a.example.com/api/profiles/` resulted in a `400 Bad Request` response'),
    ).toBeUndefined();
  });
});
