// From a text node to the row it belongs to, and a row's own text as the detectors read it.
// Everything here is bounded: no recursion, at most MAX_ROW_DEPTH ancestors per lookup, at most
// MAX_ROW_TEXT characters of text per row.
import {
  CREDENTIAL_OR_RATE_LIMIT_HINT,
  GLUED_STATUS_CANDIDATE,
  NETWORK_HINT,
  STATUS_CANDIDATE,
} from '../../engine/detect/shared/prefilter';
import type { SiteAdapter } from '../../providers/site-adapter';
import { codeForReasonPhrase, hasAnyPhraseBefore } from '../../engine/detect/status/status-reasons';
import {
  componentText,
  drawsOnlyInShadow,
  isStatusLabel,
  MAX_PAIR_CHILDREN,
  namesStatus,
  statusInAlignedLine,
  statusInColumn,
  statusInFields,
} from './status-column';
import { ENDS_WITH_KEY_NAME } from '../../engine/secret-hints';
import { cutOutsideToken, EASTERN_ARABIC_STATUS } from '../../engine/text';
import { isCustomElement, shadowRootOf } from './shadow-roots';
import { oncePerTask } from './once-per-task';
import {
  asShadowRoot,
  EDITING_HOST,
  isEditable,
  isElement,
  isOurs,
  isSkipped,
  isText,
  matchesSafely,
  SHOW_ELEMENT,
  SHOW_TEXT,
  skipSubtree,
  GAUGE_TAGS,
} from '../page/dom';

/** How far up from a text node a row may be. */
export const MAX_ROW_DEPTH = 16;
/** Only the first 64 KB of a row's text is scanned (a 1 MB row costs no more than a 64 KB one). */
export const MAX_ROW_TEXT = 64 * 1024;

/**
 * A status candidate that is part of another number or of a measure, which no detector reads as a
 * status: the decimals of a time or a price ("18.675Z", "$480.32", "1,500"), the last part of a
 * version or an address ("v3.1.530", "10.0.0.450"), an order or a price ("#423", "$480") and a
 * duration or size written with its unit ("537 ms", "503 s", "453 KB"; a glued "503s" is a
 * plural). On a log of durations, IDs and counts this turned away two rows in five that the bare
 * candidate let through to the detectors (bench log: 6,177 of 10,000 rows down to 3,618).
 */
// A slash or comma after a status-like number joins a list of codes ("429/503", "404,599"), not a
// date, a fraction or a thousands separator.
const NOT_PART_OF_A_NUMBER = '(?<!\\d[.:-]|[#$])(?:(?<=[45]\\d\\d[/,])|(?<!\\d[/,]))';
// The unit ends where the text or a phrase does: glued to a word of another script ("ms状态码") a
// detector may still read the number.
const UNIT_END = '(?=$|[\\s.,;:!?)\\]}"\'/])';
const MEASURE = ` ?(?:ms|secs?|[KMG]i?B)${UNIT_END}| (?:s|seconds?|minutes?)${UNIT_END}`;
const NOT_A_MEASURE = `(?!${MEASURE})`;
/**
 * A candidate with a unit after it is still a status when its reason phrase comes first ("Too Many
 * Requests 429 s"): the status detector reads it so, and the hint must never turn away a row a
 * detector reports (found by the property test in content-rows.test.ts).
 */
const MEASURED_CANDIDATE = new RegExp(`${NOT_PART_OF_A_NUMBER}${STATUS_CANDIDATE.source}(?=${MEASURE})`, 'g');
const hasNamedMeasuredCandidate = (text: string): boolean => {
  MEASURED_CANDIDATE.lastIndex = 0;
  for (let match = MEASURED_CANDIDATE.exec(text); match; match = MEASURED_CANDIDATE.exec(text))
    if (hasAnyPhraseBefore(text, match.index)) return true;
  return false;
};

/**
 * The hint's cheap part (no case folding): a status code candidate that stands alone (in Eastern
 * Arabic digits too), a masked secret, or a status class ("4xx", a chip whose exact code is in
 * its tooltip).
 */
const NUMBER_OR_MASK_HINT = new RegExp(
  `${NOT_PART_OF_A_NUMBER}${STATUS_CANDIDATE.source}${NOT_A_MEASURE}|${GLUED_STATUS_CANDIDATE.source}|###|\\*\\*\\*|\\b[1-5]xx\\b|${EASTERN_ARABIC_STATUS.source}`,
);
const WORD_HINT = new RegExp(`${NETWORK_HINT.source}|${CREDENTIAL_OR_RATE_LIMIT_HINT.source}`, 'i');

/**
 * Cheap test of a text node: could it be part of a failure the detectors report? A status code
 * candidate (in Latin or Eastern Arabic digits), a masked secret, or the hint of the network,
 * credential or rate-limit prefilter.
 * Two regexes: the short one first answers for most log text without the long alternation.
 */
export const ERROR_HINT = {
  test: (text: string): boolean => NUMBER_OR_MASK_HINT.test(text) || WORD_HINT.test(text) || hasNamedMeasuredCandidate(text),
};

/**
 * For the first digit of a status split into inline elements (an odometer's
 * "<b>5</b><b>0</b><b>2</b>"), the element holding it, else null: a text node of one 4 or 5
 * alone in an element that is no cell, followed with nothing between by an element whose text
 * goes on with a digit. No piece holds a code, so the hint never fires for them; the row is looked
 * up from the holder, since the pieces repeat like rows of their own. Counts in cells of their own
 * ("4" | "500") are no such digit.
 */
export function splitNumberHolder(text: Text, data = text.data): Element | null {
  if (data.length !== 1 || (data !== '4' && data !== '5')) return null;
  const holder = text.parentElement;
  if (!holder || text.previousSibling || text.nextSibling || CELL_TAGS.has(holder.tagName.toUpperCase())) return null;
  const next = holder.nextSibling;
  return next !== null && isElement(next) && STARTS_WITH_DIGIT.test(next.textContent ?? '') ? holder : null;
}

/** Any visible character (unlike trim(), no copy of a 1 MB node). */
const HAS_TEXT = /\S/;

/** Rows every page may use, when the adapter's own selectors miss. */
const SEMANTIC_ROWS = 'tr, [role="row"], li, [role="listitem"]';

const BLOCK_TAGS = new Set([
  'DIV',
  'P',
  'LI',
  'TD',
  'TH',
  'TR',
  'DD',
  'DT',
  'PRE',
  'SECTION',
  'ARTICLE',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'MAIN',
  'NAV',
  'BLOCKQUOTE',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'DL',
  'UL',
  'OL',
  'TABLE',
  'TBODY',
  'FORM',
  'FIELDSET',
  'DIALOG',
  'DETAILS',
  'SUMMARY',
]);
const NEVER_ROWS = new Set(['HTML', 'BODY', 'HEAD', 'TBODY', 'THEAD', 'TFOOT', 'TABLE', 'UL', 'OL', 'DL']);

function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.tagName.toUpperCase());
}

function signature(element: Element): string {
  return `${element.tagName}.${element.getAttribute('class') ?? ''}`;
}

