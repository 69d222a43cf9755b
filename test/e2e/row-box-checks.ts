// Badges in rows whose box the page fixes (issue 9), one definition for Chromium and Firefox: a
// virtualised list of absolutely positioned 32 px rows recycled on scroll, a narrow table, and a table
// whose status column a media query hides.
// Boxes are measured in the page: a badge must stay inside its row and the row keep its size.
import { describe, it, expect } from 'vitest';
import { FIXTURES } from '../fixtures/index';
import { waitFor } from './page-reads';

/** How a browser's harness opens a page and runs page-side code (kept as a string) in it. */
export interface RowBoxDriver {
  open(url: string): Promise<void>;
  evaluate<T>(expression: string): Promise<T>;
}

export const FIXED_ROWS = FIXTURES.find((fixture) => fixture.file === 'generic/fixed-rows.html')!;
export const PINNED_COLUMNS = FIXTURES.find((fixture) => fixture.file === 'klaviyo/sticky-pinned-table.html')!;
export const RTL_LOG = FIXTURES.find((fixture) => fixture.file === 'iterable/rtl-call-log.html')!;
export const HIDDEN_STATUS_COLUMN = FIXTURES.find((fixture) => fixture.file === 'hubspot/narrow-hidden-status.html')!;

/** Each badge of the page: its box, its cell's box, and whether the page shows it at its two ends. */
const BADGES_IN_CELLS = `[...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((badge) => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
  const b = box(badge);
  const at = (x) => { const hit = document.elementFromPoint(x, (b.top + b.bottom) / 2); return hit === badge; };
  return { code: badge.dataset.code, badge: b, cell: box(badge.closest('td, th, [role="gridcell"]')), shows: at(b.left + 2) && at(b.right - 2) };
})`;

/** For each badge, the space between it and the text it follows in its cell (negative: they touch or overlap). */
const GAPS_BESIDE_TEXT = `[...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((badge) => {
  const text = [...badge.parentElement.childNodes].find((node) => node.nodeType === 3 && node.data.trim() !== '');
  const range = document.createRange();
  range.selectNodeContents(text);
  const t = range.getBoundingClientRect();
  const b = badge.getBoundingClientRect();
  return { code: badge.dataset.code, gap: Math.max(t.left - b.right, b.left - t.right) };
})`;

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface RowBox extends Box {
  index: number;
  code: string | null;
  badge: Box | null;
}

/** Every row element of the virtual list: the row index it shows, its box, its badge's box. */
const VIRTUAL_ROWS = `(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
  return [...document.querySelectorAll('.vrow')].map((row) => {
    const badge = row.querySelector('[data-webhook-doctor="badge"]');
    return { index: Number(row.dataset.index), ...box(row), code: badge ? badge.dataset.code : null, badge: badge ? box(badge) : null };
  });
})()`;

/** The summary table's rows: id, box, badge code. */
const TABLE_ROWS = `(() => [...document.querySelectorAll('.summary tbody tr')].map((row) => {
  const r = row.getBoundingClientRect();
  const badge = row.querySelector('[data-webhook-doctor="badge"]');
  return { id: row.id, height: r.height, code: badge ? badge.dataset.code : null };
}))()`;

/** The status the fixture's list shows on row `index` (every fifth and twelfth row fails, codes in turn). */
function expectedCode(index: number): string | null {
  return index % 5 === 2 || index % 12 === 2 ? ['503', '401', '429'][Math.floor(index / 5) % 3]! : null;
}

const ROW_HEIGHT = 32;
const EPSILON = 0.5;

function expectInside(inner: Box, outer: Box, what: string): void {
  expect(inner.top, `${what}: top`).toBeGreaterThanOrEqual(outer.top - EPSILON);
  expect(inner.bottom, `${what}: bottom`).toBeLessThanOrEqual(outer.bottom + EPSILON);
  expect(inner.left, `${what}: left`).toBeGreaterThanOrEqual(outer.left - EPSILON);
  expect(inner.right, `${what}: right`).toBeLessThanOrEqual(outer.right + EPSILON);
}

