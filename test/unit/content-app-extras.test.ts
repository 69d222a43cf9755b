// @vitest-environment happy-dom
// content.js with content-extras.js loaded on demand: status and network badges come at once, the
// extras are asked for only when a page needs them (credential or rate-limit rows, editor fields,
// secret-looking samples, a badge click), what waited is completed when they arrive, and the scan
// statistics add up. Messaging is mocked by the unit setup; the extras load is released by each test.
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { Annotations } from '../../src/content/badges/annotations';
import { startContentScript, type ContentApp } from '../../src/content/app';
import { badgeShadow } from '../../src/content/badges/badge';
import { closeOpenCard } from '../../src/content/badges/card';
import { contentExtras } from '../../src/content/extras';
import type { ContentExtras } from '../../src/content/runtime/extras-api';
import { answerScanStats, loadExtras, sendSnapshot } from '../../src/content/runtime/messaging';
import { MAX_COMMIT_HOLD_MS, SYNC_BUDGET_MS } from '../../src/content/scan/scanner';
import { CHUNK_BUDGET_MS } from '../../src/content/scan/scheduler';
import { sampleText } from '../../src/content/scan/snapshot';
import { redactSecretsInText } from '../../src/engine/redact';
import type { PageSnapshot, ScanStats } from '../../src/shared/messages';
import { loadPage, type LoadedPage } from '../fixtures/load';

const TOKEN = 'sk_live_4f9a8b7c6d5e4f3a2b1c0d9e';

let release: (extras: ContentExtras | null) => void = () => undefined;
const apps: ContentApp[] = [];
const pages: LoadedPage[] = [];

beforeEach(() => {
  vi.mocked(loadExtras).mockImplementation(() => new Promise((resolve) => (release = resolve)));
});

afterEach(async () => {
  closeOpenCard();
  for (const app of apps.splice(0)) app.stop();
  for (const page of pages.splice(0)) await page.close();
  vi.mocked(sendSnapshot).mockClear();
  vi.mocked(loadExtras).mockReset();
  vi.mocked(answerScanStats).mockClear();
});

/** Starts the app; the extras are loaded only on need unless `preloadExtras` says otherwise. */
async function start(
  html: string,
  url = 'https://app.iterable.com/journeys/1',
  preloadExtras = false,
): Promise<{ page: LoadedPage; app: ContentApp }> {
  const page = loadPage(html, url);
  pages.push(page);
  const app = await startContentScript(page.win, { preloadExtras });
  if (!app) throw new Error('not started');
  apps.push(app);
  return { page, app };
}

/** Lets queued tasks (scan chunks, snapshot sends) run. */
const tasks = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

function badges(page: LoadedPage): { code: string; problem: string }[] {
  return [...page.doc.querySelectorAll('[data-webhook-doctor="badge"]')].map((b) => ({
    code: b.getAttribute('data-code') ?? '',
    problem: b.getAttribute('data-problem') ?? '',
  }));
}

function sentSnapshots(): PageSnapshot[] {
  return vi.mocked(sendSnapshot).mock.calls.map(([snapshot]) => snapshot);
}

function readStats(): ScanStats {
  return vi.mocked(answerScanStats).mock.calls.at(-1)![0]();
}

describe('pages that need nothing from the extras', () => {
  it.each([
    ['status rows', '<ul><li>HTTP 500 Internal Server Error for ana@example.com</li><li>500 recipients</li><li>Sent</li></ul>'],
    ['a log with a search box', '<input name="q" type="search"><table><tr><td>HTTP 404 Not Found</td></tr></table>'],
  ])('%s: badges at once, samples sent, the extras never asked for', async (_name, html) => {
    const { page, app } = await start(html);
    await app.settle();
    await app.flushSnapshot();
    expect(badges(page).length).toBeGreaterThan(0);
    expect(loadExtras).not.toHaveBeenCalled();
    const last = sentSnapshots().at(-1)!;
    expect(last.groups.every((group) => group.samples.length === 1)).toBe(true);
    expect(readStats().extrasLoaded).toBe(false);
  });
});

