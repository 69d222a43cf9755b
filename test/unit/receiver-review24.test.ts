// Findings of the review of session 24's readers: refusals that read as success, real validation
// messages that read as a schema's placeholder, and a validation body whose entries read as a
// reference page. Each keeps its look-alike on the other side.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';
import { isFromReceiver } from '../../src/engine/detect/receiver/receiver-words-loose';

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

describe("a real validation message shaped like a schema's placeholder", () => {
  it.each([
    ['Message of type image is not supported'],
    ['Description for mailing is required'],
    ['Text for the front is too long.'],
    ['Message for recipient exceeds 160 characters'],
    ['error.auth.invalid_token'],
    ['validation.address.zip.invalid'],
  ])('is the receiver: %s', (message) => {
    expect(isFromReceiver(message)).toBe(true);
  });

  it.each([
    ['A description of the error'],
    ['Message about this failure'],
    ['Text here'],
    ['res.data.message'],
    ['e.response.data.error'],
    ['payload?.error?.message'],
  ])('a placeholder stays none: %s', (message) => {
    expect(isFromReceiver(message)).toBe(false);
  });
});

describe('a validation body listing several errors', () => {
  it('keeps its words in a log row: its entries are no reference page', () => {
    const row =
      'Address API returned 400 {"errors":[{"code":"invalid_zip","message":"Zip code is not valid"},{"code":"missing_state","message":"State is required"},{"code":"address_too_long","message":"Address line 1 is too long"}]}';
    expect(quoted(row)).not.toEqual([]);
  });
});

describe('a client narrating its status, in any case', () => {
  it.each([['Could not deliver to the hook. Status: 400'], ['CURL HTTP Request Failed: Status Code : 400'], ['STATUS CODE 502']])(
    'is not the receiver: %s',
    (message) => {
      expect(isFromReceiver(message)).toBe(false);
    },
  );
});
