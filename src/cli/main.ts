// Entry behind `webhook-doctor diagnose [--json] [FILE ...]` (the built CLI, dist-cli/) and
// `npm run -s diagnose -- [--json] [FILE ...]`: wires the process to runCli.
// The same file serves as the engine's worker threads (see engine-pool.ts).
import { availableParallelism } from 'node:os';
import { withoutCommand } from './args';
import { isEngineWorker, serveEngineWorker } from './engine-worker';
import type { WorkerPlan } from './judging';
import { runCli } from './run';

/**
 * Engine workers for big inputs, only when asked for: WEBHOOK_DOCTOR_WORKERS=N (N > 0). Measured
 * on a loaded 2-core machine, workers cost more than they saved (each warms up its own copy of the
 * engine), so by default every chunk is judged in this thread. Only the built CLI has them: run
 * from the TypeScript sources through tsx, a worker thread would not get tsx's loader.
 */
function workerPlan(): WorkerPlan | null {
  if (import.meta.url.endsWith('.ts')) return null;
  const asked = process.env.WEBHOOK_DOCTOR_WORKERS;
  const count = asked !== undefined && /^\d+$/.test(asked) ? Math.min(Number(asked), availableParallelism()) : 0;
  return count > 0 ? { entry: new URL(import.meta.url), count } : null;
}

if (isEngineWorker()) serveEngineWorker();
else await main();

async function main(): Promise<void> {
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
  if (process.env.WEBHOOK_DOCTOR_DEBUG_CPU === '1') {
    const { user, system } = process.cpuUsage();
    process.stderr.write(`webhook-doctor: CPU ${Math.round((user + system) / 1000)} ms\n`);
  }
  process.exitCode = status;
}
