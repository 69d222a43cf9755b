/// <reference types="vite/client" />
// @vitest-environment happy-dom
// refined-github's selector test, on saved pages: every selector alternative of every registered
// provider names the fixture pages it must match and how many elements it finds there, and matches
// nothing on the provider's other pages.
import { describe, it, expect } from 'vitest';
import { PROVIDERS } from '../../src/providers/registry';
import { hostMatcher } from '../../src/providers/host-patterns';
import type { SelectorPages } from '../../src/providers/selector-pages';
import { selectorAlternatives } from '../../src/providers/site-adapter';
import { FIXTURES } from '../fixtures/index';
import { loadFixture } from '../fixtures/load';

const SITE_MODULES = import.meta.glob<{ selectorPages?: () => SelectorPages }>('../../src/providers/*/site.ts', { eager: true });
const FOLDER_INDEXES = Object.keys(import.meta.glob('../../src/providers/*/index.ts'));

function countOn(file: string, selector: string): number {
  const fixture = FIXTURES.find((f) => f.file === file);
  if (!fixture) throw new Error(`${file} is not in test/fixtures/index.ts`);
  const page = loadFixture(fixture);
  try {
    return page.doc.querySelectorAll(selector).length;
  } finally {
    void page.close();
  }
}

it('every provider folder is registered, once', () => {
  const folders = FOLDER_INDEXES.map((file) => file.split('/').at(-2));
  expect([...folders].sort()).toEqual(PROVIDERS.map((provider) => provider.id).sort());
});

describe.each(PROVIDERS.map((provider) => ({ id: provider.id, provider })))('$id', ({ id, provider }) => {
  const pages = SITE_MODULES[`../../src/providers/${id}/site.ts`]?.selectorPages?.() ?? {};
  const alternatives = selectorAlternatives(provider.site);
  const onItsHosts = FIXTURES.filter((f) => hostMatcher(provider.hosts)(new URL(f.url).hostname)).map((f) => f.file);

  it('has fixture pages served at its hosts', () => {
    expect(onItsHosts.length).toBeGreaterThan(0);
  });

  it('lists pages and counts for exactly its selector alternatives', () => {
    expect(Object.keys(pages).sort()).toEqual([...new Set(alternatives.map(([, selector]) => selector))].sort());
  });

  it('writes each alternative on its own, not as a selector list', () => {
    for (const [field, selector] of alternatives) {
      expect(selector.trim(), field).not.toBe('');
      expect(selector, field).not.toMatch(/,(?![^[]*\])/);
    }
  });

  it.each(alternatives.map(([field, selector]) => ({ field, selector })))('$field $selector', ({ selector }) => {
    const expected = pages[selector] ?? {};
    expect(
      Object.values(expected).some((count) => count > 0),
      'must match somewhere',
    ).toBe(true);
    for (const file of Object.keys(expected)) expect(onItsHosts, `${file} is served at another provider's host`).toContain(file);
    for (const file of onItsHosts) expect(countOn(file, selector), file).toBe(expected[file] ?? 0);
  });
});
