// Keeps `npm run bench` working: runs it in its tiny mode against the built extension and checks
// the JSON it prints and writes (shape only: no timing is asserted). Also checks the bench's pure
// helpers, whose mistakes would silently skew the figures.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './harness';
import { budgetsFor, checkBudgets } from '../../scripts/bench/budgets';
import { measureBundles, reachableFiles } from '../../scripts/bench/bundles';
import { numericLeaves, otherThroughputs, pickThroughput } from '../../scripts/bench/engine';
import { parseOptions, UsageError } from '../../scripts/bench/options';
import { generateLogPage, generateRowBatch } from '../../scripts/bench/page-generator';
import type { BenchResults, Metrics } from '../../scripts/bench/results';
import { median, ratio, worst } from '../../scripts/bench/stats';
import { extensionTasks, pageTasks, type TraceEvent } from '../../scripts/bench/trace';
import { longestBadgingTask } from '../../scripts/bench/chromium';
import { generateLogEntries } from '../../scripts/gen-log';

const run = promisify(execFile);

/** Every leaf of the metrics tree with its dotted path. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
}

describe('npm run bench -- --smoke --json', () => {
  let dir: string;
  let printed: BenchResults;
  let written: BenchResults;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'webhook-doctor-bench-'));
    const outFile = path.join(dir, 'latest.json');
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/bench.ts', '--smoke', '--json', '--no-build', '--out', outFile],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 170_000 },
    );
    printed = JSON.parse(stdout) as BenchResults;
    written = JSON.parse(readFileSync(outFile, 'utf8')) as BenchResults;
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the same results it writes', () => {
    expect(printed).toEqual(written);
  });

  it('describes the run and the machine', () => {
    expect(new Date(printed.date).toISOString()).toBe(printed.date);
    expect(printed.machine.cpus).toBeGreaterThan(0);
    expect(printed.machine.chromium).toMatch(/Chromium \d+/);
    expect(printed.options).toEqual({ runs: 1, sizes: [200], smoke: true });
  });

  it('has every metric group, with the page size it measured', () => {
    const metrics: Metrics = printed.metrics;
    expect(Object.keys(metrics).sort()).toEqual(['bundles', 'engine', 'heap', 'incremental', 'pages', 'popup', 'versus']);
    expect(Object.keys(metrics.pages)).toEqual(['200']);
    expect(metrics.pages['200']!.rows).toBe(200);
    expect(metrics.incremental.appendedRows).toBe(100);
    expect(Object.keys(metrics.bundles).sort()).toEqual(['background', 'content', 'contentExtras', 'popup']);
  });

  it('gives every metric as a finite number', () => {
    const { versus: _versus, ...others } = printed.metrics;
    const notFinite = leaves(others).filter(([, value]) => typeof value !== 'number' || !Number.isFinite(value));
    expect(notFinite).toEqual([]);
  });

  it('checks every budget against a metric it measured', () => {
    const budgets = Object.values(printed.budgets);
    expect(budgets.length).toBeGreaterThanOrEqual(10);
    for (const budget of budgets) {
      expect(typeof budget.pass, budget.label).toBe('boolean');
      expect(budget.value, budget.label).toBe(leaves(printed.metrics).find(([name]) => name === budget.metric)?.[1]);
    }
  });

  it('compares with the reference scanner in the same run: both badge every failing row', () => {
    const { versus } = printed.metrics;
    expect(versus.map((s) => s.id)).toEqual(['spa', 'ssr']);
    for (const scenario of versus) {
      const figure = (label: string) => scenario.figures.find((f) => f.label.startsWith(label))!;
      expect(figure('badges placed'), scenario.label).toMatchObject({
        plain: 0,
        reference: scenario.failingRows,
        ours: scenario.failingRows,
      });
      expect(figure('badges on noise rows'), scenario.label).toMatchObject({ plain: 0, reference: 0, ours: 0 });
      const lastBadge = scenario.figures.find((f) => f.label.endsWith('last badge'))!;
      for (const value of [lastBadge.reference, lastBadge.ours, lastBadge.ratio]) expect(Number.isFinite(value), scenario.label).toBe(true);
      expect(Number.isFinite(figure('main-thread time').ratio)).toBe(true);
    }
  });

  it('counts the content script, background and popup files from the manifest', () => {
    expect(printed.notes.contentScriptFiles).not.toHaveLength(0);
    expect(printed.notes.backgroundFiles).not.toHaveLength(0);
    expect(printed.notes.popupFiles).not.toHaveLength(0);
    const { content, background, popup } = printed.metrics.bundles;
    for (const part of [content, background, popup]) expect(part.gzipBytes).toBeGreaterThan(0);
  });
});

describe('bench statistics', () => {
  it.each([
    { values: [3, 1, 2], median: 2, worst: 3 },
    { values: [4, 1, 3, 2], median: 2.5, worst: 4 },
    { values: [null, 5, Number.NaN, 1], median: 3, worst: 5 },
    { values: [], median: null, worst: null },
    { values: [null, undefined], median: null, worst: null },
  ])('median and worst of $values', ({ values, median: expectedMedian, worst: expectedWorst }) => {
    expect(median(values)).toBe(expectedMedian);
    expect(worst(values)).toBe(expectedWorst);
  });

  it.each([
    { a: 6, b: 2, expected: 3 },
    { a: 6, b: 0, expected: null },
    { a: null, b: 2, expected: null },
  ])('ratio $a / $b', ({ a, b, expected }) => {
    expect(ratio(a, b)).toBe(expected);
  });
});

describe('trace attribution of extension tasks', () => {
  const page = { pid: 10, tid: 10 };
  const worker = { pid: 20, tid: 21 };
  const ext = 'chrome-extension://abc/assets/content.js';
  const events: TraceEvent[] = [
    { name: 'thread_name', ph: 'M', ...page, ts: 0, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', ...worker, ts: 0, args: { name: 'ServiceWorker thread' } },
    { name: 'MarkDOMContent', ph: 'I', ...page, ts: 900 },
    // Task 1: the page's own parsing, 500 ms, no extension code.
    { name: 'RunTask', ph: 'X', ...page, ts: 1_000, dur: 500_000 },
    { name: 'ParseHTML', ph: 'X', ...page, ts: 1_100, dur: 400_000, args: { beginData: { url: 'https://www.klaviyo.com/x' } } },
    // Task 2: the content script's evaluation, 40 ms (the scheduler wraps tasks twice).
    { name: 'RunTask', ph: 'X', ...page, ts: 600_000, dur: 40_000 },
    { name: 'ThreadControllerImpl::RunTask', ph: 'X', ...page, ts: 600_001, dur: 39_998 },
    { name: 'EvaluateScript', ph: 'X', ...page, ts: 600_100, dur: 39_000, args: { data: { url: ext } } },
    { name: 'v8.compile', ph: 'X', ...page, ts: 600_200, dur: 300, args: { fileName: ext } },
    // Task 3: a page callback, then task 4: an extension observer callback, 12 ms.
    { name: 'RunTask', ph: 'X', ...page, ts: 700_000, dur: 5_000 },
    { name: 'FunctionCall', ph: 'X', ...page, ts: 700_100, dur: 4_000, args: { data: { url: 'https://www.klaviyo.com/app.js' } } },
    { name: 'RunTask', ph: 'X', ...page, ts: 800_000, dur: 12_000 },
    // A task nested in it that ends before the callback: the outer task still owns the callback.
    { name: 'RunTask', ph: 'X', ...page, ts: 800_020, dur: 30 },
    { name: 'FunctionCall', ph: 'X', ...page, ts: 800_100, dur: 11_000, args: { data: { url: ext, functionName: 'onMutations' } } },
    // Task 5: a microtask checkpoint outside any RunTask, where observer callbacks chain for 300 ms.
    { name: 'BlinkScheduler_PerformMicrotaskCheckpoint', cat: 'toplevel', ph: 'X', ...page, ts: 900_000, dur: 300_000 },
    { name: 'FunctionCall', ph: 'X', ...page, ts: 900_100, dur: 8_000, args: { data: { url: ext } } },
    { name: 'FunctionCall', ph: 'X', ...page, ts: 908_200, dur: 100, args: { data: { url: '' } } },
    // Task 6: the reply of an extension API call (its promise continuation names no script), 2 ms.
    { name: 'RunTask', ph: 'X', ...page, ts: 1_300_000, dur: 2_000 },
    {
      name: 'Receive mojo reply',
      cat: 'toplevel,mojom',
      ph: 'X',
      ...page,
      ts: 1_300_010,
      dur: 1_900,
      args: { chrome_mojo_event_info: { mojo_interface_tag: 'extensions.mojom.LocalFrameHost' } },
    },
    // Task 7: a compositor message: not the extension's.
    { name: 'RunTask', ph: 'X', ...page, ts: 1_400_000, dur: 3_000 },
    {
      name: 'Receive mojo message',
      cat: 'toplevel,mojom',
      ph: 'X',
      ...page,
      ts: 1_400_010,
      dur: 2_900,
      args: { chrome_mojo_event_info: { mojo_interface_tag: 'viz.mojom.CompositorFrameSinkClient' } },
    },
    // The service worker runs extension code too, but not on the page's main thread.
    { name: 'RunTask', ph: 'X', ...worker, ts: 600_000, dur: 90_000 },
    { name: 'FunctionCall', ph: 'X', ...worker, ts: 600_100, dur: 80_000, args: { data: { url: ext } } },
  ];

  it('counts only main-thread tasks that ran extension code or got its messages, once each', () => {
    const result = extensionTasks(events);
    expect(result.tasksMs).toEqual([40, 12, 300, 2]);
    expect(result.longestMs).toBe(300);
    expect(result.totalMs).toBe(354);
  });

  it('times the first extension code from DOMContentLoaded', () => {
    expect(extensionTasks(events).firstRunAfterDclMs).toBeCloseTo(599.2, 5);
  });

  it('finds nothing in a trace without extension code', () => {
    const withoutExtension = events.filter((e) => !/chrome-extension:|extensions\.mojom/.test(JSON.stringify(e.args ?? {})));
    expect(extensionTasks(withoutExtension)).toEqual({ tasksMs: [], longestMs: 0, totalMs: 0, firstRunAfterDclMs: null });
  });
});

describe('page tasks of one extension, from a trace', () => {
  const page = { pid: 10, tid: 10 };
  const other = { pid: 30, tid: 30 };
  const ours = 'chrome-extension://ours/content.js';
  const theirs = 'chrome-extension://ref/reference-content.js';
  const events: TraceEvent[] = [
    { name: 'thread_name', ph: 'M', ...page, ts: 0, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', ...other, ts: 0, args: { name: 'CrRendererMain' } },
    // Before the marker: parsing with our observer inside, 90 ms.
    { name: 'RunTask', ph: 'X', ...page, ts: 0, dur: 90_000 },
    { name: 'ParseHTML', ph: 'X', ...page, ts: 10, dur: 80_000 },
    { name: 'FunctionCall', ph: 'X', ...page, ts: 20_000, dur: 30_000, args: { data: { url: ours } } },
    // The marked insertion, 60 ms: our callback (10 ms, a nested call inside counted once), theirs 5 ms.
    { name: 'RunTask', ph: 'X', ...page, ts: 100_000, dur: 60_000 },
    { name: 'TimeStamp', ph: 'I', ...page, ts: 100_100, args: { data: { message: 'mark' } } },
    { name: 'FunctionCall', ph: 'X', ...page, ts: 140_000, dur: 10_000, args: { data: { url: ours } } },
    { name: 'FunctionCall', ph: 'X', ...page, ts: 141_000, dur: 2_000, args: { data: { url: ours } } },
    { name: 'FunctionCall', ph: 'X', ...page, ts: 151_000, dur: 5_000, args: { data: { url: theirs } } },
    // Two later tasks with our work: 20 ms then 4 + 6 ms.
    { name: 'RunTask', ph: 'X', ...page, ts: 200_000, dur: 25_000 },
    { name: 'FunctionCall', ph: 'X', ...page, ts: 200_100, dur: 20_000, args: { data: { url: ours } } },
    { name: 'RunTask', ph: 'X', ...page, ts: 300_000, dur: 12_000 },
    { name: 'FunctionCall', ph: 'X', ...page, ts: 300_100, dur: 4_000, args: { data: { url: ours } } },
    { name: 'FunctionCall', ph: 'X', ...page, ts: 305_000, dur: 6_000, args: { data: { url: ours } } },
    // Another renderer: not the page's.
    { name: 'RunTask', ph: 'X', ...other, ts: 100_000, dur: 500_000 },
    { name: 'FunctionCall', ph: 'X', ...other, ts: 100_100, dur: 400_000, args: { data: { url: ours } } },
  ];
  const isOurs = (url: string) => url.startsWith('chrome-extension://ours/');

  it('from the marker on: longest task, our longest share and our total', () => {
    expect(pageTasks(events, 'mark', isOurs)).toEqual({
      longestTaskMs: 60,
      longestParseTaskMs: 90,
      longestOwnWorkMs: 20,
      ownWorkMs: 40,
      longestOwnCpuMs: 20,
      ownCpuMs: 40,
    });
  });

  it("our CPU time per task from the events' thread time, not their wall time", () => {
    const halved = events.map((e) => (e.args ? { ...e, tdur: (e.dur ?? 0) / 2 } : e));
    expect(pageTasks(halved, 'mark', isOurs)).toMatchObject({ longestOwnWorkMs: 20, ownWorkMs: 40, longestOwnCpuMs: 10, ownCpuMs: 20 });
  });

  it('without a marker: the whole load of the thread that parsed', () => {
    expect(pageTasks(events, null, isOurs)).toEqual({
      longestTaskMs: 90,
      longestParseTaskMs: 90,
      longestOwnWorkMs: 30,
      ownWorkMs: 70,
      longestOwnCpuMs: 30,
      ownCpuMs: 70,
    });
  });
});

describe('long tasks that placed badges', () => {
  const longTasks = [
    { start: 100, duration: 80 },
    { start: 400, duration: 300 },
  ];
  it.each([
    { case: 'badges inside the long one', badgeTimes: [500, 650], expected: 300 },
    { case: 'badges in both', badgeTimes: [150, 500], expected: 300 },
    { case: 'a badge just after the short one ends', badgeTimes: [181], expected: 80 },
    { case: 'badges only between long tasks', badgeTimes: [250, 750], expected: 0 },
    { case: 'no badges', badgeTimes: [], expected: 0 },
  ])('$case', ({ badgeTimes, expected }) => {
    expect(longestBadgingTask({ domContentLoaded: 0, badgeTimes, longTasks, reportedScanMs: null })).toBe(expected);
  });
});

describe('bundle files reachable from an entry', () => {
  let dist: string;

  beforeAll(() => {
    dist = mkdtempSync(path.join(tmpdir(), 'webhook-doctor-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    mkdirSync(path.join(dist, 'src/popup'), { recursive: true });
    const files: Record<string, string> = {
      'assets/loader.js': '(async()=>{await import(chrome.runtime.getURL("assets/main.js"))})();',
      'assets/main.js': 'import{a}from"./polyfill.js";import("./lazy.js");const u="https://cdn.example.com/x.js";',
      'assets/polyfill.js': 'export const a=1;',
      'assets/lazy.js': 'export const b=2;',
      'assets/unrelated.js': 'export const c=3;',
      'assets/popup.js': 'import"./polyfill.js";',
      'assets/popup.css': 'p{}',
      'src/popup/index.html': '<script type="module" src="/assets/popup.js"></script><link rel="stylesheet" href="/assets/popup.css">',
      'content.js': '(function(){console.log(1)})();',
      'content-extras.js': '(function(){console.log(2)})();',
      'worker.js': 'import"./assets/polyfill.js";chrome.scripting.executeScript({files:["content-extras.js"]});',
      'manifest.json': JSON.stringify({
        content_scripts: [{ js: ['content.js'] }],
        background: { service_worker: 'worker.js' },
        action: { default_popup: 'src/popup/index.html' },
      }),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dist, name), text);
  });

  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it.each([
    {
      entry: 'assets/loader.js',
      all: ['assets/lazy.js', 'assets/loader.js', 'assets/main.js', 'assets/polyfill.js'],
      initial: ['assets/loader.js'],
    },
    {
      entry: 'assets/main.js',
      all: ['assets/lazy.js', 'assets/main.js', 'assets/polyfill.js'],
      initial: ['assets/main.js', 'assets/polyfill.js'],
    },
    {
      entry: 'src/popup/index.html',
      all: ['assets/polyfill.js', 'assets/popup.css', 'assets/popup.js', 'src/popup/index.html'],
      initial: ['assets/polyfill.js', 'assets/popup.css', 'assets/popup.js', 'src/popup/index.html'],
    },
    { entry: 'assets/unrelated.js', all: ['assets/unrelated.js'], initial: ['assets/unrelated.js'] },
    { entry: 'assets/missing.js', all: [], initial: [] },
  ])('from $entry', ({ entry, all, initial }) => {
    const found = (initialOnly: boolean): string[] =>
      reachableFiles(dist, [entry], initialOnly)
        .map((file) => path.relative(dist, file))
        .sort();
    expect(found(false)).toEqual(all);
    expect(found(true)).toEqual(initial);
  });

  it('measures each part from the manifest, extras apart from the worker that injects them', () => {
    const sizes = measureBundles(dist);
    expect(sizes.content.files).toEqual(['content.js']);
    expect(sizes.contentExtras.files).toEqual(['content-extras.js']);
    expect(sizes.background.files).toEqual(['worker.js', 'assets/polyfill.js']);
    expect(sizes.popup.initialFiles.sort()).toEqual(['assets/polyfill.js', 'assets/popup.css', 'assets/popup.js']);
    expect(sizes.content.minifiedBytes).toBe('(function(){console.log(1)})();'.length);
  });
});

describe('engine figure picked from benchCli results', () => {
  it.each([
    {
      result: { engine: { mbPerSecond: 80, seconds: [1] }, cli: { mbPerSecond: 30 }, megabytes: 50 },
      picked: 80,
      others: { cliMbPerSecond: 30 },
    },
    { result: { inProcess: { median: 70 }, child: { median: 20 } }, picked: 70, others: {} },
    { result: { medianMbPerSecond: 60 }, picked: 60, others: {} },
    { result: 55, picked: 55, others: {} },
    { result: { lines: 10, findings: 2 }, picked: null, others: {} },
  ])('from $result', ({ result, picked, others }) => {
    const found = numericLeaves(result);
    expect(pickThroughput(found)).toBe(picked);
    if (picked !== null) expect(otherThroughputs(found, picked)).toEqual(others);
  });
});

describe('bench options', () => {
  it.each([
    { argv: [], runs: 5, sizes: [1_000, 10_000, 50_000], json: false, build: true },
    { argv: ['--json', '--runs', '3'], runs: 3, sizes: [1_000, 10_000, 50_000], json: true, build: true },
    { argv: ['--smoke', '--no-build'], runs: 1, sizes: [200], json: false, build: false },
    { argv: ['--runs=2', '--dist', 'elsewhere'], runs: 2, sizes: [1_000, 10_000, 50_000], json: false, build: false },
  ])('$argv', ({ argv, runs, sizes, json, build }) => {
    const options = parseOptions(argv, ROOT);
    expect({ runs: options.runs, sizes: options.sizes, json: options.json, build: options.build }).toEqual({ runs, sizes, json, build });
  });

  it.each([['--runs', '0'], ['--runs'], ['--fast'], ['extra']])('refuses %j', (...argv) => {
    expect(() => parseOptions(argv, ROOT)).toThrow(UsageError);
  });
});

describe('generated log pages', () => {
  it.each([200, 1_000])('%i rows: one table row per entry, failing rows as the generator says', (rows) => {
    const page = generateLogPage(rows);
    const expected = generateLogEntries(rows, 1).flatMap((entry, index) => (entry.expected.length > 0 ? [index] : []));
    expect(page.html.match(/<tr class="activity-row"/g)).toHaveLength(rows);
    expect(page.failingRows).toEqual(expected);
    expect(page.failingRows.length).toBeGreaterThan(rows * 0.05);
    expect(page.failingRows.length).toBeLessThan(rows * 0.2);
  });

  it('escapes log text into the HTML', () => {
    const batch = generateRowBatch(300);
    expect(batch.html).not.toMatch(/"[^"<>]*"<\/td>/);
    expect(batch.html).toContain('&quot;');
  });
});

describe('budgets', () => {
  const metrics = (overrides: Partial<Record<string, number | null>>): Metrics =>
    ({
      pages: { '10000': { lastBadgeAfterDclMs: overrides.lastBadge ?? 100 } },
      engine: { mbPerSecond: overrides.engine === undefined ? 60 : overrides.engine },
    }) as unknown as Metrics;

  it.each([
    { case: 'under the latency budget', overrides: {}, lastBadge: true, engine: true },
    { case: 'over the latency budget', overrides: { lastBadge: 151 }, lastBadge: false, engine: true },
    { case: 'engine too slow', overrides: { engine: 49.9 }, lastBadge: true, engine: false },
    { case: 'engine not measured', overrides: { engine: null }, lastBadge: true, engine: false },
  ])('$case', ({ overrides, lastBadge, engine }) => {
    const results = checkBudgets(budgetsFor(10_000, 50_000), metrics(overrides));
    expect(results.lastBadge!.pass).toBe(lastBadge);
    expect(results.engine!.pass).toBe(engine);
    expect(results.keepUpBig!.pass).toBe(false); // not in these metrics: unmeasured fails
  });
});
