// Styles of everything the content script adds. Visual content lives in shadow roots, so page CSS
// cannot reach it and ours cannot leak out; the host elements also carry inline !important rules
// because page CSS can still target the host itself.

/** Inline style of a badge host: resets what page CSS could set on a span, then lays it out. */
export const BADGE_HOST_STYLE =
  'all:initial!important;display:inline-block!important;vertical-align:middle!important;' +
  'margin:0 0 0 6px!important;padding:0!important;border:0!important;position:static!important;' +
  'visibility:visible!important;opacity:1!important;width:auto!important;height:auto!important;' +
  'direction:ltr!important;unicode-bidi:isolate!important';

/** Inline style of a field-warning host: a block right under its field. */
export const WARNING_HOST_STYLE =
  'all:initial!important;display:block!important;margin:4px 0 6px!important;padding:0!important;' +
  'border:0!important;position:static!important;visibility:visible!important;opacity:1!important;' +
  'width:auto!important;height:auto!important;flex:1 1 100%!important;direction:ltr!important;' +
  'unicode-bidi:isolate!important';

const FONT = 'font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;';

export const BADGE_CSS = `
:host{all:initial}
.pill{${FONT}font-size:11px;font-weight:600;line-height:16px;display:inline-flex;align-items:center;gap:4px;
  padding:1px 8px;border-radius:999px;border:1px solid;cursor:pointer;white-space:nowrap;max-width:260px;
  overflow:hidden;text-overflow:ellipsis;margin:0;text-transform:none;letter-spacing:normal}
.pill:focus-visible{outline:2px solid #2563eb;outline-offset:2px}
.pill svg{width:11px;height:11px;flex:none;fill:currentColor}
.client{background:#fff4e5;border-color:#d97706;color:#7a3e00}
.server{background:#fdecec;border-color:#dc2626;color:#8a1c1c}
.network{background:#f3e8ff;border-color:#7c3aed;color:#4c1d95}
.config{background:#fde7f0;border-color:#db2777;color:#831843}
.rate{background:#e6f0ff;border-color:#2563eb;color:#1e3a8a}
.card{${FONT}position:fixed;z-index:2147483647;box-sizing:border-box;width:min(340px,calc(100vw - 16px));
  max-height:min(420px,calc(100vh - 16px));overflow:auto;background:#fff;color:#1f2937;border:1px solid #d1d5db;
  border-radius:8px;box-shadow:0 10px 30px rgba(0,0,0,.2);padding:12px 14px;font-size:13px;line-height:1.45;
  text-align:left;white-space:normal}
.card:focus{outline:none}
.card h2{font-size:14px;margin:0 28px 6px 0;font-weight:700}
.card p{margin:0 0 8px}
.card ol{margin:0 0 8px;padding-left:20px}
.card li{margin:0 0 4px}
.card .label{font-weight:600}
.card .more,.card .hint{color:#4b5563;font-size:12px}
.card .close{position:absolute;top:6px;right:6px;border:0;background:transparent;font-size:18px;line-height:1;
  cursor:pointer;color:#4b5563;padding:4px 6px;border-radius:4px}
.card .close:focus-visible{outline:2px solid #2563eb}
@media (prefers-color-scheme:dark){
  .card{background:#1f2937;color:#f3f4f6;border-color:#4b5563}
  .card .more,.card .hint,.card .close{color:#d1d5db}
}`;

export const WARNING_CSS = `
:host{all:initial}
.warning{${FONT}display:flex;gap:6px;align-items:flex-start;box-sizing:border-box;font-size:12px;line-height:1.4;
  padding:5px 8px;border-radius:4px;border:1px solid #db2777;background:#fde7f0;color:#831843;text-align:left}
.warning b{font-weight:700}
.warning svg{width:12px;height:12px;flex:none;margin-top:2px;fill:currentColor}
@media (prefers-color-scheme:dark){.warning{background:#3b0a1f;color:#fbcfe8;border-color:#f472b6}}`;

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
 * Puts a stylesheet into a shadow root. One constructed sheet is shared by every root where the
 * browser allows it (less memory at 10,000 badges); otherwise a <style> element.
 */
export function applyStyles(root: ShadowRoot, css: string): void {
  const doc = root.ownerDocument;
  const sheet = sharedSheet(doc, css);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Some engines refuse sheets built in a content script's world: fall through.
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const KEY_PATH = 'M7 14a5 5 0 1 1 4.9-6H23v4h-2v3h-3v-3h-6.1A5 5 0 0 1 7 14zm0-3a2 2 0 1 0 0-4 2 2 0 0 0 0 4z';
const ALERT_PATH = 'M12 2 1 21h22L12 2zm1 15h-2v2h2v-2zm0-7h-2v5h2v-5z';

/** A small decorative icon (key for credentials, triangle for other warnings). */
export function icon(doc: Document, kind: 'key' | 'alert'): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', kind === 'key' ? KEY_PATH : ALERT_PATH);
  svg.append(path);
  return svg;
}
