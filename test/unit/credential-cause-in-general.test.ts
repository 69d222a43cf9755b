import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { namesACauseInGeneral } from '../../src/engine/detect/credential/credential-register';

const bearerMissingIn = (text: string): boolean => detectCredentialProblems(text).some((f) => f.problem === 'missing-bearer-prefix');

describe('a missing Bearer named as one cause among several', () => {
  it.each([
    'Getting a 401? Header formats differ. Some APIs require a Bearer prefix. Others read X-Api-Key.',
    'A 401 has few causes. The header is malformed: a missing Bearer prefix, a stray space, or a line break in the token.',
    'Most 401 errors are simple. In practice 80% of these failures come from a typo, a missing "Bearer" prefix in the header, or a key from the wrong project.',
    "Sending the token the wrong way leads to 401 Unauthorized errors.\n```javascript\n// Wrong: Missing 'Bearer'\nheaders: {\n'Authorization': token\n}\n```",
  ])('%j is a guide', (text) => {
    expect(bearerMissingIn(text)).toBe(false);
  });

  it.each([
    'I got a 401 from the API because the Bearer prefix was missing in my Authorization header.',
    'Our webhook failed with 401: we sent the token without the Bearer prefix.',
  ])('%j reports one request', (text) => {
    expect(bearerMissingIn(text)).toBe(true);
  });

  it('reads the sentence, not the text', () => {
    expect(namesACauseInGeneral('Some developers omit the Bearer prefix.')).toBe(true);
    expect(namesACauseInGeneral('We omitted the Bearer prefix.')).toBe(false);
  });
});
