// The store listing's screenshots, 1280×800, taken by `npm run demo` from the fixture pages with
// the built extension loaded: an annotated log, an open badge card, an editor warning, the popup.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { readBadges, readFieldWarnings, ToolbarPopup, waitFor, type ExtensionSession } from '../test/e2e/harness';
import { FIXTURES, type FixturePage } from '../test/fixtures/index';

export const STORE_SCREENSHOTS_DIR = path.resolve(import.meta.dirname, '../store/screenshots');
export const STORE_SIZE = { width: 1280, height: 800 };

function fixture(file: string): FixturePage {
  const found = FIXTURES.find((f) => f.file === file);
  if (!found) throw new Error(`no fixture ${file}`);
  return found;
}

async function openLog(page: Page, log: FixturePage): Promise<void> {
  await page.goto(log.url);
  await waitFor(
    () => readBadges(page),
    (b) => b.length >= log.expectedBadges.length,
    8_000,
  );
}

/** The popup drawn where the browser shows it (under the toolbar, at the right), over the page. */
async function composePopup(page: Page, pageShot: Buffer, popupShot: Buffer): Promise<Buffer> {
  const html = `<!doctype html><style>
    body { margin: 0; width: ${STORE_SIZE.width}px; height: ${STORE_SIZE.height}px; overflow: hidden; position: relative; }
    .page { position: absolute; inset: 0; width: 100%; filter: brightness(0.8); }
    .popup { position: absolute; top: 8px; right: 16px; max-height: ${STORE_SIZE.height - 16}px; box-shadow: 0 8px 32px rgba(0,0,0,.45); border-radius: 8px; }
  </style>
  <img class="page" src="data:image/png;base64,${pageShot.toString('base64')}">
  <img class="popup" src="data:image/png;base64,${popupShot.toString('base64')}">`;
  await page.setContent(html);
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  return page.screenshot();
}

export async function writeStoreScreenshots(session: ExtensionSession): Promise<string[]> {
  mkdirSync(STORE_SCREENSHOTS_DIR, { recursive: true });
  const page = await session.context.newPage();
  await page.setViewportSize(STORE_SIZE);
  const written: string[] = [];
  const save = (name: string, png: Buffer) => {
    const file = path.join(STORE_SCREENSHOTS_DIR, name);
    writeFileSync(file, png);
    written.push(file);
  };
  try {
    const log = fixture('klaviyo/webhook-activity.html');
    await openLog(page, log);
    const logShot = await page.screenshot();
    save('1-annotated-log.png', logShot);

    // The 403 row's badge, opened as a person would: the card shows meaning, retry and steps.
    await page.locator('[data-webhook-doctor="badge"][data-code="403"]').first().click();
    await page.waitForTimeout(300);
    save('2-open-card.png', await page.screenshot());

    const editor = fixture('klaviyo/webhook-editor.html');
    await page.goto(editor.url);
    await waitFor(
      () => readFieldWarnings(page),
      (w) => w.length >= editor.expectedFieldWarnings.length,
      8_000,
    );
    await page.locator('#header-value-1').scrollIntoViewIfNeeded();
    save('3-editor-warning.png', await page.screenshot());

    await openLog(page, log);
    const popup = await ToolbarPopup.open(session, page);
    let popupShot: Buffer;
    try {
      await popup.waitFor('document.querySelector("[data-key]")', 8_000);
      await new Promise((r) => setTimeout(r, 300));
      popupShot = await popup.screenshot();
    } finally {
      await popup.close();
    }
    save('4-popup.png', await composePopup(page, logShot, popupShot));
  } finally {
    await page.close();
  }
  return written;
}
