// @vitest-environment happy-dom
// Adding an ESP is one folder plus one registry line. A made-up provider (./throwaway-provider/,
// written as a folder under src/providers/ is) joins the registry below, and then: its page is
// scanned with its selectors and badged, the worker diagnoses with its catalog layer, and its
// hosts, name, settings switch and command-line id are there without any other edit.
import { describe, it, expect, vi, afterEach, beforeAll, beforeEach } from 'vitest';

const TAB = 41;

vi.mock('../../src/providers/registry', async (importOriginal) => {
  const { PROVIDERS } = await importOriginal<typeof import('../../src/providers/registry')>();
  const { acme } = await import('./throwaway-provider');
  return { PROVIDERS: [...PROVIDERS, acme] }; // the one registry line
});

// The content script's messages go straight to the worker's router, as the browser would carry them.
vi.mock('../../src/content/runtime/messaging', () => ({
  sendSnapshot: vi.fn(async (snapshot: import('../../src/shared/messages').PageSnapshot) => {
    const { handleMessage } = await import('../../src/background/router');
    const { contentScriptSender } = await import('../fakes/browser-fake');
    const sender = contentScriptSender(TAB, 0, snapshot.url) as import('../../src/shared/browser').Runtime.MessageSender;
    const reply = await handleMessage({ type: 'page-snapshot', snapshot }, sender);
    return reply?.ok && 'diagnoses' in reply ? reply.diagnoses : null;
  }),
  sendFrameGone: vi.fn(async () => undefined),
  loadSettings: async () => (await import('../../src/shared/settings')).DEFAULT_SETTINGS,
  watchSettings: vi.fn(),
  extensionAlive: () => true,
  loadExtras: async () => (await import('../../src/content/extras')).contentExtras,
  answerScanStats: vi.fn(),
  isContextInvalidated: () => false,
}));

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentApp } from '../../src/content/app';
import type { ProviderId } from '../../src/providers';
import type { Runtime } from '../../src/shared/browser';
import type { ScanStats, TabFindings } from '../../src/shared/messages';
import { loadPage, readBadges, type LoadedPage } from '../fixtures/load';
import { acme } from './throwaway-provider';

const PAGE = readFileSync(path.join(import.meta.dirname, 'throwaway-provider/page.html'), 'utf8');
const ACME = 'acme' as ProviderId;

/** The extension's modules, loaded once the registry has the added line (see beforeAll). */
async function load() {
  return {
    ...(await import('../../src/background/router')),
    ...(await import('../../src/cli/args')),
    ...(await import('../../src/content/app')),
    ...(await import('../../src/content/runtime/messaging')),
    ...(await import('../../src/engine/diagnose')),
    ...(await import('../../src/popup/report')),
    ...(await import('../../src/providers')),
    ...(await import('../../src/shared/settings')),
    ...(await import('../../scripts/manifest')),
    ...(await import('../fakes/browser-fake')),
  };
}
let ext: Awaited<ReturnType<typeof load>>;

beforeAll(async () => {
  // The shared test setup loads the browser fake, and with it the real registry, before this
  // file's mock exists: load the modules again so that every one of them sees the added line.
  vi.resetModules();
  ext = await load();
});

const open: { page: LoadedPage; app: ContentApp | null }[] = [];

beforeEach(() => ext.resetBrowserFake());

afterEach(async () => {
  for (const { page, app } of open.splice(0)) {
    app?.stop();
    await page.close();
  }
});

async function scan(url: string): Promise<{ page: LoadedPage; app: ContentApp }> {
  const page = loadPage(PAGE, url);
  const app = await ext.startContentScript(page.win);
  open.push({ page, app });
  if (!app) throw new Error('content script did not start');
  await app.settle();
  await app.flushSnapshot();
  return { page, app };
}

describe('a provider added with one folder and one registry line', () => {
  it('is known everywhere the registry reaches: ids, name, settings, command line, manifest', () => {
    expect(ext.PROVIDER_IDS).toContain('acme');
    expect(ext.providerName(ACME)).toBe('Acme Mail');
    expect(ext.DEFAULT_SETTINGS.providers[ACME]).toBe(true);
    expect(ext.parseSettings({ providers: { acme: false } }).providers[ACME]).toBe(false);
    expect(ext.parseArgs(['--provider', 'acme'])).toMatchObject({ options: { provider: 'acme' } });
    const manifest = ext.extensionManifest();
    for (const pattern of ['https://app.acme-mail.example/*', 'https://*.acme-mail.eu/*']) {
      expect(manifest.host_permissions).toContain(pattern);
      for (const script of manifest.content_scripts) expect(script.matches).toContain(pattern);
    }
  });

  it('claims its hosts for its site adapter', () => {
    for (const host of ['app.acme-mail.example', 'acme-mail.eu', 'eu-2.acme-mail.eu']) expect(ext.adapterFor(host).provider).toBe('acme');
    expect(ext.adapterFor('www.klaviyo.com').provider).toBe('klaviyo');
    expect(ext.adapterFor('acme-mail.example').provider).toBeNull();
  });

  it('badges its page through its own selectors: the bare 403 counts only on its hosts', async () => {
    const own = await scan('https://app.acme-mail.example/automations/7/log');
    expect(readBadges(own.page.doc).map((b) => [b.code, b.rowText])).toEqual([
      ['403', 'ana@example.com 403'],
      ['500', 'cy@example.com HTTP 500 Internal Server Error'],
    ]);
    const elsewhere = await scan('https://mail.unknown.example/automations/7/log');
    expect(readBadges(elsewhere.page.doc).map((b) => b.code)).toEqual(['500']);
  });

  it('reports its selector that matches nothing on the page in the scan statistics', async () => {
    await scan('https://app.acme-mail.example/automations/7/log');
    const read = vi.mocked(ext.answerScanStats).mock.calls.at(-1)![0] as () => ScanStats;
    expect(read().unmatchedSelectors).toEqual([{ field: 'editor.url', selector: 'input[name="acme-webhook-url"]' }]);
  });

  it('is diagnosed by the worker with its catalog layer, and shown under its name', async () => {
    await scan('https://app.acme-mail.example/automations/7/log');
    const reply = await ext.handleMessage({ type: 'get-tab-findings', tabId: TAB }, ext.extensionPageSender() as Runtime.MessageSender);
    const tab = (reply as { ok: true; tab: TabFindings }).tab;
    expect(tab.provider).toBe('acme');
    const forbidden = tab.diagnoses['http:403']!;
    expect(forbidden.whereToLook).toBe(acme.catalog.whereToLook.log);
    expect(forbidden.steps).toContain(acme.catalog.steps['http:403']![0]);
    expect(forbidden.retry.text).toContain('Acme Mail sends each webhook once');
    expect(forbidden.sources).toContain('https://docs.acme-mail.example/webhooks/send-log');
    expect(ext.buildReport(tab)).toContain('- Provider: Acme Mail');
  });

  it('gives the catalog answer to the engine directly too, and nothing of it to other providers', () => {
    const finding = { kind: 'http', code: 403, problem: null, start: 0, end: 3, excerpt: '403' } as const;
    expect(ext.diagnose(finding, { provider: ACME }).steps).toContain(acme.catalog.steps['http:403']![0]);
    expect(ext.diagnose(finding, { provider: 'klaviyo' }).steps).not.toContain(acme.catalog.steps['http:403']![0]);
  });
});
