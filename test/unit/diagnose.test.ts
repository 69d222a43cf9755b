// diagnose() composes the catalog's base entry with the provider and endpoint layers. Findings are
// built by hand here: the detectors are tested on their own.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DiagnoseContext, Finding, FindingKind, ProviderId } from '../../src/engine/types';
import { diagnose, diagnoseText } from '../../src/engine/diagnose';
import { findingKey } from '../../src/engine/finding-model';
import { CLASS_FALLBACK_ADVICE, PROBLEM_ENTRIES, PROVIDER_LAYERS, STATUS_ADVICE } from '../../src/engine/catalog';
import { poplar } from '../../src/engine/catalog/endpoints/poplar';
import { LOWER_SEND_RATE_STEP } from '../../src/engine/catalog/common-steps';
import { MAX_STEPS, mergeSteps, mergeUnique } from '../../src/engine/catalog/steps';

const MAILING = 'https://api.heypoplar.com/v1/mailing/';
const AUDIENCES = 'https://api.heypoplar.com/v1/audiences';
const PROVIDERS = Object.keys(PROVIDER_LAYERS) as ProviderId[];

function finding(fields: Partial<Finding> & Pick<Finding, 'kind'>): Finding {
  return { code: null, problem: null, start: 0, end: 3, excerpt: 'row', ...fields };
}

const http = (code: number) => finding({ kind: 'http', code });
const problem = (kind: FindingKind, id: string, detail?: Finding['detail']) =>
  finding({ kind, problem: id, ...(detail ? { detail } : {}) });

