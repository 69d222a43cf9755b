// A page as an attacker (or an unlucky user) would make it, against the built extension in real
// Chromium (issue 13): a page script fires our instance-handover event, a page uses our attribute
// on its own content, a frame goes away, and a page opens dozens of heavy frames while another
// tab works. Each test prints the figure it checks.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  readBadges,
  serveHtml,
  tabIdOf,
  toolbarBadge,
  toolbarTextOnce,
  ToolbarPopup,
  waitFor,
  type ExtensionSession,
} from './harness';

const ORIGIN = 'https://app.iterable.com';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
});

function report(name: string, values: Record<string, unknown>): void {
  console.log(`[hostile-attacks] ${name}: ${JSON.stringify(values)}`);
}

async function open(url: string, html: string): Promise<Page> {
  await serveHtml(session.context, url, html);
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

function appendRow(page: Page, listId: string, text: string): Promise<void> {
  return page.evaluate(
    ([id, rowText]) => {
      const li = document.createElement('li');
      li.textContent = rowText!;
      document.getElementById(id!)!.append(li);
    },
    [listId, text],
  );
}

/** The diagnosis keys the real toolbar popup lists for a tab, and its note about dropped findings. */
async function popupView(page: Page, expected: number): Promise<{ keys: string[]; note: string }> {
  const popup = await ToolbarPopup.open(session, page);
  try {
    const cards = `document.querySelectorAll('ul[aria-label="Problems found on this page"] > li[data-key]')`;
    await popup.waitFor(`${cards}.length >= ${expected}`).catch(() => undefined);
    return {
      keys: await popup.evaluate<string[]>(`[...${cards}].map((li) => li.dataset.key).sort()`),
      note: await popup.evaluate<string>(`document.querySelector('[role="note"]')?.textContent ?? ''`),
    };
  } finally {
    await popup.close();
  }
}

describe('a page script fires the instance-handover event', () => {
  it('does not switch the extension off, even when it re-fires after every announcement', async () => {
    const url = `${ORIGIN}/e2e/attacks/handover`;
    const page = await open(
      url,
      `<!doctype html><title>Handover</title>
      <script>
        // Re-fire after every announcement (asynchronously, so it is not taken for our own).
        window.fired = 0;
        document.addEventListener('webhook-doctor:instance', () => {
          setTimeout(() => { window.fired++; if (window.fired < 50) document.dispatchEvent(new CustomEvent('webhook-doctor:instance')); }, 0);
        });
      </script>
      <ul id="log"><li>HTTP 500 Internal Server Error</li><li>ok</li><li>HTTP 403 Forbidden</li></ul>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length === 2,
    );
    await page.evaluate(() => document.dispatchEvent(new CustomEvent('webhook-doctor:instance')));
    await appendRow(page, 'log', 'HTTP 502 Bad Gateway');
    const badges = await waitFor(
      () => readBadges(page),
      (b) => b.length === 3,
      5_000,
    );
    const fired = await page.evaluate(() => (window as unknown as { fired: number }).fired);
    report('badges after the page fired the event', { fired, badges: badges.length });
    expect(fired, 'the page really fired it').toBeGreaterThan(0);
    expect(badges.map((b) => b.code)).toEqual(['500', '403', '502']);
    const tab = await tabIdOf(session, page);
    expect(await toolbarTextOnce(session, tab, '3')).toBe('3');
    await page.close();
  });
});

describe('page content that carries our attribute', () => {
  it('stays: at start-up and inside a failing row', async () => {
    const url = `${ORIGIN}/e2e/attacks/attribute`;
    const page = await open(
      url,
      `<!doctype html><title>Attribute</title>
      <p id="page-note" data-webhook-doctor="badge">The page's own note</p>
      <ul id="log"><li id="row">HTTP 500 Internal Server Error</li><li>ok</li></ul>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.some((x) => x.code === '500'),
    );
    // The page rewrites the row with its own marker inside (our badge goes with the old content).
    await page.evaluate(() => {
      document.getElementById('row')!.innerHTML =
        'HTTP 503 Service Unavailable <span id="page-span" data-webhook-doctor="badge">retrying</span>';
    });
    await waitFor(
      () => readBadges(page),
      (b) => b.some((x) => x.code === '503'),
      5_000,
    );
    await page.waitForTimeout(300); // room for a late removal
    const kept = await page.evaluate(() => ['page-note', 'page-span'].filter((id) => document.getElementById(id)));
    report('page elements with our attribute that stayed', { kept: kept.length, of: 2 });
    expect(kept).toEqual(['page-note', 'page-span']);
    const ours = await page.evaluate(() => document.getElementById('row')!.querySelectorAll('[data-webhook-doctor-owner]').length);
    expect(ours, 'the row still gets our badge').toBe(1);
    await page.close();
  });
});

describe('frames that go away', () => {
  it('a removed iframe no longer counts on the toolbar or in the popup', async () => {
    const url = `${ORIGIN}/e2e/attacks/frames`;
    const frameUrl = `${ORIGIN}/e2e/attacks/frame-log`;
    await serveHtml(session.context, frameUrl, '<!doctype html><title>Log</title><ul><li>HTTP 429 Too Many Requests</li></ul>');
    const page = await open(
      url,
      `<!doctype html><title>Frames</title><ul><li>HTTP 500 Internal Server Error</li></ul>
      <iframe id="child" src="${frameUrl}"></iframe>`,
    );
    const tab = await tabIdOf(session, page);
    expect(await toolbarTextOnce(session, tab, '2')).toBe('2');
    await page.evaluate(() => document.getElementById('child')!.remove());
    const after = await waitFor(
      () => toolbarBadge(session, tab),
      (b) => b.text === '1',
      5_000,
    );
    const view = await popupView(page, 1);
    report('toolbar count after the frame was removed', { before: 2, after: after.text, popup: view.keys });
    expect(after.text).toBe('1');
    expect(view.keys).toEqual(['http:500']);
    await page.close();
  });
});

describe('a page that opens dozens of heavy frames', () => {
  const FRAMES = 48;
  const ROWS_PER_FRAME = 30;
  const GROWTH_ROUNDS = 60;
  const rowHtml = (frame: number, i: number) => `<li>HTTP ${400 + i} delivery ${frame}-${i} to customer ${'record '.repeat(25)}</li>`;

  /** A frame with rows of distinct failing codes, each with a long text. */
  function frameDoc(frame: number): string {
    const rows: string[] = [];
    for (let i = 0; i < ROWS_PER_FRAME; i++) rows.push(rowHtml(frame, i));
    return `<!doctype html><title>f${frame}</title><ul>${rows.join('')}</ul>`;
  }

  it('stays within its share of storage; another tab keeps getting its findings stored', async () => {
    const victimUrl = `${ORIGIN}/e2e/attacks/victim`;
    const victim = await open(victimUrl, '<!doctype html><title>Victim</title><ul id="log"><li>HTTP 500 Internal Server Error</li></ul>');
    const victimTab = await tabIdOf(session, victim);
    await waitFor(
      () => toolbarBadge(session, victimTab),
      (b) => b.text === '1',
    );

    // Other tabs, each within a tab's share, fill storage.session up to 560 KB short of its quota:
    // more than a tab may hold, less than the heavy frames would take without limits.
    const worker = await session.worker();
    const filler = await worker.evaluate(async () => {
      const quota = chrome.storage.session.QUOTA_BYTES;
      const sample = 'x'.repeat(200);
      const groups = Array.from({ length: 280 }, (_, i) => ({
        key: `http:${400 + i}`,
        finding: { kind: 'http', code: 400 + i, problem: null, start: 0, end: 1, excerpt: 'HTTP' },
        count: 1,
        source: 'row',
        samples: [sample, sample],
      }));
      const snapshot = { url: 'https://app.iterable.com/other', provider: 'iterable', endpointUrl: null, groups };
      const record = { frames: { 0: snapshot }, recency: ['0'], documents: {}, dropped: null };
      let id = 900_000;
      let size = 0;
      const free = 560 * 1024;
      while ((await chrome.storage.session.getBytesInUse(null)) + size < quota - free) {
        await chrome.storage.session.set({ [`tab:${id}`]: record });
        size = await chrome.storage.session.getBytesInUse(`tab:${id++}`);
      }
      const rest = quota - free - (await chrome.storage.session.getBytesInUse(null));
      if (rest > 64) await chrome.storage.session.set({ 'test-padding': 'p'.repeat(rest - 32) });
      return { tabs: id - 900_000, tabBytes: size, bytes: await chrome.storage.session.getBytesInUse(null), quota };
    });

    const hostileUrl = `${ORIGIN}/e2e/attacks/many-frames`;
    const docs = Array.from({ length: FRAMES }, (_, i) => frameDoc(i));
    const hostile = await open(
      hostileUrl,
      `<!doctype html><title>Many frames</title><ul><li>HTTP 500 Internal Server Error</li></ul>
      <div id="frames"></div><script>
        const docs = ${JSON.stringify(docs)};
        for (const doc of docs) { const f = document.createElement('iframe'); f.srcdoc = doc; document.getElementById('frames').append(f); }
      </script>`,
    );
    const hostileTab = await tabIdOf(session, hostile);
    const stored = () =>
      worker.evaluate(async (id) => {
        const record = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { frames?: object } | undefined;
        return {
          frames: Object.keys(record?.frames ?? record ?? {}).length,
          bytes: await chrome.storage.session.getBytesInUse(`tab:${id}`),
        };
      }, hostileTab);
    // Then every frame keeps growing, a row at a time, until every free byte of storage is gone
    // (without limits); then wait until what is stored for the tab stops changing.
    for (let round = 0; round < GROWTH_ROUNDS; round++) {
      const row = rowHtml(round, ROWS_PER_FRAME + round);
      await hostile.evaluate((html) => {
        for (const frame of document.querySelectorAll('iframe'))
          frame.contentDocument?.querySelector('ul')?.insertAdjacentHTML('beforeend', html);
      }, row);
      await hostile.waitForTimeout(300);
    }
    let last = -1;
    let now = await stored();
    for (let i = 0; i < 40 && now.bytes !== last; i++) {
      last = now.bytes;
      await hostile.waitForTimeout(1500);
      now = await stored();
    }

    // Meanwhile, the other tab shows five new failures.
    for (const code of [502, 503, 504, 520, 522]) await appendRow(victim, 'log', `HTTP ${code} for order ${'line '.repeat(40)}`);
    const victimBadge = await waitFor(
      () => toolbarBadge(session, victimTab),
      (b) => b.text === '6',
      10_000,
    );
    const victimView = await popupView(victim, 6);
    const hostileView = await popupView(hostile, 1);
    report('many heavy frames', {
      filler,
      hostileStored: now,
      victimToolbar: victimBadge.text,
      victimPopup: victimView.keys,
      hostileNote: hostileView.note,
    });
    expect(now.frames).toBeLessThanOrEqual(32);
    expect(now.bytes).toBeLessThanOrEqual(512 * 1024);
    expect(victimBadge.text, "the other tab's new findings count").toBe('6');
    expect(victimView.keys).toEqual(['http:500', 'http:502', 'http:503', 'http:504', 'http:520', 'http:522']);
    expect(hostileView.note, 'the popup says findings were dropped').toMatch(/were not kept/);
    await hostile.close();
    await victim.close();
  }, 300_000);
});
