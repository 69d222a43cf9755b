// Reads one input (a file or stdin) as a stream of decoded text pieces, refusing binary data.
import { isAscii } from 'node:buffer';
import { open, type FileReadResult } from 'node:fs/promises';
import { BINARY_SAMPLE_BYTES, looksBinary, utf16Encoding } from './binary';
import { STDIN_NAME } from './args';

/** A problem with one input that is reported and skipped while the other inputs go on. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
  }
}

const READ_ERROR_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a part of the path is not a directory)',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
};

/** A short reason for a failed read, in plain words (falls back to the system message). */
export function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in READ_ERROR_REASONS) return READ_ERROR_REASONS[code]!;
  return error instanceof Error ? error.message : String(error);
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const joined = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/**
 * Decodes a byte stream as it arrives. The first 8 KB are held back until it is clear whether
 * they look binary (then InputError). Invalid UTF-8 becomes U+FFFD instead of failing; a
 * UTF-16 byte-order mark switches the decoder to UTF-16.
 */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head: Uint8Array[] = [];
  let headLength = 0;
  const start = (sample: Uint8Array): TextDecoder => {
    const encoding = utf16Encoding(sample);
    if (!encoding && looksBinary(sample.subarray(0, BINARY_SAMPLE_BYTES))) throw new InputError(file, 'looks binary, skipped');
    return new TextDecoder(encoding ?? 'utf-8');
  };
  // Whether the decoder may hold the first bytes of a character cut at the end of the last part.
  let mayHoldBytes = false;
  for await (const part of bytes) {
    if (decoder) {
      // Plain ASCII decodes the same as Latin-1, byte for byte, and Node copies that without
      // TextDecoder's per-call costs (most logs are ASCII throughout).
      if (!mayHoldBytes && decoder.encoding === 'utf-8' && isAscii(part)) {
        if (part.length > 0) yield Buffer.from(part.buffer, part.byteOffset, part.length).toString('latin1');
        continue;
      }
      const text = decoder.decode(part, { stream: true });
      // A character's bytes are never ASCII: a part ending in one leaves nothing pending.
      mayHoldBytes = part.length > 0 && part[part.length - 1]! >= 0x80;
      if (text) yield text;
      continue;
    }
    // A copy: the reader may reuse a piece's memory once the next one is asked for.
    head.push(part.slice());
    headLength += part.length;
    if (headLength < BINARY_SAMPLE_BYTES) continue;
    const sample = concat(head, headLength);
    head = [];
    decoder = start(sample);
    const text = decoder.decode(sample, { stream: true });
    mayHoldBytes = sample[sample.length - 1]! >= 0x80;
    if (text) yield text;
  }
  if (!decoder) {
    if (headLength === 0) return;
    const sample = concat(head, headLength);
    decoder = start(sample);
    const text = decoder.decode(sample, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * Half the chunker's 64 KB: it then cuts a chunk at 64-96 KB. Pieces of 64 KB made it cut at
 * ~128 KB, and strings that long go to V8's large-object space, where each one costs page faults:
 * splitting a 50 MB log took ten times longer.
 */
const READ_CHUNK_BYTES = 32 * 1024;

/**
 * A file is read this much at a time, the next block while the pieces of the one before are
 * judged: a read stream of 32 KB pieces left the engine waiting for a read after every piece.
 */
const READ_BLOCK_BYTES = 32 * READ_CHUNK_BYTES;

/**
 * A file's bytes in pieces of READ_CHUNK_BYTES, read in blocks of READ_BLOCK_BYTES with the next
 * block always under way. Two block buffers take turns: a fresh megabyte per block cost the
 * kernel a page fault per page of it. A piece is valid only until the reader asks for the next
 * one (by then the block after next may be read into its buffer); keep a copy to hold it longer.
 */
async function* readFileBytes(file: string): AsyncGenerator<Uint8Array> {
  const handle = await open(file, 'r');
  const buffers = [Buffer.allocUnsafe(READ_BLOCK_BYTES), Buffer.allocUnsafe(READ_BLOCK_BYTES)] as const;
  let blocks = 0;
  const readBlock = (): Promise<FileReadResult<Buffer>> => {
    const read = handle.read(buffers[blocks++ % 2]!, 0, READ_BLOCK_BYTES, null);
    // Awaited later, after the pieces before it: a failure meanwhile is no unhandled rejection.
    read.catch(() => undefined);
    return read;
  };
  let next: Promise<FileReadResult<Buffer>> | null = readBlock();
  try {
    while (next !== null) {
      const block: FileReadResult<Buffer> = await next;
      const { bytesRead, buffer } = block;
      next = bytesRead > 0 ? readBlock() : null;
      for (let at = 0; at < bytesRead; at += READ_CHUNK_BYTES) yield buffer.subarray(at, Math.min(bytesRead, at + READ_CHUNK_BYTES));
    }
  } finally {
    // A scan stopped early may leave a read under way: let it end before the file is closed.
    await next?.catch(() => undefined);
    await handle.close();
  }
}

async function* readStream(stream: NodeJS.ReadableStream): AsyncGenerator<Uint8Array> {
  for await (const part of stream) yield typeof part === 'string' ? new TextEncoder().encode(part) : (part as Uint8Array);
}

/** The byte stream of a file, or of stdin for '-'. Read errors carry the file's name. */
async function* readBytes(file: string, stdin: NodeJS.ReadableStream): AsyncGenerator<Uint8Array> {
  try {
    yield* file === STDIN_NAME ? readStream(stdin) : readFileBytes(file);
  } catch (error) {
    throw new InputError(file, describeReadError(error));
  }
}

/** Decoded text of one input, piece by piece; failures surface as InputError while iterating. */
export function readTextInput(file: string, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<string> {
  return decodeText(readBytes(file, stdin), file);
}
