// The receiver's words on text nobody tuned for (session 14, the blind16 and blind15 sets read):
// success bodies that carry an error key, documented error formats, an SDK's repr of the
// response it got, a client's "failed (401): …" line and a status printed before words that
// address the caller.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';

const quoted = (text: string): string | undefined =>
  findAll(text).find((finding) => finding.detail?.receiverMessage)?.detail?.receiverMessage;

const eachGives = (cases: Array<[string, string]>): void => it.each(cases)('%s', (text, message) => expect(quoted(text)).toBe(message));

const eachSilent = (cases: string[]): void => it.each(cases)('%s', (text) => expect(quoted(text)).toBe(undefined));

const blanks = ' '.repeat(60_000);
const quotes = '"'.repeat(60_000);

/** Hostile page rows: each must finish (a regex that backtracks over them hangs the test). */
const eachFinishes = (cases: string[]): void =>
  it.each(cases)('a hostile row finishes: %#', (text) => {
    expect(() => findAll(text)).not.toThrow();
  });

describe('a body inside an SDK exception’s repr of the response', () => {
  eachGives([
    [
      `pyactiveresource.connection.UnauthorizedAccess: Response(code=401, body="b'{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}'", headers={'Connection': 'close'})`,
      '[API] Invalid API key or access token (unrecognized login or wrong password)',
    ],
    [
      `"exception": "pyactiveresource.connection.UnauthorizedAccess: Response(code=401, body=\\"b'{\\"errors\\":\\"[API] Invalid API key or access token\\"}'\\", headers={})"`,
      '[API] Invalid API key or access token',
    ],
  ]);
  // Code that builds a response still builds it, whatever its body says.
  eachSilent(['    return Response(status=401, body=\'{"errors":"Invalid API key or access token"}\')']);
  eachFinishes([
    `Failure: Response(code=401, body=${'\\"errors\\"'.repeat(10_000)}`,
    `${'"errors"'.repeat(10_000)}`,
    `"errors":${blanks}x`,
  ]);
});

describe('an error key whose value says nothing failed', () => {
  eachSilent([
    // Postmark's success answer always carries ErrorCode, 0 when all went well.
    'The API responded with:\n{"To": "a@b.c", "Message": "Message OK, but will not deliver to these inactive addresses: a@b.c", "ErrorCode": 0}',
    'The service returned:\n{"id": 7, "message": "Queued, but will not deliver to the inactive recipient", "errors": []}',
  ]);
  eachGives([
    [
      'The API responded with:\n{"To": "a@b.c", "Message": "Queued, but will not deliver to the inactive recipient", "ErrorCode": 406}',
      'Queued, but will not deliver to the inactive recipient',
    ],
  ]);
  eachFinishes([`{"Message": "${quotes}", "ErrorCode": 0}`]);
});

describe('a documented error format is nobody’s answer', () => {
  eachSilent([
    'Errors\nThe structure of the error response is the following:\n{\n"errors": [\n{\n"code": "error_code",\n"message": "Token is invalid"\n}\n]\n}',
    'Every error uses the same JSON envelope, so you can branch on a stable shape instead of parsing messages:\n{\n  "error": {\n    "type": "invalid_request_error",\n    "code": 400,\n    "message": "At least one of contact_name or contact_email is required"\n  }\n}',
    '概要\nエラー時は JSON が返ります。\nエラー形式\n{\n  "message": "アクセストークンが不正です",\n  "ctx_id": "xxxxxxxx"\n}\n  • 401: 認証情報が無効',
    'よくあるエラー(例:HTTP 400)\nエラーコード形式(例)\n{\n  "error": "invalid_token",\n  "error_description": "アクセストークンが不正です"\n}',
  ]);
  // "Instead of" names what is not done; a body after it is still read as an answer when the words say so.
  eachGives([
    [
      'We call the endpoint directly instead of using the SDK, and the response is:\n{"error": {"code": 400, "message": "At least one of contact_name or contact_email is required"}}',
      'At least one of contact_name or contact_email is required',
    ],
  ]);
  eachFinishes([
    `The structure of ${'the '.repeat(20_000)}\n{"error": {"message": "Token is invalid"}}`,
    `${'same '.repeat(20_000)}\n{"error": {"message": "Token is invalid"}}`,
    `(例${quotes}\n{"message": "invalid token"}`,
    `${'instead '.repeat(20_000)}\n{"error": {"message": "Token is invalid"}}`,
  ]);
});

