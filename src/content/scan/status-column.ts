// A cell that holds a bare number and nothing else ("503") is a status when its column or its label
// says so: the cell's own column attributes (headers, data-label, a grid's column id), the header
// of its column (in a <table>, in a header <table> of its own above a scrolling body, in an ARIA
// grid, or in a header row of divs), or the label just before it (a <dt>, a <th>
// in the same row, a card's "Status code" caption). Other numeric columns and pairs of the same
// rows (IDs, attempts, durations) are not statuses.
import { isStatusHeader, phraseHoldsStatusHeader } from '../../engine/detect/status/status-header';
import { withLatinDigits, withoutBidiMarks, withoutIconGlyphs } from '../../engine/text';
import { FOLLOWING, isElement, isGauge, isOurs, isText, parentOrHost, SHOW_TEXT } from '../page/dom';
import { oncePerTask } from './once-per-task';
import { isCustomElement, shadowRootOf } from './shadow-roots';

/**
 * A number alone: digits, maybe a decimal part, or groups of thousands split by a space ("1 502"),
 * an apostrophe (Swiss "1'502") or a dot ("1.502.000").
 */
const BARE_NUMBER = /^(?:\d+(?:[.,]\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f'’.]\d{3})+)$/;
const STATUS_NUMBER = /^\d{3}$/;
/** Codes of several attempts in one status cell ("503 502"), not a number grouped by thousands. */
const CODE_LIST = /^[1-5]\d\d(?:[ \u00a0\u2009\u202f][1-5]\d\d)+$/;
const ARIA_CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader']);
const ARIA_GRIDS = '[role="grid"], [role="table"], [role="treegrid"]';
/** Table cells and description values: their inner lines are parts of one value, not cells. */
const CELL_TAGS = new Set(['TD', 'TH', 'DD']);

/**
 * A cell's text as a number is read from it: an Arabic page's "٥٠٣" is "503", and an icon font's
 * glyph drawn before it (a warning sign written as a private-use character) or the directional
 * marks a right-to-left page puts around it are no part of it.
 */
function numberText(text: string): string {
  return withoutBidiMarks(withoutIconGlyphs(withLatinDigits(text)));
}

/** A character that cannot be part of a bare number (a digit, a separator, or white space). */
const NOT_IN_NUMBER = /[^\d.,\s'’]/;

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
  /(?:^|[^a-z])(?:status|statut|stato|statuscode|respons\w*|risposta|resposta|respuesta|r[ée]ponse|http|code|codice|error|outcome|c[óo]digo|estado|antwort\w*|antwoord\w*)(?![a-z])|ステータス|状態|状态|狀態|响应|응답|상태/iu;
const NOT_STATUS_WORD =
  /(?:^|[^a-z])(?:id|ids|nr|no|number|count|counts|attempts?|retries|retry|tries|try|versuche|intentos|duration|dur[aá]ci[oó]n|dauer|time|timestamp|latency|size|bytes|ms|zip|postal|post|country|promo|coupon|discount|area|phone|order|sku|campaign|tracking|verification|auth|reason|message|body|text|date|sent|at)(?![a-z])/iu;

/** True when a column header or a label names an HTTP status. */
export function namesStatus(name: string): boolean {
  if (name.length > LONGEST_NAME_READ) return false;
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
  // A longer phrase: an English or Western-European status word, or a name of the vocabulary.
  return (STATUS_WORD.test(text) || phraseHoldsStatusHeader(text)) && !NOT_STATUS_WORD.test(text);
}

/** Where a header drawn as an icon keeps its name: its own or an inner element's accessible name. */
const NAMED_BY_ATTRIBUTE = '[aria-labelledby], [aria-label], [title], img[alt]';
/** At most this many elements an aria-labelledby list is read from. */
const MAX_LABELLED_BY = 4;

/**
 * The name a header without visible text gives in an attribute (an svg with aria-label="Status
 * code", a sort button with a title, a tooltip it points to with aria-labelledby), else "".
 */
function attributeName(element: Element): string {
  const named = element.matches(NAMED_BY_ATTRIBUTE) ? element : element.querySelector(NAMED_BY_ATTRIBUTE);
  if (!named) return '';
  const labelledBy = named.getAttribute('aria-labelledby');
  if (labelledBy) return labelledByText(named, labelledBy);
  return named.getAttribute('aria-label') ?? named.getAttribute('title') ?? named.getAttribute('alt') ?? '';
}

/**
 * The text of the elements an aria-labelledby list names, in its root (a tooltip kept hidden). A
 * label longer than a name is no name: it is not read whole (a page may point every cell at a
 * megabyte-long element).
 */
function labelledByText(element: Element, ids: string): string {
  return elementsById(element, ids, MAX_LABELLED_BY)
    .map((label) => shortTextOf(label, LONGEST_NAME_READ))
    .join(' ');
}

/** Characters of a name read at most (white space included): a name is far shorter. */
const LONGEST_NAME_READ = 4 * MAX_NAME_LENGTH;

/** An element's text when it is at most `max` characters, else ''; read node by node, never whole. */
function shortTextOf(element: Element, max: number): string {
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (text.length + data.length > max) return '';
    text += data;
  }
  return text;
}

/** The elements an id list (aria-labelledby, headers) names, in the root `from` sits in. */
function elementsById(from: Element, ids: string, max: number): Element[] {
  const root = from.getRootNode() as Document | ShadowRoot;
  if (typeof root.getElementById !== 'function') return [];
  const found: Element[] = [];
  for (const id of ids.trim().split(/\s+/, max)) {
    const element = id ? root.getElementById(id) : null;
    if (element) found.push(element);
  }
  return found;
}

/**
 * The text a header or label shows: without what is hidden from every reader (aria-hidden marks);
 * for one that shows no text (an icon), the name an attribute gives it.
 */
function nameOf(element: Element): string {
  const shown = shownName(element);
  if (!/\S/.test(shown)) return attributeName(element);
  return abbreviationTitle(element, shown) ?? shown;
}

/**
 * The title of an <abbr> that is all a header shows ("RC" titled "HTTP response code"): the
 * words the abbreviation stands for name the column, the letters alone do not.
 */
function abbreviationTitle(element: Element, shown: string): string | null {
  const abbr = element.tagName.toUpperCase() === 'ABBR' ? element : element.querySelector('abbr[title]');
  const title = abbr?.getAttribute('title');
  return title && (abbr!.textContent ?? '').trim() === shown.trim() ? title : null;
}

/** Parts of a header no reader sees as its name: aria-hidden marks, the options a picker hides. */
const HIDDEN_NAME_PARTS = '[aria-hidden="true"], select';

function shownName(element: Element): string {
  if (!element.querySelector(HIDDEN_NAME_PARTS)) return element.textContent ?? '';
  let out = '';
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && !parent.closest('[aria-hidden="true"]') && !isUnchosenOption(parent)) out += ` ${(node as Text).data}`;
  }
  return out;
}

