// Issue 13, items 6 and 7, in real Chromium: the toolbar count follows the badges during a long
// scan (not only at its end), and a badge in a CSS grid whose rows are `display: contents` goes
// inside a cell, so no cell of the grid moves.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, readBadges, serveHtml, tabIdOf, toolbarBadge, waitFor, type ExtensionSession } from './harness';

const ORIGIN = 'https://app.iterable.com';
let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
});

/** Every cell's column, found from where it sits against the header cells. */
const CELL_COLUMNS = `(() => {
  const headers = [...document.querySelectorAll('.head')].map((h) => Math.round(h.getBoundingClientRect().left));
  return [...document.querySelectorAll('.row')].map((row) =>
    [...row.querySelectorAll(':scope > .cell')].map((cell) => headers.indexOf(Math.round(cell.getBoundingClientRect().left))));
})()`;

function gridPage(rowAttributes: string, cellAttributes: string): string {
  const rows = Array.from({ length: 6 }, (_, i) => {
    const status = i === 2 ? 'HTTP 503 Service Unavailable' : 'Delivered';
    return `<div class="row" ${rowAttributes}><div class="cell" ${cellAttributes}>user${i}@example.com</div><div class="cell" ${cellAttributes}>${status}</div><div class="cell" ${cellAttributes}>attempt 1</div></div>`;
  }).join('');
  return `<!doctype html><title>Grid log</title><style>
    .grid { display: grid; grid-template-columns: 220px 260px 120px; font: 13px system-ui; }
    .row { display: contents; }
  </style><div class="grid" role="grid"><div class="row" ${rowAttributes}><div class="head cell">Recipient</div><div class="head cell">Result</div><div class="head cell">Attempts</div></div>${rows}</div>`;
}

describe('a CSS grid whose rows are display: contents', () => {
  it.each([
    ['plain div rows', '', ''],
    ['ARIA rows and cells', 'role="row"', 'role="gridcell"'],
  ])('%s: the badge goes inside a cell and no cell moves to another column', async (_name, rowAttributes, cellAttributes) => {
    const url = `${ORIGIN}/e2e/grid/${rowAttributes ? 'aria' : 'plain'}`;
    await serveHtml(session.context, url, gridPage(rowAttributes, cellAttributes));
    const page = await session.context.newPage();
    await page.goto(url);
    const badges = await waitFor(
      () => readBadges(page),
      (b) => b.length >= 1,
    );
    await page.waitForTimeout(300);
    expect(badges.map((b) => b.code)).toEqual(['503']);
    const columns = await page.evaluate<number[][]>(CELL_COLUMNS);
    for (const row of columns) expect(row).toEqual([0, 1, 2]);
    const inCell = await page.evaluate(`document.querySelector('[data-webhook-doctor="badge"]').parentElement.classList.contains('cell')`);
    expect(inCell).toBe(true);
    await page.close();
  });
});

describe('toolbar count during a long scan', () => {
  it('follows the badges while the scan of a flood of rows is still running', async () => {
    const url = `${ORIGIN}/e2e/flood`;
    const ROWS = 150_000;
    const EVERY = 200; // 751 failing rows in all: under the toolbar's 999+ cap
    // The page script renders the flood after load, in one insertion, as a "load more" would.
    await serveHtml(
      session.context,
      url,
      `<!doctype html><title>Flood</title>
      <table><tbody id="rows"><tr><td>first@example.com</td><td>HTTP 500 Internal Server Error</td></tr></tbody></table>
      <script>
        window.flood = () => {
          const parts = [];
          for (let i = 0; i < ${ROWS}; i++) {
            parts.push('<tr><td>user' + i + '@example.com</td><td>' + (i % ${EVERY} === 0 ? 'HTTP 429 Too Many Requests' : 'Delivered') + '</td></tr>');
          }
          document.getElementById('rows').insertAdjacentHTML('beforeend', parts.join(''));
        };
      </script>`,
    );
    const page = await session.context.newPage();
    await page.goto(url);
    const tab = await tabIdOf(session, page);
    await waitFor(
      () => toolbarBadge(session, tab),
      (b) => b.text === '1',
    );
    const total = 1 + ROWS / EVERY;
    await page.evaluate('window.flood()');
    // Samples of (badges on the page, toolbar count) until every row is badged.
    const samples: { badges: number; toolbar: number }[] = [];
    for (let i = 0; i < 3000; i++) {
      const badges = await countBadges(page);
      const toolbar = Number((await toolbarBadge(session, tab)).text) || 0;
      samples.push({ badges, toolbar });
      if (badges >= total && toolbar >= total) break;
      await page.waitForTimeout(50);
    }
    const last = samples[samples.length - 1]!;
    expect(last).toEqual({ badges: total, toolbar: total });
    // Before the last badge went in, the toolbar had already moved past the count before the flood.
    const early = samples.filter((s) => s.badges < total && s.toolbar > 1);
    expect(early.length, `samples: ${JSON.stringify(samples.filter((s, i) => i % 10 === 0).slice(0, 30))}`).toBeGreaterThan(0);
    await page.close();
  }, 600_000);
});

function countBadges(page: Page): Promise<number> {
  return page.evaluate(`document.querySelectorAll('[data-webhook-doctor="badge"]').length`);
}