describe('on an ESP page the extras are loaded in idle time after load', () => {
  it('asked for once after load, with no row needing them; a burst rendered later finds them ready', async () => {
    const { page, app } = await start('<ul><li>HTTP 404 Not Found</li></ul>', 'https://app.iterable.com/journeys/1', true);
    await tasks(50);
    expect(loadExtras).toHaveBeenCalledTimes(1);
    release(contentExtras);
    await app.settle();
    // A burst rendered later (the app fetched its log) finds them warm: no row waits.
    page.doc.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li>dial tcp 1.2.3.4:443: connect: connection refused</li>');
    await app.settle();
    expect(badges(page).map((b) => b.code || b.problem)).toEqual(['404', 'connection-refused']);
    expect(loadExtras).toHaveBeenCalledTimes(1);
  });

  it('not on a page of no ESP (the generic adapter)', async () => {
    const { app } = await start('<ul><li>HTTP 404 Not Found</li></ul>', 'https://example.com/logs', true);
    await app.settle();
    await tasks(50);
    expect(loadExtras).not.toHaveBeenCalled();
  });
});

describe('rows with a network failure (the network detector lives in the extras)', () => {
  it.each([
    ['Go', 'dial tcp 1.2.3.4:443: connect: connection refused', 'connection-refused'],
    ['Node', 'Error: connect EHOSTUNREACH 10.0.0.9:443', 'host-unreachable'],
  ])('%s: the row gets its badge when the extras arrive', async (_name, line, problem) => {
    const { page, app } = await start(`<ul><li>${line}</li><li>HTTP 404 Not Found</li></ul>`);
    // The first scan may go on past the start under load (cold detectors): the status badge comes
    // without the extras, the network one cannot.
    await vi.waitFor(() => expect(badges(page)).toEqual([{ code: '404', problem: '' }]));
    expect(loadExtras).toHaveBeenCalledTimes(1);
    release(contentExtras);
    await app.settle();
    expect(badges(page)).toEqual([
      { code: '', problem },
      { code: '404', problem: '' },
    ]);
  });
});

describe('rows that name a credential or rate-limit header', () => {
  it('get their status badge at once and the finding of the extras when they arrive', async () => {
    // every list item is a row: two with a status line, two naming a header
    const page = loadPage(
      '<ul><li>Authorization: Bearer ###</li><li>HTTP 401 Unauthorized</li></ul><ol><li>HTTP 429 Too Many Requests</li><li>Retry-After: 30</li></ol>',
      'https://app.iterable.com/journeys/1',
    );
    pages.push(page);
    // A clock that stands still: the first scan is never cut short by a loaded machine (a cut
    // scan commits its badges a task later, and "at once" is what this test checks).
    page.win.performance.now = () => 0;
    const app = (await startContentScript(page.win))!;
    apps.push(app);
    expect(badges(page)).toEqual([
      { code: '401', problem: '' },
      { code: '429', problem: '' },
    ]);
    expect(loadExtras).toHaveBeenCalledTimes(1);
    release(contentExtras);
    await app.settle();
    expect(badges(page)).toEqual([
      { code: '', problem: 'masked-token' },
      { code: '401', problem: '' },
      { code: '429', problem: '' },
      { code: '429', problem: 'rate-limited' },
    ]);
  });

  it('a row with only a credential mistake gets its badge when the extras arrive', async () => {
    const { page, app } = await start('<table><tr><td>X-Api-Key: YOUR_API_KEY</td></tr><tr><td>ok</td></tr></table>');
    expect(badges(page)).toEqual([]);
    release(contentExtras);
    await app.settle();
    expect(badges(page)).toEqual([{ code: '', problem: 'placeholder-token' }]);
  });

  it('a combined row switches its badge to the credential problem (it explains the 401)', async () => {
    const { page, app } = await start('<table><tr><td>Authorization: Bearer ###</td><td>HTTP 401 Unauthorized</td></tr></table>');
    expect(badges(page)).toEqual([{ code: '401', problem: '' }]);
    release(contentExtras);
    await app.settle();
    expect(badges(page)).toEqual([{ code: '', problem: 'masked-token' }]);
    await app.flushSnapshot();
    expect(
      sentSnapshots()
        .at(-1)!
        .groups.map((g) => g.key),
    ).toEqual(['credential:masked-token']);
  });

  it('when the extras cannot be loaded, the status badges stay and nothing breaks', async () => {
    const { page, app } = await start('<table><tr><td>Authorization: Bearer ###</td><td>HTTP 401 Unauthorized</td></tr></table>');
    release(null);
    await app.settle();
    expect(badges(page)).toEqual([{ code: '401', problem: '' }]);
    expect(app.lifecycle.alive).toBe(true);
  });
});

