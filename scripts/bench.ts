// `npm run bench [-- --json] [--runs N] [--smoke]`: builds the extension, measures what it costs
// ESP log pages in headless Chromium (with and without it), the popup, the engine in Node and the
// bundle sizes, prints a table with the budgets, and writes bench-results/latest.json.
// Progress goes to stderr, so stdout holds only the table (or the JSON with --json).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../test/e2e/harness';
import { USAGE, UsageError, parseOptions } from './bench/options';
import { buildExtension } from './build-extension';
import { runBench, runVersusOnly } from './bench/run';
import { formatReport, versusTables } from './bench/table';

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function build(): void {
  log('Building the extension…');
  buildExtension({ target: 'chrome', root: ROOT, logLevel: 'warn', stdio: ['ignore', 2, 2] });
}

export async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseOptions(argv, ROOT);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) log(error.message);
    log(USAGE);
    return error.message ? 2 : 0;
  }
  if (options.build) build();
  if (options.versusOnly) {
    const results = await runVersusOnly(options, log);
    mkdirSync(path.dirname(options.outFile), { recursive: true });
    writeFileSync(options.outFile, `${JSON.stringify(results, null, 2)}\n`);
    const header = `Webhook Doctor against the reference scanner, ${results.date}; load at start ${results.loadAverage.join(' ')}; ${results.chromium}; median of ${results.runs} run(s)`;
    process.stdout.write(
      options.json
        ? `${JSON.stringify(results, null, 2)}\n`
        : `${header}\n\n${versusTables(results.versus)}\n${results.errors.map((e) => `error: ${e}\n`).join('')}`,
    );
    return 0;
  }
  const results = await runBench(options, ROOT, log);
  mkdirSync(path.dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(options.json ? `${JSON.stringify(results, null, 2)}\n` : `${formatReport(results)}\n`);
  log(`Results written to ${path.relative(process.cwd(), options.outFile) || options.outFile}`);
  // Budgets failing is a finding to report, not a crash of the benchmark: exit 0 either way.
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
