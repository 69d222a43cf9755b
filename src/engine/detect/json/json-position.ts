// Offsets to 1-based line and column numbers (a line break is \n, \r\n or \r).
import { firstAtOrAfter } from '../shared/sorted-search';

export interface LineColumn {
  line: number;
  column: number;
}

/** Indexes line starts once, then answers each offset with a binary search. */
export class LineLocator {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i += 1) {
      const char = text.charCodeAt(i);
      if (char === 0x0a || (char === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.lineStarts.push(i + 1);
    }
  }

  at(offset: number): LineColumn {
    // The last line start at or before the offset (the first line for an offset before the text).
    const low = Math.max(0, firstAtOrAfter(this.lineStarts, offset + 1) - 1);
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  /** "line 3, column 7", for reasons that point at another place. */
  describe(offset: number): string {
    const { line, column } = this.at(offset);
    return `line ${line}, column ${column}`;
  }
}
