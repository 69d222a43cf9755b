// Buffered stdout that respects back-pressure and goes quiet when the reader leaves (`| head`).
// Text is encoded as it comes into one byte buffer, so a flush is one write of bytes, with no
// long string to build and encode again.

const FLUSH_AT_BYTES = 64 * 1024;

export class Output {
  private buffer = Buffer.allocUnsafe(2 * FLUSH_AT_BYTES);
  private length = 0;
  private gone = false;
  /** A write error other than EPIPE (a full disk, ...), to be reported by the caller. */
  failure: string | null = null;

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.gone = true;
      // EPIPE: whoever read our output has stopped; that is not a failure to report.
      if (error.code !== 'EPIPE') this.failure = error.message;
    });
  }

  /** False once the reader has gone away: stop producing output. */
  get open(): boolean {
    return !this.gone;
  }

  /** Queues text without flushing (the caller flushes). */
  append(text: string): void {
    if (this.gone) return;
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length);
  }

  /** Queues bytes already encoded as UTF-8, without flushing. */
  appendBytes(bytes: Uint8Array): void {
    if (this.gone) return;
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Queues text; resolves once it may be followed by more without piling up in memory. */
  async write(text: string): Promise<void> {
    if (this.gone) return;
    this.append(text);
    if (this.length >= FLUSH_AT_BYTES) await this.flush();
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }

  async flush(): Promise<void> {
    if (this.gone || this.length === 0) return;
    // A copy: the stream may hold on to what it is given while the buffer fills again.
    const bytes = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    if (this.stream.write(bytes)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
      this.stream.on('error', done);
    });
  }
}
