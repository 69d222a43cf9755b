// The real toolbar popup in Chromium, opened as a click on the icon would: the tab's findings as
// cards in the order a user should work through them (setup mistakes first), the "Diagnose text"
// box on a log line, a header and a JSON body, the empty and unsupported states, "Copy report".
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import {
  EDITOR_URL,
  EDITOR_WITH_LOG,
  EDITOR_WITH_LOG_GROUPS,
  FINDING_LINES,
  FOCUSED_LINE,
  READ_CARDS,
  READ_LINES,
  type PopupCard,
  type PopupLine,
} from './composed-pages';
import {
  launchWithExtension,
  readBadges,
  readFieldWarnings,
  serveHtml,
  tabIdOf,
  toolbarBadge,
  ToolbarPopup,
  waitFor,
  type ExtensionSession,
} from './harness';

const CLEAN_URL = 'https://fly.customer.io/workspaces/1/journeys/campaigns/2/actions/3/deliveries';
const CLEAN_HTML = '<!doctype html><title>Deliveries</title><ul><li>Delivered 200 OK</li><li>Delivered 202 Accepted</li></ul>';
const OTHER_URL = 'https://example.org/docs';

const RESULT_CARDS = 'ul[aria-label="Problems in the pasted text"] > li[data-key]';

let session: ExtensionSession;
let editor: Page;

beforeAll(async () => {
  session = await launchWithExtension();
  await serveHtml(session.context, EDITOR_URL, EDITOR_WITH_LOG);
  await serveHtml(session.context, CLEAN_URL, CLEAN_HTML);
  await serveHtml(session.context, OTHER_URL, '<!doctype html><title>Docs</title><p>Nothing to see.</p>');
  editor = await session.context.newPage();
  await editor.goto(EDITOR_URL);
  await waitFor(
    () => readBadges(editor),
    (b) => b.length === 4,
  );
  await waitFor(
    () => readFieldWarnings(editor),
    (w) => w.length === 2,
  );
  const tab = await tabIdOf(session, editor);
  await waitFor(
    () => toolbarBadge(session, tab),
    (b) => b.text === '6',
  );
});

afterAll(async () => {
  await session?.close();
});

async function withPopup<T>(page: Page, use: (popup: ToolbarPopup) => Promise<T>): Promise<T> {
  const popup = await ToolbarPopup.open(session, page);
  try {
    await popup.waitFor(`!document.querySelector('main[aria-busy="true"]') && document.querySelector('main.popup')`);
    return await use(popup);
  } finally {
    await popup.close();
  }
}

describe('findings of the active tab', () => {
  it('shows an overview first: one line per problem, what needs you before what Klaviyo retries', async () => {
    const lines = await withPopup(editor, async (popup) => {
      await popup.waitFor(`document.querySelectorAll(${JSON.stringify(FINDING_LINES)}).length === 5`);
      return popup.evaluate<PopupLine[]>(READ_LINES);
    });
    expect(lines.map((l) => [l.key, l.count, l.mark])).toEqual(EDITOR_WITH_LOG_GROUPS);
    expect(lines.map((l) => l.open)).toEqual([false, false, false, false, false]);
    for (const line of lines) {
      expect(line.code, line.key).not.toBe('');
      expect(line.title, line.key).not.toBe('');
      expect(line.steps, `${line.key} has fix steps`).toBeGreaterThan(0);
    }
    expect(lines.find((l) => l.key === 'http:403')?.samples.every((s) => s.includes('403 Forbidden'))).toBe(true);
  });

  it('keyboard: arrows move through the overview, Enter opens the card, Escape closes it', async () => {
    const seen = await withPopup(editor, async (popup) => {
      await popup.waitFor(`document.querySelectorAll(${JSON.stringify(FINDING_LINES)}).length === 5`);
      await popup.evaluate(`document.querySelector('.triage__line').focus()`);
      const steps: { focused: string | null; open: string[]; cardVisible: boolean }[] = [];
      const record = async () =>
        steps.push(
          await popup.evaluate(`({
        focused: ${FOCUSED_LINE},
        open: [...document.querySelectorAll('.triage__line[aria-expanded="true"]')].map((b) => b.closest('li').dataset.key),
        cardVisible: [...document.querySelectorAll('.triage__card')].some((c) => !c.hidden && c.offsetHeight > 0),
      })`),
        );
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter', 'Escape', 'ArrowUp', 'End'] as const) {
        await popup.press(key);
        await record();
      }
      return steps;
    });
    expect(seen).toEqual([
      { focused: 'json:invalid-json', open: [], cardVisible: false },
      { focused: 'network:connection-refused', open: [], cardVisible: false },
      { focused: 'http:403', open: [], cardVisible: false },
      { focused: 'http:403', open: ['http:403'], cardVisible: true },
      { focused: 'http:403', open: [], cardVisible: false },
      { focused: 'network:connection-refused', open: [], cardVisible: false },
      { focused: 'http:500', open: [], cardVisible: false },
    ]);
  });

  it('fits 360 px without sideways scrolling, with a card open', async () => {
    const widths = await withPopup(editor, async (popup) => {
      await popup.waitFor(`document.querySelectorAll(${JSON.stringify(FINDING_LINES)}).length === 5`);
      await popup.click('li[data-key="http:403"] .triage__line');
      await popup.waitFor(`!document.querySelector('li[data-key="http:403"] .triage__card').hidden`);
      return popup.evaluate<{ window: number; scroll: number; client: number }>(`({
        window: window.innerWidth, scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
      })`);
    });
    // The popup window is 360 px wide (less a vertical scroll bar, when there is one); nothing
    // sticks out sideways.
    expect(widths.window).toBe(360);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  });

  it('names the provider in the header', async () => {
    const header = await withPopup(editor, (popup) => popup.evaluate<string>(`document.querySelector('.header')?.textContent ?? ''`));
    expect(header).toContain('Klaviyo');
  });
});

