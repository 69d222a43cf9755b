// Who may talk to the worker, in real Chromium: web pages cannot (no externally_connectable, and the
// content script does not relay window messages), another extension gets no answer, and malformed
// messages from our own content script's world get an error reply while the worker keeps serving.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import {
  contentScriptWorld,
  launchWithExtension,
  readBadges,
  serveHtml,
  tabIdOf,
  toolbarBadge,
  toolbarTextOnce,
  waitFor,
  type ExtensionSession,
} from './harness';

const PAGE_URL = 'https://www.klaviyo.com/flow/E2E/webhook/activity';
const PAGE_HTML = `<!doctype html><html><head><title>Activity</title></head><body>
<table><tbody id="rows">
  <tr><td>ana@example.com</td><td>HTTP 500 Internal Server Error</td></tr>
  <tr><td>bo@example.com</td><td>Sent</td></tr>
  <tr><td>chen@example.com</td><td>HTTP 401 Unauthorized</td></tr>
</tbody></table></body></html>`;
const OTHER_URL = 'https://example.org/not-an-esp';

let session: ExtensionSession;
let page: Page;
let tabId: number;

beforeAll(async () => {
  session = await launchWithExtension({ extraExtensions: ['test/fixtures/other-extension'] });
  await serveHtml(session.context, PAGE_URL, PAGE_HTML);
  await serveHtml(session.context, OTHER_URL, '<!doctype html><title>Elsewhere</title><p>HTTP 500</p>');
  page = await session.context.newPage();
  await page.goto(PAGE_URL);
  await waitFor(
    () => readBadges(page),
    (b) => b.length === 2,
  );
  tabId = await tabIdOf(session, page);
  await waitFor(
    () => toolbarBadge(session, tabId),
    (b) => b.text === '2',
  );
});

afterAll(async () => {
  await session?.close();
});

/** What the worker keeps for the tab: the diagnosis keys and counts of its stored frames. */
async function storedGroups(): Promise<string[]> {
  const worker = await session.worker();
  return worker.evaluate(async (id) => {
    const key = `tab:${id}`;
    const record = (await chrome.storage.session.get(key))[key] as
      { frames?: Record<string, { groups: { key: string; count: number }[] }> } | undefined;
    const frames = record?.frames ?? {};
    return Object.values(frames)
      .flatMap((frame) => frame.groups.map((g) => `${g.key}×${g.count}`))
      .sort();
  }, tabId);
}

async function otherExtensionWorker(): Promise<Worker> {
  const isOther = (w: Worker) => w.url().startsWith('chrome-extension://') && !w.url().includes(session.extensionId);
  return session.context.serviceWorkers().find(isOther) ?? session.context.waitForEvent('serviceworker', { predicate: isOther });
}

describe('web pages', () => {
  it.each([
    ['an ESP page (where our content script runs)', PAGE_URL],
    ['any other page', OTHER_URL],
  ])('%s has no way to message the extension', async (_name, url) => {
    const other = await session.context.newPage();
    await other.goto(url);
    const reach = await other.evaluate(`(async () => {
      const runtime = globalThis.chrome && globalThis.chrome.runtime;
      if (!runtime || typeof runtime.sendMessage !== 'function') return 'no runtime API';
      try { return JSON.stringify(await runtime.sendMessage(${JSON.stringify(session.extensionId)}, { type: 'get-tab-findings', tabId: ${tabId} })); }
      catch (error) { return 'refused: ' + error.message; }
    })()`);
    expect(reach).toMatch(/^(no runtime API|refused: )/);
    await other.close();
  });

  it('cannot feed the worker through window messages (the content script relays nothing)', async () => {
    const before = await storedGroups();
    await page.evaluate(() => {
      const forged = {
        type: 'page-snapshot',
        snapshot: {
          url: location.href,
          provider: null,
          endpointUrl: null,
          groups: [
            {
              key: 'http:418',
              finding: { kind: 'http', code: 418, problem: null, start: 0, end: 3, excerpt: '418' },
              count: 99,
              source: 'row',
              samples: ['forged'],
            },
          ],
        },
      };
      window.postMessage(forged, '*');
      document.dispatchEvent(new CustomEvent('webhook-doctor:snapshot', { detail: forged }));
    });
    await page.waitForTimeout(700);
    expect(await storedGroups()).toEqual(before);
    expect((await toolbarBadge(session, tabId)).text).toBe('2');
  });
});

