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

/**
 * Chunks each worker may have waiting before this thread judges the next one itself: a worker
 * never runs dry, and this thread, which otherwise only reads, cuts and writes (a sixth of the
 * CPU time), spends its idle core on the engine too. On the 50 MB bench log with one worker, 5
 * shares the engine's chunks about evenly by CPU time (main thread 1.5 s, worker 1.5 s; the
 * worker alone took 2.4 s): more waiting leaves more to the worker, less to this thread. A
 * worker slowed down by other load on the machine fills its queue sooner, so this thread takes
 * more.
 */
const QUEUED_PER_WORKER = 5;
/** Chunks judged in this thread before workers start: about 256 KB of log. */
const CHUNKS_BEFORE_WORKERS = 4;
/** An input known to be bigger than this goes to the workers from its first chunk. */
const BIG_INPUT_BYTES = CHUNKS_BEFORE_WORKERS * 64 * 1024;

export class ChunkJudging {
  private readonly here: ReturnType<typeof chunkReporter>;
  private pool: EnginePool | null = null;
  /** Chunks judged in this thread before the workers started. */
  private judgedBeforeWorkers = 0;
  /** Set once a big input is announced: the workers start with its first chunk. */
  private workersFromNow = false;
  /** Chunks sent to worker threads so far (reported for tests and benchmarks). */
  judgedInWorkers = 0;
  /** Chunks judged in this thread while workers ran, their queues full (reported likewise). */
  judgedBesideWorkers = 0;

  constructor(
    private readonly setup: EngineSetup,
    private readonly plan: WorkerPlan | null,
  ) {
    this.here = chunkReporter(setup);
  }

  /**
   * Chunks worth having under way at once: each worker's full queue and the chunk it is on, and
   * two more that this thread judges meanwhile (their results wait for the workers' in order).
   */
  get inFlight(): number {
    return this.plan ? this.plan.count * (QUEUED_PER_WORKER + 2) + 2 : 1;
  }

  /**
   * Told the size of the next input when it is known (a file): a big one starts the workers with
   * its first chunk, so that they load while the first chunks are read.
   */
  expectInput(bytes: number | null): void {
    if (this.plan && bytes !== null && bytes > BIG_INPUT_BYTES) this.workersFromNow = true;
  }

  judge(chunk: TextChunk, format: ChunkFormat): ChunkVerdict<ChunkOutput> | Promise<ChunkVerdict<ChunkOutput>> {
    if (!this.plan || (!this.workersFromNow && this.judgedBeforeWorkers < CHUNKS_BEFORE_WORKERS)) {
      this.judgedBeforeWorkers++;
      return this.here(chunk, format);
    }
    this.pool ??= new EnginePool(this.plan.entry, this.plan.count, this.setup);
    // Both cores work: with every worker's queue full, this thread takes the chunk.
    if (this.pool.waiting >= this.plan.count * QUEUED_PER_WORKER) {
      this.judgedBesideWorkers++;
      return this.here(chunk, format);
    }
    this.judgedInWorkers++;
    return this.pool.judge(chunk, format);
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}
