// The small text helpers the engine, the CLI and the pages share.
import { describe, expect, it } from 'vitest';
import {
  clip,
  cutOutsideToken,
  isHighSurrogate,
  mixesLettersAndDigits,
  oneLine,
  plural,
  skipBlanks,
  withLatinDigits,
  withoutIconGlyphs,
  withoutBidiMarks,
} from '../../src/engine/text';

describe('text helpers', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['eleven char', 10, 'eleven ch…'],
    ['abcdefgh\u{1F600}xyz', 10, 'abcdefgh…'],
  ])('clip(%j, %i) → %j', (text, max, expected) => {
    expect(clip(text, max)).toBe(expected);
    expect(clip(text, max).length).toBeLessThanOrEqual(max);
  });

  it.each([
    ['short', 10, 'short'],
    ['HTTP 500 wdtk7Q2m9X', 14, 'HTTP 500 '],
    ['HTTP 500 wdtk7Q2m9X', 9, 'HTTP 500 '],
    ['api_key=wdtk7Q2m9X', 12, ''],
    ['one two three', 7, 'one two'],
  ])('cutOutsideToken(%j, %i) → %j: a token the cut would halve is left out', (text, max, expected) => {
    expect(cutOutsideToken(text, max)).toBe(expected);
  });

  it('never leaves half a surrogate pair', () => {
    expect(isHighSurrogate('\u{1F600}'.charCodeAt(0))).toBe(true);
    expect(isHighSurrogate('a'.charCodeAt(0))).toBe(false);
    for (let max = 2; max < 12; max++) {
      const kept = clip('\u{1F600}'.repeat(8), max).slice(0, -1);
      expect(kept.length % 2, `max ${max}`).toBe(0);
    }
  });

  it('collapses whitespace and skips blanks', () => {
    expect(oneLine('  a \n\t b  ')).toBe('a b');
    expect(skipBlanks('x: \t value', 2)).toBe(5);
    expect(skipBlanks('x:\nvalue', 2)).toBe(2);
  });

  it.each([
    [0, 'row', undefined, '0 rows'],
    [1, 'row', undefined, '1 row'],
    [3, 'entry', 'entries', '3 entries'],
  ])('plural(%i, %j, %j) → %j', (count, one, many, expected) => {
    expect(plural(count, one, many)).toBe(expected);
  });

  it.each([
    ['q7Zx9Wv2', true],
    ['abc123', true],
    ['order_id', false],
    ['20250503', false],
    ['токен123', false],
  ])('mixesLettersAndDigits(%j) → %j', (word, expected) => {
    expect(mixesLettersAndDigits(word)).toBe(expected);
  });

  it.each([
    ['٥٠٣', '503'],
    ['۴۲۹ ms', '429 ms'],
    ['رمز ٤٠١ و 502', 'رمز 401 و 502'],
    ['no digits', 'no digits'],
  ])('withLatinDigits(%j) → %j', (text, expected) => {
    expect(withLatinDigits(text)).toBe(expected);
  });

  it.each([
    ['\ue002503', '503'],
    ['\uf071 401', ' 401'],
    ['ok \u00e9 \u2713 200', 'ok \u00e9 \u2713 200'],
  ])('withoutIconGlyphs(%j) → %j', (text, expected) => {
    expect(withoutIconGlyphs(text)).toBe(expected);
  });

  it.each([
    ['\u200f404\u200f', '404'],
    ['\u200e502\u200e ms', '502 ms'],
    ['\u061c503', '503'],
    ['\u202e404', '\u202e404'],
  ])('withoutBidiMarks(%j) → %j', (text, expected) => {
    expect(withoutBidiMarks(text)).toBe(expected);
  });
});
