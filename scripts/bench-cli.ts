// Throughput of the log diagnosis: the engine in-process over 64 KB chunks, and the real CLI as a
// child process (`--json`, output to /dev/null): the built one (dist-cli/, what `webhook-doctor`
// runs; built first) and, for comparison, the TypeScript sources through tsx. Usage:
//   tsx scripts/bench-cli.ts [--megabytes 50] [--runs 3] [--failure-rate 0.1] [--json]
// (--failure-rate 0.05: a quieter log, as most real ones are; gen-log's 10% by default).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diagnoseText } from '../src/engine';
import { readTextInput } from '../src/cli/input';
import { LineChunker } from '../src/cli/lines';
import { FAILURE_RATE, writeLogFile } from './gen-log';

export interface BenchCliOptions {
  megabytes?: number;
  runs?: number;
  seed?: number;
  /** Share of failure lines in the generated log (gen-log's FAILURE_RATE by default). */
  failureRate?: number;
}

export interface ThroughputFigures {
  /** Median over the runs. */
  mbPerSecond: number;
  seconds: number[];
}

export interface CliThroughputFigures extends ThroughputFigures {
  /** MB per second of the child's own CPU time (median): what the machine's other load does not skew. */
  mbPerCpuSecond: number;
  /**
   * MB per CPU second of the child's busiest thread (median; Linux only, else absent): about the
   * wall-clock rate with a free core for every thread, so it shows work shared between threads
   * even on a loaded machine, where the wall clock cannot.
   */
  mbPerBusiestThreadSecond?: number;
  /**
   * CPU seconds per thread, busiest first, of the run with the median CPU time (Linux only): the
   * JavaScript threads (main, engine workers), then V8's helper threads, which compile hot
   * functions for every isolate anew and collect garbage.
   */
  cpuSecondsByThread?: number[];
}

export interface BenchCliResult {
  megabytes: number;
  runs: number;
  lines: number;
  findings: number;
  /** diagnoseText over the log already in memory, cut into ~64 KB chunks of whole lines. */
  engine: ThroughputFigures;
  /** `webhook-doctor diagnose --json FILE > /dev/null` (the built CLI) as a child process, start-up included. */
  cli: CliThroughputFigures;
  /** The same through tsx from the TypeScript sources (what `npm run diagnose` runs). */
  cliTsx: CliThroughputFigures;
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI_SOURCE = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
export const CLI_BUNDLE = fileURLToPath(new URL('../dist-cli/webhook-doctor.mjs', import.meta.url));

/** Builds dist-cli/webhook-doctor.mjs from the sources (vite.cli.config.ts). */
export function buildCli(): void {
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn'],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    },
  );
}

const CLI_COMMANDS = {
  built: ['--', CLI_BUNDLE, 'diagnose'],
  tsx: ['--import', 'tsx', CLI_SOURCE],
} as const;
const MB = 1024 * 1024;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function figures(megabytes: number, seconds: number[]): ThroughputFigures {
  return { mbPerSecond: Number((megabytes / median(seconds)).toFixed(2)), seconds: seconds.map((s) => Number(s.toFixed(3))) };
}

function cliFigures(megabytes: number, runs: CliRun[]): CliThroughputFigures {
  const busiest = runs.map((run) => run.busiestThreadSeconds).filter((seconds) => seconds !== null);
  const byCpu = [...runs].sort((a, b) => a.cpuSeconds - b.cpuSeconds);
  const medianRun = byCpu[(byCpu.length - 1) >> 1]!;
  return {
    ...figures(
      megabytes,
      runs.map((run) => run.seconds),
    ),
    mbPerCpuSecond: Number((megabytes / median(runs.map((run) => run.cpuSeconds))).toFixed(2)),
    ...(busiest.length === runs.length ? { mbPerBusiestThreadSecond: Number((megabytes / median(busiest)).toFixed(2)) } : {}),
    ...(medianRun.secondsByThread ? { cpuSecondsByThread: medianRun.secondsByThread } : {}),
  };
}

/** The log as the CLI would feed it to the engine, held in memory so only the engine is timed. */
async function loadChunks(path: string): Promise<string[]> {
  const chunker = new LineChunker();
  const chunks: string[] = [];
  for await (const piece of readTextInput(path)) chunks.push(...chunker.push(piece).map((chunk) => chunk.text));
  chunks.push(...chunker.end().map((chunk) => chunk.text));
  return chunks;
}

function timeEngine(chunks: readonly string[]): { seconds: number; findings: number } {
  const started = performance.now();
  let findings = 0;
  for (const chunk of chunks) findings += diagnoseText(chunk).length;
  return { seconds: (performance.now() - started) / 1000, findings };
}

