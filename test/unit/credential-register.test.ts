import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { inWishSection, isRuleInDoc, readsAsFirstPersonReport, speaksWithoutReporting } from '../../src/engine/detect/credential/credential-register';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');

describe('a report told apart from a rule, a wish, a guard or an echo', () => {
  it('reads a writer telling what they ran and what came back as a report', () => {
    expect(readsAsFirstPersonReport('when i execute the command curl … i got the results: Unauthorized')).toBe(true);
    expect(readsAsFirstPersonReport('Run the command below with your token in the header.')).toBe(false);
  });

  it('takes a requirement as a rule only when the text reports nothing', () => {
    const doc = 'Bearer prefix\nThe Authorization header must include the "Bearer " prefix.\nPlain tokens without it will be rejected.';
    expect(isRuleInDoc('The Authorization header must include the "Bearer " prefix.', doc)).toBe(true);
    const report = `${doc} Our client sent the token alone and every call failed.`;
    expect(isRuleInDoc('The Authorization header must include the "Bearer " prefix.', report)).toBe(false);
  });

  it('finds the heading of an "Expected behaviour" section above a sentence', () => {
    const text = 'The test fails.\n\n**Expected behavior:**\nShow the masked password as ******.';
    expect(inWishSection(text, text.indexOf('Show'))).toBe(true);
    const actual = 'The test fails.\n\n### Actual behaviour\nThe masked password ****** is saved back.';
    expect(inWishSection(actual, actual.indexOf('The masked'))).toBe(false);
  });

  it('hears guards, echoes and a mask being filled in as no report', () => {
    expect(speaksWithoutReporting('Saving with placeholder values preserves the original secret instead of overwriting it.')).toBe(true);
    expect(speaksWithoutReporting('The masked fragment echoes what you sent.')).toBe(true);
    expect(speaksWithoutReporting('I pasted my token (replacing ******** after Bearer).')).toBe(true);
    expect(speaksWithoutReporting('Please replace the asterisks with your real key.')).toBe(false);
    expect(speaksWithoutReporting('The masked password was sent to the server.')).toBe(false);
  });
});

describe('credential mistakes spoken of without being reported (traps)', () => {
  const TRAPS: string[] = [
    // A doc's rule with its "Correct / Incorrect" examples.
    'Bearer Prefix Required\nThe Authorization header must include the "Bearer " prefix (case-sensitive, with space). Plain tokens without the prefix will be rejected.\n# Correct\nAuthorization: Bearer my_secret_token\n# Incorrect - will fail\nAuthorization: my_secret_token',
    // What should happen, under its heading.
    'Test Connection is not working as the password is not provided.\n\n**Expected behavior:**\nShow Masked value of userstore password as ******. Test connection should work without typing the password again.',
    // A feature that keeps a placeholder from overwriting the secret.
    '* Updating settings with placeholder values preserves original secret values instead of overwriting them.',
    // A provider masking the key in its own error text.
    'HTTP/1.1 401 Unauthorized\n{"error": {"message": "Incorrect API key provided: sk-abc***."}}\nThe masked fragment echoes what you sent: if it does not match the key you meant to load, the environment is the bug.',
    // The writer filling in a doc's stars with their token.
    'When executing the second command with the token I get "Authorization has been denied". I tried to paste the following as token (replacing ******** directly after Authorization Bearer:\n- token with quotes',
    // A guard that refuses a docs key before any request.
    '**A docs placeholder key never leaves the machine.** If the configured key is certainly an example value, the server refuses the call before any request is made.',
  ];
  it.each(TRAPS)('finds no mistake in %#', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('still reports the same mistakes told as events', () => {
    expect(problemsIn('The settings form sent the masked password (*****) back to the server.')).toEqual(['masked-token']);
    expect(problemsIn('Our Authorization header had no Bearer prefix: we sent the token alone and got 401.')).toContain('missing-bearer-prefix');
  });
});

describe('a requirement pasted alone', () => {
  it('is not taken for a doc page', () => {
    expect(isRuleInDoc('The token must be prefixed with Bearer.', 'The token must be prefixed with Bearer.')).toBe(false);
  });
});
