// @vitest-environment happy-dom
// Editor field checks: each problem gets one warning right after its field, the warning goes when
// the field is fixed, and a typed token never reaches the DOM we add, the snapshot or the console.
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { FieldWatcher, FIELD_CHECK_DELAY_MS } from '../../src/content/fields/field-watcher';
import { fieldWarningText } from '../../src/content/fields/field-warning';
import { checkEditorFields, findEditors, safeEndpointUrl } from '../../src/content/fields/fields';
import { buildSnapshot } from '../../src/content/scan/snapshot';
import { redactSecretsInText } from '../../src/engine/redact';
import { generic } from '../../src/providers/generic';
import { adapterFor } from '../../src/providers';
import type { SiteAdapter } from '../../src/providers/site-adapter';

const klaviyo = adapterFor('www.klaviyo.com');

const SENTINEL = 'SENTINEL_tok_9f8e7d6c5b4a3';
const MAILING = 'https://api.heypoplar.com/v1/mailing/';
const AUDIENCES = 'https://api.heypoplar.com/v1/audiences/';
const GOOD_BODY = '{"recipient":{"address_1":"1 Main St","city":"Austin","state":"TX","postal_code":"78701"}}';

/** A Klaviyo-shaped editor (the adapter's selectors) with one header row; values are set as typed. */
const EDITOR = `<form>
  <input id="url" name="destinationUrl">
  <div data-testid="webhook-header-row">
    <input id="key" aria-label="Header key">
    <input id="value" aria-label="Header value">
  </div>
  <textarea id="body" name="body"></textarea>
</form>`;

let watcher: FieldWatcher | null = null;
let controller: AbortController;

function mount(url: string, headerName: string, headerValue: string, body: string, adapter: SiteAdapter = klaviyo): FieldWatcher {
  document.body.innerHTML = EDITOR;
  (document.getElementById('url') as HTMLInputElement).value = url;
  (document.getElementById('key') as HTMLInputElement).value = headerName;
  (document.getElementById('value') as HTMLInputElement).value = headerValue;
  (document.getElementById('body') as HTMLTextAreaElement).value = body;
  controller = new AbortController();
  watcher = new FieldWatcher(
    document,
    adapter,
    () => undefined,
    (error) => {
      throw error;
    },
    controller.signal,
  );
  watcher.check();
  return watcher;
}

function warningsAfter(id: string): string[] {
  const problems: string[] = [];
  let next = document.getElementById(id)?.nextElementSibling;
  while (next?.getAttribute('data-webhook-doctor') === 'field-warning') {
    problems.push(next.getAttribute('data-problem') ?? '');
    next = next.nextElementSibling;
  }
  return problems;
}

function allWarnings(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-webhook-doctor="field-warning"]')];
}

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  controller?.abort();
  watcher = null;
});

