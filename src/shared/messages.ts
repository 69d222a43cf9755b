// The typed message protocol between content scripts, the service worker and the popup.
// Every message is a discriminated union member; `isMessage` validates untrusted input.
import type { FindingGroup } from '../engine/finding-model';
import type { Diagnosis, ProviderId } from '../engine/types';

/** A sample row text is at most this many characters. */
export const SAMPLE_LENGTH = 200;
/** A finding's excerpt is cut to this many characters before it leaves the page. */
export const EXCERPT_LENGTH = 120;

export type { FindingGroup };

/** What one frame currently shows: replaces the previous snapshot of that frame. */
export interface PageSnapshot {
  url: string;
  provider: ProviderId | null;
  /** The webhook's destination URL seen in an editor field, if any (selects endpoint advice). */
  endpointUrl: string | null;
  groups: FindingGroup[];
}

/** The part of a diagnosis that a badge card shows. */
export type BadgeDiagnosis = Pick<Diagnosis, 'key' | 'kind' | 'code' | 'problem' | 'title' | 'short' | 'meaning' | 'retry' | 'steps'>;

/**
 * Why findings of a tab were dropped: it had more frames than a tab may keep, its findings
 * outgrew a tab's share of storage, or the storage was full.
 */
export type DropReason = 'frame-limit' | 'size-limit' | 'storage-full';

/** What was dropped from a tab's findings (the popup says so). */
export interface DroppedNote {
  /** Whole frames whose findings were dropped (0 when only samples or groups were cut). */
  frames: number;
  reasons: DropReason[];
}

/** The findings of one tab, as the popup reads them. */
export interface TabFindings {
  tabId: number;
  url: string;
  provider: ProviderId | null;
  endpointUrl: string | null;
  groups: FindingGroup[];
  diagnoses: Record<string, Diagnosis>;
  /** Set when some of the tab's findings could not be kept. */
  dropped?: DroppedNote;
}

export type Message =
  | { type: 'page-snapshot'; snapshot: PageSnapshot }
  | { type: 'get-tab-findings'; tabId: number }
  /** From a content script: inject CONTENT_EXTRAS_FILE into my frame (field checks and more). */
  | { type: 'load-content-extras' }
  /** From a content script: my page is hidden or my frame removed; forget what I reported. */
  | { type: 'frame-gone' };

export type Reply<M extends Message> = M extends { type: 'page-snapshot' }
  ? { ok: true; diagnoses: Record<string, BadgeDiagnosis> } | ErrorReply
  : M extends { type: 'get-tab-findings' }
    ? { ok: true; tab: TabFindings | null } | ErrorReply
    : M extends { type: 'load-content-extras' | 'frame-gone' }
      ? { ok: true } | ErrorReply
      : never;

export interface ErrorReply {
  ok: false;
  error: string;
}

export const MESSAGE_TYPES = ['page-snapshot', 'get-tab-findings', 'load-content-extras', 'frame-gone'] as const;

/** True for anything shaped like one of our message types (fields are validated by the router). */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && (MESSAGE_TYPES as readonly string[]).includes(type);
}

/**
 * The on-demand part of the content script (editor field checks, the credential and rate-limit
 * row detectors, the badge card, secret redaction), injected by the worker on 'load-content-extras'.
 * Its entry: the last of CONTENT_EXTRAS_FILES, the one that registers the API for content.js.
 */
export const CONTENT_EXTRAS_FILE = 'content-extras.js';

/**
 * Every file of the extras, one executeScript call each, all sent at once: each call is a task of
 * its own in the page, so no single one compiles and runs the whole bundle (issue 9: no task of
 * ours over 50 ms). A file uses only files before it (the build checks): run in this order, each
 * runs in its own task; out of order, a part waits for its needs and runs in the task that
 * completes them (see wrapExtrasPart).
 */
export const CONTENT_EXTRAS_FILES: readonly string[] = [
  'content-extras-endpoints.js',
  'content-extras-network.js',
  'content-extras-credential.js',
  'content-extras-receiver.js',
  CONTENT_EXTRAS_FILE,
];

/**
 * How scanning went in one frame, for tests and the benchmark. Times are that frame's
 * performance.now(); null until it happened. Holds no page text.
 */
export interface ScanStats {
  /** The longest chunk of scan work, in ms. */
  maxChunkMs: number;
  /** All scan work so far, in ms. */
  totalScanMs: number;
  /** Chunks of scan work run. */
  chunks: number;
  /** Scan passes started: the first full scan, each mutation batch, each rescan. */
  scans: number;
  /** Rows judged by the detectors. */
  rowsSeen: number;
  /** Rows that carry a badge now. */
  badges: number;
  firstScanStartedAt: number | null;
  /** When a badge was last added or changed. */
  lastBadgeAt: number | null;
  /** True once content-extras.js was loaded into this frame. */
  extrasLoaded: boolean;
  /** The site adapter's selector alternatives that match nothing in this frame's document now. */
  unmatchedSelectors: UnmatchedSelector[];
}

/** One selector alternative of a provider's site.ts, e.g. `rows` / `.activity-log-row`. */
export interface UnmatchedSelector {
  field: string;
  selector: string;
}

/** Messages a content script answers (sent with tabs.sendMessage(tabId, message, { frameId })). */
export type ContentMessage = { type: 'get-scan-stats' };

export type ContentReply<M extends ContentMessage> = M extends { type: 'get-scan-stats' } ? ScanStats : never;

export function isContentMessage(value: unknown): value is ContentMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'get-scan-stats';
}
