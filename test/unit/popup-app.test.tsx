// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fake } from '../fakes/browser-fake';
import { App } from '../../src/popup/app';
import type { PopupView } from '../../src/popup/load-view';
// The popup loads these on first use; importing them here warms the module cache so the lazy
// imports resolve within a test's settle() ticks.
import '../../src/popup/diagnose-input';
import '../../src/popup/report';
import type { Diagnosis, FindingKind } from '../../src/engine/types';
import type { FindingGroup, TabFindings } from '../../src/shared/messages';
import { mountRoot } from '../support/render-root';
import { WAIT_FOR_RETRIES_STEP } from '../../src/engine/catalog/common-steps';

const SENTINEL = 'SENTINEL_tok_9f8e7d6c5b4a3';

function diagnosis(key: string, kind: FindingKind, code: number | null, title: string, extra: Partial<Diagnosis> = {}): Diagnosis {
  return {
    key,
    kind,
    code,
    problem: null,
    title,
    short: `${title} short`,
    meaning: `${title} meaning.`,
    side: 'request',
    retry: { verdict: 'no-retry', text: `${title} will not be retried.` },
    steps: [`${title} step 1`, `${title} step 2`],
    sources: [],
    ...extra,
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

const DIAGNOSES = [
  diagnosis('http:429', 'http', 429, '429 Too Many Requests', { retry: { verdict: 'retries', text: 'Klaviyo retries it.' } }),
  diagnosis('http:403', 'http', 403, '403 Forbidden', { whereToLook: 'Klaviyo: the flow’s webhook action → View All Activity.' }),
  diagnosis('http:503', 'http', 503, '503 Service Unavailable', { retry: { verdict: 'retries', text: 'Klaviyo retries it.' } }),
  diagnosis('network:connection-refused', 'network', null, 'Connection refused'),
  diagnosis('json:invalid-json', 'json', null, 'Body is not valid JSON'),
  diagnosis('credential:masked-token', 'credential', null, 'Masked token'),
];

const TAB: TabFindings = {
  tabId: 3,
  url: 'https://www.klaviyo.com/flow/1',
  provider: 'klaviyo',
  endpointUrl: null,
  groups: [
    group('http:429', 'http', 429, 4),
    group('http:403', 'http', 403, 7, [`HTTP 403 for Authorization: Bearer ${SENTINEL}`, 'HTTP 403 for bob@example.com']),
    group('http:503', 'http', 503, 1),
    group('network:connection-refused', 'network', null, 2),
    group('json:invalid-json', 'json', null, 1, [], 'field'),
    group('credential:masked-token', 'credential', null, 1, [], 'field'),
  ],
  diagnoses: Object.fromEntries(DIAGNOSES.map((d) => [d.key, d])),
};

let root: HTMLElement;

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

async function mount(view: PopupView): Promise<HTMLElement> {
  await act(() => {
    render(<App load={() => Promise.resolve(view)} />, root);
  });
  // The effect that loads the view runs once the first render is committed.
  await act(settle);
  return root;
}

async function interact(action: () => void): Promise<void> {
  await act(async () => {
    action();
    await settle();
  });
}

function typeInto(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function buttonNamed(name: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!button) throw new Error(`no button "${name}"`);
  return button;
}

const cardKeys = (scope: Element) => [...scope.querySelectorAll('li.card')].map((card) => card.getAttribute('data-key'));

beforeEach(() => {
  root = mountRoot();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('popup with findings', () => {
  const LIST = 'ul[aria-label="Problems found on this page"]';
  const line = (key: string) => root.querySelector<HTMLButtonElement>(`li[data-key="${key}"] .triage__line`)!;
  const card = (key: string) => root.querySelector<HTMLElement>(`li[data-key="${key}"] .triage__card`)!;

  it('lists what needs you first (setup mistakes, errors nobody retries), then what the ESP retries', async () => {
    await mount({ state: 'findings', tab: TAB });
    expect([...root.querySelectorAll(`${LIST} > li`)].map((li) => [li.getAttribute('data-key'), li.getAttribute('data-action')])).toEqual([
      ['credential:masked-token', 'needs-you'],
      ['json:invalid-json', 'needs-you'],
      ['network:connection-refused', 'needs-you'],
      ['http:403', 'needs-you'],
      ['http:503', 'retries'],
      ['http:429', 'retries'],
    ]);
    expect(root.querySelector('.triage__summary')?.textContent).toBe('4 need you · 2 will retry by themselves');
  });

  it('gives each problem one line: code, short title, rows affected and who acts', async () => {
    await mount({ state: 'findings', tab: TAB });
    const read = (key: string) =>
      ['code', 'title', 'count', 'mark'].map((part) => line(key).querySelector(`.triage__${part}`)?.textContent);
    expect(read('http:403')).toEqual(['403', '403 Forbidden short', '7 rows', 'Needs you']);
    expect(read('http:429')).toEqual(['429', '429 Too Many Requests short', '4 rows', 'Will retry by itself']);
    expect(read('credential:masked-token')).toEqual(['Token', 'Masked token short', '1 field', 'Needs you']);
    expect(read('network:connection-refused')[0]).toBe('Network');
  });

  it('shows the overview first: every card closed', async () => {
    await mount({ state: 'findings', tab: TAB });
    const lines = [...root.querySelectorAll<HTMLButtonElement>('.triage__line')];
    expect(lines.map((l) => l.getAttribute('aria-expanded'))).toEqual(Array(6).fill('false'));
    expect([...root.querySelectorAll<HTMLElement>('.triage__card')].every((c) => c.hidden)).toBe(true);
  });

  it('opens a line into its full card: meaning, retry outlook, steps, where to look, samples', async () => {
    await mount({ state: 'findings', tab: TAB });
    await interact(() => line('http:403').click());
    expect(line('http:403').getAttribute('aria-expanded')).toBe('true');
    const open = card('http:403');
    expect(open.hidden).toBe(false);
    expect(open.querySelector('.triage__full-title')?.textContent).toBe('403 Forbidden');
    expect(open.querySelector('.card__meaning')?.textContent).toBe('403 Forbidden meaning.');
    expect(open.querySelector('.card__retry')?.textContent).toContain('403 Forbidden will not be retried.');
    expect([...open.querySelectorAll('.card__steps li')].map((li) => li.textContent)).toEqual([
      '403 Forbidden step 1',
      '403 Forbidden step 2',
    ]);
    expect(open.querySelector('.card__where')?.textContent).toContain('View All Activity');
    expect(open.querySelectorAll('.card__samples code')).toHaveLength(2);
    // One card at a time: opening another closes this one; a second click closes it.
    await interact(() => line('http:429').click());
    expect(card('http:403').hidden).toBe(true);
    expect(card('http:429').hidden).toBe(false);
    await interact(() => line('http:429').click());
    expect(card('http:429').hidden).toBe(true);
  });

  it('moves through the overview with the arrow keys, Home and End; Escape closes the open card', async () => {
    await mount({ state: 'findings', tab: TAB });
    const press = (key: string) =>
      interact(() => {
        document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      });
    const focused = () => document.activeElement?.closest('li[data-key]')?.getAttribute('data-key');
    line('credential:masked-token').focus();
    await press('ArrowDown');
    expect(focused()).toBe('json:invalid-json');
    await press('ArrowUp');
    await press('ArrowUp');
    expect(focused()).toBe('http:429');
    await press('Home');
    expect(focused()).toBe('credential:masked-token');
    await press('End');
    expect(focused()).toBe('http:429');
    await interact(() => line('http:429').click());
    card('http:429').querySelector<HTMLElement>('.card__steps li')!.tabIndex = -1;
    card('http:429').querySelector<HTMLElement>('.card__steps li')!.focus();
    await press('Escape');
    expect(card('http:429').hidden).toBe(true);
    expect(document.activeElement).toBe(line('http:429'));
  });

  it('shows the provider in the header', async () => {
    await mount({ state: 'findings', tab: TAB });
    expect(root.querySelector('.header__provider')?.textContent).toBe('Klaviyo');
    expect(root.querySelector('#findings-heading')?.textContent).toBe('6 problems on this page');
  });

  it('copies a redacted Markdown report and says so', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await mount({ state: 'findings', tab: TAB });
    await interact(() => buttonNamed('Copy report').click());
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = writeText.mock.calls[0]?.[0] ?? '';
    expect(copied).toContain('# Webhook Doctor report');
    expect(copied).toContain('403 Forbidden');
    expect(copied).not.toContain(SENTINEL);
    expect(root.querySelector('[role="status"].copy__status')?.textContent).toBe('Report copied, with secrets removed.');
  });

  it('says when copying failed', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('Document is not focused'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await mount({ state: 'findings', tab: TAB });
    await interact(() => buttonNamed('Copy report').click());
    expect(root.querySelector('.copy__status')?.textContent).toBe('Could not copy: Document is not focused');
  });
});

describe('popup states without findings', () => {
  it('empty state explains what the extension does, with no copy button', async () => {
    await mount({ state: 'empty', tab: null });
    expect(root.querySelector('h2')?.textContent).toBe('No failing webhooks found on this page');
    expect(root.textContent).toContain('Webhook Doctor reads the webhook logs');
    expect(root.querySelector('li.card')).toBeNull();
    expect(() => buttonNamed('Copy report')).toThrow();
  });

  it('unsupported state lists the ESPs and links to the options page', async () => {
    await mount({ state: 'unsupported' });
    expect([...root.querySelectorAll('.providers li')].map((li) => li.textContent)).toEqual([
      'Klaviyo',
      'Braze',
      'Customer.io',
      'HubSpot',
      'Iterable',
    ]);
    await interact(() => buttonNamed('Add a domain in the settings').click());
    expect(fake.optionsPageOpenCount()).toBe(1);
  });

  it('error state is announced', async () => {
    await mount({ state: 'error', message: 'worker gone' });
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('worker gone');
  });

  it('shows a loading note until the view arrives', async () => {
    await act(async () => {
      render(<App load={() => new Promise(() => undefined)} />, root);
    });
    expect(root.textContent).toContain('Reading this tab');
  });
});

describe('Diagnose text box', () => {
  const VIEWS: [string, PopupView][] = [
    ['with findings', { state: 'findings', tab: TAB }],
    ['empty', { state: 'empty', tab: null }],
    ['unsupported', { state: 'unsupported' }],
  ];

  it.each(VIEWS)('is there and labelled in the %s state', async (_name, view) => {
    await mount(view);
    const textarea = root.querySelector('textarea')!;
    expect(textarea).not.toBeNull();
    expect(root.querySelector(`label[for="${textarea.id}"]`)?.textContent).toContain('Paste a log line');
    expect(buttonNamed('Diagnose').type).toBe('submit');
  });

  async function diagnose(text: string, view: PopupView = { state: 'unsupported' }): Promise<Element> {
    await mount(view);
    await interact(() => typeInto(root.querySelector('textarea')!, text));
    await interact(() => buttonNamed('Diagnose').click());
    return root.querySelector('.diagnose__results')!;
  }

  it.each([
    ['a log line', 'Webhook failed: HTTP 429 Response Code', 'http:429'],
    ['a header', 'Authorization: Bearer ###', 'credential:masked-token'],
    ['a JSON body', '{"campaign_id": "abc",}', 'json:invalid-json'],
  ])('diagnoses %s', async (_name, text, key) => {
    const results = await diagnose(text);
    expect(cardKeys(results)).toEqual([key]);
    const card = results.querySelector('li.card')!;
    expect(card.querySelector('.card__steps li')).not.toBeNull();
    expect(card.querySelector('.card__count')?.textContent).toBe('seen once');
  });

  it("quotes the receiver's own words and the field they blame", async () => {
    const results = await diagnose(
      'HTTP 422 Unprocessable Entity\n{"error":{"title":"ValidationError","message":"campaign_id parameter is required"}}',
    );
    expect(cardKeys(results)).toEqual(['http:422']);
    const said = results.querySelector('.card__receiver')!;
    // The receiver's words and the field sit in bidi isolates (U+2068 … U+2069).
    expect(said.textContent).toBe('Receiver says: “\u2068campaign_id parameter is required\u2069” (field: \u2068campaign_id\u2069)');
    expect(said.getAttribute('data-field')).toBe('campaign_id');
  });

  it('keeps a right-to-left receiver message from pulling the quotes around it', async () => {
    const message = 'الحقل address_line1 مطلوب';
    const results = await diagnose(`HTTP 400 Bad Request {"error":{"message":"${message}"}}`);
    const said = results.querySelector('.card__receiver')!.textContent!;
    expect(said).toContain(`“\u2068${message}\u2069”`);
  });

  it('labels the retry outlook with the words the catalog steps quote', async () => {
    const quoted = /see "([^"]+)"/.exec(WAIT_FOR_RETRIES_STEP.text)?.[1];
    const results = await diagnose('HTTP 500 Internal Server Error');
    expect(quoted).toBeDefined();
    expect(results.querySelector('.card__retry strong')?.textContent).toBe(quoted);
  });

  it('says on which line of a pasted log each problem is first seen', async () => {
    const log = ['10:00 POST /v1/mailing 200 ok', '10:01 POST /v1/mailing 403 failed', '10:02 POST /v1/mailing 403 failed'].join('\n');
    const results = await diagnose(`Status codes:\n${log}`);
    const samples = [...results.querySelectorAll('li[data-key="http:403"] .card__samples code')].map((code) => code.textContent);
    expect(samples).toHaveLength(1);
    expect(samples[0]).toMatch(/^line 3: .*403/);
  });

  it('shows a one-line paste without a line number', async () => {
    const results = await diagnose('Webhook failed: HTTP 429 Response Code');
    expect(results.querySelector('.card__samples code')?.textContent).not.toMatch(/^line /);
  });

  it('heads a result card with its title, the short words, then how often', async () => {
    const results = await diagnose('HTTP 500 Internal Server Error\nHTTP 500 Internal Server Error');
    const summary = results.querySelector('li.card summary')!;
    expect([...summary.children].map((part) => part.className)).toEqual(['card__title', 'card__short', 'card__count']);
  });

  it('says so when the text shows no problem', async () => {
    const results = await diagnose('All deliveries succeeded.');
    expect(results.querySelector('li.card')).toBeNull();
    expect(results.textContent).toBe('No known webhook problem in this text.');
  });

  it('uses the tab’s provider for provider-specific advice', async () => {
    const results = await diagnose('HTTP 429 Response Code', { state: 'empty', tab: { ...TAB, groups: [], diagnoses: {} } });
    expect(results.querySelector('.card__where')).not.toBeNull();
  });

  it('checks the required fields of the destination typed in', async () => {
    await mount({ state: 'unsupported' });
    await interact(() => typeInto(root.querySelector('textarea')!, '{"campaign_id":"c1","recipient":{"city":"Springfield"}}'));
    await interact(() => typeInto(root.querySelector<HTMLInputElement>('#diagnose-endpoint')!, 'https://api.heypoplar.com/v1/mailing/'));
    await interact(() => buttonNamed('Diagnose').click());
    expect(cardKeys(root.querySelector('.diagnose__results')!)).toEqual(['json:missing-required-field']);
  });
});

describe('findings that could not be kept', () => {
  it('says so above the findings, with how many frames and why', async () => {
    const root = await mount({ state: 'findings', tab: { ...TAB, dropped: { frames: 3, reasons: ['frame-limit', 'storage-full'] } } });
    const note = root.querySelector('[role="note"]');
    expect(note?.textContent).toBe(
      "The findings of 3 frames on this page were not kept: the page has more frames than Webhook Doctor keeps per tab; the browser's storage for open tabs was full. The count may be lower than what the page shows.",
    );
  });

  it('shows no note when nothing was dropped', async () => {
    const root = await mount({ state: 'findings', tab: TAB });
    expect(root.querySelector('[role="note"]')).toBeNull();
  });
});
