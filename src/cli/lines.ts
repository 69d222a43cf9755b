// Cuts a stream of decoded text into chunks of whole lines for the engine, remembering where each
// chunk sits in the input, so a 100 MB log is scanned ~64 KB at a time with exact line numbers.
import { isHighSurrogate } from '../engine/text';

/** A piece of input text to scan, and which of its findings belong to it. */
export interface TextChunk {
  text: string;
  /** 1-based line number of the first character of `text`. */
  firstLine: number;
  /** 0-based column of the first character of `text` within that line (non-zero in long lines). */
  firstColumn: number;
  /**
   * Findings are reported only when they start in [ownFrom, ownTo). Windows over one very long
   * line overlap; the overlap is shared out so that every finding is reported exactly once.
   */
  ownFrom: number;
  ownTo: number;
}

export interface ChunkLimits {
  /** Emit a chunk once this many characters of complete lines are pending. */
  chunkChars: number;
  /** A line longer than this is scanned in windows of this size. */
  windowChars: number;
  /** How much consecutive windows overlap; a finding up to half of it long is never cut. */
  overlapChars: number;
  /** At most this much text is held back to keep a body that spans lines in one chunk. */
  holdChars: number;
}

/**
 * Where the text must not be cut: the offset of something still open at its end (a JSON body
 * spanning lines), or null. The chunker then cuts at the start of that line instead.
 */
export type KeepTogether = (text: string) => number | null;

export const DEFAULT_LIMITS: ChunkLimits = {
  chunkChars: 64 * 1024,
  windowChars: 1024 * 1024,
  overlapChars: 4096,
  holdChars: 16 * 1024,
};

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

export class LineChunker {
  private readonly limits: ChunkLimits;
  /** Text not yet emitted; its first `pendingOwnFrom` characters are context already reported. */
  private pending = '';
  /** Index of the last '\n' in `pending`, or -1; tracked so long lines are not searched again. */
  private lastNewline = -1;
  private pendingOwnFrom = 0;
  private pendingLine = 1;
  private pendingColumn = 0;

  constructor(
    limits: Partial<ChunkLimits> = {},
    private readonly keepTogether: KeepTogether | null = null,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    const { windowChars, overlapChars } = this.limits;
    if (overlapChars < 2 || windowChars <= overlapChars * 2) {
      throw new RangeError('windowChars must be more than twice overlapChars (and overlapChars >= 2)');
    }
  }

  /** Adds decoded text; returns the chunks that became complete. */
  push(text: string): TextChunk[] {
    const newline = text.lastIndexOf('\n');
    if (newline !== -1) this.lastNewline = this.pending.length + newline;
    this.pending += text;
    const chunks: TextChunk[] = [];
    for (;;) {
      const { lastNewline } = this;
      const partialLength = this.pending.length - (lastNewline + 1);
      if (partialLength > this.limits.windowChars) {
        // The unfinished last line is too long to wait for: flush whole lines, then a window.
        if (lastNewline !== -1) chunks.push(this.take(lastNewline + 1));
        chunks.push(this.takeWindow());
        continue;
      }
      if (lastNewline !== -1 && lastNewline + 1 >= this.limits.chunkChars) {
        const cut = this.safeCut(lastNewline + 1);
        if (cut > 0) chunks.push(this.take(cut));
      }
      return chunks;
    }
  }

  /**
   * Where to cut the complete lines `pending[0, ready)`: before the line where a body still open
   * at `ready` starts, if the body is short enough to hold back; 0 means "wait for more text".
   */
  private safeCut(ready: number): number {
    if (this.keepTogether === null) return ready;
    const open = this.keepTogether(this.pending.slice(this.pendingOwnFrom, ready));
    if (open === null) return ready;
    const start = this.pendingOwnFrom + open;
    const lineStart = this.pending.lastIndexOf('\n', start - 1) + 1;
    if (ready - lineStart > this.limits.holdChars) return ready;
    if (lineStart <= this.pendingOwnFrom) {
      // The body starts the pending text: wait, unless that grows past what may be held.
      return this.pending.length - this.pendingOwnFrom > this.limits.chunkChars + this.limits.holdChars ? ready : 0;
    }
    return lineStart;
  }

  /** The rest of the input, at its end. */
  end(): TextChunk[] {
    if (this.pending.length <= this.pendingOwnFrom) return [];
    return [this.take(this.pending.length)];
  }

  /** The first `length` characters of what is pending, as a chunk that owns findings up to `ownTo` (its end by default). */
  private chunkOf(length: number, ownTo?: number): TextChunk {
    const text = this.pending.slice(0, length);
    return {
      text,
      firstLine: this.pendingLine,
      firstColumn: this.pendingColumn,
      ownFrom: this.pendingOwnFrom,
      ownTo: ownTo ?? text.length,
    };
  }

  private take(length: number): TextChunk {
    const chunk = this.chunkOf(length);
    const { text } = chunk;
    const newlines = countNewlines(text);
    this.pendingLine += newlines;
    this.pendingColumn = newlines > 0 ? 0 : this.pendingColumn + text.length;
    this.pending = this.pending.slice(length);
    // Callers take whole lines: what is left starts a line.
    this.lastNewline = this.pending.lastIndexOf('\n');
    this.pendingOwnFrom = 0;
    return chunk;
  }

  /** A window over the start of one long line; the next window starts `overlapChars` earlier. */
  private takeWindow(): TextChunk {
    const { windowChars, overlapChars } = this.limits;
    const half = overlapChars >> 1;
    // Never split a surrogate pair across the cut.
    let length = windowChars;
    if (isHighSurrogate(this.pending.charCodeAt(length - 1))) length--;
    const chunk = this.chunkOf(length, length - half);
    let keepFrom = length - overlapChars;
    if (isHighSurrogate(this.pending.charCodeAt(keepFrom - 1))) keepFrom--;
    this.pending = this.pending.slice(keepFrom);
    this.pendingColumn += keepFrom;
    this.pendingOwnFrom = length - half - keepFrom;
    return chunk;
  }
}

/** 1-based line and column of an offset in a chunk. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Turns offsets into positions for offsets given in ascending order, walking the chunk once
 * (findings come sorted by start, so a whole chunk costs one pass).
 */
export class PositionWalker {
  private offset = 0;
  private line = 0;
  private lineStart = 0;
  /** The first newline at or after `lineStart`, or -1; cached so long lines are searched once. */
  private nextNewline = -1;

  constructor(private readonly chunk: TextChunk) {
    this.restart();
  }

  at(offset: number): Position {
    // Out of order: start again from the top of the chunk.
    if (offset < this.offset) this.restart();
    const { text } = this.chunk;
    while (this.nextNewline !== -1 && this.nextNewline < offset) {
      this.line++;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = text.indexOf('\n', this.lineStart);
    }
    this.offset = offset;
    const base = this.line === this.chunk.firstLine ? this.chunk.firstColumn : 0;
    return { line: this.line, column: base + offset - this.lineStart + 1 };
  }

  private restart(): void {
    this.offset = 0;
    this.line = this.chunk.firstLine;
    this.lineStart = 0;
    this.nextNewline = this.chunk.text.indexOf('\n');
  }
}
