// The demo's Firefox half: the same extension built for Firefox, driven over WebDriver BiDi, on
// a log page, an editor page, an open badge card and the popup, so both browsers can be looked at.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  firefoxBadges,
  firefoxFieldWarnings,
  firefoxTabId,
  launchFirefoxWithExtension,
  openExtensionPage,
  serveFixtureFiles,
  type FirefoxSession,
} from '../test/e2e/firefox-harness';
import { waitFor } from '../test/e2e/page-reads';
import { FIXTURES, type FixturePage } from '../test/fixtures/index';
import { buildExtension } from './build-extension';
import { BrowserNotFoundError, findBrowser } from './find-browser';

/** The pages shown in Firefox: one log with badges and one editor with field warnings. */
const SHOWN = ['klaviyo/webhook-activity.html', 'klaviyo/webhook-editor.html'];

const VIEWPORT = { width: 1280, height: 900 };
const POPUP_VIEWPORT = { width: 400, height: 600 };

/** Screenshot file names written under `out`, or null (with the reason printed) when Firefox is missing. */
export async function writeFirefoxScreenshots(root: string, out: string): Promise<string[] | null> {
  try {
    findBrowser('firefox');
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    console.log(`Firefox screenshots skipped: ${error.message}`);
    return null;
  }
  console.log('Building the Firefox extension…');
  buildExtension({ target: 'firefox', root, logLevel: 'warn' });
  const dir = path.join(out, 'firefox');
  mkdirSync(dir, { recursive: true });
  const session = await launchFirefoxWithExtension({ viewport: VIEWPORT });
  const written: string[] = [];
  try {
    const pages = FIXTURES.filter((f) => SHOWN.includes(f.file));
    serveFixtureFiles(session, pages);
    let logTab: number | null = null;
    for (const fixture of pages) {
      const page = await session.newPage();
      await page.goto(fixture.url);
      await waitForFindings(page, fixture);
      const name = `${fixture.file.replace(/\.html$/, '').replace(/\//g, '-')}.png`;
      await page.screenshot({ path: path.join(dir, name), fullPage: true });
      written.push(name);
      if (fixture.expectedBadges.length > 0 && logTab === null) {
        logTab = await firefoxTabId(session, page);
        written.push(await openCardScreenshot(page, dir));
      }
    }
    if (logTab !== null) written.push(await popupScreenshot(session, logTab, dir));
  } finally {
    await session.close();
  }
  return written.map((file) => path.join('firefox', file));
}

async function waitForFindings(page: Page, fixture: FixturePage): Promise<void> {
  await waitFor(
    () => firefoxBadges(page),
    (b) => b.length >= fixture.expectedBadges.length,
    10_000,
  );
  await waitFor(
    () => firefoxFieldWarnings(page),
    (w) => w.length >= fixture.expectedFieldWarnings.length,
    5_000,
  );
}

/** Clicks the second badge where a person would (its shadow root is closed) and shoots the card. */
async function openCardScreenshot(page: Page, dir: string): Promise<string> {
  const badges = await page.$$('[data-webhook-doctor="badge"]');
  const badge = badges[1] ?? badges[0];
  if (badge) await badge.click();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await page.screenshot({ path: path.join(dir, 'badge-card.png') });
  return 'badge-card.png';
}

/** The popup page for the log's tab, in a tab of its own (BiDi cannot open the toolbar popup). */
async function popupScreenshot(session: FirefoxSession, tabId: number, dir: string): Promise<string> {
  const popup = await openExtensionPage(session, `src/popup/index.html?tab=${tabId}`);
  await popup.setViewport(POPUP_VIEWPORT);
  await waitFor(() => popup.evaluate(`Boolean(document.querySelector('main.popup:not([aria-busy]) [data-key]'))`), Boolean, 10_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  writeFileSync(path.join(dir, 'popup.png'), await popup.screenshot());
  return 'popup.png';
}