/** True when a close sibling looks the same (same tag and classes): a list entry or a cell. */
function isRepeated(element: Element): boolean {
  const own = signature(element);
  let before = element.previousElementSibling;
  let after = element.nextElementSibling;
  for (let i = 0; i < 2; i++) {
    if (before && signature(before) === own) return true;
    if (after && signature(after) === own) return true;
    before = before?.previousElementSibling ?? null;
    after = after?.nextElementSibling ?? null;
  }
  return false;
}

/** The ancestors of a node, nearest first, stopping at the body or a shadow root's top. */
function ancestorsOf(node: Node): Element[] {
  const chain: Element[] = [];
  for (let el = node.parentElement; el && chain.length < MAX_ROW_DEPTH; el = el.parentElement) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'HTML') break;
    chain.push(el);
  }
  return chain;
}

/**
 * Text inside these is never log text: code, styles, form controls, editors. Our own hosts hold
 * no light-DOM text, and page content that carries our attribute is still the page's log.
 */
export const NOT_LOG_TEXT = `script,style,noscript,template,textarea,select,option,svg,canvas,head,${GAUGE_TAGS.join(',')},${EDITING_HOST}`;

/** `closest`, but only when the match is at most MAX_ROW_DEPTH levels up. */
function closestNear(start: Element, selector: string): Element | null {
  let found: Element | null;
  try {
    found = start.closest(selector);
  } catch {
    return null; // an invalid adapter selector must not break the scan
  }
  if (!found) return null;
  let el: Element | null = start;
  for (let i = 0; el && i < MAX_ROW_DEPTH; i++, el = el.parentElement) if (el === found) return found;
  return null;
}

/**
 * The row a text node belongs to: the adapter's row, else a semantic row (tr, li, role=row), else
 * by shape: the nearest element repeated among its siblings (a cell's row when its parent repeats
 * too), else the nearest block. Null for text that is not log text (scripts, editors, areas the
 * adapter ignores) and for text directly in body, tables or lists.
 */
export function rowFor(node: Node, adapter: SiteAdapter, hostsCrossed = 0): Element | null {
  const parent = node.parentElement;
  if (!parent) {
    // A node at the top of a shadow root (a component inside a component) belongs to the host's row.
    const host = hostsCrossed < MAX_HOSTS_CROSSED ? valueHost(node.parentNode, node) : null;
    return host && rowFor(host, adapter, hostsCrossed + 1);
  }
  // A document in design mode is an editor's content as a whole (e-mail editors write the
  // message in such a frame): a badge there would go into the message, as in an editing host.
  if (parent.ownerDocument.designMode === 'on') return null;
  const notLog = parent.closest(NOT_LOG_TEXT);
  if (notLog) return hostsCrossed === 0 ? rowOfDrawnStatus(notLog, parent, adapter) : null;
  if (isHiddenByShadowHost(parent)) return null;
  if (adapter.ignore) {
    try {
      if (parent.closest(adapter.ignore)) return null;
    } catch {
      // invalid selector: ignore nothing
    }
  }
  const adapterRow = adapter.rows ? closestNear(parent, adapter.rows) : null;
  if (adapterRow) return adapterRow;
  const semantic = closestNear(parent, SEMANTIC_ROWS);
  if (semantic) return isTreeField(semantic) ? (recordAboveTree(semantic, ancestorsOf(node)) ?? semantic) : semantic;
  const chain = ancestorsOf(node);
  const fieldLine = fieldLineEndIn(chain, node);
  if (fieldLine) return fieldLine;
  const repeated = chain.find((el) => !NEVER_ROWS.has(el.tagName.toUpperCase()) && isRepeated(el));
  if (repeated && isPairPart(repeated)) return recordAbove(repeated, chain);
  if (repeated) return rowOfRepeated(repeated, chain);
  const block = chain.find((el) => isBlock(el) && !NEVER_ROWS.has(el.tagName.toUpperCase()));
  const nearest = chain[0];
  const own = block ?? (nearest && !NEVER_ROWS.has(nearest.tagName.toUpperCase()) ? nearest : null);
  const host = hostsCrossed < MAX_HOSTS_CROSSED ? componentHost(chain, own) : null;
  return (host && rowFor(host, adapter, hostsCrossed + 1)) ?? detailsOfBody(own);
}

/** Nodes of one line of a <pre> looked at, at most: a line of fields is short. */
const MAX_LINE_NODES = 64;

/**
 * The row of a node on a line of a <pre> log drawn as fields with no element per line (an ANSI
 * log: a colour span per field, lines joined by newlines): the line's last element, which stands
 * for the line (rowText reads the whole line for it). Null for a <pre> of lines that are elements
 * of their own, or of plain text.
 */
function fieldLineEndIn(chain: readonly Element[], node: Node): Element | null {
  // Looked at for every row found by shape: plain compares (an HTML page's tags are upper case).
  const at = chain.findIndex(isPre);
  if (at < 0 || chain.slice(0, at).some(isBlock)) return null;
  const piece = at > 0 ? chain[at - 1]! : node;
  return isText(piece) && piece.data.includes('\n') ? lineEndAtBreak(piece) : fieldLineEnd(piece);
}

/**
 * For text that holds a line break, the field line its hint is on: the one its first line ends
 * (" 502 Bad Gateway\n" after a line's last element) or the one its last line starts
 * ("\n2025-05-02 " before a line's first element). When more than one of its lines has a hint
 * (both ends, or a plain-text line between), null: the <pre> is the row, so no line goes unread.
 */
function lineEndAtBreak(text: Text): Element | null {
  const data = text.data;
  const firstBreak = data.indexOf('\n');
  const lastBreak = data.lastIndexOf('\n');
  const first = ERROR_HINT.test(data.slice(0, firstBreak));
  const last = ERROR_HINT.test(data.slice(lastBreak + 1));
  if (first === last || ERROR_HINT.test(data.slice(firstBreak + 1, lastBreak))) return null;
  return first ? fieldLineLast(walkLine(text.previousSibling, false)) : fieldLineLast(walkLine(text.nextSibling, true));
}

/** The elements of a line from `from` on, one way, up to the text that breaks it; null when a block cuts it. */
interface LinePart {
  elements: number;
  /** The element furthest from `from`'s start going forward; going back, the nearest one. */
  last: Element | null;
}

function walkLine(from: Node | null, forward: boolean): LinePart | null {
  let elements = 0;
  let last: Element | null = null;
  let steps = 0;
  for (let n = from; n && steps < MAX_LINE_NODES && !endsLine(n); n = forward ? n.nextSibling : n.previousSibling, steps++) {
    if (!isPageElement(n)) continue;
    if (isBlock(n)) return null;
    if (!showsBadgeInside(n)) continue;
    elements++;
    if (forward || !last) last = n;
  }
  return { elements, last };
}

/**
 * False for an element that could not show a line's badge put inside it (a form control, a
 * replaced element, a host whose shadow root draws no light DOM): it is no field of the line.
 */
function showsBadgeInside(element: Element): boolean {
  return !NOT_SLOTS.has(element.tagName.toUpperCase()) && !drawsOnlyItsRoot(element);
}

const fieldLineLast = (part: LinePart | null): Element | null => (part && part.elements >= 2 ? part.last : null);

