// `npm run demo`: builds the extension, opens every fixture ESP page in Chromium with it loaded,
// and writes screenshots of an annotated log, an open badge card, a field warning and the popup;
// then the same in Firefox when it is installed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  launchWithExtension,
  readBadges,
  readFieldWarnings,
  serveFixtures,
  tabIdOf,
  toolbarBadge,
  waitFor,
  ToolbarPopup,
} from '../test/e2e/harness';
import { FIXTURES } from '../test/fixtures/index';
import { buildExtension } from './build-extension';
import { findBrowserOrExit } from './find-browser';
import { writeFirefoxScreenshots } from './demo-firefox';
import { writeStoreScreenshots } from './store-screenshots';
import { formatTable } from './text-table';

const OUT = path.join(ROOT, 'demo-output');

async function main(): Promise<void> {
  findBrowserOrExit('chromium');
  console.log('Building the extension…');
  buildExtension({ target: 'chrome', root: ROOT, logLevel: 'warn' });
  mkdirSync(OUT, { recursive: true });
  const headed = Boolean(process.env.DISPLAY) && !process.env.CI;
  console.log(`Launching Chromium (${headed ? 'with a window' : 'headless'}) with Webhook Doctor loaded…\n`);
  const session = await launchWithExtension({ headed, viewport: { width: 1280, height: 900 } });
  const shots: string[] = [];
  try {
    await serveFixtures(session.context, FIXTURES);
    const page = await session.context.newPage();
    const rows: string[][] = [];
    for (const fixture of FIXTURES) {
      await page.goto(fixture.url);
      const expected = fixture.expectedBadges.length;
      const badges = await waitFor(
        () => readBadges(page),
        (b) => b.length >= expected,
        8_000,
      );
      const warnings = await waitFor(
        () => readFieldWarnings(page),
        (w) => w.length >= fixture.expectedFieldWarnings.length,
        4_000,
      );
      const tab = await tabIdOf(session, page);
      const total = badges.length + warnings.length;
      const toolbar = await waitFor(
        () => toolbarBadge(session, tab),
        (t) => t.text === (total ? String(total) : ''),
        3_000,
      );
      const labels = badges.map((b) => b.code || b.problem);
      rows.push([
        fixture.file,
        `${badges.length}/${expected}`,
        `${warnings.length}/${fixture.expectedFieldWarnings.length}`,
        toolbar.text || '-',
        summarise([...labels, ...warnings.map((w) => w.problem)]),
      ]);
      const name = fixture.file.replace(/\.html$/, '').replace(/\//g, '-');
      await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
      shots.push(`${name}.png`);
    }

    // A badge card opened, on the first log page that has badges.
    const logPage = FIXTURES.find((f) => f.expectedBadges.length > 0);
    if (logPage) {
      await page.goto(logPage.url);
      await waitFor(
        () => readBadges(page),
        (b) => b.length >= logPage.expectedBadges.length,
        8_000,
      );
      // The badge's shadow root is closed: click the host where a person would.
      const badge = page.locator('[data-webhook-doctor="badge"]').nth(1);
      const opened = (await badge.count()) > 0;
      if (opened) await badge.click();
      if (opened) {
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(OUT, 'badge-card.png') });
        shots.push('badge-card.png');
      }
      const popup = await ToolbarPopup.open(session, page);
      await popup.waitFor('document.querySelector("[data-key]")', 5_000).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(path.join(OUT, 'popup.png'), await popup.screenshot());
      shots.push('popup.png');
      await popup.close();
    }

    const storeShots = await writeStoreScreenshots(session);

    console.log(
      formatTable(['fixture page', 'badges', 'field warnings', 'toolbar', 'found'], rows, ['left', 'right', 'right', 'right', 'left']),
    );
    console.log(`\nScreenshots in ${path.relative(process.cwd(), OUT) || '.'}/: ${shots.join(', ')}`);
    console.log(`Store screenshots (1280×800): ${storeShots.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
  } finally {
    await session.close();
  }
  const firefoxShots = await writeFirefoxScreenshots(ROOT, OUT);
  if (firefoxShots) console.log(`Firefox screenshots in ${path.relative(process.cwd(), OUT) || '.'}/: ${firefoxShots.join(', ')}`);
}

function summarise(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${n}×${label}` : label)).join(', ') || '-';
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
