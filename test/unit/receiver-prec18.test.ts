// The receiver's words in session 18's kinds.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';

const quoted = (text: string): string | undefined =>
  findAll(text).find((finding) => finding.detail?.receiverMessage)?.detail?.receiverMessage;

describe('a body that says the request could not be read', () => {
  it('quotes the message of a cut body', () => {
    const text =
      'The POST to /repos/acme/app/issues returned a 400 status, which raised a BadRequestException with a body of: {"message":"Problems parsing JSON';
    expect(quoted(text)).toBe('Problems parsing JSON');
  });
});
