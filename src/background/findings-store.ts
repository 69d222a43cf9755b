// Per-tab findings in storage.session: one key per tab, holding the latest snapshot of each frame.
// The service worker may be stopped at any moment, so storage is the only source of truth; the
// write queue below only orders read-modify-write steps, it holds no findings.
import browser from '../shared/browser';
import type { PageSnapshot } from '../shared/messages';

/** The latest snapshot of each frame of a tab, by frame id (0 is the top frame). */
export type TabFrames = Record<string, PageSnapshot>;

const KEY_PREFIX = 'tab:';

export function tabStorageKey(tabId: number): string {
  return `${KEY_PREFIX}${tabId}`;
}

// Two frames of one tab may report at once; chaining their updates keeps both.
const pendingWrites = new Map<number, Promise<unknown>>();

function queueForTab<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const previous = pendingWrites.get(tabId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  pendingWrites.set(tabId, next);
  void next.finally(() => {
    if (pendingWrites.get(tabId) === next) pendingWrites.delete(tabId);
  }).catch(() => undefined);
  return next;
}

function isTabFrames(value: unknown): value is TabFrames {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The frames stored for a tab, or null when no content script has reported in it. */
export async function readTabFrames(tabId: number): Promise<TabFrames | null> {
  const key = tabStorageKey(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  return isTabFrames(stored) ? stored : null;
}

/** Replaces one frame's snapshot and returns all frames of the tab as now stored. */
export function saveFrameSnapshot(tabId: number, frameId: number, snapshot: PageSnapshot): Promise<TabFrames> {
  return queueForTab(tabId, async () => {
    const frames: TabFrames = { ...(await readTabFrames(tabId)), [String(frameId)]: snapshot };
    await browser.storage.session.set({ [tabStorageKey(tabId)]: frames });
    return frames;
  });
}

/** Forgets everything a tab reported (navigation, tab closed). */
export function clearTabFrames(tabId: number): Promise<void> {
  return queueForTab(tabId, () => browser.storage.session.remove(tabStorageKey(tabId)));
}
