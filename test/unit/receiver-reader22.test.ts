// Readers of the receiver's answer added in session 22, each with look-alikes of the same shape.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';
import { isErrorReferencePage } from '../../src/engine/detect/receiver/receiver-words-reference';
import { RUNTIME_PARSE_FAILURE } from '../../src/engine/detect/json/json-parse-errors';

const quoted = (text: string): (string | undefined)[] =>
  findAll(text)
    .map((finding) => finding.detail?.receiverMessage)
    .filter((message) => message !== undefined);

const codes = (text: string): (number | null)[] =>
  findAll(text)
    .filter((finding) => finding.kind === 'http')
    .map((finding) => finding.code);

describe("an API's error reference page", () => {
  const page = [
    'token_revoked',
    'HTTP Status: 401 Category: Authentication',
    'When you see this',
    'The token was revoked by an administrator.',
    'Example response',
    '{',
    '"error": {',
    '"code": "token_revoked",',
    '"message": "The token was revoked by an administrator."',
    '}',
    '}',
  ].join('\n');

  it('holds no receiver words, only the status it documents', () => {
    expect(isErrorReferencePage(page)).toBe(true);
    expect(quoted(page)).toEqual([]);
    expect(codes(page)).toContain(401);
  });

  it("is told by a page's heading and another part on a different line", () => {
    const text =
      '409 Conflict\nError code: 409\nThis error occurs when the event was already delivered.\nExample response\n{"message": "Duplicate delivery"}';
    expect(isErrorReferencePage(text)).toBe(true);
    expect(quoted(text)).toEqual([]);
  });

  it("is no page without a page's heading, however many other parts", () => {
    const text = 'Error code: 409\nThis error occurs when the event was already delivered.\nError message: Duplicate delivery';
    expect(isErrorReferencePage(text)).toBe(false);
  });

  it('reads no mark inside a quoted string of a logged body', () => {
    const log = 'Status code: 400\n{"error":"invalid_date","message":"Dates must be sent in the following format: YYYY-MM-DD"}';
    expect(isErrorReferencePage(log)).toBe(false);
    expect(quoted(log)).toContain('Dates must be sent in the following format: YYYY-MM-DD');
  });

  it.each([
    ['a capitalised My', 'My webhook stopped.'],
    ['the first person plural', 'We send every order to this endpoint.'],
    ["we're", "we're getting this on every send"],
  ])('is a report when the writer speaks of themselves: %s', (_shape, line) => {
    expect(isErrorReferencePage(`${line}\n${page}`)).toBe(false);
    // A body's own words ("we", "our") are not the writer's.
    expect(isErrorReferencePage(page.replace('administrator."', 'administrator. Contact us."'))).toBe(true);
  });

  it('keeps the words when a writer reports what they got under copied headings', () => {
    const report = `${page.replace('token_revoked\n', '# Sends stopped\nI rotated my key and now get this:\n')}`;
    expect(isErrorReferencePage(report)).toBe(false);
    expect(quoted(report)).toEqual(['The token was revoked by an administrator.']);
  });

  it('needs two lines: one heading that explains is no page', () => {
    const text = 'Webhook 401 – what this failure usually means\nPOST /hooks 401 {"error":"Signature header is missing"}';
    expect(isErrorReferencePage(text)).toBe(false);
    expect(quoted(text)).toContain('Signature header is missing');
  });

  it('leaves a delivery log with a status field and a body alone', () => {
    const log = 'Delivery 7f3a\nStatus code: 422\nResponse body: {"error":"campaign_id parameter is required"}';
    expect(isErrorReferencePage(log)).toBe(false);
    expect(quoted(log)).toEqual(['campaign_id parameter is required']);
  });
});

describe('a title with no body that makes an error its topic', () => {
  const network = (text: string): (string | null)[] =>
    findAll(text)
      .filter((finding) => finding.kind === 'network')
      .map((finding) => finding.problem);

  it('names the error: a pull request or commit known by its title', () => {
    expect(network('# added troubleshooting-entry for EHOSTUNREACH')).toEqual([]);
    expect(network('# One line warning about ETIMEDOUT')).toEqual([]);
    expect(network('# Docs regarding ECONNREFUSED')).toEqual([]);
  });

  it('is still a title alone with a trailing line break', () => {
    expect(network('# added troubleshooting-entry for EHOSTUNREACH\n')).toEqual([]);
    expect(network('# Docs regarding ECONNREFUSED\r\n\n')).toEqual([]);
    expect(network('# Webhook fails with ECONNREFUSED\n')).toEqual(['connection-refused']);
  });

  it('reports when the title says what happened, or a body follows', () => {
    expect(network('# Webhook fails with ECONNREFUSED')).toEqual(['connection-refused']);
    expect(network('# ECONNRESET for every delivery to our endpoint')).toEqual(['connection-reset']);
    expect(network('Deliveries stopped: error for EHOSTUNREACH')).toEqual(['host-unreachable']);
  });
});

