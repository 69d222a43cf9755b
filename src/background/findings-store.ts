// Per-tab findings in storage.session: one key per tab, holding the latest snapshot of each frame.
// The service worker may be stopped at any moment, so storage is the only source of truth; the
// write queue below only orders read-modify-write steps, it holds no findings.
//
// storage.session is one 10 MB area shared by every tab. A page that churns frames must not fill
// it for the others: a tab keeps at most MAX_FRAMES_PER_TAB frames and MAX_TAB_BYTES, losing its
// least recently reported frames first, never its top frame (src/background/tab-record.ts). When
// the area is full anyway, the biggest tab gives up frames and the write is tried again. Every
// loss is noted on the tab's record, and the popup says so.
import browser from '../shared/browser';
import type { PageSnapshot } from '../shared/messages';
import {
  emptyRecord,
  evictOldestFrame,
  fitTabLimits,
  isTabRecord,
  recordBytes,
  removeFrame,
  shrinkSnapshots,
  unnoteDropped,
  type TabFrames,
  type TabRecord,
} from './tab-record';

export { MAX_FRAMES_PER_TAB, MAX_TAB_BYTES, type TabFrames, type TabRecord } from './tab-record';

/** Rounds of "make room, write again" before a write is given up. */
const QUOTA_RETRIES = 8;

const KEY_PREFIX = 'tab:';

export function tabStorageKey(tabId: number): string {
  return `${KEY_PREFIX}${tabId}`;
}

/** The tab id of a storage key, or null for keys that are not a tab's. */
export function tabIdOfKey(key: string): number | null {
  return key.startsWith(KEY_PREFIX) && /^\d+$/.test(key.slice(KEY_PREFIX.length)) ? Number(key.slice(KEY_PREFIX.length)) : null;
}

// Two frames of one tab may report at once; chaining their updates keeps both.
const pendingWrites = new Map<number, Promise<unknown>>();

function queueForTab<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const previous = pendingWrites.get(tabId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  pendingWrites.set(tabId, next);
  void next
    .finally(() => {
      if (pendingWrites.get(tabId) === next) pendingWrites.delete(tabId);
    })
    .catch(() => undefined);
  return next;
}

/** The stored record of a tab, or null when no content script has reported in it. */
export async function readTabRecord(tabId: number): Promise<TabRecord | null> {
  const key = tabStorageKey(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  return isTabRecord(stored) ? stored : null;
}

/** The frames stored for a tab, or null when no content script has reported in it. */
export async function readTabFrames(tabId: number): Promise<TabFrames | null> {
  return (await readTabRecord(tabId))?.frames ?? null;
}

/** Writes a tab's record; when the area is full, makes room (biggest tab first) and tries again. */
async function writeRecord(tabId: number, record: TabRecord): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await browser.storage.session.set({ [tabStorageKey(tabId)]: record });
      return;
    } catch (error) {
      if (!isQuotaError(error) || attempt >= QUOTA_RETRIES || !(await makeRoom(tabId, record))) throw error;
    }
  }
}

/** Chromium: "Session storage quota bytes exceeded. Values were not stored." */
export function isQuotaError(error: unknown): boolean {
  return /quota/i.test(String((error as { message?: unknown } | null)?.message ?? error));
}

/**
 * Frees room in storage.session for `writing` (the record of `tabId` about to be written): the
 * biggest tab, counting `writing`, gives up its least recently reported frame, or shrinks when it
 * has only its top frame. A tab that keeps within its share is the last to lose anything. False
 * when nothing is left to give up.
 */
async function makeRoom(tabId: number, writing: TabRecord): Promise<boolean> {
  const stored = await browser.storage.session.get(null);
  const tabs: { id: number; record: TabRecord; bytes: number }[] = [{ id: tabId, record: writing, bytes: recordBytes(writing) }];
  for (const [key, value] of Object.entries(stored)) {
    const id = tabIdOfKey(key);
    if (id !== null && id !== tabId && isTabRecord(value)) tabs.push({ id, record: value, bytes: recordBytes(value) });
  }
  tabs.sort((a, b) => b.bytes - a.bytes);
  for (const { id, record, bytes } of tabs) {
    const freed = evictOldestFrame(record, 'storage-full') || shrinkSnapshots(record, 'storage-full', bytes / 2);
    if (!freed) continue;
    if (id !== tabId) {
      // Written directly, not through that tab's queue: two tabs making room in each other at
      // once must not wait on each other. A write of its own that races this one is within its
      // own limits anyway.
      await browser.storage.session.set({ [tabStorageKey(id)]: record });
      for (const listener of trimListeners) listener(id, record.frames);
    }
    return true;
  }
  return false;
}

type TrimListener = (tabId: number, frames: TabFrames) => void;
const trimListeners: TrimListener[] = [];

/** Calls `listener` when another tab's findings were cut to make room (its toolbar count changes). */
export function onTabTrimmed(listener: TrimListener): void {
  trimListeners.push(listener);
}

/** Replaces one frame's snapshot and returns all frames of the tab as now stored. */
export function saveFrameSnapshot(tabId: number, frameId: number, snapshot: PageSnapshot, documentId?: string): Promise<TabFrames> {
  return queueForTab(tabId, async () => {
    const record = (await readTabRecord(tabId)) ?? emptyRecord();
    const id = String(frameId);
    record.frames[id] = snapshot;
    record.recency = [...record.recency.filter((frame) => frame !== id), id];
    unnoteDropped(record, id);
    if (documentId) record.documents[id] = documentId;
    else delete record.documents[id];
    fitTabLimits(record);
    await writeRecord(tabId, record);
    return record.frames;
  });
}

/**
 * Forgets a frame that is gone (its page hid, or the frame was removed). With a document id, only
 * when the stored snapshot came from that document (a newer one may have reported since).
 * Resolves to the tab's frames as now stored (null when none is left).
 */
export function forgetFrame(tabId: number, frameId: number, documentId?: string): Promise<TabFrames | null> {
  return queueForTab(tabId, async () => {
    const record = await readTabRecord(tabId);
    const id = String(frameId);
    if (!record || !(id in record.frames)) return record?.frames ?? null;
    const stored = record.documents[id];
    if (documentId && stored && stored !== documentId) return record.frames;
    removeFrame(record, id);
    unnoteDropped(record, id);
    if (Object.keys(record.frames).length === 0) {
      await browser.storage.session.remove(tabStorageKey(tabId));
      return null;
    }
    await writeRecord(tabId, record);
    return record.frames;
  });
}

/** Forgets everything a tab reported (navigation, tab closed). */
export function clearTabFrames(tabId: number): Promise<void> {
  return queueForTab(tabId, () => browser.storage.session.remove(tabStorageKey(tabId)));
}
