import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { DiagnosedFinding, Diagnosis } from '../../src/engine';
import { locateFindings, scanChunks, scanStream, type Analyse, type LocatedFinding } from '../../src/cli/scan';

const MARK = 'BOOM';

function diagnosisFor(code: number): Diagnosis {
  return {
    key: `http:${code}`,
    kind: 'http',
    code,
    problem: null,
    title: `${code} Test`,
    short: 'test',
    meaning: 'test',
    side: 'unknown',
    retry: { verdict: 'unknown', text: '' },
    steps: [],
    sources: [],
  };
}

/** A stand-in engine that reports every MARK; it also records the size of each text it saw. */
function fakeEngine(): { analyse: Analyse; largestText: () => number } {
  let largest = 0;
  const analyse: Analyse = (text) => {
    largest = Math.max(largest, text.length);
    const found: DiagnosedFinding[] = [];
    for (let at = text.indexOf(MARK); at !== -1; at = text.indexOf(MARK, at + 1)) {
      found.push({
        finding: { kind: 'http', code: 500, problem: null, start: at, end: at + MARK.length, excerpt: MARK },
        diagnosis: diagnosisFor(500),
      });
    }
    // Reverse order: the scanner must not rely on the engine's order.
    return found.reverse();
  };
  return { analyse, largestText: () => largest };
}

/** True positions of every MARK in the whole text. */
function expectedPositions(text: string): { line: number; column: number }[] {
  const positions: { line: number; column: number }[] = [];
  for (let at = text.indexOf(MARK); at !== -1; at = text.indexOf(MARK, at + 1)) {
    const before = text.slice(0, at);
    positions.push({ line: before.split('\n').length, column: at - before.lastIndexOf('\n') });
  }
  return positions;
}

async function scanAll(pieces: Iterable<string>, analyse: Analyse, limits?: Parameters<typeof scanStream>[2]['limits']) {
  const found: LocatedFinding[] = [];
  const summary = await scanStream(pieces, analyse, {
    ...(limits ? { limits } : {}),
    onFindings: (items) => {
      found.push(...items);
    },
  });
  return { summary, positions: found.map(({ line, column }) => ({ line, column })), found };
}

function* inPieces(text: string, size: number): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

