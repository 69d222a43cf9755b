// Which elements may carry a shadow root, and how the content script reaches one, closed or open.
// A page that attaches a closed shadow root keeps its rows from page scripts, not from
// extensions: Firefox gives content scripts `openOrClosedShadowRoot`, Chromium `chrome.dom`.

/** Elements the DOM standard lets attachShadow() use besides custom elements (upper case: tagName). */
const SHADOW_HOST_TAGS = new Set([
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DIV',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'MAIN',
  'NAV',
  'P',
  'SECTION',
  'SPAN',
]);

/**
 * True for a custom element (its tag has a hyphen): the page may define it and attach a root later.
 * `tag`: the element's tagName when the caller has read it already (each read crosses into the DOM).
 */
export function isCustomElement(element: Element, tag = element.tagName): boolean {
  return tag.includes('-');
}

/**
 * True for an element that could get a shadow root later without any mutation record telling:
 * a custom element, or an empty element of a tag attachShadow() accepts (a root's content hides
 * the host's children, so pages attach theirs to empty hosts).
 */
export function mayGetShadowRoot(element: Element, tag = element.tagName): boolean {
  if (isCustomElement(element, tag)) return true;
  // The tag first: reading firstChild crosses into the DOM (a wrapper for the child), and most
  // elements of a log (rows, cells) are of tags that cannot be hosts.
  return (SHADOW_HOST_TAGS.has(tag) || SHADOW_HOST_TAGS.has(tag.toUpperCase())) && element.firstChild === null;
}

type ClosedRootReader = (element: Element) => ShadowRoot | null | undefined;

/** Chromium's reader of closed roots, where the extension API has one. */
function chromiumReader(): ClosedRootReader | null {
  const scope = globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot?: ClosedRootReader } } };
  return scope.chrome?.dom?.openOrClosedShadowRoot ?? null;
}

/** The element's shadow root, open or closed, as far as this browser lets an extension see it. */
export function shadowRootOf(element: Element): ShadowRoot | null {
  const open = element.shadowRoot;
  if (open) return open;
  // Firefox: a property of content scripts' view of the element (undefined elsewhere).
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const chromium = chromiumReader();
  if (!chromium) return null;
  try {
    return chromium(element) ?? null;
  } catch {
    return null; // not an element the API accepts
  }
}