describe('another extension', () => {
  it.each([
    ['get-tab-findings', { type: 'get-tab-findings', tabId: -1 }],
    ['page-snapshot', { type: 'page-snapshot', snapshot: { url: 'https://evil.example/', provider: null, endpointUrl: null, groups: [] } }],
  ])('gets no answer to %s', async (_name, template) => {
    const message = template.type === 'get-tab-findings' ? { ...template, tabId } : template;
    const other = await otherExtensionWorker();
    const result = (await other.evaluate(`askExtension(${JSON.stringify(session.extensionId)}, ${JSON.stringify(message)})`)) as {
      reply?: unknown;
      error?: string;
    };
    expect(result.reply, 'no reply with data').toBeUndefined();
    expect(result.error).toMatch(/Receiving end does not exist|Could not establish connection/);
    expect(await storedGroups()).toEqual(['http:401×1', 'http:500×1']);
  });

  it('cannot open a port to the extension', async () => {
    const other = await otherExtensionWorker();
    const result = (await other.evaluate(
      `connectToExtension(${JSON.stringify(session.extensionId)}, { type: 'get-tab-findings', tabId: ${tabId} })`,
    )) as {
      disconnected?: boolean;
      replies?: unknown[];
      error?: string | null;
    };
    expect(result.replies ?? []).toEqual([]);
    expect(result.disconnected).toBe(true);
  });
});

describe('malformed messages from our own content script world', () => {
  const MALFORMED: [string, string][] = [
    ['a snapshot whose url is a number', `{ type: 'page-snapshot', snapshot: { url: 5, provider: null, endpointUrl: null, groups: [] } }`],
    ['a snapshot without snapshot', `{ type: 'page-snapshot' }`],
    [
      'a snapshot with an unknown finding kind',
      `{ type: 'page-snapshot', snapshot: { url: location.href, provider: null, endpointUrl: null, groups: [{ key: 'x:1', finding: { kind: 'evil', code: null, problem: 'x', start: 0, end: 1, excerpt: '' }, count: 1, source: 'row', samples: [] }] } }`,
    ],
    [
      'a snapshot with 301 groups',
      `{ type: 'page-snapshot', snapshot: { url: location.href, provider: null, endpointUrl: null, groups: Array.from({ length: 301 }, (_, i) => ({ key: 'http:' + (400 + (i % 100)), finding: { kind: 'http', code: 400 + (i % 100), problem: null, start: 0, end: 3, excerpt: '' }, count: 1, source: 'row', samples: [] })) } }`,
    ],
    [
      'a snapshot with a 1 MB url',
      `{ type: 'page-snapshot', snapshot: { url: 'x'.repeat(1 << 20), provider: null, endpointUrl: null, groups: [] } }`,
    ],
    [
      'a snapshot with an unknown provider',
      `{ type: 'page-snapshot', snapshot: { url: location.href, provider: 'evil', endpointUrl: null, groups: [] } }`,
    ],
    ['tab findings asked by a content script', `{ type: 'get-tab-findings', tabId: ${'${TAB}'} }`],
  ];

  it.each(MALFORMED)('%s gets an error reply and changes nothing', async (_name, expression) => {
    const world = await contentScriptWorld(session, page);
    try {
      const reply = await world.evaluate<{ ok?: boolean; error?: string } | null>(
        `chrome.runtime.sendMessage(${expression.replace('${TAB}', String(tabId))}).then((r) => r ?? null, (e) => ({ thrown: String(e.message) }))`,
      );
      expect(reply?.ok).toBe(false);
      expect(reply?.error).toMatch(/^(Malformed|Refused)/);
    } finally {
      await world.close();
    }
    expect(await storedGroups()).toEqual(['http:401×1', 'http:500×1']);
    expect((await toolbarBadge(session, tabId)).text).toBe('2');
  });

  it.each([
    ['a string', `'hello'`],
    ['null', 'null'],
    ['an unknown type', `{ type: 'drop-all-tables' }`],
  ])('%s is left unanswered', async (_name, expression) => {
    const world = await contentScriptWorld(session, page);
    try {
      const reply = await world.evaluate<unknown>(
        `chrome.runtime.sendMessage(${expression}).then((r) => r ?? 'no reply', (e) => 'error: ' + e.message)`,
      );
      expect(String(reply)).toMatch(/^(no reply|error: )/);
    } finally {
      await world.close();
    }
  });

  it('the worker still serves after all of them: a new row is stored and counted', async () => {
    await page.evaluate(() => {
      document
        .getElementById('rows')!
        .insertAdjacentHTML('beforeend', '<tr><td>dana@example.com</td><td>HTTP 503 Service Unavailable</td></tr>');
    });
    expect(await toolbarTextOnce(session, tabId, '3')).toBe('3');
    expect(await storedGroups()).toEqual(['http:401×1', 'http:500×1', 'http:503×1']);
  });
});