/**
 * An option a <select> does not show: a column picker in a header lists every column's name, and
 * only the chosen one names the column.
 */
function isUnchosenOption(element: Element): boolean {
  return element.tagName.toUpperCase() === 'OPTION' && !(element as HTMLOptionElement).selected;
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
  if (!first || !isText(first)) return true;
  const start = numberText(first.data.slice(0, 32));
  return !NOT_IN_NUMBER.test(start) || LEADING_CODE.test(start);
}

/**
 * A code first among the fields of one cell, set off by a middle dot, a bullet, a bar, a dash or a
 * bracket ("502 · 1.2 s", "429 (15 ms)"): in a status column the first field is the status.
 */
const LEADING_CODE = /^\s*([1-5]\d\d)\s*(?:[·•|–—]|\()\s*\S/;

/** The position of an element among its parent's element children. */
function indexOf(cell: Element): number {
  let index = 0;
  for (let sibling = cell.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (!isOurs(sibling)) index++;
  return index;
}

/** A row's `index`th cell, not counting the badge this extension may have put in it. */
function cellAt(row: Element, index: number): Element | null {
  let seen = 0;
  for (let child = row.firstElementChild; child; child = child.nextElementSibling) {
    if (isOurs(child as Node)) continue;
    if (seen++ === index) return child;
  }
  return null;
}

/** A row's children that are its cells: without the badge this extension may have put in it. */
function cellCount(row: Element): number {
  let count = 0;
  for (let child = row.firstElementChild; child; child = child.nextElementSibling) if (!isOurs(child)) count++;
  return count;
}

/** True for an element with an ARIA cell or column-header role. */
function isAriaCell(element: Element): boolean {
  const role = element.getAttribute('role');
  return role !== null && (ARIA_CELL_ROLES.has(role) || role === 'columnheader');
}

/**
 * The position of an ARIA cell among its row's cells: spacers and other elements without a cell
 * role (a grid that renders only the columns in view puts one before them) take no column.
 */
function ariaIndexOf(cell: Element): number {
  let index = 0;
  for (let sibling = cell.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (isAriaCell(sibling)) index++;
  return index;
}

/** The header cell at `index` of a header row (made of th, or of ARIA column headers). */
function headerCellAt(row: Element | null | undefined, index: number): Element | null {
  const header = row ? cellAt(row, index) : null;
  return header && isHeaderCell(header) ? header : null;
}

/** A <th> or an ARIA column header. */
export function isHeaderCell(cell: Element): boolean {
  return cell.tagName.toUpperCase() === 'TH' || cell.getAttribute('role') === 'columnheader';
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

const firstRowOf = (table: Element): Element | null => table.querySelector('tr');

/**
 * A first row of <td>s that is a header all the same (a report exported without <th>): none of
 * its cells holds a digit and one of them names a status column. Only then are its cells read
 * as the column names; a table whose first row is data keeps no header.
 */
function isLabelRow(row: Element): boolean {
  let namesStatusColumn = false;
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (cell.tagName.toUpperCase() !== 'TD') return false;
    const text = cell.textContent ?? '';
    if (/\d/.test(text)) return false;
    namesStatusColumn ||= namesStatus(text);
  }
  return namesStatusColumn;
}

function labelRowCellAt(row: Element, index: number): Element | null {
  return oncePerTask('label-row', row, isLabelRow) ? cellAt(row, index) : null;
}
const columnHeadersOf = (grid: Element): NodeListOf<Element> => grid.querySelectorAll('[role="columnheader"]');

/** How far a header cell may span: larger spans are read as these (a malformed page stays cheap). */
const MAX_COLSPAN = 64;
const MAX_ROWSPAN = 8;

function span(cell: Element, attribute: 'colspan' | 'rowspan', max: number): number {
  const value = Number.parseInt(cell.getAttribute(attribute) ?? '1', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, max) : 1;
}

/** How many rows a cell covers: `rowspan="0"` covers the rest of its row group (thead, tbody). */
function rowSpan(cell: Element, max: number): number {
  return cell.getAttribute('rowspan')?.trim() === '0' ? Infinity : span(cell, 'rowspan', max);
}

/**
 * Lays rows out on a grid as a browser does: each cell starts in the first column that no cell
 * of a row above still covers, and covers its colspan's columns and its rowspan's rows, never
 * past its row group. `place` gets each cell (our badge is none), its first column and its width.
 */
function layOutRows(rows: Iterable<Element>, maxRowspan: number, place: (cell: Element, column: number, across: number) => void): void {
  /** For each column, the first row index no longer covered by a cell from a row above. */
  let coveredUntil: number[] = [];
  let group: Node | null = null;
  let r = 0;
  for (const row of rows) {
    if (row.parentNode !== group) {
      group = row.parentNode;
      coveredUntil = [];
    }
    let column = 0;
    for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
      if (isOurs(cell)) continue;
      while ((coveredUntil[column] ?? 0) > r) column++;
      const across = span(cell, 'colspan', MAX_COLSPAN);
      place(cell, column, across);
      const until = r + rowSpan(cell, maxRowspan);
      for (let c = column; c < column + across; c++) coveredUntil[c] = until;
      column += across;
    }
    r++;
  }
}

function isHeaderRow(row: Element): boolean {
  if (row.tagName.toUpperCase() !== 'TR' || !row.firstElementChild) return false;
  for (let cell: Element | null = row.firstElementChild; cell; cell = cell.nextElementSibling)
    if (cell.tagName.toUpperCase() !== 'TH') return false;
  return true;
}

/**
 * The columns of a header of several rows, or with cells spanning columns or rows ("Response"
 * over "Code", "Time (ms)" and "Size"; "Recipient" down both rows): each column's header cells,
 * top first. Null when the header is one row without spans (the plain lookup by position serves
 * it) or the first row is no header row.
 */
function readHeaderGrid(first: Element): Element[][] | null {
  if (!isHeaderRow(first)) return null;
  const rows: Element[] = [];
  for (let row: Element | null = first; row && isHeaderRow(row); row = row.nextElementSibling) rows.push(row);
  const spans = rows.some((row) => [...row.children].some((cell) => span(cell, 'colspan', 2) > 1 || rowSpan(cell, 2) > 1));
  if (rows.length < 2 && !spans) return null;
  const columns: Element[][] = [];
  layOutRows(rows, MAX_ROWSPAN, (cell, column, across) => {
    for (let c = column; c < column + across; c++) (columns[c] ??= []).push(cell);
  });
  return columns;
}

/** The column a body cell starts in, counting the columns its row's earlier cells span. */
function columnOf(cell: Element): number {
  let column = 0;
  for (let sibling = cell.previousElementSibling; sibling; sibling = sibling.previousElementSibling)
    column += span(sibling, 'colspan', MAX_COLSPAN);
  return column;
}

/**
 * The name of a td's column under a grouped header: the names of its header cells, top first
 * ("Response Code"); null when the table's first row is a plain header row, or no header. Read
 * once per table and task, like the first row: every numeric cell asks.
 */
function groupedHeaderName(column: number, first: Element): string | null {
  const headers = oncePerTask('header-grid', first, readHeaderGrid)?.[column];
  return headers ? headers.map(headerName).join(' ') : null;
}

/** How many rows a body cell may span: a group of attempts is short; more is read as this. */
const MAX_BODY_ROWSPAN = 256;

/**
 * The column each cell of a table starts in when a body cell spans rows (a profile cell spanning
 * its attempts leaves the later attempt rows a cell short, so position no longer gives the
 * column); null when none does, and the plain lookup by position serves. Read once per table
 * and task: every numeric cell of the table asks.
 */
function bodyColumnsOf(table: Element): Map<Element, number> | null {
  // A data cell or a row header (<th scope="row">) spanning the rows of its group; a span in the
  // <thead> stays in the head (a group never spans another), so it moves no body cell.
  if (!table.querySelector(':is(tbody, tfoot, table) > tr > :is(td, th)[rowspan]')) return null;
  const columns = new Map<Element, number>();
  const rows = [...table.querySelectorAll('tr')].filter((row) => row.closest('table') === table); // a nested table's rows are its own
  layOutRows(rows, MAX_BODY_ROWSPAN, (cell, column) => columns.set(cell, column));
  return columns;
}

/**
 * The name of a td's column: its grouped header's, its table's first row's when made of th, else
 * a detached header table's.
 */
function tableColumnName(cell: Element, row: Element): string | null {
  const table = row.closest('table');
  if (!table) return null;
  const first = oncePerTask('first-row', table, firstRowOf);
  if (first && first !== row) {
    const spanned = oncePerTask('body-columns', table, bodyColumnsOf)?.get(cell);
    const grouped = groupedHeaderName(spanned ?? columnOf(cell), first);
    if (grouped !== null) return grouped;
    const column = spanned ?? indexOf(cell);
    const header = headerCellAt(first, column) ?? labelRowCellAt(first, column);
    if (header) return headerName(header);
  }
  const detached = detachedHeaderRow(table, row.children.length);
  const header = detached ? headerCellAt(detached, indexOf(cell)) : null;
  return header ? headerName(header) : null;
}

/**
 * The column header of an ARIA cell: by aria-colindex when the grid gives one, else by its position
 * among the row's cells, counted in the header row of the same container when it has one (a grid
 * split into pinned parts has a header row in each), else among the grid's column headers.
 */
function ariaHeader(cell: Element, row: Element): Element | null {
  const grid = row.closest(ARIA_GRIDS);
  if (!grid) return null;
  const column = cell.getAttribute('aria-colindex');
  const headers = oncePerTask('column-headers', grid, columnHeadersOf);
  if (column !== null && /^\d+$/.test(column)) {
    for (const header of headers) if (header.getAttribute('aria-colindex') === column) return header;
    return null;
  }
  const index = ariaIndexOf(cell);
  const head = row.parentElement?.firstElementChild;
  if (head && head !== row && head.getAttribute('role') === 'row') {
    let seen = 0;
    for (let child = head.firstElementChild; child; child = child.nextElementSibling) {
      if (child.getAttribute('role') !== 'columnheader') continue;
      if (seen++ === index) return child;
    }
  }
  return headers[index] ?? null;
}

/**
 * The header over a cell of a row of divs (a CSS grid or flex table without ARIA): the first
 * element of the row's parent, when it is another row with as many cells, each a leaf of words;
 * else a header line kept outside the rows' scroller (see detachedHeaderLine).
 */
function divRowHeader(cell: Element, row: Element): Element | null {
  // The lines of one table cell ("503" over "Service Unavailable") are no row of a table of divs.
  if (CELL_TAGS.has(row.tagName.toUpperCase()) || isAriaCell(row)) return null;
  // A row a component draws at the top of its shadow root (a <delivery-row> per row): the host
  // takes the row's place among the rows.
  const placed = row.parentElement ? row : parentOrHost(row);
  const container = placed?.parentElement;
  if (!container) return null;
  const head = container.firstElementChild;
  const width = cellCount(row);
  const line =
    head && head !== placed && isHeaderLine(head, width)
      ? head
      : (slottedHeaderLine(placed, width) ?? detachedHeaderLine(container, width));
  return line ? cellAt(line, indexOf(cell)) : null;
}

/**
 * The header line a component draws in its shadow root just before the slot a row of its light
 * DOM is projected into (a table component that draws the captions and lets the page give the
 * rows): the rows' header, though it is in another tree. Read once per slot and task.
 */
function slottedHeaderLine(row: Element, width: number): Element | null {
  const host = row.parentElement;
  if (!host || row.hasAttribute('slot') || !(host.shadowRoot || isCustomElement(host))) return null;
  const line = oncePerTask('slot-header-line', host, lineBeforeDefaultSlot);
  return line && cellCount(line) === width ? line : null;
}

function lineBeforeDefaultSlot(host: Element): Element | null {
  const line = shadowRootOf(host)?.querySelector('slot:not([name])')?.previousElementSibling;
  return line && isHeaderLine(line, cellCount(line)) && namesAnyColumnStatus(line) ? line : null;
}

/**
 * A line of `width` cells, each a caption of words with no digit (a leaf, or a sort button with
 * its icon): the names of a table's columns.
 */
function isHeaderLine(line: Element, width: number): boolean {
  // Our badge in the first row is no header cell of it (a fuzzed page read one as a header).
  if (cellCount(line) !== width) return false;
  for (let child = line.firstElementChild; child; child = child.nextElementSibling) {
    if (isOurs(child as Node)) continue;
    if (/\d/.test(child.textContent ?? '') || (child.firstElementChild && !oncePerTask('caption-cell', child, isCaptionControl)))
      return false;
  }
  return true;
}

/** Elements a column caption is drawn with: a sort button, its icon, a wrapper of its words. */
const CAPTION_PARTS = new Set(['BUTTON', 'SPAN', 'SVG', 'PATH', 'G', 'USE', 'I', 'IMG', 'STRONG', 'B']);
/** A caption holds a handful of elements; a cell with more is content (a chip list, a form). */
const MAX_CAPTION_PARTS = 8;

/**
 * A header cell drawn as a control: a sort button holding an icon and the caption's words. Data
 * cells hold values (a digit, a link, a field), which the tag list and the digit test keep out.
 */
function isCaptionControl(cell: Element): boolean {
  const parts = cell.querySelectorAll('*');
  if (parts.length > MAX_CAPTION_PARTS) return false;
  let control = false;
  for (const part of parts) {
    const tag = part.tagName.toUpperCase();
    if (!CAPTION_PARTS.has(tag) || isOurs(part)) return false;
    control ||= tag === 'BUTTON' || tag === 'SVG' || (tag === 'I' && isIconGlyph(part));
  }
  // Words wrapped in spans alone may be a data row's; a sort button or an icon marks a caption.
  return control;
}

/** An <i> that draws an icon (empty, styled, or an icon font's private-use glyph), not words. */
function isIconGlyph(element: Element): boolean {
  return !/[\p{L}\p{N}]/u.test(element.textContent ?? '');
}

/**
 * The header line of rows of divs whose header sits outside their container (a sticky header
 * above a scroller, a virtualised list's column captions, a caption line pinned below): the
 * element just before or after the container or one of its near ancestors, when it is a header
 * line as wide as the rows and one of its cells names a status. Looked up once per container and
 * task: its numeric cells would all ask.
 */
function detachedHeaderLine(container: Element, width: number): Element | null {
  const line = oncePerTask('detached-header-line', container, findHeaderLineBeside);
  return line && cellCount(line) === width ? line : null;
}

function findHeaderLineBeside(container: Element): Element | null {
  let box: Element | null = container;
  for (let depth = 0; box && depth < HEADER_TABLE_DEPTH; depth++, box = box.parentElement) {
    const before = box.previousElementSibling;
    const after = box.nextElementSibling;
    if (!before && !after) continue;
    // A caption line pinned below the rows (a footer) names them as one above does.
    for (const line of [before, after]) if (line && isHeaderLine(line, cellCount(line)) && namesAnyColumnStatus(line)) return line;
    // One of a run of boxes of one row each (a <details> per delivery): the run's header line is
    // before its first box, read once per parent and task (each box asking would be quadratic).
    if (before?.tagName !== box.tagName || !box.parentElement) return null;
    const lead = oncePerTask('run-header-line', box.parentElement, leadingHeaderLine);
    return lead && lead.compareDocumentPosition(box) & FOLLOWING ? lead : null;
  }
  return null;
}

/** Children of a parent looked at for the header line of the run of boxes that follows it. */
const MAX_LEADING_CHILDREN = 4;

/** A header line naming a status among a parent's first few children, before a run of boxes. */
function leadingHeaderLine(parent: Element): Element | null {
  let child = parent.firstElementChild;
  for (let i = 0; child && i < MAX_LEADING_CHILDREN; i++, child = child.nextElementSibling) {
    if (isHeaderLine(child, cellCount(child)) && namesAnyColumnStatus(child)) return child;
  }
  return null;
}

/**
 * True for a caption line (a header row of th, a line of div captions) one of whose captions
 * names a status: rows judged before it arrived (a header drawn after its rows) read otherwise
 * now. Most elements leave at the first caption that holds a digit or more than a caption.
 */
export function isStatusCaptionLine(line: Element): boolean {
  return line.childElementCount > 1 && isHeaderLine(line, cellCount(line)) && namesAnyColumnStatus(line);
}

/** Cells of a table's or grid's body, never a caption. */
const DATA_CELLS = 'td, [role="cell"], [role="gridcell"]';

/**
 * The header cell text was put in: a <th> or ARIA column header around it, else the leaf it is
 * all the text of, when that has siblings and the text is a caption's (words, no digit): an empty
 * div caption of a caption line filled in after its rows. Null for other text, and for text in a
 * data cell.
 */
export function captionCellOf(text: Node): Element | null {
  const parent = text.parentElement;
  if (!parent) return null;
  const header = parent.closest('th, [role="columnheader"]');
  if (header) return isHeaderCell(header) ? header : null;
  // A data cell is no caption: a re-rendered row whose cells read "Error" would otherwise walk
  // its whole table once per row.
  if (parent.closest(DATA_CELLS)) return null;
  const leaf = parent.firstChild === text && text.nextSibling === null && !/\d/.test(text.textContent ?? '');
  if (!leaf || !(parent.previousElementSibling ?? parent.nextElementSibling)) return null;
  // The words of one caption drawn as a control (a span beside its sort icon): the control is
  // the cell of the caption line, not the words. A line of several captions stays the line.
  const control = parent.parentElement;
  const part = CAPTION_PARTS.has(parent.tagName.toUpperCase()) && control !== null && wordPartsOf(control) === 1;
  return part && oncePerTask('caption-cell', control, isCaptionControl) ? control : parent;
}

/**
 * How many children of an element show words (letters), counted up to two. An element of more
 * children than a caption holds counts as two unread: it is a line of content, not one control.
 */
function wordPartsOf(element: Element): number {
  if (element.childElementCount > MAX_CAPTION_PARTS) return 2;
  let parts = 0;
  for (let child = element.firstElementChild; child && parts < 2; child = child.nextElementSibling)
    if (/\p{L}/u.test(child.textContent ?? '')) parts++;
  return parts;
}

function namesAnyColumnStatus(line: Element): boolean {
  for (let child = line.firstElementChild; child; child = child.nextElementSibling) if (namesStatus(child.textContent ?? '')) return true;
  return false;
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
    const name = namedHeadersName(cell, headers);
    if (name !== null) return name;
  }
  for (const attribute of OWN_COLUMN_NAMES) {
    const name = cell.getAttribute(attribute);
    if (name) return spacedWords(name);
  }
  // A value that points at its caption (a card's line of values under a line of labels).
  const labelledBy = cell.getAttribute('aria-labelledby');
  const label = labelledBy ? labelledByText(cell, labelledBy) : '';
  return /\S/.test(label) ? label : null;
}

/** At most this many header cells a `headers` list is read from. */
const MAX_NAMED_HEADERS = 6;

/**
 * The column name a cell's `headers` list gives: a table grouped by day or by record lists the
 * group's header and the row's header beside the column's ("d6 r4 c-status"). The header that
 * names a status wins; else the last one that heads no row (a row header names the record, not
 * the column). Null when no listed id is found.
 */
function namedHeadersName(cell: Element, ids: string): string | null {
  let last: string | null = null;
  for (const header of elementsById(cell, ids, MAX_NAMED_HEADERS)) {
    if (isRowHeader(header, cell)) continue;
    const name = headerName(header);
    if (namesStatus(name)) return name;
    last = name;
  }
  return last;
}

/** A header of the cell's own row: scope="row", role="rowheader", or a cell beside it. */
function isRowHeader(header: Element, cell: Element): boolean {
  return (
    header.getAttribute('scope') === 'row' || header.getAttribute('role') === 'rowheader' || header.parentElement === cell.parentElement
  );
}

/** "statusCode" and "response_code" as words ("status Code", "response code"). */
function spacedWords(identifier: string): string {
  return identifier.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]+/g, ' ');
}