describe('a client’s label, the status in parentheses, a colon and the words', () => {
  eachGives([
    ['Authentication failed (401): Invalid bearer token', 'Invalid bearer token'],
    ['Upload rejected (413): Attachment exceeds the maximum size', 'Attachment exceeds the maximum size'],
  ]);
  eachSilent(['We saw a 401 (401): see the notes below']);
  eachFinishes([`Authentication failed (401)${blanks}: Invalid bearer token`, `Authentication failed (401)${quotes}`]);
});

describe('a status that opens its line, then words addressing the caller', () => {
  eachGives([
    [
      "Error Output\n```\n401 You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).\n```",
      "You didn't provide an API key",
    ],
    ['send failed:\n  403 You must verify a sender identity before sending', 'You must verify a sender identity before sending'],
  ]);
  // In a sentence the "you" is the writer's reader.
  eachSilent(['The call then returns a 401 You must rotate the key first, says the guide']);
  eachFinishes([`401${blanks}You didn't provide an API key`, `${blanks}401 You${blanks}`]);
});

describe('a refused action is worded as a failure', () => {
  eachGives([['com.acme.sdk.ApiException: Account not authorized to call this resource', 'Account not authorized to call this resource']]);
  // A plain "Not authorized" only restates a 401; "not authorized to <act>" tells what was refused.
  eachSilent(['com.acme.sdk.ApiException: Not authorized']);
  eachFinishes([`com.acme.sdk.ApiException: ${'not authorized '.repeat(10_000)}`]);
});

describe('botocore relays the receiver after its own frame', () => {
  eachGives([
    [
      'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:iam::1234:user/ci is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::bucket/key"',
      'User: arn:aws:iam::1234:user/ci is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::bucket/key"',
    ],
    [
      'botocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the PutRecords operation (reached max retries: 4): Rate exceeded for stream events',
      'Rate exceeded for stream events',
    ],
  ]);
  eachFinishes([
    `botocore.exceptions.ClientError: An error occurred (${'A'.repeat(60_000)}`,
    `ClientError: ${'An error occurred (X) when calling the Y operation: '.repeat(2_000)}`,
  ]);
});

describe('an aside in parentheses after the words is no body', () => {
  eachGives([
    [
      "google.api_core.exceptions.PermissionDenied: 403 Permission 'resourcemanager.projects.get' denied on resource 'projects/alpha' (or it may not exist).",
      "Permission 'resourcemanager.projects.get' denied on resource 'projects/alpha'",
    ],
  ]);
  // A parenthesis that opens a quoted value or a labelled field holds a body: its words say it better.
  eachSilent(["Upload rejected 403 Quota exceeded for project ({'error': 'quota'})"]);
  eachFinishes([`403 Permission denied on resource (${blanks}x`, `403 Permission denied on resource (${quotes}`]);
});

describe('a body that does not read as an error belongs only to a status', () => {
  eachSilent([
    // A stand-in token in the command, and the success body it printed: nobody refused anything.
    '$ curl "https://notify.example.com/message?token=YOUR_TOKEN" -F "message=Hello"\n{"id":4,"appid":1,"message":"Right Token","title":"test"}',
  ]);
  eachGives([['HTTP/1.1 403\n{"message":"The user account was deactivated last week"}', 'The user account was deactivated last week']]);
  eachFinishes([`token=YOUR_TOKEN\n{"message":"${quotes}"}`]);
});

describe('a body pasted with curly quotes', () => {
  eachGives([
    [
      'Every call fails and I get the following error:\n\n{“status”:“error”,“message”:“Invalid API key provided for this portal.”,“correlationId”:“6828d000”}',
      'Invalid API key provided for this portal.',
    ],
  ]);
  eachFinishes([`{“message”:“${'a'.repeat(60_000)}`, `{“message”${'”'.repeat(60_000)}`, `“message”:${blanks}“x`]);
});

describe('a limit reached is worded as a failure', () => {
  eachGives([
    [
      "The calls start failing and you get the following error:\n{'status': 'error', 'message': 'You have reached your secondly limit.', 'errorType': 'RATE_LIMIT'}",
      'You have reached your secondly limit.',
    ],
  ]);
  // A limit the writer's own config sets is no refusal.
  eachSilent(['Our worker has reached the configured limit of 10 jobs and waits.']);
  eachFinishes([`{"message":"You have reached ${'your '.repeat(20_000)}"}`]);
});
