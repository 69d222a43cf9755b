import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_REGEX_SOURCE, splitAlternation, unionMatches } from '../../src/engine/detect/shared/regex-union';

const positions = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => [m.index, m[0]]);

describe('splitAlternation', () => {
  it('keeps every source under the limit and every alternative, in order', () => {
    const alternatives = Array.from({ length: 400 }, (_, i) => `word${i}(?:s|es)?\\b`);
    const regexes = splitAlternation(alternatives, 'gi');
    expect(regexes.length).toBeGreaterThan(1);
    for (const regex of regexes) expect(regex.source.length).toBeLessThanOrEqual(MAX_REGEX_SOURCE);
    expect(regexes.map((r) => r.source).join('|')).toBe(alternatives.map((a) => `(?:${a})`).join('|'));
  });

  it('gives an alternative longer than the limit a regex of its own', () => {
    const long = `x{2}${'a'.repeat(MAX_REGEX_SOURCE)}`;
    expect(splitAlternation(['b', long, 'c'], 'g').map((r) => r.source.length > MAX_REGEX_SOURCE)).toEqual([false, true, false]);
  });
});

describe('unionMatches', () => {
  it('reads split regexes as their one alternation (leftmost, then the earlier alternative)', () => {
    // Small alternatives over a small alphabet, so that overlaps, ties and empty matches happen.
    const alternative = fc.stringMatching(/^[ab]{1,3}[*?]?$/);
    fc.assert(
      fc.property(
        fc.array(alternative, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.stringMatching(/^[abc]{0,40}$/),
        (alts, size, text) => {
          const single = new RegExp(alts.map((a) => `(?:${a})`).join('|'), 'g');
          const split: RegExp[] = [];
          for (let i = 0; i < alts.length; i += size)
            split.push(
              new RegExp(
                alts
                  .slice(i, i + size)
                  .map((a) => `(?:${a})`)
                  .join('|'),
                'g',
              ),
            );
          expect(positions(unionMatches(split, text))).toEqual(positions(text.matchAll(single)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('starts where it is told', () => {
    expect(positions(unionMatches([/a/g, /b/g], 'abab', 1))).toEqual([
      [1, 'b'],
      [2, 'a'],
      [3, 'b'],
    ]);
  });
});
