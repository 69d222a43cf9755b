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

  it('fills each regex as far as its source fits, with a join that is not additive', () => {
    // Grouping by first character: adding an alternative can add one character or many.
    const join = (parts: readonly string[]) => {
      const byFirst = new Map<string, string[]>();
      for (const part of parts) byFirst.set(part[0]!, [...(byFirst.get(part[0]!) ?? []), part.slice(1)]);
      return [...byFirst].map(([first, rests]) => `${first}(?:${rests.join('|')})`).join('|');
    };
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-e][a-z]{0,300}$/), { minLength: 1, maxLength: 120 }), (alternatives) => {
        const sources = splitAlternation(alternatives, 'g', join).map((regex) => regex.source);
        // Each source is the join of the next run of alternatives, in order, all of them used.
        const used: string[][] = [];
        let from = 0;
        for (const source of sources) {
          let to = from + 1;
          while (to <= alternatives.length && join(alternatives.slice(from, to)) !== source) to++;
          expect(to).toBeLessThanOrEqual(alternatives.length);
          used.push(alternatives.slice(from, to));
          from = to;
        }
        expect(from).toBe(alternatives.length);
        used.forEach((parts, i) => {
          if (parts.length > 1) expect(sources[i]!.length).toBeLessThanOrEqual(MAX_REGEX_SOURCE);
          const next = used[i + 1];
          if (next) expect(join([...parts, next[0]!]).length).toBeGreaterThan(MAX_REGEX_SOURCE);
        });
      }),
      { numRuns: 60 },
    );
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