describe('an error code in snake case that the writer got', () => {
  it('is the answer when named as the error, with a verb of receiving on its line', () => {
    expect(quoted('# Posting fails\nWhen running, getting `not_in_channel` error\nThe bot is installed.')).toEqual(['not_in_channel']);
    expect(quoted('# Bolt app\nWhen I call app.message() it is giving me "not_authed" error.')).toEqual(['not_authed']);
    expect(quoted('# Slack integration\nOn submit I get this error: `API error: “not_authed” /home/site/vendor/x.php`')).toEqual([
      'not_authed',
    ]);
  });

  it('is no answer in a rule, a glossary or a request', () => {
    expect(quoted('# Improve logs\nWhen receiving the `channel_not_found` error, log the channel id.')).toEqual([]);
    expect(quoted('# Errors\nThe `invalid_auth` error means the token was revoked.')).toEqual([]);
    expect(quoted('# Retry\nAvoid getting `rate_limited` errors by batching the calls.')).toEqual([]);
  });
});

describe("a client's exception that relays its parser failing on the answer", () => {
  it("is the sender's runtime, not the receiver", () => {
    expect(
      quoted('# bug\nIt fails with: `Error: SlackError: A request error occurred: Unexpected token \'o\', "ok" is not valid JSON`'),
    ).toEqual([]);
    expect(quoted("# Pull\nApiClientError: invalid character '<' looking for beginning of value")).toEqual([]);
  });

  it("keeps the receiver's own words in a client's exception", () => {
    const said = quoted('# bug\nIt fails with: `Error: SlackError: A request error occurred: channel_not_found`');
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('channel_not_found');
  });
});

describe('an error code in snake case told as a condition or a pointer (fix22)', () => {
  it.each([
    ['a condition on the verb', '# Tokens\nIf you get `invalid_auth` error, regenerate the token.'],
    ['a condition with its subject', '# Tokens\nIn case you ever receive `token_revoked` error, sign in again.'],
    ['a condition that starts with once', '# Setup\nOnce you see `not_in_channel` error, invite the bot.'],
    ['an imperative See', '# Errors\nSee `token_revoked` error for details.'],
    ['an imperative See after a sentence', '# Errors\nThe call fails. See `token_revoked` error for details.'],
  ])('is no answer: %s', (_shape, text) => {
    expect(quoted(text)).toEqual([]);
  });

  it.each([
    [
      'a report after a clause of its own',
      '# Posting fails\nWhen running, getting `not_in_channel` error\nThe bot is installed.',
      'not_in_channel',
    ],
    [
      'a long condition whose main clause reports',
      '# Bolt\nWhen I call the method on my app it is giving me "not_authed" error.',
      'not_authed',
    ],
    ['the writer seeing it', '# Sends stopped\nSince Monday I see `invalid_auth` error on every call.', 'invalid_auth'],
  ])('is the answer: %s', (_shape, text, slug) => {
    expect(quoted(text)).toEqual([slug]);
  });
});

describe("a runtime's JSON parser, one list for every reader (fix22)", () => {
  it.each([
    ['V8', `Unexpected token '<', "<html>" is not valid JSON`],
    ['Firefox', 'JSON.parse: unexpected character at line 1 column 1 of the JSON data'],
    ['Safari', 'JSON Parse error: Unexpected identifier "Bad"'],
    ['Python', 'Expecting value: line 1 column 1 (char 0)'],
    ['Go', "invalid character '<' looking for beginning of value"],
  ])("knows %s's words", (_runtime, message) => {
    expect(RUNTIME_PARSE_FAILURE.test(message)).toBe(true);
  });

  it("leaves an API's own words about JSON to the receiver", () => {
    expect(RUNTIME_PARSE_FAILURE.test('Problems parsing JSON')).toBe(false);
    expect(RUNTIME_PARSE_FAILURE.test('Invalid JSON payload')).toBe(false);
  });

  it("reads no receiver words in a client's exception that quotes Safari's parser", () => {
    expect(quoted('# Sync fails\nAuthError: JSON Parse error: Unexpected identifier "Bad"\n')).toEqual([]);
  });
});
