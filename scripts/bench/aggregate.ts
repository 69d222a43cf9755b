// Turns the raw runs of each measurement into the reported metrics: medians, worst cases for
// counts of misplaced badges, and differences between the pages with and without the extension.
import type { BundleSize } from './bundles';
import type { AppendResult, PageCounters, ReportedScanStats } from './chromium';
import type { Placement } from './in-page';
import type { LogPage, RowBatch } from './page-generator';
import type { Metrics, PageMetrics } from './results';
import { difference, median, ratio, round, worst } from './stats';
import type { ExtensionTasks } from './trace';

const MB = 1024 * 1024;

export interface PlainRun {
  counters: PageCounters;
  longestTaskMs: number;
  floorMs: number;
  heapBytes: { jsBytes: number; domBytes: number } | null;
}

export interface ExtensionRun {
  counters: PageCounters;
  longestTaskMs: number;
  longestBadgingTaskMs: number;
  domContentLoadedMs: number;
  lastBadgeAfterDclMs: number | null;
  reportedScanMs: number | null;
  scanStats: ReportedScanStats | null;
  placement: Placement;
  heapBytes: { jsBytes: number; domBytes: number } | null;
  appended: AppendResult | null;
}

export interface SizeRuns {
  plain: PlainRun[];
  extension: ExtensionRun[];
  traced: ExtensionTasks[];
}

export type ScanSource = 'attribute' | 'stats' | 'trace' | 'last-badge';

/**
 * Where the scan time compared with the floor comes from, best first: the content script's own
 * figure (the <html> attribute, then its scan stats); else its main-thread work from the trace
 * (waiting between chunks is not scanning); else the time from DOMContentLoaded to the last badge.
 */
export function scanSource(runs: SizeRuns): ScanSource {
  const ext = runs.extension;
  if (ext.length > 0 && ext.every((r) => r.reportedScanMs !== null)) return 'attribute';
  if (ext.length > 0 && ext.every((r) => r.scanStats !== null)) return 'stats';
  if ((median(runs.traced.map((t) => t.totalMs)) ?? 0) > 0) return 'trace';
  return 'last-badge';
}

function scanTime(runs: SizeRuns): number | null {
  switch (scanSource(runs)) {
    case 'attribute':
      return median(runs.extension.map((r) => r.reportedScanMs));
    case 'stats':
      return median(runs.extension.map((r) => r.scanStats?.totalScanMs));
    case 'trace':
      return median(runs.traced.map((t) => t.totalMs));
    case 'last-badge':
      return median(runs.extension.map((r) => r.lastBadgeAfterDclMs));
  }
}

export function pageMetrics(page: LogPage, runs: SizeRuns): PageMetrics {
  const ext = runs.extension;
  const plain = runs.plain;
  const counter = (key: keyof PageCounters): number | null =>
    difference(median(ext.map((r) => r.counters[key])), median(plain.map((r) => r.counters[key])));
  const lastBadge = median(ext.map((r) => r.lastBadgeAfterDclMs));
  const extensionWork = median(runs.traced.map((t) => t.totalMs));
  const scanMs = scanTime(runs);
  const longestChunk = median(ext.map((r) => r.scanStats?.maxChunkMs));
  const floorMs = median(plain.map((r) => r.floorMs));
  const longestWith = median(ext.map((r) => r.longestTaskMs));
  const longestWithout = median(plain.map((r) => r.longestTaskMs));
  const metrics: PageMetrics = {
    rows: page.rows,
    failingRows: page.failingRows.length,
    badges: median(ext.map((r) => r.placement.badges)),
    missingBadges: worst(ext.map((r) => r.placement.missing)),
    falseBadges: worst(ext.map((r) => r.placement.falseBadges)),
    duplicateBadges: worst(ext.map((r) => r.placement.duplicates)),
    domContentLoadedMs: round(median(ext.map((r) => r.domContentLoadedMs))),
    lastBadgeAfterDclMs: round(lastBadge),
    scanMs: round(scanMs),
    floorMs: round(floorMs),
    scanToFloorRatio: round(ratio(scanMs, floorMs)),
    mainThreadMs: round(counter('taskMs')),
    scriptMs: round(counter('scriptMs')),
    layoutMs: round(counter('layoutMs')),
    styleMs: round(counter('styleMs')),
    domNodesAdded: counter('nodes'),
    contentScriptStartAfterDclMs: round(median(runs.traced.map((t) => t.firstRunAfterDclMs))),
    extensionTasks: median(runs.traced.map((t) => t.tasksMs.length)),
    extensionTaskTotalMs: round(extensionWork),
    longestExtensionTaskMs: round(median(runs.traced.map((t) => t.longestMs))),
    longestBadgingTaskMs: round(median(ext.map((r) => r.longestBadgingTaskMs))),
    longestTaskWithMs: round(longestWith),
    longestTaskWithoutMs: round(longestWithout),
    longestTaskDeltaMs: round(difference(longestWith, longestWithout)),
  };
  // Only when the content script reports it: absent rather than null, as nothing failed.
  if (longestChunk !== null) metrics.longestScanChunkMs = round(longestChunk);
  return metrics;
}

export function heapMetrics(rows: number, runs: SizeRuns | undefined): Metrics['heap'] {
  const part = (list: { heapBytes: PlainRun['heapBytes'] }[], key: 'jsBytes' | 'domBytes'): number | null =>
    median(list.map((r) => (r.heapBytes ? r.heapBytes[key] : null)));
  const js = difference(part(runs?.extension ?? [], 'jsBytes'), part(runs?.plain ?? [], 'jsBytes'));
  const dom = difference(part(runs?.extension ?? [], 'domBytes'), part(runs?.plain ?? [], 'domBytes'));
  const total = (list: { heapBytes: PlainRun['heapBytes'] }[]): number | null =>
    median(list.map((r) => (r.heapBytes ? r.heapBytes.jsBytes + r.heapBytes.domBytes : null)));
  const withBytes = total(runs?.extension ?? []);
  const withoutBytes = total(runs?.plain ?? []);
  const mb = (bytes: number | null): number | null => round(bytes === null ? null : bytes / MB);
  return {
    rows,
    withoutMB: mb(withoutBytes),
    withMB: mb(withBytes),
    addedMB: mb(difference(withBytes, withoutBytes)),
    jsAddedMB: mb(js),
    domAddedMB: mb(dom),
  };
}

export function incrementalMetrics(page: LogPage, batch: RowBatch, runs: SizeRuns | undefined): Metrics['incremental'] {
  const appended = (runs?.extension ?? []).map((r) => r.appended).filter((a): a is AppendResult => a !== null);
  return {
    rowsBefore: page.rows,
    appendedRows: batch.rows,
    failingRows: batch.failingRows.length,
    newBadges: median(appended.map((a) => a.newBadges)),
    badgedAfterMutationMs: round(median(appended.map((a) => a.badgedAfterMs))),
    missingBadges: worst(appended.map((a) => a.placement.missing)),
    falseBadges: worst(appended.map((a) => a.placement.falseBadges)),
  };
}

export function bundleMetrics(size: BundleSize): Metrics['bundles']['content'] {
  const { minifiedBytes, gzipBytes, initialMinifiedBytes, initialGzipBytes } = size;
  return { minifiedBytes, gzipBytes, initialMinifiedBytes, initialGzipBytes };
}
