// Plain-text tables of the results, for people reading a terminal.
import type { BenchResults, BudgetResult, PageMetrics } from './results';
import { formatTable } from '../text-table';
import type { VersusScenarioResult } from './versus';

/** The comparison with the reference scanner: one table per scenario. */
export function versusTables(versus: readonly VersusScenarioResult[]): string {
  return versus
    .map((scenario) => {
      const rows = scenario.figures.map((f) => [
        f.label,
        show(f.plain, f.unit),
        show(f.reference, f.unit),
        show(f.ours, f.unit),
        show(f.ratio, '×'),
        f.budget === undefined ? '' : `${f.budget}: ${f.pass ? 'pass' : 'FAIL'}`,
      ]);
      const title = `${scenario.label} (${scenario.failingRows.toLocaleString('en-US')} failing), median`;
      return formatTable([title, 'no extension', 'reference', 'Webhook Doctor', 'ratio', 'budget (issue 9)'], rows);
    })
    .join('\n\n');
}

/** A number for people: null is "n/a", big values lose decimals. */
export function show(value: number | null, unit = ''): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  if (unit === 'B') return value >= 1024 ? `${(value / 1024).toFixed(1)} KB` : `${value} B`;
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (unit === '×') return `${text}×`;
  return unit ? `${text} ${unit}` : text;
}

const PAGE_ROWS: readonly [string, keyof PageMetrics, string][] = [
  ['failing rows (expected badges)', 'failingRows', ''],
  ['badges placed', 'badges', ''],
  ['failing rows without a badge', 'missingBadges', ''],
  ['badges on noise rows', 'falseBadges', ''],
  ['duplicate badges', 'duplicateBadges', ''],
  ['DOMContentLoaded', 'domContentLoadedMs', 'ms'],
  ['last badge after DOMContentLoaded', 'lastBadgeAfterDclMs', 'ms'],
  ['content script first runs after DCL (trace)', 'contentScriptStartAfterDclMs', 'ms'],
  ['scan time', 'scanMs', 'ms'],
  ['floor: one regex pass over text nodes', 'floorMs', 'ms'],
  ['scan time / floor', 'scanToFloorRatio', '×'],
  ['main-thread time added (CDP)', 'mainThreadMs', 'ms'],
  ['  of which script', 'scriptMs', 'ms'],
  ['  of which layout', 'layoutMs', 'ms'],
  ['  of which style', 'styleMs', 'ms'],
  ['DOM nodes added', 'domNodesAdded', ''],
  ['extension tasks (trace)', 'extensionTasks', ''],
  ['extension task time (trace)', 'extensionTaskTotalMs', 'ms'],
  ['longest extension task (trace)', 'longestExtensionTaskMs', 'ms'],
  ["longest scan chunk (content script's own figure)", 'longestScanChunkMs', 'ms'],
  ['longest task placing badges (untraced, >=50 ms)', 'longestBadgingTaskMs', 'ms'],
  ['longest page task, with extension', 'longestTaskWithMs', 'ms'],
  ['longest page task, without', 'longestTaskWithoutMs', 'ms'],
];

function pagesTable(results: BenchResults): string {
  const sizes = Object.keys(results.metrics.pages).sort((a, b) => Number(a) - Number(b));
  const headers = ['page metric (median)', ...sizes.map((s) => `${Number(s).toLocaleString('en-US')} rows`)];
  const rows = PAGE_ROWS.filter(([, key]) => sizes.some((s) => key in results.metrics.pages[s]!)) // optional ones when present
    .map(([label, key, unit]) => [label, ...sizes.map((s) => show(results.metrics.pages[s]![key] ?? null, unit))]);
  return formatTable(headers, rows);
}

function otherTable(results: BenchResults): string {
  const { incremental, heap, popup, engine, bundles } = results.metrics;
  const rows: string[][] = [
    [
      `${incremental.appendedRows} rows appended to ${incremental.rowsBefore.toLocaleString('en-US')}: badged after mutation`,
      show(incremental.badgedAfterMutationMs, 'ms'),
    ],
    [`  new badges / failing appended rows`, `${show(incremental.newBadges)} / ${incremental.failingRows}`],
    [
      `heap at ${heap.rows.toLocaleString('en-US')} rows without / with extension`,
      `${show(heap.withoutMB, 'MB')} / ${show(heap.withMB, 'MB')}`,
    ],
    ['heap added (JS + DOM)', `${show(heap.addedMB, 'MB')} (${show(heap.jsAddedMB, 'MB')} + ${show(heap.domAddedMB, 'MB')})`],
    [`popup first render, ${popup.findings} failing rows`, show(popup.firstRenderMs, 'ms')],
    ['engine throughput in Node', show(engine.mbPerSecond, 'MB/s')],
    ...Object.entries(engine)
      .filter(([name]) => name !== 'mbPerSecond')
      .map(([name, value]) => [`  ${name}`, show(value)]),
    ...(['content', 'contentExtras', 'background', 'popup'] as const).flatMap((part) => {
      const size = bundles[part];
      const rows = [[`bundle: ${part}, all code (minified / gzip)`, `${show(size.minifiedBytes, 'B')} / ${show(size.gzipBytes, 'B')}`]];
      if (size.initialMinifiedBytes !== size.minifiedBytes) {
        rows.push([
          `bundle: ${part}, at start (minified / gzip)`,
          `${show(size.initialMinifiedBytes, 'B')} / ${show(size.initialGzipBytes, 'B')}`,
        ]);
      }
      return rows;
    }),
  ];
  return formatTable(['measurement (median)', 'value'], rows);
}

function budgetTable(budgets: Record<string, BudgetResult>): string {
  const rows = Object.values(budgets).map((b) => [
    b.label,
    show(b.value, b.unit),
    `${b.comparison} ${show(b.limit, b.unit)}`,
    b.pass ? 'pass' : 'FAIL',
  ]);
  return formatTable(['budget', 'measured', 'budget', 'result'], rows);
}

export function formatReport(results: BenchResults): string {
  const { machine, options } = results;
  const failed = Object.values(results.budgets).filter((b) => !b.pass).length;
  return [
    `Webhook Doctor benchmark, ${results.date}`,
    `${machine.cpus} × ${machine.cpuModel}, load at start ${machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}; ${machine.chromium}; Node ${machine.node}; median of ${options.runs} run(s)`,
    '',
    versusTables(results.metrics.versus),
    '',
    pagesTable(results),
    '',
    otherTable(results),
    '',
    budgetTable(results.budgets),
    '',
    failed === 0 ? 'All budgets met.' : `${failed} budget(s) not met.`,
    ...Object.entries(results.notes).map(([key, note]) => `note (${key}): ${Array.isArray(note) ? note.join(', ') : note}`),
  ].join('\n');
}
