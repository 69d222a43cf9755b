// Webhook Doctor against the reference scanner of issue 9 (scripts/bench/reference/), in the same
// Chromium run: the same page body is served at three hosts, one where our content script runs,
// one where only the reference runs, one where no extension runs. Every figure is reported for
// the three, and ours as a ratio to the reference's.
import type { BrowserContext, CDPSession } from 'playwright-core';
import { serveHtml } from '../../test/e2e/harness';
import { measureHeap, readCounters, waitForBadges, type PageCounters } from './chromium';
import { APPEND_ROWS, CHECK_PLACEMENT, READ_STATE, call, type Placement, type RecorderState } from './in-page';
import { BENCH_ORIGIN, generateRowBatch, logPageHtml, type RowBatch } from './page-generator';
import { median, ratio, round } from './stats';
import { versusTables } from './table';
import { pageTasks, type PageTasks, type TraceEvent } from './trace';

export const VARIANTS = ['plain', 'reference', 'ours'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Where each variant's copy of a page is served (reference/manifest.json matches its host). */
export const VARIANT_ORIGINS: Record<Variant, string> = {
  plain: 'https://plain.bench.test',
  reference: 'https://reference.bench.test',
  ours: BENCH_ORIGIN,
};

const TRACE_CATEGORIES = '-*,devtools.timeline,toplevel';
const INSERT_MARKER = 'wd-bench-insert';
const QUIET_MS = 500;
const LOAD_TIMEOUT_MS = 300_000;

/** Figures of one variant in one scenario, one run. */
export interface VariantRun {
  badges: number;
  missing: number;
  falseBadges: number;
  /** From the insertion (SPA) or DOMContentLoaded (server-rendered) to the last badge. */
  lastBadgeMs: number | null;
  mainThreadMs: number;
  styleMs: number;
  layoutMs: number;
  tasks: PageTasks;
  heapMB: number | null;
  /** 100 rows appended afterwards: from the mutation to their last badge. */
  appendedBadgedMs: number | null;
}

export interface Scenario {
  id: 'spa' | 'ssr' | 'huge';
  label: string;
  rows: number;
  heap: boolean;
  append: boolean;
}

export function scenarios(smoke: boolean): Scenario[] {
  if (smoke) {
    return [
      { id: 'spa', label: 'page script inserts 200 rows', rows: 200, heap: false, append: false },
      { id: 'ssr', label: 'server-rendered 200 rows', rows: 200, heap: true, append: true },
    ];
  }
  return [
    { id: 'spa', label: 'page script inserts 10,000 rows', rows: 10_000, heap: false, append: false },
    { id: 'ssr', label: 'server-rendered 10,000 rows', rows: 10_000, heap: true, append: true },
    { id: 'huge', label: 'server-rendered 100,000 rows', rows: 100_000, heap: true, append: false },
  ];
}

function pagePath(scenario: Scenario): string {
  return `/flow/Versus${scenario.id}${scenario.rows}/activity`;
}

/** The page of a scenario: rows in the HTML, or an empty table and a script that inserts them. */
function scenarioPage(scenario: Scenario): { html: string; failingRows: number[] } {
  const rows = generateRowBatch(scenario.rows, 1);
  if (scenario.id !== 'spa')
    return { html: logPageHtml(`Webhook activity (${scenario.rows} rows)`, rows.html), failingRows: rows.failingRows };
  const script = `<script>window.__wdInsert = () => {
  const html = ${JSON.stringify(rows.html).replace(/</g, '\\u003c')};
  console.timeStamp(${JSON.stringify(INSERT_MARKER)});
  const at = performance.now();
  document.getElementById('activity-rows').insertAdjacentHTML('beforeend', html);
  return at;
};</script>`;
  return { html: logPageHtml(`Webhook activity (${scenario.rows} rows, inserted)`, '', script), failingRows: rows.failingRows };
}

/** Serves every scenario's page at the three hosts. */
export async function serveVersusPages(context: BrowserContext, list: readonly Scenario[]): Promise<Map<Scenario, number[]>> {
  const failing = new Map<Scenario, number[]>();
  for (const scenario of list) {
    const { html, failingRows } = scenarioPage(scenario);
    failing.set(scenario, failingRows);
    for (const variant of VARIANTS) await serveHtml(context, `${VARIANT_ORIGINS[variant]}${pagePath(scenario)}`, html);
  }
  return failing;
}

async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...(event.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/** Scripts of the variant's extension: ours by id, the reference as any other extension. */
function ownScript(variant: Variant, extensionId: string): (url: string) => boolean {
  const ours = `chrome-extension://${extensionId}/`;
  if (variant === 'ours') return (url) => url.startsWith(ours);
  if (variant === 'reference') return (url) => url.startsWith('chrome-extension://') && !url.startsWith(ours);
  return () => false;
}

const delta = (after: PageCounters, before: PageCounters | null, key: keyof PageCounters): number => after[key] - (before?.[key] ?? 0);

/** One run of one variant in one scenario, in a fresh tab. */
export async function runVariant(
  context: BrowserContext,
  extensionId: string,
  scenario: Scenario,
  failingRows: readonly number[],
  variant: Variant,
  batch: RowBatch,
): Promise<VariantRun> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const url = `${VARIANT_ORIGINS[variant]}${pagePath(scenario)}`;
    const expected = variant === 'plain' ? 0 : failingRows.length;
    let before: PageCounters | null = null;
    let stopTrace: () => Promise<TraceEvent[]>;
    let lastBadgeMs: number | null;
    if (scenario.id === 'spa') {
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      await page.waitForTimeout(QUIET_MS);
      before = await readCounters(cdp);
      stopTrace = await startTrace(cdp);
      const at = await page.evaluate<number>('window.__wdInsert()');
      await waitForBadges(page, expected, at);
      await page.waitForTimeout(QUIET_MS);
      const state = await page.evaluate<RecorderState>(call(READ_STATE));
      lastBadgeMs = state.badgeTimes.length > 0 ? Math.max(...state.badgeTimes) - at : null;
    } else {
      stopTrace = await startTrace(cdp);
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      await waitForBadges(page, expected, null);
      await page.waitForTimeout(QUIET_MS);
      const state = await page.evaluate<RecorderState>(call(READ_STATE));
      lastBadgeMs = state.badgeTimes.length > 0 ? Math.max(...state.badgeTimes) - state.domContentLoaded : null;
    }
    const after = await readCounters(cdp);
    const events = await stopTrace();
    const tasks = pageTasks(events, scenario.id === 'spa' ? INSERT_MARKER : null, ownScript(variant, extensionId));
    const placement = await page.evaluate<Placement>(call(CHECK_PLACEMENT, failingRows, 0));
    const heap = scenario.heap ? await measureHeap(cdp) : null;
    let appendedBadgedMs: number | null = null;
    if (scenario.append && variant !== 'plain') {
      const mutationAt = await page.evaluate<number>(call(APPEND_ROWS, batch.html));
      await waitForBadges(page, batch.failingRows.length, mutationAt);
      const state = await page.evaluate<RecorderState>(call(READ_STATE));
      const times = state.badgeTimes.filter((t) => t >= mutationAt);
      appendedBadgedMs = times.length > 0 ? Math.max(...times) - mutationAt : null;
    }
    return {
      badges: placement.badges,
      missing: placement.missing,
      falseBadges: placement.falseBadges,
      lastBadgeMs,
      mainThreadMs: delta(after, before, 'taskMs'),
      styleMs: delta(after, before, 'styleMs'),
      layoutMs: delta(after, before, 'layoutMs'),
      tasks,
      heapMB: heap ? (heap.jsBytes + heap.domBytes) / (1024 * 1024) : null,
      appendedBadgedMs,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** A figure of the three variants (medians) and ours as a ratio to the reference. */
export interface VersusFigure {
  label: string;
  unit: 'ms' | 'MB' | '';
  plain: number | null;
  reference: number | null;
  ours: number | null;
  /** ours / reference; for "added" figures, of what each adds over the plain page. */
  ratio: number | null;
  /** The budget for this figure, in words, when it has one. */
  budget?: string;
  pass?: boolean;
}

export interface VersusScenarioResult {
  id: Scenario['id'];
  label: string;
  rows: number;
  failingRows: number;
  figures: VersusFigure[];
}

type Runs = Record<Variant, VariantRun[]>;

function med(runs: Runs, variant: Variant, pick: (run: VariantRun) => number | null): number | null {
  return median(runs[variant].map(pick));
}

function figure(
  runs: Runs,
  label: string,
  unit: VersusFigure['unit'],
  pick: (run: VariantRun) => number | null,
  added = false,
): VersusFigure {
  const plain = med(runs, 'plain', pick);
  const reference = med(runs, 'reference', pick);
  const ours = med(runs, 'ours', pick);
  const over = (value: number | null): number | null => (added && value !== null && plain !== null ? value - plain : value);
  return {
    label: added ? `${label} added over the plain page` : label,
    unit,
    plain: round(plain),
    reference: round(over(reference)),
    ours: round(over(ours)),
    ratio: round(ratio(over(ours), over(reference))),
  };
}

function withBudget(f: VersusFigure, budget: string, pass: boolean | null): VersusFigure {
  return { ...f, budget, pass: pass ?? false };
}

const atMost = (value: number | null, limit: number | null): boolean | null => (value === null || limit === null ? null : value <= limit);

/** The figures of one scenario, with the budgets of issue 9 where they apply. */
export function summarize(scenario: Scenario, failingRows: number, runs: Runs): VersusScenarioResult {
  const badges = figure(runs, 'badges placed', '', (r) => r.badges);
  const missing = figure(runs, 'failing rows without a badge', '', (r) => r.missing);
  const noise = figure(runs, 'badges on noise rows', '', (r) => r.falseBadges);
  const lastBadge = figure(
    runs,
    scenario.id === 'spa' ? 'insertion → last badge' : 'DOMContentLoaded → last badge',
    'ms',
    (r) => r.lastBadgeMs,
  );
  const mainThread = figure(runs, 'main-thread time', 'ms', (r) => r.mainThreadMs, true);
  const style = figure(runs, 'style recalculation', 'ms', (r) => r.styleMs, true);
  const layout = figure(runs, 'layout', 'ms', (r) => r.layoutMs, true);
  const longestTask = figure(
    runs,
    scenario.id === 'spa' ? 'longest task after the insertion' : 'longest task',
    'ms',
    (r) => r.tasks.longestTaskMs,
  );
  const ownTask = figure(runs, 'longest task share of the extension', 'ms', (r) => r.tasks.longestOwnWorkMs);
  const ownWork = figure(runs, 'extension script time (trace)', 'ms', (r) => r.tasks.ownWorkMs);
  const figures: VersusFigure[] = [badges, withBudget(missing, '0', missing.ours === 0), withBudget(noise, '0', noise.ours === 0)];
  const ownBudget = withBudget(ownTask, '≤ 50 ms', atMost(ownTask.ours, 50));
  if (scenario.id === 'spa') {
    figures.push(
      withBudget(lastBadge, '≤ 1.5× reference', atMost(lastBadge.ratio, 1.5)),
      withBudget(mainThread, '≤ 1.5× reference', atMost(mainThread.ratio, 1.5)),
      style,
      layout,
      withBudget(longestTask, '≤ plain + 10%', atMost(longestTask.ours, longestTask.plain === null ? null : longestTask.plain * 1.1)),
      ownBudget,
      ownWork,
    );
  } else {
    const parse = figure(runs, 'longest parsing task', 'ms', (r) => r.tasks.longestParseTaskMs);
    figures.push(
      scenario.id === 'ssr' ? withBudget(lastBadge, '≤ reference', atMost(lastBadge.ratio, 1)) : lastBadge,
      mainThread,
      style,
      layout,
      scenario.id === 'ssr' ? withBudget(parse, '≤ reference', atMost(parse.ours, parse.reference)) : parse,
      longestTask,
      ownBudget,
      ownWork,
    );
    if (scenario.heap) {
      const heap = figure(runs, 'heap', 'MB', (r) => r.heapMB, true);
      const limit = scenario.id === 'huge' ? 2 : 1.5;
      figures.push(withBudget(heap, `≤ ${limit}× reference`, atMost(heap.ratio, limit)));
    }
    if (scenario.append) {
      const appended = figure(runs, '100 rows appended → their last badge', 'ms', (r) => r.appendedBadgedMs);
      figures.push(withBudget(appended, '≤ 16 ms', atMost(appended.ours, 16)));
    }
  }
  return { id: scenario.id, label: scenario.label, rows: scenario.rows, failingRows, figures };
}

/** Runs every scenario `runs` times, the three variants interleaved so noise touches them alike. */
export async function runVersus(
  context: BrowserContext,
  extensionId: string,
  smoke: boolean,
  runs: number,
  log: (line: string) => void,
  errors: string[],
  only: readonly string[] = [],
): Promise<VersusScenarioResult[]> {
  const list = scenarios(smoke).filter((s) => only.length === 0 || only.includes(s.id));
  const failing = await serveVersusPages(context, list);
  const batch = generateRowBatch(100, 2);
  const results: VersusScenarioResult[] = [];
  for (const scenario of list) {
    const byVariant: Runs = { plain: [], reference: [], ours: [] };
    for (let run = 1; run <= runs; run++) {
      log(`  versus reference: ${scenario.label}, run ${run}/${runs}`);
      for (const variant of VARIANTS) {
        try {
          byVariant[variant].push(await runVariant(context, extensionId, scenario, failing.get(scenario)!, variant, batch));
        } catch (error) {
          const message = `${scenario.label} (${variant}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
          log(`  failed: ${message}`);
          errors.push(message);
        }
      }
    }
    const result = summarize(scenario, failing.get(scenario)!.length, byVariant);
    log(versusTables([result])); // progress: each scenario's table as soon as it is known
    results.push(result);
  }
  return results;
}
