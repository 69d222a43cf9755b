// Code that runs inside the benchmarked page's main world. Kept as plain JavaScript source so
// nothing the TypeScript runner adds to functions (helpers such as __name) leaks into the page.

export const BADGE_SELECTOR = '[data-webhook-doctor="badge"]';

/**
 * Init script: records when each contract-2 badge appears (a MutationObserver started at
 * DOMContentLoaded, so parsing the log is not observed) and every long task of the page.
 * Badges made by the extension's isolated world still show up here: the DOM is shared.
 */
export const RECORDER_SCRIPT = `(() => {
  if (window.__wdBench) return;
  const SELECTOR = ${JSON.stringify(BADGE_SELECTOR)};
  const state = { badgeTimes: [], longTasks: [], seen: new WeakSet(), mutationAt: null };
  window.__wdBench = state;
  const note = (el, now) => {
    if (state.seen.has(el)) return;
    state.seen.add(el);
    state.badgeTimes.push(now);
  };
  const visit = (node, now) => {
    if (node.nodeType !== 1) return;
    if (node.getAttribute('data-webhook-doctor') === 'badge') note(node, now);
    if (node.firstElementChild) for (const el of node.querySelectorAll(SELECTOR)) note(el, now);
  };
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      if (record.type === 'attributes') visit(record.target, now);
      else for (const node of record.addedNodes) visit(node, now);
    }
  });
  document.addEventListener('DOMContentLoaded', () => {
    observer.observe(document.documentElement, {
      childList: true, subtree: true, attributes: true, attributeFilter: ['data-webhook-doctor'],
    });
    for (const el of document.querySelectorAll(SELECTOR)) note(el, performance.now());
  }, { once: true, capture: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** Calls a function source with JSON arguments, as an expression for page.evaluate. */
export function call(fnSource: string, ...args: unknown[]): string {
  return `(${fnSource})(${args.map((a) => JSON.stringify(a)).join(', ')})`;
}

/** Badges recorded since a page time (or since the start). */
export const COUNT_BADGES_SINCE = `(since) => {
  const times = window.__wdBench ? window.__wdBench.badgeTimes : [];
  return since === null ? times.length : times.filter((t) => t >= since).length;
}`;

export interface RecorderState {
  domContentLoaded: number;
  badgeTimes: number[];
  longTasks: { start: number; duration: number }[];
  /** The content script's own scan duration, when it reports one. */
  reportedScanMs: number | null;
}

export const READ_STATE = `() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const state = window.__wdBench || { badgeTimes: [], longTasks: [] };
  const reported = Number(document.documentElement.dataset.webhookDoctorScanMs);
  return {
    domContentLoaded: nav ? nav.domContentLoadedEventStart : NaN,
    badgeTimes: state.badgeTimes,
    longTasks: state.longTasks,
    reportedScanMs: document.documentElement.dataset.webhookDoctorScanMs !== undefined && Number.isFinite(reported) ? reported : null,
  };
}`;

export interface Placement {
  badges: number;
  /** Badges on rows that should have none (noise). */
  falseBadges: number;
  /** Extra badges on a failing row that already has one. */
  duplicates: number;
  /** Failing rows without a badge. */
  missing: number;
}

/**
 * Checks every badge against the rows that should have one (indexes in the table body); only
 * rows from `fromRow` on are looked at, so appended rows can be checked on their own.
 */
export const CHECK_PLACEMENT = `(failing, fromRow) => {
  const shouldFail = new Set(failing.filter((index) => index >= fromRow));
  const badged = new Set();
  let falseBadges = 0, duplicates = 0, badges = 0;
  for (const badge of document.querySelectorAll(${JSON.stringify(BADGE_SELECTOR)})) {
    const row = badge.closest('tr');
    const index = row && row.parentElement && row.parentElement.id === 'activity-rows' ? row.sectionRowIndex : -1;
    if (index !== -1 && index < fromRow) continue;
    badges++;
    if (!shouldFail.has(index)) falseBadges++;
    else if (badged.has(index)) duplicates++;
    else badged.add(index);
  }
  return { badges, falseBadges, duplicates, missing: shouldFail.size - badged.size };
}`;

/**
 * The floor: one plain pass over every text node with a TreeWalker and one regular expression
 * test per node. Runs `passes` times; returns each pass's duration.
 */
export const FLOOR_PASS = `(passes) => {
  const pattern = /\\b[1-5]\\d\\d\\b/;
  const times = [];
  let matches = 0;
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    matches = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (pattern.test(node.data)) matches++;
    times.push(performance.now() - started);
  }
  return { times, matches };
}`;

/** Appends rows to the log table in one mutation; returns the page time right after it. */
export const APPEND_ROWS = `(html) => {
  document.getElementById('activity-rows').insertAdjacentHTML('beforeend', html);
  const at = performance.now();
  window.__wdBench.mutationAt = at;
  return at;
}`;

/** What shows that the popup rendered findings: a group or card element, or their heading. */
export const POPUP_FINDINGS_SELECTOR = '[data-group-key], [data-key], #findings-heading';

/** In the popup: when it first rendered findings, by its own mark or by what is on screen now. */
export const POPUP_RENDER_PROBE = `(() => {
  const mark = performance.getEntriesByName('wd-first-render')[0];
  if (mark) return { ms: mark.startTime, source: 'mark' };
  if (document.querySelector(${JSON.stringify(POPUP_FINDINGS_SELECTOR)})) return { ms: performance.now(), source: 'poll' };
  return null;
})()`;

/** In the popup: fallback when no finding group ever shows, its first contentful paint. */
export const POPUP_PAINT_PROBE = `(() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return paint ? { ms: paint.startTime, source: 'first-contentful-paint' } : null;
})()`;
