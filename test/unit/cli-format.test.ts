import { describe, it, expect } from 'vitest';
import type { Diagnosis, Finding } from '../../src/engine';
import { COLOR_PALETTE, findingLabel, formatJsonLine, printable, ReadableReport, shouldUseColor, toJsonRecord } from '../../src/cli/format';
import type { LocatedFinding } from '../../src/cli/scan';

const CONTRACT_KEYS = ['file', 'line', 'kind', 'code', 'problem', 'title', 'steps'];

function located(line: number, finding: Partial<Finding>, diagnosis: Partial<Diagnosis> = {}): LocatedFinding {
  const full: Finding = { kind: 'http', code: 403, problem: null, start: 0, end: 8, excerpt: 'HTTP 403', ...finding };
  return {
    line,
    column: 3,
    finding: full,
    diagnosis: {
      key: full.code !== null ? `http:${full.code}` : `${full.kind}:${full.problem}`,
      kind: full.kind,
      code: full.code,
      problem: full.problem,
      title: '403 Forbidden',
      short: 'token refused',
      meaning: 'The receiver refused the credentials.',
      side: 'request',
      retry: { verdict: 'no-retry', text: 'Not retried.' },
      steps: ['Paste the token again.', 'Check the Bearer prefix.'],
      sources: ['https://example.com'],
      ...diagnosis,
    },
  };
}

const forbidden = located(2, {});
const refused = located(
  7,
  { kind: 'network', code: null, problem: 'connection-refused', excerpt: 'connect: connection refused' },
  {
    title: 'Connection refused',
    meaning: 'Nothing listens there.',
    retry: { verdict: 'retries', text: 'Retried later.' },
    steps: ['Check the host.'],
    whereToLook: 'Deliveries tab',
  },
);

describe('JSON lines', () => {
  it('puts the contract fields first, in order, then the extras', () => {
    const record = toJsonRecord('app.log', forbidden);
    expect(Object.keys(record).slice(0, CONTRACT_KEYS.length)).toEqual(CONTRACT_KEYS);
    expect(record).toEqual({
      file: 'app.log',
      line: 2,
      kind: 'http',
      code: 403,
      problem: null,
      title: '403 Forbidden',
      steps: ['Paste the token again.', 'Check the Bearer prefix.'],
      column: 3,
      key: 'http:403',
      excerpt: 'HTTP 403',
      meaning: 'The receiver refused the credentials.',
      retry: { verdict: 'no-retry', text: 'Not retried.' },
    });
  });

  const lines: { name: string; item: LocatedFinding; file: string; fields: Record<string, unknown> }[] = [
    { name: 'an HTTP finding', item: forbidden, file: 'a.log', fields: { file: 'a.log', line: 2, kind: 'http', code: 403, problem: null } },
    {
      name: 'a network finding',
      item: refused,
      file: '-',
      fields: { file: '-', line: 7, kind: 'network', code: null, problem: 'connection-refused' },
    },
  ];
  it.each(lines)('writes $name as one parseable line', ({ item, file, fields }) => {
    const text = formatJsonLine(file, item);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(text)).toMatchObject(fields);
  });

  it.each(lines)('writes $name exactly as JSON.stringify of its record, twice in a row', ({ item, file }) => {
    const expected = `${JSON.stringify(toJsonRecord(file, item))}\n`;
    expect(formatJsonLine(file, item)).toBe(expected);
    expect(formatJsonLine(file, item)).toBe(expected);
  });

  it('writes each diagnosis its own fields when copies share one list of steps', () => {
    const base = located(3, {});
    const withWords = { ...base, diagnosis: { ...base.diagnosis, receiver: { message: 'token expired', field: 'token' } } };
    const retitled = { ...base, diagnosis: { ...base.diagnosis, title: '403 Forbidden: bad_token', meaning: 'Other words.' } };
    for (const item of [base, withWords, retitled, base]) {
      expect(formatJsonLine('a.log', item)).toBe(`${JSON.stringify(toJsonRecord('a.log', item))}\n`);
    }
  });

  it('leaves out detector internals such as offsets and details', () => {
    const record = toJsonRecord('a.log', located(1, { detail: { reason: 'x' }, start: 5, end: 9 }));
    expect(Object.keys(record)).not.toContain('start');
    expect(Object.keys(record)).not.toContain('detail');
  });
});

