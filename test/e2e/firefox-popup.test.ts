// The popup in real Firefox, where it differs from Chromium: the background is an event page
// (MV3 background scripts), findings live in storage.session, and the user may withhold the ESP
// host permissions. The popup page is opened in a tab with `?tab=ID` (the toolbar popup cannot be
// reached over WebDriver BiDi).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  EDITOR_URL,
  EDITOR_WITH_LOG,
  EDITOR_WITH_LOG_BADGES,
  EDITOR_WITH_LOG_GROUPS,
  EDITOR_WITH_LOG_WARNINGS,
  FOCUSED_LINE,
  READ_LINES,
  type PopupLine,
} from './composed-pages';
import {
  extensionEval,
  firefoxBadges,
  firefoxFieldWarnings,
  firefoxTabId,
  firefoxToolbarText,
  launchFirefoxWithExtension,
  openExtensionPage,
  type FirefoxSession,
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
  await waitFor(
    () => firefoxBadges(editor),
    (b) => b.length === EDITOR_WITH_LOG_BADGES,
  );
  await waitFor(
    () => firefoxFieldWarnings(editor),
    (w) => w.length === EDITOR_WITH_LOG_WARNINGS,
  );
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
    expect(
      await waitFor(
        () => firefoxToolbarText(session, editorTab),
        (t) => t === total,
      ),
    ).toBe(total);
  });

  it('keep the findings in storage.session, and nothing in storage.local', async () => {
    const stored = await extensionEval<{ session: Record<string, unknown>; local: Record<string, unknown> }>(
      session,
      `Promise.all([browser.storage.session.get(null), browser.storage.local.get(null)]).then(([session, local]) => ({ session, local }))`,
    );
    // The tab's record keeps its frames under `frames` (beside the eviction bookkeeping).
    const record = stored.session[`tab:${editorTab}`] as
      { frames?: Record<string, { url: string; groups: { key: string }[] }> } | undefined;
    const frames = record?.frames ?? {};
    expect(frames['0']?.url).toBe(EDITOR_URL);
    expect(frames['0']?.groups.map((g) => g.key).sort()).toEqual(EDITOR_WITH_LOG_GROUPS.map(([key]) => key).sort());
    expect(Object.keys(stored.local).filter((key) => key.startsWith('tab:'))).toEqual([]);
  });
});

describe('popup', () => {
  it('shows an overview first: one line per problem, what needs you before what Klaviyo retries', async () => {
    const popup = await openPopupFor(editorTab);
    try {
      const lines = await waitFor(
        () => popup.evaluate(READ_LINES) as Promise<PopupLine[]>,
        (l) => l.length === EDITOR_WITH_LOG_GROUPS.length,
      );
      expect(lines.map((l) => [l.key, l.count, l.mark])).toEqual(EDITOR_WITH_LOG_GROUPS);
      expect(lines.every((l) => !l.open && l.title !== '' && l.steps > 0)).toBe(true);
      expect(await popup.evaluate(`document.querySelector('.header').textContent`)).toContain('Klaviyo');
    } finally {
      await popup.close();
    }
  });

  it('keyboard: arrows move through the overview, Enter opens the card, Escape closes it', async () => {
    const popup = await openPopupFor(editorTab);
    try {
      await waitFor(
        () => popup.evaluate(`document.querySelectorAll('.triage__line').length`),
        (n) => n === EDITOR_WITH_LOG_GROUPS.length,
      );
      await popup.focus('.triage__line');
      const state = () =>
        popup.evaluate(`({
        focused: ${FOCUSED_LINE},
        open: [...document.querySelectorAll('.triage__line[aria-expanded="true"]')].map((b) => b.closest('li').dataset.key),
      })`);
      const seen = [];
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter', 'Escape', 'End'] as const) {
        await popup.keyboard.press(key);
        seen.push(await state());
      }
      expect(seen).toEqual([
        { focused: 'json:invalid-json', open: [] },
        { focused: 'network:connection-refused', open: [] },
        { focused: 'http:403', open: [] },
        { focused: 'http:403', open: ['http:403'] },
        { focused: 'http:403', open: [] },
        { focused: 'http:500', open: [] },
      ]);
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
    expect(
      await waitFor(
        () => extensionEval<boolean>(session, `browser.permissions.contains({ origins: [${JSON.stringify(KLAVIYO_HOSTS)}] })`),
        Boolean,
      ),
    ).toBe(true);
    const badges = await waitFor(
      () => firefoxBadges(page),
      (b) => b.length === EDITOR_WITH_LOG_BADGES,
    );
    expect(badges).toHaveLength(EDITOR_WITH_LOG_BADGES);
    const lines = await waitFor(
      () => popup.evaluate(READ_LINES) as Promise<PopupLine[]>,
      (l) => l.length === EDITOR_WITH_LOG_GROUPS.length,
    );
    expect(lines.map((l) => l.key)).toEqual(EDITOR_WITH_LOG_GROUPS.map(([key]) => key));
    await popup.close();
  });
});
