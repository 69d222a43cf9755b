// A cell that holds a bare number and nothing else ("503") is a status when its column or its label
// says so: the cell's own column attributes (headers, data-label, a grid's column id), the header
// of its column (in a <table>, in a header <table> of its own above a scrolling body, in an ARIA
// grid, or in a header row of divs), or the label just before it (a <dt>, a <th>
// in the same row, a card's "Status code" caption). Other numeric columns and pairs of the same
// rows (IDs, attempts, durations) are not statuses.
import { isStatusHeader } from '../../engine/detect/status/status-header';

const BARE_NUMBER = /^\d+(?:[.,]\d+)?$/;
const STATUS_NUMBER = /^\d{3}$/;
const ARIA_CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader']);
const ARIA_GRIDS = '[role="grid"], [role="table"], [role="treegrid"]';

/** A character that cannot be part of a bare number (a digit, a separator, or white space). */
const NOT_IN_NUMBER = /[^\d.,\s]/;

/** How far up from a body table its header table may sit (the scrolling box and its wrapper). */
const HEADER_TABLE_DEPTH = 3;
/** A header or label longer than this is prose, not the name of a column. */
const MAX_NAME_LENGTH = 60;

/**
 * A header that names a status among other words: "Last response", "HTTPステータス", "Delivery
 * status", "Error" (sort markers and screen-reader hints around it), unless a word says it counts or times
 * something, or names another kind of code (postal, country, promo...).
 */
const STATUS_WORD =
  /(?:^|[^a-z])(?:status|statut|statuscode|response|http|code|error|outcome|c[óo]digo|estado|antwort\w*)(?![a-z])|ステータス|状態|状态|狀態|响应|응답|상태/iu;
const NOT_STATUS_WORD =
  /(?:^|[^a-z])(?:id|ids|nr|no|number|count|counts|attempts?|retries|retry|tries|versuche|intentos|duration|dur[aá]ci[oó]n|dauer|time|timestamp|latency|size|bytes|ms|zip|postal|post|country|promo|coupon|discount|area|phone|order|sku|campaign|tracking|verification|auth|reason|message|body|text|date|sent|at)(?![a-z])/iu;

/** True when a column header or a label names an HTTP status. */
export function namesStatus(name: string): boolean {
  let names = namedStatus.get(name);
  if (names === undefined) {
    if (namedStatus.size >= MAX_REMEMBERED_NAMES) namedStatus.clear();
    namedStatus.set(name, (names = readsAsStatus(name)));
  }
  return names;
}

/** Header and label texts already judged: a page has few, read once per cell. */
const namedStatus = new Map<string, boolean>();
const MAX_REMEMBERED_NAMES = 512;

function readsAsStatus(name: string): boolean {
  const text = name.replace(/\s+/g, ' ').trim();
  if (!text || text.length > MAX_NAME_LENGTH) return false;
  if (isStatusHeader(text)) return true;
  return STATUS_WORD.test(text) && !NOT_STATUS_WORD.test(text);
}

/** The text a header or label shows: without what is hidden from every reader (aria-hidden marks). */
function nameOf(element: Element): string {
  if (!element.querySelector('[aria-hidden="true"]')) return element.textContent ?? '';
  let out = '';
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('[aria-hidden="true"]')) out += ` ${(node as Text).data}`;
  }
  return out;
}

/** Each header's text and the name read from it: a column's cells would all read the same. */
const headerNames = new WeakMap<Element, { text: string; name: string }>();

/** A column header's name, read again only when its text changed. */
function headerName(header: Element): string {
  const text = header.textContent ?? '';
  const known = headerNames.get(header);
  if (known && known.text === text) return known.name;
  const name = nameOf(header);
  headerNames.set(header, { text, name });
  return name;
}

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

/** The header cell at `index` of a header row (made of th, or of ARIA column headers). */
function headerCellAt(row: Element | null | undefined, index: number): Element | null {
  const header = row?.children[index];
  if (!header) return null;
  return header.tagName.toUpperCase() === 'TH' || header.getAttribute('role') === 'columnheader' ? header : null;
}

/**
 * The header row of a body table drawn without one: the last row of the nearest table before it
 * (a fixed header drawn as a table of its own, outside the scrolling box of the body), when its
 * number of cells matches. Looked up once per body table: its cells would all ask the same.
 */
function detachedHeaderRow(table: Element, width: number): Element | null {
  let head = detachedHeaders.get(table);
  if (head === undefined || (head && !head.isConnected)) detachedHeaders.set(table, (head = findDetachedHeaderRow(table)));
  return head && head.children.length === width ? head : null;
}