/** What names a cell: a column's header (every cell under it is named), or a label before it. */
interface CellName {
  text: string;
  column: boolean;
  /** A header cell of the value's own row names it (a key/value table's <th>): a field's name. */
  field?: boolean;
}

/**
 * A caption and its value alone in their box, with no text of their own around them. Our badge,
 * once put in the box, is no part of it: the row must read the same before and after.
 */
function isPair(box: Element, value: Element): boolean {
  let elements = 0;
  let last: Element | null = null;
  for (let child = box.firstChild; child; child = child.nextSibling) {
    if (isText(child) && /\S/.test(child.data)) return false;
    if (isElement(child) && !isOurs(child)) {
      elements++;
      last = child;
    }
  }
  return elements === 2 && last === value;
}

/** A label/value line holds the two and maybe our badge. */
export const MAX_PAIR_CHILDREN = 3;

/** The header over a cell, or the label before it, when one names it. */
function nameFor(cell: Element): CellName | null {
  const row = cell.parentElement;
  if (!row) return null;
  const own = ownColumnName(cell);
  if (own !== null) return { text: own, column: true };
  const slotted = slotLabel(cell, row);
  if (slotted) return { text: nameOf(slotted), column: false };
  const tag = cell.tagName.toUpperCase();
  let header: Element | null = null;
  let label: Element | null = null;
  // A body row's <th> (a row header: the record's ID, as a server-rendered admin list puts it)
  // is named by its column's header as a <td> is.
  if (tag === 'TD' || tag === 'TH') {
    const column = tableColumnName(cell, row);
    if (column !== null) return { text: column, column: true };
    // A record of <th> pairs ("Status" then 503, both <th>) names a <th> value as a <td>.
    if (row.firstElementChild?.tagName.toUpperCase() === 'TH') label = labelBefore(cell);
  } else if (ARIA_CELL_ROLES.has(cell.getAttribute('role') ?? '')) header = ariaHeader(cell, row);
  else if (tag === 'DD') label = labelBefore(cell);
  else if (!cell.firstElementChild) {
    // A caption beside its value that names a status is the nearest name it has: a card of
    // label/value lines has no header line, though its first line may look like one.
    const pairLabel = row.childElementCount <= MAX_PAIR_CHILDREN && isPair(row, cell) ? labelBefore(cell) : null;
    if (pairLabel && namesStatus(nameOf(pairLabel))) label = pairLabel;
    else header = divRowHeader(cell, row);
    if (!header && !label) label = pairLabel;
  }
  if (header) return { text: headerName(header), column: true };
  if (label) return { text: nameOf(label), column: false, field: label.tagName.toUpperCase() === 'TH' };
  return tooltipName(cell);
}

