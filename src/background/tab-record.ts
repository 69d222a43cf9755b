// One tab's stored findings as plain data, and the rules that keep it within its share of
// storage.session: at most MAX_FRAMES_PER_TAB frames and MAX_TAB_BYTES, least recently reported
// frames dropped first, never the top frame; a top frame too big alone is shrunk (samples and
// details first, counts kept). Every loss is noted for the popup.
import type { DroppedNote, DropReason, PageSnapshot } from '../shared/messages';

/** The latest snapshot of each frame of a tab, by frame id (0 is the top frame). */
export type TabFrames = Record<string, PageSnapshot>;

/** What storage.session holds for one tab. */
export interface TabRecord {
  frames: TabFrames;
  /** Frame ids, least recently reported first. */
  recency: string[];
  /** The document each frame's snapshot came from (Chromium's documentId), where known. */
  documents: Record<string, string>;
  dropped: DroppedNote | null;
  /** Frames whose findings were dropped and that have not reported since (at most 1,024 kept). */
  droppedFrames?: string[];
}

const MAX_DROPPED_IDS = 1024;

export const MAX_FRAMES_PER_TAB = 32;
export const MAX_TAB_BYTES = 512 * 1024;
export const TOP_FRAME = '0';

export function emptyRecord(): TabRecord {
  return { frames: {}, recency: [], documents: {}, dropped: null };
}

export function isTabRecord(value: unknown): value is TabRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<TabRecord>;
  return (
    typeof record.frames === 'object' && record.frames !== null && Array.isArray(record.recency) && typeof record.documents === 'object'
  );
}

/** What a record costs in storage.session's quota (see storedBytes). */
export function recordBytes(record: TabRecord): number {
  return storedBytes(record);
}

/**
 * What Chromium counts against storage.session's quota for a value: not its JSON but the memory
 * of the stored value, 32 bytes per list item, 64 per dictionary entry, and string buffers
 * (UTF-8, rounded up to 16 bytes; short strings live inside their slot). Measured with
 * getBytesInUse in Chromium 156; JSON length undercounts a record of findings by about 15%.
 */
export function storedBytes(value: unknown): number {
  if (typeof value === 'string') return stringBytes(value);
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + 32 + storedBytes(item), 0);
  if (typeof value === 'object' && value !== null) {
    let sum = 0;
    for (const [key, item] of Object.entries(value)) sum += 64 + stringBytes(key) + storedBytes(item);
    return sum;
  }
  return 0;
}

function stringBytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes <= 22 ? 0 : Math.ceil((bytes + 1) / 16) * 16;
}

/** Notes that a frame's findings (or, without a frame id, parts of them) were dropped, and why. */
export function noteDropped(record: TabRecord, reason: DropReason, frameId?: string): void {
  const note = record.dropped ?? { frames: 0, reasons: [] };
  if (!note.reasons.includes(reason)) note.reasons.push(reason);
  if (frameId !== undefined) {
    const ids = (record.droppedFrames ?? []).filter((id) => id !== frameId);
    record.droppedFrames = [...ids, frameId].slice(-MAX_DROPPED_IDS);
  }
  note.frames = record.droppedFrames?.length ?? 0;
  record.dropped = note;
}

/** A frame reported again or is gone: it no longer counts among the dropped ones. */
export function unnoteDropped(record: TabRecord, frameId: string): void {
  if (!record.dropped || !record.droppedFrames?.includes(frameId)) return;
  record.droppedFrames = record.droppedFrames.filter((id) => id !== frameId);
  record.dropped.frames = record.droppedFrames.length;
}

/** Drops the least recently reported frame other than the top one; false when there is none. */
export function evictOldestFrame(record: TabRecord, reason: DropReason): boolean {
  const victim = record.recency.find((id) => id !== TOP_FRAME && id in record.frames);
  if (victim === undefined) return false;
  removeFrame(record, victim);
  noteDropped(record, reason, victim);
  return true;
}

export function removeFrame(record: TabRecord, id: string): void {
  delete record.frames[id];
  delete record.documents[id];
  record.recency = record.recency.filter((frame) => frame !== id);
}

/**
 * Makes the remaining snapshots smaller: samples and details go (counts stay), then, for a frame
 * that alone is too big, its last groups. False when nothing is left to shrink.
 */
export function shrinkSnapshots(record: TabRecord, reason: DropReason, maxBytes: number): boolean {
  let shrunk = false;
  for (const snapshot of Object.values(record.frames)) {
    for (const group of snapshot.groups) {
      if (group.samples.length > 0 || group.finding.detail) {
        group.samples = [];
        delete group.finding.detail;
        shrunk = true;
      }
    }
  }
  while (!shrunk || recordBytes(record) > maxBytes) {
    const biggest = Object.values(record.frames).sort((a, b) => b.groups.length - a.groups.length)[0];
    if (!biggest || biggest.groups.length === 0) break;
    biggest.groups.length = Math.floor(biggest.groups.length / 2);
    shrunk = true;
  }
  if (shrunk) noteDropped(record, reason);
  return shrunk;
}

/** Keeps a tab within its frame and byte limits, least recently reported frames first. */
export function fitTabLimits(record: TabRecord): void {
  while (Object.keys(record.frames).length > MAX_FRAMES_PER_TAB && evictOldestFrame(record, 'frame-limit'));
  while (recordBytes(record) > MAX_TAB_BYTES && evictOldestFrame(record, 'size-limit'));
  if (recordBytes(record) > MAX_TAB_BYTES) shrinkSnapshots(record, 'size-limit', MAX_TAB_BYTES);
}
