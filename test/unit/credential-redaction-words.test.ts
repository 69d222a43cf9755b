// One list of redaction words: what a tool prints, what a writer types, and where each counts.
import { describe, expect, it } from 'vitest';
import {
  isBareRedactionWord,
  isBracketRedaction,
  isMaskedToken,
  isPlaceholderToken,
  isWritersRedactionWord,
} from '../../src/engine/detect/credential/credential-classify';

describe('redaction words, written once', () => {
  it.each(['[REDACTED]', '[FILTERED]', '(hidden)', '[censored]', '[removed]'])(
    "reads %s in square or round brackets as a tool's",
    (word) => {
      expect(isBracketRedaction(word)).toBe(true);
    },
  );

  it.each(['<redacted>', '{removed}', '<CENSORED>', '<omitted>'])("reads %s in a blank's brackets as the writer's", (word) => {
    expect(isWritersRedactionWord(word)).toBe(true);
    expect(isBracketRedaction(word)).toBe(false);
    expect(isPlaceholderToken(word)).toBe(true);
  });

  it('reads a bare word as neither by its shape alone', () => {
    expect(isPlaceholderToken('REDACTED')).toBe(false);
    expect(isBareRedactionWord('REDACTED')).toBe(true);
    expect(isBareRedactionWord('censored')).toBe(true);
    expect(isBareRedactionWord('REMOVED')).toBe(true);
    // A sentence's words in lower case, and words only tools print, are no typed stand-in.
    expect(isBareRedactionWord('removed')).toBe(false);
    expect(isBareRedactionWord('omitted')).toBe(false);
    expect(isBareRedactionWord('FILTERED')).toBe(false);
  });

  it.each(['xoxb-REDACTED', 'sk_live_abcdFILTERED', 'gcthyhtdhffqmthrrroRedactedToken'])(
    'reads a kept start with %s as masked',
    (token) => {
      expect(isMaskedToken(token)).toBe(true);
    },
  );
});
