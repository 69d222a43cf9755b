// What the extension keeps on the 10,000-row bench page: a heap snapshot of the page with the
// extension and one without, summed by constructor / node name, largest differences first.
// `npx tsx scripts/bench/heap-snapshot.ts [--dist DIR] [--rows N] [--top N]` (build first).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { closeBrowsers, launchBrowsers, openLogPage } from './chromium';
import { generateLogPage } from './page-generator';
import { takeSnapshot, type Snapshot } from './snapshot-reader';

/** Self sizes and counts by "type:name" (a constructor, a string, a DOM class, ...). */
export function summarize(snapshot: Snapshot): Map<string, { bytes: number; count: number }> {
  const fields = snapshot.snapshot.meta.node_fields;
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const types = snapshot.snapshot.meta.node_types[0];
  const sums = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += stride) {
    const type = types[snapshot.nodes[i + typeAt]!] ?? '?';
    // Strings are summed together: their text is page content, not a kind of object.
    const name =
      type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '' : snapshot.strings[snapshot.nodes[i + nameAt]!]!;
    const key = `${type}:${name.slice(0, 60)}`;
    const entry = sums.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += snapshot.nodes[i + sizeAt]!;
    entry.count++;
    sums.set(key, entry);
  }
  return sums;
}

async function waitForEveryBadge(page: Page, expected: number): Promise<void> {
  const count = () => page.evaluate(() => document.querySelectorAll('[data-webhook-doctor="badge"]').length);
  for (let waited = 0; (await count()) < expected && waited < 120_000; waited += 500) await page.waitForTimeout(500);
  console.log(`badges: ${await count()} of ${expected}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : fallback);
  const distDir = path.resolve(option('dist', 'dist'));
  const page = generateLogPage(Number(option('rows', '10000')));
  const top = Number(option('top', '30'));
  const browsers = await launchBrowsers(distDir, [page]);
  try {
    const sums: Map<string, { bytes: number; count: number }>[] = [];
    for (const [context, expectBadges] of [
      [browsers.plain.context, false],
      [browsers.extension.context, true],
    ] as const) {
      const opened = await openLogPage(context, page, { expectBadges, trace: false });
      try {
        // On a busy machine the scan can outlast openLogPage's patience: wait for every badge.
        if (expectBadges) await waitForEveryBadge(opened.page, page.failingRows.length);
        sums.push(summarize(await takeSnapshot(opened.cdp)));
      } finally {
        await opened.close();
      }
    }
    const [plain, withExtension] = sums as [(typeof sums)[0], (typeof sums)[0]];
    const rows = [...withExtension].map(([key, value]) => {
      const before = plain.get(key) ?? { bytes: 0, count: 0 };
      return { key, bytes: value.bytes - before.bytes, count: value.count - before.count };
    });
    const total = rows.reduce((sum, row) => sum + row.bytes, 0);
    console.log(`JS heap (snapshot) added by the extension: ${(total / 1024 / 1024).toFixed(2)} MB`);
    for (const row of rows.sort((a, b) => b.bytes - a.bytes).slice(0, top)) {
      console.log(`${(row.bytes / 1024).toFixed(0).padStart(8)} KB ${String(row.count).padStart(8)}  ${row.key}`);
    }
  } finally {
    await closeBrowsers(browsers);
  }
}

await main();
