// Styles of the badges, and how any of our shadow roots gets its styles (the card and field
// warnings keep theirs next to them, in content-extras.js). Visual content lives in shadow roots,
// so page CSS cannot reach it and ours cannot leak out; the host elements also carry inline
// !important rules because page CSS can still target the host itself.

/** Makes every declaration of an inline style `!important` (page CSS cannot override them). */
export function important(declarations: string): string {
  return declarations.replace(/;/g, '!important;');
}

/**
 * How a badge host sits in the row, as `:host` rules of the badge's shared sheet. In a shadow
 * root's own sheet, `!important` beats even `!important` page rules aimed at the host, and it costs
 * nothing per badge (an inline style attribute costs about 1 KB of DOM heap per host).
 */
const BADGE_HOST_RULE = important(
  // `all:initial` already resets padding, border, position, opacity and size; it leaves out
  // direction and unicode-bidi, so those are set here. Visibility is inherited again: a row the
  // page hides with `visibility: hidden` or `collapse` hides its badge too. An inline host with no line
  // height of its own adds nothing to the row's line; the pill's negative block margins (below)
  // keep its 20 px box from making that line taller: it counts as 12 px and draws over the
  // line's own spacing.
  'all:initial;display:inline;visibility:inherit;vertical-align:middle;line-height:0;margin:0 0 0 6px;direction:ltr;unicode-bidi:isolate;',
);

/**
 * For the sheet of every host we add. Page CSS can give a host generated content
 * (`[data-webhook-doctor]::before{content:"200 OK"}`) that would read as part of what we show;
 * none is drawn. A printout is the page's: nothing of ours in it.
 */
export const HOST_GUARDS = `:host::before,:host::after{${important('content:none;')}}@media print{:host{${important('display:none;')}}}`;

const FONT_FAMILIES = 'system-ui,-apple-system,"Segoe UI",Roboto,sans-serif';
export const FONT = `font-family:${FONT_FAMILIES};`;

/**
 * The attribute that makes a badge overlay the end of a row the page positions at a fixed height
 * (a virtualised list): out of the row's flow, centred on its height, compact (the code alone),
 * so it never wraps under the row nor covers the next one. Also over the end of a positioned cell
 * that clips, and "first": compact before the text of a static cell that clips (clippedFit).
 */
export const BADGE_FIT = 'data-fit';
const OVERLAY_HOST_RULE = important('position:absolute;top:50%;right:4px;margin:0;transform:translateY(-50%);');

// The host's `all:initial` resets what the pill would inherit from the row (text-transform,
// letter-spacing, ...), so the pill only sets what differs from the initial values.
// Each badge costs the browser its boxes, so the pill is one plain inline block: no flex box (an
// extra anonymous block per badge) and no clipping (an overflow clip gives every badge clip nodes,
// and `hidden` a scroll area too: together 1.1 MB at 1,000 badges). Labels are a code and a few
// catalog words, short by design, so they need no ellipsis.
export const BADGE_CSS =
  `:host{${BADGE_HOST_RULE}}` +
  // In a right-to-left row the badge follows the text on its left: the gap goes on its right. The
  // host's own direction is ltr (for its label), so only :dir(), which reads the page's dir, tells.
  `:host(:dir(rtl)){${important('margin:0 6px 0 0;')}}` +
  HOST_GUARDS +
  `:host([${BADGE_FIT}="overlay"]){${OVERLAY_HOST_RULE}}` +
  `:host([${BADGE_FIT}="overlay"]) .more{display:none}` +
  `:host([${BADGE_FIT}="first"]){${important('margin:0 6px 0 0;')}}` +
  `:host([${BADGE_FIT}="first"]:dir(rtl)){${important('margin:0 0 0 6px;')}}` +
  `:host([${BADGE_FIT}="first"]) .more{display:none}` +
  `.pill{font:600 11px/16px ${FONT_FAMILIES};display:inline-block;` +
  'padding:1px 8px;border-radius:999px;border:1px solid;cursor:pointer;white-space:nowrap;margin:-4px 0}' +
  '.pill:focus-visible{outline:2px solid #2563eb;outline-offset:2px}' +
  '.pill svg{width:11px;height:11px;margin-right:4px;vertical-align:-1px;fill:currentColor}' +
  // One class per colour family of the finding model (severityOf).
  '.setup{background:#fde7f0;border-color:#db2777;color:#831843}' +
  '.down{background:#fdecec;border-color:#dc2626;color:#8a1c1c}' +
  '.refused{background:#fff4e5;border-color:#d97706;color:#7a3e00}' +
  '.rate-limit{background:#e6f0ff;border-color:#2563eb;color:#1e3a8a}' +
  '.other{background:#f3f4f6;border-color:#6b7280;color:#374151}';

const sheetsByDocument = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

function sharedSheet(doc: Document, css: string): CSSStyleSheet | null {
  let sheets = sheetsByDocument.get(doc);
  if (!sheets) sheetsByDocument.set(doc, (sheets = new Map()));
  const known = sheets.get(css);
  if (known !== undefined) return known;
  let sheet: CSSStyleSheet | null;
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    sheet = new Sheet();
    sheet.replaceSync(css);
  } catch {
    sheet = null; // no constructable stylesheets here: style elements instead
  }
  sheets.set(css, sheet);
  return sheet;
}

/**
 * Adds a stylesheet to a shadow root, once. One constructed sheet is shared by every root where
 * the browser allows it (less memory at 10,000 badges); otherwise a <style> element. `fresh`:
 * the root was just attached and holds nothing yet.
 */
export function applyStyles(root: ShadowRoot, css: string, fresh = false): void {
  const doc = root.ownerDocument;
  const sheet = sharedSheet(doc, css);
  if (sheet) {
    try {
      // A root just attached has no sheet yet: no need to read its list (a copy per badge).
      if (fresh) {
        root.adoptedStyleSheets = [sheet];
        return;
      }
      const adopted = root.adoptedStyleSheets;
      if (!adopted.includes(sheet)) root.adoptedStyleSheets = [...adopted, sheet];
      return;
    } catch {
      // Some engines refuse sheets built in a content script's world: fall through.
    }
  }
  for (const style of root.querySelectorAll('style')) if (style.textContent === css) return;
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Icon shapes: a key for credentials, a triangle for other warnings. */
export const KEY_ICON = 'M7 14a5 5 0 1 1 4.9-6H23v4h-2v3h-3v-3h-6.1A5 5 0 0 1 7 14zm0-3a2 2 0 1 0 0-4 2 2 0 0 0 0 4z';
export const ALERT_ICON = 'M12 2 1 21h22L12 2zm1 15h-2v2h2v-2zm0-7h-2v5h2v-5z';

/** A small decorative icon drawn with one of the shapes above. */
export function icon(doc: Document, shape: string): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', shape);
  svg.append(path);
  return svg;
}