/**
 * The caption a component draws beside the named slot a value is projected into (a card whose
 * shadow root lays out "Status" and `<slot name="status">` on one line, the page giving only the
 * values): the value's label, though it is not in the value's own tree. Null for other values.
 */
function slotLabel(cell: Element, host: Element): Element | null {
  const name = cell.getAttribute('slot');
  const root = name ? shadowRootOf(host) : null;
  if (!root) return null;
  // The first slot of that name in the root's order is the one the value is assigned to.
  const slot = [...root.querySelectorAll('slot[name]')].find((candidate) => candidate.getAttribute('name') === name);
  const line = slot?.parentElement;
  return slot && line && isPair(line, slot) ? labelBefore(slot) : null;
}

/**
 * A value's tooltip that names it ("Last response" on a chip showing 504), when nothing else
 * does. Only a tooltip that names a status counts: "Copy" or "Click to open" on an ID says nothing
 * of what the number is.
 */
function tooltipName(cell: Element): CellName | null {
  const tip = cell.getAttribute('title') ?? cell.getAttribute('aria-label');
  return tip && !/\d/.test(tip) && namesStatus(tip) ? { text: tip, column: true } : null;
}

/**
 * For a cell holding only a number: "503" when its column's header or its label names a status,
 * "" when a header or a label names something else (an ID, attempts, a duration: never a status,
 * and its number must not be read next to the status; a <th> before it names a field, whatever its
 * word), null when nothing names it, when a label before it is just a word ("Failed" 503: read as
 * the row's text), or when the cell holds more.
 */
