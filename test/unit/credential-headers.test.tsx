// @vitest-environment happy-dom
// Which headers hold a credential: one definition, and the editor's fields and the popup's
// Diagnose box both check the same names.
import { describe, expect, it } from 'vitest';
import { checkEditorFields } from '../../src/content/fields/fields';
import { isAuthorizationHeader, isCredentialHeader, KEY_HEADER_NAMES } from '../../src/engine/credential-headers';
import { diagnoseInput } from '../../src/popup/diagnose-input';

/** Header names, each with a masked value; every one must be caught in both places. */
const CREDENTIAL_NAMES = [
  'Authorization',
  'Proxy-Authorization',
  'X-Api-Key',
  'X-Auth-Token',
  'X-Auth',
  'X-Secret',
  'Api-Key',
  'api_key',
  'Token',
  'client_secret',
];

describe('isCredentialHeader', () => {
  it.each([...CREDENTIAL_NAMES, ...KEY_HEADER_NAMES, 'X-Shopify-Access-Token', '  authorization  '])('%j holds a credential', (name) => {
    expect(isCredentialHeader(name)).toBe(true);
  });

  it.each(['Content-Type', 'Accept', 'X-Request-Id', 'X-Idempotency-Key', 'X-Authorization-Note', ''])('%j does not', (name) => {
    expect(isCredentialHeader(name)).toBe(false);
  });

  it.each([
    ['Authorization', true],
    ['proxy-authorization', true],
    ['X-Api-Key', false],
    ['X-Auth', false],
  ])('%j takes a scheme: %s', (name, expected) => {
    expect(isAuthorizationHeader(name)).toBe(expected);
  });
});

describe('the editor and the popup check the same headers', () => {
  it.each(CREDENTIAL_NAMES)('a masked %s is caught in an editor field', (name) => {
    const value = document.createElement('input');
    value.value = '###';
    const issues = checkEditorFields({ url: null, headers: [{ name, value }], body: null });
    expect(issues.map((issue) => issue.finding.problem)).toContain('masked-token');
  });

  it.each(CREDENTIAL_NAMES)('a masked %s is caught in pasted text', (name) => {
    expect(diagnoseInput(`${name}: ###`).map((entry) => entry.key)).toContain('credential:masked-token');
  });
});