describe('ReadableReport', () => {
  it('explains the first finding of a kind in full and refers back for repeats', () => {
    const report = new ReadableReport();
    const text =
      report.findings('a.log', [forbidden, refused]) +
      report.findings('a.log', [located(9, {})]) +
      report.findings('b.log', [located(1, {})]) +
      report.summary(2);
    expect(text).toBe(
      [
        '== a.log',
        'a.log:2  403  403 Forbidden',
        '    The receiver refused the credentials.',
        '    Retry: Not retried.',
        '    1. Paste the token again.',
        '    2. Check the Bearer prefix.',
        'a.log:7  connection-refused  Connection refused',
        '    Nothing listens there.',
        '    Retry: Retried later.',
        '    Where to look: Deliveries tab',
        '    1. Check the host.',
        'a.log:9  403  403 Forbidden  (explained at a.log:2)',
        '',
        '== b.log',
        'b.log:1  403  403 Forbidden  (explained at a.log:2)',
        '',
        '4 findings in 2 files: 3 × 403 Forbidden, 1 × Connection refused',
        '',
      ].join('\n'),
    );
  });

  const summaries: { name: string; feed: (r: ReadableReport) => void; filesRead: number; expected: string }[] = [
    { name: 'nothing found in one file', feed: () => {}, filesRead: 1, expected: 'No webhook problems found in 1 file.\n' },
    { name: 'nothing found in three files', feed: () => {}, filesRead: 3, expected: 'No webhook problems found in 3 files.\n' },
    {
      name: 'one finding',
      feed: (r) => r.findings('x', [refused]),
      filesRead: 2,
      expected: '\n1 finding in 1 file: 1 × Connection refused\n',
    },
    { name: 'an empty batch', feed: (r) => r.findings('x', []), filesRead: 1, expected: 'No webhook problems found in 1 file.\n' },
  ];
  it.each(summaries)('summary: $name', ({ feed, filesRead, expected }) => {
    const report = new ReadableReport();
    feed(report);
    expect(report.summary(filesRead)).toBe(expected);
  });

  it('colours headings only with the colour palette', () => {
    expect(new ReadableReport().findings('a.log', [forbidden])).not.toContain('\u001b[');
    expect(new ReadableReport(COLOR_PALETTE).findings('a.log', [forbidden])).toContain('\u001b[31m403 Forbidden\u001b[39m');
  });

  it('never passes terminal escapes from log text through', () => {
    const hostile = located(1, {}, { title: 'evil \u001b]0;pwned\u0007 title', steps: ['\u001b[2J wipe'] });
    const text = new ReadableReport().findings('a\u001b[1m.log', [hostile]);
    const controls = [...text].filter((ch) => ch !== '\n' && (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f));
    expect(controls).toEqual([]);
  });
});

describe('findingLabel', () => {
  const cases: { item: LocatedFinding; expected: string }[] = [
    { item: forbidden, expected: '403' },
    { item: refused, expected: 'connection-refused' },
    { item: located(1, { kind: 'rate-limit', code: 429, problem: 'rate-limited' }), expected: '429' },
    { item: located(1, { kind: 'json', code: null, problem: null }), expected: 'json' },
  ];
  it.each(cases)('$expected', ({ item, expected }) => {
    expect(findingLabel(item)).toBe(expected);
  });
});

describe('shouldUseColor', () => {
  const cases: { isTTY: boolean | undefined; env: Record<string, string>; expected: boolean }[] = [
    { isTTY: true, env: {}, expected: true },
    { isTTY: true, env: { NO_COLOR: '1' }, expected: false },
    { isTTY: true, env: { NO_COLOR: '' }, expected: false },
    { isTTY: false, env: {}, expected: false },
    { isTTY: undefined, env: {}, expected: false },
  ];
  it.each(cases)('tty $isTTY, env $env → $expected', ({ isTTY, env, expected }) => {
    expect(shouldUseColor(isTTY, env)).toBe(expected);
  });
});

describe('printable', () => {
  const cases: { input: string; expected: string }[] = [
    { input: 'HTTP 403\tForbidden', expected: 'HTTP 403\tForbidden' },
    { input: 'a\u001b[31mb', expected: 'a\ufffd[31mb' },
    { input: 'bell\u0007 del\u007f c1\u009b', expected: 'bell\ufffd del\ufffd c1\ufffd' },
    { input: 'ステータスコード 404 😀', expected: 'ステータスコード 404 😀' },
  ];
  it.each(cases)('$input', ({ input, expected }) => {
    expect(printable(input)).toBe(expected);
  });
});
