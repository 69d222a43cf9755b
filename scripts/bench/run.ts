// Runs every measurement of the benchmark and gathers the medians into one results object.
import os from 'node:os';
import { budgetsFor, checkBudgets } from './budgets';
import {
  bundleMetrics,
  heapMetrics,
  incrementalMetrics,
  pageMetrics,
  scanSource,
  type ExtensionRun,
  type PlainRun,
  type ScanSource,
  type SizeRuns,
} from './aggregate';
import { measureBundles } from './bundles';
import {
  appendRows,
  checkPlacement,
  closeBrowsers,
  lastBadgeAfterDcl,
  launchBrowsers,
  longestBadgingTask,
  longestTask,
  measureFloor,
  measureHeap,
  openLogPage,
  readScanStats,
  type Browsers,
} from './chromium';
import { measureEngine } from './engine';
import type { BenchOptions } from './options';
import { generateFailurePage, generateLogPage, generateRowBatch, type LogPage, type RowBatch } from './page-generator';
import { measurePopup, type PopupRun } from './popup';
import type { BenchResults, Metrics } from './results';
import { median, round } from './stats';
import type { ExtensionTasks } from './trace';
import { runVersus, type VersusScenarioResult } from './versus';

const MB = 1024 * 1024;
const FLOOR_PASSES = 3;

type Log = (line: string) => void;

interface Plan {
  options: BenchOptions;
  pages: LogPage[];
  referencePage: LogPage;
  batch: RowBatch;
  failurePage: LogPage;
}

async function plainRun(browsers: Browsers, page: LogPage, withHeap: boolean): Promise<PlainRun> {
  const opened = await openLogPage(browsers.plain.context, page, { expectBadges: false, trace: false });
  try {
    const heapBytes = withHeap ? await measureHeap(opened.cdp) : null;
    return {
      counters: opened.counters,
      longestTaskMs: longestTask(opened.state),
      floorMs: await measureFloor(opened.page, FLOOR_PASSES),
      heapBytes,
    };
  } finally {
    await opened.close();
  }
}

async function extensionRun(browsers: Browsers, page: LogPage, plan: Plan, isReference: boolean): Promise<ExtensionRun> {
  const opened = await openLogPage(browsers.extension.context, page, { expectBadges: true, trace: false });
  try {
    const scanStats = await readScanStats(browsers.extension, opened.page);
    const placement = await checkPlacement(opened.page, page.failingRows);
    const heapBytes = isReference ? await measureHeap(opened.cdp) : null;
    const appended = isReference ? await appendRows(opened.page, plan.batch, page.rows) : null;
    return {
      counters: opened.counters,
      longestTaskMs: longestTask(opened.state),
      longestBadgingTaskMs: longestBadgingTask(opened.state),
      domContentLoadedMs: opened.state.domContentLoaded,
      lastBadgeAfterDclMs: lastBadgeAfterDcl(opened.state),
      reportedScanMs: opened.state.reportedScanMs,
      scanStats,
      placement,
      heapBytes,
      appended,
    };
  } finally {
    await opened.close();
  }
}

async function tracedRun(browsers: Browsers, page: LogPage): Promise<ExtensionTasks> {
  const opened = await openLogPage(browsers.extension.context, page, { expectBadges: true, trace: true });
  await opened.close();
  return opened.extension!;
}