export function statusInColumn(cell: Element): string | null {
  // Most cells hold words: their first text says so before the whole cell is read and trimmed.
  if (!mayBeBareNumber(cell)) return null;
  const text = numberText(shownText(cell)).trim();
  if (!BARE_NUMBER.test(text)) return leadingStatus(cell, text);
  const name = nameFor(cell);
  if (name === null) return null;
  if (namesStatus(name.text)) return STATUS_NUMBER.test(text) ? text : CODE_LIST.test(text) ? text.slice(0, 3) : '';
  return name.column || name.field || NOT_STATUS_WORD.test(name.text) ? '' : null;
}

/** The code a status column's cell gives first among its fields ("502 · 1.2 s"), else null. */
function leadingStatus(cell: Element, text: string): string | null {
  const code = LEADING_CODE.exec(text)?.[1];
  if (code === undefined) return null;
  const name = nameFor(cell);
  return name !== null && name.column && namesStatus(name.text) ? code : null;
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

/** At most this many nodes of a component's shadow roots are read for a cell's text. */
const MAX_COMPOSED_NODES = 200;
/** Shadow roots inside shadow roots are followed this deep. */
const MAX_COMPOSED_DEPTH = 4;

/**
 * A cell's text as the page shows it: its own text, or, for a cell that has none but holds a
 * component (a chip whose code is drawn in its shadow root, maybe in a root within that root),
 * the text of the component's shadow roots; without the fallback text of a gauge it holds.
 */
export function shownText(cell: Element): string {
  const own = cell.textContent ?? '';
  if (!cell.firstElementChild) return own;
  if (/\S/.test(own) && !holdsGauge(cell)) return withoutFootnoteMark(cell, own);
  const budget = { nodes: MAX_COMPOSED_NODES };
  return composedText(cell, 0, budget);
}

/** A footnote mark is a digit or two, or a sign (*, †): a longer superscript is a value of its own. */
const MAX_MARK_LENGTH = 2;

/**
 * The cell's text without a footnote mark ending it ("503<sup>1</sup>", shown raised and small,
 * reads "503" to a person, not "5031").
 */
function withoutFootnoteMark(cell: Element, own: string): string {
  const last = cell.lastElementChild;
  if (!last || last.tagName.toUpperCase() !== 'SUP' || /\S/.test(last.nextSibling?.textContent ?? '')) return own;
  const mark = last.textContent ?? '';
  const length = mark.trim().length;
  // Only white space follows the mark: cutting at it leaves the cell's own value.
  return length > 0 && length <= MAX_MARK_LENGTH ? own.slice(0, own.lastIndexOf(mark)) : own;
}

/** True when one of the cell's children is a gauge (its label is the cell's other text). */
function holdsGauge(cell: Element): boolean {
  for (let child = cell.firstElementChild; child; child = child.nextElementSibling) if (isGauge(child)) return true;
  return false;
}

/**
 * True for a shadow host (or a custom element that may be one) with no content of its own: all it
 * shows is what its shadow root draws, nothing slotted from the row around it.
 */
export function drawsOnlyInShadow(host: Element): boolean {
  return !hasPageChild(host) && (host.shadowRoot !== null || isCustomElement(host)) && !/\S/.test(host.textContent ?? '');
}

/** True when an element holds an element child of the page's (our badge, put in it, is none). */
function hasPageChild(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) if (!isOurs(child)) return true;
  return false;
}