/** Each body table's detached header row (null: none before it). */
const detachedHeaders = new WeakMap<Element, Element | null>();

function findDetachedHeaderRow(table: Element): Element | null {
  let box: Element | null = table;
  for (let depth = 0; box && depth < HEADER_TABLE_DEPTH; depth++, box = box.parentElement) {
    for (let before = box.previousElementSibling; before; before = before.previousElementSibling) {
      const head = before.tagName.toUpperCase() === 'TABLE' ? before : before.querySelector('table');
      if (!head) continue;
      const rows = head.querySelectorAll('tr');
      return rows[rows.length - 1] ?? null;
    }
  }
  return null;
}

/**
 * Lookups a table's or a grid's cells would all repeat (its first row, its column headers), kept
 * for the current task only: the page cannot change its DOM while our task runs, and the next
 * task reads them afresh. A scan chunk of thousands of cells then queries each table once.
 */
let lookups = new Map<string, Map<Element, unknown>>();
let lookupsExpire = false;

function oncePerTask<T>(kind: string, root: Element, read: (root: Element) => T): T {
  if (!lookupsExpire) {
    lookupsExpire = true;
    queueMicrotask(() => {
      lookups = new Map();
      lookupsExpire = false;
    });
  }
  let known = lookups.get(kind);
  if (!known) lookups.set(kind, (known = new Map()));
  if (known.has(root)) return known.get(root) as T;
  const value = read(root);
  known.set(root, value);
  return value;
}

const firstRowOf = (table: Element): Element | null => table.querySelector('tr');
const columnHeadersOf = (grid: Element): NodeListOf<Element> => grid.querySelectorAll('[role="columnheader"]');

/** The header over a td: its table's first row when made of th, else a detached header table's. */
function tableHeader(cell: Element, row: Element): Element | null {
  const table = row.closest('table');
  if (!table) return null;
  const first = oncePerTask('first-row', table, firstRowOf);
  const index = indexOf(cell);
  if (first && first !== row) {
    const header = headerCellAt(first, index);
    if (header) return header;
  }
  const detached = detachedHeaderRow(table, row.children.length);
  return detached ? headerCellAt(detached, index) : null;
}

/** The column header of an ARIA cell: by aria-colindex when the grid gives one, else by position. */
function ariaHeader(cell: Element, row: Element): Element | null {
  const grid = row.closest(ARIA_GRIDS);
  if (!grid) return null;
  const column = cell.getAttribute('aria-colindex');
  const headers = oncePerTask('column-headers', grid, columnHeadersOf);
  if (column !== null && /^\d+$/.test(column)) {
    for (const header of headers) if (header.getAttribute('aria-colindex') === column) return header;
    return null;
  }
  return headers[indexOf(cell)] ?? null;
}

/**
 * The header over a cell of a row of divs (a CSS grid or flex table without ARIA): the first
 * element of the row's parent, when it is another row with as many cells, each a leaf of words.
 */
function divRowHeader(cell: Element, row: Element): Element | null {
  const head = row.parentElement?.firstElementChild;
  if (!head || head === row || head.children.length !== row.children.length) return null;
  for (let child = head.firstElementChild; child; child = child.nextElementSibling) {
    if (child.firstElementChild || /\d/.test(child.textContent ?? '')) return null;
  }
  return head.children[indexOf(cell)] ?? null;
}

/** A label just before a value (dt before dd, th before td, a caption span before its value). */
function labelBefore(cell: Element): Element | null {
  const label = cell.previousElementSibling;
  if (!label || label.firstElementChild) return null;
  const tag = label.tagName.toUpperCase();
  if (tag === 'TD') return null; // a neighbouring cell of a table row is data, not a label
  return label;
}

/**
 * Attributes by which a cell names its own column: the header cells of `headers`, a responsive
 * table's `data-label` (its header shown beside the value on narrow screens), a data grid's
 * column id (`col-id`, `data-field`, `data-column`).
 */
const OWN_COLUMN_NAMES = ['data-label', 'data-title', 'col-id', 'data-field', 'data-column', 'data-col'];

/** The name a cell gives its own column, or null. */
function ownColumnName(cell: Element): string | null {
  if (!cell.hasAttributes()) return null;
  const headers = cell.getAttribute('headers');
  if (headers) {
    const header = cell.ownerDocument.getElementById(headers.trim().split(/\s+/)[0] ?? '');
    if (header) return nameOf(header);
  }
  for (const attribute of OWN_COLUMN_NAMES) {
    const name = cell.getAttribute(attribute);
    if (name) return spacedWords(name);
  }
  return null;
}

