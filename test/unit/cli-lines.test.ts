import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LineChunker, PositionWalker, type ChunkLimits, type TextChunk } from '../../src/cli/lines';

const SMALL: ChunkLimits = { chunkChars: 16, windowChars: 24, overlapChars: 8, holdChars: 32 };

function chunkAll(pieces: readonly string[], limits: Partial<ChunkLimits> = SMALL): TextChunk[] {
  const chunker = new LineChunker(limits);
  return [...pieces.flatMap((piece) => chunker.push(piece)), ...chunker.end()];
}

/** Where each chunk starts in the whole input, derived from its owned ranges. */
function ownedRanges(chunks: readonly TextChunk[]): { from: number; to: number; chunk: TextChunk }[] {
  let absolute = 0;
  return chunks.map((chunk) => {
    const from = absolute;
    absolute += chunk.ownTo - chunk.ownFrom;
    return { from, to: absolute, chunk };
  });
}

/** True 1-based line and column of every offset of a text. */
function truePosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

describe('LineChunker', () => {
  const cases: {
    name: string;
    pieces: string[];
    expected: Pick<TextChunk, 'text' | 'firstLine' | 'firstColumn' | 'ownFrom' | 'ownTo'>[];
  }[] = [
    { name: 'nothing', pieces: [], expected: [] },
    {
      name: 'one short line without newline',
      pieces: ['HTTP 403'],
      expected: [{ text: 'HTTP 403', firstLine: 1, firstColumn: 0, ownFrom: 0, ownTo: 8 }],
    },
    {
      name: 'lines wait until a chunk is full, then go out whole',
      pieces: ['aaaa\nbbbb\n', 'cccc\ndddd\neeee'],
      expected: [
        { text: 'aaaa\nbbbb\ncccc\ndddd\n', firstLine: 1, firstColumn: 0, ownFrom: 0, ownTo: 20 },
        { text: 'eeee', firstLine: 5, firstColumn: 0, ownFrom: 0, ownTo: 4 },
      ],
    },
    {
      name: 'a line split across pieces stays whole',
      pieces: ['aaaaaaaaaaaaaa', 'aa\nb'],
      expected: [
        { text: 'aaaaaaaaaaaaaaaa\n', firstLine: 1, firstColumn: 0, ownFrom: 0, ownTo: 17 },
        { text: 'b', firstLine: 2, firstColumn: 0, ownFrom: 0, ownTo: 1 },
      ],
    },
    {
      name: 'a line longer than a window is cut into overlapping windows',
      pieces: ['x\n', '0123456789abcdefghijklmnopqrstuvwxyz', '\ny'],
      expected: [
        { text: 'x\n', firstLine: 1, firstColumn: 0, ownFrom: 0, ownTo: 2 },
        { text: '0123456789abcdefghijklmn', firstLine: 2, firstColumn: 0, ownFrom: 0, ownTo: 20 },
        { text: 'ghijklmnopqrstuvwxyz\n', firstLine: 2, firstColumn: 16, ownFrom: 4, ownTo: 21 },
        { text: 'y', firstLine: 3, firstColumn: 0, ownFrom: 0, ownTo: 1 },
      ],
    },
  ];
  it.each(cases)('$name', ({ pieces, expected }) => {
    expect(chunkAll(pieces)).toEqual(expected);
  });

  it('refuses limits where windows could not overlap enough', () => {
    expect(() => new LineChunker({ windowChars: 10, overlapChars: 5 })).toThrow(RangeError);
    expect(() => new LineChunker({ windowChars: 11, overlapChars: 5 })).not.toThrow();
  });

  it('keeps a surrogate pair whole at a window cut', () => {
    const line = `${'a'.repeat(23)}😀${'b'.repeat(30)}`;
    for (const chunk of chunkAll([line])) {
      expect(chunk.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  // Text made of short and very long lines, cut into arbitrary pieces.
  const textArbitrary = fc
    .array(fc.oneof(fc.constantFrom('a', 'b', '\n', 'é', '😀'), fc.constant('z'.repeat(30))), { maxLength: 120 })
    .map((parts) => parts.join(''));
  const piecesOf = (text: string, cuts: number[]): string[] => {
    const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    const pieces: string[] = [];
    let previous = 0;
    for (const point of [...points, text.length]) {
      pieces.push(text.slice(previous, point));
      previous = point;
    }
    return pieces;
  };

  it('owned ranges cover the input exactly once, in order, whatever the pieces', () => {
    fc.assert(
      fc.property(textArbitrary, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        const chunks = chunkAll(piecesOf(text, cuts));
        const rebuilt = chunks.map((chunk) => chunk.text.slice(chunk.ownFrom, chunk.ownTo)).join('');
        expect(rebuilt).toBe(text);
        for (const chunk of chunks) expect(chunk.ownFrom).toBeLessThanOrEqual(chunk.ownTo);
      }),
    );
  });

  it('every owned offset maps to its true line and column', () => {
    fc.assert(
      fc.property(textArbitrary, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        for (const { from, chunk } of ownedRanges(chunkAll(piecesOf(text, cuts)))) {
          const walker = new PositionWalker(chunk);
          for (let offset = chunk.ownFrom; offset < chunk.ownTo; offset++) {
            expect(walker.at(offset)).toEqual(truePosition(text, from + offset - chunk.ownFrom));
          }
        }
      }),
    );
  });
});

describe('LineChunker keeps a multi-line body together', () => {
  /** Marks an open body: "{" with no "}" after it in the text. */
  const openBrace = (text: string): number | null => {
    const open = text.lastIndexOf('{');
    return open !== -1 && text.indexOf('}', open) === -1 ? open : null;
  };
  const chunkWith = (pieces: readonly string[], limits: Partial<ChunkLimits>): TextChunk[] => {
    const chunker = new LineChunker(limits, openBrace);
    return [...pieces.flatMap((piece) => chunker.push(piece)), ...chunker.end()];
  };

  it('cuts before the line where the open body starts', () => {
    const text = 'aaaa\nbbbb\nbody {\n x\n y\n}\ncccc\n';
    const chunks = chunkWith([...text], { chunkChars: 12, windowChars: 64, overlapChars: 8, holdChars: 32 });
    const body = chunks.find((chunk) => chunk.text.includes('body {'));
    expect(body?.text).toContain('}');
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text);
  });

  it('gives up holding once the body outgrows holdChars', () => {
    const text = `body {\n${'x\n'.repeat(40)}}\n`;
    const chunks = chunkWith([...text], { chunkChars: 8, windowChars: 64, overlapChars: 8, holdChars: 16 });
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((chunk) => chunk.text.length))).toBeLessThanOrEqual(8 + 16 + 2);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text);
  });
});

describe('PositionWalker', () => {
  const chunk: TextChunk = { text: 'ab\ncd\n\nef', firstLine: 10, firstColumn: 5, ownFrom: 0, ownTo: 9 };
  const cases: { offset: number; line: number; column: number }[] = [
    { offset: 0, line: 10, column: 6 },
    { offset: 2, line: 10, column: 8 },
    { offset: 3, line: 11, column: 1 },
    { offset: 6, line: 12, column: 1 },
    { offset: 8, line: 13, column: 2 },
  ];
  it.each(cases)('offset $offset → $line:$column', ({ offset, line, column }) => {
    expect(new PositionWalker(chunk).at(offset)).toEqual({ line, column });
  });

  it('answers offsets given out of order too', () => {
    const walker = new PositionWalker(chunk);
    expect(walker.at(8)).toEqual({ line: 13, column: 2 });
    expect(walker.at(1)).toEqual({ line: 10, column: 7 });
    expect(walker.at(4)).toEqual({ line: 11, column: 2 });
  });
});
