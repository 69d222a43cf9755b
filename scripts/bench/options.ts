// Command-line options of `npm run bench`.
import path from 'node:path';

export interface BenchOptions {
  /** Runs per measurement; each reported figure is their median. */
  runs: number;
  /** Log page sizes, in rows. */
  sizes: number[];
  /** The size used for the incremental, heap and floor-ratio budgets. */
  referenceRows: number;
  /** Rows appended in the incremental measurement. */
  appendedRows: number;
  /** Failing rows on the page the popup is opened for. */
  popupFindings: number;
  /** Log text pushed through the CLI engine benchmark. */
  engineMegabytes: number;
  /** Print JSON instead of the table. */
  json: boolean;
  /** Tiny mode for the smoke test: one small page, one run. */
  smoke: boolean;
  /** Only the comparison with the reference scanner (no per-size pages, popup, engine, bundles). */
  versusOnly: boolean;
  /** With --versus-only: the scenarios to run (spa, ssr, huge); all when empty. */
  scenarios: string[];
  /** Run `vite build` first. */
  build: boolean;
  /** The built extension to load. */
  distDir: string;
  /** Where the results JSON goes. */
  outFile: string;
}

export const USAGE = `usage: npm run bench -- [--json] [--runs N] [--smoke] [--no-build] [--dist DIR] [--out FILE]
  --json       print the results as JSON instead of a table
  --runs N     runs per measurement, median reported (default 5)
  --smoke      tiny mode (200 rows, 1 run) that only checks the bench works
  --versus-only  only the comparison with the reference scanner (issue 9)
  --scenarios LIST  with --versus-only: some of spa,ssr,huge
  --no-build   use the existing build instead of running vite build
  --dist DIR   load the extension from DIR (default dist; implies --no-build)
  --out FILE   where to write the results (default bench-results/latest.json)`;

export class UsageError extends Error {}

export function parseOptions(argv: readonly string[], root: string): BenchOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument: ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (['runs', 'dist', 'out', 'scenarios'].includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else if (['json', 'smoke', 'no-build', 'versus-only', 'help'].includes(name)) {
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option: --${name}`);
    }
  }
  if (flags.has('help')) throw new UsageError('');

  const smoke = flags.has('smoke');
  const runs = flags.has('runs') ? Number(flags.get('runs')) : smoke ? 1 : 5;
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError('--runs must be a positive integer');
  const dist = flags.get('dist');
  const out = flags.get('out');
  return {
    runs,
    sizes: smoke ? [200] : [1_000, 10_000, 50_000],
    referenceRows: smoke ? 200 : 10_000,
    appendedRows: 100,
    popupFindings: smoke ? 50 : 500,
    engineMegabytes: smoke ? 1 : 50,
    json: flags.has('json'),
    smoke,
    versusOnly: flags.has('versus-only'),
    scenarios: typeof flags.get('scenarios') === 'string' ? String(flags.get('scenarios')).split(',') : [],
    build: !flags.has('no-build') && dist === undefined,
    distDir: path.resolve(root, typeof dist === 'string' ? dist : 'dist'),
    outFile: path.resolve(root, typeof out === 'string' ? out : 'bench-results/latest.json'),
  };
}