/** "statusCode" and "response_code" as words ("status Code", "response code"). */
function spacedWords(identifier: string): string {
  return identifier.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]+/g, ' ');
}

/** What names a cell: a column's header (every cell under it is named), or a label before it. */
interface CellName {
  text: string;
  column: boolean;
}

/** A caption and its value alone in their box, with no text of their own around them. */
function isPair(box: Element, value: Element): boolean {
  if (box.childElementCount !== 2 || box.lastElementChild !== value) return false;
  for (let child = box.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 3 && /\S/.test((child as Text).data)) return false;
  return true;
}

/** The header over a cell, or the label before it, when one names it. */
function nameFor(cell: Element): CellName | null {
  const row = cell.parentElement;
  if (!row) return null;
  const own = ownColumnName(cell);
  if (own !== null) return { text: own, column: true };
  const tag = cell.tagName.toUpperCase();
  let header: Element | null = null;
  let label: Element | null = null;
  if (tag === 'TD') {
    header = tableHeader(cell, row);
    if (!header && row.firstElementChild?.tagName.toUpperCase() === 'TH') label = labelBefore(cell);
  } else if (ARIA_CELL_ROLES.has(cell.getAttribute('role') ?? '')) header = ariaHeader(cell, row);
  else if (tag === 'DD') label = labelBefore(cell);
  else if (!cell.firstElementChild) {
    header = divRowHeader(cell, row);
    if (!header && isPair(row, cell)) label = labelBefore(cell);
  }
  if (header) return { text: headerName(header), column: true };
  return label ? { text: nameOf(label), column: false } : null;
}

/**
 * For a cell holding only a number: "503" when its column's header or its label names a status,
 * "" when a header or a label names something else (an ID, attempts, a duration: never a status,
 * and its number must not be read next to the status), null when nothing names it, when a label
 * before it is just a word ("Failed" 503: read as the row's text), or when the cell holds more.
 */
export function statusInColumn(cell: Element): string | null {
  // Most cells hold words: their first text says so before the whole cell is read and trimmed.
  if (!mayBeBareNumber(cell)) return null;
  const text = (cell.textContent ?? '').trim();
  if (!BARE_NUMBER.test(text)) return null;
  const name = nameFor(cell);
  if (name === null) return null;
  if (namesStatus(name.text)) return STATUS_NUMBER.test(text) ? text : '';
  return name.column || NOT_STATUS_WORD.test(name.text) ? '' : null;
}

/**
 * True for a label whose value is a status ("Status code" before "429"): the row's text leaves it
 * out, since the value is read as "HTTP 429" and a status word on its own line would make the
 * detectors read the lone numbers after it (counts, sizes) as statuses too.
 */
export function isStatusLabel(label: Element): boolean {
  if (label.firstElementChild || label.tagName.toUpperCase() === 'TD') return false;
  const value = label.nextElementSibling;
  if (!value || !mayBeBareNumber(value)) return false;
  if (!STATUS_NUMBER.test((value.textContent ?? '').trim())) return false;
  const name = nameFor(value);
  return name !== null && !name.column && namesStatus(name.text);
}

/** Fields of one line joined by a middle dot, a bullet or a bar ("Attempt 3 · 503 · 1.2 s"). */
const FIELD_SEPARATOR = /\s[·•|]\s/;
/** A field that says the line is about one call: an attempt, a retry, a delivery, a request. */
const CALL_WORD = /\b(?:attempt|retry|try|delivery|request|call|webhook)\b/i;
const STATUS_FIELD = /^[1-5]\d\d$/;

/**
 * The bare code among the fields of a line about one call ("Attempt 3 · 503 · 1.2 s" gives "503"),
 * else null: a lone number there has no unit and stands where the call's result is shown, while
 * counts carry their unit ("Batch 7 · 500 users").
 */
export function statusInFields(line: string): string | null {
  if (line.length > MAX_FIELDS_LINE || !FIELD_SEPARATOR.test(line)) return null;
  const fields = line.split(FIELD_SEPARATOR).map((field) => field.trim());
  if (!fields.some((field) => CALL_WORD.test(field))) return null;
  return fields.find((field) => STATUS_FIELD.test(field)) ?? null;
}

/** A line of fields is short; a longer text is prose, read by the detectors as it is. */
const MAX_FIELDS_LINE = 200;
