// DOM helpers shared by the scanner, the row finder and the field checker. Numeric NodeFilter and
// node-type constants keep them independent of any global the page could shadow.
import { isOwnElement, isOwnOrCopy } from './ownership';

export const OUR_ATTRIBUTE = 'data-webhook-doctor';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;
export const SHOW_ELEMENT = 0x1;
export const SHOW_TEXT = 0x4;
/** Node.DOCUMENT_POSITION_FOLLOWING, without the page's global `Node`. */
export const FOLLOWING = 4;

/**
 * Gauges draw a bar: the text inside a <meter> or <progress> is a fallback no browser shows
 * ("502" in a <meter>). Lower case, as selectors take them.
 */
export const GAUGE_TAGS = ['meter', 'progress'] as const;
/** Both cases: an HTML page's tag names are upper case, an XHTML or SVG document's are not. */
const GAUGE_TAG_NAMES = new Set<string>([...GAUGE_TAGS, ...GAUGE_TAGS.map((tag) => tag.toUpperCase())]);

/** True for a gauge (see GAUGE_TAGS): a plain compare, as it is asked of every cell. */
export function isGauge(element: Element): boolean {
  return GAUGE_TAG_NAMES.has(element.tagName);
}

/** Elements whose text is never log text: code, styles, form controls, our own hosts, and gauges. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'SVG',
  'CANVAS',
  'IFRAME',
  'HEAD',
  'TITLE',
  ...GAUGE_TAGS.map((tag) => tag.toUpperCase()),
]);

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}

/**
 * True for the hosts we add (badges, field warnings) and copies the page made of them. Not for
 * page content that only carries our attribute: a page that put it on its log would otherwise
 * hide every row inside from the scan. Our own hosts are known by their mark even when the page
 * strips our attributes (a sanitiser that removes unknown ones): their closed roots hold our
 * words, which must never be read as a row.
 */
export function isOurs(node: Node): node is Element {
  return isElement(node) && (isOwnElement(node) || (node.hasAttribute(OUR_ATTRIBUTE) && isOwnOrCopy(node)));
}

/** The shadow root a node is (a document fragment with a host), else null. */
export function asShadowRoot(node: Node | null): ShadowRoot | null {
  return node && node.nodeType === DOCUMENT_FRAGMENT_NODE && (node as ShadowRoot).host ? (node as ShadowRoot) : null;
}

/**
 * The element a node hangs from, crossing out of a shadow root to its host: a change inside a
 * component changes the text of the row the host sits in (see rowFor and componentText).
 */
export function parentOrHost(node: Node): Element | null {
  return node.parentElement ?? asShadowRoot(node.parentNode)?.host ?? asShadowRoot(node)?.host ?? null;
}

/** True when the element's subtree holds no log text worth scanning. */
export function isSkipped(element: Element): boolean {
  return SKIPPED_TAGS.has(element.tagName.toUpperCase()) || isOurs(element) || isEditable(element);
}

/**
 * An editing host by its attribute: only `""`, `true` and `plaintext-only` (any case) make one;
 * `false`, `inherit` and unknown values leave the element as editable as its parent.
 */
const EDITABLE_VALUES = ['', 'true', 'plaintext-only'];
export const EDITING_HOST = EDITABLE_VALUES.map((value) => `[contenteditable="${value}" i]`).join(',');

/**
 * What the user can edit now that holds page content, or null: the whole document in design
 * mode, else the editing host holding the focus. Anything of ours inside it would go into what
 * the page saves.
 */
export function editedRoot(doc: Document): Node | null {
  if (doc.designMode === 'on') return doc;
  return doc.activeElement?.closest(EDITING_HOST) ?? null;
}

/**
 * An editing host (code editors, rich text). Read from the attribute: `isContentEditable` would
 * force a style recalculation on every element walked.
 */
export function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && EDITABLE_VALUES.includes(value.toLowerCase());
}

/** Moves a TreeWalker past the current node's subtree; returns the next node or null. */
export function skipSubtree(walker: TreeWalker): Node | null {
  let next = walker.nextSibling();
  while (!next) {
    if (!walker.parentNode()) return null;
    next = walker.nextSibling();
  }
  return next;
}

/** A safe `matches`: false for empty or invalid selectors instead of throwing. */
export function matchesSafely(element: Element, selector: string): boolean {
  if (!selector) return false;
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/** A safe `querySelectorAll` over a root: an empty list for empty or invalid selectors. */
export function queryAll(root: ParentNode, selector: string): Element[] {
  if (!selector) return [];
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}
