// Findings of the review of session 24's readers: refusals that read as success, real validation
// messages that read as a schema's placeholder, and a validation body whose entries read as a
// reference page. Each keeps its look-alike on the other side.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';

const quoted = (text: string): (string | undefined)[] =>
  findAll(text)
    .map((finding) => finding.detail?.receiverMessage)
    .filter((message) => message !== undefined);

const answered = (message: string): string => `POST /hook returned 400\n{"message": ${JSON.stringify(message)}}`;

describe('a refusal worded with a success word', () => {
  it.each([
    ['Not accepted'],
    ['Payment was not accepted'],
    ['Message not sent'],
    ['Email not delivered'],
    ['Mailing could not be created.'],
    ['Event never delivered'],
    ['Unable to be queued'],
  ])('keeps its words: %s', (message) => {
    expect(quoted(answered(message))).toEqual([message]);
  });

  it.each([['OK'], ['Hook created'], ['Message accepted'], ['Email sent successfully']])('a success stays no answer: %s', (message) => {
    expect(quoted(answered(message))).toEqual([]);
  });
});
