import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { looksBinary, utf16Encoding } from '../../src/cli/binary';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('looksBinary', () => {
  const cases: { name: string; sample: Uint8Array; binary: boolean }[] = [
    { name: 'empty input', sample: bytes(), binary: false },
    { name: 'a plain log line', sample: utf8('2024-05-03 HTTP 403 Forbidden\r\n'), binary: false },
    { name: 'tabs, form feeds and ANSI colours', sample: utf8('\u001b[31merror\u001b[0m\tstatus 500\f\n'), binary: false },
    { name: 'UTF-8 text in several scripts', sample: utf8('Fehlercode 500 — ステータスコード 404 状态码 500 😀\n'), binary: false },
    {
      name: 'a few Latin-1 bytes in ASCII text',
      sample: Uint8Array.from([...utf8('caf'), 0xe9, ...utf8(' status 500 ok\n')]),
      binary: false,
    },
    { name: 'a multi-byte character cut by the end of the sample', sample: utf8('status 500 é').subarray(0, 12), binary: false },
    { name: 'a single NUL byte', sample: Uint8Array.from([...utf8('HTTP 403'), 0, ...utf8('more text')]), binary: true },
    { name: 'mostly control bytes', sample: bytes(1, 2, 3, 4, 5, 6, 0x41, 0x42), binary: true },
    { name: 'mostly invalid UTF-8', sample: bytes(0xff, 0xfe, 0x80, 0x81, 0xc0, 0xaf, 0x41), binary: true },
    { name: 'overlong UTF-8 encodings', sample: bytes(0xc0, 0x80, 0xe0, 0x80, 0x80, 0x41), binary: true },
    { name: 'UTF-8 encoded surrogates', sample: bytes(0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80, 0x41), binary: true },
    { name: 'a PNG header', sample: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), binary: true },
  ];
  it.each(cases)('$name → binary: $binary', ({ sample, binary }) => {
    expect(looksBinary(sample)).toBe(binary);
  });

  it('never calls any UTF-8 encoded string without NUL or rare control characters binary', () => {
    const textChar = fc.oneof(
      fc.constantFrom('\n', '\t', '\r', ' '),
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
        .filter((c) => ![...c].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)),
    );
    fc.assert(
      fc.property(fc.array(textChar, { maxLength: 300 }), (chars) => {
        expect(looksBinary(utf8(chars.join('')))).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (sample) => typeof looksBinary(sample) === 'boolean'));
  });
});

describe('utf16Encoding', () => {
  const cases: { sample: Uint8Array; expected: string | null }[] = [
    { sample: bytes(0xff, 0xfe, 0x48, 0x00), expected: 'utf-16le' },
    { sample: bytes(0xfe, 0xff, 0x00, 0x48), expected: 'utf-16be' },
    { sample: bytes(0xef, 0xbb, 0xbf, 0x48), expected: null },
    { sample: utf8('HTTP 403'), expected: null },
    { sample: bytes(0xff), expected: null },
  ];
  it.each(cases)('$sample → $expected', ({ sample, expected }) => {
    expect(utf16Encoding(sample)).toBe(expected);
  });
});
