// statusKeywordStart skips its status-word regex when the character right before a number cannot
// end that regex's match (KEYWORD_MATCH_LAST). Over every evaluation text, every fixture page and
// a generated log, wherever a 4xx/5xx number stands, a window the gate turns away must be one the
// regex finds nothing in, so the gate never changes what the status detector decides.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYWORD_BEFORE, KEYWORD_MATCH_LAST } from '../../src/engine/detect/status/status-context';
import { FIXTURES_DIR } from '../fixtures/load';
import { loadSets } from '../eval/labels';
import { generateLog } from '../../scripts/gen-log';

/** The window statusKeywordStart reads before a number (its BEFORE_WINDOW), with and without a joining hyphen. */
const WINDOW = 34;

function fixtureTexts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return fixtureTexts(full);
    return entry.name.endsWith('.html') ? [readFileSync(full, 'utf8')] : [];
  });
}

const texts = [...loadSets().flatMap((set) => set.items.map((item) => item.text)), ...fixtureTexts(FIXTURES_DIR), generateLog(400_000, 7)];

describe('the status-word gate', () => {
  it('turns away only windows the status-word regex finds nothing in', { timeout: 120_000 }, () => {
    const NUMBER = /[45]\d\d/g;
    let turnedAway = 0;
    const missed: string[] = [];
    for (const text of texts) {
      for (const { index } of text.matchAll(NUMBER)) {
        for (const end of [index, index - 1]) {
          const before = text.slice(Math.max(0, end - WINDOW), Math.max(0, end));
          if (KEYWORD_MATCH_LAST.test(before.charAt(before.length - 1))) continue;
          turnedAway++;
          if (KEYWORD_BEFORE.exec(before) !== null) missed.push(JSON.stringify(before));
        }
      }
    }
    expect(missed).toEqual([]);
    // The gate is not vacuous: many windows end in a dot, a hash, a slash or a bracket.
    expect(turnedAway).toBeGreaterThan(2_000);
  });

  it('lets through a status word and its separators', () => {
    for (const before of ['HTTP ', 'status=', 'status code: "', 'HTTP/1.1', 'Fehlercode', 'ステータスコード', 'error (']) {
      expect(KEYWORD_MATCH_LAST.test(before.charAt(before.length - 1))).toBe(true);
      expect(KEYWORD_BEFORE.exec(before)).not.toBeNull();
    }
  });
});
