// The content script's side of the protocol, on the browser's own `browser` / `chrome` namespace
// (no polyfill in content.js): loading the extras, and answering 'get-scan-stats' with
// sendResponse for our own extension only.
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';

// The real module, not the unit setup's spies.
vi.unmock('../../src/content/runtime/messaging');

import { contentExtras } from '../../src/content/extras';
import { registerExtras, EXTRAS_GLOBAL } from '../../src/content/runtime/extras-api';
import { answerScanStats, extensionAlive, loadExtras, parseContentSettings, sendSnapshot } from '../../src/content/runtime/messaging';
import { parseSettings } from '../../src/shared/settings';
import { extensionApi } from '../../src/content/runtime/runtime-api';
import type { ScanStats } from '../../src/shared/messages';

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => unknown;

const EXTENSION_ID = 'our-extension-id';
const scope = globalThis as Record<string, unknown>;

function fakeNamespace(reply: unknown) {
  const listeners = new Set<Listener>();
  return {
    listeners,
    runtime: {
      id: EXTENSION_ID as string | undefined,
      sendMessage: vi.fn(async () => reply),
      onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  };
}

const STATS: ScanStats = {
  maxChunkMs: 4,
  totalScanMs: 30,
  chunks: 9,
  scans: 2,
  rowsSeen: 120,
  badges: 12,
  firstScanStartedAt: 101.5,
  lastBadgeAt: 140.25,
  extrasLoaded: false,
  unmatchedSelectors: [{ field: 'rows', selector: '.activity-log-row' }],
};

beforeEach(() => {
  delete scope.browser;
  delete scope.chrome;
  delete scope[EXTRAS_GLOBAL];
});

afterEach(() => {
  delete scope.browser;
  delete scope.chrome;
  delete scope[EXTRAS_GLOBAL];
});

describe('extensionApi', () => {
  it.each([
    ['browser and chrome', ['browser', 'chrome'], 'browser'],
    ['chrome only (older Chromium)', ['chrome'], 'chrome'],
    ['browser only (Firefox)', ['browser'], 'browser'],
  ])('%s → %s', (_name, present, expected) => {
    for (const name of present) scope[name] = { name };
    expect((extensionApi() as unknown as { name: string }).name).toBe(expected);
  });

  it('is undefined outside an extension, and the script then knows it is not alive', () => {
    expect(extensionApi()).toBeUndefined();
    expect(extensionAlive()).toBe(false);
  });
});

describe('loadExtras', () => {
  it('asks the worker to inject the extras, then reads what they registered', async () => {
    const api = fakeNamespace({ ok: true });
    scope.chrome = api;
    api.runtime.sendMessage.mockImplementation(async () => {
      registerExtras(contentExtras); // what executeScript running content-extras.js does
      return { ok: true };
    });
    expect(await loadExtras()).toBe(contentExtras);
    expect(api.runtime.sendMessage).toHaveBeenCalledWith({ type: 'load-content-extras' });
  });

  it.each([
    ['refused', { ok: false, error: 'Refused' }],
    ['no answer', undefined],
  ])('%s → null, even when an older copy is registered', async (_name, reply) => {
    scope.browser = fakeNamespace(reply);
    registerExtras(contentExtras);
    expect(await loadExtras()).toBeNull();
  });

  it('a failed send rejects (the caller tears down on "context invalidated")', async () => {
    const api = fakeNamespace({ ok: true });
    api.runtime.sendMessage.mockRejectedValue(new Error('Extension context invalidated.'));
    scope.browser = api;
    await expect(loadExtras()).rejects.toThrow(/context invalidated/);
  });
});

describe('sendSnapshot', () => {
  it.each([
    ['diagnoses', { ok: true, diagnoses: { 'http:403': { title: 't' } } }, { 'http:403': { title: 't' } }],
    ['an error reply', { ok: false, error: 'x' }, null],
    ['no reply', undefined, null],
  ])('%s', async (_name, reply, expected) => {
    scope.browser = fakeNamespace(reply);
    expect(await sendSnapshot({ url: 'u', provider: null, endpointUrl: null, groups: [] })).toEqual(expected);
  });
});

describe('answerScanStats', () => {
  function listen() {
    const api = fakeNamespace({ ok: true });
    scope.browser = api;
    const controller = new AbortController();
    answerScanStats(() => STATS, controller.signal);
    const [listener] = api.listeners;
    return { api, controller, listener: listener! };
  }

  it('answers get-scan-stats from our extension at once, with sendResponse', () => {
    const { listener } = listen();
    const sendResponse = vi.fn();
    expect(listener({ type: 'get-scan-stats' }, { id: EXTENSION_ID }, sendResponse)).toBeUndefined();
    expect(sendResponse).toHaveBeenCalledWith(STATS);
  });

  it.each([
    ['another message type', { type: 'page-snapshot' }, { id: EXTENSION_ID }],
    ['not an object', 'get-scan-stats', { id: EXTENSION_ID }],
    ['another extension', { type: 'get-scan-stats' }, { id: 'someone-else' }],
    ['no sender id', { type: 'get-scan-stats' }, {}],
  ])('leaves %s unanswered (returns undefined: other listeners may answer)', (_name, message, sender) => {
    const { listener } = listen();
    const sendResponse = vi.fn();
    expect(listener(message, sender, sendResponse)).toBeUndefined();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('stops listening when the instance is torn down', () => {
    const { api, controller } = listen();
    expect(api.listeners.size).toBe(1);
    controller.abort();
    expect(api.listeners.size).toBe(0);
  });
});

describe('parseContentSettings reads providers and density as parseSettings does', () => {
  it.each([
    ['nothing stored', undefined],
    ['not an object', 'on'],
    ['one provider off', { providers: { braze: false } }],
    ['a broken provider value', { providers: { klaviyo: 'no', hubspot: false } }],
    ['compact badges', { badgeDensity: 'compact' }],
    ['an unknown density', { badgeDensity: 'tiny' }],
    ['with domains (ignored here)', { customDomains: ['esp.example.com'], providers: null }],
  ])('%s', (_name, raw) => {
    const { providers, badgeDensity } = parseSettings(raw);
    expect(parseContentSettings(raw)).toEqual({ providers, badgeDensity });
  });
});
