// @vitest-environment happy-dom
// The split between content.js and content-extras.js must not change what is found: row findings
// equal findAll's once the extras are in, the prefilters never skip text the extras would act
// on (credential and rate-limit headers, secrets to redact, editor fields), and the loader loads
// once and survives failures.
import { describe, it, expect, vi, beforeEach } from 'vitest';
import fc from 'fast-check';
import { contentExtras } from '../../src/content/extras';
import { readExtras, registerExtras, type ContentExtras } from '../../src/content/runtime/extras-api';
import { createExtrasLoader, EXTRAS_RETRY_MS } from '../../src/content/runtime/extras-loader';
import { mayHaveEditorFields } from '../../src/content/fields/field-probe';
import { checkEditorFields, findEditors, safeEndpointUrl } from '../../src/content/fields/fields';
import { createRedactor } from '../../src/content/scan/redaction';
import { MAY_HOLD_SECRET } from '../../src/engine/secret-hints';
import { detectRow, judgeRow, judgeRowIn, MAX_STATUS_CANDIDATES, needsExtras } from '../../src/content/scan/row-detect';
import { findAll, findWith } from '../../src/engine/find';
import { redactSecretsInText } from '../../src/engine/redact';
import { generic } from '../../src/providers/generic';
import { adapterFor } from '../../src/providers';
import type { SiteAdapter } from '../../src/providers/site-adapter';
import { FIXTURES } from '../fixtures/index';
import { fixtureHtml } from '../fixtures/load';

const klaviyo = adapterFor('www.klaviyo.com');

/** Every header name the credential and rate-limit detectors read (as in their source files). */
const DETECTOR_NAMES = [
  'Authorization',
  'Proxy-Authorization',
  'X-Api-Key',
  'x-api-token',
  'X-Auth-Token',
  'x-access-token',
  'api-key',
  'api_key',
  'apikey',
  'api-token',
  'api_token',
  'access_token',
  'access-token',
  'auth_token',
  'auth-token',
  'client_secret',
  'private_key',
  'password',
  'secret',
  'token',
  'Retry-After',
  'RateLimit-Policy',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'x-rate-limit-limit',
  'x-rate-limit-remaining',
  'x-rate-limit-reset',
  'x-sib-ratelimit-limit',
  'x-sib-ratelimit-remaining',
  'x-sib-ratelimit-reset',
];

/** Log-like text from header names (any case and quoting), separators, values and noise. */
function logTextFrom(values: readonly string[]) {
  return fc
    .array(
      fc.oneof(
        fc
          .constantFrom(...DETECTOR_NAMES)
          .chain((name) => fc.constantFrom(name, name.toUpperCase(), name.toLowerCase(), `"${name}"`, `\\"${name}\\"`, `-H '${name}`)),
        fc.constantFrom(': ', '=', ':', '": "', ' ', '\n', '\t', ', ', '"', "'", '?', '&'),
        fc.constantFrom(...values),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 14 },
    )
    .map((parts) => parts.join(''));
}

const logText = logTextFrom([
  'Bearer ###',
  'Bearer {{ api_key }}',
  'YOUR_API_KEY',
  '***',
  '0',
  '30',
  '100',
  'Wed, 21 Oct 2015 07:28:00 GMT',
  'sk_live_4f9a8b7c6d5e4f3a2b1c',
  'Basic dXNlcjpwYXNz',
  '"burst";r=0;t=30',
  'HTTP 429 Too Many Requests',
  'HTTP 401 Unauthorized',
  '403 Forbidden',
  'connect: connection refused',
  'status: 500',
  'order #404',
]);

/** Values that name no header themselves: only the header names can make the prefilter match. */
const plainValueText = logTextFrom(['###', 'changeme', 'undefined', '0', '30', '"x y"', '<KEY>', 'HTTP 429']);