/** Runs one measurement, keeping the benchmark going (with a note) when it fails. */
async function attempt<T>(what: string, work: () => Promise<T>, log: Log, errors: string[]): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    const message = `${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    log(`  failed: ${message}`);
    errors.push(message);
    return null;
  }
}

async function measureSize(browsers: Browsers, page: LogPage, plan: Plan, log: Log, errors: string[]): Promise<SizeRuns> {
  const runs: SizeRuns = { plain: [], extension: [], traced: [] };
  const isReference = page === plan.referencePage;
  for (let run = 1; run <= plan.options.runs; run++) {
    log(`  ${page.rows} rows, run ${run}/${plan.options.runs}`);
    // Interleaved, so a noisy moment on the machine touches all three kinds alike.
    const plain = await attempt(`${page.rows} rows without extension`, () => plainRun(browsers, page, isReference), log, errors);
    if (plain) runs.plain.push(plain);
    const withExtension = await attempt(
      `${page.rows} rows with extension`,
      () => extensionRun(browsers, page, plan, isReference),
      log,
      errors,
    );
    if (withExtension) runs.extension.push(withExtension);
    const traced = await attempt(`${page.rows} rows traced`, () => tracedRun(browsers, page), log, errors);
    if (traced) runs.traced.push(traced);
  }
  return runs;
}

const SCAN_SOURCES: Record<ScanSource, string> = {
  attribute: "the content script's own figure (data-webhook-doctor-scan-ms on <html>)",
  stats: "the content script's own total scan work (its answer to 'get-scan-stats')",
  trace: "the extension's main-thread task time from a trace (the content script reports no scan duration)",
  'last-badge': 'the time from DOMContentLoaded to the last badge (no better figure)',
};

const POPUP_SOURCES: Record<string, string> = {
  mark: "the popup's own wd-first-render mark",
  poll: 'polled until findings showed (an upper bound: the popup sets no wd-first-render mark)',
  'first-contentful-paint': 'first contentful paint (no findings ever showed)',
};

export async function runBench(options: BenchOptions, root: string, log: Log): Promise<BenchResults> {
  const errors: string[] = [];
  // The machine's load when the run starts: the figures are only as quiet as the machine.
  const loadAverage = os.loadavg().map((l) => round(l) ?? 0);
  const pages = options.sizes.map((rows) => generateLogPage(rows));
  const referencePage = pages.find((p) => p.rows === options.referenceRows) ?? pages[0]!;
  const plan: Plan = {
    options,
    pages,
    referencePage,
    batch: generateRowBatch(options.appendedRows),
    failurePage: generateFailurePage(options.popupFindings),
  };

  log('Measuring bundle sizes…');
  const bundles = measureBundles(options.distDir);

  log('Launching Chromium with and without the extension…');
  const browsers = await launchBrowsers(options.distDir, [...pages, plan.failurePage]);
  const bySize = new Map<number, SizeRuns>();
  let popupRuns: PopupRun[];
  let versus: VersusScenarioResult[];
  try {
    log('Against the reference scanner…');
    versus = await runVersus(browsers.extension.context, browsers.extension.extensionId, options.smoke, options.runs, log, errors);
    log('Warming up…');
    const smallest = pages.reduce((a, b) => (a.rows <= b.rows ? a : b));
    await attempt(
      'warm-up',
      async () => {
        await plainRun(browsers, smallest, false);
        await tracedRun(browsers, smallest);
      },
      log,
      errors,
    );
    for (const page of pages) {
      log(`Log page with ${page.rows.toLocaleString('en-US')} rows (${page.failingRows.length} failing)…`);
      bySize.set(page.rows, await measureSize(browsers, page, plan, log, errors));
    }
    log(`Popup with ${plan.failurePage.failingRows.length} failing rows…`);
    popupRuns = (await attempt('popup', () => measurePopup(browsers.extension, plan.failurePage, options.runs), log, errors)) ?? [];
  } finally {
    await closeBrowsers(browsers);
  }

  log(`Engine throughput over ${options.engineMegabytes} MB…`);
  // The CLI benchmark pushes tens of MB through a child process per run: three runs are plenty.
  const engine = await measureEngine(root, options.engineMegabytes, Math.min(options.runs, 3));

  const referenceRuns = bySize.get(referencePage.rows);
  const metrics: Metrics = {
    versus,
    pages: Object.fromEntries(pages.map((page) => [String(page.rows), pageMetrics(page, bySize.get(page.rows)!)])),
    incremental: incrementalMetrics(referencePage, plan.batch, referenceRuns),
    heap: heapMetrics(referencePage.rows, referenceRuns),
    popup: {
      findings: plan.failurePage.failingRows.length,
      badgesOnPage: median(popupRuns.map((r) => r.badgesOnPage)),
      firstRenderMs: round(median(popupRuns.map((r) => r.firstRenderMs))),
    },
    engine: {
      mbPerSecond: round(engine.mbPerSecond),
      ...Object.fromEntries(Object.entries(engine.figures).map(([k, v]) => [k, round(v)])),
    },
    bundles: {
      content: bundleMetrics(bundles.content),
      contentExtras: bundleMetrics(bundles.contentExtras),
      background: bundleMetrics(bundles.background),
      popup: bundleMetrics(bundles.popup),
    },
  };
  const largest = Math.max(...options.sizes);
  const notes: BenchResults['notes'] = {
    scanTime: referenceRuns ? SCAN_SOURCES[scanSource(referenceRuns)] : 'not measured',
    popupFirstRender: [...new Set(popupRuns.map((r) => POPUP_SOURCES[r.source] ?? r.source))].join('; ') || 'not measured',
    engine: engine.source,
    contentScriptFiles: bundles.content.files,
    contentExtrasFiles: bundles.contentExtras.files,
    backgroundFiles: bundles.background.files,
    popupFiles: bundles.popup.files,
    popupInitialFiles: bundles.popup.initialFiles,
  };
  if (errors.length > 0) notes.errors = errors;
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      loadAverage,
      memoryMB: Math.round(os.totalmem() / MB),
      node: process.versions.node,
      chromium: browsers.chromiumVersion,
    },
    options: { runs: options.runs, sizes: options.sizes, smoke: options.smoke },
    metrics,
    budgets: checkBudgets(budgetsFor(referencePage.rows, largest), metrics),
    notes,
  };
}

/** `--versus-only`: the comparison with the reference scanner and nothing else. */
export async function runVersusOnly(
  options: BenchOptions,
  log: Log,
): Promise<{ date: string; loadAverage: number[]; chromium: string; runs: number; versus: VersusScenarioResult[]; errors: string[] }> {
  const errors: string[] = [];
  const loadAverage = os.loadavg().map((l) => round(l) ?? 0);
  const browsers = await launchBrowsers(options.distDir, []);
  try {
    const versus = await runVersus(
      browsers.extension.context,
      browsers.extension.extensionId,
      options.smoke,
      options.runs,
      log,
      errors,
      options.scenarios,
    );
    return { date: new Date().toISOString(), loadAverage, chromium: browsers.chromiumVersion, runs: options.runs, versus, errors };
  } finally {
    await closeBrowsers(browsers);
  }
}
