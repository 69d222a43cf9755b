// In-memory stand-in for the webextension API surface the extension uses. The unit project aliases
// 'webextension-polyfill' to this file, so src/shared/browser.ts hands this object to the code.
//
// - Test controls live on `fake` (named export); `resetBrowserFake()` gives each test a clean browser
//   (test/setup/unit.ts calls it before every unit test).
// - The one instance is kept on globalThis: a test that re-imports modules (vi.resetModules, to
//   mimic a restarted service worker) still talks to the same browser, as a real worker would.
// - Values pass through structuredClone, as real storage and messaging copy them.
import { providerHostPatterns } from '../../src/providers';
import englishMessages from '../../_locales/en/messages.json' with { type: 'json' };

/** The ESP hosts the real manifest is built with, so the fake cannot drift from it. */
const ESP_MATCHES = providerHostPatterns();

/* eslint-disable @typescript-eslint/no-explicit-any -- listeners of many shapes share one event type */
type Listener = (...args: any[]) => any;

export interface FakeEvent<L extends Listener = Listener> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
  hasListener(listener: L): boolean;
  /** Test control: calls every listener in order and returns what each returned. */
  dispatch(...args: Parameters<L>): ReturnType<L>[];
  listenerCount(): number;
  /** Test control: forgets every listener. */
  clear(): void;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export interface FakeSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface FakeTab {
  id: number;
  url?: string;
  active: boolean;
  windowId: number;
}

export interface FakeRegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: string;
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

interface BadgeState {
  text: string;
  color: string;
}

export const FAKE_EXTENSION_ID = 'webhookdoctorfakeid';
const EXTENSION_ORIGIN = `chrome-extension://${FAKE_EXTENSION_ID}/`;
/** The window `tabs.query({ currentWindow: true })` means. */
export const CURRENT_WINDOW_ID = 1;

/** The sender an extension page (popup, options) has. */
export function extensionPageSender(path = 'src/popup/index.html'): FakeSender {
  return { id: FAKE_EXTENSION_ID, url: EXTENSION_ORIGIN + path };
}

/** The sender a content script in a tab has. */
export function contentScriptSender(tabId: number, frameId = 0, url = 'https://www.klaviyo.com/flow/1'): FakeSender {
  return { id: FAKE_EXTENSION_ID, url, tab: { id: tabId, url }, frameId };
}

/** A manifest shaped like the built one: crxjs rewrites the content script to a hashed file. */
export function defaultFakeManifest(): Record<string, unknown> {
  return {
    manifest_version: 3,
    name: 'Webhook Doctor',
    version: '0.1.0',
    host_permissions: ['https://www.klaviyo.com/*', 'https://*.braze.com/*'],
    content_scripts: [
      {
        matches: [...ESP_MATCHES],
        js: ['assets/index.ts-loader-AbC123.js'],
        run_at: 'document_idle',
        all_frames: true,
      },
    ],
  };
}

