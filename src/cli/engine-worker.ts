// The worker side of EnginePool: judges each chunk it is sent and answers with the verdict,
// JSON lines as transferred bytes.
import { parentPort, workerData } from 'node:worker_threads';
import { chunkReporter } from './chunk-report';
import type { ChunkReply, ChunkRequest, EngineWorkerData } from './engine-pool';

export function serveEngineWorker(): void {
  const port = parentPort!;
  const { setup, finished, slot } = workerData as EngineWorkerData;
  const report = chunkReporter(setup);
  port.on('message', ({ id, chunk, format }: ChunkRequest) => {
    let reply: ChunkReply;
    try {
      reply = { id, verdict: report(chunk, format) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    const result = 'verdict' in reply ? reply.verdict.result : null;
    const transfer = result && 'jsonLines' in result ? [result.jsonLines.buffer as ArrayBuffer] : [];
    Atomics.add(finished, slot, 1);
    port.postMessage(reply, transfer);
  });
}
