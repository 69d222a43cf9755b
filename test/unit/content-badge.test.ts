// @vitest-environment happy-dom
// Row badges (DESIGN.md contract 2): attributes, placement, one badge per row whatever the page
// does, updates when the row changes, hostile row text kept as text, the card and its keyboard use.
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { Annotations } from '../../src/content/badges/annotations';
import { badgeLabel, badgeShadow, badgeView, type BadgeView } from '../../src/content/badges/badge';
import { closeOpenCard, openCard } from '../../src/content/badges/card';
import { DiagnosisStore } from '../../src/content/badges/diagnoses';
import { contentExtras } from '../../src/content/extras';
import { detectRow } from '../../src/content/scan/row-detect';
import { Scanner } from '../../src/content/scan/scanner';
import type { Finding } from '../../src/engine/types';
import type { BadgeDiagnosis } from '../../src/shared/messages';
import type { BadgeDensity } from '../../src/shared/settings';
import { generic } from '../../src/providers/generic';
import type { SiteAdapter } from '../../src/providers/site-adapter';

interface Harness {
  annotations: Annotations;
  scanner: Scanner;
  store: DiagnosisStore;
  settle(): Promise<void>;
  setDensity(density: BadgeDensity): void;
}

let harness: Harness | null = null;

function mount(html: string, adapter: SiteAdapter = generic): Harness {
  document.body.innerHTML = html;
  const store = new DiagnosisStore();
  let density: BadgeDensity = 'full';
  const present = (finding: Finding, others: number): BadgeView => ({ finding, others, diagnosis: store.lookup(finding), density });
  const annotations = new Annotations(present, openCard);
  // Every detector, as content.js judges rows once content-extras.js is loaded.
  const scanner = new Scanner(document, adapter, annotations, {
    detect: (text) => detectRow(text, contentExtras),
    onRowsChanged: () => undefined,
    onFieldsTouched: () => undefined,
    beforeBatch: () => false,
    onError: (error) => {
      throw error;
    },
  });
  scanner.start();
  harness = {
    annotations,
    scanner,
    store,
    settle: async () => {
      await Promise.resolve(); // let the observer deliver
      await scanner.whenIdle();
    },
    setDensity: (next) => {
      density = next;
      annotations.rerender();
    },
  };
  return harness;
}

/** Date.now and setTimeout in the test's hand: `now` is the time, `timers` the callbacks set meanwhile. */
function handClock(): { now: number; timers: (() => void)[]; restore(): void } {
  const clock = { now: 1_000_000, timers: [] as (() => void)[], restore: () => undefined as void };
  const spies = [
    vi.spyOn(Date, 'now').mockImplementation(() => clock.now),
    vi.spyOn(window, 'setTimeout').mockImplementation(((callback: () => void) => {
      clock.timers.push(callback);
      return 0;
    }) as unknown as typeof window.setTimeout),
  ];
  clock.restore = () => spies.forEach((spy) => spy.mockRestore());
  return clock;
}

const fightFinding: Finding = { kind: 'http', code: 500, problem: null, start: 0, end: 8, excerpt: 'HTTP 500' };

function badges(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-webhook-doctor="badge"]')];
}

function button(badge: Element): HTMLButtonElement {
  return badgeShadow(badge)!.querySelector('button')!;
}

const DIAGNOSIS_403: BadgeDiagnosis = {
  key: 'http:403',
  kind: 'http',
  code: 403,
  problem: null,
  title: '403 Forbidden',
  short: 'token refused',
  meaning: 'The receiving API understood the request but refused the credentials.',
  retry: { verdict: 'no-retry', text: 'Not retried: fix the token, then resend.' },
  steps: ['Check the Authorization header.', 'Paste the token again.', 'Use the right organization.', 'A fourth step.'],
};

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  closeOpenCard();
  harness?.scanner.stop();
  harness?.annotations.clear();
  harness = null;
});

