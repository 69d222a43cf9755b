// Engine throughput in Node. Uses scripts/bench-cli.ts (benchCli, the CLI benchmark) when it is
// there; otherwise times the engine's detectors in-process over generated log text, so the
// figure is never missing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLog } from '../gen-log';
import { median } from './stats';

export interface EngineResult {
  /** The figure the budget applies to: the engine's throughput in Node. */
  mbPerSecond: number;
  /** Other MB/s figures benchCli returned, by a flat name (e.g. cliMbPerSecond). */
  figures: Record<string, number>;
  source: string;
}

type BenchCli = (options: { megabytes: number; runs: number }) => unknown;

/** Flattens every finite number in a result into dotted paths. */
export function numericLeaves(value: unknown, prefix = ''): Record<string, number> {
  if (typeof value === 'number') return Number.isFinite(value) ? { [prefix || 'value']: value } : {};
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, number> = {};
  for (const [key, inner] of Object.entries(value)) Object.assign(out, numericLeaves(inner, prefix ? `${prefix}.${key}` : key));
  return out;
}

/**
 * Picks the engine's MB/s among benchCli's figures: the in-process engine median if named so,
 * then any median, then any MB/s figure, then the only number.
 */
export function pickThroughput(leaves: Record<string, number>): number | null {
  const names = Object.keys(leaves);
  const find = (test: (name: string) => boolean): number | null => {
    const name = names.find((n) => test(n.toLowerCase()));
    return name === undefined ? null : leaves[name]!;
  };
  const engine = (n: string): boolean => /engine|in-?process/.test(n);
  return (
    find((n) => engine(n) && n.includes('median')) ??
    find((n) => engine(n) && /mb/.test(n)) ??
    find((n) => n.includes('median')) ??
    find((n) => /mb/.test(n)) ??
    (names.length === 1 ? leaves[names[0]!]! : null)
  );
}

/** The MB/s figures besides the chosen one, named flat: `cli.mbPerSecond` → `cliMbPerSecond`. */
export function otherThroughputs(leaves: Record<string, number>, chosen: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(leaves)) {
    if (!/mbper(?:cpu)?second|mb_?s\b|mbps/i.test(name) || value === chosen) continue;
    const flat = name
      .split('.')
      .map((part, i) => (i === 0 ? part : part[0]!.toUpperCase() + part.slice(1)))
      .join('');
    out[flat] = value;
  }
  return out;
}

/** Keeps stdout clean for --json while benchCli runs: anything it prints goes to stderr. */
async function withStdoutOnStderr<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}

async function loadBenchCli(root: string): Promise<BenchCli | null> {
  const file = path.join(root, 'scripts/bench-cli.ts');
  if (!existsSync(file)) return null;
  const module = (await import(pathToFileURL(file).href)) as { benchCli?: unknown };
  return typeof module.benchCli === 'function' ? (module.benchCli as BenchCli) : null;
}

/** The detectors over generated log text in ~64 KB chunks of whole lines, MB/s (median of runs). */
export async function inProcessThroughput(megabytes: number, runs: number): Promise<number> {
  // Imported here so a broken engine costs only this figure, not the whole benchmark.
  const { detectAll } = await import('../../src/engine');
  const text = generateLog(Math.round(megabytes * 1024 * 1024), 7);
  const chunks: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', Math.min(text.length, start + 64 * 1024));
    end = end === -1 ? text.length : end + 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  const figures: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    let findings = 0;
    for (const chunk of chunks) findings += detectAll(chunk).length;
    const seconds = (performance.now() - started) / 1000;
    if (findings === 0) throw new Error('the engine found nothing in the generated log');
    figures.push(text.length / (1024 * 1024) / seconds);
  }
  return median(figures) ?? Number.NaN;
}

export async function measureEngine(root: string, megabytes: number, runs: number): Promise<EngineResult> {
  let reason = 'scripts/bench-cli.ts not found';
  try {
    const benchCli = await loadBenchCli(root);
    if (benchCli) {
      const leaves = numericLeaves(await withStdoutOnStderr(async () => benchCli({ megabytes, runs })));
      const chosen = pickThroughput(leaves);
      if (chosen !== null)
        return { mbPerSecond: chosen, figures: otherThroughputs(leaves, chosen), source: 'scripts/bench-cli.ts benchCli()' };
      reason = 'benchCli() returned no MB/s figure';
    } else {
      reason = existsSync(path.join(root, 'scripts/bench-cli.ts')) ? 'scripts/bench-cli.ts exports no benchCli' : reason;
    }
  } catch (error) {
    reason = `benchCli() failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  const engineRuns = Math.max(1, Math.min(runs, 3));
  return {
    mbPerSecond: await inProcessThroughput(Math.min(megabytes, 20), engineRuns),
    figures: {},
    source: `in-process detectAll (${reason})`,
  };
}
