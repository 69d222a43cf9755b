// Every fixture ESP page in real Firefox (Debian's firefox-esr over WebDriver BiDi), served at its
// real URL with the Firefox build installed: the same checks as in Chromium (fixture-checks.ts).
import { beforeAll, afterAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIXTURES } from '../fixtures/index';
import { describeFixturePages } from './fixture-checks';
import {
  firefoxBadges,
  firefoxExtensionMarkup,
  firefoxFieldWarnings,
  firefoxTabId,
  firefoxToolbarText,
  launchFirefoxWithExtension,
  serveFixtureFiles,
  type FirefoxSession,
} from './firefox-harness';
import { fieldWarningTexts, warningFollowsField } from './page-reads';

let session: FirefoxSession;
let page: Page;

beforeAll(async () => {
  session = await launchFirefoxWithExtension();
  serveFixtureFiles(session, FIXTURES);
  page = await session.newPage();
});

afterAll(async () => {
  await session?.close();
});

describeFixturePages(() => ({
  open: async (url) => {
    await page.goto(url);
  },
  badges: () => firefoxBadges(page),
  fieldWarnings: () => firefoxFieldWarnings(page),
  warningFollows: async (selector, problem) => (await page.evaluate(warningFollowsField(selector, problem))) as boolean,
  warningTexts: async () => fieldWarningTexts(await firefoxExtensionMarkup(session, page)),
  toolbarText: async () => firefoxToolbarText(session, await firefoxTabId(session, page)),
}));
