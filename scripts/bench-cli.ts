// Throughput of the log diagnosis: the engine in-process over 64 KB chunks, and the real CLI as a
// child process (`--json`, output to /dev/null). Usage:
//   tsx scripts/bench-cli.ts [--megabytes 50] [--runs 3] [--json]
import { spawn } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diagnoseText } from '../src/engine';
import { readTextInput } from '../src/cli/input';
import { LineChunker } from '../src/cli/lines';
import { writeLogFile } from './gen-log';

export interface BenchCliOptions {
  megabytes?: number;
  runs?: number;
  seed?: number;
}

export interface ThroughputFigures {
  /** Median over the runs. */
  mbPerSecond: number;
  seconds: number[];
}

export interface BenchCliResult {
  megabytes: number;
  runs: number;
  lines: number;
  findings: number;
  /** diagnoseText over the log already in memory, cut into ~64 KB chunks of whole lines. */
  engine: ThroughputFigures;
  /** `diagnose --json FILE > /dev/null` as a child process, start-up included. */
  cli: ThroughputFigures;
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI_ENTRY = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const MB = 1024 * 1024;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function figures(megabytes: number, seconds: number[]): ThroughputFigures {
  return { mbPerSecond: Number((megabytes / median(seconds)).toFixed(2)), seconds: seconds.map((s) => Number(s.toFixed(3))) };
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

async function timeCli(path: string): Promise<number> {
  const devNull = await open('/dev/null', 'w');
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, '--json', path], {
      cwd: REPO_ROOT,
      stdio: ['ignore', devNull.fd, 'inherit'],
    });
    const status = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    // 1 means findings were found, which a realistic log always has.
    if (status !== 0 && status !== 1) throw new Error(`the CLI exited with status ${status}`);
    return (performance.now() - started) / 1000;
  } finally {
    await devNull.close();
  }
}

export async function benchCli({ megabytes = 50, runs = 3, seed = 42 }: BenchCliOptions = {}): Promise<BenchCliResult> {
  const dir = await mkdtemp(join(tmpdir(), 'webhook-doctor-bench-'));
  try {
    const path = join(dir, 'esp-webhooks.log');
    const written = await writeLogFile(path, megabytes * MB, seed);
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

    const cliSeconds: number[] = [];
    for (let run = 0; run < runs; run++) cliSeconds.push(await timeCli(path));

    return {
      megabytes: Number(size.toFixed(2)),
      runs,
      lines: written.lines,
      findings,
      engine: figures(size, engineSeconds),
      cli: figures(size, cliSeconds),
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
    runs: Math.round(numberOption(argv, '--runs', 3)),
  });
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write(
    [
      `log: ${result.megabytes} MB, ${result.lines} lines, ${result.findings} findings; median of ${result.runs} runs`,
      `engine in-process: ${result.engine.mbPerSecond} MB/s (${result.engine.seconds.join(' s, ')} s)`,
      `CLI --json:        ${result.cli.mbPerSecond} MB/s (${result.cli.seconds.join(' s, ')} s, start-up included)`,
    ].join('\n') + '\n',
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench-cli: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
