import type { VersusScenarioResult } from './versus';
// The shape of bench-results/latest.json. Every metric is a number (null only when a
// measurement could not be taken, e.g. no badge ever appeared); each is a median over runs,
// except counts of misplaced badges, which are the worst run.

export interface PageMetrics {
  rows: number;
  failingRows: number;
  badges: number | null;
  missingBadges: number | null;
  falseBadges: number | null;
  duplicateBadges: number | null;
  domContentLoadedMs: number | null;
  lastBadgeAfterDclMs: number | null;
  /** The content script's own scan work if it reports it, else extensionTaskTotalMs (notes.scanTime says which). */
  scanMs: number | null;
  /** One TreeWalker pass over every text node with one regex test, timed in the page. */
  floorMs: number | null;
  scanToFloorRatio: number | null;
  /** Renderer main-thread task time with the extension minus without (CDP TaskDuration). */
  mainThreadMs: number | null;
  scriptMs: number | null;
  layoutMs: number | null;
  styleMs: number | null;
  domNodesAdded: number | null;
  /** When the content script first ran, after DOMContentLoaded (run_at timing), from a trace. */
  contentScriptStartAfterDclMs: number | null;
  /** Top-level tasks that ran extension code, from a trace. */
  extensionTasks: number | null;
  extensionTaskTotalMs: number | null;
  longestExtensionTaskMs: number | null;
  /** The content script's own longest chunk of scan work, when it answers 'get-scan-stats'. */
  longestScanChunkMs?: number | null;
  /** Untraced cross-check: the longest long task (>= 50 ms) in which badges were placed, or 0. */
  longestBadgingTaskMs: number | null;
  /** Longest task of the page (long-task observer) with and without the extension. */
  longestTaskWithMs: number | null;
  longestTaskWithoutMs: number | null;
  longestTaskDeltaMs: number | null;
}

export interface Metrics {
  /** Webhook Doctor against the reference scanner of issue 9, in the same browser. */
  versus: VersusScenarioResult[];
  pages: Record<string, PageMetrics>;
  incremental: {
    rowsBefore: number;
    appendedRows: number;
    failingRows: number;
    newBadges: number | null;
    badgedAfterMutationMs: number | null;
    missingBadges: number | null;
    falseBadges: number | null;
  };
  heap: {
    rows: number;
    withoutMB: number | null;
    withMB: number | null;
    addedMB: number | null;
    jsAddedMB: number | null;
    domAddedMB: number | null;
  };
  popup: { findings: number; badgesOnPage: number | null; firstRenderMs: number | null };
  engine: { mbPerSecond: number | null } & Record<string, number | null>;
  /** All code a part can load (lazy chunks included), and what it loads at start (initial). */
  bundles: Record<
    'content' | 'contentExtras' | 'background' | 'popup',
    { minifiedBytes: number; gzipBytes: number; initialMinifiedBytes: number; initialGzipBytes: number }
  >;
}

export interface BudgetResult {
  label: string;
  metric: string;
  comparison: '<=' | '>=';
  limit: number;
  unit: string;
  value: number | null;
  pass: boolean;
}

export interface BenchResults {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    loadAverage: number[];
    memoryMB: number;
    node: string;
    chromium: string;
  };
  options: { runs: number; sizes: number[]; smoke: boolean };
  metrics: Metrics;
  budgets: Record<string, BudgetResult>;
  /** How some figures were obtained (sources, files). */
  notes: Record<string, string | string[]>;
}

/** The value at a dotted path in the metrics, when it is a number. */
export function metricAt(metrics: Metrics, dotted: string): number | null {
  let value: unknown = metrics;
  for (const key of dotted.split('.')) {
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'number' ? value : null;
}
