// A person's own password, typed in a login body or passed to a setter, is theirs: no finding
// reports it as a stand-in, and no finding field shows it.
import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');
const report = (line: string): string =>
  ['Every notification fails with 401 Unauthorized since yesterday.', 'What I run:', line].join('\n');

describe("a person's own password is never shown", () => {
  const PASSWORD = 'Glühwein';
  it.each([
    ['a login body with a German field name', `POST /login {"email":"ana@example.de","passwort":"${PASSWORD}"}`],
    ['a setter called with the password', `user.setPassword("${PASSWORD}")`],
    ['a Portuguese field name', `{"usuario":"ana","senha":"${PASSWORD}"}`],
    ['a short field name', `login --user ana --pass=${PASSWORD}`],
  ])('%s: no finding field holds it', (_, line) => {
    const findings = detectCredentialProblems(report(line));
    expect(JSON.stringify(findings)).not.toContain(PASSWORD);
    expect(JSON.stringify(findings)).not.toContain('Gl');
  });

  it.each(['{"email":"ana@example.de","passwort":"<passwort>"}', "body: JSON.stringify({user:'TheUser',pass:'ThePassword'})"])(
    'still reports a blank typed in a password field: %s',
    (line) => {
      expect(problemsIn(report(line))).toEqual(['placeholder-token']);
    },
  );
});
