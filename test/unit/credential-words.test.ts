// The one pass both credential scans share must find every place either scan's own pattern
// would: nextWord, asked again and again as a scan asks, gives what a global search gives.
import { describe, expect, it } from 'vitest';
import { HEADER_NAME_AT, KEY_FIELD_WORD_AT, nextWord } from '../../src/engine/detect/credential/credential-words';
import { loadSets } from '../eval/labels';

/** The matches a global search with `at`'s pattern finds, each search going on after the last match. */
function globalMatches(text: string, at: RegExp): string[] {
  const global = new RegExp(at.source, 'gi');
  return [...text.matchAll(global)].map((match) => `${match.index}:${match[0]}`);
}

function sharedMatches(text: string, at: RegExp): string[] {
  const found: string[] = [];
  for (let match = nextWord(text, at, 0); match !== null; match = nextWord(text, at, match.index + match[0].length)) {
    found.push(`${match.index}:${match[0]}`);
  }
  return found;
}

const patterns = { 'header names': HEADER_NAME_AT, 'key-field words': KEY_FIELD_WORD_AT };
const texts = loadSets().flatMap((set) => set.items.map((item) => item.text));

describe('nextWord', () => {
  it.each(Object.entries(patterns))('finds the %s a global search finds, in every eval text', (_name, at) => {
    expect(texts.length).toBeGreaterThan(1000);
    let total = 0;
    for (const text of texts) {
      const expected = globalMatches(text, at);
      expect(sharedMatches(text, at)).toEqual(expected);
      total += expected.length;
    }
    expect(total).toBeGreaterThan(100);
  });

  it("finds a word that starts inside the other scan's word, whichever scan asked first", () => {
    const text = 'X-Api-Key: sk_live_pat; PAT=abc; "Proxy-Authorization": "Bearer x"; apikey=pat-1';
    // The key-field scan asks first here, the header scan second, about the same text.
    expect(sharedMatches(text, KEY_FIELD_WORD_AT)).toEqual(globalMatches(text, KEY_FIELD_WORD_AT));
    expect(sharedMatches(text, HEADER_NAME_AT)).toEqual(globalMatches(text, HEADER_NAME_AT));
    expect(globalMatches(text, KEY_FIELD_WORD_AT)).toContain('6:Key');
    expect(globalMatches(text, HEADER_NAME_AT)).toContain('0:X-Api-Key');
  });

  it('answers for the text it is given, not the one asked about before', () => {
    expect(nextWord('Authorization: x', HEADER_NAME_AT, 0)?.index).toBe(0);
    expect(nextWord('none here', HEADER_NAME_AT, 0)).toBeNull();
    expect(nextWord('a token, a key', KEY_FIELD_WORD_AT, 3)?.index).toBe(11);
  });
});
