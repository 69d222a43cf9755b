// Fill-me-in words of config templates, and credential flags given a stand-in unquoted: values
// nobody set.
import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { isFillInWord } from '../../src/engine/detect/credential/credential-classify';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');
const ran = (line: string): string => `Every call fails with 401 Unauthorized. What I run:\n${line}`;

describe('fill-in words', () => {
  it.each(['REPLACE_ME', 'replace-me', 'CHANGE_ME', 'changeit', 'FIXME'])('reads %s as a fill-in word', (word) => {
    expect(isFillInWord(word)).toBe(true);
  });
  it.each(['replacement', 'change', 'fixture', 'me'])('reads %s as a word of its own', (word) => {
    expect(isFillInWord(word)).toBe(false);
  });
  it.each([
    ['an env line', 'SENDGRID_API_KEY=REPLACE_ME'],
    ['a header', 'curl -H "X-Api-Key: CHANGE_ME" https://api.example.com'],
  ])('finds one in %s', (_where, line) => {
    expect(problemsIn(ran(line))).toContain('placeholder-token');
  });
});

describe('credential flags given a stand-in unquoted', () => {
  it.each(['--api-key YOUR_API_KEY', '--token xxxxxxxxxxxx', '--api-key REPLACE_ME'])('finds %s', (flag) => {
    expect(problemsIn(ran(`$ mytool send ${flag} --to me@example.com`))).toContain('placeholder-token');
  });
  it.each(['--api-key is required', '--token 8f14e45fceea167a5a36dedd4bea2543'])('leaves alone %s', (flag) => {
    expect(problemsIn(ran(`$ mytool send ${flag}`))).toEqual([]);
  });
});
