// Where the CLI judges chunks: in this thread for a small input, in worker threads once the input
// proves big (starting a worker costs more than judging a small log).
import { chunkReporter, type ChunkFormat, type ChunkOutput, type EngineSetup } from './chunk-report';
import { EnginePool } from './engine-pool';
import type { TextChunk } from './lines';
import type { ChunkVerdict } from './scan';

/** Worker threads to use: the module that serves as one, and how many. */
export interface WorkerPlan {
  entry: string | URL;
  count: number;
}

/** Chunks judged in this thread before workers start: about 256 KB of log. */
const CHUNKS_BEFORE_WORKERS = 4;
/** An input known to be bigger than this goes to the workers from its first chunk. */
const BIG_INPUT_BYTES = CHUNKS_BEFORE_WORKERS * 64 * 1024;

export class ChunkJudging {
  private readonly here: ReturnType<typeof chunkReporter>;
  private pool: EnginePool | null = null;
  private judgedHere = 0;
  /** Set once a big input is announced: every chunk goes to the workers. */
  private workersFromNow = false;
  /** Chunks sent to worker threads so far (reported for tests and benchmarks). */
  judgedInWorkers = 0;

  constructor(
    private readonly setup: EngineSetup,
    private readonly plan: WorkerPlan | null,
  ) {
    this.here = chunkReporter(setup);
  }

  /** Chunks worth having under way at once: enough to keep every worker busy. */
  get inFlight(): number {
    return this.plan ? this.plan.count * 2 + 1 : 1;
  }

  /**
   * Told the size of the next input when it is known (a file): a big one goes to the workers from
   * its first chunk, so the worker starts while the first chunks are read and this thread never
   * runs the engine cold on them, work the worker does again.
   */
  expectInput(bytes: number | null): void {
    if (this.plan && bytes !== null && bytes > BIG_INPUT_BYTES) this.workersFromNow = true;
  }

  judge(chunk: TextChunk, format: ChunkFormat): ChunkVerdict<ChunkOutput> | Promise<ChunkVerdict<ChunkOutput>> {
    if (!this.plan || (!this.workersFromNow && this.judgedHere < CHUNKS_BEFORE_WORKERS)) {
      this.judgedHere++;
      return this.here(chunk, format);
    }
    this.pool ??= new EnginePool(this.plan.entry, this.plan.count, this.setup);
    this.judgedInWorkers++;
    return this.pool.judge(chunk, format);
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}
