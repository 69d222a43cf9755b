// Buffered stdout that respects back-pressure and goes quiet when the reader leaves (`| head`).
// Text is encoded as it comes into one byte buffer, so a flush is one write of bytes, with no
// long string to build and encode again.
import { ByteBuffer } from './byte-buffer';

const FLUSH_AT_BYTES = 64 * 1024;

export class Output {
  private readonly buffer = new ByteBuffer(2 * FLUSH_AT_BYTES);
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
    if (!this.gone) this.buffer.append(text);
  }

  /** Queues bytes already encoded as UTF-8, without flushing. */
  appendBytes(bytes: Uint8Array): void {
    if (!this.gone) this.buffer.appendBytes(bytes);
  }

  /** Queues text; resolves once it may be followed by more without piling up in memory. */
  async write(text: string): Promise<void> {
    if (this.gone) return;
    this.append(text);
    if (this.buffer.length >= FLUSH_AT_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.gone || this.buffer.length === 0) return;
    // A copy: the stream may hold on to what it is given while the buffer fills again.
    const bytes = this.buffer.take();
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