describe('scanStream', () => {
  it('reports each finding once at its true line and column, whatever the chunking (property)', async () => {
    const part = fc.oneof(fc.constantFrom('x', ' ', '\n', '\r\n', 'é', MARK), fc.constant('y'.repeat(40)));
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 150 }), fc.integer({ min: 1, max: 50 }), async (parts, pieceSize) => {
        const text = parts.join('');
        const { positions } = await scanAll(inPieces(text, pieceSize), fakeEngine().analyse, {
          chunkChars: 32,
          windowChars: 48,
          overlapChars: 16,
        });
        expect(positions).toEqual(expectedPositions(text));
      }),
    );
  });

  it('keeps line numbers exact around the 64 KB chunk boundary', async () => {
    const filler = 'info: webhook delivered to recipient, nothing to see here';
    const markedLines = new Set([1, 1100, 1135, 1136, 1137, 1138, 1139, 2270, 2271, 3000]);
    const lines = Array.from({ length: 3000 }, (_, i) => (markedLines.has(i + 1) ? `${filler} ${MARK}` : filler));
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(2 * 64 * 1024);
    const { positions } = await scanAll(inPieces(text, 64 * 1024), fakeEngine().analyse);
    expect(positions.map((p) => p.line)).toEqual([...markedLines]);
    expect(positions.every((p) => p.column === filler.length + 2)).toBe(true);
  });

  it('scans a 3 MB single line in bounded windows without losing or repeating a finding', async () => {
    const window = 1024 * 1024;
    const offsets = [10, window - 2053, window - 2048, window - 2, window + 5, 2 * window - 4096, 3 * window - 10];
    let line = '';
    for (const offset of offsets) line += 'q'.repeat(offset - line.length) + MARK;
    line += 'q'.repeat(3 * window - line.length);
    const engine = fakeEngine();
    const { positions } = await scanAll(inPieces(`first line\n${line}\nlast ${MARK}\n`, 64 * 1024), engine.analyse);
    expect(positions).toEqual([...offsets.map((offset) => ({ line: 2, column: offset + 1 })), { line: 3, column: 6 }]);
    expect(engine.largestText()).toBeLessThanOrEqual(window + 64 * 1024);
  });

  const summaries: { name: string; pieces: string[]; chars: number; hasText: boolean; findings: number }[] = [
    { name: 'no input', pieces: [], chars: 0, hasText: false, findings: 0 },
    { name: 'only whitespace', pieces: ['  \n', '\t\r\n'], chars: 6, hasText: false, findings: 0 },
    { name: 'text without findings', pieces: ['200 OK\n'], chars: 7, hasText: true, findings: 0 },
    { name: 'text with findings', pieces: [`${MARK} `, `\n${MARK}`], chars: 10, hasText: true, findings: 2 },
  ];
  it.each(summaries)('summarises $name', async ({ pieces, chars, hasText, findings }) => {
    const { summary } = await scanAll(pieces, fakeEngine().analyse);
    expect(summary).toEqual({ chars, hasText, findings });
  });

  it('stops reading when the consumer returns false', async () => {
    const pulled: number[] = [];
    function* source(): Generator<string> {
      for (let i = 0; i < 10; i++) {
        pulled.push(i);
        yield `${MARK}\n`.repeat(20_000);
      }
    }
    let batches = 0;
    await scanStream(source(), fakeEngine().analyse, {
      onFindings: () => {
        batches++;
        return false;
      },
    });
    expect(batches).toBe(1);
    expect(pulled.length).toBeLessThan(10);
  });

  it('awaits an asynchronous consumer before going on', async () => {
    const events: string[] = [];
    await scanStream(inPieces(`${MARK}\n`.repeat(40_000), 64 * 1024), fakeEngine().analyse, {
      onFindings: async () => {
        events.push('start');
        await new Promise((resolve) => setTimeout(resolve, 1));
        events.push('end');
      },
    });
    expect(events.length).toBeGreaterThan(2);
    expect(events.join(',')).toBe(Array.from({ length: events.length / 2 }, () => 'start,end').join(','));
  });
});

describe('scanChunks with chunks judged elsewhere', () => {
  const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Each chunk's first line, answered after a delay that makes later chunks finish first. */
  const slowJudge = (chunk: { text: string; firstLine: number }) =>
    delay(chunk.firstLine % 3 === 1 ? 15 : 1).then(() => ({ findings: 1, result: chunk.firstLine }));

  it('hands results on in input order though they finish out of order', async () => {
    const handed: number[] = [];
    const lines = Array.from({ length: 60 }, (_, i) => `line ${i + 1}`).join('\n');
    const summary = await scanChunks(inPieces(`${lines}\n`, 7), slowJudge, {
      limits: { chunkChars: 16, windowChars: 48, overlapChars: 8 },
      inFlight: 4,
      onResult: (firstLine) => {
        handed.push(firstLine);
      },
    });
    expect(handed.length).toBeGreaterThan(10);
    expect(handed).toEqual([...handed].sort((a, b) => a - b));
    expect(handed[0]).toBe(1);
    expect(summary.findings).toBe(handed.length);
  });

  it('hands a result on while the input is still awaited', async () => {
    const handed: number[] = [];
    let release = () => {};
    async function* source(): AsyncGenerator<string> {
      yield `${'x'.repeat(40)}\n`;
      // The input stalls here until the first chunk's result has been handed on.
      await new Promise<void>((resolve) => (release = resolve));
      yield 'end\n';
    }
    await scanChunks(source(), slowJudge, {
      limits: { chunkChars: 16, windowChars: 48, overlapChars: 8 },
      inFlight: 4,
      onResult: (firstLine) => {
        handed.push(firstLine);
        release();
      },
    });
    expect(handed).toEqual([1, 2]);
  });
});

describe('locateFindings', () => {
  it('drops findings outside the chunk’s owned range', () => {
    const located = locateFindings(
      { text: `${MARK}..${MARK}..${MARK}`, firstLine: 4, firstColumn: 100, ownFrom: 1, ownTo: 10 },
      fakeEngine().analyse,
    );
    expect(located.map(({ line, column, finding }) => [line, column, finding.start])).toEqual([[4, 107, 6]]);
  });
});
