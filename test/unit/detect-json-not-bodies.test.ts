// Brackets a careful reader does not take for a body that was sent or received: excerpts cut
// inside a string, a language's own notation, received answers shown broken (session 26).
import { describe, expect, it } from 'vitest';
import { detectJsonInText } from '../../src/engine/detect/json/json-in-text';

const reasons = (text: string) => detectJsonInText(text).map((finding) => finding.detail?.reason ?? '');

describe('an excerpt cut inside a string', () => {
  it.each([
    // https://github.com/TelegramBot/Api/issues/162 (shape)
    ['#0 BotApi.php(258): BotApi::curlValidate(Resource id #14, \'{"ok":false,"er...\')\n#1 next frame', 'a stack frame'],
    // https://github.com/krizalys/onedrive-php-sdk/issues/113 (shape)
    [
      'resulted in a `401 Unauthorized` response: {"error":"invalid_client","error_description":"Ensure the se (truncated...) in /x.php:113\nHow to fix it?',
      "Guzzle's cut",
    ],
    ['10:01 POST /hook body={"object":"block","type":"bull…\n10:02 next request', 'an ellipsis character'],
  ])('%s (%s) is no finding', (text) => {
    expect(reasons(text)).toEqual([]);
  });

  it('a body cut at its log line without an ellipsis is still found', () => {
    expect(reasons('10:01 POST /hook body={"a": 1, "b": "x\n10:02 next request')).toEqual([expect.stringMatching(/cut off/)]);
  });

  it('a closed string that holds an ellipsis does not hide the error', () => {
    expect(reasons('body: {"status": "Loading...", "a": 1,}')).toEqual([expect.stringMatching(/trailing comma/)]);
  });
});

describe("a language's own notation is no body", () => {
  it.each([
    // https://github.com/emqx/emqx/issues/3367 (shape): an Erlang term in a log line
    ['[WebHook] HTTP request error: {failed_connect, [{to_address,{"127.0.0.1",8080}}]}', 'an Erlang tuple'],
    ['headers: [{"Content-Type", "application/xml"}, {"Server", "AmazonS3"}], status_code: 403', 'Elixir tuples'],
    // https://github.com/intuit/oauth-jsclient/issues/77 (shape): Node's print of a response
    ["     json: { error: 'invalid_grant' },\n     intuit_tid: '6a11' }", "Node's print with single quotes"],
    ['  requestData: {\n    json: {\n      content: undefined,\n      tts: false,\n    },\n  }', "Node's print with undefined"],
  ])('%s (%s)', (text) => {
    expect(reasons(text)).toEqual([]);
  });

  it.each([
    ['a key with no colon before a value', 'payload: {"a" "b", "c": 1}', /missing colon/],
    ['a bare key with a double-quoted value', 'JSON body: {event: "signup"}', /unquoted key/],
    ['curl sends a bare key as written', `curl -d "{fetchUrl: 'https://x.example/feed.json'}" https://x.example`, /unquoted key/],
  ])('%s is still found', (_name, text, reason) => {
    expect(reasons(text)).toEqual([expect.stringMatching(reason)]);
  });
});

describe("a receiver's answer with a name or kind beside its words, shown with escapes lost", () => {
  it.each([
    // https://github.com/code-with-antonio/nextjs-next-auth-v5-masterclass/issues/35 (shape)
    'I get the following error in the logs at resend:\n`{\n  "name": "validation_error",\n  "message": "The "A" domain is not verified",\n  "statusCode": 403\n}`',
    // https://github.com/kubernetes-client/python/issues/1045 (shape)
    '> HTTP response body: {"kind":"Status","apiVersion":"v1","status":"Failure","message":"deployments "x" forbidden","reason":"Forbidden","code":403}',
  ])('%s', (text) => {
    expect(reasons(text)).toEqual([]);
  });

  it("an object whose keys are mostly not an answer's is still judged", () => {
    const text = 'it returned: {"name": "a", "city": "b", "zip": "c" "message": "x"}';
    expect(reasons(text)).toEqual([expect.stringMatching(/missing comma/)]);
  });
});

describe('an object in code: a call argument or an assignment in inline code', () => {
  it.each([
    // https://github.com/c410-f3r/wtx/issues/288 (shape): Rust's json! macro allows a trailing comma
    'send a json payload:\njson!({\n     "method": "SUBSCRIBE",\n     "id": 1,\n})',
    'we call JSON.stringify({"a": 1, "b": 2,}) before posting',
    // https://github.com/bladedoyle/grin_nicehash_defender/pull/2 (shape): a Python dict
    'Currently it prints `self.nicehash_auth = {"API_ID": None, "API_KEY": None}`.',
  ])('%s', (text) => {
    expect(reasons(text)).toEqual([]);
  });

  it('a body after a label inside parentheses is still judged', () => {
    expect(reasons('the hook failed (payload: {"a": 1,})')).toEqual([expect.stringMatching(/trailing comma/)]);
  });
});

describe("a body inside a single-quoted literal: the escapes are the literal's", () => {
  it('a Python bytes repr', () => {
    // https://github.com/tenable/integration-jira-cloud/issues/64 (shape)
    const text = `ERROR [400: PUT] https://x.example/issue/1 body=b'{"summary":"Field \\'f\\' cannot be set."}'`;
    expect(reasons(text)).toEqual([]);
  });

  it("a shell's single-quoted curl body keeps its escape error", () => {
    expect(reasons(`curl -d '{"a": "x\\'y"}' https://x.example`)).not.toEqual([]);
  });
});

describe('an answer cut where a Markdown title ends', () => {
  it('is the title stopping, not a body cut off', () => {
    // https://github.com/ThetaTau/CMT/issues/903 (shape)
    const text =
      '# APIError: Mailjet API response 401: { "ErrorCode": "mj-0001", "ErrorMessage": "Your account \n```\nTraceback (most recent call last):\n```';
    expect(reasons(text)).toEqual([]);
  });

  it('the same line in a log, not a title, is still a body cut off', () => {
    const text = 'ERROR response 401: { "ErrorCode": "mj-0001", "ErrorMessage": "Your account \n2024-01-01 next record';
    expect(reasons(text)).toEqual([expect.stringMatching(/cut off/)]);
  });
});
