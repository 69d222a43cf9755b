/// <reference types="vite/client" />
// @vitest-environment happy-dom
// The scan statistics name the selector alternatives that find nothing on the page: on every
// fixture page, exactly those its provider's table expects to match nothing there.
import { describe, it, expect } from 'vitest';
import { unmatchedSelectors } from '../../src/content/scan/selector-misses';
import { adapterFor, generic } from '../../src/providers';
import type { SelectorPages } from '../../src/providers/selector-pages';
import { selectorAlternatives, siteAdapter } from '../../src/providers/site-adapter';
import { FIXTURES } from '../fixtures/index';
import { loadFixture, loadPage } from '../fixtures/load';

const SITE_MODULES = import.meta.glob<{ selectorPages: () => SelectorPages }>('../../src/providers/*/site.ts', { eager: true });

describe.each(FIXTURES.map((fixture) => ({ file: fixture.file, fixture })))('$file', ({ fixture }) => {
  it('reports the alternatives its provider expects to match nothing here, and only those', async () => {
    const adapter = adapterFor(new URL(fixture.url).hostname);
    const pages = adapter.provider ? SITE_MODULES[`../../src/providers/${adapter.provider}/site.ts`]!.selectorPages() : {};
    const expected = selectorAlternatives(adapter.selectors)
      .filter(([, selector]) => !pages[selector]?.[fixture.file])
      .map(([field, selector]) => ({ field, selector }));
    const page = loadFixture(fixture);
    try {
      expect(unmatchedSelectors(page.doc, adapter)).toEqual(expected);
    } finally {
      await page.close();
    }
  });
});

describe('unmatchedSelectors', () => {
  it('names a field and alternative when one of two alternatives misses', async () => {
    const adapter = siteAdapter('generic', null, () => true, {
      ...generic.selectors,
      rows: ['.log-row', '.old-log-row'],
      editor: { ...generic.selectors.editor, body: ['textarea'] },
    });
    const page = loadPage('<ul><li class="log-row">HTTP 500</li></ul>', 'https://example.com/');
    try {
      expect(unmatchedSelectors(page.doc, adapter)).toEqual([
        { field: 'rows', selector: '.old-log-row' },
        { field: 'editor.body', selector: 'textarea' },
      ]);
    } finally {
      await page.close();
    }
  });

  it('counts an invalid selector as a miss instead of throwing', async () => {
    const adapter = siteAdapter('generic', null, () => true, { ...generic.selectors, ignore: ['div[broken'] });
    const page = loadPage('<div>HTTP 500</div>', 'https://example.com/');
    try {
      expect(unmatchedSelectors(page.doc, adapter)).toEqual([{ field: 'ignore', selector: 'div[broken' }]);
    } finally {
      await page.close();
    }
  });

  it('has nothing to report for the generic adapter', async () => {
    const page = loadPage('<div>HTTP 500</div>', 'https://example.com/');
    try {
      expect(unmatchedSelectors(page.doc, generic)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