/** Rows badged exactly as their text calls for; each badge inside its row, every row 32 px. */
function checkVirtualRows(rows: RowBox[]): void {
  const sorted = [...rows].sort((a, b) => a.index - b.index);
  for (const row of sorted) {
    expect(row.code, `row ${row.index}`).toBe(expectedCode(row.index));
    expect(row.bottom - row.top, `row ${row.index} height`).toBeCloseTo(ROW_HEIGHT, 1);
    if (!row.badge) continue;
    expect(row.badge.bottom - row.badge.top, `badge of row ${row.index} is drawn`).toBeGreaterThan(0);
    expectInside(row.badge, row, `badge of row ${row.index}`);
    const next = sorted.find((other) => other.index === row.index + 1);
    if (next) expect(row.badge.bottom, `badge of row ${row.index} stays off the next row`).toBeLessThanOrEqual(next.top + EPSILON);
  }
}

const settled = (rows: RowBox[]) => rows.every((row) => row.code === expectedCode(row.index));

export function describeRowBoxes(driver: () => RowBoxDriver): void {
  describe('a virtualised list of fixed 32 px rows', () => {
    it('badges each failing row inside its own box, the row as tall as before', async () => {
      await driver().open(FIXED_ROWS.url);
      const rows = await waitFor(
        () => driver().evaluate<RowBox[]>(VIRTUAL_ROWS),
        (r) => settled(r) && r.some((row) => row.badge),
      );
      checkVirtualRows(rows);
      expect(
        rows
          .filter((row) => row.badge)
          .map((row) => row.index)
          .sort((a, b) => a - b),
      ).toEqual([2, 7]);
    });

    it('follows recycled rows: a row given passing text loses its badge, one given failing text gets one', async () => {
      await driver().open(FIXED_ROWS.url);
      const before = await waitFor(
        () => driver().evaluate<RowBox[]>(VIRTUAL_ROWS),
        (r) => settled(r) && r.some((row) => row.badge),
      );
      // After scrolling ten rows, the element that showed row 0 (delivered) shows row 12 (HTTP
      // 429), the one that showed row 7 (HTTP 401) row 19 (delivered), the one that showed row 2
      // (HTTP 503) row 14 (HTTP 429).
      const slotOf = (rows: RowBox[], index: number) => rows.findIndex((row) => row.index === index);
      const [zero, seven, two] = [slotOf(before, 0), slotOf(before, 7), slotOf(before, 2)];
      expect([before[zero]!.code, before[seven]!.code, before[two]!.code]).toEqual([null, '401', '503']);
      await driver().evaluate('window.fixtureScrollTo(10)');
      const after = await waitFor(
        () => driver().evaluate<RowBox[]>(VIRTUAL_ROWS),
        (r) => settled(r) && r[zero]!.index === 12,
      );
      expect([after[zero]!.index, after[zero]!.code]).toEqual([12, '429']);
      expect([after[seven]!.index, after[seven]!.code]).toEqual([19, null]);
      expect([after[two]!.index, after[two]!.code]).toEqual([14, '429']);
      // Measured before and after badging, on the same element: the same height.
      expect(after[zero]!.bottom - after[zero]!.top).toBeCloseTo(before[zero]!.bottom - before[zero]!.top, 1);
      checkVirtualRows(after);
      // Scrolled back and forth more often than the page may take a badge away from one row.
      for (let i = 0; i < 8; i++) await driver().evaluate(`window.fixtureScrollTo(${i % 2 ? 0 : 10})`);
      await driver().evaluate('window.fixtureScrollTo(5)');
      const last = await waitFor(
        () => driver().evaluate<RowBox[]>(VIRTUAL_ROWS),
        (r) => settled(r) && r.some((row) => row.index === 16),
      );
      checkVirtualRows(last);
      expect(
        last
          .filter((row) => row.badge)
          .map((row) => row.index)
          .sort((a, b) => a - b),
      ).toEqual([7, 12, 14]);
    });
  });

  describe('tables whose fixed-width cells clip what overflows: sticky pinned columns, ellipsis cells', () => {
    it('shows each badge whole inside its cell', async () => {
      await driver().open(PINNED_COLUMNS.url);
      type InCell = { code: string; badge: Box; cell: Box; shows: boolean };
      await waitFor(
        () => driver().evaluate<InCell[]>(BADGES_IN_CELLS),
        (b) => b.length === 3,
      );
      // The badges move, if they must, in the frame after they went in: let that pass.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const badges = await driver().evaluate<InCell[]>(BADGES_IN_CELLS);
      expect(badges.map((b) => b.code)).toEqual(['502', '429', '503']);
      for (const { code, badge, cell, shows } of badges) {
        expectInside(badge, cell, `badge ${code}`);
        expect(shows, `badge ${code} shown at both ends`).toBe(true);
      }
    });
  });

  describe('a table whose last column, the status, is hidden on narrow screens', () => {
    it('shows each badge in a cell the page shows', async () => {
      await driver().open(HIDDEN_STATUS_COLUMN.url);
      type InCell = { code: string; badge: Box; cell: Box; shows: boolean };
      // A badge enters the cell its row ends with and, that cell hidden, moves once the page is laid
      // out, before it paints: read the boxes once both are drawn (or the wait has run out).
      const badges = await waitFor(
        () => driver().evaluate<InCell[]>(BADGES_IN_CELLS),
        (b) => b.length === 2 && b.every(({ badge }) => badge.right > badge.left),
      );
      expect(badges.map((b) => b.code)).toEqual(['503', '401']);
      for (const { code, badge, cell, shows } of badges) {
        expect(badge.right - badge.left, `badge ${code} is drawn`).toBeGreaterThan(0);
        expectInside(badge, cell, `badge ${code}`);
        expect(shows, `badge ${code} shown at both ends`).toBe(true);
      }
    });
  });

  describe('a table with a narrow last column', () => {
    // The badge's box counts as less than a line of text, so beside the time it adds no height.
    // Where the cell has no room beside the time (narrow-3, once its diagnosis makes the label
    // longer), the badge takes a second line in that cell: the row keeps its height because its
    // endpoint cell has two lines too. A row whose other cells have one line grows by one.
    // Covering other cells instead would hide page content.
    it('a badge in the narrow last cell leaves the row as tall as its unbadged twin', async () => {
      await driver().open(FIXED_ROWS.url);
      type TableRow = { id: string; height: number; code: string | null };
      const rows = await waitFor(
        () => driver().evaluate<TableRow[]>(TABLE_ROWS),
        (r) => r.filter((row) => row.code).length === 2,
      );
      // Diagnoses arrive after the badges and make their labels longer: measure with them in.
      await new Promise((resolve) => setTimeout(resolve, 500));
      rows.splice(0, rows.length, ...(await driver().evaluate<TableRow[]>(TABLE_ROWS)));
      expect(rows.map((row) => [row.id, row.code])).toEqual([
        ['narrow-1', '502'],
        ['narrow-2', null],
        ['narrow-3', '429'],
        ['narrow-4', null],
      ]);
      const twin = rows[1]!.height;
      for (const row of [rows[0]!, rows[2]!]) expect(row.height, `${row.id} next to narrow-2 (${twin} px)`).toBeCloseTo(twin, 0);
    });
  });

  describe('a right-to-left page', () => {
    it('keeps the gap between each badge and the text it follows, on the side they meet', async () => {
      await driver().open(RTL_LOG.url);
      type Gap = { code: string; gap: number };
      const gaps = await waitFor(
        () => driver().evaluate<Gap[]>(GAPS_BESIDE_TEXT),
        (g) => g.length === 2,
      );
      expect(gaps.map((g) => g.code)).toEqual(['502', '429']);
      for (const { code, gap } of gaps) expect(gap, `badge ${code}`).toBeGreaterThanOrEqual(4);
    });
  });
}