describe('contract attributes', () => {
  it.each([
    ['HTTP 403 Forbidden', '403', ''],
    ['HTTP 500 Response Code', '500', ''],
    ['Post "https://x.example/hook": dial tcp 1.2.3.4:443: connect: connection refused', '', 'connection-refused'],
    ['tls: failed to verify certificate: x509: certificate signed by unknown authority', '', 'tls-certificate'],
    ['Authorization: Bearer ###', '', 'masked-token'],
    ['Authorization: Bearer ###\n401 Unauthorized', '', 'masked-token'],
  ])('%s → data-code "%s", data-problem "%s"', async (text, code, problem) => {
    const h = mount(`<table><tr><td>ana@example.com</td><td class="msg"></td><td>May 3</td></tr></table>`);
    document.querySelector('.msg')!.textContent = text;
    await h.settle();
    const [badge, ...rest] = badges();
    expect(rest).toHaveLength(0);
    expect(badge!.getAttribute('data-code')).toBe(code);
    expect(badge!.getAttribute('data-problem')).toBe(problem);
  });

  it.each([['200 OK'], ['500 recipients'], ['order #404'], ['retry in 400 ms'], ['2025-04-03'], ['api.example.com:443']])(
    'no badge for "%s"',
    async (text) => {
      const h = mount(`<table><tr><td>ana@example.com</td><td>${text}</td></tr></table>`);
      await h.settle();
      expect(badges()).toHaveLength(0);
    },
  );

  it('puts the badge in the last cell of a table row and keeps the row text unchanged', async () => {
    const h = mount('<table><tr><td>Failed</td><td>HTTP 502 Response Code</td><td><a href="#">View Details</a></td></tr></table>');
    const row = document.querySelector('tr')!;
    const before = row.textContent;
    await h.settle();
    const [badge] = badges();
    expect(badge!.parentElement).toBe(row.lastElementChild);
    expect(badge!.textContent).toBe('');
    expect(row.textContent).toBe(before);
  });

  it('puts the badge inside a non-table row element itself', async () => {
    const h = mount('<ul><li class="entry">Webhook failed: HTTP 404 Not Found</li><li class="entry">200 OK</li></ul>');
    await h.settle();
    expect(badges().map((b) => b.parentElement?.className)).toEqual(['entry']);
  });

  it('isolates the host from page CSS with !important :host rules and a closed shadow root', async () => {
    const h = mount('<table><tr><td>HTTP 403</td></tr><tr><td>HTTP 500</td></tr></table>');
    await h.settle();
    const [first, second] = badges();
    const css = shadowCss(badgeShadow(first!)!);
    expect(css).toMatch(/:host\s*\{[^}]*all:\s*initial\s*!important/);
    expect(css).toMatch(/:host\s*\{[^}]*display:\s*inline\s*!important/);
    expect(first!.hasAttribute('style')).toBe(false); // no per-badge inline style to pay for
    // Every badge adopts the same sheet object: one copy of the rules for the whole page.
    expect(badgeShadow(second!)!.adoptedStyleSheets[0]).toBe(badgeShadow(first!)!.adoptedStyleSheets[0]);
    expect(first!.shadowRoot).toBeNull(); // closed: the page cannot reach in
    expect(first!.tagName).toBe('SPAN'); // never a custom element the page could define
  });
});

/** The CSS a shadow root applies, from its adopted sheets and its style elements. */
function shadowCss(shadow: ShadowRoot): string {
  const adopted = shadow.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
  const inline = [...shadow.querySelectorAll('style')].map((style) => style.textContent ?? '');
  return [...adopted, ...inline].join('\n');
}