describe('row findings with the extras loaded equal findAll', () => {
  it.each([
    'Authorization: Bearer ###\n401 Unauthorized',
    'HTTP 429 Too Many Requests\nRetry-After: 30',
    '"x-ratelimit-remaining": "0", "x-ratelimit-reset": "60" 429',
    'dial tcp 10.0.0.1:443: connect: connection refused',
    'X-Api-Key: YOUR_API_KEY → HTTP 403 Forbidden',
    'Sent, 200 OK',
    '',
  ])('%j', (text) => {
    expect(detectRow(text, contentExtras)).toEqual(findAll(text));
  });

  it('for generated log text', () => {
    fc.assert(
      fc.property(logText, (text) => {
        expect(detectRow(text, contentExtras)).toEqual(findAll(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a row only up to its last allowed status-shaped number', () => {
    // A 64 KB row of "500 500 …" cost one long task; past the limit a status is not looked at.
    const filler = '500 '.repeat(MAX_STATUS_CANDIDATES - 2);
    const text = `HTTP 502 Bad Gateway ${filler}HTTP 503 Service Unavailable · HTTP 504 Gateway Timeout`;
    for (const extras of [null, contentExtras]) {
      const codes = detectRow(text, extras).map((f) => f.code);
      expect(codes).toContain(503);
      expect(codes).not.toContain(504);
    }
  });

  it('reads through bidi isolation marks, not through overrides', () => {
    // Fluent and ICU put U+2068 / U+2069 around every value they substitute.
    expect(detectRow('HTTP \u2068502\u2069 Bad Gateway', null).map((f) => f.code)).toEqual([502]);
    expect(detectRow('HTTP \u2067429\u2069', null).map((f) => f.code)).toEqual([429]);
    expect(detectRow('HTTP \u2066500\u2069', null).map((f) => f.code)).toEqual([500]);
    expect(detectRow('HTTP \u202e305', null)).toEqual([]);
  });

  it.each([
    ['Authorization: Bearer ###\nHTTP 401 Unauthorized\nRetry-After: 30', ['http'], ['credential', 'http', 'rate-limit']],
    ['HTTP 503 Service Unavailable\ndial tcp: connect: connection refused', ['http'], ['http', 'network']],
    ['read: connection reset by peer', [], ['network']],
  ])('without the extras only status findings: %j', (text, without, withExtras) => {
    expect(detectRow(text, null).map((f) => f.kind)).toEqual(without);
    expect(
      detectRow(text, contentExtras)
        .map((f) => f.kind)
        .sort(),
    ).toEqual(withExtras);
  });
});

describe('judgeRow: the receiver words of a row with findings come second', () => {
  it('a status with an error body: the badge finding first, its words when completed', () => {
    const text = 'Webhook failed: HTTP 401 {"error":"invalid_token","message":"The access token expired"}';
    const judged = judgeRow(text, contentExtras);
    expect(judged.findings.map((f) => [f.code, f.detail?.receiverMessage])).toEqual([[401, undefined]]);
    expect(judged.complete?.()).toEqual(findAll(text));
    expect(judged.findings[0]!.detail?.receiverMessage).toBe('The access token expired');
  });

  it('a row whose only finding is the receiver words reads them at once', () => {
    const text = 'Webhook failed {"error":"invalid_token","message":"The access token expired"}';
    const judged = judgeRow(text, contentExtras);
    expect(judged.complete).toBeNull();
    expect(judged.findings).toEqual(findAll(text));
    expect(judged.findings.length).toBeGreaterThan(0);
  });

  it('while the document loads, nothing waits: the words are read at once', () => {
    const text = 'Webhook failed: HTTP 401 {"error":"invalid_token","message":"The access token expired"}';
    const loading = judgeRowIn({ readyState: 'loading' }, text, contentExtras);
    expect(loading.complete).toBeNull();
    expect(loading.findings).toEqual(findAll(text));
    expect(judgeRowIn({ readyState: 'complete' }, text, contentExtras).complete).not.toBeNull();
  });

  it('completed, equals findAll for generated log text', () => {
    fc.assert(
      fc.property(logText, (text) => {
        const judged = judgeRow(text, contentExtras);
        expect(judged.complete ? judged.complete() : judged.findings).toEqual(findAll(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('needsExtras: a row without a match has nothing for the extras', () => {
  it.each([
    ['Authorization: Bearer ###', true],
    ['"client_secret": "YOUR_CLIENT_SECRET"', true],
    ['password=changeme', true],
    ['x-sib-ratelimit-remaining: 0', true],
    ['HTTP 500 Internal Server Error', false],
    ['connect: connection refused', true],
    ['Error: connect EHOSTUNREACH 10.0.0.9:443', true],
    ['ana@example.com  403 Forbidden  May 3', false],
    // A key typed half hidden, with no key name beside it (a property test found it).
    ['sk_live_4f9a8b7c6d5e4f3a2b1c***403 Forbidden', true],
    // Keys hidden in the middle with an ellipsis or x's: the credential pass knows them by prefix.
    ['sk-proj-ab12…yz89 403 Forbidden', true],
    ['ghp_ab12xxxxxxxxyz89 401', true],
    // A header name the credential scan reads that no server does (an empty value is a mistake).
    ['  authentication:', true],
    // A password typed half hidden after `-u`, with no key word or vendor prefix (review of session 15).
    ['-u ACa1b2c3d4:9f8e**** 401', true],
  ])('%j → %s', (text, expected) => {
    expect(needsExtras(text)).toBe(expected);
  });

  it.each(['sk-proj-ab12…yz89 403 Forbidden', 'ghp_ab12xxxxxxxxyz89 401'])('%j: a masked key the full engine reports', (text) => {
    expect(findAll(text).map((finding) => finding.problem)).toContain('masked-token');
  });

  it('for generated log text', () => {
    fc.assert(
      fc.property(plainValueText, (text) => {
        if (findWith(text, contentExtras.detectors).length > 0) expect(needsExtras(text)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('MAY_HOLD_SECRET: text without a match comes back from the redactor unchanged', () => {
  it.each([
    'Authorization: Bearer sk_live_4f9a8b7c6d5e4f3a2b1c',
    'token=abc',
    'https://api.example.com/hooks/9f8e7d6c5b4a39281706',
    'request id 3f2a9c1e-8b7d-4c2a-9e1f-0a1b2c3d4e5f failed',
    '<td>Bearer q7Zx9Wv2Lm4K</td> 401',
    'HTTP 401 for //u:q7Zx9Wv2Lm4K@api.example.com/x',
    'HTTP 401 · api%5Fkey=q7Zx9Wv2Lm4K',
    '{"api\\u005fkey": "q7Zx9Wv2Lm4K"} 401',
    'HTTP 400 · whsec_q7Zx9Wv2Lm4K',
    'HTTP 401 · SG.q7Zx9Wv2Lm',
    'HTTP 401 · \u03a4OKEN: q7Zx9Wv2Lm4K',
    'HTTP 401 · \u03a4\u039f\u039a\u0395\u039d: q7Zx9Wv2Lm4K',
    'HTTP 401 · \uff54\uff4f\uff4b\uff45\uff4e: q7Zx9Wv2Lm4K',
    'HTTP 401 · key: q7Zx9Wv2Lm4K',
    'HTTP 401 · deploy:q7Zx9Wv2Lm4K@db.example.com',
  ])('%j needs the redactor, and the redactor changes it', (text) => {
    expect(MAY_HOLD_SECRET.test(text)).toBe(true);
    expect(redactSecretsInText(text)).not.toBe(text);
  });

  it.each([
    'HTTP 500 Internal Server Error for ana@example.com',
    'connect: connection refused',
    '2025-05-03 10:42',
    '\u0441\u043e\u0435\u0434\u0438\u043d\u0435\u043d\u0438\u0435 \u0437\u0430\u043a\u0440\u044b\u0442\u043e',
  ])('%j is sent as it is', (text) => expect(MAY_HOLD_SECRET.test(text)).toBe(false));

  it('for generated text', () => {
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom('authorization', 'Token', 'api_key', 'secret', 'passwd', ': ', '=', '"', "'", '//', 'https://'),
          fc.constantFrom(
            '\u03a4OKEN',
            '\uff54\uff4f\uff4b\uff45\uff4e',
            '\u0422\u041e\u041a\u0415\u041d',
            'key',
            '\u2192 ',
            ': |\n',
            'v1,',
            '\u200b',
          ),
          fc.constantFrom('sk_live_', 'abc123', 'x'.repeat(19), '1234567890', '.', '/', '-', '+', ' ', '\n', '@'),
          fc.string({ maxLength: 10 }),
        ),
        { maxLength: 16 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        if (!MAY_HOLD_SECRET.test(t)) expect(redactSecretsInText(t)).toBe(t);
      }),
      { numRuns: 500 },
    );
  });
});

describe('createRedactor', () => {
  it('sends clean text as it is, holds back secret-looking text until the extras redact it', async () => {
    let resolve!: (extras: ContentExtras) => void;
    const fetch = vi.fn(() => new Promise<ContentExtras>((r) => (resolve = r)));
    const loader = createExtrasLoader(
      fetch,
      () => undefined,
      () => undefined,
    );
    const redact = createRedactor(loader);
    expect(redact('HTTP 500 for ana@example.com')).toBe('HTTP 500 for ana@example.com');
    expect(fetch).not.toHaveBeenCalled();
    expect(redact('Authorization: Bearer sk_live_4f9a8b7c6d5e4f3a2b1c')).toBeNull();
    await Promise.resolve();
    expect(fetch).toHaveBeenCalledTimes(1);
    resolve(contentExtras);
    await loader.settled();
    expect(redact('Authorization: Bearer sk_live_4f9a8b7c6d5e4f3a2b1c')).toBe(
      redactSecretsInText('Authorization: Bearer sk_live_4f9a8b7c6d5e4f3a2b1c'),
    );
  });
});

describe('mayHaveEditorFields: true wherever the field checker could find something', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it.each<[string, string, boolean, SiteAdapter?]>([
    ['the adapter editor', '<div data-testid="webhook-header-row"></div>', true, klaviyo],
    ['a URL field by its name', '<input name="url" value="https://api.heypoplar.com/v1/mailing/">', true],
    ['a header key typed as a value', '<div><input value="Authorization"><input value="Bearer ###"></div>', true],
    ['a JSON body in a textarea', '<textarea>{"recipient": {}}</textarea>', true],
    ['a body field by its placeholder', '<textarea placeholder="Request body"></textarea>', true],
    ['a contenteditable header value', '<div contenteditable="true">Bearer ###</div><input aria-label="Header name">', true],
    ['a log page without fields', '<table><tr><td>HTTP 500</td></tr></table>', false],
    ['a search box', '<input name="q" type="search" value="failed sends">', false],
    ['a password field with a mask', '<input type="password" value="###">', false],
    ['the Klaviyo editor selectors on another site', '<div data-testid="webhook-header-row"></div>', false, generic],
  ])('%s → %s', (_name, html, expected, adapter = generic) => {
    document.body.innerHTML = html;
    expect(mayHaveEditorFields(document, adapter)).toBe(expected);
  });

  it.each(FIXTURES.filter((f) => f.expectedFieldWarnings.length > 0).map((f) => [f.file, f] as const))(
    'fixture %s has editor fields',
    (_file, fixture) => {
      document.body.innerHTML = fixtureHtml(fixture.file);
      expect(mayHaveEditorFields(document, generic)).toBe(true);
    },
  );

  it('for generated editors', () => {
    const attribute = fc.constantFrom(
      '',
      'name="q"',
      'name="url"',
      'placeholder="Header value"',
      'aria-label="Key"',
      'id="endpoint"',
      'name="note"',
    );
    const value = fc.constantFrom(
      '',
      'hello',
      'https://api.heypoplar.com/v1/audiences/',
      'Authorization',
      'X-Api-Key',
      'Bearer ###',
      'YOUR_API_KEY',
      '{"a":1,}',
      '[1,',
      'token',
    );
    const field = fc.record({ tag: fc.constantFrom('input', 'textarea'), attribute, value });
    const editor = fc.array(fc.array(field, { minLength: 1, maxLength: 2 }), { maxLength: 4 });
    fc.assert(
      fc.property(editor, (rows) => {
        document.body.innerHTML = rows
          .map(
            (row) =>
              `<div>${row.map((f) => (f.tag === 'input' ? `<input ${f.attribute}>` : `<textarea ${f.attribute}></textarea>`)).join('')}</div>`,
          )
          .join('');
        const fields = [...document.querySelectorAll<HTMLInputElement>('input, textarea')];
        rows.flat().forEach((f, i) => (fields[i]!.value = f.value));
        const found = findEditors([document], generic);
        if (found.some((editor) => checkEditorFields(editor).length > 0 || safeEndpointUrl(editor) !== null)) {
          expect(mayHaveEditorFields(document, generic)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('createExtrasLoader', () => {
  it('loads once however often it is asked, and hands the extras over once', async () => {
    const fetch = vi.fn(async () => contentExtras);
    const onReady = vi.fn();
    const loader = createExtrasLoader(fetch, onReady, () => undefined);
    expect(loader.current).toBeNull();
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    await loader.load();
    expect([a, b]).toEqual([contentExtras, contentExtras]);
    expect(loader.current).toBe(contentExtras);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it.each<[string, () => Promise<ContentExtras | null>, boolean]>([
    ['the worker refused', async () => null, false],
    ['the message failed', async () => Promise.reject(new Error('Extension context invalidated.')), true],
    [
      'the call threw at once',
      () => {
        throw new Error('no runtime');
      },
      true,
    ],
  ])('%s: resolves null, reports errors, never hands anything over', async (_name, fetch, reportsError) => {
    const onReady = vi.fn();
    const onError = vi.fn();
    const loader = createExtrasLoader(fetch, onReady, onError);
    expect(await loader.load()).toBeNull();
    await loader.settled();
    expect(loader.current).toBeNull();
    expect(onReady).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledTimes(reportsError ? 1 : 0);
  });

  it(`a failed load is tried again by a need ${EXTRAS_RETRY_MS} ms later, not sooner, and only once at a time`, async () => {
    let clock = 0;
    const fetch = vi.fn<() => Promise<ContentExtras | null>>().mockResolvedValueOnce(null).mockResolvedValue(contentExtras);
    const onReady = vi.fn();
    const loader = createExtrasLoader(
      fetch,
      onReady,
      () => undefined,
      () => clock,
    );
    expect(await loader.load()).toBeNull();
    clock += EXTRAS_RETRY_MS - 1;
    expect(await loader.load()).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
    clock += 1;
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect([a, b]).toEqual([contentExtras, contentExtras]);
    clock += EXTRAS_RETRY_MS;
    expect(await loader.load()).toBe(contentExtras);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(loader.current).toBe(contentExtras);
  });

  it('an error in the hand-over is reported, and the extras stay usable', async () => {
    const onError = vi.fn();
    const loader = createExtrasLoader(
      async () => contentExtras,
      () => {
        throw new Error('boom');
      },
      onError,
    );
    expect(await loader.load()).toBe(contentExtras);
    expect(loader.current).toBe(contentExtras);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('the extras global', () => {
  it('is read from the scope content-extras.js registered it on', () => {
    const scope = {};
    expect(readExtras(scope)).toBeNull();
    registerExtras(contentExtras, scope);
    expect(readExtras(scope)).toBe(contentExtras);
    expect(Object.keys(scope)).toEqual(['webhookDoctorExtras']);
  });

  it('the entry registers the API on the global scope', async () => {
    await import('../../src/content/extras-entry');
    expect(readExtras()).toBe(contentExtras);
  });
});
