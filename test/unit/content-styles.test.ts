// @vitest-environment happy-dom
// How our shadow roots get their styles: one constructed sheet shared by every root where the
// browser allows it, else one <style> element per root; never the same rules twice in a root.
import { describe, it, expect } from 'vitest';
import { applyStyles, BADGE_CSS } from '../../src/content/page/styles';

function freshRoots(doc: Document, count: number): ShadowRoot[] {
  return Array.from({ length: count }, () => doc.createElement('span').attachShadow({ mode: 'closed' }));
}

/** A document whose window cannot construct stylesheets (older engines, some content-script worlds). */
function documentWithoutConstructableSheets(): Document {
  const doc = document.implementation.createHTMLDocument('no sheets');
  const broken = function BrokenSheet() {
    throw new TypeError('Illegal constructor');
  };
  Object.defineProperty(doc, 'defaultView', { value: { CSSStyleSheet: broken } });
  return doc;
}

describe('applyStyles', () => {
  it.each([
    ['one root', 1],
    ['three roots', 3],
  ])('shares one constructed sheet across %s', (_name, count) => {
    const roots = freshRoots(document, count);
    for (const root of roots) applyStyles(root, BADGE_CSS);
    const sheets = roots.map((root) => root.adoptedStyleSheets);
    for (const adopted of sheets) expect(adopted).toHaveLength(1);
    expect(new Set(sheets.map((adopted) => adopted[0])).size).toBe(1);
    for (const root of roots) expect(root.querySelectorAll('style')).toHaveLength(0);
  });

  it.each([
    ['the same css twice', [BADGE_CSS, BADGE_CSS], 1],
    ['two different sheets', [BADGE_CSS, '.other{color:red}'], 2],
  ])('adopts %s as %i sheet(s)', (_name, sheets, expected) => {
    const [root] = freshRoots(document, 1);
    for (const css of sheets) applyStyles(root!, css);
    expect(root!.adoptedStyleSheets).toHaveLength(expected);
  });

  it.each([
    ['the same css twice', [BADGE_CSS, BADGE_CSS], 1],
    ['two different sheets', [BADGE_CSS, '.other{color:red}'], 2],
  ])('falls back to style elements without constructable sheets: %s → %i', (_name, sheets, expected) => {
    const doc = documentWithoutConstructableSheets();
    const [root] = freshRoots(doc, 1);
    for (const css of sheets) applyStyles(root!, css);
    const styles = [...root!.querySelectorAll('style')];
    expect(styles).toHaveLength(expected);
    expect(styles[0]!.textContent).toBe(BADGE_CSS);
    expect(root!.adoptedStyleSheets).toHaveLength(0);
  });
});