describe('one badge per row', () => {
  it('scanning twice adds nothing', async () => {
    const h = mount('<table><tr><td>HTTP 429 Response Code</td></tr><tr><td>HTTP 500 Response Code</td></tr></table>');
    await h.settle();
    h.scanner.rescanAll();
    await h.settle();
    h.scanner.reset();
    h.scanner.rescanAll();
    await h.settle();
    expect(badges().map((b) => b.getAttribute('data-code'))).toEqual(['429', '500']);
  });

  it('badges the most important finding of a row and counts the others', async () => {
    const h = mount('<table><tr><td>Authorization: Bearer ###</td><td>HTTP 403 Forbidden</td></tr></table>');
    await h.settle();
    const [badge] = badges();
    expect(badge!.getAttribute('data-problem')).toBe('masked-token');
    expect(badgeView(badge!)?.others).toBe(1);
  });

  it('a cloned row (with our empty host inside) still ends up with exactly one badge', async () => {
    const h = mount('<table><tbody><tr><td>HTTP 503 Response Code</td></tr></tbody></table>');
    await h.settle();
    const row = document.querySelector('tr')!;
    row.after(row.cloneNode(true));
    await h.settle();
    const rows = [...document.querySelectorAll('tr')];
    expect(rows.map((r) => badges(r).length)).toEqual([1, 1]);
  });

  it('puts the badge back when the page removes it', async () => {
    const h = mount('<table><tr><td>HTTP 500 Response Code</td></tr></table>');
    await h.settle();
    badges()[0]!.remove();
    await h.settle();
    expect(badges()).toHaveLength(1);
  });

  it('stops fighting a page that keeps removing the badge', async () => {
    const h = mount('<table><tr><td>HTTP 500 Response Code</td></tr></table>');
    await h.settle();
    for (let i = 0; i < 10; i++) {
      badges()[0]?.remove();
      await h.settle();
    }
    expect(badges()).toHaveLength(0);
    expect(h.annotations.size).toBe(1);
  });

  it('puts back a badge given up on once the page leaves the row alone, a few times at most', async () => {
    const clock = handClock();
    const runTimers = async (): Promise<void> => {
      for (const callback of clock.timers.splice(0)) callback();
      await h.settle();
    };
    const h = mount('<ul><li id="row">HTTP 500 Internal Server Error</li></ul>');
    try {
      await h.settle();
      const row = document.getElementById('row')!;
      const rerender = (): void => {
        row.innerHTML = 'HTTP 500 Internal Server Error'; // drops every child, our badge too
      };
      const fight = async (): Promise<void> => {
        for (let i = 0; i < 10; i++) {
          clock.now += 50; // the page re-renders the row right after each badge goes in
          rerender();
          await h.settle();
        }
      };
      await fight();
      expect(badges(row), 'given up while the page keeps re-rendering').toHaveLength(0);
      clock.now += 500; // not yet quiet for long
      await runTimers();
      expect(badges(row)).toHaveLength(0);
      clock.now += 2_000;
      await runTimers();
      expect(badges(row), 'back after the page went quiet').toHaveLength(1);
      const comebacks = [1];
      for (let round = 0; round < 4; round++) {
        rerender(); // a page that still fights: one quick removal each time
        await h.settle();
        clock.now += 2_500;
        await runTimers();
        comebacks.push(badges(row).length);
      }
      expect(comebacks, 'three comebacks, then none').toEqual([1, 1, 1, 0, 0]);
    } finally {
      clock.restore();
    }
  });

  it('brings badges back on one timer, through the next commit, never flushing badges held for it', () => {
    const clock = handClock();
    try {
      document.body.innerHTML = '<ul><li id="a">HTTP 500</li><li id="b">HTTP 502</li><li id="c">HTTP 503</li></ul>';
      const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id)!);
      const annotations = new Annotations(() => ({ finding: fightFinding, others: 0, diagnosis: undefined, density: 'full' }), openCard);
      const commits: number[] = [];
      annotations.whenRetriesDue(() => commits.push(clock.now));
      for (const row of [a!, b!]) {
        for (let i = 0; i < 10; i++) {
          annotations.annotate(row, fightFinding, 0, 1); // the scanner judges the row again
          annotations.commit();
          clock.now += 50; // and the page takes the badge out right away
          badges(row)[0]?.remove();
          annotations.noteRemoved(row);
        }
      }
      expect(badges(), 'both given up').toHaveLength(0);
      expect(clock.timers, 'one timer for both rows').toHaveLength(1);
      annotations.annotate(c!, fightFinding, 0, 2); // a new badge the scanner holds for its batch
      clock.now += 2_500;
      for (const callback of clock.timers.splice(0)) callback();
      expect(commits, 'the retry asks for a commit').toEqual([clock.now]);
      expect(badges(), 'and places nothing itself').toHaveLength(0);
      annotations.commit();
      expect([a, b, c].map((row) => badges(row!).length)).toEqual([1, 1, 1]);
    } finally {
      clock.restore();
    }
  });

  it('keeps the badge of a row the page re-renders now and then with the same text', async () => {
    let now = 1_000_000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const h = mount('<ul><li id="row">HTTP 500 Internal Server Error</li></ul>');
      await h.settle();
      const row = document.getElementById('row')!;
      for (let i = 0; i < 10; i++) {
        now += 2_000; // a poll every two seconds sets the row's text again
        row.textContent = 'HTTP 500 Internal Server Error';
        await h.settle();
      }
      expect(badges(row)).toHaveLength(1);
    } finally {
      clock.mockRestore();
    }
  });
});

