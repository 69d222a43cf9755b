import { describe, expect, it } from 'vitest';
import { buildTabFindings, mergeGroups, tabContext, toBadgeDiagnosis } from '../../src/background/tab-findings';
import type { TabFrames } from '../../src/background/findings-store';
import type { FindingGroup, PageSnapshot } from '../../src/shared/messages';
import type { Diagnosis } from '../../src/engine/types';

function group(key: string, count: number, samples: string[] = [], source: 'row' | 'field' = 'row'): FindingGroup {
  const code = /:(\d{3})$/.exec(key)?.[1];
  return {
    key,
    finding: { kind: 'http', code: code ? Number(code) : null, problem: null, start: 0, end: 1, excerpt: key },
    count,
    source,
    samples,
  };
}

function frame(groups: FindingGroup[], overrides: Partial<PageSnapshot> = {}): PageSnapshot {
  return { url: 'https://www.klaviyo.com/flow', provider: null, endpointUrl: null, groups, ...overrides };
}

describe('mergeGroups', () => {
  it.each<[string, TabFrames, [string, number, string[]][]]>([
    ['one frame as is', { 0: frame([group('http:403', 2, ['a'])]) }, [['http:403', 2, ['a']]]],
    [
      'same key in two frames is summed',
      { 0: frame([group('http:403', 2, ['a'])]), 5: frame([group('http:403', 3, ['b'])]) },
      [['http:403', 5, ['a', 'b']]],
    ],
    [
      'different keys stay apart',
      { 0: frame([group('http:403', 1)]), 1: frame([group('http:500', 1)]) },
      [
        ['http:403', 1, []],
        ['http:500', 1, []],
      ],
    ],
    [
      'samples are unique and at most three',
      { 0: frame([group('http:403', 4, ['a', 'a', 'b'])]), 2: frame([group('http:403', 1, ['b', 'c', 'd'])]) },
      [['http:403', 5, ['a', 'b', 'c']]],
    ],
    ['no frames', {}, []],
  ])('%s', (_name, frames, expected) => {
    expect(mergeGroups(frames).map((g) => [g.key, g.count, g.samples])).toEqual(expected);
  });

  it('keeps a field and a row with the same key apart', () => {
    const merged = mergeGroups({ 0: frame([group('http:403', 1, [], 'row'), group('http:403', 1, [], 'field')]) });
    expect(merged.map((g) => g.source)).toEqual(['row', 'field']);
  });

  it('does not change the stored frames', () => {
    const frames = { 0: frame([group('http:403', 2, ['a'])]), 1: frame([group('http:403', 3, ['b'])]) };
    const before = structuredClone(frames);
    mergeGroups(frames);
    expect(frames).toEqual(before);
  });
});

describe('tabContext', () => {
  it.each<[string, TabFrames, object]>([
    ['nothing known', { 0: frame([]) }, {}],
    ['top frame wins', { 0: frame([], { provider: 'braze' }), 1: frame([], { provider: 'klaviyo' }) }, { provider: 'braze' }],
    [
      'endpoint from a sub-frame',
      { 0: frame([], { provider: 'klaviyo' }), 3: frame([], { endpointUrl: 'https://api.heypoplar.com/v1/mailing/' }) },
      { provider: 'klaviyo', endpointUrl: 'https://api.heypoplar.com/v1/mailing/' },
    ],
  ])('%s', (_name, frames, expected) => {
    expect(tabContext(frames)).toEqual(expected);
  });
});

describe('buildTabFindings', () => {
  it('uses the top frame URL and diagnoses every key once', () => {
    const tab = buildTabFindings(7, {
      4: frame([group('http:500', 1)], { url: 'https://iframe.example/' }),
      0: frame([group('http:403', 2)], { provider: 'klaviyo' }),
    });
    expect(tab.tabId).toBe(7);
    expect(tab.url).toBe('https://www.klaviyo.com/flow');
    expect(tab.provider).toBe('klaviyo');
    expect(Object.keys(tab.diagnoses).sort()).toEqual(['http:403', 'http:500']);
  });
});

describe('toBadgeDiagnosis', () => {
  it('keeps only what a badge card shows', () => {
    const diagnosis: Diagnosis = {
      key: 'http:403',
      kind: 'http',
      code: 403,
      problem: null,
      title: '403 Forbidden',
      short: 'refused',
      meaning: 'm',
      side: 'request',
      retry: { verdict: 'no-retry', text: 'r' },
      steps: ['s'],
      whereToLook: 'w',
      sources: ['u'],
    };
    expect(Object.keys(toBadgeDiagnosis(diagnosis)).sort()).toEqual([
      'code',
      'key',
      'kind',
      'meaning',
      'problem',
      'retry',
      'short',
      'steps',
      'title',
    ]);
  });
});