describe('samples that could hold a secret wait for the redactor', () => {
  it('are left out until the extras arrive, then sent redacted; the token is never sent', async () => {
    const secretRow = `HTTP 401 Unauthorized key=${TOKEN}`;
    const { app } = await start(`<table><tr><td>${secretRow}</td></tr><tr><td>HTTP 502 Bad Gateway for ana@example.com</td></tr></table>`);
    // The secret row waits for the extras; its status badge comes at the scan's end without them
    // (its group is seen after the other's then).
    await vi.waitFor(() =>
      expect(
        sentSnapshots()
          .at(-1)!
          .groups.map((g) => [g.key, g.count, g.samples])
          .sort(),
      ).toEqual([
        ['http:401', 1, []],
        ['http:502', 1, ['HTTP 502 Bad Gateway for ana@example.com']],
      ]),
    );
    expect(loadExtras).toHaveBeenCalledTimes(1);
    release(contentExtras);
    await app.settle();
    await app.flushSnapshot();
    const last = sentSnapshots().at(-1)!;
    expect(last.groups.find((g) => g.key === 'http:401')!.samples).toEqual([sampleText(secretRow, redactSecretsInText)]);
    for (const snapshot of sentSnapshots()) expect(JSON.stringify(snapshot)).not.toContain(TOKEN.slice(8, 20));
  });
});

describe('editor fields', () => {
  const EDITOR = `<form>
    <input id="url" name="destinationUrl" value="https://api.heypoplar.com/v1/mailing/">
    <div data-testid="webhook-header-row">
      <input id="key" aria-label="Header key" value="Authorization">
      <input id="value" aria-label="Header value" value="Bearer ###">
    </div>
  </form>`;

  it('load the extras, and the warnings appear when they arrive', async () => {
    const { page, app } = await start(EDITOR, 'https://www.klaviyo.com/flow/X/edit');
    expect(loadExtras).toHaveBeenCalledTimes(1);
    expect(page.doc.querySelectorAll('[data-webhook-doctor="field-warning"]')).toHaveLength(0);
    release(contentExtras);
    await app.settle();
    const warning = page.doc.getElementById('value')!.nextElementSibling;
    expect(warning?.getAttribute('data-problem')).toBe('masked-token');
  });

  it('rendered after the start are noticed (form controls added, then a short pause)', async () => {
    const { page, app } = await start('<main id="view"><p>Loading…</p></main>', 'https://www.klaviyo.com/flow/X/edit');
    await tasks(20);
    expect(loadExtras).not.toHaveBeenCalled();
    page.doc.getElementById('view')!.innerHTML = EDITOR;
    await tasks(250);
    expect(loadExtras).toHaveBeenCalledTimes(1);
    release(contentExtras);
    await app.settle();
    expect(page.doc.getElementById('value')!.nextElementSibling?.getAttribute('data-problem')).toBe('masked-token');
  });
});

describe('the badge card', () => {
  it('a click before the extras are loaded loads them and opens the card', async () => {
    const { page, app } = await start('<table><tr><td>HTTP 403 Forbidden</td></tr></table>');
    const badge = page.doc.querySelector('[data-webhook-doctor="badge"]')!;
    const shadow = badgeShadow(badge)!;
    shadow.querySelector('button')!.click();
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    await tasks();
    expect(loadExtras).toHaveBeenCalledTimes(1);
    // the worker's diagnosis arrives while the extras load: the card shows it
    vi.mocked(sendSnapshot).mockResolvedValueOnce({
      'http:403': {
        key: 'http:403',
        kind: 'http',
        code: 403,
        problem: null,
        title: '403 Forbidden',
        short: 'refused',
        meaning: 'm',
        retry: { verdict: 'no-retry', text: 't' },
        steps: [],
      },
    });
    await app.flushSnapshot();
    release(contentExtras);
    await app.settle();
    expect(shadow.querySelector('[role="dialog"] h2')?.textContent).toBe('403 Forbidden');
    shadow.querySelector('button')!.click(); // loaded now: the second click closes it at once
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
  });
});