/** The text a component with no content of its own draws in its shadow roots ("" for others). */
export function componentText(host: Element): string {
  if (!drawsOnlyInShadow(host)) return '';
  const root = shadowRootOf(host);
  return root ? composedText(root, 1, { nodes: MAX_COMPOSED_NODES }) : '';
}

function composedText(parent: Node, depth: number, budget: { nodes: number }): string {
  let out = '';
  for (let child = parent.firstChild; child && budget.nodes-- > 0; child = child.nextSibling) {
    if (isText(child)) out += child.data;
    if (!isElement(child)) continue;
    const element = child;
    const tag = element.tagName.toUpperCase();
    if (tag === 'STYLE' || tag === 'SCRIPT' || tag === 'TEMPLATE' || isGauge(element)) continue;
    const root = depth < MAX_COMPOSED_DEPTH && (element.shadowRoot || isCustomElement(element)) ? shadowRootOf(element) : null;
    if (root) out += ` ${composedText(root, depth + 1, budget)} `;
    out += composedText(element, depth, budget);
  }
  return out;
}

/** Two or more spaces between two fields: a line whose columns are aligned with spaces. */
const ALIGNED = /\S {2,}\S/;
/** A status-like field standing alone among the fields of a line. */
const LONE_CODE_FIELD = /(?:^|\s)[1-5]\d\d(?:\s|$)/;
/** A header line's fields: words joined by single spaces, set apart by two or more. */
const HEADER_FIELD = /\S+(?: \S+)*/g;
/** Where the status column of each header line starts (-1: it has none). */
const alignedStatusStarts = new Map<string, number>();
const MAX_REMEMBERED_HEADER_LINES = 64;

