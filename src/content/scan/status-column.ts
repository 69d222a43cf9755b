// A cell that holds a bare number and nothing else ("503") is a status when its column says so:
// the header of its column in a <table> or an ARIA grid names a status ("Response code",
// "Status", "HTTP status", "Statuscode", "Code", "Antwortcode", ...). Other numeric columns of
// the same rows (IDs, attempts, durations) are not statuses.
import { isStatusHeader } from '../../engine/detect/status/status-header';

const BARE_NUMBER = /^\d+(?:[.,]\d+)?$/;
const STATUS_NUMBER = /^\d{3}$/;
const ARIA_CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader']);

/** A character that cannot be part of a bare number (a digit, a separator, or white space). */
const NOT_IN_NUMBER = /[^\d.,\s]/;

/**
 * False when the cell's first text node already shows a character no bare number has: a cheap
 * "no" for the many cells of words, before textContent copies the whole cell.
 */
function mayBeBareNumber(cell: Element): boolean {
  const first = cell.firstChild;
  return !(first && first.nodeType === 3 && NOT_IN_NUMBER.test((first as Text).data.slice(0, 32)));
}

/** The position of an element among its parent's element children. */
function indexOf(cell: Element): number {
  let index = 0;
  for (let sibling = cell.previousElementSibling; sibling; sibling = sibling.previousElementSibling) index++;
  return index;
}

/** The text of the header over `cell` (a td of a table, or an ARIA cell), or null. */
function headerText(cell: Element): string | null {
  const row = cell.parentElement;
  if (!row) return null;
  if (cell.tagName.toUpperCase() === 'TD') {
    // The table's first row, when it is made of header cells (in a thead or not).
    const head = row.closest('table')?.querySelector('tr');
    if (!head || head === row) return null;
    const header = head.children[indexOf(cell)];
    return header?.tagName.toUpperCase() === 'TH' ? (header.textContent ?? '') : null;
  }
  if (!ARIA_CELL_ROLES.has(cell.getAttribute('role') ?? '')) return null;
  const grid = row.closest('[role="grid"], [role="table"], [role="treegrid"]');
  return grid?.querySelectorAll('[role="columnheader"]')[indexOf(cell)]?.textContent ?? null;
}

/**
 * For a cell holding only a number: "503" when its column's header names a status, "" when the
 * cell sits under another header (an ID, attempts, a duration: never a status, and its number
 * must not be read next to the status), null when the cell has no header or holds more.
 */
export function statusInColumn(cell: Element): string | null {
  // Most cells hold words: their first text says so before the whole cell is read and trimmed.
  if (!mayBeBareNumber(cell)) return null;
  const text = (cell.textContent ?? '').trim();
  if (!BARE_NUMBER.test(text)) return null;
  const header = headerText(cell);
  if (header === null) return null;
  return isStatusHeader(header) && STATUS_NUMBER.test(text) ? text : '';
}
