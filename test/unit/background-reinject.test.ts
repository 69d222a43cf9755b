// After an install or update the worker injects the content script into open tabs again, so that
// a fresh instance takes over from the one whose extension context died.
import { describe, it, expect, vi } from 'vitest';
import { fake } from '../fakes/browser-fake';
import { injectAfterGrant, manifestMatches, reinjectContentScripts, type ReinjectApi } from '../../src/background/reinject';

const ESP = ['https://www.klaviyo.com/*', 'https://*.braze.com/*'];
const MANIFEST = { content_scripts: [{ matches: ESP, js: ['content.js'] }] };

function fakeApi(tabs: { id?: number; discarded?: boolean }[], failing: number[] = []) {
  const injected: [number, string[]][] = [];
  const queried: string[][] = [];
  const api: ReinjectApi = {
    queryTabs: vi.fn(async (patterns: string[]) => {
      queried.push(patterns);
      return tabs;
    }),
    inject: vi.fn(async (tabId: number, files: string[]) => {
      if (failing.includes(tabId)) throw new Error('Cannot access contents of the page');
      injected.push([tabId, files]);
    }),
  };
  return { api, injected, queried };
}

describe('manifestMatches', () => {
  it.each([
    ['one script', MANIFEST, ESP],
    ['two scripts', { content_scripts: [{ matches: ['a'] }, { matches: ['b', 'c'] }] }, ['a', 'b', 'c']],
    ['no content scripts', {}, []],
    ['a script without matches', { content_scripts: [{ js: ['x.js'] }] }, []],
  ])('%s', (_name, manifest, expected) => {
    expect(manifestMatches(manifest)).toEqual(expected);
  });
});

describe('reinjectContentScripts', () => {
  it('injects the manifest files into every matching open tab', async () => {
    const { api, injected, queried } = fakeApi([{ id: 3 }, { id: 9 }]);
    expect(await reinjectContentScripts(MANIFEST, [], api)).toBe(2);
    expect(queried).toEqual([ESP]);
    expect(injected).toEqual([
      [3, ['content.js']],
      [9, ['content.js']],
    ]);
  });

  it('also covers the granted user domains, without duplicates', async () => {
    const { api, queried } = fakeApi([]);
    await reinjectContentScripts(MANIFEST, ['https://esp.example.com/*', ESP[0]!], api);
    expect(queried).toEqual([[...ESP, 'https://esp.example.com/*']]);
  });

  it('skips discarded tabs and tabs without id', async () => {
    const { api, injected } = fakeApi([{ id: 1, discarded: true }, {}, { id: 2 }]);
    expect(await reinjectContentScripts(MANIFEST, [], api)).toBe(1);
    expect(injected.map(([id]) => id)).toEqual([2]);
  });

  it('keeps going when one tab refuses the injection', async () => {
    const { api, injected } = fakeApi([{ id: 1 }, { id: 2 }, { id: 3 }], [2]);
    expect(await reinjectContentScripts(MANIFEST, [], api)).toBe(2);
    expect(injected.map(([id]) => id)).toEqual([1, 3]);
  });

  it.each([
    ['no content script files', { content_scripts: [{ matches: ESP }] }],
    ['no patterns at all', { content_scripts: [{ js: ['content.js'] }] }],
  ])('does nothing with %s', async (_name, manifest) => {
    const { api } = fakeApi([{ id: 1 }]);
    expect(await reinjectContentScripts(manifest, [], api)).toBe(0);
    expect(api.queryTabs).not.toHaveBeenCalled();
  });
});

describe('injectAfterGrant', () => {
  it('injects the content script into the open tabs of the hosts just granted', async () => {
    fake.setManifest({ content_scripts: [{ matches: ESP, js: ['content.js'] }] });
    const { api, injected, queried } = fakeApi([{ id: 4 }]);
    expect(await injectAfterGrant({ origins: ['https://*.braze.com/*'] }, api)).toBe(1);
    expect(queried).toEqual([['https://*.braze.com/*']]);
    expect(injected).toEqual([[4, ['content.js']]]);
  });

  it('does nothing for a grant without hosts', async () => {
    const { api, queried } = fakeApi([{ id: 4 }]);
    expect(await injectAfterGrant({}, api)).toBe(0);
    expect(queried).toEqual([]);
  });
});
