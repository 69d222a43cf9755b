// A growable buffer of UTF-8 bytes: text is encoded as it comes, bytes already encoded are
// copied in, so a whole batch of output leaves as one write with no long string built first.

export class ByteBuffer {
  private buffer: Buffer;
  length = 0;

  constructor(initialBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  append(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length);
  }

  appendBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /**
   * A copy of what was written, with a memory block of its own (it may be transferred to another
   * thread; Buffer.from would share Node's pool), and an empty buffer.
   */
  take(): Uint8Array {
    const bytes = Uint8Array.prototype.slice.call(this.buffer, 0, this.length);
    this.length = 0;
    return bytes;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}
