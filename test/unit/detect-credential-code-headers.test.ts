// Authorization and key headers written in code: a JavaScript object's unquoted key with a quoted
// value, a PHP or Ruby hash's `=>`, a header set by a call, .NET's AuthenticationHeaderValue; and a
// vendor's own `X-…-Key` header on a line of its own.
import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');
const ran = (code: string): string => `This fails with 401 Unauthorized:\n${code}`;
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('credential headers in code', () => {
  it.each([
    ['an unquoted key with a single-quoted value', "fetch(url, { headers: { Authorization: 'Bearer YOUR_API_KEY' } })"],
    ['an unquoted key with a double-quoted value', 'headers: { "X-Api-Key": "xxxxxxxxxxxx" }'],
    ["a PHP hash's =>", "['headers' => ['Authorization' => 'Bearer REPLACE_ME']]"],
    ['a header set by a call', 'request.Headers.Add("Authorization", "Bearer <your token>");'],
    ["OkHttp's addHeader", '.addHeader("X-Api-Key", "YOUR_API_KEY")'],
    ['.NET AuthenticationHeaderValue', 'new AuthenticationHeaderValue("Bearer", "YOUR_ACCESS_TOKEN");'],
    ["a vendor's key header on its own line", '   `X-Redmine-API-Key: XXXXXXXXXXXXXXXXXXXXXXXX`'],
  ])('finds a stand-in in %s', (_shape, code) => {
    expect(problemsIn(ran(code))).toContain('placeholder-token');
  });

  it.each([
    ['a JavaScript object', `headers: { Authorization: '${JWT}' }`],
    ['a header set by a call', `req.Header.Set("Authorization", "${JWT}")`],
  ])('finds a token sent with no scheme in %s', (_shape, code) => {
    expect(problemsIn(ran(code))).toContain('missing-bearer-prefix');
  });

  it.each([
    ['a real token with its scheme', `headers: { Authorization: 'Bearer ${JWT}' }`],
    ['the scheme given as its own argument', `new AuthenticationHeaderValue("Bearer", "${JWT}")`],
    ['a variable in a template literal', 'headers: { Authorization: `Bearer ${token}` }'],
    ["a program's variable", 'headers: { Authorization: token }'],
    ['a list of allowed header names', "allowedHeaders: ['Authorization', 'Content-Type']"],
    ['a variable handed to AuthenticationHeaderValue', 'new AuthenticationHeaderValue("Bearer", accessToken)'],
    ["a vendor's real-looking key on its own line", 'X-Shopify-Access-Token: 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'],
  ])('leaves alone %s', (_shape, code) => {
    expect(problemsIn(ran(code))).toEqual([]);
  });
});
