import { describe, expect, it } from 'vitest';
import { redactSecretsInText } from '../../src/engine/redact';

const SECRET = 'q7Zx9Wv2Lm4K';

describe('redactSecretsInText after the second review of attack27', () => {
  it.each<[string, string]>([
    ['a Python repr of a token', `<Token: ${SECRET}>`],
    ['a header in angle brackets', `<X-Api-Key: ${SECRET}>`],
    ['a name=value pair in angle brackets', `<api_key=${SECRET}>`],
    ['an element cut before its end tag', `<password>S3cr3tPw77`],
  ])('hides %s', (_name, text) => {
    const redacted = redactSecretsInText(text);
    expect(redacted).not.toContain(text.includes(SECRET) ? SECRET : 'S3cr3tPw77');
  });

  it.each<[string, string, string]>([
    ['a logfmt scheme word before a status', 'auth=bearer status=401', 'status=401'],
    ['a token type before a status line', 'token_type=bearer 401 Unauthorized', '401 Unauthorized'],
  ])('keeps what follows %s', (_name, text, kept) => {
    expect(redactSecretsInText(text)).toContain(kept);
  });

  it('still hides the token after a scheme word in a key=value pair', () => {
    expect(redactSecretsInText(`authorization=Bearer ${SECRET} status=401`)).not.toContain(SECRET);
  });
});
