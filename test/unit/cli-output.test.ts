// The CLI's buffered output: text and pre-encoded bytes leave in the order they came, as UTF-8.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Output } from '../../src/cli/output';

/** A stream that keeps what it is given and accepts everything at once. */
function collector(): { stream: NodeJS.WritableStream; written: () => string; writes: () => number } {
  // Kept as given, not copied: a buffer reused by Output would show up changed.
  const chunks: Uint8Array[] = [];
  const stream = Object.assign(new EventEmitter(), {
    write: (chunk: Uint8Array) => {
      chunks.push(chunk);
      return true;
    },
  }) as unknown as NodeJS.WritableStream;
  return { stream, written: () => Buffer.concat(chunks).toString('utf8'), writes: () => chunks.length };
}

describe('Output', () => {
  it('writes text and encoded bytes in order, non-ASCII included', async () => {
    const { stream, written } = collector();
    const out = new Output(stream);
    out.append('{"title":');
    out.appendBytes(new TextEncoder().encode('"Réponse “refusée” 🚫"'));
    out.append(',"excerpt":"…"}\n');
    await out.flush();
    expect(written()).toBe('{"title":"Réponse “refusée” 🚫","excerpt":"…"}\n');
  });

  it('holds more than its first buffer and flushes it as one write', async () => {
    const { stream, written, writes } = collector();
    const out = new Output(stream);
    const line = `${'é'.repeat(1000)}\n`;
    for (let i = 0; i < 300; i++) out.append(line);
    await out.flush();
    expect(writes()).toBe(1);
    expect(written()).toBe(line.repeat(300));
  });

  it('does not reuse bytes the stream may still hold', async () => {
    const { stream, written } = collector();
    const out = new Output(stream);
    out.append('first\n');
    await out.flush();
    out.append('second\n');
    await out.flush();
    expect(written()).toBe('first\nsecond\n');
  });
});
