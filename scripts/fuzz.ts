// `npm run fuzz`: the fuzz properties of test/fuzz/properties.ts with their big case counts (a
// million per detector property; fewer for the DOM scanner, whose cases cost milliseconds), spread
// over worker threads. Prints one row per property: cases run, failed or not, seconds; then the
// fast-check report (counterexample and seed) of every failure. Exit code 1 when any failed.
//
//   npm run fuzz                      all properties, full counts, 2 workers
//   npm run fuzz -- --scale 0.01      1% of the cases (a quick look)
//   npm run fuzz -- --only scanner    properties whose name contains "scanner"
//   npm run fuzz -- --workers 1
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { PROPERTIES, type FuzzOutcome } from '../test/fuzz/properties.ts';
import { formatTable } from './text-table';

interface Job {
  index: number;
  runs: number;
}

interface Result extends FuzzOutcome {
  index: number;
  seconds: number;
}

interface Options {
  scale: number;
  only: string;
  workers: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { scale: 1, only: '', workers: 2 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1] ?? '';
    switch (argv[i]) {
      case '--scale':
        options.scale = Number(value);
        i++;
        break;
      case '--only':
        options.only = value;
        i++;
        break;
      case '--workers':
        options.workers = Math.max(1, Math.floor(Number(value)));
        i++;
        break;
      default:
        throw new Error(`Unknown option ${argv[i]} (use --scale N, --only TEXT, --workers N)`);
    }
  }
  if (!(options.scale > 0)) throw new Error('--scale takes a positive number');
  return options;
}

/** Worker threads do not inherit tsx's loader: each registers it, then loads this file. */
const WORKER_BOOT = `import('tsx/esm/api')
  .then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); })
  .catch((error) => { console.error(error); process.exit(2); });`;

async function runJob(job: Job): Promise<Result> {
  const property = PROPERTIES[job.index]!;
  const started = performance.now();
  const outcome = await property.check(job.runs);
  return { ...outcome, index: job.index, seconds: (performance.now() - started) / 1000 };
}

/** One worker thread: runs the jobs it is sent until the main thread closes it. */
function serveJobs(): void {
  parentPort!.on('message', (job: Job) => {
    runJob(job).then(
      (result) => parentPort!.postMessage(result),
      (error: unknown) => parentPort!.postMessage({ index: job.index, runs: 0, failed: true, report: String(error), seconds: 0 }),
    );
  });
}

/** Hands the jobs out to `count` workers in the given order; resolves with all results. */
function runAll(jobs: Job[], count: number, onResult: (result: Result) => void): Promise<Result[]> {
  const queue = [...jobs];
  const results: Result[] = [];
  return new Promise((resolve, reject) => {
    let active = 0;
    const startWorker = () => {
      const worker = new Worker(WORKER_BOOT, { eval: true });
      active++;
      const next = () => {
        const job = queue.shift();
        if (job) worker.postMessage(job);
        else void worker.terminate();
      };
      worker.on('message', (result: Result) => {
        results.push(result);
        onResult(result);
        next();
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        if (--active === 0) resolve(results);
      });
      next();
    };
    for (let i = 0; i < Math.min(count, jobs.length); i++) startWorker();
  });
}

function table(results: readonly Result[]): string {
  const rows = [...results]
    .sort((a, b) => a.index - b.index)
    .map((r) => [PROPERTIES[r.index]!.name, r.runs.toLocaleString('en-US'), r.failed ? 'FAILED' : '0', r.seconds.toFixed(1)]);
  return formatTable(['property', 'cases', 'failures', 'seconds'], rows);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const jobs = PROPERTIES.map((property, index) => ({
    index,
    runs: Math.max(1, Math.round(property.fuzzRuns * options.scale)),
    name: property.name,
  }))
    .filter((job) => job.name.includes(options.only))
    .map(({ index, runs }) => ({ index, runs }))
    // The DOM scanner properties come last in the list and cost the most: start them first.
    .reverse();
  if (jobs.length === 0) throw new Error(`No property matches "${options.only}"`);
  const total = jobs.reduce((sum, job) => sum + job.runs, 0);
  console.log(`Fuzzing ${jobs.length} properties, ${total.toLocaleString('en-US')} cases, ${options.workers} workers…`);
  const started = performance.now();
  const results = await runAll(jobs, options.workers, (result) => {
    console.log(`  ${result.failed ? 'FAILED' : 'ok    '} ${PROPERTIES[result.index]!.name} (${result.seconds.toFixed(1)} s)`);
  });
  console.log(`\n${table(results)}\n`);
  const ran = results.reduce((sum, r) => sum + r.runs, 0);
  const failed = results.filter((r) => r.failed);
  console.log(
    `${ran.toLocaleString('en-US')} cases run in ${((performance.now() - started) / 1000).toFixed(0)} s; ${failed.length} of ${results.length} properties failed.`,
  );
  for (const result of failed) {
    console.log(`\n--- ${PROPERTIES[result.index]!.name}\n${result.report.slice(0, 4000)}`);
  }
  process.exitCode = failed.length > 0 ? 1 : 0;
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
} else {
  serveJobs();
}
