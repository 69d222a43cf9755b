import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { decodeText, describeReadError, InputError, readTextInput } from '../../src/cli/input';

async function* fromParts(parts: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

async function collect(pieces: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** Cuts bytes into parts of the given size (to split characters and the 8 KB sample). */
const split = (bytes: Uint8Array, size: number): Uint8Array[] =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

describe('decodeText', () => {
  const longText = `status 500 — Fehlercode 500 — ステータスコード 404\n`.repeat(400);
  const decoded: { name: string; parts: Uint8Array[]; expected: string }[] = [
    { name: 'no bytes', parts: [], expected: '' },
    { name: 'a short text in one part', parts: [utf8('HTTP 403 Forbidden\n')], expected: 'HTTP 403 Forbidden\n' },
    { name: 'multi-byte characters split across parts', parts: split(utf8(longText), 7), expected: longText },
    { name: 'a sample boundary inside a character', parts: split(utf8(longText), 8191), expected: longText },
    { name: 'a UTF-8 byte-order mark', parts: [concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('HTTP 404'))], expected: 'HTTP 404' },
    {
      name: 'invalid UTF-8 replaced, not fatal',
      parts: [concat(utf8('HTTP 403 '), Uint8Array.of(0xff), utf8(' Forbidden'))],
      expected: 'HTTP 403 \ufffd Forbidden',
    },
    { name: 'a truncated last character', parts: [concat(utf8('status 500 '), Uint8Array.of(0xe3, 0x82))], expected: 'status 500 \ufffd' },
    {
      name: 'ASCII parts between parts that cut characters',
      parts: split(utf8(`${'a'.repeat(9000)}${'HTTP 404 — ステータス\n'.repeat(50)}${'b'.repeat(3000)}`), 997),
      expected: `${'a'.repeat(9000)}${'HTTP 404 — ステータス\n'.repeat(50)}${'b'.repeat(3000)}`,
    },
    {
      name: 'a cut character followed by an ASCII part',
      parts: [utf8('a'.repeat(9000)), concat(utf8('status 500 '), Uint8Array.of(0xe3, 0x82)), utf8(' next')],
      expected: `${'a'.repeat(9000)}status 500 \ufffd next`,
    },
    {
      name: 'a byte-order mark after the start, kept',
      parts: [utf8('a'.repeat(9000)), concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('HTTP 404'))],
      expected: `${'a'.repeat(9000)}\ufeffHTTP 404`,
    },
    {
      name: 'UTF-16LE with its byte-order mark',
      parts: [Uint8Array.from([0xff, 0xfe, ...[...'HTTP 403'].flatMap((c) => [c.charCodeAt(0), 0])])],
      expected: 'HTTP 403',
    },
  ];
  it.each(decoded)('decodes $name', async ({ parts, expected }) => {
    expect(await collect(decodeText(fromParts(parts), 'x.log'))).toBe(expected);
  });

  const refused: { name: string; parts: Uint8Array[] }[] = [
    { name: 'a NUL byte in a small file', parts: [utf8('HTTP 403\u0000')] },
    {
      name: 'a NUL byte within the first 8 KB of parts',
      parts: [...split(utf8('a'.repeat(5000)), 1000), Uint8Array.of(0), utf8('b'.repeat(5000))],
    },
    { name: 'random control bytes', parts: [Uint8Array.from({ length: 9000 }, (_, i) => ((i * 7) % 31) + 1)] },
  ];
  it.each(refused)('refuses $name as binary, naming the file', async ({ parts }) => {
    await expect(collect(decodeText(fromParts(parts), 'dump.bin'))).rejects.toThrow(new InputError('dump.bin', 'looks binary, skipped'));
  });

  it('does not look for binary data after the first 8 KB', async () => {
    const parts = [utf8('a'.repeat(9000)), Uint8Array.of(0, 0, 0)];
    expect(await collect(decodeText(fromParts(parts), 'x.log'))).toBe(`${'a'.repeat(9000)}\u0000\u0000\u0000`);
  });

  it('keeps no piece it was given once it asks for the next (the file reader reuses their memory)', async () => {
    // One buffer for every part, overwritten after each is handed on, as readFileBytes does.
    const text = 'HTTP 502 Bad Gateway\n'.repeat(600);
    async function* reusing(): AsyncGenerator<Uint8Array> {
      const shared = new Uint8Array(1000);
      for (const part of split(utf8(text), 1000)) {
        shared.set(part);
        yield shared.subarray(0, part.length);
        shared.fill(0x3f);
      }
    }
    expect(await collect(decodeText(reusing(), 'x.log'))).toBe(text);
  });

  it('streams: text comes out before the input ends', async () => {
    let partsRead = 0;
    async function* slow(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 5; i++) {
        partsRead++;
        yield utf8('x'.repeat(10_000));
      }
    }
    const iterator = decodeText(slow(), 'x.log')[Symbol.asyncIterator]();
    await iterator.next();
    expect(partsRead).toBe(1);
    await iterator.return(undefined);
  });
});

describe('describeReadError', () => {
  const cases: { error: unknown; expected: string }[] = [
    { error: Object.assign(new Error('x'), { code: 'ENOENT' }), expected: 'no such file' },
    { error: Object.assign(new Error('x'), { code: 'EISDIR' }), expected: 'is a directory' },
    { error: Object.assign(new Error('x'), { code: 'EACCES' }), expected: 'permission denied' },
    { error: Object.assign(new Error('x'), { code: 'EPERM' }), expected: 'permission denied' },
    { error: Object.assign(new Error('disk on fire'), { code: 'EIO' }), expected: 'disk on fire' },
    { error: 'plain string', expected: 'plain string' },
    { error: null, expected: 'null' },
  ];
  it.each(cases)('$expected', ({ error, expected }) => {
    expect(describeReadError(error)).toBe(expected);
  });
});

describe('readTextInput', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-input-'));
    await writeFile(join(dir, 'ok.log'), 'HTTP 403 Forbidden\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cases: { name: string; file: () => string; error: string | null; text?: string }[] = [
    { name: 'a readable file', file: () => join(dir, 'ok.log'), error: null, text: 'HTTP 403 Forbidden\n' },
    { name: 'a missing file', file: () => join(dir, 'missing.log'), error: 'no such file' },
    { name: 'a directory', file: () => dir, error: 'is a directory' },
    { name: 'a path through a file', file: () => join(dir, 'ok.log', 'x'), error: 'no such file (a part of the path is not a directory)' },
  ];
  it.each(cases)('$name', async ({ file, error, text }) => {
    const reading = collect(readTextInput(file(), Readable.from([])));
    if (error === null) expect(await reading).toBe(text);
    else await expect(reading).rejects.toThrow(new InputError(file(), error));
  });

  it('reads a file of several blocks whole, each block different (its buffers take turns)', async () => {
    // Nearly 4 MB: more blocks than buffers, with characters of several bytes cut at block edges.
    const text = Array.from({ length: 70_000 }, (_, i) => `${i} HTTP 404 — ステータス ${'x'.repeat(i % 37)}\n`).join('');
    const path = join(dir, 'blocks.log');
    await writeFile(path, text);
    expect(await collect(readTextInput(path, Readable.from([])))).toBe(text);
  });

  it("reads stdin for '-'", async () => {
    const stdin = Readable.from([Buffer.from('connect: connection '), Buffer.from('refused\n')]);
    expect(await collect(readTextInput('-', stdin))).toBe('connect: connection refused\n');
  });
});
