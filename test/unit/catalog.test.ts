// Data-file tests for the troubleshooting catalog: every table is complete, consistent and
// follows the facts in notes/esp-pages.md.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ProviderId, RetryVerdict } from '../../src/engine/types';
import type { Advice } from '../../src/engine/catalog/types';
import {
  CLASS_FALLBACK_ADVICE,
  ENDPOINT_LAYERS,
  PROBLEM_ENTRIES,
  PROVIDER_LAYERS,
  STATUS_ADVICE,
  STATUS_RECORDS,
  endpointFor,
  problemEntry,
  providerLayer,
  requiredFieldsFor,
  statusEntry,
  statusName,
  statusTitle,
} from '../../src/engine/catalog';
import { statusClass } from '../../src/engine/catalog/http-status';
import { codeForReasonPhrase } from '../../src/engine/detect/status/status-reasons';
import { ERROR_STATUS_NAMES, NON_ERROR_STATUS_NAMES } from '../../src/engine/status-names';
import { isPoplarMailingApi, poplar, readPoplarError } from '../../src/engine/catalog/endpoints/poplar';
import { providerById, providerName } from '../../src/providers';

const REGISTERED_CODES = [
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308, 400, 401, 402, 403,
  404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501,
  502, 503, 504, 505, 506, 507, 508, 510, 511,
];

const VENDOR_CODES = [444, 477, 494, 495, 496, 497, 499, 520, 521, 522, 523, 524, 525, 526, 527, 529, 598, 599];

/** Codes a webhook can fail with that must have advice of their own. */
const ADVISED_CODES = [
  400, 401, 402, 403, 404, 405, 406, 408, 409, 410, 411, 413, 414, 415, 422, 423, 425, 429, 431, 451, 477, 500, 501, 502, 503, 504, 505,
  507, 508, 520, 521, 522, 523, 524, 525, 526, 529, 598, 599,
];

const PROBLEM_KINDS: readonly [string, string][] = [
  ['receiver-error', 'http'],
  ['connection-refused', 'network'],
  ['connection-reset', 'network'],
  ['connection-failed', 'network'],
  ['dns-failure', 'network'],
  ['tls-certificate', 'network'],
  ['tls-handshake', 'network'],
  ['timeout', 'network'],
  ['unexpected-eof', 'network'],
  ['host-unreachable', 'network'],
  ['masked-token', 'credential'],
  ['placeholder-token', 'credential'],
  ['missing-bearer-prefix', 'credential'],
  ['malformed-scheme', 'credential'],
  ['doubled-scheme', 'credential'],
  ['quoted-value', 'credential'],
  ['whitespace-in-token', 'credential'],
  ['malformed-basic', 'credential'],
  ['empty-token', 'credential'],
  ['invalid-json', 'json'],
  ['template-breaks-json', 'json'],
  ['missing-required-field', 'json'],
  ['empty-required-field', 'json'],
  ['rate-limited', 'rate-limit'],
  ['test-token-wrong-endpoint', 'credential'],
  ['wrong-auth-header', 'credential'],
  ['wrong-auth-scheme', 'credential'],
  ['basic-wrong-user', 'credential'],
  ['secret-belongs-in-url', 'credential'],
  ['incomplete-webhook-url', 'credential'],
  ['unusable-webhook-url', 'credential'],
  ['wrong-body-format', 'json'],
  ['body-too-large', 'json'],
];

