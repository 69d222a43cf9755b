// Builds ESP-like webhook activity pages from the shared log generator: a table whose rows are
// about 10% failures (each must get one badge) and 90% noise full of numbers that are not codes.
// The table and rows carry the test ids of Klaviyo's activity log, so its site adapter applies.
import { generateLogEntries, type LogEntry } from '../gen-log';

/** Where the generated pages are served: a Klaviyo host, so the content script runs on them. */
export const BENCH_ORIGIN = 'https://www.klaviyo.com';

export interface LogPage {
  url: string;
  html: string;
  rows: number;
  /** Indexes (in the table body) of the rows that should get a badge. */
  failingRows: number[];
}

export interface RowBatch {
  /** `<tr>` elements to append to the table body. */
  html: string;
  rows: number;
  /** Indexes within the batch of the rows that should get a badge. */
  failingRows: number[];
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// A generated line starts with its timestamp; a log view shows it in its own column.
const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\S+Z|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC) (.*)$/;

export function rowHtml(entry: LogEntry): string {
  const match = TIMESTAMP.exec(entry.text);
  const [time, message] = match ? [match[1]!, match[2]!] : ['', entry.text];
  return `<tr class="activity-row" data-testid="activity-row"><td class="activity-time">${escapeHtml(time)}</td><td class="activity-detail">${escapeHtml(message)}</td></tr>`;
}

export function rowsOf(entries: readonly LogEntry[]): RowBatch {
  const failingRows: number[] = [];
  entries.forEach((entry, index) => {
    if (entry.expected.length > 0) failingRows.push(index);
  });
  return { html: entries.map(rowHtml).join('\n'), rows: entries.length, failingRows };
}

/** A Klaviyo-like activity page around table rows, with an optional script at the end of the body. */
export function logPageHtml(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} | Klaviyo</title>
<style>
  body { font: 13px/1.4 system-ui, sans-serif; margin: 0; }
  header { padding: 12px 16px; border-bottom: 1px solid #ddd; }
  table { border-collapse: collapse; width: 100%; }
  td, th { padding: 4px 8px; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
  .activity-time { white-space: nowrap; color: #555; }
</style></head>
<body>
<header><h1>Webhook activity</h1><p>Flow: Bench flow · Action: Send webhook · View all activity</p></header>
<main><table class="activity-log" data-testid="webhook-activity-table">
<thead><tr><th>Time</th><th>Details</th></tr></thead>
<tbody id="activity-rows">
${body}
</tbody></table></main>
${script}
</body></html>`;
}

/** A log page with `rows` rows, the same for the same seed. */
export function generateLogPage(rows: number, seed = 1): LogPage {
  const batch = rowsOf(generateLogEntries(rows, seed));
  return {
    url: `${BENCH_ORIGIN}/flow/BenchFlow${rows}/activity`,
    html: logPageHtml(`Webhook activity (${rows} rows)`, batch.html),
    rows,
    failingRows: batch.failingRows,
  };
}

/** Rows to append to a page later, from a different seed than the page itself. */
export function generateRowBatch(rows: number, seed = 2): RowBatch {
  return rowsOf(generateLogEntries(rows, seed));
}

/** A page whose rows all fail, with varied codes and problems, for the popup measurement. */
export function generateFailurePage(failures: number, seed = 3): LogPage {
  const entries: LogEntry[] = [];
  // Failures are about 10% of entries: draw in blocks until there are enough.
  for (let block = 0; entries.length < failures; block++) {
    for (const entry of generateLogEntries(failures * 12, seed + block)) {
      if (entry.expected.length > 0 && entries.length < failures) entries.push(entry);
    }
  }
  const batch = rowsOf(entries);
  return {
    url: `${BENCH_ORIGIN}/flow/BenchFailures${failures}/activity`,
    html: logPageHtml(`Webhook activity (${failures} failures)`, batch.html),
    rows: failures,
    failingRows: batch.failingRows,
  };
}
