import { describe, expect, it } from 'vitest';
import { isPlaceholderToken } from '../../src/engine/detect/credential/credential-classify';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';

const problemsIn = (text: string): string[] => [...new Set(detectCredentialProblems(text).map((f) => f.problem ?? ''))].sort();

describe('values that say they are no real key', () => {
  it.each(['noop', 'NOT_VALID', 'invalid', 'not-needed', 'blah', 'made-up-apikey', 'fake_api_key', 'bogus-token', 'dummysecret'])(
    '%j is a stand-in',
    (value) => {
      expect(isPlaceholderToken(value)).toBe(true);
    },
  );

  it.each(['q7Lm2Xv9Rt4Kp8Zw3Nb6', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'invalid_token', 'definitely-wrong-token', 'monkey'])(
    '%j is not judged one',
    (value) => {
      expect(isPlaceholderToken(value)).toBe(false);
    },
  );

  it('reports them where a request ran with them', () => {
    expect(problemsIn('provider "acme" {\n  api_key = "made-up-apikey"\n}\nThe plan fails with 401 Unauthorized')).toEqual([
      'placeholder-token',
    ]);
    expect(problemsIn('curl -H "X-Api-Key: NOT_VALID" https://api.example.com/v1/items\nI get a 401 back')).toEqual(['placeholder-token']);
  });
});
