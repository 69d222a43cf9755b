import { describe, expect, it, vi } from 'vitest';
import browser, { contentScriptSender, extensionPageSender, fake } from '../fakes/browser-fake';
import type { FindingGroup, PageSnapshot } from '../../src/shared/messages';

function group(code: number, count: number): FindingGroup {
  return {
    key: `http:${code}`,
    finding: { kind: 'http', code, problem: null, start: 0, end: 8, excerpt: `HTTP ${code}` },
    count,
    source: 'row',
    samples: [],
  };
}

function snapshot(groups: FindingGroup[]): PageSnapshot {
  return { url: 'https://www.klaviyo.com/flow/1', provider: 'klaviyo', endpointUrl: null, groups };
}

/** Lets queued promise chains and storage events run to the end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A fresh copy of the store module, as a restarted service worker would load it. */
async function freshStore() {
  vi.resetModules();
  return import('../../src/background/findings-store');
}

describe('findings store', () => {
  it('reads back what was saved, per frame', async () => {
    const store = await freshStore();
    await store.saveFrameSnapshot(3, 0, snapshot([group(403, 1)]));
    await store.saveFrameSnapshot(3, 7, snapshot([group(500, 2)]));
    const frames = await store.readTabFrames(3);
    expect(Object.keys(frames ?? {}).sort()).toEqual(['0', '7']);
    expect(frames?.['7']?.groups[0]?.count).toBe(2);
  });

  it('a new snapshot of a frame replaces the old one', async () => {
    const store = await freshStore();
    await store.saveFrameSnapshot(3, 0, snapshot([group(403, 1)]));
    await store.saveFrameSnapshot(3, 0, snapshot([group(404, 4)]));
    expect((await store.readTabFrames(3))?.['0']?.groups.map((g) => g.key)).toEqual(['http:404']);
  });

  it('keeps both frames when they report at the same moment', async () => {
    const store = await freshStore();
    await Promise.all([1, 2, 3, 4].map((frameId) => store.saveFrameSnapshot(9, frameId, snapshot([group(400 + frameId, 1)]))));
    expect(Object.keys((await store.readTabFrames(9)) ?? {}).sort()).toEqual(['1', '2', '3', '4']);
  });

  it('survives a worker restart: a freshly loaded module reads storage.session', async () => {
    const before = await freshStore();
    await before.saveFrameSnapshot(5, 0, snapshot([group(429, 3)]));
    const after = await freshStore();
    expect(after).not.toBe(before);
    expect((await after.readTabFrames(5))?.['0']?.groups[0]?.key).toBe('http:429');
  });

  it('keeps findings in storage.session, one key per tab', async () => {
    const store = await freshStore();
    await store.saveFrameSnapshot(5, 0, snapshot([group(429, 3)]));
    expect(Object.keys(await fake.storage.session.get(null))).toEqual([store.tabStorageKey(5)]);
    expect(await fake.storage.local.get(null)).toEqual({});
  });

  it.each([
    ['nothing stored', undefined],
    ['a broken value', 'garbage'],
    ['a list', [1, 2]],
  ])('returns null for %s', async (_name, value) => {
    const store = await freshStore();
    if (value !== undefined) await fake.storage.session.set({ [store.tabStorageKey(4)]: value });
    expect(await store.readTabFrames(4)).toBeNull();
  });

  it('clearTabFrames removes only that tab', async () => {
    const store = await freshStore();
    await store.saveFrameSnapshot(1, 0, snapshot([group(403, 1)]));
    await store.saveFrameSnapshot(2, 0, snapshot([group(403, 1)]));
    await store.clearTabFrames(1);
    expect(await store.readTabFrames(1)).toBeNull();
    expect(await store.readTabFrames(2)).not.toBeNull();
  });
});