describe('rows a shadow root with no slot draws', () => {
  it('judges each row once, by the text its root draws, not by the light DOM it hides', async () => {
    const rows = ['HTTP 500 Internal Server Error', 'HTTP 502 Bad Gateway', 'HTTP 503 Service Unavailable'];
    const h = mount(`<div id="log">${rows.map((text) => `<div class="row"><span>${text} token=q7Zx9Wv2Lm4K</span></div>`).join('')}</div>`);
    for (const [i, row] of [...document.querySelectorAll('.row')].entries()) {
      row.attachShadow({ mode: 'open' }).innerHTML = `<p>${rows[i]} token=****</p>`;
    }
    h.scanner.rescanAll();
    await h.settle();
    const shown = [...document.querySelectorAll('.row')].map((row) => badges(row.shadowRoot!).length);
    expect(shown, 'one badge in each drawn row').toEqual([1, 1, 1]);
    expect(badges(), 'none in the light DOM no one sees').toHaveLength(0);
    expect(h.annotations.size).toBe(3);
  });
});

describe('row changes', () => {
  it('recomputes the badge when the row text changes', async () => {
    const h = mount('<table><tr><td class="status">HTTP 403 Forbidden</td></tr></table>');
    await h.settle();
    const cell = document.querySelector('.status')!;
    (cell.firstChild as Text).data = 'HTTP 500 Internal Server Error';
    await h.settle();
    expect(badges().map((b) => b.getAttribute('data-code'))).toEqual(['500']);
    cell.firstChild!.remove();
    cell.append('Sent: 200 OK');
    await h.settle();
    expect(badges()).toHaveLength(0);
    expect(h.annotations.size).toBe(0);
  });

  it('judges a badged row again when the page appends text to it', async () => {
    const h = mount('<table><tr><td class="msg">Proxy-Authorization:</td></tr><tr><td>ok</td></tr></table>');
    await h.settle();
    expect(badges().map((b) => b.getAttribute('data-problem'))).toEqual(['empty-token']);
    document.querySelector('.msg')!.append('!'); // a new text node without any error word
    await h.settle();
    expect(badges()).toHaveLength(0);
  });

  it('leaves nothing stale when a row is removed or moved', async () => {
    const h = mount(
      '<table><tbody><tr id="a"><td>HTTP 429 Response Code</td></tr><tr id="b"><td>HTTP 502 Response Code</td></tr></tbody></table>',
    );
    await h.settle();
    const tbody = document.querySelector('tbody')!;
    tbody.append(document.getElementById('a')!); // move
    document.getElementById('b')!.remove(); // remove
    await h.settle();
    expect(badges().map((b) => b.closest('tr')?.id)).toEqual(['a']);
    expect([...h.annotations.entries()].map(([row]) => row.id)).toEqual(['a']);
  });
});