describe('each field problem gets a warning right after its field', () => {
  it.each([
    // [case, url, header, value, body, field id, problem, text in the warning]
    ['masked token', MAILING, 'Authorization', 'Bearer ###', GOOD_BODY, 'value', 'masked-token', /Paste the real token/],
    ['bare ###', MAILING, 'Authorization', '###', GOOD_BODY, 'value', 'masked-token', /masked copy/],
    ['placeholder', MAILING, 'Authorization', 'Bearer {{ api_key }}', GOOD_BODY, 'value', 'placeholder-token', /placeholder/],
    ['no scheme', MAILING, 'Authorization', '9f8e7d6c5b4a39281706f5e4d3c2b1a0', GOOD_BODY, 'value', 'missing-bearer-prefix', /Bearer /],
    ['placeholder in X-Api-Key', MAILING, 'X-Api-Key', 'YOUR_API_KEY', GOOD_BODY, 'value', 'placeholder-token', /placeholder/],
    [
      'Poplar outside the Mailing API',
      AUDIENCES,
      'Authorization',
      'Bearer 5d0f2c9a7b3e41d8a6c2e9f07b1d4a36',
      GOOD_BODY,
      'value',
      'test-token-wrong-endpoint',
      /production token/,
    ],
    [
      'trailing comma',
      MAILING,
      'Authorization',
      'Bearer 5d0f2c9a7b3e41d8a6c2e9f07b1d4a36',
      '{\n  "a": 1,\n}',
      'body',
      'invalid-json',
      /line 2, column 9: a trailing comma/,
    ],
    [
      'missing address field',
      MAILING,
      'Authorization',
      'Bearer 5d0f2c9a7b3e41d8a6c2e9f07b1d4a36',
      '{"recipient":{"address_1":"1 Main","city":"Austin","state":"TX"}}',
      'body',
      'missing-required-field',
      /postal_code/,
    ],
  ])('%s', (_name, url, header, value, body, fieldId, problem, text) => {
    mount(url, header, value, body);
    expect(warningsAfter(fieldId)).toContain(problem);
    const warning = allWarnings().find((w) => w.getAttribute('data-problem') === problem)!;
    expect(fieldWarningText(warning)).toMatch(text);
    expect(warning.textContent).toBe(''); // the light DOM stays empty: the text is in the shadow root
    expect(allWarnings().filter((w) => w.getAttribute('data-problem') === problem)).toHaveLength(1);
  });

  it('a correct editor gets no warning', () => {
    mount(MAILING, 'Authorization', 'Bearer 5d0f2c9a7b3e41d8a6c2e9f07b1d4a36', GOOD_BODY);
    expect(allWarnings()).toHaveLength(0);
  });

  it('required fields apply only to the Mailing API', () => {
    mount('https://hooks.example.com/in', 'Authorization', 'Bearer 5d0f2c9a7b3e41d8a6c2e9f07b1d4a36', '{"name":"x"}');
    expect(allWarnings()).toHaveLength(0);
  });

  it('the invalid-json warning names the line and column', () => {
    mount(MAILING, 'Content-Type', 'application/json', '{\n  "campaign_id": "x",\n  "recipient": {“city”: "Austin"}\n}');
    const [warning] = allWarnings();
    expect(warning?.getAttribute('data-problem')).toBe('invalid-json');
    expect(fieldWarningText(warning!)).toMatch(/^Invalid JSON at line 3, column 17: curly quote/);
  });

  it('keeps several problems of one field as separate warnings in a row after it', () => {
    mount(AUDIENCES, 'Authorization', 'Bearer ###', GOOD_BODY);
    expect(warningsAfter('value').sort()).toEqual(['masked-token', 'test-token-wrong-endpoint']);
  });
});

describe('warnings follow the field as it changes', () => {
  it('disappears when the field is fixed and comes back when broken again (no duplicates)', () => {
    const w = mount(MAILING, 'Authorization', 'Bearer ###', GOOD_BODY);
    const value = document.getElementById('value') as HTMLInputElement;
    value.value = 'Bearer 5d0f2c9a7b3e41d8a6c2e9f07b1d4a36';
    w.check();
    expect(allWarnings()).toHaveLength(0);
    value.value = 'Bearer ###';
    w.check();
    w.check();
    expect(warningsAfter('value')).toEqual(['masked-token']);
    expect(allWarnings()).toHaveLength(1);
  });

  it('re-checks as the user types (after a short pause)', async () => {
    mount(MAILING, 'Authorization', 'Bearer 5d0f2c9a7b3e41d8a6c2e9f07b1d4a36', GOOD_BODY);
    const body = document.getElementById('body') as HTMLTextAreaElement;
    body.value = '{"recipient": {"city": "Austin",}}';
    body.dispatchEvent(new Event('input', { bubbles: true }));
    expect(allWarnings()).toHaveLength(0); // debounced
    await new Promise((resolve) => setTimeout(resolve, FIELD_CHECK_DELAY_MS + 100));
    expect(warningsAfter('body')).toEqual(['invalid-json']);
  });

  it('removes everything when stopped', () => {
    mount(AUDIENCES, 'Authorization', 'Bearer ###', '{');
    expect(allWarnings().length).toBeGreaterThan(0);
    controller.abort();
    expect(allWarnings()).toHaveLength(0);
  });
});