/**
 * The status on one line of a log drawn as text columns aligned with spaces ("2025-05-02T10:41Z
 * POST  502  30000  0  https://…"), when the first line of the same block is a header line (no
 * digits) that names a status column ("STATUS") starting where this line's field starts. Only
 * that field counts: durations, byte counts and ports on the line are other columns.
 */
export function statusInAlignedLine(text: Text): string | null {
  const line = text.data;
  // includes() first: most text has no run of two spaces, and it costs less than a regex.
  if (line.length > MAX_ALIGNED_LINE || !line.includes('  ') || !ALIGNED.test(line) || !LONE_CODE_FIELD.test(line)) return null;
  const lineElement = text.parentElement;
  const head = lineElement?.parentElement?.firstElementChild;
  if (!lineElement || !head || head === lineElement || head.firstElementChild) return null;
  if (lineElement.firstChild !== text || text.nextSibling) return null; // the node is the whole line
  const start = statusStartOf(head.textContent ?? '');
  if (start < 0 || (start > 0 && line[start - 1] !== ' ')) return null;
  const field = /^\S+/.exec(line.slice(start))?.[0];
  return field !== undefined && STATUS_FIELD.test(field) ? field : null;
}

function statusStartOf(header: string): number {
  let start = alignedStatusStarts.get(header);
  if (start === undefined) {
    if (alignedStatusStarts.size >= MAX_REMEMBERED_HEADER_LINES) alignedStatusStarts.clear();
    start = -1;
    if (!/\d/.test(header) && ALIGNED.test(header)) {
      for (const field of header.matchAll(HEADER_FIELD)) {
        if (namesStatus(field[0])) {
          start = field.index;
          break;
        }
      }
    }
    alignedStatusStarts.set(header, start);
  }
  return start;
}