describe('a cell the page shadows after our badge went in', () => {
  /** A ResizeObserver the test drives: what is observed, and a way to report a size. */
  function fakeResizeObservers() {
    const observers: { callback: ResizeObserverCallback; targets: Set<Element> }[] = [];
    class FakeResizeObserver {
      readonly targets = new Set<Element>();
      constructor(readonly callback: ResizeObserverCallback) {
        observers.push(this);
      }
      observe(target: Element) {
        this.targets.add(target);
      }
      unobserve(target: Element) {
        this.targets.delete(target);
      }
      disconnect() {
        this.targets.clear();
      }
    }
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    /** Reports `target` at zero size to every observer watching it. */
    const reportZero = (target: Element) => {
      for (const observer of observers.filter((o) => o.targets.has(target)))
        observer.callback([{ target, contentRect: { width: 0, height: 0 } } as unknown as ResizeObserverEntry], observer as never);
    };
    return { reportZero, watched: (target: Element) => observers.some((o) => o.targets.has(target)) };
  }

  const GRID =
    '<div role="row" id="r"><div role="cell" id="who">ana@example.com</div><div role="cell" id="status">HTTP 502 Bad Gateway</div></div>';

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('moves a badge that lost its box while its cell is shown to the cell before it, inside the row', async () => {
    const observers = fakeResizeObservers();
    const h = mount(GRID);
    await h.settle();
    const [badge] = badges();
    expect(badge?.parentElement?.id).toBe('status');
    expect(observers.watched(button(badge!))).toBe(true);
    // The page attaches a root with no slot: the badge (a light child) is drawn nowhere.
    document.getElementById('status')!.attachShadow({ mode: 'closed' }).innerHTML = '<b>HTTP 502 Bad Gateway</b>';
    vi.spyOn(badge!, 'getClientRects').mockReturnValue([] as unknown as DOMRectList);
    vi.spyOn(document.getElementById('status')!, 'checkVisibility').mockReturnValue(true);
    observers.reportZero(button(badge!));
    expect(badge?.parentElement?.id).toBe('who');
    expect(badges()).toHaveLength(1);
  });

  it('leaves the badge of a cell the page hid where it is', async () => {
    const observers = fakeResizeObservers();
    const h = mount(GRID);
    await h.settle();
    const [badge] = badges();
    vi.spyOn(badge!, 'getClientRects').mockReturnValue([] as unknown as DOMRectList);
    vi.spyOn(document.getElementById('status')!, 'checkVisibility').mockReturnValue(false);
    observers.reportZero(button(badge!));
    expect(badge?.parentElement?.id).toBe('status');
  });

  // A badge appended to the row itself would be one more table cell or grid item, widening every row.
  it.each([
    [
      'every cell of its row is hidden',
      '<div role="row" id="r"><div role="cell" style="display:none">ana@example.com</div><div role="cell" id="status" style="display:none">HTTP 502 Bad Gateway</div></div>',
    ],
    [
      'the only cell shown is one the user edits',
      '<div role="row" id="r"><div role="cell" contenteditable="true">notes</div><div role="cell" id="status" style="display:none">HTTP 502 Bad Gateway</div></div>',
    ],
    [
      'the table row has no cell shown',
      '<table><tr id="r"><td style="display:none">ana@example.com</td><td id="status" style="display:none">HTTP 502 Bad Gateway</td></tr></table>',
    ],
  ])('leaves a badge where it is when %s', async (_name, html) => {
    const observers = fakeResizeObservers();
    const h = mount(html);
    await h.settle();
    const [badge] = badges();
    expect(badge?.parentElement?.id).toBe('status');
    vi.spyOn(badge!, 'getClientRects').mockReturnValue([] as unknown as DOMRectList);
    vi.spyOn(document.getElementById('status')!, 'checkVisibility').mockReturnValue(false);
    observers.reportZero(button(badge!));
    expect(badge?.parentElement?.id).toBe('status');
  });

  /** Lets the frames a move checks its badge again in pass. */
  const frames = async (count: number) => {
    for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  };

  it('moves a badge a bounded number of times, however often the page takes its box, until its row gets new text', async () => {
    const observers = fakeResizeObservers();
    const h = mount(GRID);
    await h.settle();
    const [badge] = badges();
    vi.spyOn(badge!, 'getClientRects').mockReturnValue([] as unknown as DOMRectList);
    for (const cell of document.querySelectorAll('[role="cell"]')) vi.spyOn(cell, 'checkVisibility').mockReturnValue(true);
    let moves = 0;
    new MutationObserver((records) => (moves += records.filter((r) => [...r.addedNodes].includes(badge!)).length)).observe(document.body, {
      childList: true,
      subtree: true,
    });
    const chase = async (reports: number) => {
      for (let i = 0; i < reports; i++) {
        observers.reportZero(button(badge!));
        await frames(4);
      }
      await Promise.resolve();
    };
    await chase(10);
    const bounded = moves;
    expect(bounded).toBeGreaterThan(0);
    expect(bounded).toBeLessThan(10);
    await chase(10);
    expect(moves).toBe(bounded);
    // New text in the row: it may move again.
    document.getElementById('who')!.textContent = 'bob@example.com';
    await h.settle();
    await chase(1);
    expect(moves).toBeGreaterThan(bounded);
  });

  it('judges no row again for the moves of its own badge', async () => {
    const observers = fakeResizeObservers();
    const h = mount(GRID);
    await h.settle();
    const [badge] = badges();
    const seen = h.scanner.stats.rowsSeen;
    vi.spyOn(badge!, 'getClientRects').mockReturnValue([] as unknown as DOMRectList);
    vi.spyOn(document.getElementById('status')!, 'checkVisibility').mockReturnValue(true);
    observers.reportZero(button(badge!));
    expect(badge?.parentElement?.id).toBe('who');
    await h.settle();
    expect(h.scanner.stats.rowsSeen).toBe(seen);
  });

  it('stops watching the badge of a row that left the page', async () => {
    const observers = fakeResizeObservers();
    const h = mount(GRID);
    await h.settle();
    const [badge] = badges();
    document.getElementById('r')!.remove();
    await h.settle();
    h.annotations.prune();
    expect(observers.watched(button(badge!))).toBe(false);
  });
});