/**
 * The last element of the line `piece` is on, when the line holds two elements or more, all
 * inline: a block (a `<div>` per line in a `<pre>`) is a line of its own, not a field.
 */
function fieldLineEnd(piece: Node): Element | null {
  const before = walkLine(piece.previousSibling, false);
  const after = before && walkLine(piece, true);
  if (!before || !after || spansLines(piece)) return null;
  return fieldLineLast({ elements: before.elements + after.elements, last: after.last ?? before.last });
}

/**
 * True when `piece` holds a line break or is too big to be one field. Read node by node, never
 * whole: in a `<pre><code>` log the piece is the whole log, and each hit in it would copy it.
 */
function spansLines(piece: Node): boolean {
  if (isText(piece)) return piece.data.includes('\n');
  const walker = (piece.ownerDocument ?? document).createTreeWalker(piece, SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (++seen > MAX_LINE_NODES || (n as Text).data.includes('\n')) return true;
  return false;
}

/** A plain compare: asked of every row's parent (an HTML page's tags are upper case). */
function isPre(element: Element): boolean {
  return element.tagName === 'PRE' || element.tagName === 'pre';
}

function endsLine(node: Node): boolean {
  return isText(node) && node.data.includes('\n');
}

function isPageElement(node: Node): node is Element {
  return isElement(node) && !isOurs(node);
}

/**
 * The text of the line a field line's last element ends (see fieldLineEndIn), else null: with
 * the text before its first element and after its last one, up to the line breaks.
 */
function fieldLineText(end: Element, adapter: SiteAdapter, inlineGap: string, choices: boolean): string | null {
  const pre = end.parentElement;
  if (!pre || !isPre(pre) || fieldLineEnd(end) !== end) return null;
  let start: Node = end;
  let steps = 0;
  let n: Node | null = end.previousSibling;
  for (; n && steps < MAX_LINE_NODES && !endsLine(n); n = n.previousSibling, steps++) start = n;
  let out = n && isText(n) && endsLine(n) ? n.data.slice(n.data.lastIndexOf('\n') + 1) : '';
  for (n = start; n; n = n === end ? null : n.nextSibling) {
    if (isText(n)) out += n.data;
    else if (isPageElement(n)) out += elementText(n, adapter, inlineGap, choices);
  }
  for (n = end.nextSibling; n && steps < 2 * MAX_LINE_NODES; n = n.nextSibling, steps++) {
    if (!isText(n)) continue;
    if (endsLine(n)) return out + n.data.slice(0, n.data.indexOf('\n'));
    out += n.data;
  }
  return out;
}

/** True for an element of the chain that may be a row and looks like a sibling of its own. */
function isRepeatedRow(element: Element | null, chain: readonly Element[]): boolean {
  return element !== null && chain.includes(element) && !NEVER_ROWS.has(element.tagName.toUpperCase()) && isRepeated(element);
}

/**
 * The row of the nearest repeated element: its parent when that repeats too (a cell of a row);
 * for a leaf cell whose line is a block that does not (one line of a card drawn in two:
 * captions, then values), the card above the line when that repeats; else the element itself.
 */
function rowOfRepeated(repeated: Element, chain: readonly Element[]): Element {
  const row = repeatedRowOf(repeated, chain);
  const record = recordOfField(row);
  if (!record) return cardOfStatusTile(row, chain) ?? row;
  // A box of fields that is one line of a repeated card (a footer of "HTTP 500 · Took 640 ms")
  // describes that card: the card, with its URL and event, is the row.
  const card = record.parentElement;
  return !isRepeated(record) && isRepeatedRow(card, chain) ? card! : record;
}

function repeatedRowOf(repeated: Element, chain: readonly Element[]): Element {
  const up = repeated.parentElement;
  if (up && (isRepeatedRow(up, chain) || isComponentRow(up))) return up;
  const record = up && !repeated.firstElementChild && isBlock(up) ? up.parentElement : null;
  return record && isRepeatedRow(record, chain) ? record : repeated;
}

/**
 * The record a label/value line is a field of, when the lines around it hold a status ("Status
 * code" 504), as a <dl>'s pairs are: the card or details panel they describe is the row, and the
 * status is read beside the record's other fields, not alone on its line. Null otherwise.
 */
function recordOfField(line: Element): Element | null {
  const box = isPairLine(line) ? line.parentElement : null;
  if (!box || NEVER_ROWS.has(box.tagName.toUpperCase())) return null;
  return oncePerTask('status-field-record', box, holdsStatusField) ? box : null;
}

/** How far down a tile's label/value pair may sit (a stat block wraps its <dl> in a div or two). */
const MAX_TILE_DEPTH = 3;
/** How far above a tile its card may sit: the line of tiles, a card body, the card. */
const MAX_TILE_CLIMB = 3;

/**
 * The card a repeated tile describes when the tile is one status label over its value (a
 * dashboard "stat" block: "Response" above 503, beside "Attempts" and "Latency" tiles): the
 * nearest repeated element a few levels above the tile whose look-alike holds a tile of the same
 * shape, and which holds no table or list. Null for any other tile, for a line of two status
 * tiles (each is a row), and where no such card repeats (a lone card in a grid of columns).
 */
function cardOfStatusTile(tile: Element, chain: readonly Element[]): Element | null {
  const line = tile.parentElement;
  if (!line || !isStatusTile(tile) || statusTilesOf(line) !== 1) return null;
  const at = chain.indexOf(tile);
  if (at < 0) return null;
  const above = chain.slice(at + 1, at + 1 + MAX_TILE_CLIMB);
  const level = above.findIndex((el) => !NEVER_ROWS.has(el.tagName.toUpperCase()) && isRepeated(el));
  const card = above[level];
  if (!card || card.querySelector('table, ul, ol')) return null;
  // The path from the card down to the tile, which a card of the same shape repeats.
  const path = [...above.slice(0, level).reverse(), tile];
  return hasTwinHolding(card, path) ? card : null;
}

function isStatusTile(tile: Element): boolean {
  let pair: Element | null = tile;
  for (let depth = 0; pair && !isPairLine(pair); depth++)
    pair = depth < MAX_TILE_DEPTH && pair.childElementCount === 1 ? pair.firstElementChild : null;
  const label = pair?.firstElementChild;
  return !!label && isStatusLabel(label);
}

/** How many children of a line of tiles are status tiles, counted up to two; a long line is a list. */
function statusTilesOf(line: Element): number {
  if (line.childElementCount > MAX_RECORD_FIELDS) return 2;
  let tiles = 0;
  for (let child = line.firstElementChild; child && tiles < 2; child = child.nextElementSibling) if (isStatusTile(child)) tiles++;
  return tiles;
}

/** True when a close look-alike of the card holds elements of the same tags and classes down the path. */
function hasTwinHolding(card: Element, path: readonly Element[]): boolean {
  const own = signature(card);
  const near = [
    card.previousElementSibling,
    card.previousElementSibling?.previousElementSibling,
    card.nextElementSibling,
    card.nextElementSibling?.nextElementSibling,
  ];
  return near.some((twin) => !!twin && signature(twin) === own && holdsPath(twin, path, 0));
}

function holdsPath(box: Element, path: readonly Element[], from: number): boolean {
  const step = path[from];
  if (!step) return true;
  const want = signature(step);
  for (let child = box.firstElementChild; child; child = child.nextElementSibling)
    if (signature(child) === want && holdsPath(child, path, from + 1)) return true;
  return false;
}

/** A label/value line: two elements of the page (our badge may be a third). */
function isPairLine(line: Element): boolean {
  if (line.childElementCount > MAX_PAIR_CHILDREN) return false;
  let own = 0;
  for (let child = line.firstElementChild; child; child = child.nextElementSibling) if (!isOurs(child)) own++;
  return own === 2;
}

/**
 * A record of label/value lines (a details panel) has a score of them at most (a call inspector
 * lists ids, URL, method, times, sizes, attempts); a list has more.
 */
const MAX_RECORD_FIELDS = 24;

/**
 * True for a short box of label/value lines exactly one of which is a status label and its value.
 * A box where several are ("Attempt 1 status" 503, "Attempt 2 status" 502) is a list of
 * deliveries, each its own row; a line of more than a label and a value is an entry, not a field.
 */
function holdsStatusField(box: Element): boolean {
  if (box.childElementCount > MAX_RECORD_FIELDS) return false;
  let statusLines = 0;
  for (let line = box.firstElementChild; line; line = line.nextElementSibling) {
    const label = isPairLine(line) ? line.firstElementChild : null;
    if (label && isStatusLabel(label)) statusLines++;
  }
  return statusLines === 1;
}

/**
 * True for the line a component draws as the whole of its shadow root when the components repeat
 * (a `<delivery-row>` per row of a list): alone in its root it repeats through its host. A short
 * value (a status chip, two chips in one cell) belongs to the host's row instead (valueHost),
 * unless it is a line of three cells or more.
 */
function isComponentRow(line: Element): boolean {
  if (line.parentElement) return false;
  const host = asShadowRoot(line.parentNode)?.host;
  return !!host && isRepeated(host) && ((line.textContent ?? '').trim().length > MAX_VALUE_LENGTH || holdsCells(line));
}

/** A line of this many cells of text is a row of columns, however short: a chip shows a code and its reason. */
const MIN_ROW_CELLS = 3;

/** True when at least MIN_ROW_CELLS children of the line hold text (a very short row: "/b/ord 502 2 812"). */
function holdsCells(line: Element): boolean {
  let cells = 0;
  for (let child = line.firstElementChild; child && cells < MIN_ROW_CELLS; child = child.nextElementSibling)
    if (/\S/.test(child.textContent ?? '')) cells++;
  return cells >= MIN_ROW_CELLS;
}

/**
 * The <details> a block is the body of, else the block: the details is the row (its summary says
 * what the body holds, and is all a closed one draws; badgeSlot puts the badge there).
 */
function detailsOfBody(block: Element | null): Element | null {
  const parent = block?.parentElement;
  return parent && parent.tagName.toUpperCase() === 'DETAILS' && block.tagName.toUpperCase() !== 'SUMMARY' ? parent : block;
}

/** SVG elements that draw text: a chip's code in a <text> is shown like any text. */
const SVG_TEXT_TAGS = new Set(['text', 'tspan', 'TEXT', 'TSPAN']);

/**
 * The row of a code an inline SVG draws as the value of a status cell (a chip of a <rect> and a
 * <text> under "Status"), or names in its own <title> when it draws no text (a status icon), else
 * null: other SVG text (chart ticks, a chart's title) and the text of scripts, styles and editors
 * is no log text.
 */
function rowOfDrawnStatus(notLog: Element, parent: Element, adapter: SiteAdapter): Element | null {
  if (notLog.tagName.toLowerCase() !== 'svg') return null;
  if (parent.parentElement === notLog && iconTitleWithCode(notLog) !== null) return rowFor(notLog, adapter, 1);
  if (!SVG_TEXT_TAGS.has(parent.tagName)) return null;
  const cell = notLog.parentElement;
  return cell && statusInColumn(cell) ? rowFor(notLog, adapter, 1) : null;
}

/**
 * The name an icon drawn as an inline SVG gives in its own <title> child when it holds a code and
 * the SVG draws no text ("500 Internal Server Error" on a red circle), else null: that title is
 * the icon's tooltip and accessible name, read as a title attribute is. Chart text, drawn in
 * <text>, is not such a name.
 */
function iconTitleWithCode(svg: Element): string | null {
  let title: Element | null = null;
  for (let child = svg.firstElementChild; child && !title; child = child.nextElementSibling)
    if (child.tagName.toLowerCase() === 'title') title = child;
  const name = atMostTooltipLength(title?.textContent ?? null);
  if (!name || !CODE_IN_ATTRIBUTE.test(name)) return null;
  return svg.querySelector('text') ? null : name;
}

const LIST_PARTS = new Set(['LI', 'UL', 'OL']);
/** A key shown before its value in a tree of fields: "status:", a <label>. */
const MAX_KEY_LENGTH = 40;

/** The key a list item shows before its one value ("status:" before "502"), else null. */
function fieldKey(item: Element): string | null {
  if (item.childElementCount !== 2) return null;
  for (let child = item.firstChild; child; child = child.nextSibling) if (isText(child) && HAS_TEXT.test(child.data)) return null;
  const key = item.firstElementChild!;
  const text = (key.textContent ?? '').trim();
  if (!text || text.length > MAX_KEY_LENGTH || key.firstElementChild) return null;
  return key.tagName.toUpperCase() === 'LABEL' || text.endsWith(':') ? text : null;
}

/**
 * True for a list item that is one field of a record drawn as a tree (a JSON viewer's
 * `<li><label>status:</label><span>502</span></li>`, its list inside another item): a neighbour
 * is a field under another key. Items of a log repeat their shape, not a set of keys.
 */
function isTreeField(item: Element): boolean {
  if (item.tagName.toUpperCase() !== 'LI' || item.parentElement?.parentElement?.tagName.toUpperCase() !== 'LI') return false;
  const key = fieldKey(item);
  if (key === null) return false;
  const neighbour = item.previousElementSibling ?? item.nextElementSibling;
  const other = neighbour ? fieldKey(neighbour) : null;
  return other !== null && other !== key;
}

/**
 * The record a tree of fields describes (a delivery's card): past the tree's nested lists, the
 * nearest repeated element, else the nearest block.
 */
function recordAboveTree(field: Element, chain: readonly Element[]): Element | null {
  let at = chain.indexOf(field);
  while (at >= 0 && at < chain.length && LIST_PARTS.has(chain[at]!.tagName.toUpperCase())) at++;
  if (at < 0) return null;
  return nearestRecord(chain.slice(at));
}

/**
 * True when an element (or one of its ancestors) is a shadow host whose root has no <slot>: the
 * host draws only its root, so its light DOM, text included, is never shown. Such text is not
 * judged; the row is judged once, by the root's text. Roots are looked for as the scan finds
 * them: open ones on any element, closed ones on custom elements.
 */
export function isHiddenByShadowHost(element: Element): boolean {
  let el: Element | null = element;
  for (let i = 0; el && i < MAX_ROW_DEPTH; i++, el = el.parentElement) {
    if (drawsOnlyItsRoot(el)) return true;
  }
  return false;
}

/** True for a shadow host whose root has no <slot>. Asked of a hit's text and again of its row: read once a task. */
function drawsOnlyItsRoot(element: Element): boolean {
  return (element.shadowRoot !== null || isCustomElement(element)) && oncePerTask('hides-light-dom', element, hidesLightDom);
}

function hidesLightDom(host: Element): boolean {
  const root = shadowRootOf(host);
  return root !== null && root.querySelector('slot') === null;
}

/** Shadow roots inside shadow roots a value's row is looked for across. */
const MAX_HOSTS_CROSSED = 4;
/** A shadow root whose whole text is at most this long draws one value, not rows of a log. */
const MAX_VALUE_LENGTH = 32;

/**
 * The host of the shadow root a chain of ancestors ends in, when that root draws a single short
 * value (a status chip component): the value belongs to the row the host sits in, not to a row
 * of its own inside the component.
 */
function componentHost(chain: readonly Element[], own: Element | null): Element | null {
  const top = chain[chain.length - 1];
  return top && own ? valueHost(top.parentNode, own) : null;
}

/**
 * The host of `root` when it is a shadow root, `value` drawn in it is a short value and the host
 * has no content of its own (the host's row then reads the value: see componentText).
 */
function valueHost(root: Node | null, value: Node): Element | null {
  const host = asShadowRoot(root)?.host ?? null;
  if (!host || !drawsOnlyInShadow(host)) return null;
  return (value.textContent ?? '').trim().length <= MAX_VALUE_LENGTH ? host : null;
}

/** The parts of a <dl>'s key/value pairs: one pair is no row, the record they describe is. */
const PAIR_PARTS = new Set(['DT', 'DD']);

/** A term, a definition, or the <div> HTML allows around one pair of them inside a <dl>. */
function isPairPart(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  return PAIR_PARTS.has(tag) || (tag === 'DIV' && element.parentElement?.tagName.toUpperCase() === 'DL');
}

/**
 * The record a <dl> describes (a detail panel, a card): the list itself when lists like it repeat
 * beside it (one <dl> per attempt), else the nearest repeated element above the list, else its
 * nearest block, else the list's parent.
 */
function recordAbove(part: Element, chain: readonly Element[]): Element | null {
  const at = chain.indexOf(part);
  const list = chain[at + 1];
  if (list && list.tagName.toUpperCase() === 'DL' && isRepeated(list)) return list;
  return nearestRecord(chain.slice(at + 2)); // past the pair part and its <dl>
}

/** Among ancestors (nearest first), the nearest repeated element, else the nearest block. */
function nearestRecord(above: readonly Element[]): Element | null {
  return (
    above.find((el) => !NEVER_ROWS.has(el.tagName.toUpperCase()) && isRepeated(el)) ??
    above.find((el) => isBlock(el) && !NEVER_ROWS.has(el.tagName.toUpperCase())) ??
    null
  );
}

/** Cells whose children may be a status column's value: table cells, ARIA cells, the adapter's. */
const CELL_TAGS = new Set(['TD', 'TH', 'DD']);

/** The bare status a cell shows under a status column (or in the adapter's status cells), "" for a number under another header, else null. */
function statusCellValue(cell: Element, adapter: SiteAdapter): string | null {
  if (adapter.statusCells && matchesSafely(cell, adapter.statusCells)) {
    const bare = (cell.textContent ?? '').trim();
    return /^\d{3}$/.test(bare) ? bare : null;
  }
  // Besides cells: a leaf (a div of a CSS-grid row, a card's value span) named by a header or label.
  if (!CELL_TAGS.has(cell.tagName.toUpperCase()) && !cell.hasAttribute('role') && cell.firstElementChild) return null;
  return statusInColumn(cell);
}

/**
 * How a code known to be a status by its place is written into the row's text: "HTTP 503" names
 * that one number alone, where "status code 503" would make the detectors read the row's other
 * lone numbers (sizes, counts) as statuses too.
 */
function statusLine(code: string): string {
  return `HTTP ${code}`;
}

/** A status code in an attribute: a tooltip or an accessible name gives the value a chip shortens. */
const CODE_IN_ATTRIBUTE = /\b[1-5]\d\d\b/;
/** Visible text that abbreviates a value: a status class ("4xx") or a cut text ("408 Requ…"). */
const ABBREVIATED = /^(?:[1-5]xx|.*(?:…|\.\.\.))$/i;

/**
 * Attributes that tell a reader what an element stands for: a tooltip, an accessible name, and
 * the tooltip Bootstrap moves a title into when it sets its own up (v5 and v4 spellings), which
 * it then shows on hover.
 */
const DESCRIBING_ATTRIBUTES = ['title', 'aria-label', 'data-bs-original-title', 'data-original-title'];
/** Attributes a component keeps its status in when it draws only an icon (`data-status="502"`). */
const STATUS_DATA_ATTRIBUTES = ['data-status', 'data-status-code', 'data-http-status', 'data-response-code'];

/**
 * The first describing attribute that holds a code, or, on an element that starts with no text
 * (an icon's wrapper), a status data attribute that is a bare code.
 */
function attributeWithCode(element: Element): string | null {
  for (const name of DESCRIBING_ATTRIBUTES) {
    const value = atMostTooltipLength(element.getAttribute(name));
    if (value && CODE_IN_ATTRIBUTE.test(value)) return value;
  }
  const machine = machineValue(element);
  if (machine !== null) return machine;
  const first = element.firstChild;
  if (first && isText(first) && HAS_TEXT.test(first.data)) return null;
  for (const name of STATUS_DATA_ATTRIBUTES) {
    const value = element.getAttribute(name)?.trim();
    if (value && STATUS_VALUE.test(value)) return value;
  }
  return null;
}

/**
 * A tooltip or accessible name is read for its first 1,000 characters (less a token the cut
 * would halve, see cutOutsideToken): one that said "HTTP 500 …"
 * over 6 MB on each of 20 icons made the rows' text 64 KB of statuses each, two seconds of work.
 */
const MAX_TOOLTIP_TEXT = 1_000;

function atMostTooltipLength(value: string | null): string | null {
  return value !== null ? cutOutsideToken(value, MAX_TOOLTIP_TEXT) : value;
}

const STATUS_VALUE = /^[1-5]\d\d$/;
const CODE_ATTRIBUTES = new Set([...DESCRIBING_ATTRIBUTES, ...STATUS_DATA_ATTRIBUTES]);

/**
 * False when the element has none of the attributes attributeWithCode reads: one read of the
 * attribute names instead of six lookups, for the many elements with a class or no attribute.
 */
export function mayHaveCodeAttribute(element: Element): boolean {
  if (!element.hasAttributes()) return false;
  return element.getAttributeNames().some((name) => CODE_ATTRIBUTES.has(name.toLowerCase())) || isDataElement(element);
}

/** A <data> element: its `value` is the machine-readable form of what it shows. */
function isDataElement(element: Element): boolean {
  return element.tagName === 'DATA' || element.tagName === 'data';
}

/**
 * The bare code a <data value="503"> keeps while it shows words ("Service Unavailable"), else null.
 * Read as a tooltip's code is: it counts only beside that very code's reason phrase, or alone.
 */
function machineValue(element: Element): string | null {
  if (!isDataElement(element)) return null;
  const value = element.getAttribute('value')?.trim();
  return value && STATUS_VALUE.test(value) ? value : null;
}

/**
 * True for an element that shows no text of its own (empty, or one icon), or only the reason phrase
 * of the code, or no number at all under an accessible name that has one, and carries a status in
 * an attribute: its row has nothing a text walk would stop at, so the element walk judges it.
 */
export function showsStatusOnlyInAttribute(element: Element): boolean {
  if (!mayHaveCodeAttribute(element)) return false;
  if (labelWithCodeTextLacks(element) !== null) return true;
  if (element.childElementCount > 1) return false;
  const first = element.firstChild;
  const showsText = first && isText(first) && (first.nextSibling || HAS_TEXT.test(first.data));
  if (!showsText && attributeWithCode(element) !== null && !HAS_TEXT.test(element.textContent ?? '')) return true;
  return showsReasonOfAttributeCode(element);
}

/**
 * The full value an element's title, aria-label, status data attribute or (an SVG icon's) own
 * <title> gives when its visible text shows less of it (an icon with no text, a "4xx" chip, a cell
 * cut with an ellipsis), else null. A bare code there is read as a status.
 */
function fullValueInAttribute(element: Element): string | null {
  if (!mayHaveCodeAttribute(element)) return isSvg(element) ? iconTitleValue(element) : null;
  const value = attributeWithCode(element);
  if (!value) return null;
  const shown = (element.textContent ?? '').trim();
  if (shown && !ABBREVIATED.test(shown)) return codeNamedByShownReason(value, shown) ?? labelWithCodeTextLacks(element);
  const bare = value.trim();
  return /^\d{3}$/.test(bare) ? statusLine(bare) : bare;
}

/** Read for every element of a row without a code attribute: a plain compare (an HTML page's svg is lower case). */
function isSvg(element: Element): boolean {
  return element.tagName === 'svg' || element.tagName === 'SVG';
}

/** An SVG icon's code as its <title> child gives it (see iconTitleWithCode), a bare code as a status line. */
function iconTitleValue(svg: Element): string | null {
  const bare = iconTitleWithCode(svg)?.trim();
  if (!bare) return null;
  return /^\d{3}$/.test(bare) ? statusLine(bare) : bare;
}

/** Longer shown text than a row's: an element this big is a region, not a row its label names. */
const MAX_LABELLED_TEXT = 500;

/**
 * The accessible name a screen reader says instead of an element's text ("Failed: 502 Bad Gateway
 * for …") when it has a code and the text shows no number at all ("… · Failed"), else null.
 */
export function labelWithCodeTextLacks(element: Element): string | null {
  const label = atMostTooltipLength(element.getAttribute('aria-label'));
  if (!label || !CODE_IN_ATTRIBUTE.test(label)) return null;
  const shown = element.textContent ?? '';
  return shown.length > MAX_LABELLED_TEXT || CODE_IN_ATTRIBUTE.test(shown) ? null : label;
}

/**
 * The row of an element that shows its status only in an attribute: looked up from inside an
 * element whose own accessible name says it, since such an element is often the row itself;
 * from the element when its inside is no log text (the circle of an <svg role="img"> icon).
 */
export function rowOfAttributeStatus(element: Element, adapter: SiteAdapter): Element | null {
  const inside = labelWithCodeTextLacks(element) !== null ? element.lastChild : null;
  return (inside && rowFor(inside, adapter)) ?? rowFor(element, adapter);
}

/** A code alone in an attribute, with or without "HTTP" ("503", "HTTP 422"). */
const LONE_CODE = /^(?:HTTP\s*)?([1-5]\d\d)$/i;
/** Longer than any reason phrase: no need to look it up. */
const MAX_SHOWN_REASON = 64;

/**
 * "HTTP 503 Service Unavailable" for a pill that shows "Service Unavailable" and keeps "503" only
 * in its title: the shown text is that very code's reason phrase, so the two say one status.
 * Anything else shown beside a code in a tooltip ("Sent to 500 recipients") gives null.
 */
function codeNamedByShownReason(value: string, shown: string): string | null {
  if (shown.length > MAX_SHOWN_REASON) return null;
  const code = LONE_CODE.exec(value.trim())?.[1];
  if (!code || codeForReasonPhrase(shown) !== Number(code)) return null;
  return `${statusLine(code)} ${shown}`;
}

/**
 * True for an element that shows a reason phrase and keeps its code only in an attribute: its text
 * has no number for the text walk to stop at, so the element walk judges it.
 */
function showsReasonOfAttributeCode(element: Element): boolean {
  const value = attributeWithCode(element);
  const shown = value ? (element.textContent ?? '').trim() : '';
  return shown !== '' && codeNamedByShownReason(value!, shown) !== null;
}

/** Input types whose value shows as text. */
const SHOWN_VALUE_TYPES = new Set(['text', 'number', 'search']);

/**
 * The status a read-only input shows as its value, for a result drawn as a disabled form
 * ("Response code" [429]): the code when the input's label names a status, '' when another label
 * names it (a duration of 503 ms is no status), null for any other element. Only a lone
 * status-shaped value is ever read: an input's value is no row text otherwise (a field may hold
 * a secret), and an editable one is the user's, not the page's report.
 */
export function readOnlyStatusValue(element: Element): string | null {
  const input = readOnlyShownInput(element);
  if (!input) return null;
  const value = input.value.trim();
  if (!STATUS_VALUE.test(value)) return null;
  return labelNamesStatus(input) ? value : '';
}

/**
 * A read-only input under a status label, whatever its value now: a page that fills the result
 * in by script (`input.value = '429'`) makes no mutation record, so the scanner looks at such
 * inputs again (Scanner's poll).
 */
export function readOnlyStatusInput(element: Element): HTMLInputElement | null {
  const input = readOnlyShownInput(element);
  return input && labelNamesStatus(input) ? input : null;
}

function readOnlyShownInput(element: Element): HTMLInputElement | null {
  // Read for every element of a row's text: a compare, not a case-folded copy of each tag name.
  const tag = element.tagName;
  if (tag !== 'INPUT' && tag !== 'input') return null;
  const input = element as HTMLInputElement;
  return (input.readOnly || input.disabled) && SHOWN_VALUE_TYPES.has(input.type) ? input : null;
}

function labelNamesStatus(input: HTMLInputElement): boolean {
  return namesStatus((input.labels?.[0]?.textContent ?? input.getAttribute('aria-label') ?? '').trim());
}

/**
 * A row's text as the detectors read it: a line break where a block starts (cells never merge:
 * "failed" + "403" is not "failed403"), `inlineGap` (a space) between inline parts. Status cells that hold a
 * bare number under a status column (or in the adapter's status cells) are read as "HTTP N". Capped at MAX_ROW_TEXT characters.
 * With `choices`, a <select> reads as the option it shows, a word of its own.
 */
export function rowText(row: Element, adapter: SiteAdapter, inlineGap = ' ', choices = false): string {
  // Read for every row: a compare first, the line only for a child of a <pre>.
  const parent = row.parentElement;
  const line = parent && isPre(parent) ? fieldLineText(row, adapter, inlineGap, choices) : null;
  return line ?? elementText(row, adapter, inlineGap, choices);
}

function elementText(row: Element, adapter: SiteAdapter, inlineGap: string, choices: boolean): string {
  const walker = row.ownerDocument.createTreeWalker(row, SHOW_ELEMENT | SHOW_TEXT);
  // The walk starts below the row: a row's own accessible name is read first.
  const label = row.hasAttribute('aria-label') ? labelWithCodeTextLacks(row) : null;
  let out = label ?? '';
  let separator = label ? '\n' : '';
  // White space met since the last text read: "<b>5</b> <b>0</b>" shows a gap, "<b>5</b><b>0</b>" none.
  let spaced = false;
  let node: Node | null = walker.nextNode();
  while (node && out.length < MAX_ROW_TEXT) {
    if (isElement(node)) {
      const control = readOnlyStatusValue(node);
      if (control) {
        out += `${out ? '\n' : ''}${statusLine(control)}`;
        separator = '\n';
        node = walker.nextNode();
        continue;
      }
      const full = fullValueInAttribute(node);
      if (full !== null) {
        out += `${out ? '\n' : ''}${full}`;
        separator = '\n';
        node = skipSubtree(walker);
        continue;
      }
      if (control !== null || isSkipped(node) || isStatusLabel(node) || (choices && isInput(node))) {
        const chosen = choices ? shownChoice(node) : '';
        if (chosen) {
          out += `${out && !/\s$/.test(out) ? ' ' : ''}${chosen}`;
          separator = ' ';
        }
        node = skipSubtree(walker);
        continue;
      }
      if (BLOCK_TAGS.has(node.tagName.toUpperCase())) separator = '\n';
      const status = statusCellValue(node, adapter);
      if (status !== null) {
        // A number under another column's header is left out: it is no status, nor context.
        if (status) {
          out += `${out ? '\n' : ''}${statusLine(status)}`;
          separator = '\n';
        }
        node = skipSubtree(walker);
        continue;
      }
      // A component draws its text in its shadow root, which the walk does not enter.
      const drawn = componentText(node).trim();
      if (drawn) {
        out += `${out ? separator || inlineGap : ''}${drawn}`;
        separator = '';
      }
    } else if (isText(node) && HAS_TEXT.test(node.data)) {
      if (out) out += separator || (!spaced && splitsNumber(out, node.data) ? '' : inlineGap);
      separator = '';
      spaced = false;
      out += node.data.length > MAX_ROW_TEXT ? node.data.slice(0, MAX_ROW_TEXT) : node.data;
      const field = statusInFields(node.data) ?? statusInAlignedLine(node);
      if (field) {
        out += `\n${statusLine(field)}`;
        separator = '\n';
      }
    } else if (isText(node)) {
      spaced = true;
    }
    node = walker.nextNode();
  }
  return out.length > MAX_ROW_TEXT ? out.slice(0, MAX_ROW_TEXT) : out;
}

const STARTS_WITH_DIGIT = /^\d/;
/** A piece of an odometer: one or two digits alone. "1.2 s" or "80 ms" after a code is a field of its own. */
const SHORT_DIGITS_ONLY = /^\d{1,2}$/;
/** The end of a number drawn digit by digit so far: one or two digits (read in its last three characters). */
const ENDS_WITH_SHORT_DIGITS = /(?:^|\D)\d{1,2}$/;

/**
 * True when inline text continues a number with nothing between (an odometer's digits, one span
 * each: "<b>5</b><b>0</b><b>2</b>"): a person reads one number, so no gap is put in it. A piece
 * with a unit or a decimal point (`<kbd>503</kbd><span>1.2 s</span>` in a flex line) is no digit
 * of the number before it, and a piece of three digits or more, or after a number of three digits
 * or more, is a field of its own: a log line of token spans laid out by CSS gaps
 * (`<span>429</span><span>38</span>`, `<span>38</span><span>429</span>`). Only the last three
 * characters before are read: this runs for every text node of a row of up to MAX_ROW_TEXT.
 */
function splitsNumber(before: string, text: string): boolean {
  return SHORT_DIGITS_ONLY.test(text) && ENDS_WITH_SHORT_DIGITS.test(before.slice(-3));
}

/**
 * A row's text for a sample shown to the user: inline parts joined as the page shows them, with
 * nothing between them. A token the page splits into inline pieces (`<wbr>`, highlighting spans)
 * stays one token, so the redactor sees and hides it whole. A <select> reads as the option it
 * shows: a key name chosen there (`[Authorization ▾] abc123`) tells the redactor what follows.
 */
export function rowTextAsShown(row: Element, adapter: SiteAdapter): string {
  return rowText(row, adapter, '', true);
}

/**
 * What a control the scan leaves out shows, for a sample: the option a <select> shows; the text
 * of a field, an editor or SVG text only when it ends with a key name (`[Authorization: Bearer]
 * abc123`), or a key name and one word of value, and then only that name, so the redactor knows
 * the value after it is a secret. Any other text there (what the user typed) stays out, and so
 * does every password field.
 */
function shownChoice(element: Element): string {
  const tag = element.tagName.toUpperCase();
  if (tag === 'SELECT') {
    const select = element as HTMLSelectElement;
    const option = select.options[select.selectedIndex];
    // `label` is the option's text unless it has a label attribute (DOM shims may lack it).
    return (option?.label || option?.text || '').trim().slice(0, MAX_CHOICE_LENGTH);
  }
  const shown = controlText(element, tag)
    .trim()
    .slice(-MAX_CHOICE_LENGTH - MAX_CONTROL_VALUE);
  // A key with the start of its value (`[token: abc1]def2…`): the name alone, so that what
  // follows the control is read as the value, as it may be the rest of it.
  return (
    keyNameAtEnd(shown.slice(-MAX_CHOICE_LENGTH)) || keyNameAtEnd(shown.replace(VALUE_WORD_AT_END, '').trimEnd().slice(-MAX_CHOICE_LENGTH))
  );
}

/** The last word of a control's text, after a key's separator or a blank. */
const VALUE_WORD_AT_END = /(?<=[:=\s])[^\s:=]+$/;
/** The longest value word looked past for a key name before it. */
const MAX_CONTROL_VALUE = 4096;

/**
 * The key name `shown` ends with, whole (`Authorization: Bearer`, `X-Api-Key:`), else ''. Only the
 * name: what the user typed before it (a password, say) stays out.
 */
function keyNameAtEnd(shown: string): string {
  const name = runStart(shown, shown.length, ENDS_WITH_KEY_NAME);
  // Parts of a header name joined by dashes or underscores before the key word (`X-` of `X-Api-Key`).
  return name === shown.length ? '' : shown.slice(runStart(shown, name, DASHED_PART));
}

/** A part of a header name and the dash or underscore after it, at the end of a text. */
const DASHED_PART = /[A-Za-z0-9]+[-_]$/;

/** Where the run of matches of `atEnd` that ends at `end` starts (each ends where the next starts); `end` for none. */
function runStart(text: string, end: number, atEnd: RegExp): number {
  let start = end;
  for (let match = atEnd.exec(text.slice(0, start)); match; match = atEnd.exec(text.slice(0, start))) start = match.index;
  return start;
}

function isInput(element: Element): boolean {
  return element.tagName.toUpperCase() === 'INPUT';
}

/** The text a field, an editing host or SVG text shows; '' for other skipped elements (scripts, styles, ours). */
function controlText(element: Element, tag: string): string {
  if (tag === 'INPUT') {
    const input = element as HTMLInputElement;
    return input.type === 'password' || input.type === 'hidden' ? '' : input.value;
  }
  if (tag === 'TEXTAREA') return (element as HTMLTextAreaElement).value;
  return tag === 'SVG' || isEditable(element) ? (element.textContent ?? '') : '';
}

/** A shown option is a short label; a longer one is cut here (a sample shows less anyway). */
const MAX_CHOICE_LENGTH = 256;

/** Children a badge never goes into: lists and tables inside a row, replaced and hidden elements. */
const NOT_SLOTS = new Set([
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'IMG',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'BUTTON',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IFRAME',
  'BR',
  'HR',
]);

/** ARIA cells: the badge of a `role="row"` goes in the last non-empty one. */
const ARIA_CELLS = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
/** Displays that make every child a box of the page's layout (a grid cell, or one of the grid's). */
const CELL_LAYOUTS = new Set(['contents', 'grid', 'inline-grid']);

/**
 * Where a row's badge goes, so that it is never a box the page's layout counts as one more cell.
 * Each "last" below means the last non-empty one, else the last one. Of a table row or an ARIA
 * row: inside the last cell that no one edits and `isHidden` lets through, else the row itself
 * (a caller moving a badge must not take that). Of a row whose children are grid items (a
 * `display: contents` row of a CSS grid, or a grid row): inside the last child. Of a component
 * row: inside the last child it assigns to a named slot of its shadow root (a child of the row
 * itself would be assigned to no slot and never drawn). In the summary of a <details> row; else
 * at the row's end.
 * Reads the row's computed display only for a row made of elements that is neither: callers
 * read all slots of a commit before inserting any badge, so style is computed once.
 * `isHidden` tells cells the page's style leaves out: none for the scan's commits, where a style
 * read would compute the style of a whole fresh insertion inside our task; isHiddenCell once the
 * page is laid out (Annotations moves a badge that landed in a hidden cell, shownSlot).
 */
export function badgeSlot(row: Element, isHidden: (cell: Element) => boolean = () => false): Element {
  const tag = row.tagName.toUpperCase();
  const summary = summaryShownFor(row, tag);
  if (summary) return summary;
  if (tag === 'TR')
    return (
      lastCell(
        row,
        (cell) => (cell.tagName.toUpperCase() === 'TD' || cell.tagName.toUpperCase() === 'TH') && isBadgeCell(cell, isHidden),
      ) ?? row
    );
  if (row.getAttribute('role') === 'row')
    return lastCell(row, (cell) => ARIA_CELLS.has(cell.getAttribute('role') ?? '') && isBadgeCell(cell, isHidden)) ?? row;
  if (!row.firstElementChild) return row;
  for (let child = row.firstChild; child; child = child.nextSibling) if (isText(child) && child.data.trim()) return row;
  const slotted = lastCell(row, (child) => child.hasAttribute('slot'));
  if (slotted) return slotted;
  const display = row.ownerDocument.defaultView?.getComputedStyle(row).display ?? '';
  return CELL_LAYOUTS.has(display) ? (lastCell(row, (cell) => !NOT_SLOTS.has(cell.tagName.toUpperCase()) && !isSkipped(cell)) ?? row) : row;
}

/**
 * A cell a badge may go in: shown, and no editing host (a notes cell): the page would save a badge
 * in it with the notes, and the watcher would take it out as soon as the user types there.
 */
function isBadgeCell(cell: Element, isHidden: (cell: Element) => boolean): boolean {
  return !isEditable(cell) && !isHidden(cell);
}

/**
 * A cell the page's style leaves out (a column dropped on narrow screens by a media query, still
 * in the DOM): a badge in it would never show. Asked of the cells from a row's end back to the
 * first non-empty shown one (of every cell when there is none), and only once the page has laid
 * out a badge that got no box.
 */
function isHiddenCell(cell: Element): boolean {
  return cell.ownerDocument.defaultView?.getComputedStyle(cell).display === 'none';
}

/** Where a row's badge shows: badgeSlot among the cells the page's style shows. Reads style. */
export function shownSlot(row: Element): Element {
  return badgeSlot(row, isHiddenCell);
}

/**
 * The <summary> of a <details> row: a closed details draws only its summary, so a badge at the
 * row's end would show only once the user opens it.
 */
function summaryShownFor(row: Element, tag: string): Element | null {
  if (tag !== 'DETAILS') return null;
  for (let child = row.firstElementChild; child; child = child.nextElementSibling)
    if (child.tagName.toUpperCase() === 'SUMMARY') return child;
  return null;
}

/** The last non-empty child that `isCell` accepts, else the last one it accepts. */
function lastCell(row: Element, isCell: (cell: Element) => boolean): Element | null {
  let fallback: Element | null = null;
  for (let cell = row.lastElementChild; cell; cell = cell.previousElementSibling) {
    if (!isCell(cell)) continue;
    fallback ??= cell;
    if ((cell.textContent ?? '').trim()) return cell;
  }
  return fallback;
}

/**
 * How a badge fits a cell that cuts off what overflows it (a fixed-width pinned column with
 * `overflow: hidden`, often `text-overflow: ellipsis`), where a badge after the cell's text is
 * clipped or replaced by the ellipsis: null when nothing overflows or the cell clips nothing;
 * 'overlay' over the cell's end when the cell is positioned (sticky pinned columns are), so it
 * holds the overlay itself; else 'first', compact before the cell's text, so that the cut falls
 * on the page's text instead. Reads layout: only once the page has laid the badge out.
 */
export function clippedFit(slot: Element): 'overlay' | 'first' | null {
  if (slot.scrollWidth <= slot.clientWidth) return null;
  const style = slot.ownerDocument.defaultView?.getComputedStyle(slot);
  if (!style || style.overflowX === 'visible') return null;
  return style.position === 'static' ? 'first' : 'overlay';
}

/** Inline styles that place a row at its own offset (a virtualised list's rows carry them). */
const OWN_OFFSET = /\b(top|bottom|inset|transform|translate)\s*:/i;

/**
 * True for a row the page positions itself (absolutely, at its own offset, as virtualised lists
 * do, usually at a fixed height): its badge overlays the row's end instead of flowing after its
 * text, where it would wrap under the row and cover the next one. Per-row offsets are inline
 * styles, so only rows with one have their computed style read (callers read it with the slots).
 */
export function isPlacedRow(row: Element): boolean {
  const inline = row.getAttribute('style');
  if (!inline || !OWN_OFFSET.test(inline)) return false;
  const position = row.ownerDocument.defaultView?.getComputedStyle(row).position ?? '';
  return position === 'absolute' || position === 'fixed';
}
