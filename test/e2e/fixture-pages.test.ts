// Every fixture ESP page in Chromium, served at its real URL with the built extension loaded
// (the checks are shared with Firefox: fixture-checks.ts).
import { beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES } from '../fixtures/index';
import { describeFixturePages } from './fixture-checks';
import {
  extensionMarkup,
  launchWithExtension,
  readBadges,
  readFieldWarnings,
  serveFixtures,
  tabIdOf,
  toolbarBadge,
  type ExtensionSession,
} from './harness';
import { fieldWarningTexts, warningFollowsField } from './page-reads';

let session: ExtensionSession;
let page: Page;

beforeAll(async () => {
  session = await launchWithExtension();
  await serveFixtures(session.context, FIXTURES);
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

describeFixturePages(() => ({
  open: async (url) => {
    await page.goto(url);
  },
  badges: () => readBadges(page),
  fieldWarnings: () => readFieldWarnings(page),
  warningFollows: (selector, problem) => page.evaluate<boolean>(warningFollowsField(selector, problem)),
  warningTexts: async () => fieldWarningTexts(await extensionMarkup(session, page)),
  toolbarText: async () => (await toolbarBadge(session, await tabIdOf(session, page))).text,
}));