describe('service worker lifecycle (src/background/index.ts)', () => {
  async function startWorker(): Promise<void> {
    vi.resetModules();
    await import('../../src/background/index');
  }

  async function report(tabId: number, frameId: number, groups: FindingGroup[]): Promise<unknown> {
    return fake.deliverMessage({ type: 'page-snapshot', snapshot: snapshot(groups) }, contentScriptSender(tabId, frameId));
  }

  async function storedTabs(): Promise<string[]> {
    return Object.keys(await fake.storage.session.get(null)).sort();
  }

  it('registers its listeners at the top level of the module', async () => {
    await startWorker();
    expect(browser.runtime.onMessage.listenerCount()).toBe(1);
    expect(browser.tabs.onUpdated.listenerCount()).toBe(1);
    expect(browser.tabs.onRemoved.listenerCount()).toBe(1);
    expect(browser.runtime.onInstalled.listenerCount()).toBe(1);
    expect(browser.runtime.onStartup.listenerCount()).toBe(1);
  });

  it('answers the popup after a restart with what was reported before it', async () => {
    await startWorker();
    await report(4, 0, [group(403, 2)]);
    fake.dropListeners();
    await startWorker();
    const reply = (await fake.deliverMessage({ type: 'get-tab-findings', tabId: 4 }, extensionPageSender())) as {
      ok: boolean;
      tab: { groups: FindingGroup[] } | null;
    };
    expect(reply.ok).toBe(true);
    expect(reply.tab?.groups.map((g) => [g.key, g.count])).toEqual([['http:403', 2]]);
  });

  it.each([
    ['top-frame navigation to a new URL', { status: 'loading', url: 'https://www.klaviyo.com/other' }, true],
    ['loading without a URL change', { status: 'loading' }, false],
    ['URL change reported when complete', { status: 'complete', url: 'https://www.klaviyo.com/other' }, false],
    ['title change only', {}, false],
  ])('tabs.onUpdated with %s clears the tab: %s', async (_name, changeInfo, clears) => {
    await startWorker();
    await report(4, 0, [group(403, 2)]);
    await report(5, 0, [group(403, 1)]);
    browser.tabs.onUpdated.dispatch(4, changeInfo, { id: 4, active: true, windowId: 1 });
    await settle();
    expect(await storedTabs()).toEqual(clears ? ['tab:5'] : ['tab:4', 'tab:5']);
    expect(fake.badge(4).text).toBe(clears ? '' : '2');
    expect(fake.badge(5).text).toBe('1');
  });

  it('tabs.onRemoved clears the closed tab only', async () => {
    await startWorker();
    await report(4, 0, [group(403, 2)]);
    await report(5, 2, [group(500, 1)]);
    browser.tabs.onRemoved.dispatch(5, { windowId: 1, isWindowClosing: false });
    await settle();
    expect(await storedTabs()).toEqual(['tab:4']);
  });
});

