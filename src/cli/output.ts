// Buffered stdout that respects back-pressure and goes quiet when the reader leaves (`| head`).

const FLUSH_AT_CHARS = 64 * 1024;

export class Output {
  private buffer = '';
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
    if (!this.gone) this.buffer += text;
  }

  /** Queues text; resolves once it may be followed by more without piling up in memory. */
  async write(text: string): Promise<void> {
    if (this.gone) return;
    this.buffer += text;
    if (this.buffer.length >= FLUSH_AT_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.gone || this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    if (this.stream.write(text)) return;
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
