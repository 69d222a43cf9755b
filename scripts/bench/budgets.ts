// The budgets of issue 4, checked against the measured metrics.
import { metricAt, type BudgetResult, type Metrics } from './results';

export interface Budget {
  id: string;
  label: string;
  metric: string;
  comparison: '<=' | '>=';
  limit: number;
  unit: string;
}

const KB = 1024;

/**
 * The reference size (10,000 rows) carries the latency, ratio and heap budgets; the largest
 * size (50,000 rows) the long-task and keep-up budgets. Smoke mode uses one tiny size for both.
 */
export function budgetsFor(referenceRows: number, largestRows: number): Budget[] {
  const ref = `pages.${referenceRows}`;
  const big = `pages.${largestRows}`;
  const n = (rows: number): string => rows.toLocaleString('en-US');
  const budgets: Budget[] = [
    {
      id: 'lastBadge',
      label: `${n(referenceRows)} rows: last badge after DOMContentLoaded`,
      metric: `${ref}.lastBadgeAfterDclMs`,
      comparison: '<=',
      limit: 150,
      unit: 'ms',
    },
    {
      id: 'floorRatio',
      label: `${n(referenceRows)} rows: scan time / floor`,
      metric: `${ref}.scanToFloorRatio`,
      comparison: '<=',
      limit: 3,
      unit: '×',
    },
    {
      id: 'longTaskRef',
      label: `${n(referenceRows)} rows: longest extension task`,
      metric: `${ref}.longestExtensionTaskMs`,
      comparison: '<=',
      limit: 50,
      unit: 'ms',
    },
    {
      id: 'noFalseRef',
      label: `${n(referenceRows)} rows: badges on noise rows`,
      metric: `${ref}.falseBadges`,
      comparison: '<=',
      limit: 0,
      unit: '',
    },
    {
      id: 'longTaskBig',
      label: `${n(largestRows)} rows: longest extension task`,
      metric: `${big}.longestExtensionTaskMs`,
      comparison: '<=',
      limit: 50,
      unit: 'ms',
    },
    {
      id: 'keepUpBig',
      label: `${n(largestRows)} rows: failing rows left without a badge`,
      metric: `${big}.missingBadges`,
      comparison: '<=',
      limit: 0,
      unit: '',
    },
    {
      id: 'noFalseBig',
      label: `${n(largestRows)} rows: badges on noise rows`,
      metric: `${big}.falseBadges`,
      comparison: '<=',
      limit: 0,
      unit: '',
    },
    {
      id: 'incremental',
      label: '100 appended rows: badged after the mutation',
      metric: 'incremental.badgedAfterMutationMs',
      comparison: '<=',
      limit: 16,
      unit: 'ms',
    },
    {
      id: 'heap',
      label: `${n(referenceRows)} rows: heap added by the extension`,
      metric: 'heap.addedMB',
      comparison: '<=',
      limit: 5,
      unit: 'MB',
    },
    {
      id: 'contentSize',
      label: 'content.js, minified (native API, no polyfill)',
      metric: 'bundles.content.minifiedBytes',
      comparison: '<=',
      limit: 30 * KB,
      unit: 'B',
    },
    // The content script must fit whole; the popup is judged by what it loads to open (lazy
    // chunks such as the "diagnose this text" box load on use).
    {
      id: 'popupSize',
      label: 'popup at open, minified',
      metric: 'bundles.popup.initialMinifiedBytes',
      comparison: '<=',
      limit: 60 * KB,
      unit: 'B',
    },
    { id: 'engine', label: 'engine throughput in Node', metric: 'engine.mbPerSecond', comparison: '>=', limit: 50, unit: 'MB/s' },
    {
      id: 'cli',
      label: 'built CLI as a child process (--json, start-up included)',
      metric: 'engine.cliMbPerSecond',
      comparison: '>=',
      limit: 40,
      unit: 'MB/s',
    },
  ];
  // With one page size, the large-page budgets would repeat the reference ones.
  return referenceRows === largestRows ? budgets.filter((b) => !['longTaskBig', 'noFalseBig'].includes(b.id)) : budgets;
}

/** A missing value fails its budget: an unmeasured figure is not a met one. */
export function checkBudgets(budgets: readonly Budget[], metrics: Metrics): Record<string, BudgetResult> {
  const results: Record<string, BudgetResult> = {};
  for (const { id, ...budget } of budgets) {
    const value = metricAt(metrics, budget.metric);
    const pass = value !== null && (budget.comparison === '<=' ? value <= budget.limit : value >= budget.limit);
    results[id] = { ...budget, value, pass };
  }
  return results;
}
