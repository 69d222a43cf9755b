// Which compiled code the extension leaves on the 10,000-row bench page, by what it was compiled
// for: machine code of regexes is most of the heap the extension adds beyond the reference's, and
// this names the regexes. `npx tsx scripts/bench/heap-code.ts [--dist DIR] [--rows N] [--top N]`
// (build first; `WD_NO_MINIFY=1 npm run build` keeps function names readable).
import path from 'node:path';
import { closeBrowsers, launchBrowsers, openLogPage } from './chromium';
import { generateLogPage } from './page-generator';
import { codeByOwner, takeSnapshot } from './snapshot-reader';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : fallback);
  const page = generateLogPage(Number(option('rows', '10000')));
  const top = Number(option('top', '30'));
  const browsers = await launchBrowsers(path.resolve(option('dist', 'dist')), [page]);
  try {
    const opened = await openLogPage(browsers.extension.context, page, { expectBadges: true, trace: false });
    try {
      const owners = codeByOwner(await takeSnapshot(opened.cdp));
      const total = (kind: string) => owners.filter((row) => row.owner.startsWith(kind)).reduce((sum, row) => sum + row.bytes, 0);
      console.log(
        `code in the page's heap: ${megabytes(total(''))} (regexes ${megabytes(total('regexp:'))}, functions ${megabytes(total('closure:'))})`,
      );
      for (const row of owners.slice(0, top)) {
        console.log(`${(row.bytes / 1024).toFixed(0).padStart(8)} KB ${String(row.count).padStart(6)}  ${row.owner.slice(0, 110)}`);
      }
    } finally {
      await opened.close();
    }
  } finally {
    await closeBrowsers(browsers);
  }
}

await main();
