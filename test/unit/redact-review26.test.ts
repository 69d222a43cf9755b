import { describe, expect, it } from 'vitest';
import { redactSecretsInText } from '../../src/engine/redact';

const SECRET = 'q7Zx9Wv2Lm4K';
const JWT_HEAD = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0';

describe('redactSecretsInText after the second review of attack27', () => {
  it.each<[string, string]>([
    ['a Python repr of a token', `<Token: ${SECRET}>`],
    ['a header in angle brackets', `<X-Api-Key: ${SECRET}>`],
    ['a name=value pair in angle brackets', `<api_key=${SECRET}>`],
    ['an element cut before its end tag', `<password>S3cr3tPw77`],
    ['a nameless cookie before an arrow', `Cookie: ${SECRET} → HTTP 401`],
    ['a nameless cookie before another header', `Cookie: ${SECRET}, User-Agent: curl`],
  ])('hides %s', (_name, text) => {
    const redacted = redactSecretsInText(text);
    expect(redacted).not.toContain(text.includes(SECRET) ? SECRET : 'S3cr3tPw77');
  });

  it.each<[string, string, string]>([
    ['a logfmt scheme word before a status', 'auth=bearer status=401', 'status=401'],
    ['a token type before a status line', 'token_type=bearer 401 Unauthorized', '401 Unauthorized'],
    ['a short JWT signature before a status line', `${JWT_HEAD}.q7Zx9W\n401 Unauthorized`, '401 Unauthorized'],
    ['a placeholder cookie', 'Cookie: missing', 'Cookie: missing'],
  ])('keeps what follows %s', (_name, text, kept) => {
    expect(redactSecretsInText(text)).toContain(kept);
  });

  it('still hides the token after a scheme word in a key=value pair', () => {
    expect(redactSecretsInText(`authorization=Bearer ${SECRET} status=401`)).not.toContain(SECRET);
  });

  it('still joins a JWT whose signature a log wrapped onto the next line', () => {
    const signature = 'c2lnbmF0dXJlMTIzNDU2c2lnbmF0dXJlMTIzNDU2YWJj';
    const redacted = redactSecretsInText(`${JWT_HEAD}.${signature.slice(0, 20)}\n${signature.slice(20)}\nnext`);
    expect(redacted).not.toContain(signature.slice(20));
    expect(redacted).toContain('next');
  });
});