describe('"Diagnose text" box', () => {
  it.each([
    ['a log line', 'POST https://api.heypoplar.com/v1/mailing → HTTP 429 Too Many Requests', ['http:429']],
    ['a header', 'Authorization: Bearer ###', ['credential:masked-token']],
    ['a JSON body', '{\n  "recipient": {\n    "address_1": "1 Main St",\n  }\n}', ['json:invalid-json']],
    ['a network error', 'Post "https://hooks.example.com": dial tcp: lookup hooks.example.com: no such host', ['network:dns-failure']],
  ])('diagnoses %s', async (_name, text, keys) => {
    const found = await withPopup(editor, async (popup) => {
      await popup.fill('#diagnose-text', text);
      await popup.click('.diagnose button[type="submit"]');
      await popup.waitFor(`document.querySelectorAll(${JSON.stringify(RESULT_CARDS)}).length > 0`);
      return popup.evaluate<PopupCard[]>(READ_CARDS(RESULT_CARDS));
    });
    expect(found.map((c) => c.key)).toEqual(keys);
    expect(found[0]!.open).toBe(true);
    expect(found[0]!.steps).toBeGreaterThan(0);
  });

  it('says so when the text shows no known problem', async () => {
    const note = await withPopup(editor, async (popup) => {
      await popup.fill('#diagnose-text', 'Delivered at 10:04, 200 OK');
      await popup.click('.diagnose button[type="submit"]');
      await popup.waitFor(`document.querySelector('.diagnose__results .note')`);
      return popup.evaluate<string>(`document.querySelector('.diagnose__results').textContent`);
    });
    expect(note).toBe('No known webhook problem in this text.');
  });
});

describe('states', () => {
  it.each([
    ['an ESP page without failures', CLEAN_URL, 'No failing webhooks found on this page'],
    ['a page Webhook Doctor does not read', OTHER_URL, 'This is not a webhook page Webhook Doctor reads'],
  ])('%s', async (_name, url, heading) => {
    const page = await session.context.newPage();
    await page.goto(url);
    if (url === CLEAN_URL) await page.waitForTimeout(500); // the first (empty) snapshot
    const shown = await withPopup(page, (popup) =>
      popup.evaluate<{ heading: string; cards: number; diagnose: boolean }>(`({
        heading: document.getElementById('state-heading')?.textContent ?? '',
        cards: document.querySelectorAll(${JSON.stringify(FINDING_LINES)}).length,
        diagnose: Boolean(document.getElementById('diagnose-text')),
      })`),
    );
    expect(shown).toEqual({ heading, cards: 0, diagnose: true });
    await page.close();
  });
});

describe('"Copy report"', () => {
  it('copies the findings as Markdown and says so', async () => {
    const copied = await withPopup(editor, async (popup) => {
      // Keep a copy of what reaches the clipboard (the clipboard itself needs a permission to read).
      await popup.evaluate(`(() => {
        const write = navigator.clipboard.writeText.bind(navigator.clipboard);
        navigator.clipboard.writeText = (text) => { window.copiedReport = text; return write(text); };
      })()`);
      await popup.waitFor(`document.querySelectorAll(${JSON.stringify(FINDING_LINES)}).length === 5`);
      await popup.click('.copy button');
      await popup.waitFor(`document.querySelector('.copy__status')?.textContent`);
      return popup.evaluate<{ status: string; report: string }>(
        `({ status: document.querySelector('.copy__status').textContent, report: window.copiedReport ?? '' })`,
      );
    });
    expect(copied.status).toBe('Report copied, with secrets removed.');
    const { report } = copied;
    expect(report.startsWith('# Webhook Doctor report\n')).toBe(true);
    expect(report).toContain(`- Page: ${EDITOR_URL}`);
    expect(report).toContain('- Provider: Klaviyo');
    expect(report).toContain('- Webhook destination: https://api.heypoplar.com/v1/mailing/');
    const headings = [...report.matchAll(/^## (\d+)\. (.+) \((.+)\)$/gm)].map((m) => `${m[1]} ${m[3]}`);
    expect(headings).toEqual(EDITOR_WITH_LOG_GROUPS.map(([, count], i) => `${i + 1} ${count}`));
  });
});
