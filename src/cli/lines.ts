// Cuts a stream of decoded text into chunks of whole lines for the engine, remembering where each
// chunk sits in the input, so a 100 MB log is scanned ~64 KB at a time with exact line numbers.

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
}

export const DEFAULT_LIMITS: ChunkLimits = {
  chunkChars: 64 * 1024,
  windowChars: 1024 * 1024,
  overlapChars: 4096,
};

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
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

  constructor(limits: Partial<ChunkLimits> = {}) {
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
      if (lastNewline !== -1 && lastNewline + 1 >= this.limits.chunkChars) chunks.push(this.take(lastNewline + 1));
      return chunks;
    }
  }

  /** The rest of the input, at its end. */
  end(): TextChunk[] {
    if (this.pending.length <= this.pendingOwnFrom) return [];
    return [this.take(this.pending.length)];
  }

  private take(length: number): TextChunk {
    const text = this.pending.slice(0, length);
    const chunk: TextChunk = {
      text,
      firstLine: this.pendingLine,
      firstColumn: this.pendingColumn,
      ownFrom: this.pendingOwnFrom,
      ownTo: text.length,
    };
    const newlines = countNewlines(text);
    this.pendingLine += newlines;
    this.pendingColumn = newlines > 0 ? 0 : this.pendingColumn + text.length;
    this.pending = this.pending.slice(length);
    // Callers take up to the last newline or everything, so none is left.
    this.lastNewline = -1;
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
    const text = this.pending.slice(0, length);
    const chunk: TextChunk = {
      text,
      firstLine: this.pendingLine,
      firstColumn: this.pendingColumn,
      ownFrom: this.pendingOwnFrom,
      ownTo: length - half,
    };
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