describe('limits: no tab fills the storage for the others', () => {
  const bigGroups = (frame: number, count = 40) =>
    Array.from({ length: count }, (_, i) => ({ ...group(400 + i, 1), samples: [`frame ${frame} row ${i} `.padEnd(200, 'x')] }));

  it('keeps at most 32 frames per tab, dropping the least recently reported, never the top frame', async () => {
    const store = await freshStore();
    await store.saveFrameSnapshot(5, 0, snapshot([group(500, 1)]));
    for (let frame = 1; frame <= 40; frame++) await store.saveFrameSnapshot(5, frame, snapshot([group(403, 1)]));
    await store.saveFrameSnapshot(5, 3, snapshot([group(404, 1)])); // 3 already dropped: reported again, it is the newest
    const record = await store.readTabRecord(5);
    const ids = Object.keys(record?.frames ?? {})
      .map(Number)
      .sort((a, b) => a - b);
    expect(ids).toHaveLength(store.MAX_FRAMES_PER_TAB);
    expect(ids[0]).toBe(0);
    expect(ids).toContain(3);
    expect(ids).toContain(40);
    expect(ids).not.toContain(10);
    expect(record?.dropped).toEqual({ frames: 9, reasons: ['frame-limit'] }); // 1-10 dropped, 3 back
  });

  it('keeps a tab within its bytes, then reports the loss', async () => {
    const store = await freshStore();
    for (let frame = 0; frame < 25; frame++) await store.saveFrameSnapshot(6, frame, snapshot(bigGroups(frame, 100)));
    const record = await store.readTabRecord(6);
    expect(JSON.stringify(record).length).toBeLessThanOrEqual(store.MAX_TAB_BYTES);
    expect(record?.frames['0']).toBeDefined();
    expect(record?.frames['24']).toBeDefined();
    expect(record?.dropped?.reasons).toEqual(['size-limit']);
    expect(record?.dropped?.frames).toBeGreaterThan(0);
  });

  it('when the storage is full, the biggest tab gives up frames and the small one is stored', async () => {
    const store = await freshStore();
    fake.setSessionQuota(200 * 1024);
    for (let frame = 0; frame < 12; frame++) await store.saveFrameSnapshot(7, frame, snapshot(bigGroups(frame)));
    const before = Object.keys((await store.readTabFrames(7)) ?? {}).length;
    for (let frame = 0; frame < 6; frame++) await store.saveFrameSnapshot(8, frame, snapshot(bigGroups(frame)));
    const small = await store.readTabRecord(8);
    const big = await store.readTabRecord(7);
    expect(Object.keys(small?.frames ?? {})).toHaveLength(6);
    expect(small?.dropped).toBeNull();
    expect(Object.keys(big?.frames ?? {}).length).toBeLessThan(before);
    expect(big?.frames['0']).toBeDefined();
    expect(big?.dropped?.reasons).toContain('storage-full');
  });

  it('forgets a frame that is gone, unless a newer document of that frame reported since', async () => {
    const store = await freshStore();
    await store.saveFrameSnapshot(9, 0, snapshot([group(500, 1)]));
    await store.saveFrameSnapshot(9, 4, snapshot([group(429, 1)]), 'doc-new');
    expect(Object.keys((await store.forgetFrame(9, 4, 'doc-old')) ?? {}).sort()).toEqual(['0', '4']);
    expect(Object.keys((await store.forgetFrame(9, 4, 'doc-new')) ?? {})).toEqual(['0']);
    expect(await store.forgetFrame(9, 0)).toBeNull();
    expect(await store.readTabRecord(9)).toBeNull();
  });
});

describe('frame-gone and gone frames', () => {
  it('a frame-gone message forgets the frame and lowers the toolbar count', async () => {
    const { handleMessage } = await import('../../src/background/router');
    await handleMessage({ type: 'page-snapshot', snapshot: snapshot([group(500, 1)]) }, contentScriptSender(11, 0) as never);
    await handleMessage({ type: 'page-snapshot', snapshot: snapshot([group(429, 2)]) }, contentScriptSender(11, 5) as never);
    expect(fake.badge(11).text).toBe('3');
    expect(await handleMessage({ type: 'frame-gone' }, contentScriptSender(11, 5) as never)).toEqual({ ok: true });
    expect(fake.badge(11).text).toBe('1');
    expect(await handleMessage({ type: 'frame-gone' }, extensionPageSender() as never)).toMatchObject({ ok: false });
  });

  it('before the popup reads a tab, frames that no longer answer are dropped', async () => {
    const { handleMessage } = await import('../../src/background/router');
    await handleMessage({ type: 'page-snapshot', snapshot: snapshot([group(500, 1)]) }, contentScriptSender(12, 0) as never);
    await handleMessage({ type: 'page-snapshot', snapshot: snapshot([group(429, 2)]) }, contentScriptSender(12, 6) as never);
    fake.frameGone(12, 6);
    const reply = (await handleMessage({ type: 'get-tab-findings', tabId: 12 }, extensionPageSender() as never)) as {
      tab: { groups: FindingGroup[] };
    };
    expect(reply.tab.groups.map((g) => g.key)).toEqual(['http:500']);
    expect(fake.badge(12).text).toBe('1');
  });
});

describe('storedBytes', () => {
  // What Chromium 156's storage.session.getBytesInUse reported for each value (test/e2e check).
  it.each<[string, unknown, number]>([
    ['a long string', 'x'.repeat(1000), 1008],
    ['a dictionary with a long string', { k: 'x'.repeat(1000) }, 1072],
    ['a list of 100 numbers', Array.from({ length: 100 }, (_, i) => i), 3200],
    ['100 three-byte characters', '…'.repeat(100), 304],
    ['a dictionary of three scalars', { n: 400, s: null, t: true }, 192],
  ])('%s', async (_label, value, chromium) => {
    const { storedBytes } = await import('../../src/background/tab-record');
    expect(storedBytes(value)).toBe(chromium);
  });
});
