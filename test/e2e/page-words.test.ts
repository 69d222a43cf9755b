// The words the content script draws come from _locales through the browser's own i18n API, in
// real Chromium and real Firefox: badges' accessible names, the card a badge opens, and editor
// field warnings. Read from the closed shadow roots as DevTools (CDP) and WebDriver BiDi see them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page as ChromiumPage } from 'playwright-core';
import { FIXTURES } from '../fixtures/index';
import { fixtureHtml } from '../fixtures/load';
import {
  extensionMarkup,
  launchWithExtension,
  readBadges,
  readFieldWarnings,
  ROOT,
  serveHtml,
  waitFor,
  type ExtensionSession,
} from './harness';
import {
  firefoxBadges,
  firefoxExtensionMarkup,
  firefoxFieldWarnings,
  launchFirefoxWithExtension,
  type FirefoxSession,
} from './firefox-harness';

const catalog = JSON.parse(readFileSync(path.join(ROOT, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const english = (name: string) => catalog[name]!.message;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Webhook Doctor: $TITLE$. Show ..." as a pattern that captures the title. */
const BADGE_NAME = new RegExp(`aria-label="${escapeRegExp(english('badgeLabel')).replace(/\\\$TITLE\\\$/i, '([^"]+)')}"`);

const LOG = FIXTURES.find((f) => f.file === 'klaviyo/webhook-activity.html')!;
const EDITOR = FIXTURES.find((f) => f.file === 'klaviyo/webhook-editor.html')!;

interface PageMarkup {
  badges: string[];
  /** The card a click on the first badge opened, with its badge. */
  card: string;
  warnings: string[];
}

function checkMarkup(read: () => PageMarkup) {
  it("names every badge with the catalog's words and the problem's title", () => {
    const { badges } = read();
    expect(badges.length).toBe(LOG.expectedBadges.length);
    for (const badge of badges) expect(BADGE_NAME.exec(badge)?.[1]?.trim(), badge).toBeTruthy();
  });

  it("fills the badge's card with the catalog's labels", () => {
    const { card } = read();
    expect(card).toContain(`aria-label="${english('cardClose')}"`);
    expect(card).toContain(english('cardMore'));
    expect(card).toContain(english('cardFirstSteps'));
  });

  it('words each field warning from the catalog', () => {
    const { warnings } = read();
    const masked = warnings.find((html) => html.includes('data-problem="masked-token"'));
    const json = warnings.find((html) => html.includes('data-problem="invalid-json"'));
    expect(masked).toContain(english('warningLabel'));
    expect(masked).toContain(english('warningMaskedToken'));
    expect(json).toMatch(/Invalid JSON at line \d+, column \d+/);
  });
}

describe('Chromium', () => {
  let session: ExtensionSession;
  const markup: PageMarkup = { badges: [], card: '', warnings: [] };

  async function open(fixture: typeof LOG): Promise<ChromiumPage> {
    const page = await session.context.newPage();
    await page.goto(fixture.url);
    return page;
  }

  beforeAll(async () => {
    session = await launchWithExtension();
    for (const fixture of [LOG, EDITOR]) await serveHtml(session.context, fixture.url, fixtureHtml(fixture.file));
    const log = await open(LOG);
    await waitFor(
      () => readBadges(log),
      (b) => b.length === LOG.expectedBadges.length,
    );
    // The accessible names carry the worker's titles once its diagnoses arrived.
    markup.badges = await waitFor(
      () => extensionMarkup(session, log),
      (m) => m.filter((html) => BADGE_NAME.test(html)).length === LOG.expectedBadges.length,
    );
    await log.click('[data-webhook-doctor="badge"]');
    const withCard = await waitFor(
      () => extensionMarkup(session, log),
      (m) => m.some((html) => html.includes('role="dialog"')),
    );
    markup.card = withCard.find((html) => html.includes('role="dialog"')) ?? '';
    const editor = await open(EDITOR);
    await waitFor(
      () => readFieldWarnings(editor),
      (w) => w.length === EDITOR.expectedFieldWarnings.length,
    );
    markup.warnings = (await extensionMarkup(session, editor)).filter((html) => html.includes('field-warning'));
  }, 90_000);

  afterAll(async () => {
    await session?.close();
  });

  checkMarkup(() => markup);
});

describe('Firefox', () => {
  let session: FirefoxSession;
  const markup: PageMarkup = { badges: [], card: '', warnings: [] };

  beforeAll(async () => {
    session = await launchFirefoxWithExtension();
    for (const fixture of [LOG, EDITOR]) session.serve(fixture.url, fixtureHtml(fixture.file));
    const log = await session.newPage();
    await log.goto(LOG.url);
    await waitFor(
      () => firefoxBadges(log),
      (b) => b.length === LOG.expectedBadges.length,
    );
    markup.badges = await waitFor(
      () => firefoxExtensionMarkup(session, log),
      (m) => m.filter((html) => BADGE_NAME.test(html)).length === LOG.expectedBadges.length,
    );
    await log.click('[data-webhook-doctor="badge"]');
    const withCard = await waitFor(
      () => firefoxExtensionMarkup(session, log),
      (m) => m.some((html) => html.includes('role="dialog"')),
    );
    markup.card = withCard.find((html) => html.includes('role="dialog"')) ?? '';
    const editor = await session.newPage();
    await editor.goto(EDITOR.url);
    await waitFor(
      () => firefoxFieldWarnings(editor),
      (w) => w.length === EDITOR.expectedFieldWarnings.length,
    );
    markup.warnings = (await firefoxExtensionMarkup(session, editor)).filter((html) => html.includes('field-warning'));
  }, 90_000);

  afterAll(async () => {
    await session?.close();
  });

  checkMarkup(() => markup);
});
