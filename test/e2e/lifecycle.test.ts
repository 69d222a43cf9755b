// Lifecycle in real Chromium: the service worker is stopped mid-session (as Chromium does after 30
// idle seconds) and the extension is reloaded while an ESP page is open. Findings must survive the
// worker (storage.session is the source of truth), and a reload must hand the page over from the
// old content script to a new one without errors or duplicate badges.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import {
  extensionMarkup,
  launchWithExtension,
  readBadges,
  recordPageLog,
  reloadExtension,
  serveHtml,
  tabIdOf,
  toolbarBadge,
  toolbarTextOnce,
  ToolbarPopup,
  waitFor,
  type ExtensionSession,
  type PageLog,
} from './harness';

const PAGE_URL = 'https://app.iterable.com/e2e/lifecycle/deliveries';
const PAGE_HTML = `<!doctype html><html><head><title>Deliveries</title></head><body>
<h1>Webhook deliveries</h1>
<ul id="log">
  <li>ana@example.com · HTTP 500 Internal Server Error · 10:01</li>
  <li>bo@example.com · 200 OK · 10:02</li>
  <li>chen@example.com · HTTP 403 Forbidden · 10:03</li>
</ul>
</body></html>`;

const FRAMES_URL = 'https://app.iterable.com/e2e/lifecycle/frames';
const FRAME_LOG_URL = 'https://app.iterable.com/e2e/lifecycle/frame-log';
const FOREIGN_FRAME_URL = 'https://example.org/lifecycle-widget';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension({ extensionDebugging: true });
  await serveHtml(session.context, PAGE_URL, PAGE_HTML);
  await serveHtml(
    session.context,
    FRAMES_URL,
    `<!doctype html><title>Frames</title><ul><li>HTTP 500 Internal Server Error</li></ul>
    <iframe src="${FOREIGN_FRAME_URL}"></iframe><iframe src="${FRAME_LOG_URL}"></iframe>`,
  );
  await serveHtml(
    session.context,
    FRAME_LOG_URL,
    '<!doctype html><title>Log</title><ul><li>HTTP 429 Too Many Requests</li><li>ok</li></ul>',
  );
  await serveHtml(session.context, FOREIGN_FRAME_URL, '<!doctype html><title>Widget</title><p>HTTP 503 Service Unavailable</p>');
});

afterAll(async () => {
  await session?.close();
});

/** Pages a test opened: closed after it even when it fails, so that the next test starts alone. */
const openPages: Page[] = [];
afterEach(async () => {
  for (const page of openPages.splice(0)) await page.close().catch(() => undefined);
});

async function openLogPage(): Promise<{ page: Page; log: PageLog }> {
  const page = await session.context.newPage();
  openPages.push(page);
  const log = await recordPageLog(session, page);
  await page.goto(PAGE_URL);
  await waitFor(
    () => readBadges(page),
    (badges) => badges.length === 2,
  );
  return { page, log };
}

function appendRow(page: Page, text: string): Promise<void> {
  return page.evaluate((rowText) => {
    const li = document.createElement('li');
    li.textContent = rowText;
    document.getElementById('log')!.append(li);
  }, text);
}

/** An extension page with the DevTools ServiceWorker domain on, for stopping and starting our worker. */
async function withServiceWorkerDomain<T>(use: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const helper = await session.context.newPage();
  try {
    await helper.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    const cdp = await session.context.newCDPSession(helper);
    try {
      return await use(cdp);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  } finally {
    await helper.close();
  }
}

/**
 * Stops our service worker the way Chromium does when it idles: the running instance goes away.
 * A browser event that arrives meanwhile (the tab finishing its load) may start a new instance at
 * once; that one is stopped too, until every version of ours reads "stopped".
 */
async function stopWorker(): Promise<void> {
  const statuses = await withServiceWorkerDomain(async (cdp) => {
    const status = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions)
        if (v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`)) status.set(v.versionId, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    return waitFor(
      async () => {
        if ([...status.values()].some((s) => s !== 'stopped')) await cdp.send('ServiceWorker.stopAllWorkers');
        return [...status.values()];
      },
      (list) => list.length > 0 && list.every((s) => s === 'stopped'),
      20_000,
    );
  });
  expect(statuses.length > 0 && statuses.every((s) => s === 'stopped'), `the worker is stopped: ${statuses.join(', ')}`).toBe(true);
}

/** Starts the stopped worker without any message from a page (as an alarm or event would). */
async function startWorker(): Promise<void> {
  await withServiceWorkerDomain((cdp) =>
    cdp
      .send('ServiceWorker.enable')
      .then(() => cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${session.extensionId}/` })),
  );
}

/** The diagnosis keys of the findings the real toolbar popup lists for the page's tab. */
async function popupFindingKeys(page: Page, expectedCount: number): Promise<string[]> {
  const popup = await ToolbarPopup.open(session, page);
  try {
    const cards = `document.querySelectorAll('ul[aria-label="Problems found on this page"] > li[data-key]')`;
    await popup.waitFor(`${cards}.length >= ${expectedCount}`).catch(() => undefined);
    return await popup.evaluate<string[]>(`[...${cards}].map((li) => li.dataset.key).sort()`);
  } finally {
    await popup.close();
  }
}

