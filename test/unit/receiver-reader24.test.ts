// Readers of who speaks, added in session 24: words a client narrates, a schema's placeholder
// message, a success body beside a status, and pages that only talk about errors. Each has
// look-alikes of the same shape that must keep the receiver's words.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';
import { isFromReceiver } from '../../src/engine/detect/receiver/receiver-words-loose';
import { talkCue } from '../../src/engine/detect/shared/register';

const quoted = (text: string): (string | undefined)[] =>
  findAll(text)
    .map((finding) => finding.detail?.receiverMessage)
    .filter((message) => message !== undefined);

describe('a client narrating the status it got', () => {
  it.each([
    ['a status after "status:"', 'Could not deliver to the hook, status: 429'],
    ['an enum name after "status code"', 'A downstream call failed with status code TooManyRequests: TooManyRequests'],
    ['a bracketed status and name', 'Could not notify: HTTP request failed: [503:ServiceUnavailable]'],
    ['Spring\'s "for HTTP POST"', 'Server Error for HTTP POST "https://hooks.example.org/in"'],
  ])('is not the receiver: %s', (_shape, message) => {
    expect(isFromReceiver(message)).toBe(false);
  });

  it.each([
    ['a body message naming its own rule', 'Subscription status must be active to send'],
    ['a status word inside a sentence', 'The campaign status code field is required'],
    ['a bracketed list that is no status', 'Invalid recipients: [a@example.org]'],
  ])('stays the receiver: %s', (_shape, message) => {
    expect(isFromReceiver(message)).toBe(true);
  });

  it("drops a client's narration that a body holds, and keeps a receiver's own message", () => {
    const narrated = 'Delivery failed with 502\n{"message": "Unable to post to hook: HTTP request failed: [502:BadGateway]"}';
    expect(quoted(narrated)).toEqual([]);
    const own = 'Delivery failed with 502\n{"message": "Relay rejected the sender: domain not verified"}';
    expect(quoted(own)).toEqual(['Relay rejected the sender: domain not verified']);
  });
});

describe("a schema's placeholder message", () => {
  it.each([
    ['Human-readable message'],
    ['A short description of the error'],
    ['Message describing what went wrong'],
    ['error message goes here'],
    ['err?.response?.data?.message'],
    ['error.response.data.message'],
  ])('is no answer: %s', (message) => {
    expect(isFromReceiver(message)).toBe(false);
  });

  it.each([['Message rejected: sender not verified'], ['Description is too long (max 255 characters)'], ['api.example.org is down']])(
    'keeps a real message of the same words: %s',
    (message) => {
      expect(isFromReceiver(message)).toBe(true);
    },
  );

  it('reads no words from a documented error body with a placeholder message', () => {
    const doc =
      'HTTP/1.1 422 Unprocessable Entity\n{\n  "error": {\n    "message": "Human-readable message",\n    "code": "E_INPUT"\n  }\n}';
    expect(quoted(doc)).toEqual([]);
  });
});

describe('a success body beside a failing status', () => {
  it('is not the answer of the failure', () => {
    const text = 'The hook fails with 502 from the relay.\nCalling the URL by hand gives {"message":"OK"}';
    expect(quoted(text)).toEqual([]);
  });

  it('leaves an error body after the same status its words', () => {
    const text = 'The hook fails with 502 from the relay.\nCalling the URL by hand gives {"message":"Relay not configured"}';
    expect(quoted(text)).toEqual(['Relay not configured']);
  });
});

describe('a page that only talks about errors', () => {
  const explainer = [
    'Why does a webhook say "Signature mismatch"?',
    '',
    'Answer:',
    '',
    'A common error developers encounter is "Signature mismatch". APIs answer it, for instance',
    '{"error": {"message": "Signature mismatch: check your signing secret"}}, when the payload was changed after signing.',
  ].join('\n');

  it('is read as an explainer, and its sample body quotes nobody', () => {
    expect(talkCue(explainer)).toBe('explainer');
    expect(quoted(explainer)).toEqual([]);
  });

  it('keeps the words when the writer got them', () => {
    const report = explainer.replace('A common error developers encounter is', 'I get');
    expect(talkCue(report)).toBeNull();
    expect(quoted(report)).toEqual(['Signature mismatch: check your signing secret']);
  });
});

describe('a body field that restates its status with the number', () => {
  it("is the receiver's answer in its own format", () => {
    expect(quoted('Posting the alert fails:\nHTTP 401 Unauthorized, {"code": 0, "message": "401: Unauthorized"}')).toEqual([
      '401: Unauthorized',
    ]);
  });

  it("is not when the field holds a client's bare status line", () => {
    expect(quoted('Posting the alert fails:\nHTTP 401, {"message": "HTTP/1.1 401 Unauthorized"}')).toEqual([]);
  });
});