function normalized(step: string): string {
  return step.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

/** Every finding the catalog has an entry for, plus a few odd ones. */
const SAMPLE_FINDINGS: Finding[] = [
  ...[100, 200, 301, 400, 401, 403, 404, 408, 409, 412, 429, 477, 487, 500, 503, 520, 598, 599, 600, 99].map(http),
  ...PROBLEM_ENTRIES.map((entry) => problem(entry.kind, entry.id)),
  finding({ kind: 'rate-limit', code: 429 }),
];

const CONTEXTS: DiagnoseContext[] = [
  {},
  { endpointUrl: MAILING },
  { endpointUrl: AUDIENCES },
  ...PROVIDERS.flatMap((provider) => [{ provider }, { provider, endpointUrl: MAILING }, { provider, endpointUrl: AUDIENCES }]),
];

describe('diagnosis keys', () => {
  it.each([
    [http(403), 'http:403'],
    [http(487), 'http:487'],
    [http(600), 'http:600'],
    [problem('network', 'connection-refused'), 'network:connection-refused'],
    [problem('credential', 'masked-token'), 'credential:masked-token'],
    [problem('json', 'invalid-json'), 'json:invalid-json'],
    [finding({ kind: 'rate-limit', code: 429 }), 'rate-limit:rate-limited'],
    [finding({ kind: 'rate-limit', problem: 'rate-limited' }), 'rate-limit:rate-limited'],
    [problem('network', 'something-new'), 'network:something-new'],
  ])('keys %j as %s', (input, key) => {
    expect(findingKey(input)).toBe(key);
    expect(diagnose(input).key).toBe(key);
  });

  it('copies kind, code and problem from the finding', () => {
    const result = diagnose(problem('credential', 'masked-token'));
    expect(result).toMatchObject({ kind: 'credential', code: null, problem: 'masked-token' });
    expect(diagnose(http(502))).toMatchObject({ kind: 'http', code: 502, problem: null });
  });
});

describe('titles and base entries', () => {
  it.each([
    [http(403), '403 Forbidden', 'token refused'],
    [http(413), '413 Content Too Large', 'body too large'],
    [http(422), '422 Unprocessable Content', 'data not valid'],
    [http(598), '598 Host Unhealthy', 'host paused by sender'],
    [http(487), 'Client error (487)', CLASS_FALLBACK_ADVICE[4].short],
    [http(600), 'Server error (600)', CLASS_FALLBACK_ADVICE[5].short],
    [http(99), 'Server error (99)', CLASS_FALLBACK_ADVICE[5].short],
    [problem('network', 'connection-refused'), 'Connection refused', 'connection refused'],
    [finding({ kind: 'rate-limit', code: 429 }), 'Rate limit reached (429 Too Many Requests)', 'rate limited'],
    [problem('network', 'something-new'), 'Unrecognized network problem', 'unrecognized problem'],
  ])('titles %j as "%s" with badge "%s"', (input, title, short) => {
    const result = diagnose(input);
    expect(result.title).toBe(title);
    expect(result.short).toBe(short);
  });

  it('handles the unknown 487 like 400 and the out-of-range 600 like 500', () => {
    const client = diagnose(http(487));
    expect(client.side).toBe('request');
    expect(client.meaning).toContain('400 Bad Request');
    expect(client.steps).toEqual(CLASS_FALLBACK_ADVICE[4].steps);
    const server = diagnose(http(600));
    expect(server.side).toBe('receiver');
    expect(server.meaning).toContain('500 Internal Server Error');
    expect(server.steps).toEqual(CLASS_FALLBACK_ADVICE[5].steps);
  });

  it('uses the advice written for a code when there is one', () => {
    expect(diagnose(http(409)).steps).toEqual(STATUS_ADVICE[409]?.steps);
    expect(diagnose(http(409)).meaning).toBe(STATUS_ADVICE[409]?.meaning);
  });
});

describe('layer composition', () => {
  it('orders steps endpoint first, then provider, then generic', () => {
    const result = diagnose(http(403), { provider: 'klaviyo', endpointUrl: AUDIENCES });
    const endpointSteps = poplar.steps('http:403', AUDIENCES, 'klaviyo');
    const providerStep = PROVIDER_LAYERS.klaviyo.steps['http:403']?.[0] ?? '';
    expect(result.steps.slice(0, endpointSteps.length)).toEqual(endpointSteps);
    expect(result.steps[endpointSteps.length]).toBe(providerStep);
    expect(result.steps[0]).toMatch(/^Only the Mailing API accepts the test token/);
  });

  it('falls through to provider and generic steps when the endpoint has nothing for the code', () => {
    expect(diagnose(http(404), { provider: 'klaviyo', endpointUrl: MAILING }).steps).toEqual([
      ...(PROVIDER_LAYERS.klaviyo.steps['http:4xx'] ?? []),
      ...(STATUS_ADVICE[404]?.steps ?? []),
    ]);
  });

  it('adds class-wide provider steps after the code-specific ones', () => {
    const steps = diagnose(http(403), { provider: 'braze' }).steps;
    const allowlist = steps.findIndex((step) => /allowlist/.test(step));
    const testTab = steps.findIndex((step) => /Test tab/.test(step));
    expect(allowlist).toBe(0);
    expect(testTab).toBe(1);
  });

  it('lists a step shared by two layers once', () => {
    const steps = diagnose(finding({ kind: 'rate-limit', code: 429 }), { endpointUrl: MAILING }).steps;
    expect(steps.filter((step) => step === LOWER_SEND_RATE_STEP.text)).toHaveLength(1);
    expect(poplar.steps('http:429', MAILING)).toContain(LOWER_SEND_RATE_STEP.text);
  });

  it('does not repeat the Klaviyo ### step when Klaviyo is the known provider', () => {
    const steps = diagnose(http(403), { provider: 'klaviyo', endpointUrl: MAILING }).steps;
    expect(steps.filter((step) => step.includes('###')).length).toBeLessThanOrEqual(2);
    expect(steps.some((step) => step.startsWith('Klaviyo only'))).toBe(false);
    const unknownEsp = diagnose(http(403), { endpointUrl: MAILING }).steps;
    expect(unknownEsp.some((step) => step.startsWith('Klaviyo only'))).toBe(true);
  });

  it('keeps steps within the cap and free of repeats in every context', () => {
    for (const input of SAMPLE_FINDINGS) {
      for (const ctx of CONTEXTS) {
        const { steps, key } = diagnose(input, ctx);
        const label = `${key} ${JSON.stringify(ctx)}`;
        expect(steps.length, label).toBeGreaterThan(0);
        expect(steps.length, label).toBeLessThanOrEqual(MAX_STEPS);
        expect(new Set(steps.map(normalized)).size, label).toBe(steps.length);
      }
    }
  });

  it('adds provider and endpoint notes to the meaning', () => {
    expect(diagnose(http(598), { provider: 'braze' }).meaning).toMatch(/3,000/);
    expect(diagnose(http(598)).meaning).not.toMatch(/3,000/);
    expect(diagnose(http(500), { endpointUrl: MAILING }).meaning).toMatch(/Poplar.*rare/);
  });

  it('applies the Poplar checklist to a rate limit seen in headers', () => {
    const steps = diagnose(finding({ kind: 'rate-limit', code: 429 }), { endpointUrl: MAILING }).steps;
    expect(steps.join(' ')).toContain('support@heypoplar.com');
  });

  it('merges sources without repeats and cites an endpoint only when it contributed', () => {
    const used = diagnose(http(403), { provider: 'braze', endpointUrl: MAILING }).sources;
    expect(used).toContain('https://docs.heypoplar.com/integrations/troubleshooting/status-errors');
    expect(used).toContain('https://www.rfc-editor.org/rfc/rfc9110#status.403');
    expect(new Set(used).size).toBe(used.length);
    const unused = diagnose(problem('network', 'dns-failure'), { endpointUrl: MAILING }).sources;
    expect(unused.some((source) => source.includes('heypoplar'))).toBe(false);
    for (const input of SAMPLE_FINDINGS) {
      for (const source of diagnose(input, { provider: 'hubspot', endpointUrl: MAILING }).sources) {
        expect(source).toMatch(/^https:\/\//);
      }
    }
  });
});

describe('detail woven into the text', () => {
  it('puts the JSON position into the title and the reason into the meaning', () => {
    const result = diagnose(problem('json', 'invalid-json', { line: 3, column: 14, reason: 'Unexpected token }' }));
    expect(result.title).toBe('Body is not valid JSON (line 3, column 14)');
    expect(result.meaning).toContain('line 3, column 14: Unexpected token }.');
  });

  it('names the missing fields in the title and the meaning', () => {
    const result = diagnose(problem('json', 'missing-required-field', { fields: ['city', 'postal_code'] }));
    expect(result.title).toBe('Required field missing: city, postal_code');
    expect(result.meaning).toContain('city, postal_code');
  });

  it.each([
    [{}, 'Body is not valid JSON'],
    [{ line: 0, column: 4 }, 'Body is not valid JSON'],
    [{ line: 2 }, 'Body is not valid JSON (line 2)'],
    [{ fields: [] }, 'Body is not valid JSON'],
    [{ fields: ['', '  '] }, 'Body is not valid JSON'],
  ])('titles invalid JSON with detail %j as "%s"', (detail, title) => {
    expect(diagnose(problem('json', 'invalid-json', detail)).title).toBe(title);
  });

  it('keeps a long list of fields and a long reason short', () => {
    const fields = Array.from({ length: 10 }, (_, index) => `field_${index}`);
    const result = diagnose(problem('json', 'missing-required-field', { fields, reason: 'x'.repeat(5000) }));
    expect(result.title).toContain('and 4 more');
    expect(result.meaning.length).toBeLessThan(800);
  });

  it('leaves the detail out of an HTTP title', () => {
    expect(diagnose(finding({ kind: 'http', code: 400, detail: { line: 2, column: 1 } })).title).toBe('400 Bad Request');
  });

  it("adds the receiver's requested wait to the retry text", () => {
    const advice = diagnose(finding({ kind: 'rate-limit', code: 429, detail: { retryAdvice: 'in 30 seconds' } }));
    expect(advice.retry.text).toContain('try again in 30 seconds.');
    const seconds = diagnose(finding({ kind: 'rate-limit', code: 429, detail: { retryAfterSeconds: 1 } }));
    expect(seconds.retry.text).toContain('wait 1 second before');
  });
});

describe('retry answers', () => {
  it('states the general rule when the provider is unknown', () => {
    for (const code of [429, 500, 403]) {
      const { retry } = diagnose(http(code));
      expect(retry.verdict).toBe('unknown');
      expect(retry.text).toContain('Most ESPs retry 429 and 5xx');
    }
  });

  it.each([
    ['klaviyo', 500, 'retries'],
    ['klaviyo', 403, 'no-retry'],
    ['braze', 408, 'retries'],
    ['hubspot', 429, 'retries'],
    ['iterable', 500, 'unknown'],
  ] as const)('takes the %s answer for %i (%s)', (provider, code, verdict) => {
    expect(diagnose(http(code), { provider }).retry.verdict).toBe(verdict);
  });

  it('answers a credential problem by the status it would cause', () => {
    const { retry } = diagnose(problem('credential', 'masked-token'), { provider: 'klaviyo' });
    expect(retry.verdict).toBe('no-retry');
    expect(retry.text).toMatch(/^Sent as is, the receiver would most likely answer 403 Forbidden\./);
  });

  it('answers a rate limit as a 429', () => {
    expect(diagnose(finding({ kind: 'rate-limit' }), { provider: 'klaviyo' }).retry.verdict).toBe('retries');
  });

  it('answers a network problem from the provider policy', () => {
    expect(diagnose(problem('network', 'timeout'), { provider: 'customerio' }).retry.verdict).toBe('retries');
    expect(diagnose(problem('network', 'timeout')).retry.verdict).toBe('unknown');
  });
});

describe('where to look', () => {
  it('is absent without a provider', () => {
    expect(diagnose(http(403)).whereToLook).toBeUndefined();
  });

  it('points to the log for a failed call and to the editor for a field problem', () => {
    expect(diagnose(http(403), { provider: 'klaviyo' }).whereToLook).toBe(PROVIDER_LAYERS.klaviyo.whereToLook.log);
    expect(diagnose(problem('credential', 'masked-token'), { provider: 'klaviyo' }).whereToLook).toBe(
      PROVIDER_LAYERS.klaviyo.whereToLook.editor,
    );
  });
});

describe('robustness', () => {
  const kinds: FindingKind[] = ['http', 'network', 'credential', 'json', 'rate-limit'];
  const problemIds = [...PROBLEM_ENTRIES.map((entry) => entry.id), 'constructor', '__proto__', 'toString', ''];
  const arbitraryFinding = fc.record({
    kind: fc.constantFrom(...kinds),
    code: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: null }),
    problem: fc.option(fc.oneof(fc.constantFrom(...problemIds), fc.string()), { nil: null }),
    start: fc.nat(),
    end: fc.nat(),
    excerpt: fc.string(),
    detail: fc.option(
      fc.record(
        {
          line: fc.oneof(fc.integer(), fc.double()),
          column: fc.integer(),
          reason: fc.string(),
          fields: fc.array(fc.string()),
          retryAfterSeconds: fc.double(),
          retryAdvice: fc.string(),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  });
  const arbitraryContext = fc.record(
    {
      provider: fc.constantFrom(...PROVIDERS, 'constructor' as ProviderId, 'nope' as ProviderId),
      endpointUrl: fc.oneof(fc.constant(MAILING), fc.constant(AUDIENCES), fc.string()),
    },
    { requiredKeys: [] },
  );

  it('never throws and always returns a usable diagnosis', () => {
    fc.assert(
      fc.property(arbitraryFinding, arbitraryContext, (input, ctx) => {
        const result = diagnose(input as Finding, ctx);
        expect(result.title.trim()).not.toBe('');
        expect(result.meaning.trim()).not.toBe('');
        expect(result.short.length).toBeLessThanOrEqual(24);
        expect(result.steps.length).toBeLessThanOrEqual(MAX_STEPS);
        expect(result.steps.every((step) => typeof step === 'string' && step !== '')).toBe(true);
        expect(['retries', 'no-retry', 'unknown']).toContain(result.retry.verdict);
      }),
    );
  });
});

describe('mergeSteps and mergeUnique', () => {
  it.each([
    [
      [
        ['A', 'B'],
        ['a.', ' B ', 'C'],
      ],
      8,
      ['A', 'B', 'C'],
    ],
    [[['', '  '], ['D']], 8, ['D']],
    [
      [
        ['1', '2', '3'],
        ['4', '5'],
      ],
      3,
      ['1', '2', '3'],
    ],
    [[[], []], 8, []],
  ])('merges %j with cap %i into %j', (lists, max, expected) => {
    expect(mergeSteps(lists, max)).toEqual(expected);
  });

  it('keeps the first of equal values in order', () => {
    expect(
      mergeUnique([
        ['b', 'a'],
        ['a', 'c'],
      ]),
    ).toEqual(['b', 'a', 'c']);
  });
});

describe('diagnoseText', () => {
  it('finds nothing in empty text', () => {
    expect(diagnoseText('')).toEqual([]);
  });

  it('diagnoses each detected finding with the given context', () => {
    const ctx: DiagnoseContext = { provider: 'braze', endpointUrl: MAILING };
    const results = diagnoseText('Webhook failed: HTTP 403 Forbidden\nconnect: connection refused', ctx);
    for (const { finding: found, diagnosis } of results) {
      expect(diagnosis).toEqual(diagnose(found, ctx));
      expect(diagnosis.key).toBe(findingKey(found));
      expect(['http:403', 'network:connection-refused']).toContain(diagnosis.key);
    }
  });

  it("keeps each context's diagnosis apart when later calls reuse them", () => {
    const text = 'Webhook failed: HTTP 403 Forbidden';
    const contexts: DiagnoseContext[] = [
      {},
      { provider: 'braze' },
      { provider: 'klaviyo', endpointUrl: MAILING },
      { endpointUrl: AUDIENCES },
    ];
    // Twice over, so the second round is served by what the first one kept.
    for (const ctx of [...contexts, ...contexts]) {
      const [result] = diagnoseText(text, ctx);
      expect(result!.diagnosis).toEqual(diagnose(result!.finding, ctx));
    }
  });

  it('hands out kept diagnoses that no caller can change for the next one', () => {
    const [first] = diagnoseText('Webhook failed: HTTP 404 Not Found');
    expect(() => (first!.diagnosis.steps as string[]).push('changed')).toThrow(TypeError);
    const [again] = diagnoseText('Webhook failed: HTTP 404 Not Found');
    expect(again!.diagnosis).toEqual(diagnose(again!.finding));
  });
});
