import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';

const problemsIn = (text: string): string[] => [...new Set(detectCredentialProblems(text).map((f) => f.problem ?? ''))].sort();
const REAL = 'q7Lm2Xv9Rt4Kp8Zw3Nb6';

describe("a vendor's own key or token header after curl's -H", () => {
  it.each([
    [
      `curl -X POST https://api.example.com/v1/items -H "X-Acme-Token: mytoken" -d '{}'\nThe answer is 403 Invalid token`,
      'placeholder-token',
    ],
    [`curl https://api.example.com/v1/items --header 'X-Widget-Api-Key: YOUR_API_KEY'\nI always get a 401`, 'placeholder-token'],
    [`curl https://api.example.com/v1/items -H "ACME_SECRET_KEY: sk_live_1234****abcd"\nreturns 401`, 'masked-token'],
  ])('%j holds a stand-in', (text, problem) => {
    expect(problemsIn(text)).toEqual([problem]);
  });

  it.each([
    // A real-looking key, and names that carry data, not a secret.
    `curl https://api.example.com/v1/items -H "X-Acme-Token: ${REAL}"\nreturns 401`,
    `curl https://api.example.com/v1/items -H "Idempotency-Key: YOUR_KEY"\nreturns 409`,
    `curl https://api.example.com/v1/items -H "X-CSRF-Token: TOKEN"\nreturns 403`,
    // Outside a -H, a word ending in "token:" is prose.
    'The X-Acme-Token: your token goes here, as the guide says.',
  ])('%j holds none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });
});