describe('hostile row text stays text', () => {
  const HOSTILE = [
    '<img src=x onerror="window.pwned=1">',
    '</style><script>window.pwned=1</script>',
    '\u202Egnp.exe \u200B\u200C\u200D',
    '"><svg onload=alert(1)>',
  ];

  it.each(HOSTILE)('row with %j', async (payload) => {
    const h = mount('<table><tr><td class="msg"></td></tr></table>');
    document.querySelector('.msg')!.textContent = `HTTP 500 Response Code ${payload}`;
    h.store.merge({
      'http:500': { ...DIAGNOSIS_403, key: 'http:500', code: 500, title: payload, short: payload, meaning: payload, steps: [payload] },
    });
    h.annotations.rerender();
    await h.settle();
    const [badge] = badges();
    expect(document.querySelectorAll('img, script, svg').length).toBe(0);
    button(badge!).click();
    const shadow = badgeShadow(badge!)!;
    expect(shadow.querySelector('[role="dialog"]')?.textContent).toContain(payload);
    expect(shadow.querySelectorAll('img, script').length).toBe(0);
    expect(shadow.querySelectorAll('svg').length).toBe(0); // http badges carry no icon; nothing parsed from text
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('label and card', () => {
  it.each<[BadgeDensity, boolean, string]>([
    ['full', false, '403 · token refused'],
    ['full', true, '403 · token refused'],
    ['compact', true, '403'],
  ])('density %s, diagnosis %s → "%s"', async (density, withDiagnosis, label) => {
    const h = mount('<table><tr><td>HTTP 403 Forbidden</td></tr></table>');
    await h.settle();
    if (withDiagnosis) h.store.merge({ 'http:403': DIAGNOSIS_403 });
    h.setDensity(density);
    expect(button(badges()[0]!).textContent).toBe(label);
  });

  it("names each badge with the catalog's words and the problem's title, one lookup per title", async () => {
    const i18n = (globalThis as unknown as { chrome: { i18n: { getMessage: (name: string, subs?: string[]) => string } } }).chrome.i18n;
    const spy = vi.spyOn(i18n, 'getMessage');
    try {
      const h = mount(
        '<table><tr><td>HTTP 403 Forbidden</td></tr><tr><td>HTTP 403 again</td></tr><tr><td>HTTP 404 Not Found</td></tr></table>',
      );
      await h.settle();
      h.store.merge({ 'http:403': { ...DIAGNOSIS_403, title: '403 Forbidden (catalog title)' } });
      h.annotations.rerender();
      const names = badges().map((badge) => button(badge).getAttribute('aria-label'));
      expect(names).toEqual([
        'Webhook Doctor: 403 Forbidden (catalog title). Show what it means and how to fix it.',
        'Webhook Doctor: 403 Forbidden (catalog title). Show what it means and how to fix it.',
        'Webhook Doctor: 404 · URL not found. Show what it means and how to fix it.',
      ]);
      const titles = spy.mock.calls.filter(([name]) => name === 'badgeLabel').map(([, subs]) => subs?.[0]);
      expect(titles.filter((title) => title === '403 Forbidden (catalog title)')).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("shows the catalog's words before the diagnosis arrives, and keeps the same label nodes when it does", async () => {
    // A badge that grew when the worker answered made the browser lay the whole log out again.
    const h = mount('<table><tr><td>HTTP 403 Forbidden</td></tr></table>');
    await h.settle();
    const before = [...button(badges()[0]!).childNodes];
    expect(button(badges()[0]!).textContent).toBe('403 · token refused');
    h.store.merge({ 'http:403': { ...DIAGNOSIS_403, title: '403 Forbidden (catalog title)' } });
    h.annotations.rerender();
    const after = [...button(badges()[0]!).childNodes];
    expect(after).toHaveLength(before.length);
    after.forEach((node, i) => expect(node).toBe(before[i]));
    expect(button(badges()[0]!).getAttribute('aria-label')).toContain('403 Forbidden (catalog title)');
  });

  it('re-renders only the badges whose diagnosis a reply changes', async () => {
    const h = mount('<table><tr><td>HTTP 403 Forbidden</td></tr><tr><td>HTTP 404 Not Found</td></tr></table>');
    await h.settle();
    const [forbidden, notFound] = badges();
    h.store.merge({ 'http:403': DIAGNOSIS_403 });
    h.annotations.rerender();
    const reads = vi.spyOn(button(forbidden!), 'getAttribute');
    // The next reply repeats the 403's diagnosis (a copy) and brings the 404's.
    expect(
      h.store.merge({ 'http:403': { ...DIAGNOSIS_403 }, 'http:404': { ...DIAGNOSIS_403, key: 'http:404', code: 404, title: '404 page' } }),
    ).toBe(true);
    h.annotations.rerender();
    expect(reads).not.toHaveBeenCalled();
    expect(button(notFound!).getAttribute('aria-label')).toContain('404 page');
    expect(button(forbidden!).getAttribute('aria-label')).toContain(DIAGNOSIS_403.title);
  });

  it('labels non-HTTP findings by their problem before the diagnosis arrives', () => {
    const finding: Finding = { kind: 'network', code: null, problem: 'connection-refused', start: 0, end: 1, excerpt: '' };
    expect(badgeLabel({ finding, others: 0, diagnosis: undefined, density: 'full' })).toBe('connection refused');
  });

  it('opens a dialog with meaning, retry, three steps and the popup pointer; Escape closes and returns focus', async () => {
    const h = mount('<table><tr><td>HTTP 403 Forbidden</td></tr></table>');
    await h.settle();
    h.store.merge({ 'http:403': DIAGNOSIS_403 });
    h.annotations.rerender(); // as the app does when a snapshot reply arrives
    const pill = button(badges()[0]!);
    expect(pill.tagName).toBe('BUTTON');
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    pill.focus();
    pill.click();
    const shadow = badgeShadow(badges()[0]!)!;
    const dialog = shadow.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(pill.getAttribute('aria-expanded')).toBe('true');
    expect(dialog.querySelector('h2')?.textContent).toBe('403 Forbidden');
    expect(dialog.textContent).toContain(DIAGNOSIS_403.meaning);
    expect(dialog.textContent).toContain(DIAGNOSIS_403.retry.text);
    expect([...dialog.querySelectorAll('li')].map((li) => li.textContent)).toEqual(DIAGNOSIS_403.steps.slice(0, 3));
    expect(dialog.textContent).toContain('Open Webhook Doctor from the toolbar for all fixes');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.activeElement).toBe(pill);
  });

  it('closes on a click outside and on its close button', async () => {
    const h = mount('<table><tr><td>HTTP 403 Forbidden</td></tr></table>');
    await h.settle();
    const badge = badges()[0]!;
    const shadow = badgeShadow(badge)!;
    button(badge).click();
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    button(badge).click();
    shadow.querySelector<HTMLButtonElement>('.close')!.click();
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
  });

  it('an open card shows the diagnosis that arrives after it opened, and its close button still closes it', async () => {
    const h = mount('<table><tr><td>HTTP 403 Forbidden</td></tr></table>');
    await h.settle();
    const badge = badges()[0]!;
    const shadow = badgeShadow(badge)!;
    button(badge).click();
    expect(shadow.querySelector('[role="dialog"]')?.textContent).toContain('on its way');
    h.store.merge({ 'http:403': DIAGNOSIS_403 });
    h.annotations.rerender(); // as the app does when a snapshot reply arrives
    const dialog = shadow.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog.textContent).toContain(DIAGNOSIS_403.meaning);
    expect(dialog.textContent).not.toContain('on its way');
    expect(shadow.querySelectorAll('[role="dialog"]')).toHaveLength(1);
    dialog.querySelector<HTMLButtonElement>('.close')!.click();
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    expect(button(badge).getAttribute('aria-expanded')).toBe('false');
  });

  it('mentions the other problems of the row', async () => {
    const h = mount('<table><tr><td>Authorization: Bearer ###</td><td>HTTP 403 Forbidden</td></tr></table>');
    await h.settle();
    const badge = badges()[0]!;
    button(badge).click();
    expect(badgeShadow(badge)!.querySelector('[role="dialog"]')?.textContent).toMatch(/1 other problem/);
  });
});