describe('fields found by shape when the adapter has no selectors', () => {
  it('finds URL, a credential header pair and a JSON body', () => {
    document.body.innerHTML = `
      <div class="row"><label>Webhook URL <input name="webhookUrl" value="${MAILING}"></label></div>
      <div class="hdr"><input value="Authorization"><input id="v" value="Bearer ###"></div>
      <div class="hdr"><input value="Content-Type"><input value="application/json"></div>
      <textarea id="b">{"recipient":{"address_1":"a","city":"b","state":"c"}}</textarea>`;
    const editors = findEditors([document], generic);
    expect(editors).toHaveLength(1);
    const fields = editors[0]!;
    expect(fields.url?.getAttribute('name')).toBe('webhookUrl');
    expect(fields.headers.map((h) => h.name)).toEqual(['Authorization']);
    expect(fields.body?.id).toBe('b');
    expect(
      checkEditorFields(fields)
        .map((i) => i.finding.problem)
        .sort(),
    ).toEqual(['masked-token', 'missing-required-field']);
  });

  it.each([
    ['a search box with a URL in it', '<input name="q" value="https://example.com/">'],
    ['a lone value "Authorization" with nothing beside it', '<p><input value="Authorization"></p>'],
    ['a textarea with prose', '<textarea>Hello, this is not JSON</textarea>'],
    ['a password field', '<input type="password" value="###">'],
  ])('ignores %s', (_name, html) => {
    document.body.innerHTML = html;
    expect(findEditors([document], generic).flatMap(checkEditorFields)).toEqual([]);
  });
});

describe('several request editors on one page', () => {
  /** One Klaviyo-shaped editor per request, ids suffixed with its number. */
  const editor = (n: number) => `<section class="request">
    <input id="url-${n}" name="destinationUrl">
    <div data-testid="webhook-header-row"><input id="key-${n}" aria-label="Header key"><input id="value-${n}" aria-label="Header value"></div>
    <textarea id="body-${n}" name="body"></textarea>
  </section>`;
  const fill = (n: number, url: string, token: string, body: string) => {
    (document.getElementById(`url-${n}`) as HTMLInputElement).value = url;
    (document.getElementById(`key-${n}`) as HTMLInputElement).value = 'Authorization';
    (document.getElementById(`value-${n}`) as HTMLInputElement).value = token;
    (document.getElementById(`body-${n}`) as HTMLTextAreaElement).value = body;
  };
  const watch = () => {
    controller = new AbortController();
    watcher = new FieldWatcher(
      document,
      klaviyo,
      () => undefined,
      (error) => {
        throw error;
      },
      controller.signal,
    );
    watcher.check();
  };

  it('checks every editor and puts each warning after its own field', () => {
    document.body.innerHTML = [1, 2, 3].map(editor).join('');
    fill(1, MAILING, 'Bearer ###', GOOD_BODY);
    fill(2, MAILING, `Bearer ${SENTINEL}`, '{"recipient": {"city": "Austin",}}');
    fill(3, MAILING, SENTINEL, '{"recipient": {"city": "Austin",}}');
    watch();
    expect(warningsAfter('value-1')).toEqual(['masked-token']);
    expect(warningsAfter('body-1')).toEqual([]);
    expect(warningsAfter('value-2')).toEqual([]);
    expect(warningsAfter('body-2')).toEqual(['invalid-json']);
    expect(warningsAfter('value-3')).toEqual(['missing-bearer-prefix']);
    expect(warningsAfter('body-3')).toEqual(['invalid-json']);
  });

  it("applies each editor's receiver rules to its own fields only", () => {
    document.body.innerHTML = [1, 2].map(editor).join('');
    fill(1, MAILING, `Bearer ${SENTINEL}`, GOOD_BODY);
    fill(2, AUDIENCES, `Bearer ${SENTINEL}`, '{"audience_id": "a1", "email": "a@example.com"}');
    watch();
    expect(warningsAfter('value-1')).toEqual([]);
    expect(warningsAfter('value-2')).toEqual(['test-token-wrong-endpoint']);
  });

  it('groups the fields of a flat form by the URL that comes before them', () => {
    // No container per request: headings between them, every field a sibling.
    document.body.innerHTML = `<form>
      <h3>Request 1</h3><input id="u1" name="webhookUrl"><div><input value="Authorization"><input id="t1"></div><textarea id="b1"></textarea>
      <h3>Request 2</h3><input id="u2" name="webhookUrl"><div><input value="Authorization"><input id="t2"></div><textarea id="b2"></textarea>
    </form>`;
    const set = (id: string, value: string) => ((document.getElementById(id) as HTMLInputElement).value = value);
    set('u1', MAILING);
    set('t1', `Bearer ${SENTINEL}`);
    set('b1', GOOD_BODY);
    set('u2', 'https://hooks.example.com/in');
    set('t2', 'Bearer ###');
    set('b2', '{"a": 1,}');
    const editors = findEditors([document], generic);
    expect(editors.map((e) => [e.url?.id, e.headers.map((h) => h.value.id), e.body?.id])).toEqual([
      ['u1', ['t1'], 'b1'],
      ['u2', ['t2'], 'b2'],
    ]);
  });

  it('gives each editor with a URL its own curl button, and removes it with the editor', () => {
    document.body.innerHTML = [1, 2].map(editor).join('');
    fill(1, MAILING, `Bearer ${SENTINEL}`, GOOD_BODY);
    fill(2, MAILING, `Bearer ${SENTINEL}`, GOOD_BODY);
    watch();
    const buttons = () => [...document.querySelectorAll('[data-webhook-doctor="copy-curl"]')].map((b) => b.previousElementSibling?.id);
    expect(buttons()).toEqual(['url-1', 'url-2']);
    document.querySelectorAll('.request')[1]!.remove();
    watcher!.check();
    expect(buttons()).toEqual(['url-1']);
  });
});

