// Badges in rows whose box the page fixes, in Firefox (the checks: row-box-checks.ts).
import { beforeAll, afterAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { describeRowBoxes, FIXED_ROWS, HIDDEN_STATUS_COLUMN, PINNED_COLUMNS, RTL_LOG } from './row-box-checks';
import { launchFirefoxWithExtension, serveFixtureFiles, type FirefoxSession } from './firefox-harness';

let session: FirefoxSession;
let page: Page;

beforeAll(async () => {
  session = await launchFirefoxWithExtension();
  serveFixtureFiles(session, [FIXED_ROWS, PINNED_COLUMNS, RTL_LOG, HIDDEN_STATUS_COLUMN]);
  page = await session.newPage();
});

afterAll(async () => {
  await session?.close();
});

describeRowBoxes(() => ({
  open: async (url) => {
    await page.goto(url);
  },
  evaluate: async <T>(expression: string) => (await page.evaluate(expression)) as T,
}));
