// Entry behind `webhook-doctor diagnose [--json] [FILE ...]` (the built CLI, dist-cli/) and
// `npm run -s diagnose -- [--json] [FILE ...]`: wires the process to runCli.
// The same file serves as the engine's worker threads (see engine-pool.ts).
// First, before any engine module creates its regexes (see regex-compile.ts).
import './regex-compile';
import { availableParallelism } from 'node:os';
import { withoutCommand } from './args';
import { isEngineWorker } from './engine-pool';
import { serveEngineWorker } from './engine-worker';
import type { WorkerPlan } from './judging';
import { runCli } from './run';
import { ThreadCpuSampler } from './thread-cpu';

/**
 * Engine workers for big inputs: WEBHOOK_DOCTOR_WORKERS=N (0 turns them off). By default one, when
 * the machine has a second core: the main thread reads, cuts and writes, and judges chunks itself
 * whenever the worker's queue is full (judging.ts), so both cores run the engine. Measured by
 * thread (CPU time) on the 50 MB bench log: main thread alone 3.2 s; one worker judging every
 * chunk 2.4 s, main thread 0.5 s; sharing, 1.5 s each, and 10-15% more CPU in all (each thread
 * warms up its own copy of the engine). Two workers would warm up a third copy for the same two
 * cores. Only the built CLI has them: run from the TypeScript sources through tsx, a worker
 * thread would not get tsx's loader.
 */
const DEFAULT_WORKERS = availableParallelism() >= 2 ? 1 : 0;

function workerPlan(): WorkerPlan | null {
  if (import.meta.url.endsWith('.ts')) return null;
  const asked = process.env.WEBHOOK_DOCTOR_WORKERS;
  const wanted = asked !== undefined && /^\d+$/.test(asked) ? Number(asked) : DEFAULT_WORKERS;
  const count = Math.min(wanted, availableParallelism());
  return count > 0 ? { entry: new URL(import.meta.url), count } : null;
}

if (isEngineWorker()) serveEngineWorker();
else await main();

async function main(): Promise<void> {
  const threads = process.env.WEBHOOK_DOCTOR_DEBUG_CPU === '1' ? new ThreadCpuSampler() : null;
  const status = await runCli(withoutCommand(process.argv.slice(2)), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    workers: workerPlan(),
  });

  // For the memory test and benchmarks: the peak resident set size of this process.
  if (process.env.WEBHOOK_DOCTOR_DEBUG_RSS === '1') {
    process.stderr.write(`webhook-doctor: peak RSS ${process.resourceUsage().maxRSS} kB\n`);
  }
  // For the benchmark: CPU time used (user + system), a figure that other load on the machine does not skew.
  // With the busiest thread's share of it, which tells whether the threads shared the work.
  if (threads) {
    const { user, system } = process.cpuUsage();
    const byThread = threads.stop();
    // Threads that never used a clock tick of CPU (libuv's, the signal watcher) are left out.
    const used = byThread?.filter((ms, index) => index === 0 || ms > 0).map(Math.round);
    const ofBusiest = used === undefined ? '' : `, busiest thread ${used[0]} ms, by thread ${used.join(' ')} ms`;
    process.stderr.write(`webhook-doctor: CPU ${Math.round((user + system) / 1000)} ms${ofBusiest}\n`);
  }
  process.exitCode = status;
}