describe('the token never leaves the field', () => {
  const broken = [
    ['bare token', MAILING, SENTINEL],
    ['quoted', MAILING, `Bearer "${SENTINEL}"`],
    ['line break inside', MAILING, `Bearer ${SENTINEL.slice(0, 10)}\n${SENTINEL.slice(10)}`],
    ['doubled scheme', MAILING, `Bearer Bearer ${SENTINEL}`],
    ['wrong endpoint', `${AUDIENCES}?api_key=${SENTINEL}`, `Bearer ${SENTINEL}`],
    ['fine token', MAILING, `Bearer ${SENTINEL}`],
  ] as const;

  it.each(broken)('%s: not in our DOM, the snapshot or the console', (_name, url, value) => {
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const debug = vi.spyOn(console, 'debug');
    const w = mount(url, 'Authorization', value, GOOD_BODY);
    const [fields] = findEditors([document], klaviyo);
    const snapshot = buildSnapshot({
      url: 'https://www.klaviyo.com/flow/X/edit',
      provider: 'klaviyo',
      endpointUrl: safeEndpointUrl(fields!),
      rows: [],
      fields: w.issues(),
      redact: redactSecretsInText,
    });
    const ours = allWarnings()
      .map((host) => `${host.outerHTML}|${fieldWarningText(host)}`)
      .join('\n');
    const outgoing = JSON.stringify(snapshot);
    for (let i = 0; i + 8 <= SENTINEL.length; i++) {
      const piece = SENTINEL.slice(i, i + 8);
      expect(ours).not.toContain(piece);
      expect(outgoing).not.toContain(piece);
    }
    for (const spy of [log, warn, error, debug]) {
      for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain(SENTINEL.slice(0, 8));
      spy.mockRestore();
    }
    expect(snapshot.endpointUrl === null || !snapshot.endpointUrl.includes('?')).toBe(true);
  });

  it('the snapshot counts one finding per field warning, with a fixed label as sample', () => {
    const w = mount(AUDIENCES, 'Authorization', 'Bearer ###', '{');
    const snapshot = buildSnapshot({
      url: 'u',
      provider: 'klaviyo',
      endpointUrl: null,
      rows: [],
      fields: w.issues(),
      redact: redactSecretsInText,
    });
    expect(snapshot.groups.map((g) => [g.key, g.count, g.source, g.samples]).sort()).toEqual(
      [
        ['credential:masked-token', 1, 'field', ['Authorization header']],
        ['credential:test-token-wrong-endpoint', 1, 'field', ['Authorization header']],
        ['json:invalid-json', 1, 'field', ['request body']],
      ].sort(),
    );
  });
});
