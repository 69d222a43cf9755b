// `tsx scripts/bench/engine-ab.ts [--megabytes 20] [--reps 9] [--profile NAME] DIR_OR_REF ...`:
// the engine of several checkouts (a directory, or a git ref of this repository checked out into
// a temporary worktree) compared in one process on the bench log: each engine is bundled with
// esbuild, loaded side by side, and run over the same 64 KB chunks in turns (the order turns each
// rep), so that the machine's load moves all of them alike. Prints min and median MB per CPU
// second (this process's CPU time: waiting for a core does not count, which on a machine loaded
// far beyond its cores is the only figure that holds still) per engine and whether their findings
// agree, and the first pass of each, which runs the engine cold as one CLI run does (V8 compiling
// its functions meanwhile, on threads whose CPU time counts too). On a shared machine, read the
// minimum time. `--profile NAME` then profiles the engine given as NAME (as written among the
// arguments) over the same chunks and prints where its time goes, by function and by source file
// (engine-profile.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LineChunker } from '../../src/cli/lines';
import { generateLog } from '../gen-log';
import { profiled, profileReport } from './engine-profile';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const MB = 1024 * 1024;

interface EngineModule {
  diagnoseText(text: string): { finding: { start: number; kind: string; code: number | null; problem: string | null } }[];
}

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return value ?? fallback;
}

/** A directory holding src/engine, or a temporary worktree of `ref`. */
function checkout(source: string, scratch: string): string {
  if (existsSync(join(source, 'src/engine/index.ts'))) return resolve(source);
  const dir = join(scratch, source.replace(/[^\w.-]/g, '_'));
  execFileSync('git', ['-C', REPO, 'worktree', 'add', '--detach', dir, source], { stdio: 'ignore' });
  return dir;
}

function bundle(dir: string, out: string): void {
  execFileSync(
    join(REPO, 'node_modules/.bin/esbuild'),
    [join(dir, 'src/engine/index.ts'), '--bundle', '--format=esm', '--platform=node', `--outfile=${out}`, '--log-level=warning'],
    { stdio: 'inherit' },
  );
}

/** The log in ~64 KB chunks of whole lines, fed to the chunker in 64 KB reads as the CLI does. */
function asTheCliCutsIt(log: string): string[] {
  const chunker = new LineChunker();
  const chunks: string[] = [];
  for (let at = 0; at < log.length; at += 64 * 1024) chunks.push(...chunker.push(log.slice(at, at + 64 * 1024)).map((chunk) => chunk.text));
  return [...chunks, ...chunker.end().map((chunk) => chunk.text)];
}

const args = process.argv.slice(2);
const megabytes = Number(option(args, '--megabytes', '20'));
const reps = Number(option(args, '--reps', '9'));
const profileName = option(args, '--profile', '');
if (args.length === 0) throw new Error('usage: tsx scripts/bench/engine-ab.ts [--megabytes N] [--reps N] [--profile NAME] DIR_OR_REF ...');
if (profileName !== '' && !args.includes(profileName)) throw new Error(`--profile ${profileName}: not among the engines compared`);

const scratch = mkdtempSync(join(tmpdir(), 'engine-ab-'));
const worktrees: string[] = [];
try {
  const engines: { name: string; engine: EngineModule; url: string; seconds: number[] }[] = [];
  for (const [index, source] of args.entries()) {
    const dir = checkout(source, scratch);
    if (dir.startsWith(scratch)) worktrees.push(dir);
    const out = join(scratch, `engine-${index}.mjs`);
    bundle(dir, out);
    const url = pathToFileURL(out).href;
    engines.push({ name: source, engine: (await import(url)) as EngineModule, url, seconds: [] });
  }

  const log = generateLog(megabytes * MB, 42);
  const chunks = asTheCliCutsIt(log);
  const size = log.length / MB;

  // The first pass runs each engine cold, as a CLI run does while V8 compiles it: timed apart.
  const coldSeconds: number[] = [];
  const signatures = engines.map(({ engine }) => {
    const started = process.cpuUsage();
    const signature = chunks
      .flatMap((chunk) => engine.diagnoseText(chunk).map(({ finding: f }) => `${f.start}:${f.kind}:${f.code}:${f.problem}`))
      .join('\n');
    const used = process.cpuUsage(started);
    coldSeconds.push((used.user + used.system) / 1e6);
    return signature;
  });
  for (let rep = 0; rep < reps; rep++) {
    const shift = rep % engines.length;
    const order = [...engines.slice(shift), ...engines.slice(0, shift)];
    for (const entry of rep % 2 === 0 ? order : order.reverse()) {
      const started = process.cpuUsage();
      for (const chunk of chunks) entry.engine.diagnoseText(chunk);
      const used = process.cpuUsage(started);
      entry.seconds.push((used.user + used.system) / 1e6);
    }
  }
  const rate = (seconds: number) => (size / seconds).toFixed(1);
  for (const [index, { name, seconds }] of engines.entries()) {
    const sorted = [...seconds].sort((a, b) => a - b);
    process.stdout.write(
      `${name}: best ${rate(sorted[0]!)}, median ${rate(sorted[sorted.length >> 1]!)} MB per CPU second over ${reps} reps of ${size.toFixed(1)} MB` +
        ` (cold first pass ${rate(coldSeconds[index]!)})\n`,
    );
  }
  const same = signatures.every((signature) => signature === signatures[0]);
  process.stdout.write(same ? 'findings: identical\n' : 'findings: DIFFER\n');
  const profiledEngine = engines.find(({ name }) => name === profileName);
  if (profiledEngine) {
    const profile = await profiled(() => {
      for (const chunk of chunks) profiledEngine.engine.diagnoseText(chunk);
    });
    process.stdout.write(`${profileReport(profile, profiledEngine.url).join('\n')}\n`);
  }
} finally {
  for (const dir of worktrees) execFileSync('git', ['-C', REPO, 'worktree', 'remove', '--force', dir], { stdio: 'ignore' });
  rmSync(scratch, { recursive: true, force: true });
}
