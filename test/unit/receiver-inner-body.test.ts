// A message that holds braces is read as the body it relays only when that body is an error's and
// nothing but a label stands around it; a payload the message talks about is no relayed answer.
import { describe, expect, it } from 'vitest';
import { findReceiverWords } from '../../src/engine/detect/receiver/receiver-words';

const messages = (text: string): string[] => findReceiverWords(text).map((words) => words.message);

describe('a body inside a message', () => {
  it('keeps the message that only names the payload it refused', () => {
    const text = String.raw`{"message":"Validation failed for payload {\"title\":\"Order 123\",\"description\":\"Refund\"}"}`;
    expect(messages(text)).toEqual([String.raw`Validation failed for payload {"title":"Order 123","description":"Refund"}`]);
  });

  it('reads through a relayed error body behind a short label', () => {
    const text = String.raw`{"message":"Upstream answered: {\"error\":\"Invalid callback url\"}"}`;
    expect(messages(text)).toEqual(['Invalid callback url']);
  });

  it('keeps the sentence around an error body that is more than a label', () => {
    const text = String.raw`{"message":"The request was rejected because the upstream body {\"error\":\"quota\"} was not accepted"}`;
    expect(messages(text)[0]).toMatch(/^The request was rejected/);
  });
});
