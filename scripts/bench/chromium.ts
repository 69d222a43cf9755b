// Page measurements in headless Chromium: one browser with the extension, one plain browser with
// the same flags and the same kind of (persistent) profile, so the two differ only by the extension.
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_FLAGS, chromiumPath, launchWithExtension, serveHtml, type ExtensionSession } from '../../test/e2e/harness';
import {
  APPEND_ROWS,
  CHECK_PLACEMENT,
  COUNT_BADGES_SINCE,
  FLOOR_PASS,
  READ_STATE,
  RECORDER_SCRIPT,
  call,
  type Placement,
  type RecorderState,
} from './in-page';
import type { LogPage, RowBatch } from './page-generator';
import { extensionTasks, type ExtensionTasks, type TraceEvent } from './trace';

/** The reference scanner of issue 9, an unpacked extension loaded beside ours. */
export const REFERENCE_DIR = path.resolve(import.meta.dirname, 'reference');

export const VIEWPORT = { width: 1280, height: 800 };
const LOAD_TIMEOUT_MS = 180_000;
/** Quiet time after a page settles, before its counters are read, the same with and without. */
const QUIET_MS = 500;
/**
 * Badges are done when their count stops growing for this long (longer while there are none).
 * A scan commits its badges in few, large batches, seconds apart on a loaded machine: a shorter
 * wait takes the pause between two for the end, and counts the rest as missing.
 */
const STABLE_MS = 5_000;
const FIRST_BADGE_GRACE_MS = 3_000;
const BADGE_WAIT_LIMIT_MS = 60_000;
// Just enough to attribute tasks (RunTask and IPC messages in toplevel, FunctionCall and
// EvaluateScript naming their script in devtools.timeline): richer categories (counters, V8
// sampling) slow the page's scripts down noticeably.
const TRACE_CATEGORIES = '-*,devtools.timeline,toplevel';

export interface Browsers {
  extension: ExtensionSession;
  plain: { context: BrowserContext; close: () => Promise<void> };
  chromiumVersion: string;
}

async function launchPlain(): Promise<Browsers['plain']> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'webhook-doctor-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false, // the headless flag in CHROMIUM_FLAGS picks the new headless mode
    viewport: VIEWPORT,
    args: CHROMIUM_FLAGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

function chromiumVersion(): string {
  try {
    return execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** Both browsers, with every page served at its URL and the badge recorder in every page. */
export async function launchBrowsers(distDir: string, pages: readonly LogPage[]): Promise<Browsers> {
  const extension = await launchWithExtension({ distDir, viewport: VIEWPORT, extraExtensions: [REFERENCE_DIR] });
  const plain = await launchPlain().catch(async (error: unknown) => {
    await extension.close();
    throw error;
  });
  for (const context of [extension.context, plain.context]) {
    await context.addInitScript(RECORDER_SCRIPT);
    for (const page of pages) await serveHtml(context, page.url, page.html);
  }
  return { extension, plain, chromiumVersion: chromiumVersion() };
}

export async function closeBrowsers(browsers: Browsers): Promise<void> {
  await Promise.allSettled([browsers.extension.close(), browsers.plain.close()]);
}

/** Counters of the page's renderer from CDP Performance.getMetrics, durations in ms. */
export interface PageCounters {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  nodes: number;
}

export async function readCounters(cdp: CDPSession): Promise<PageCounters> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    taskMs: value('TaskDuration') * 1000,
    scriptMs: value('ScriptDuration') * 1000,
    layoutMs: value('LayoutDuration') * 1000,
    styleMs: value('RecalcStyleDuration') * 1000,
    nodes: value('Nodes'),
  };
}

export interface OpenedPage {
  page: Page;
  cdp: CDPSession;
  counters: PageCounters;
  state: RecorderState;
  /** Present when the load was traced. */
  extension: ExtensionTasks | null;
  close: () => Promise<void>;
}

/** Polls (cheaply) until `expected` badges have appeared since `since`, or their count stops growing. */
export async function waitForBadges(page: Page, expected: number, since: number | null): Promise<number> {
  const started = Date.now();
  let count = -1;
  let changedAt = Date.now();
  for (;;) {
    const now = await page.evaluate<number>(call(COUNT_BADGES_SINCE, since));
    if (now !== count) {
      count = now;
      changedAt = Date.now();
    }
    if (count >= expected) {
      // A little longer, so extra (false or duplicate) badges are seen too.
      await page.waitForTimeout(300);
      return page.evaluate<number>(call(COUNT_BADGES_SINCE, since));
    }
    const patience = count === 0 ? FIRST_BADGE_GRACE_MS : STABLE_MS;
    if (Date.now() - changedAt > patience || Date.now() - started > BADGE_WAIT_LIMIT_MS) return count;
    await page.waitForTimeout(100);
  }
}

/**
 * Opens a log page in a fresh tab with the renderer's counters on from the start, optionally
 * traced, and waits until it is settled: badges done (when expected) and a quiet moment.
 */
