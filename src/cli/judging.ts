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

export class ChunkJudging {
  private readonly here: ReturnType<typeof chunkReporter>;
  private pool: EnginePool | null = null;
  private judgedHere = 0;
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

  judge(chunk: TextChunk, format: ChunkFormat): ChunkVerdict<ChunkOutput> | Promise<ChunkVerdict<ChunkOutput>> {
    if (!this.plan || this.judgedHere < CHUNKS_BEFORE_WORKERS) {
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