function buildFake() {
  const allEvents: FakeEvent[] = [];

  function createEvent<L extends Listener = Listener>(): FakeEvent<L> {
    let listeners: L[] = [];
    const event: FakeEvent<L> = {
      addListener: (listener) => {
        if (!listeners.includes(listener)) listeners.push(listener);
      },
      removeListener: (listener) => {
        listeners = listeners.filter((l) => l !== listener);
      },
      hasListener: (listener) => listeners.includes(listener),
      dispatch: (...args) => [...listeners].map((l) => l(...args) as ReturnType<L>),
      listenerCount: () => listeners.length,
      clear: () => {
        listeners = [];
      },
    };
    allEvents.push(event as unknown as FakeEvent);
    return event;
  }

  // ---- storage -----------------------------------------------------------------------------

  type AreaName = 'local' | 'session' | 'sync';
  const storageOnChanged = createEvent<(changes: Record<string, StorageChange>, areaName: AreaName) => void>();

  /** Chromium's QUOTA_BYTES of storage.session; counted as key plus JSON value, as it does. */
  const SESSION_QUOTA_BYTES = 10 * 1024 * 1024;
  const quotas: Partial<Record<AreaName, number>> = { session: SESSION_QUOTA_BYTES };

  function createStorageArea(areaName: AreaName) {
    const items = new Map<string, unknown>();
    const bytesOf = (key: string, value: unknown) => key.length + JSON.stringify(value).length;
    const onChanged = createEvent<(changes: Record<string, StorageChange>) => void>();

    function notify(changes: Record<string, StorageChange>): void {
      if (Object.keys(changes).length === 0) return;
      onChanged.dispatch(structuredClone(changes));
      storageOnChanged.dispatch(structuredClone(changes), areaName);
    }

    return {
      onChanged,
      async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
        const result: Record<string, unknown> = {};
        if (keys === undefined || keys === null) {
          for (const [key, value] of items) result[key] = structuredClone(value);
        } else if (typeof keys === 'string' || Array.isArray(keys)) {
          for (const key of typeof keys === 'string' ? [keys] : keys) {
            if (items.has(key)) result[key] = structuredClone(items.get(key));
          }
        } else {
          for (const [key, fallback] of Object.entries(keys)) {
            result[key] = structuredClone(items.has(key) ? items.get(key) : fallback);
          }
        }
        return result;
      },
      async set(values: Record<string, unknown>): Promise<void> {
        const quota = quotas[areaName];
        if (quota !== undefined) {
          let total = 0;
          for (const [key, value] of items) if (!(key in values)) total += bytesOf(key, value);
          for (const [key, value] of Object.entries(values)) total += bytesOf(key, value);
          if (total > quota) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
        }
        const changes: Record<string, StorageChange> = {};
        for (const [key, value] of Object.entries(values)) {
          const change: StorageChange = { newValue: structuredClone(value) };
          if (items.has(key)) change.oldValue = items.get(key);
          items.set(key, structuredClone(value));
          changes[key] = change;
        }
        notify(changes);
      },
      async remove(keys: string | string[]): Promise<void> {
        const changes: Record<string, StorageChange> = {};
        for (const key of typeof keys === 'string' ? [keys] : keys) {
          if (!items.has(key)) continue;
          changes[key] = { oldValue: items.get(key) };
          items.delete(key);
        }
        notify(changes);
      },
      async clear(): Promise<void> {
        const changes: Record<string, StorageChange> = {};
        for (const [key, value] of items) changes[key] = { oldValue: value };
        items.clear();
        notify(changes);
      },
      /** Test control: drops everything without firing events. */
      wipe(): void {
        items.clear();
      },
    };
  }

  const storage = {
    local: createStorageArea('local'),
    session: createStorageArea('session'),
    sync: createStorageArea('sync'),
    onChanged: storageOnChanged,
  };

  // ---- runtime -----------------------------------------------------------------------------

  // The sender is typed loosely so the real listener (typed with the polyfill's MessageSender) fits.
  const onMessage = createEvent<(message: unknown, sender: any) => unknown>();
  const runtimeState = { manifest: defaultFakeManifest(), optionsPageOpened: 0 };

  /**
   * Delivers a message to onMessage listeners as Chromium does: the first listener that returns
   * a Promise answers; when none does, the caller gets undefined.
   */
  async function deliverMessage(message: unknown, sender: FakeSender): Promise<unknown> {
    const answers = onMessage.dispatch(structuredClone(message), sender);
    const answer = answers.find((value) => value instanceof Promise);
    return answer === undefined ? undefined : structuredClone(await answer);
  }

  const runtime = {
    id: FAKE_EXTENSION_ID,
    getURL: (path: string) => EXTENSION_ORIGIN + path.replace(/^\//, ''),
    getManifest: () => structuredClone(runtimeState.manifest),
    sendMessage: (message: unknown) => deliverMessage(message, extensionPageSender()),
    openOptionsPage: async () => {
      runtimeState.optionsPageOpened += 1;
    },
    onMessage,
    onInstalled: createEvent<(details: { reason: string }) => void>(),
    onStartup: createEvent<() => void>(),
  };

  // ---- tabs --------------------------------------------------------------------------------

  const tabsState = { tabs: [] as FakeTab[], goneFrames: new Set<string>() };
  const tabs = {
    /** Content scripts answer 'get-scan-stats'; a frame marked gone has no receiver, as in Chromium. */
    async sendMessage(tabId: number, _message: unknown, options: { frameId?: number } = {}): Promise<unknown> {
      if (tabsState.goneFrames.has(`${tabId}/${options.frameId ?? 0}`)) {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      return { maxChunkMs: 0 };
    },
    async get(tabId: number): Promise<FakeTab> {
      const tab = tabsState.tabs.find((t) => t.id === tabId);
      if (!tab) throw new Error(`Invalid tab ID: ${tabId}`);
      return { ...tab };
    },
    async query(info: { active?: boolean; currentWindow?: boolean } = {}): Promise<FakeTab[]> {
      return tabsState.tabs
        .filter((tab) => info.active === undefined || tab.active === info.active)
        .filter((tab) => info.currentWindow === undefined || (tab.windowId === CURRENT_WINDOW_ID) === info.currentWindow)
        .map((tab) => ({ ...tab }));
    },
    onRemoved: createEvent<(tabId: number, removeInfo: { windowId: number; isWindowClosing: boolean }) => void>(),
    onUpdated: createEvent<(tabId: number, changeInfo: { status?: string; url?: string }, tab: FakeTab) => void>(),
  };

  // ---- action ------------------------------------------------------------------------------

  const badges = new Map<number | 'global', BadgeState>();
  function badgeState(tabId: number | undefined): BadgeState {
    const key = tabId ?? 'global';
    const badge = badges.get(key) ?? { text: '', color: '' };
    badges.set(key, badge);
    return badge;
  }

  const action = {
    async setBadgeText(details: { tabId?: number; text: string | null }): Promise<void> {
      badgeState(details.tabId).text = details.text ?? '';
    },
    async setBadgeBackgroundColor(details: { tabId?: number; color: string | number[] | null }): Promise<void> {
      if (typeof details.color !== 'string') throw new Error('The fake only takes CSS colour strings');
      badgeState(details.tabId).color = details.color;
    },
    async getBadgeText(details: { tabId?: number }): Promise<string> {
      return badges.get(details.tabId ?? 'global')?.text ?? '';
    },
  };

  // ---- permissions -------------------------------------------------------------------------

  // The manifest's host permissions are granted at install, as Chromium does, unless a test
  // withholds some (Firefox lets the user withhold them; Chromium's "on click" site access too).
  const manifestHosts = (): string[] => (runtimeState.manifest.host_permissions as string[] | undefined) ?? [];
  const permissionsState = {
    granted: new Set<string>(),
    withheld: new Set<string>(),
    /** What the next permissions.request answers (the user's click in the prompt). */
    answerRequests: true,
    requested: [] as string[][],
  };

  function hasOrigin(origin: string): boolean {
    return permissionsState.granted.has(origin) || (manifestHosts().includes(origin) && !permissionsState.withheld.has(origin));
  }

  const permissions = {
    async contains(perms: { origins?: string[] }): Promise<boolean> {
      return (perms.origins ?? []).every((origin) => hasOrigin(origin));
    },
    async request(perms: { origins?: string[] }): Promise<boolean> {
      const origins = perms.origins ?? [];
      permissionsState.requested.push([...origins]);
      if (!permissionsState.answerRequests) return false;
      const added = origins.filter((origin) => !hasOrigin(origin));
      for (const origin of origins) {
        if (manifestHosts().includes(origin)) permissionsState.withheld.delete(origin);
        else permissionsState.granted.add(origin);
      }
      if (added.length > 0) permissions.onAdded.dispatch({ origins: added });
      return true;
    },
    async remove(perms: { origins?: string[] }): Promise<boolean> {
      const removed = (perms.origins ?? []).filter((origin) => {
        if (!manifestHosts().includes(origin)) return permissionsState.granted.delete(origin);
        const had = hasOrigin(origin);
        permissionsState.withheld.add(origin);
        return had;
      });
      if (removed.length > 0) permissions.onRemoved.dispatch({ origins: removed });
      return removed.length > 0;
    },
    onAdded: createEvent<(perms: { origins?: string[] }) => void>(),
    onRemoved: createEvent<(perms: { origins?: string[] }) => void>(),
  };

  // ---- scripting ---------------------------------------------------------------------------

  const registeredScripts = new Map<string, FakeRegisteredScript>();
  const scripting = {
    async registerContentScripts(scripts: FakeRegisteredScript[]): Promise<void> {
      // Chromium rejects the whole call on a duplicate id or an empty match list.
      for (const script of scripts) {
        if (registeredScripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        if (!script.matches?.length) throw new Error(`Script with ID '${script.id}' must specify 'matches'`);
      }
      for (const script of scripts) registeredScripts.set(script.id, structuredClone(script));
    },
    async unregisterContentScripts(filter: { ids?: string[] } = {}): Promise<void> {
      const ids = filter.ids ?? [...registeredScripts.keys()];
      const unknown = ids.find((id) => !registeredScripts.has(id));
      if (unknown !== undefined) throw new Error(`Nonexistent script ID '${unknown}'`);
      for (const id of ids) registeredScripts.delete(id);
    },
    /** Runs `func` in this realm, as if in the tab's isolated world (one frame). */
    async executeScript<A extends unknown[], R>(injection: {
      target: { tabId: number };
      func: (...args: A) => R;
      args?: A;
    }): Promise<{ frameId: number; result: R }[]> {
      return [{ frameId: 0, result: injection.func(...((injection.args ?? []) as A)) }];
    },
    async getRegisteredContentScripts(filter: { ids?: string[] } = {}): Promise<FakeRegisteredScript[]> {
      return [...registeredScripts.values()]
        .filter((script) => filter.ids === undefined || filter.ids.includes(script.id))
        .map((script) => structuredClone(script));
    },
  };

  // ---- i18n --------------------------------------------------------------------------------

  type MessageEntry = { message: string; placeholders?: Record<string, { content: string }> };
  const catalog = englishMessages as Record<string, MessageEntry>;

  /**
   * chrome.i18n.getMessage on the real English file, done as the browser does: `$name$` becomes
   * its placeholder's content (names in any case), then `$1`..`$9` the substitutions and `$$` a
   * dollar, in one pass. An unknown name gives ''.
   */
  function getMessage(name: string, substitutions?: string | string[]): string {
    const entry = catalog[name];
    if (!entry) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([key, value]) => [key.toLowerCase(), value.content]));
    const expanded = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, key: string) => placeholders.get(key.toLowerCase()) ?? whole);
    return expanded.replace(/\$(\$|[1-9])/g, (_whole, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
  }

  const i18n = { getMessage, getUILanguage: () => 'en' };

  // ---- assembly ----------------------------------------------------------------------------

  const browser = { storage, runtime, tabs, action, permissions, scripting, i18n };

  const controls = {
    /** Sends a message to the onMessage listeners as any sender (content script, stranger). */
    deliverMessage,
    setManifest(manifest: Record<string, unknown>): void {
      runtimeState.manifest = structuredClone(manifest);
    },
    optionsPageOpenCount: () => runtimeState.optionsPageOpened,
    setTabs(list: FakeTab[]): void {
      tabsState.tabs = list.map((tab) => ({ ...tab }));
    },
    /** The frame's document went away without a word: messages to it find no receiver. */
    frameGone(tabId: number, frameId: number): void {
      tabsState.goneFrames.add(`${tabId}/${frameId}`);
    },
    /** Sets storage.session's quota (bytes) for a test. */
    setSessionQuota(bytes: number): void {
      quotas.session = bytes;
    },
    badge(tabId: number): BadgeState {
      return { ...(badges.get(tabId) ?? { text: '', color: '' }) };
    },
    grantOrigins(...origins: string[]): void {
      for (const origin of origins) permissionsState.granted.add(origin);
    },
    grantedOrigins: () => [...permissionsState.granted],
    /** The user withholds some of the manifest's host permissions. */
    withholdHosts(...origins: string[]): void {
      for (const origin of origins) permissionsState.withheld.add(origin);
    },
    answerPermissionRequests(granted: boolean): void {
      permissionsState.answerRequests = granted;
    },
    permissionRequests: () => permissionsState.requested.map((origins) => [...origins]),
    registeredScripts: () => [...registeredScripts.values()].map((script) => structuredClone(script)),
    /** A stopped service worker: every listener is gone, storage and browser state stay. */
    dropListeners(): void {
      for (const event of allEvents) event.clear();
    },
  };

  function reset(): void {
    for (const area of [storage.local, storage.session, storage.sync]) area.wipe();
    for (const event of allEvents) event.clear();
    runtimeState.manifest = defaultFakeManifest();
    runtimeState.optionsPageOpened = 0;
    tabsState.tabs = [];
    tabsState.goneFrames.clear();
    quotas.session = SESSION_QUOTA_BYTES;
    badges.clear();
    permissionsState.granted.clear();
    permissionsState.withheld.clear();
    permissionsState.answerRequests = true;
    permissionsState.requested = [];
    registeredScripts.clear();
  }

  return { browser, controls, reset };
}

const INSTANCE_KEY = Symbol.for('webhook-doctor.browser-fake');
const globalSlot = globalThis as { [INSTANCE_KEY]?: ReturnType<typeof buildFake> };
const instance = (globalSlot[INSTANCE_KEY] ??= buildFake());

export default instance.browser;

/** Test controls: inspect badges, scripts and permissions; set tabs, manifest and answers. */
export const fake = { ...instance.controls, storage: instance.browser.storage };

/** Forgets all state and listeners: call it in beforeEach. */
export const resetBrowserFake: () => void = instance.reset;