/** Problems that our content script (or the page because of it) logged. */
function extensionErrors(log: PageLog): string[] {
  return log.entries
    .filter((e) => e.kind === 'exception' || e.level === 'error' || /webhook doctor|context invalidated/i.test(e.text))
    .filter((e) => !/favicon/i.test(e.text))
    .map((e) => `${e.kind} ${e.level} [${e.contextId === null ? '-' : (log.contexts.get(e.contextId)?.name ?? e.contextId)}] ${e.text}`);
}

/** The markup with its tags dropped: the badge's label is split into spans (compact form). */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

describe('service worker stopped mid-session', () => {
  it('keeps the tab findings for the popup and badges new rows after waking up', async () => {
    const { page, log } = await openLogPage();
    const tab = await tabIdOf(session, page);
    await waitFor(
      () => toolbarBadge(session, tab),
      (b) => b.text === '2',
    );
    await (
      await session.worker()
    ).evaluate(() => {
      (globalThis as { beforeStop?: boolean }).beforeStop = true;
    });

    // 1. Stopped, then started by nothing but the browser: the new worker has no memory of the
    //    page, yet the popup lists both findings (read from storage.session).
    await stopWorker();
    await startWorker();
    const fresh = await (await session.worker()).evaluate(() => (globalThis as { beforeStop?: boolean }).beforeStop ?? false);
    expect(fresh, 'a new worker instance').toBe(false);
    expect(await popupFindingKeys(page, 2)).toEqual(['http:403', 'http:500']);

    // 2. Stopped again, then the page adds a failing row: the content script's message wakes the
    //    worker, which diagnoses it (the badge gets its words) and counts it on the toolbar.
    await stopWorker();
    await appendRow(page, 'dana@example.com · HTTP 503 Service Unavailable · 10:04');
    const badges = await waitFor(
      () => readBadges(page),
      (b) => b.length === 3,
    );
    expect(badges.map((b) => b.code)).toEqual(['500', '403', '503']);
    const markup = await waitFor(
      () => extensionMarkup(session, page),
      (m) => m.some((html) => html.includes('data-code="503"') && /503 · \w/.test(textOf(html))),
    );
    expect(textOf(markup.find((html) => html.includes('data-code="503"')) ?? ''), 'the new badge carries the diagnosis').toMatch(
      /503 · \w/,
    );
    expect(await toolbarTextOnce(session, tab, '3')).toBe('3');
    expect(await popupFindingKeys(page, 3)).toEqual(['http:403', 'http:500', 'http:503']);
    expect(extensionErrors(log)).toEqual([]);
    await log.stop();
    await page.close();
  });
});

describe('extension reloaded while a page is open', () => {
  it('the old content script steps down and the new one takes over, once', async () => {
    const { page, log } = await openLogPage();
    await reloadExtension(session);
    // The new worker injects the content script into open ESP tabs; its badges replace the old
    // ones (same rows, one badge each).
    const worker = await session.worker();
    await waitFor(
      () => worker.evaluate(() => chrome.runtime.getManifest().version).catch(() => ''),
      (v) => v !== '',
      10_000,
    );
    const tab = await tabIdOf(session, page);
    expect(await toolbarTextOnce(session, tab, '2', 10_000), 'the new instance reported').toBe('2');
    const afterReload = await readBadges(page);
    expect(afterReload.map((b) => b.code)).toEqual(['500', '403']);

    await appendRow(page, 'dana@example.com · HTTP 502 Bad Gateway · 10:05');
    const badges = await waitFor(
      () => readBadges(page),
      (b) => b.length >= 3,
    );
    await page.waitForTimeout(500); // room for a duplicate from a surviving old instance
    expect((await readBadges(page)).map((b) => b.code)).toEqual(['500', '403', '502']);
    expect(badges.length).toBe(3);
    const perRow = await page.evaluate(() =>
      [...document.querySelectorAll('#log > li')].map((li) => li.querySelectorAll('[data-webhook-doctor]').length),
    );
    expect(perRow).toEqual([1, 0, 1, 1]);
    expect(await toolbarTextOnce(session, tab, '3')).toBe('3');
    expect(await popupFindingKeys(page, 3)).toEqual(['http:403', 'http:500', 'http:502']);
    expect(extensionErrors(log)).toEqual([]);
    await log.stop();
    await page.close();
  });
});

describe('extension reloaded while a page with frames is open', () => {
  it('comes back in the ESP frames only, even with a frame it may not touch', async () => {
    const page = await session.context.newPage();
    openPages.push(page);
    const log = await recordPageLog(session, page);
    await page.goto(FRAMES_URL);
    const byFrame = async () => {
      const out: Record<string, string[]> = {};
      for (const frame of page.frames()) {
        out[frame.url()] = (await frame
          .evaluate(`[...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((b) => b.dataset.code)`)
          .catch(() => ['?'])) as string[];
      }
      return out;
    };
    const expected = { [FRAMES_URL]: ['500'], [FOREIGN_FRAME_URL]: [], [FRAME_LOG_URL]: ['429'] };
    expect(await waitFor(byFrame, (f) => JSON.stringify(f) === JSON.stringify(expected))).toEqual(expected);
    await reloadExtension(session);
    const tab = await tabIdOf(session, page);
    expect(await toolbarTextOnce(session, tab, '2', 10_000), 'both ESP frames reported again').toBe('2');
    await page.waitForTimeout(500);
    expect(await byFrame()).toEqual(expected);
    expect(extensionErrors(log)).toEqual([]);
    await log.stop();
    await page.close();
  });
});