export async function openLogPage(
  context: BrowserContext,
  logPage: LogPage,
  options: { expectBadges: boolean; trace: boolean },
): Promise<OpenedPage> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const traceEvents: TraceEvent[] = [];
  if (options.trace) {
    cdp.on('Tracing.dataCollected', (event) => traceEvents.push(...(event.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  }
  await page.goto(logPage.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  if (options.expectBadges) await waitForBadges(page, logPage.failingRows.length, null);
  await page.waitForTimeout(QUIET_MS);
  const counters = await readCounters(cdp);
  const state = await page.evaluate<RecorderState>(call(READ_STATE));
  if (options.trace) {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
  }
  return {
    page,
    cdp,
    counters,
    state,
    extension: options.trace ? extensionTasks(traceEvents) : null,
    close: async () => {
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
  };
}

/** The content script's own account of its scan work ('get-scan-stats'), in page time. */
export interface ReportedScanStats {
  totalScanMs: number;
  maxChunkMs: number;
  chunks: number;
}

const STATS_TIMEOUT_MS = 5_000;

/**
 * Asks the content script of a page's top frame for its scan stats, through the worker
 * (tabs.sendMessage); null when it does not answer (an older content script, or none).
 */
export async function readScanStats(session: ExtensionSession, page: Page): Promise<ReportedScanStats | null> {
  const ask = `(async () => {
    const tabs = (await chrome.tabs.query({})).filter((t) => t.url === ${JSON.stringify(page.url())});
    const tab = tabs[tabs.length - 1];
    if (!tab || tab.id === undefined) return null;
    try {
      return await chrome.tabs.sendMessage(tab.id, { type: 'get-scan-stats' }, { frameId: 0 });
    } catch {
      return null;
    }
  })()`;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), STATS_TIMEOUT_MS).unref());
  const answer = await Promise.race([session.worker().then((worker) => worker.evaluate<unknown>(ask)), timeout]).catch(() => null);
  const stats = answer as Partial<ReportedScanStats> | null;
  if (typeof stats?.totalScanMs !== 'number' || typeof stats.maxChunkMs !== 'number' || typeof stats.chunks !== 'number') return null;
  return { totalScanMs: stats.totalScanMs, maxChunkMs: stats.maxChunkMs, chunks: stats.chunks };
}

/** Time from DOMContentLoaded to the last badge, or null when no badge appeared. */
export function lastBadgeAfterDcl(state: RecorderState): number | null {
  if (state.badgeTimes.length === 0 || !Number.isFinite(state.domContentLoaded)) return null;
  return Math.max(...state.badgeTimes) - state.domContentLoaded;
}

/** The longest task the page saw (long-task observer: tasks of 50 ms or more), or 0. */
export function longestTask(state: RecorderState): number {
  return state.longTasks.reduce((longest, task) => Math.max(longest, task.duration), 0);
}

/**
 * The longest long task during which badges were placed, or 0: an untraced cross-check of the
 * traced extension tasks (exact durations, but blind to extension tasks that place no badge).
 * Badge times come from a microtask right after the inserting code, so a little slack is allowed.
 */
export function longestBadgingTask(state: RecorderState, slackMs = 2): number {
  let longest = 0;
  for (const task of state.longTasks) {
    const end = task.start + task.duration + slackMs;
    if (state.badgeTimes.some((t) => t >= task.start && t <= end)) longest = Math.max(longest, task.duration);
  }
  return longest;
}

/** Badge placement on the rows from `fromRow` on (all rows by default). */
export async function checkPlacement(page: Page, failingRows: readonly number[], fromRow = 0): Promise<Placement> {
  return page.evaluate<Placement>(call(CHECK_PLACEMENT, failingRows, fromRow));
}

/** Heap of the page's renderer after garbage collection: V8's JS heap and Blink's (DOM) heap. */
export async function measureHeap(cdp: CDPSession): Promise<{ jsBytes: number; domBytes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { jsBytes: usage.usedSize, domBytes: usage.embedderHeapUsedSize ?? 0 };
}

/** The floor pass, timed inside the page; the median of a few passes. */
export async function measureFloor(page: Page, passes: number): Promise<number> {
  const { times } = await page.evaluate<{ times: number[] }>(call(FLOOR_PASS, passes));
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}

export interface AppendResult {
  /** From right after the mutation to the last new badge; null when none appeared. */
  badgedAfterMs: number | null;
  newBadges: number;
  /** Placement on the appended rows only. */
  placement: Placement;
}

/** Appends a batch of rows in one mutation and times how long their badges take. */
export async function appendRows(page: Page, batch: RowBatch, rowsBefore: number): Promise<AppendResult> {
  const mutationAt = await page.evaluate<number>(call(APPEND_ROWS, batch.html));
  const newBadges = await waitForBadges(page, batch.failingRows.length, mutationAt);
  const state = await page.evaluate<RecorderState>(call(READ_STATE));
  const after = state.badgeTimes.filter((t) => t >= mutationAt);
  return {
    badgedAfterMs: after.length > 0 ? Math.max(...after) - mutationAt : null,
    newBadges,
    placement: await checkPlacement(
      page,
      batch.failingRows.map((i) => i + rowsBefore),
      rowsBefore,
    ),
  };
}