interface CliRun {
  seconds: number;
  /** CPU seconds the child used (user + system), as it reports them. */
  cpuSeconds: number;
  /** CPU seconds of its busiest thread, when it can tell. */
  busiestThreadSeconds: number | null;
  /** CPU seconds of every thread, busiest first, when it can tell. */
  secondsByThread: number[] | null;
}

async function timeCli(path: string, how: keyof typeof CLI_COMMANDS): Promise<CliRun> {
  const devNull = await open('/dev/null', 'w');
  try {
    const started = performance.now();
    const child = spawn(process.execPath, [...CLI_COMMANDS[how], '--json', path], {
      cwd: REPO_ROOT,
      env: { ...process.env, WEBHOOK_DOCTOR_DEBUG_CPU: '1' },
      stdio: ['ignore', devNull.fd, 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const status = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const seconds = (performance.now() - started) / 1000;
    // 1 means findings were found, which a realistic log always has.
    if (status !== 0 && status !== 1) throw new Error(`the CLI exited with status ${status}: ${stderr}`);
    const cpu = /webhook-doctor: CPU (\d+) ms(?:, busiest thread (\d+) ms, by thread ([\d ]+) ms)?/.exec(stderr);
    if (!cpu) throw new Error(`the CLI did not report its CPU time: ${stderr}`);
    return {
      seconds,
      cpuSeconds: Number(cpu[1]) / 1000,
      busiestThreadSeconds: cpu[2] === undefined ? null : Number(cpu[2]) / 1000,
      secondsByThread: cpu[3] === undefined ? null : cpu[3].split(' ').map((ms) => Number(ms) / 1000),
    };
  } finally {
    await devNull.close();
  }
}

export async function benchCli({
  megabytes = 50,
  runs = 3,
  seed = 42,
  failureRate = FAILURE_RATE,
}: BenchCliOptions = {}): Promise<BenchCliResult> {
  // Each figure is a median over the runs: none would leave nothing to take it from.
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a whole number of at least 1, not ${runs}`);
  const dir = await mkdtemp(join(tmpdir(), 'webhook-doctor-bench-'));
  try {
    const path = join(dir, 'esp-webhooks.log');
    const written = await writeLogFile(path, megabytes * MB, seed, failureRate);
    const size = written.bytes / MB;

    const chunks = await loadChunks(path);
    const engineSeconds: number[] = [];
    let findings = 0;
    for (let run = 0; run < runs; run++) {
      const result = timeEngine(chunks);
      engineSeconds.push(result.seconds);
      findings = result.findings;
    }
    chunks.length = 0;

    buildCli();
    const cliRuns: CliRun[] = [];
    const tsxRuns: CliRun[] = [];
    for (let run = 0; run < runs; run++) {
      cliRuns.push(await timeCli(path, 'built'));
      tsxRuns.push(await timeCli(path, 'tsx'));
    }

    return {
      megabytes: Number(size.toFixed(2)),
      runs,
      lines: written.lines,
      findings,
      engine: figures(size, engineSeconds),
      cli: cliFigures(size, cliRuns),
      cliTsx: cliFigures(size, tsxRuns),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function numberOption(argv: readonly string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
}

async function main(argv: readonly string[]): Promise<void> {
  const result = await benchCli({
    megabytes: numberOption(argv, '--megabytes', 50),
    runs: numberOption(argv, '--runs', 3),
    failureRate: numberOption(argv, '--failure-rate', FAILURE_RATE),
  });
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write(
    [
      `log: ${result.megabytes} MB, ${result.lines} lines, ${result.findings} findings; median of ${result.runs} runs`,
      `engine in-process: ${result.engine.mbPerSecond} MB/s (${result.engine.seconds.join(' s, ')} s)`,
      `CLI --json, built: ${result.cli.mbPerSecond} MB/s (${result.cli.seconds.join(' s, ')} s, start-up included); ${result.cli.mbPerCpuSecond} MB per CPU second` +
        (result.cli.mbPerBusiestThreadSecond === undefined
          ? ''
          : `, ${result.cli.mbPerBusiestThreadSecond} per CPU second of its busiest thread`) +
        (result.cli.cpuSecondsByThread === undefined
          ? ''
          : `\n  CPU by thread, busiest first (the JS threads lead, V8's helpers follow): ${result.cli.cpuSecondsByThread.join(' + ')} s`),
      `CLI --json, tsx:   ${result.cliTsx.mbPerSecond} MB/s (${result.cliTsx.seconds.join(' s, ')} s, start-up included); ${result.cliTsx.mbPerCpuSecond} MB per CPU second`,
    ].join('\n') + '\n',
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench-cli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
