// The receiver's words in session 18's kinds: a status with its reason in parentheses before the
// message an SDK relays, a body that says it could not read the request, and a runtime's deadline,
// which no receiver said.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';

const quoted = (text: string): string | undefined =>
  findAll(text).find((finding) => finding.detail?.receiverMessage)?.detail?.receiverMessage;

describe('a status and its reason in parentheses before the relayed message', () => {
  it.each([
    [
      'acme.client.AcmeForbiddenException: 403 (forbidden): Access to billing data is denied for this key.',
      'Access to billing data is denied for this key.',
    ],
    ['shop_sdk.ApiRequestException: Too Many Requests (429): Quota exceeded for this project.', 'Quota exceeded for this project.'],
  ])('%s', (text, message) => expect(quoted(text)).toBe(message));
});

describe('a body that says the request could not be read', () => {
  it('quotes the message of a cut body', () => {
    const text =
      'The POST to /repos/acme/app/issues returned a 400 status, which raised a BadRequestException with a body of: {"message":"Problems parsing JSON';
    expect(quoted(text)).toBe('Problems parsing JSON');
  });
});

describe('a deadline is the sender’s timeout, not the receiver speaking', () => {
  it('leaves a deadline after a reason phrase in a chain of failures alone', () => {
    expect(quoted('Notify failed: Service Unavailable: context deadline exceeded')).toBe(undefined);
  });

  it('still quotes words after the same reason phrase', () => {
    expect(quoted('Notify failed: Service Unavailable: no healthy upstream available')).toBe('no healthy upstream available');
  });
});
