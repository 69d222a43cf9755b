// The engine in worker threads: a big log's chunks are judged there while the main thread reads
// the next ones and writes the output, and on a machine with spare cores several at once.
// The workers run this same module file (the built CLI is one file), told apart by workerData.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { ChunkFormat, ChunkOutput, EngineSetup } from './chunk-report';
import type { TextChunk } from './lines';
import type { ChunkVerdict } from './scan';

/** Marks a worker started by EnginePool. */
export const ENGINE_WORKER_ROLE = 'webhook-doctor-engine';

export interface EngineWorkerData {
  role: typeof ENGINE_WORKER_ROLE;
  setup: EngineSetup;
  /**
   * One counter per worker, shared: how many chunks it has finished. The main thread reads them
   * while it is busy and cannot take the answers in yet (see EnginePool.waiting).
   */
  finished: Int32Array;
  /** This worker's slot in `finished`. */
  slot: number;
}

/** True in a thread that EnginePool started. */
export function isEngineWorker(): boolean {
  return parentPort !== null && (workerData as Partial<EngineWorkerData> | null)?.role === ENGINE_WORKER_ROLE;
}

export interface ChunkRequest {
  id: number;
  chunk: TextChunk;
  format: ChunkFormat;
}

export type ChunkReply = { id: number; verdict: ChunkVerdict<ChunkOutput> } | { id: number; error: string };

interface Pending {
  resolve: (verdict: ChunkVerdict<ChunkOutput>) => void;
  reject: (error: Error) => void;
}

export class EnginePool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private readonly finished: Int32Array;
  private nextId = 0;
  private failure: Error | null = null;

  /** `entry` is the module that serves as a worker (see serveEngineWorker). */
  constructor(entry: string | URL, size: number, setup: EngineSetup) {
    this.finished = new Int32Array(new SharedArrayBuffer(size * Int32Array.BYTES_PER_ELEMENT));
    this.workers = Array.from({ length: size }, (_, slot) => {
      const workerData: EngineWorkerData = { role: ENGINE_WORKER_ROLE, setup, finished: this.finished, slot };
      const worker = new Worker(entry, { workerData });
      worker.on('message', (reply: ChunkReply) => this.settle(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`an engine worker stopped with code ${code}`));
      });
      return worker;
    });
  }

  /** Judges a chunk in the next worker in turn (chunks cost about the same). */
  judge(chunk: TextChunk, format: ChunkFormat): Promise<ChunkVerdict<ChunkOutput>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const request: ChunkRequest = { id, chunk, format };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage(request);
    });
  }

  /**
   * Chunks sent and not yet judged, counted from the workers' shared counters: the answers of
   * chunks already judged wait for this thread's event loop, and a count of them would say the
   * workers are busy while they sit idle.
   */
  get waiting(): number {
    let finished = 0;
    for (let slot = 0; slot < this.finished.length; slot++) finished += Atomics.load(this.finished, slot);
    return this.nextId - finished;
  }

  async close(): Promise<void> {
    for (const waiting of this.pending.values()) waiting.reject(new Error('the scan was stopped'));
    this.pending.clear();
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(reply: ChunkReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.verdict);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
