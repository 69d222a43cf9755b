// Badges in rows whose box the page fixes, in Chromium (the checks: row-box-checks.ts).
import { beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRowBoxes, FIXED_ROWS, HIDDEN_STATUS_COLUMN, PINNED_COLUMNS, RTL_LOG } from './row-box-checks';
import { launchWithExtension, serveFixtures, type ExtensionSession } from './harness';

let session: ExtensionSession;
let page: Page;

beforeAll(async () => {
  session = await launchWithExtension();
  await serveFixtures(session.context, [FIXED_ROWS, PINNED_COLUMNS, RTL_LOG, HIDDEN_STATUS_COLUMN]);
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

describeRowBoxes(() => ({
  open: async (url) => {
    await page.goto(url);
  },
  evaluate: (expression) => page.evaluate(expression),
}));
