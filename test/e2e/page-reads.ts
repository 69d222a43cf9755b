// What the browser tests read from a page, the same in Chromium (playwright) and Firefox
// (puppeteer over WebDriver BiDi). Page-side code is kept as strings: tsx adds name helpers to
// functions, which do not exist inside the page.

export interface BadgeInfo {
  code: string;
  problem: string;
  rowText: string;
}

export interface FieldWarningInfo {
  problem: string;
  afterId: string;
  afterName: string;
}

/**
 * Contract-2 badges of the document and its open shadow roots, in order, then those in the closed
 * roots a fixture page lists on window.fixtureClosedRoots (a page script sees no other).
 */
export const COLLECT_BADGES = `(() => {
  const out = [];
  const stack = [...(window.fixtureClosedRoots || [])].reverse().concat([document]);
  while (stack.length) {
    const root = stack.pop();
    for (const badge of root.querySelectorAll('[data-webhook-doctor="badge"]')) {
      const parent = badge.parentElement;
      // With no row element: the cell's row when the cell is one of a display: contents row or of
      // a grid row of leaf cells, or the component when the cell is content it slots in. (Style is
      // read only then: a page that hooks getComputedStyle counts our calls, and this reader's
      // must not add to them.)
      const outer = parent && parent.parentElement;
      const leafCells = (row) => [...row.children].every((cell) => [...cell.children].every((c) => c.hasAttribute('data-webhook-doctor')));
      const inRow = () => {
        if (!outer) return false;
        if (parent.hasAttribute('slot')) return true;
        const display = getComputedStyle(outer).display;
        return display === 'contents' || (display === 'grid' && leafCells(outer));
      };
      const row = (parent && parent.closest('tr, li, [role="row"]')) || (inRow() ? outer : parent);
      // In a <pre> log with no element per line (lines joined by newlines), the badge's line.
      const preLine = () => {
        const pre = parent && !parent.closest('tr, li, [role="row"]') && parent.closest('pre');
        if (!pre) return null;
        let before = '';
        let after = '';
        const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (badge.contains(node)) continue;
          if (badge.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) before += node.data;
          else after += node.data;
        }
        if (!(before + after).trim().includes('\\n')) return null;
        return before.slice(before.lastIndexOf('\\n') + 1) + after.split('\\n')[0];
      };
      const line = preLine();
      out.push({
        code: badge.dataset.code || '',
        problem: badge.dataset.problem || '',
        rowText: ((line !== null ? line : row && row.textContent) || '').replace(/\\s+/g, ' ').trim().slice(0, 300),
      });
    }
    const hosts = [...root.querySelectorAll('*')].filter((el) => el.shadowRoot);
    for (let i = hosts.length - 1; i >= 0; i -= 1) stack.push(hosts[i].shadowRoot);
  }
  return out;
})()`;

/** Contract-2 field warnings: their problem and the field they follow. */
export const COLLECT_FIELD_WARNINGS = `[...document.querySelectorAll('[data-webhook-doctor="field-warning"]')].map((w) => {
  let prev = w.previousElementSibling;
  while (prev && prev.getAttribute('data-webhook-doctor') === 'field-warning') prev = prev.previousElementSibling;
  return { problem: w.dataset.problem || '', afterId: (prev && prev.id) || '', afterName: (prev && prev.getAttribute('name')) || '' };
})`;

/**
 * Problem and sentence of each field warning, read from the extension's markup as a browser's
 * DevTools protocol serialises it (closed shadow roots included, which the page cannot read).
 */
export function fieldWarningTexts(markup: readonly string[]): { problem: string; text: string }[] {
  return markup
    .filter((html) => /^<span[^>]*\bdata-webhook-doctor="field-warning"/.test(html))
    .map((html) => ({
      problem: /\bdata-problem="([^"]*)"/.exec(html)?.[1] ?? '',
      text: html
        .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
        .replace(/<[^>]*>/g, '')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim(),
    }));
}

/** True when a warning for `problem` sits right after the field `selector` (among its warnings). */
export function warningFollowsField(selector: string, problem: string): string {
  return `(() => {
    const field = document.querySelector(${JSON.stringify(selector)});
    let next = field && field.nextElementSibling;
    while (next && next.getAttribute('data-webhook-doctor') === 'field-warning') {
      if (next.getAttribute('data-problem') === ${JSON.stringify(problem)}) return true;
      next = next.nextElementSibling;
    }
    return false;
  })()`;
}

/** Waits until a condition holds, polling; returns the last value. */
export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
