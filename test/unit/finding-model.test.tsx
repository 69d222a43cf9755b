// @vitest-environment happy-dom
// The finding model: one classification table, and the page's badge, the toolbar icon and the
// popup's card all take their colour family from it.
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { BADGE_COLOURS, badgeLook } from '../../src/background/toolbar';
import { createBadge, badgeShadow, renderBadge } from '../../src/content/badges/badge';
import {
  FINDING_KINDS,
  FindingGroups,
  findingKey,
  MAX_SAMPLES,
  mergeSamples,
  orderRank,
  severityOf,
  type Severity,
} from '../../src/engine/finding-model';
import type { Diagnosis, Finding, FindingKind } from '../../src/engine/types';
import { DiagnosisCard } from '../../src/popup/diagnosis-card';

const finding = (kind: FindingKind, code: number | null, problem: string | null = null): Finding => ({
  kind,
  code,
  problem,
  start: 0,
  end: 1,
  excerpt: 'x',
});

/** [kind, code, rank in the order to deal with findings, colour family]. */
const CLASSIFICATION: [FindingKind, number | null, number, Severity][] = [
  ['credential', null, 0, 'setup'],
  ['json', null, 1, 'setup'],
  ['network', null, 2, 'down'],
  ['http', 500, 3, 'down'],
  ['http', 503, 3, 'down'],
  ['http', 599, 3, 'down'],
  ['http', 700, 3, 'down'],
  ['http', 42, 3, 'down'],
  ['http', null, 3, 'down'],
  ['http', 400, 4, 'refused'],
  ['http', 403, 4, 'refused'],
  ['http', 408, 4, 'refused'],
  ['http', 499, 4, 'refused'],
  ['http', 100, 5, 'other'],
  ['http', 200, 5, 'other'],
  ['http', 302, 5, 'other'],
  ['http', 429, 6, 'rate-limit'],
  ['rate-limit', 429, 6, 'rate-limit'],
  ['rate-limit', null, 6, 'rate-limit'],
];

describe('classification', () => {
  it.each(CLASSIFICATION)('%s %s: rank %i, %s', (kind, code, rank, severity) => {
    expect(orderRank({ kind, code })).toBe(rank);
    expect(severityOf({ kind, code })).toBe(severity);
  });

  it('orders kinds as FINDING_KINDS does', () => {
    const lowest = (kind: FindingKind) => Math.min(...CLASSIFICATION.filter(([k]) => k === kind).map(([, , rank]) => rank));
    const highest = (kind: FindingKind) => Math.max(...CLASSIFICATION.filter(([k]) => k === kind).map(([, , rank]) => rank));
    for (let i = 1; i < FINDING_KINDS.length; i++) {
      expect(highest(FINDING_KINDS[i - 1]!), `${FINDING_KINDS[i - 1]} before ${FINDING_KINDS[i]}`).toBeLessThanOrEqual(
        lowest(FINDING_KINDS[i]!),
      );
    }
  });

  it.each(CLASSIFICATION)('%s %s: the page badge, the toolbar and the popup card show family %s', (kind, code, _rank, severity) => {
    const found = finding(kind, code, kind === 'http' ? null : 'some-problem');

    const host = createBadge(document, () => undefined);
    document.body.append(host);
    renderBadge(host, { finding: found, others: 0, diagnosis: undefined, density: 'full' });
    expect(badgeShadow(host)!.querySelector('button')!.className).toBe(`pill ${severity}`);
    host.remove();

    const frames = {
      0: {
        url: 'u',
        provider: null,
        endpointUrl: null,
        groups: [{ key: findingKey(found), finding: found, count: 1, source: 'row' as const, samples: [] }],
      },
    };
    expect(badgeLook(frames).color).toBe(BADGE_COLOURS[severity]);

    const root = document.createElement('ul');
    render(<DiagnosisCard diagnosis={diagnosisOf(found)} countText="" samples={[]} />, root);
    expect(root.querySelector('li')!.className).toBe(`card card--${severity}`);
    render(null, root);
  });
});

function diagnosisOf(found: Finding): Diagnosis {
  return {
    key: findingKey(found),
    kind: found.kind,
    code: found.code,
    problem: found.problem,
    title: 't',
    short: '',
    meaning: '',
    side: 'unknown',
    retry: { verdict: 'unknown', text: '' },
    steps: [],
    sources: [],
  };
}

describe('findingKey', () => {
  it.each<[Finding, string]>([
    [finding('http', 403), 'http:403'],
    [finding('http', null), 'http:unknown'],
    [finding('network', null, 'connection-refused'), 'network:connection-refused'],
    [finding('rate-limit', 429, 'rate-limited'), 'rate-limit:rate-limited'],
    [finding('rate-limit', 429), 'rate-limit:rate-limited'],
    [finding('credential', null, 'masked-token'), 'credential:masked-token'],
    [finding('json', null), 'json:unknown'],
  ])('key of %j is %s', (input, key) => expect(findingKey(input)).toBe(key));
});

describe('grouping', () => {
  it('merges samples: distinct, non-empty, first seen first, at most MAX_SAMPLES', () => {
    expect(mergeSamples(['a'], ['', 'a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c']);
    expect(mergeSamples(['a', 'b', 'c', 'd'], [])).toHaveLength(MAX_SAMPLES);
  });

  it('groups by key and source, counts, and asks for samples only while a group has room', () => {
    const groups = new FindingGroups();
    let asked = 0;
    const sample = (text: string) => () => {
      asked++;
      return [text];
    };
    for (const text of ['a', 'b', 'c', 'd', 'e']) groups.add('http:403', 'row', 1, () => finding('http', 403), sample(text));
    groups.add('http:403', 'field', 2, () => finding('http', 403), sample('f'));
    groups.add('http:500', 'row', 4, () => finding('http', 500), sample('g'));
    expect(groups.list().map((g) => [g.key, g.source, g.count, g.samples])).toEqual([
      ['http:403', 'row', 5, ['a', 'b', 'c']],
      ['http:403', 'field', 2, ['f']],
      ['http:500', 'row', 4, ['g']],
    ]);
    expect(asked).toBe(5);
  });

  it('keeps the first finding of a group as its representative', () => {
    const groups = new FindingGroups();
    const first = finding('http', 403);
    groups.add(
      'http:403',
      'row',
      1,
      () => first,
      () => [],
    );
    groups.add(
      'http:403',
      'row',
      1,
      () => finding('http', 403),
      () => [],
    );
    expect(groups.list()[0]!.finding).toBe(first);
  });
});