describe('scan statistics', () => {
  it('count the scan work, rows and badges; no page text', async () => {
    const { page, app } = await start('<ul><li>HTTP 500 Internal Server Error</li><li>HTTP 502 Bad Gateway</li><li>ok</li></ul>');
    await app.settle();
    const stats = readStats();
    expect(stats).toMatchObject({ scans: 1, rowsSeen: 2, badges: 2, extrasLoaded: false });
    expect(stats.chunks).toBeGreaterThanOrEqual(1);
    expect(stats.maxChunkMs).toBeLessThanOrEqual(stats.totalScanMs);
    expect(stats.firstScanStartedAt).toEqual(expect.any(Number));
    expect(stats.lastBadgeAt).toBeGreaterThanOrEqual(stats.firstScanStartedAt!);
    page.doc.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li>HTTP 503 Service Unavailable</li>');
    await tasks();
    await app.settle();
    expect(readStats()).toMatchObject({ scans: 2, rowsSeen: 3, badges: 3 });
    expect(JSON.stringify(readStats())).not.toMatch(/HTTP|Internal/);
  });

  /** A page big enough that its scan spans several chunks, with one row only the extras judge. */
  function bigPageWithNetworkRow(): LoadedPage {
    const rows = Array.from({ length: 400 }, (_, i) => `<tr><td>u${i}@example.com</td><td>HTTP 503 Response Code</td></tr>`).join('');
    const page = loadPage(
      `<table><tbody>${rows}<tr><td>dial tcp 1.2.3.4:443: connect: connection refused</td></tr></tbody></table>`,
      'https://app.iterable.com/log',
    );
    pages.push(page);
    let clock = 0;
    page.win.performance.now = () => (clock += 0.25);
    return page;
  }

  it('a big scan holds its badges for the extras it asked for, then all enter in one commit', { timeout: 30_000 }, async () => {
    const page = bigPageWithNetworkRow();
    const commits = vi.spyOn(Annotations.prototype, 'commit');
    try {
      const app = (await startContentScript(page.win))!;
      apps.push(app);
      for (let i = 0; i < 200 && readStats().rowsSeen < 401; i++) await tasks();
      await tasks(50);
      expect(readStats().rowsSeen).toBe(401); // the scan is done...
      expect(badges(page)).toHaveLength(0); // ...and its badges wait for the network row's
      release(contentExtras);
      await app.settle();
      expect(badges(page)).toHaveLength(401);
      expect(commits.mock.results.filter((result) => (result.value as number) > 0)).toHaveLength(1);
    } finally {
      commits.mockRestore();
    }
  });

  it(`a big scan holds its badges ${MAX_COMMIT_HOLD_MS} ms at most when the extras are slow`, { timeout: 30_000 }, async () => {
    const page = bigPageWithNetworkRow();
    const app = (await startContentScript(page.win))!;
    apps.push(app);
    for (let i = 0; i < 200 && readStats().rowsSeen < 401; i++) await tasks();
    expect(badges(page)).toHaveLength(0);
    await tasks(MAX_COMMIT_HOLD_MS + 100);
    expect(badges(page)).toHaveLength(400); // the status badges, without the extras
    release(contentExtras);
    await app.settle();
    expect(badges(page)).toHaveLength(401);
  });

  it('the first scan of a big page is chunked, and its badges enter the page together', { timeout: 30_000 }, async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<tr><td>u${i}@example.com</td><td>HTTP 503 Response Code</td></tr>`).join('');
    const page = loadPage(`<table><tbody>${rows}</tbody></table>`, 'https://app.iterable.com/log');
    pages.push(page);
    let clock = 0;
    page.win.performance.now = () => (clock += 0.25); // every reading of the clock costs a quarter ms
    const commits = vi.spyOn(Annotations.prototype, 'commit');
    try {
      const app = (await startContentScript(page.win, { preloadExtras: false }))!;
      apps.push(app);
      expect(badges(page)).toHaveLength(0); // the first chunk ran; its badges wait for the others
      await app.settle();
      expect(badges(page)).toHaveLength(2000);
      const stats = readStats();
      expect(stats.chunks).toBeGreaterThan(10);
      expect(stats.maxChunkMs).toBeLessThanOrEqual(Math.max(CHUNK_BUDGET_MS, SYNC_BUDGET_MS) + 1); // the deadline, plus a few clock readings
      const placements = commits.mock.results.filter((result) => (result.value as number) > 0).length;
      expect(placements).toBe(1);
    } finally {
      commits.mockRestore();
    }
  });
});