function normalized(step: string): string {
  return step.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

const ALL_ADVICE: readonly [string, Advice][] = [
  ...Object.entries(STATUS_ADVICE).map(([code, advice]): [string, Advice] => [`status ${code}`, advice]),
  ...Object.entries(CLASS_FALLBACK_ADVICE).map(([cls, advice]): [string, Advice] => [`class ${cls}xx`, advice]),
  ...PROBLEM_ENTRIES.map((entry): [string, Advice] => [`problem ${entry.id}`, entry]),
];

describe('status names', () => {
  it('resolves every code from 100 to 599 to a non-empty name and title', () => {
    for (let code = 100; code <= 599; code++) {
      expect(statusName(code).trim(), String(code)).not.toBe('');
      expect(statusTitle(code), String(code)).toContain(String(code));
    }
  });

  it.each([
    [100, 'Continue'],
    [103, 'Early Hints'],
    [200, 'OK'],
    [208, 'Already Reported'],
    [226, 'IM Used'],
    [306, '(Unused)'],
    [308, 'Permanent Redirect'],
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [408, 'Request Timeout'],
    [413, 'Content Too Large'],
    [414, 'URI Too Long'],
    [416, 'Range Not Satisfiable'],
    [418, '(Unused)'],
    [421, 'Misdirected Request'],
    [422, 'Unprocessable Content'],
    [425, 'Too Early'],
    [429, 'Too Many Requests'],
    [431, 'Request Header Fields Too Large'],
    [451, 'Unavailable For Legal Reasons'],
    [500, 'Internal Server Error'],
    [504, 'Gateway Timeout'],
    [508, 'Loop Detected'],
    [511, 'Network Authentication Required'],
    [477, 'Migration in Progress'],
    [520, 'Web Server Returned an Unknown Error'],
    [521, 'Web Server Is Down'],
    [522, 'Connection Timed Out'],
    [523, 'Origin Is Unreachable'],
    [524, 'A Timeout Occurred'],
    [525, 'SSL Handshake Failed'],
    [526, 'Invalid SSL Certificate'],
    [529, 'Host Overloaded'],
    [598, 'Host Unhealthy'],
    [599, 'Connection Error'],
  ])('names %i "%s"', (code, name) => {
    expect(statusName(code)).toBe(name);
    expect(statusTitle(code)).toBe(`${code} ${name}`);
  });

  it.each([
    [150, 'Informational (150)'],
    [299, 'Success (299)'],
    [399, 'Redirection (399)'],
    [419, 'Client error (419)'],
    [487, 'Client error (487)'],
    [509, 'Server error (509)'],
    [555, 'Server error (555)'],
  ])('names the unregistered code %i after its class: "%s"', (code, name) => {
    expect(statusName(code)).toBe(name);
    expect(statusTitle(code)).toBe(name);
  });

  it.each([600, 99, 0, -1, 1000, 404.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'treats the out-of-range value %s as a server error',
    (value) => {
      expect(statusClass(value)).toBe(5);
      expect(statusName(value)).toMatch(/^Server error \(/);
    },
  );

  it('holds exactly the IANA-registered codes, each with a reference URL', () => {
    const iana = [...STATUS_RECORDS.values()].filter((record) => record.registry === 'iana');
    expect(iana.map((record) => record.code).sort((a, b) => a - b)).toEqual(REGISTERED_CODES);
    for (const record of iana) expect(record.reference, String(record.code)).toMatch(/^https:\/\//);
  });

  it('links RFC 9110 codes to their own section', () => {
    expect(STATUS_RECORDS.get(403)?.reference).toBe('https://www.rfc-editor.org/rfc/rfc9110#status.403');
    expect(STATUS_RECORDS.get(429)?.reference).toBe('https://www.rfc-editor.org/rfc/rfc6585');
  });

  it('marks the codes ESP pages show outside the registry as vendor codes', () => {
    const vendor = [...STATUS_RECORDS.values()].filter((record) => record.registry === 'vendor');
    expect(vendor.map((record) => record.code).sort((a, b) => a - b)).toEqual(VENDOR_CODES);
    for (const record of vendor) expect(record.reference, String(record.code)).toMatch(/^https:\/\//);
  });

  it.each([104, 419, 420, 427, 430, 509])('does not invent a registered name for %i', (code) => {
    expect(STATUS_RECORDS.has(code)).toBe(false);
  });

  it('has no code listed twice', () => {
    const codes = [...NON_ERROR_STATUS_NAMES, ...ERROR_STATUS_NAMES].map(([code]) => code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('names the codes the status detector reads, by the same names', () => {
    for (const [code, name] of ERROR_STATUS_NAMES) {
      expect(STATUS_RECORDS.get(code)?.name, String(code)).toBe(name);
      const said = name.replace(/\s*\(.*\)$/, '');
      if (said) expect(codeForReasonPhrase(said), name).toBe(code);
    }
    for (const [code, name] of NON_ERROR_STATUS_NAMES) {
      expect(STATUS_RECORDS.get(code)?.name, String(code)).toBe(name);
      expect(codeForReasonPhrase(name), name).toBeUndefined();
    }
  });

  it.each([
    [418, "I'm a teapot"],
    [510, 'Not Extended'],
    [499, 'Client Closed Request'],
    [413, 'Payload Too Large'],
  ])('%i is read from %j', (code, phrase) => expect(codeForReasonPhrase(phrase)).toBe(code));

  it('never throws and never returns an empty name for any number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), (value) => {
        expect(statusName(value)).not.toBe('');
        expect(statusEntry(value).advice.steps.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('status advice', () => {
  it.each(ADVISED_CODES)('has advice written for %i', (code) => {
    expect(STATUS_ADVICE[code]).toBeDefined();
    expect(statusEntry(code).specific).toBe(true);
  });

  it('only advises codes that have a name', () => {
    for (const code of Object.keys(STATUS_ADVICE).map(Number)) expect(STATUS_RECORDS.has(code), String(code)).toBe(true);
  });

  it('gives every code from 100 to 599 some advice', () => {
    for (let code = 100; code <= 599; code++) expect(statusEntry(code).advice.steps.length, String(code)).toBeGreaterThanOrEqual(3);
  });

  it.each([
    [487, 4],
    [419, 4],
    [555, 5],
    [600, 5],
    [99, 5],
    [399, 3],
  ])('falls back to the class advice for %i (class %i)', (code, cls) => {
    const entry = statusEntry(code);
    expect(entry.specific).toBe(false);
    expect(entry.known).toBe(false);
    expect(entry.advice.short).toBe(CLASS_FALLBACK_ADVICE[cls as 1 | 2 | 3 | 4 | 5].short);
    expect(entry.advice.meaning).toContain(`${cls}00`);
  });

  it('keeps the registered meaning untouched for a named code without advice (412)', () => {
    const entry = statusEntry(412);
    expect(entry).toMatchObject({ known: true, specific: false, title: '412 Precondition Failed' });
    expect(entry.advice.meaning).toBe(CLASS_FALLBACK_ADVICE[4].meaning);
  });

  it('gives 408 and 409 steps of their own, not the 405 "check the method" steps', () => {
    const steps = (code: number) => new Set((STATUS_ADVICE[code]?.steps ?? []).map(normalized));
    const methodSteps = steps(405);
    for (const code of [408, 409]) {
      const own = steps(code);
      expect(own.size, String(code)).toBeGreaterThanOrEqual(3);
      for (const step of own) {
        expect(methodSteps.has(step), `${code}: ${step}`).toBe(false);
        expect(step, `${code}: ${step}`).not.toMatch(/http method/);
      }
    }
    const timeout = steps(408);
    for (const step of steps(409)) expect(timeout.has(step), step).toBe(false);
  });

  it('talks about time for 408 and about duplicates and state for 409', () => {
    expect((STATUS_ADVICE[408]?.steps ?? []).join(' ')).toMatch(/answer within|slow|retr/i);
    expect((STATUS_ADVICE[409]?.steps ?? []).join(' ')).toMatch(/twice|idempoten/i);
    expect((STATUS_ADVICE[409]?.steps ?? []).join(' ')).toMatch(/state|already/i);
  });

  it.each([
    [403, 'request'],
    [404, 'request'],
    [408, 'receiver'],
    [429, 'rate-limit'],
    [500, 'receiver'],
    [503, 'receiver'],
    [599, 'network'],
  ])('puts %i on the %s side', (code, side) => {
    expect(STATUS_ADVICE[code]?.side).toBe(side);
  });
});

describe('every advice entry', () => {
  it.each(ALL_ADVICE)('%s is complete', (_name, advice) => {
    expect(advice.meaning.trim().length).toBeGreaterThan(20);
    expect(advice.short.trim()).not.toBe('');
    expect(advice.short.length).toBeLessThanOrEqual(24);
    expect(advice.steps.length).toBeGreaterThanOrEqual(3);
    expect(advice.steps.length).toBeLessThanOrEqual(6);
    for (const step of advice.steps) expect(step.trim().length).toBeGreaterThan(10);
    expect(new Set(advice.steps.map(normalized)).size).toBe(advice.steps.length);
    expect(advice.sources.length).toBeGreaterThan(0);
    for (const source of advice.sources) expect(source).toMatch(/^https:\/\/[^\s]+$/);
  });
});

describe('problems', () => {
  it.each(PROBLEM_KINDS)('has an entry for %s (%s)', (id, kind) => {
    const entry = problemEntry(id);
    expect(entry?.id).toBe(id);
    expect(entry?.kind).toBe(kind);
    expect(entry?.title.trim()).not.toBe('');
  });

  it('lists no problem twice and nothing beyond the known ids', () => {
    const ids = PROBLEM_ENTRIES.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(PROBLEM_KINDS.map(([id]) => id).sort());
  });

  it.each(['', 'unknown-thing', 'constructor', '__proto__', 'toString'])('has no entry for "%s"', (id) => {
    expect(problemEntry(id)).toBeUndefined();
  });

  it("explains Klaviyo's ### artifact for masked tokens and says to paste the token again", () => {
    const entry = problemEntry('masked-token');
    expect(entry?.meaning).toMatch(/Klaviyo/);
    expect(entry?.meaning).toContain('###');
    expect(entry?.steps.join(' ')).toMatch(/paste/i);
    expect(entry?.likelyStatus).toBe(403);
  });

  it.each([
    // Receivers that read their secret from the URL answer 404 without it (Slack no_service, Discord Unknown Webhook).
    ['credential', 401, 404],
    ['json', 400, 400],
  ])('gives every %s problem the status a receiver would answer', (kind, low, high) => {
    for (const entry of PROBLEM_ENTRIES.filter((candidate) => candidate.kind === kind)) {
      expect(entry.likelyStatus, entry.id).toBeGreaterThanOrEqual(low);
      expect(entry.likelyStatus, entry.id).toBeLessThanOrEqual(high);
    }
  });
});

type RetryRow = [number, RetryVerdict];

const RETRY_POLICY: Record<ProviderId, { rows: RetryRow[]; mentions: RegExp }> = {
  braze: {
    rows: [
      [408, 'retries'],
      [429, 'retries'],
      [500, 'retries'],
      [502, 'retries'],
      [503, 'retries'],
      [504, 'retries'],
      [400, 'no-retry'],
      [403, 'no-retry'],
    ],
    mentions: /five times.*30 minutes/,
  },
  klaviyo: {
    rows: [
      [408, 'no-retry'],
      [429, 'retries'],
      [500, 'retries'],
      [502, 'retries'],
      [503, 'retries'],
      [504, 'retries'],
      [400, 'no-retry'],
      [403, 'no-retry'],
    ],
    mentions: /17 times over 24 hours/,
  },
  hubspot: {
    rows: [
      [408, 'no-retry'],
      [429, 'retries'],
      [500, 'retries'],
      [502, 'retries'],
      [503, 'retries'],
      [504, 'retries'],
      [400, 'no-retry'],
      [403, 'no-retry'],
    ],
    mentions: /Retry-After|three days/,
  },
  customerio: {
    rows: [
      [408, 'retries'],
      [429, 'retries'],
      [500, 'retries'],
      [502, 'retries'],
      [503, 'retries'],
      [504, 'retries'],
      [400, 'retries'],
      [403, 'retries'],
    ],
    mentions: /7 days/,
  },
  iterable: {
    rows: [
      [408, 'unknown'],
      [429, 'unknown'],
      [500, 'unknown'],
      [502, 'unknown'],
      [503, 'unknown'],
      [504, 'unknown'],
      [400, 'unknown'],
      [403, 'unknown'],
    ],
    mentions: /discards/,
  },
};

describe('provider layers', () => {
  const ids = Object.keys(RETRY_POLICY) as ProviderId[];

  it('registers each provider under its own id', () => {
    expect(Object.keys(PROVIDER_LAYERS).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(providerLayer(id)).toBe(providerById(id)?.catalog);
  });

  it.each([undefined, null, 'mailchimp', 'constructor', '__proto__'])('has no layer for %s', (id) => {
    expect(providerLayer(id as ProviderId)).toBeUndefined();
  });

  describe.each(ids)('%s', (id) => {
    const layer = PROVIDER_LAYERS[id];
    const policy = RETRY_POLICY[id];

    it.each(policy.rows)('answers %i with "%s"', (code, verdict) => {
      const answer = layer.retry({ kind: 'http', code, problem: null });
      expect(answer.verdict).toBe(verdict);
      expect(answer.text.trim().length).toBeGreaterThan(20);
    });

    it('states its documented schedule for a retried code (or admits it is unknown)', () => {
      const retried = policy.rows.find(([, verdict]) => verdict !== 'no-retry');
      expect(retried).toBeDefined();
      expect(layer.retry({ kind: 'http', code: retried?.[0] ?? 500, problem: null }).text).toMatch(policy.mentions);
    });

    it('says a success code has nothing to retry', () => {
      expect(layer.retry({ kind: 'http', code: 200, problem: null }).verdict).toBe('no-retry');
    });

    it('has where-to-look text, https sources, and well-formed step and note topics', () => {
      expect(layer.whereToLook.log.trim()).not.toBe('');
      expect(layer.whereToLook.editor.trim()).not.toBe('');
      expect(providerName(id).trim()).not.toBe('');
      for (const source of layer.sources) expect(source).toMatch(/^https:\/\//);
      for (const [topic, steps] of Object.entries(layer.steps)) {
        expect(topic).toMatch(/^(http|network|credential|json|rate-limit):[a-z0-9-]+$/);
        expect(steps.length).toBeGreaterThan(0);
        for (const step of steps) expect(step.trim().length).toBeGreaterThan(10);
      }
      for (const [topic, note] of Object.entries(layer.notes)) {
        expect(topic).toMatch(/^(http|network|credential|json|rate-limit):[a-z0-9-]+$/);
        expect(note.trim()).not.toBe('');
      }
    });

    it('names and explains every code it produces itself', () => {
      for (const code of layer.ownCodes) {
        expect(STATUS_RECORDS.get(code)?.registry, String(code)).toBe('vendor');
        expect(layer.notes[`http:${code}`], String(code)).toBeDefined();
      }
    });
  });

  it.each([
    ['braze', 301, 'no-retry'],
    ['braze', 598, 'retries'],
    ['braze', 599, 'retries'],
    ['braze', 401, 'no-retry'],
    ['klaviyo', 520, 'no-retry'],
    ['klaviyo', 501, 'no-retry'],
    ['hubspot', 521, 'retries'],
    ['hubspot', 404, 'no-retry'],
    ['customerio', 521, 'retries'],
  ] as const)('%s answers %i with "%s"', (id, code, verdict) => {
    expect(PROVIDER_LAYERS[id].retry({ kind: 'http', code, problem: null }).verdict).toBe(verdict);
  });

  it.each([
    ['braze', 'connection-refused', 'retries'],
    ['klaviyo', 'connection-refused', 'unknown'],
    ['hubspot', 'connection-refused', 'retries'],
    ['hubspot', 'timeout', 'unknown'],
    ['customerio', 'timeout', 'retries'],
    ['iterable', 'dns-failure', 'unknown'],
  ] as const)('%s answers the network problem %s with "%s"', (id, problem, verdict) => {
    expect(PROVIDER_LAYERS[id].retry({ kind: 'network', code: null, problem }).verdict).toBe(verdict);
  });

  it('says Customer.io waits an hour only after the listed codes', () => {
    const text = (code: number) => PROVIDER_LAYERS.customerio.retry({ kind: 'http', code, problem: null }).text;
    expect(text(403)).toMatch(/one hour/);
    expect(text(521)).toMatch(/one hour/);
    expect(text(503)).not.toMatch(/one hour/);
  });

  it.each([
    ['braze', 'http:429', /rate limit/i],
    ['klaviyo', 'http:403', /###/],
    ['klaviyo', 'credential:masked-token', /###/],
    ['hubspot', 'http:429', /20 webhook calls per second/],
  ] as const)('%s adds its own step for %s', (id, topic, pattern) => {
    expect(PROVIDER_LAYERS[id].steps[topic]?.join(' ')).toMatch(pattern);
  });

  it('explains Braze 598 as its own pause after more than 3,000 failures a minute', () => {
    expect(PROVIDER_LAYERS.braze.notes['http:598']).toMatch(/3,000/);
    expect(PROVIDER_LAYERS.braze.ownCodes).toEqual([529, 598, 599]);
  });
});

describe('Poplar endpoint layer', () => {
  const MAILING = 'https://api.heypoplar.com/v1/mailing/';
  const AUDIENCES = 'https://api.heypoplar.com/v1/audiences/';

  it.each([
    [MAILING, true],
    ['api.heypoplar.com/v1/audiences', true],
    ['HTTPS://API.HEYPOPLAR.COM/v1/mailing', true],
    ['https://api.heypoplar.com:443/v1/mailing', true],
    ['  https://api.heypoplar.com', true],
    ['https://api.heypoplar.com./v1/mailing', true],
    ['https://heypoplar.com/v1/mailing', false],
    ['https://api.heypoplar.com.evil.example/v1/mailing', false],
    ['https://evil.example/api.heypoplar.com/v1/mailing', false],
    ['https://notapi.heypoplar.com/v1/mailing', false],
    ['https://docs.heypoplar.com/api', false],
    ['', false],
    ['not a url', false],
  ])('matches(%j) is %s', (url, expected) => {
    expect(poplar.matches(url)).toBe(expected);
    expect(endpointFor(url)?.id).toBe(expected ? 'poplar' : undefined);
  });

  it.each([
    [MAILING, true],
    ['https://api.heypoplar.com/v1/mailing', true],
    ['https://api.heypoplar.com/v1/mailing?campaign=1', true],
    ['https://api.heypoplar.com/v1/mailings', false],
    ['https://api.heypoplar.com/v2/mailing', false],
    [AUDIENCES, false],
    ['https://example.com/v1/mailing', false],
  ])('isPoplarMailingApi(%j) is %s', (url, expected) => {
    expect(isPoplarMailingApi(url)).toBe(expected);
  });

  it('requires the four address fields on the Mailing API only', () => {
    expect(requiredFieldsFor(MAILING)).toEqual(['address_1', 'city', 'state', 'postal_code']);
    expect(requiredFieldsFor(AUDIENCES)).toEqual([]);
    expect(requiredFieldsFor('https://example.com/hook')).toEqual([]);
    expect(requiredFieldsFor(undefined)).toEqual([]);
    expect(endpointFor(undefined)).toBeUndefined();
  });

  it('lists the four address fields, an Active campaign and JSON syntax for 400', () => {
    const text = poplar.steps('http:400', MAILING).join(' ');
    for (const field of ['address_1', 'city', 'state', 'postal_code']) expect(text).toContain(field);
    expect(text).toMatch(/Active/);
    expect(text).toMatch(/creative/);
    expect(text).toMatch(/JSON/);
  });

  it('checks Bearer and the test/production token for 403', () => {
    const text = poplar.steps('http:403', MAILING).join(' ');
    expect(text).toContain('Bearer');
    expect(text).toMatch(/test/);
    expect(text).toMatch(/production/);
    expect(text).toMatch(/organization/);
    expect(text).toContain('###');
  });

  it('puts the production-token step first outside the Mailing API and last on it', () => {
    const outside = poplar.steps('http:403', AUDIENCES);
    const inside = poplar.steps('http:403', MAILING);
    const productionStep = /^Only the Mailing API accepts the test token/;
    expect(outside[0]).toMatch(productionStep);
    expect(inside[inside.length - 1]).toMatch(productionStep);
    expect(inside.filter((step) => productionStep.test(step))).toHaveLength(1);
    expect(outside.filter((step) => productionStep.test(step))).toHaveLength(1);
  });

  it('leaves the Klaviyo-only step out when another ESP is known', () => {
    expect(poplar.steps('http:403', MAILING).join(' ')).toMatch(/Klaviyo only/);
    expect(poplar.steps('http:403', MAILING, 'braze').join(' ')).not.toMatch(/Klaviyo/);
  });

  it('points to rate-limit headers and support for 429, and to support for 500', () => {
    expect(poplar.steps('http:429', MAILING).join(' ')).toMatch(/header/);
    expect(poplar.steps('http:429', MAILING).join(' ')).toContain('support@heypoplar.com');
    expect(poplar.steps('rate-limit:rate-limited', MAILING)).toEqual(poplar.steps('http:429', MAILING));
    expect(poplar.steps('http:500', MAILING).join(' ')).toContain('support@heypoplar.com');
    expect(poplar.note('http:500', MAILING)).toMatch(/rare/);
  });

  it.each(['http:404', 'network:dns-failure', 'http:4xx', 'constructor'])('has nothing to add for %s', (topic) => {
    expect(poplar.steps(topic, MAILING)).toEqual([]);
    expect(poplar.note(topic, MAILING)).toBeUndefined();
  });

  it('cites both Poplar pages', () => {
    expect(poplar.sources).toEqual([
      'https://docs.heypoplar.com/integrations/troubleshooting/status-errors',
      'https://docs.heypoplar.com/api/api/http-errors',
    ]);
  });

  it.each([
    [
      '{"error":{"title":"ValidationError","message":"campaign_id parameter is required"}}',
      { title: 'ValidationError', message: 'campaign_id parameter is required' },
    ],
    ['{"error":{"message":"Forbidden"}}', { title: '', message: 'Forbidden' }],
    ['{"error":"nope"}', undefined],
    ['{"detail":"x"}', undefined],
    ['null', undefined],
    ['<html>502</html>', undefined],
    ['', undefined],
  ])('reads the error body %j', (body, expected) => {
    expect(readPoplarError(body)).toEqual(expected);
  });

  it('handles a 1 MB adversarial URL in bounded work', () => {
    const long = `https://${'a'.repeat(1_000_000)}`;
    expect(poplar.matches(long)).toBe(false);
    expect(poplar.matches(`${' '.repeat(500_000)}${'@'.repeat(500_000)}`)).toBe(false);
  });

  it('registers every endpoint layer with a unique id and https sources', () => {
    const ids = ENDPOINT_LAYERS.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const layer of ENDPOINT_LAYERS) for (const source of layer.sources) expect(source).toMatch(/^https:\/\//);
  });
});