/** A line of a text log is short; a longer text is prose or a dump, read as it is. */
const MAX_ALIGNED_LINE = 400;

/** Fields of one line joined by a middle dot, a bullet or a bar ("Attempt 3 · 503 · 1.2 s"). */
const FIELD_SEPARATOR = /\s[·•|]\s/;
/** A field that says the line is about one call: an attempt, a retry, a delivery, a request. */
const CALL_WORD = /\b(?:attempt|retry|try|delivery|request|call|webhook)\b/i;
const STATUS_FIELD = /^[1-5]\d\d$/;
/**
 * A field naming the call and where it led: "Attempt 2 → 503", "Retry -> 429", "Attempt 3 (final)
 * → 500". Only a count and a note in brackets may stand before the arrow: "Retry delay → 500" is
 * a delay.
 */
const CALL_RESULT =
  /^(?:attempt|retry|try|delivery|request|call)(?:\s+(?:attempt|retry|try))?\s*(?:#\s*)?(?:\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?)?(?:\s*\([^()]{0,40}\))?\s*(?:→|->|=>|⇒)\s*([1-5]\d\d)$/i;

/**
 * The bare code among the fields of a line about one call ("Attempt 3 · 503 · 1.2 s" gives "503"),
 * else null: a lone number there has no unit and stands where the call's result is shown, while
 * counts carry their unit ("Batch 7 · 500 users").
 */
export function statusInFields(line: string): string | null {
  if (line.length > MAX_FIELDS_LINE || !FIELD_SEPARATOR.test(line)) return null;
  const fields = line.split(FIELD_SEPARATOR).map((field) => field.trim());
  if (!fields.some((field) => CALL_WORD.test(field))) return null;
  const bare = fields.find((field) => STATUS_FIELD.test(field));
  if (bare !== undefined) return bare;
  for (const field of fields) {
    const led = CALL_RESULT.exec(field);
    if (led) return led[1]!;
  }
  return null;
}

/** A line of fields is short; a longer text is prose, read by the detectors as it is. */
const MAX_FIELDS_LINE = 200;
