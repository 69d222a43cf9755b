// `npx tsx scripts/bench/heap-ab.ts DIR_A DIR_B [reps] [--rows N]`: the heap two builds leave on the
// server-rendered bench page once every badge is in, V8's and Blink's apart, interleaved (each rep
// loads the page once per build, the order turning). The bench's heap figure sums both; a change
// of a few hundred KB is lost in one bench run, not in the minimum of several reps here.
import path from 'node:path';
import { closeBrowsers, launchBrowsers, measureHeap, openLogPage } from './chromium';
import { generateLogPage } from './page-generator';

const MB = 1024 * 1024;

async function heapOf(distDir: string, rows: number): Promise<{ js: number; dom: number }> {
  const page = generateLogPage(rows);
  const browsers = await launchBrowsers(distDir, [page]);
  try {
    const opened = await openLogPage(browsers.extension.context, page, { expectBadges: true, trace: false });
    try {
      const badges = await opened.page.evaluate(() => document.querySelectorAll('[data-webhook-doctor="badge"]').length);
      if (badges !== page.failingRows.length) throw new Error(`${distDir}: ${badges} badges of ${page.failingRows.length}`);
      const heap = await measureHeap(opened.cdp);
      return { js: heap.jsBytes / MB, dom: heap.domBytes / MB };
    } finally {
      await opened.close();
    }
  } finally {
    await closeBrowsers(browsers);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const rowsAt = argv.indexOf('--rows');
  const rows = rowsAt >= 0 ? Number(argv.splice(rowsAt, 2)[1]) : 10_000;
  const dirs = argv.filter((arg) => !/^\d+$/.test(arg)).map((dir) => path.resolve(dir));
  const reps = Number(argv.find((arg) => /^\d+$/.test(arg)) ?? '3');
  const results = dirs.map(() => [] as { js: number; dom: number }[]);
  for (let rep = 0; rep < reps; rep++) {
    const order = dirs.map((_, i) => (i + rep) % dirs.length);
    for (const i of order) {
      const heap = await heapOf(dirs[i]!, rows);
      results[i]!.push(heap);
      console.log(`rep ${rep + 1} ${dirs[i]}: js ${heap.js.toFixed(2)} MB, dom ${heap.dom.toFixed(2)} MB`);
    }
  }
  const min = (values: number[]) => Math.min(...values).toFixed(2);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(2);
  dirs.forEach((dir, i) => {
    const js = results[i]!.map((r) => r.js);
    const dom = results[i]!.map((r) => r.dom);
    console.log(`${dir}: js min ${min(js)} median ${median(js)} MB; dom min ${min(dom)} median ${median(dom)} MB`);
  });
}

await main();
