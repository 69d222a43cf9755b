import { describe, expect, it } from 'vitest';
import { actionOf, countLabel, displayGroups } from '../../src/popup/display-groups';
import { urlMatchesPattern } from '../../src/popup/match-pattern';
import type { Diagnosis, FindingKind } from '../../src/engine/types';
import type { FindingGroup } from '../../src/shared/messages';

function diagnosis(key: string, kind: FindingKind, code: number | null): Diagnosis {
  return {
    key,
    kind,
    code,
    problem: null,
    title: key,
    short: '',
    meaning: '',
    side: 'unknown',
    retry: { verdict: 'unknown', text: '' },
    steps: [],
    sources: [],
  };
}

function group(
  key: string,
  kind: FindingKind,
  code: number | null,
  count: number,
  source: 'row' | 'field' = 'row',
  samples: string[] = [],
): FindingGroup {
  return { key, finding: { kind, code, problem: null, start: 0, end: 1, excerpt: `excerpt of ${key}` }, count, source, samples };
}

describe('actionOf: who has to act', () => {
  it.each([
    ['credential', 'retries', 'needs-you'],
    ['json', 'unknown', 'needs-you'],
    ['http', 'no-retry', 'needs-you'],
    ['http', 'unknown', 'needs-you'],
    ['network', 'unknown', 'needs-you'],
    ['http', 'retries', 'retries'],
    ['network', 'retries', 'retries'],
    ['rate-limit', 'retries', 'retries'],
  ] as const)('%s, ESP verdict %s → %s', (kind, verdict, action) => {
    expect(actionOf({ kind, retry: { verdict, text: '' } })).toBe(action);
  });

  it('puts what needs you before what the ESP retries, whatever the rank', () => {
    const retried = { ...diagnosis('http:500', 'http', 500), retry: { verdict: 'retries' as const, text: '' } };
    const notRetried = diagnosis('http:404', 'http', 404);
    const tab = {
      groups: [group('http:500', 'http', 500, 9), group('http:404', 'http', 404, 1)],
      diagnoses: { 'http:500': retried, 'http:404': notRetried },
    };
    expect(displayGroups(tab).map((g) => g.key)).toEqual(['http:404', 'http:500']);
  });
});

describe('displayGroups', () => {
  const all: [FindingGroup, Diagnosis][] = [
    [group('rate-limit:rate-limited', 'rate-limit', 429, 9), diagnosis('rate-limit:rate-limited', 'rate-limit', 429)],
    [group('http:404', 'http', 404, 2), diagnosis('http:404', 'http', 404)],
    [group('http:403', 'http', 403, 5), diagnosis('http:403', 'http', 403)],
    [group('http:502', 'http', 502, 1), diagnosis('http:502', 'http', 502)],
    [group('network:connection-refused', 'network', null, 1), diagnosis('network:connection-refused', 'network', null)],
    [group('json:invalid-json', 'json', null, 1, 'field'), diagnosis('json:invalid-json', 'json', null)],
    [group('credential:masked-token', 'credential', null, 3), diagnosis('credential:masked-token', 'credential', null)],
  ];

  it('orders credential, JSON, network, 5xx, 4xx (most rows first), rate limit', () => {
    const groups = displayGroups({ groups: all.map(([g]) => g), diagnoses: Object.fromEntries(all.map(([, d]) => [d.key, d])) });
    expect(groups.map((g) => g.key)).toEqual([
      'credential:masked-token',
      'json:invalid-json',
      'network:connection-refused',
      'http:502',
      'http:403',
      'http:404',
      'rate-limit:rate-limited',
    ]);
  });

  it('counts rows and fields of one key together, samples unique and at most three', () => {
    const groups = displayGroups({
      groups: [
        group('credential:masked-token', 'credential', null, 2, 'row', ['a', 'b']),
        group('credential:masked-token', 'credential', null, 1, 'field', ['b', 'c', 'd']),
      ],
      diagnoses: { 'credential:masked-token': diagnosis('credential:masked-token', 'credential', null) },
    });
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ rows: 2, fields: 1, samples: ['a', 'b', 'c'] });
  });

  it.each([
    ['a zero-count group is left out', [group('http:403', 'http', 403, 0)], []],
    ['no groups', [], []],
  ])('%s', (_name, groups, expected) => {
    expect(displayGroups({ groups, diagnoses: {} }).map((g) => g.key)).toEqual(expected);
  });

  it('falls back to the raw finding when a diagnosis is missing', () => {
    const [only] = displayGroups({ groups: [group('http:418', 'http', 418, 1)], diagnoses: {} });
    expect(only?.diagnosis).toMatchObject({ key: 'http:418', title: 'HTTP 418', steps: [] });
  });
});

describe('countLabel', () => {
  it.each([
    [1, 0, '1 row'],
    [7, 0, '7 rows'],
    [0, 1, '1 field'],
    [0, 2, '2 fields'],
    [3, 1, '3 rows, 1 field'],
    [0, 0, ''],
  ])('%i rows, %i fields → %j', (rows, fields, label) => {
    expect(countLabel(rows, fields)).toBe(label);
  });
});

describe('urlMatchesPattern', () => {
  it.each([
    ['https://www.klaviyo.com/flow/1', 'https://www.klaviyo.com/*', true],
    ['https://dashboard-01.braze.com/x', 'https://*.braze.com/*', true],
    ['https://braze.com/', 'https://*.braze.com/*', true],
    ['https://evilbraze.com/', 'https://*.braze.com/*', false],
    ['https://braze.com.evil.example/', 'https://*.braze.com/*', false],
    ['http://www.klaviyo.com/', 'https://www.klaviyo.com/*', false],
    ['https://WWW.Klaviyo.com/x', 'https://www.klaviyo.com/*', true],
    ['https://esp.example.com/logs?x=1', 'https://esp.example.com/*', true],
    ['https://esp.example.com/logs', '*://esp.example.com/*', true],
    ['chrome://extensions/', '*://*/*', false],
    ['not a url', 'https://*/*', false],
    ['https://a.example/', 'garbage', false],
  ])('%s in %s → %s', (url, pattern, expected) => {
    expect(urlMatchesPattern(url, pattern)).toBe(expected);
  });
});
