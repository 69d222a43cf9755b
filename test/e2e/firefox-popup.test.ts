// The popup in real Firefox, where it differs from Chromium: the background is an event page
// (MV3 background scripts), findings live in storage.session, and the user may withhold the ESP
// host permissions. The popup page is opened in a tab with `?tab=ID` (the toolbar popup cannot be
// reached over WebDriver BiDi).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  EDITOR_URL, EDITOR_WITH_LOG, EDITOR_WITH_LOG_BADGES, EDITOR_WITH_LOG_GROUPS, EDITOR_WITH_LOG_WARNINGS, FINDING_CARDS, READ_CARDS,
  type PopupCard,
} from './composed-pages';
import {
  extensionEval, firefoxBadges, firefoxFieldWarnings, firefoxTabId, firefoxToolbarText, launchFirefoxWithExtension,
  openExtensionPage, type FirefoxSession,
} from './firefox-harness';
import { waitFor } from './page-reads';

const KLAVIYO_HOSTS = 'https://www.klaviyo.com/*';
const WITHHELD_URL = 'https://www.klaviyo.com/flow/WITHHELD/edit';

let session: FirefoxSession;
let editor: Page;
let editorTab: number;

beforeAll(async () => {
  session = await launchFirefoxWithExtension();
  session.serve(EDITOR_URL, EDITOR_WITH_LOG);
  session.serve(WITHHELD_URL, EDITOR_WITH_LOG);
  editor = await session.newPage();
  await editor.goto(EDITOR_URL);
  await waitFor(() => firefoxBadges(editor), (b) => b.length === EDITOR_WITH_LOG_BADGES);
  await waitFor(() => firefoxFieldWarnings(editor), (w) => w.length === EDITOR_WITH_LOG_WARNINGS);
  editorTab = await firefoxTabId(session, editor);
});

afterAll(async () => {
  await session?.close();
});

/** The popup page for a tab, in a tab of its own, once it shows the tab's state. */
async function openPopupFor(tabId: number): Promise<Page> {
  const popup = await openExtensionPage(session, `src/popup/index.html?tab=${tabId}`);
  await waitFor(() => popup.evaluate(`Boolean(document.querySelector('main.popup:not([aria-busy])'))`), Boolean);
  return popup;
}

describe('background scripts (an event page, not a service worker)', () => {
  it('count the page findings on the toolbar icon', async () => {
    const total = String(EDITOR_WITH_LOG_BADGES + EDITOR_WITH_LOG_WARNINGS);
    expect(await waitFor(() => firefoxToolbarText(session, editorTab), (t) => t === total)).toBe(total);
  });

  it('keep the findings in storage.session, and nothing in storage.local', async () => {
    const stored = await extensionEval<{ session: Record<string, unknown>; local: Record<string, unknown> }>(
      session,
      `Promise.all([browser.storage.session.get(null), browser.storage.local.get(null)]).then(([session, local]) => ({ session, local }))`,
    );
    const frames = stored.session[`tab:${editorTab}`] as Record<string, { url: string; groups: { key: string }[] }>;
    expect(frames['0']?.url).toBe(EDITOR_URL);
    expect(frames['0']?.groups.map((g) => g.key).sort()).toEqual(EDITOR_WITH_LOG_GROUPS.map(([key]) => key).sort());
    expect(Object.keys(stored.local).filter((key) => key.startsWith('tab:'))).toEqual([]);
  });
});

describe('popup', () => {
  it('lists the problems of the tab, setup mistakes first, each with its fixes', async () => {
    const popup = await openPopupFor(editorTab);
    try {
      const cards = await waitFor(
        () => popup.evaluate(READ_CARDS(FINDING_CARDS)) as Promise<PopupCard[]>,
        (c) => c.length === EDITOR_WITH_LOG_GROUPS.length,
      );
      expect(cards.map((c) => [c.key, c.count])).toEqual(EDITOR_WITH_LOG_GROUPS);
      for (const card of cards) {
        expect(card.title, card.key).not.toBe('');
        expect(card.steps, `${card.key} has fix steps`).toBeGreaterThan(0);
      }
      expect(await popup.evaluate(`document.querySelector('.header').textContent`)).toContain('Klaviyo');
    } finally {
      await popup.close();
    }
  });
});

describe('host permission withheld by the user', () => {
  let page: Page;
  let popup: Page;

  beforeAll(async () => {
    const removed = await extensionEval<boolean>(session, `browser.permissions.remove({ origins: [${JSON.stringify(KLAVIYO_HOSTS)}] })`);
    expect(removed).toBe(true);
    page = await session.newPage();
    await page.goto(WITHHELD_URL);
  });

  it('leaves the page alone: no content script, no badge', async () => {
    await new Promise((r) => setTimeout(r, 1_000)); // time for a content script to have run, if it could
    expect(await firefoxBadges(page)).toEqual([]);
    expect(await firefoxFieldWarnings(page)).toEqual([]);
  });

  it('the popup says so and offers to allow it, instead of "no problems"', async () => {
    const tabId = await extensionEval<number>(
      session,
      `browser.tabs.query({}).then((tabs) => tabs.filter((t) => !t.url).map((t) => t.id).pop() ?? -1)`,
    );
    expect(tabId).toBeGreaterThanOrEqual(0);
    popup = await openPopupFor(tabId);
    const shown = (await popup.evaluate(`({
      heading: document.getElementById('state-heading')?.textContent ?? '',
      hosts: [...document.querySelectorAll('ul[aria-label="Sites waiting for your permission"] li')].map((li) => li.textContent),
      button: [...document.querySelectorAll('button')].map((b) => b.textContent).find((t) => t.startsWith('Allow')) ?? '',
      cards: document.querySelectorAll('li[data-key]').length,
    })`)) as { heading: string; hosts: string[]; button: string; cards: number };
    expect(shown).toEqual({
      heading: 'Webhook Doctor may not read this site',
      hosts: ['www.klaviyo.com'],
      button: 'Allow Webhook Doctor on this site',
      cards: 0,
    });
  });

  it('the grant button asks for the host; once allowed, the page gets its badges and the popup its findings', async () => {
    const [button] = await popup.$$('xpath/.//button[starts-with(normalize-space(.), "Allow Webhook Doctor")]');
    expect(button).toBeDefined();
    await button!.click();
    expect(await waitFor(
      () => extensionEval<boolean>(session, `browser.permissions.contains({ origins: [${JSON.stringify(KLAVIYO_HOSTS)}] })`),
      Boolean,
    )).toBe(true);
    const badges = await waitFor(() => firefoxBadges(page), (b) => b.length === EDITOR_WITH_LOG_BADGES);
    expect(badges).toHaveLength(EDITOR_WITH_LOG_BADGES);
    const cards = await waitFor(
      () => popup.evaluate(READ_CARDS(FINDING_CARDS)) as Promise<PopupCard[]>,
      (c) => c.length === EDITOR_WITH_LOG_GROUPS.length,
    );
    expect(cards.map((c) => c.key)).toEqual(EDITOR_WITH_LOG_GROUPS.map(([key]) => key));
    await popup.close();
  });
});
