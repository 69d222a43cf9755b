import { describe, expect, it } from 'vitest';
import { buildReport, safeUrl } from '../../src/popup/report';
import type { Diagnosis, FindingKind } from '../../src/engine/types';
import type { FindingGroup, TabFindings } from '../../src/shared/messages';

const SENTINEL = 'SENTINEL_tok_9f8e7d6c5b4a3';
const SENTINEL_LINE = `Authorization: Bearer ${SENTINEL}`;

function diagnosis(key: string, kind: FindingKind, code: number | null, title: string, steps: string[] = []): Diagnosis {
  return {
    key,
    kind,
    code,
    problem: code === null ? (key.split(':')[1] ?? null) : null,
    title,
    short: 'short',
    meaning: `${title} means trouble.`,
    side: 'request',
    retry: { verdict: 'no-retry', text: 'It will not be retried.' },
    steps,
    sources: [],
  };
}

function group(
  key: string,
  kind: FindingKind,
  code: number | null,
  count: number,
  samples: string[] = [],
  source: 'row' | 'field' = 'row',
): FindingGroup {
  return { key, finding: { kind, code, problem: null, start: 0, end: 1, excerpt: key }, count, source, samples };
}

function tab(groups: FindingGroup[], diagnoses: Diagnosis[], overrides: Partial<TabFindings> = {}): TabFindings {
  return {
    tabId: 1,
    url: 'https://www.klaviyo.com/flow/abc/edit',
    provider: 'klaviyo',
    endpointUrl: 'https://api.heypoplar.com/v1/mailing/',
    groups,
    diagnoses: Object.fromEntries(diagnoses.map((d) => [d.key, d])),
    ...overrides,
  };
}

const forbidden = diagnosis('http:403', 'http', 403, '403 Forbidden', ['Paste the token again.', 'Check the Bearer prefix.']);
const masked = diagnosis('credential:masked-token', 'credential', null, 'Masked token');
const throttled = diagnosis('http:429', 'http', 429, '429 Too Many Requests');

describe('buildReport redacts every secret', () => {
  it.each([
    ['a row sample', tab([group('http:403', 'http', 403, 2, [`${SENTINEL_LINE} → HTTP 403`])], [forbidden])],
    [
      'a JSON-style sample',
      tab([group('http:403', 'http', 403, 1, [`{"headers":{"Authorization":"Bearer ${SENTINEL}"}} 403`])], [forbidden]),
    ],
    [
      'a query-string token in the page URL',
      tab([group('http:403', 'http', 403, 1)], [forbidden], { url: `https://www.klaviyo.com/flow?token=${SENTINEL}` }),
    ],
    [
      'a token in the endpoint URL query',
      tab([group('http:403', 'http', 403, 1)], [forbidden], { endpointUrl: `https://hooks.example.com/in?api_key=${SENTINEL}` }),
    ],
    [
      'a token in the endpoint URL path',
      tab([group('http:403', 'http', 403, 1)], [forbidden], { endpointUrl: `https://hooks.example.com/in/${SENTINEL}` }),
    ],
    [
      'a sample of a second group',
      tab([group('http:429', 'http', 429, 1), group('http:403', 'http', 403, 1, ['ok', SENTINEL_LINE])], [forbidden, throttled]),
    ],
  ])('%s', (_name, findings) => {
    const report = buildReport(findings);
    expect(report).not.toContain(SENTINEL);
    expect(report).not.toContain('9f8e7d6c5b4a3');
  });

  it('still shows which row it was (the redacted preview stays)', () => {
    const report = buildReport(tab([group('http:403', 'http', 403, 1, [`HTTP 403 for ${SENTINEL_LINE}`])], [forbidden]));
    expect(report).toContain('Authorization: Bearer');
    expect(report).toContain('HTTP 403');
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://www.klaviyo.com/flow/1?x=1#frag', 'https://www.klaviyo.com/flow/1'],
    ['https://app.hubspot.com/workflows/', 'https://app.hubspot.com/workflows/'],
  ])('%s → %s', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });

  it('redacts text that is no URL', () => {
    expect(safeUrl(`not a url ${SENTINEL_LINE}`)).not.toContain(SENTINEL);
  });
});

describe('buildReport content', () => {
  const findings = tab(
    [
      group('http:429', 'http', 429, 4),
      group('http:403', 'http', 403, 7, ['row one', 'row two']),
      group('credential:masked-token', 'credential', null, 1, [], 'field'),
    ],
    [forbidden, masked, throttled],
  );
  const report = buildReport(findings);

  it('starts with a title and the page context', () => {
    expect(report.startsWith('# Webhook Doctor report\n')).toBe(true);
    expect(report).toContain('- Page: https://www.klaviyo.com/flow/abc/edit');
    expect(report).toContain('- Provider: Klaviyo');
    expect(report).toContain('- Webhook destination: https://api.heypoplar.com/v1/mailing/');
    expect(report).toContain('- Found: 3 kinds of problems in 11 rows, 1 field');
  });

  it('lists problems in the popup order: credential, then 4xx, then rate limit', () => {
    const headings = report.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## 1. Masked token (1 field)', '## 2. 403 Forbidden (7 rows)', '## 3. 429 Too Many Requests (4 rows)']);
  });

  it('numbers the fix steps and includes meaning and retry outlook', () => {
    expect(report).toContain('How to fix:\n1. Paste the token again.\n2. Check the Bearer prefix.');
    expect(report).toContain('What it means: 403 Forbidden means trouble.');
    expect(report).toContain('Will it retry? It will not be retried.');
  });

  it('puts samples in a fenced block', () => {
    expect(report).toContain('Seen in:\n```text\nrow one\nrow two\n```');
  });

  it('uses a longer fence when a sample holds backticks', () => {
    const tricky = buildReport(tab([group('http:403', 'http', 403, 1, ['a ```b``` c'])], [forbidden]));
    expect(tricky).toContain('````text\na ```b``` c\n````');
  });

  it('says so when nothing was found', () => {
    const empty = buildReport(tab([], [], { provider: null, endpointUrl: null }));
    expect(empty).toContain('- Found: no failing webhooks');
    expect(empty).not.toContain('## ');
    expect(empty).not.toContain('Provider');
  });
});
