// @vitest-environment happy-dom
// The scanner and the instance lifecycle: one batched observer, rows added later, open shadow
// roots, SPA navigation, deep nesting, huge rows and batches, mutation storms, chunked work,
// teardown. Messaging is mocked by the unit setup (test/setup/unit.ts).
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import fc from 'fast-check';
import { Annotations } from '../../src/content/badges/annotations';
import type { BadgeView } from '../../src/content/badges/badge';
import { openCard } from '../../src/content/badges/card';
import { detectRow } from '../../src/content/scan/row-detect';
import { contentExtras } from '../../src/content/extras';
import type { ContentExtras } from '../../src/content/runtime/extras-api';
import { startContentScript, type ContentApp } from '../../src/content/app';
import { INSTANCE_EVENT } from '../../src/content/runtime/lifecycle';
import { extensionAlive, loadSettings, sendSnapshot, watchSettings } from '../../src/content/runtime/messaging';
import { badgeShadow } from '../../src/content/badges/badge';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { MAX_ROW_TEXT } from '../../src/content/scan/rows';
import { createChunkRunner } from '../../src/content/scan/scheduler';
import { insertionBudgetMs, MAX_INSERTION_BUDGET_MS, PROGRESS_COMMIT_NODES, Scanner, SYNC_BUDGET_MS } from '../../src/content/scan/scanner';
import type { Finding } from '../../src/engine/types';
import type { PageSnapshot } from '../../src/shared/messages';
import { generic } from '../../src/providers/generic';
import { OUR_ATTRIBUTE } from '../../src/content/page/dom';
import { loadPage, type LoadedPage } from '../fixtures/load';

const present = (finding: Finding, others: number): BadgeView => ({ finding, others, diagnosis: undefined, density: 'full' });

interface Mounted {
  scanner: Scanner;
  annotations: Annotations;
  settle(): Promise<void>;
}

const mounted: Mounted[] = [];
const apps: ContentApp[] = [];
const pages: LoadedPage[] = [];

/** A small rescan threshold: happy-dom is too slow for batches of FULL_RESCAN_THRESHOLD nodes. */
const TEST_RESCAN_THRESHOLD = 2000;

/** @param extras the detectors of content-extras.js too (network, credential...), or status codes only */
function mountScanner(doc: Document = document, extras: ContentExtras | null = null): Mounted {
  const annotations = new Annotations(present, openCard);
  const scanner = new Scanner(
    doc,
    generic,
    annotations,
    {
      detect: (text) => detectRow(text, extras),
      onRowsChanged: () => undefined,
      onFieldsTouched: () => undefined,
      beforeBatch: () => false,
      onError: (error) => {
        throw error;
      },
    },
    TEST_RESCAN_THRESHOLD,
  );
  const m = {
    scanner,
    annotations,
    settle: async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await scanner.whenIdle();
    },
  };
  mounted.push(m); // before start: a throwing start must still be cleaned up
  scanner.start();
  return m;
}

function badgeCodes(root: ParentNode = document): string[] {
  return [...root.querySelectorAll('[data-webhook-doctor="badge"]')].map(
    (b) => b.getAttribute('data-code') || b.getAttribute('data-problem') || '?',
  );
}

function rows(count: number, failingEvery: number, prefix = 'r'): string {
  let html = '';
  for (let i = 0; i < count; i++) {
    const status = i % failingEvery === 0 ? 'HTTP 503 Response Code' : 'Sent, 200 OK';
    html += `<tr id="${prefix}${i}"><td>user${i}@example.com</td><td>${status}</td><td>2025-05-03 10:42</td></tr>`;
  }
  return html;
}

beforeEach(() => {
  document.body.innerHTML = '';
  vi.mocked(extensionAlive).mockReturnValue(true);
});

afterEach(async () => {
  for (const m of mounted.splice(0)) {
    m.scanner.stop();
    m.annotations.clear();
  }
  for (const app of apps.splice(0)) app.stop();
  for (const page of pages.splice(0)) await page.close();
  vi.mocked(sendSnapshot).mockClear();
});

describe('batched observer', () => {
  it('badges rows appended after the first scan', async () => {
    document.body.innerHTML = '<table><tbody></tbody></table>';
    const m = mountScanner();
    await m.settle();
    const template = document.createElement('template');
    template.innerHTML = `<table><tbody>${rows(100, 10)}</tbody></table>`;
    document.querySelector('tbody')!.append(...template.content.querySelectorAll('tr'));
    await m.settle();
    expect(badgeCodes()).toEqual(Array(10).fill('503'));
  });

  it('reads rows again when their caption line arrives after them (div lines, a table head)', async () => {
    const line = (cells: string[]) => `<div class="l">${cells.map((c) => `<span>${c}</span>`).join('')}</div>`;
    document.body.innerHTML = `<div id="list"><div class="rows">${line(['a@x', '3', '502'])}${line(['b@x', '1', '200'])}</div></div><table><tbody><tr><td>c@x</td><td>404</td></tr><tr><td>d@x</td><td>1</td></tr></tbody></table>`;
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual([]);
    const caption = document.createElement('div');
    caption.innerHTML = '<span>To</span><span>Attempts</span><span>Status</span>';
    document.getElementById('list')!.prepend(caption);
    await m.settle();
    expect(badgeCodes()).toEqual(['502']);
    const head = document.createElement('thead');
    head.innerHTML = '<tr><th>To</th><th>HTTP status</th></tr>';
    document.querySelector('table')!.prepend(head);
    await m.settle();
    expect(badgeCodes()).toEqual(['502', '404']);
  });

  it('judges each row at most once per sort when a sortable table re-creates its <thead>', async () => {
    const ROWS = 40;
    const SORTS = 6;
    const body = Array.from({ length: ROWS }, (_, i) => `<tr><td>r${i}@x</td><td>${i % 10 === 0 ? 503 : 200}</td><td>${i}</td></tr>`);
    document.body.innerHTML = `<table><thead><tr><th>To</th><th>Status</th><th>ms</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual(Array(ROWS / 10).fill('503'));
    const perSort: number[] = [];
    for (let sort = 0; sort < SORTS; sort++) {
      const before = m.scanner.stats.rowsSeen;
      // What a sortable-table library does on a click: a new head (its sort arrow moved) and the rows in the new order.
      const table = document.querySelector('table')!;
      const head = document.createElement('thead');
      head.innerHTML = `<tr><th>To</th><th>Status ${sort % 2 ? '▲' : '▼'}</th><th>ms</th></tr>`;
      table.querySelector('thead')!.replaceWith(head);
      // Every other sort keeps the rows where they are (the library only redrew its head).
      const tbody = table.querySelector('tbody')!;
      if (sort % 2 === 0) tbody.append(...[...tbody.children].reverse());
      await m.settle();
      perSort.push(m.scanner.stats.rowsSeen - before);
    }
    expect(badgeCodes()).toHaveLength(ROWS / 10);
    // At most one walk of the table per new head, meeting the moved rows in the same generation:
    // each failing row is judged at most once per sort, the rows without a hint never.
    for (const judged of perSort) expect(judged).toBeLessThanOrEqual(ROWS / 10);
  });

  it('reads rows again when their empty header cells get their captions later (an i18n script)', async () => {
    document.body.innerHTML =
      '<table><thead><tr><th data-k="to"></th><th data-k="tries"></th><th data-k="code"></th></tr></thead><tbody><tr><td>a@x</td><td>3</td><td>502</td></tr><tr><td>b@x</td><td>1</td><td>200</td></tr></tbody></table>';
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual([]);
    const captions: Record<string, string> = { to: 'To', tries: 'Attempts', code: 'Status' };
    for (const th of document.querySelectorAll('th')) th.textContent = captions[th.getAttribute('data-k')!]!;
    await m.settle();
    expect(badgeCodes()).toEqual(['502']);
  });

  it('reads div rows again when the empty div captions of their caption line get their text later', async () => {
    const line = (cells: string[]) => `<div class="l">${cells.map((c) => `<div>${c}</div>`).join('')}</div>`;
    document.body.innerHTML = `<div id="g">${line(['', '', ''])}${line(['a@x', '3', '502'])}${line(['b@x', '1', '200'])}</div>`;
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual([]);
    const captions = ['To', 'Attempts', 'Status'];
    document.querySelectorAll('#g > .l:first-child > div').forEach((caption, i) => (caption.textContent = captions[i]!));
    await m.settle();
    expect(badgeCodes()).toEqual(['502']);
  });

  it('reads div rows again when the caption spans inside header divs (beside sort icons) get their text later', async () => {
    const row = (cells: string[]) => `<div class="l">${cells.map((c) => `<div>${c}</div>`).join('')}</div>`;
    const head = `<div class="l h">${['', '', ''].map(() => '<div class="hc"><span></span><i class="sort"></i></div>').join('')}</div>`;
    document.body.innerHTML = `<div id="g">${head}${row(['a@x', '3', '502'])}${row(['b@x', '1', '200'])}</div>`;
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual([]);
    const captions = ['To', 'Attempts', 'Status'];
    document.querySelectorAll('#g .hc > span').forEach((caption, i) => (caption.textContent = captions[i]!));
    await m.settle();
    expect(badgeCodes()).toEqual(['502']);
  });

  it('walks a table once, not on every change, when a header cell beside "Status" keeps changing', async () => {
    const body = Array.from({ length: 30 }, (_, i) => `<tr><td>r${i}@x</td><td>${i % 10 === 0 ? 503 : 200}</td></tr>`).join('');
    document.body.innerHTML = `<table><thead><tr><th>To</th><th>Status</th><th id="t">Time</th></tr></thead><tbody>${body}</tbody></table>`;
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual(['503', '503', '503']);
    const before = m.scanner.stats.rowsSeen;
    const tick = document.getElementById('t')!.firstChild as Text;
    for (let n = 1; n <= 10; n++) {
      tick.data = n % 2 ? 'Time ▲' : 'Time ▼'; // a sort arrow moving, or a clock ticking
      await m.settle();
    }
    // The first tick may walk the table once (its verdict was not known yet); the others none.
    expect(m.scanner.stats.rowsSeen - before).toBeLessThanOrEqual(3);
    expect(badgeCodes()).toEqual(['503', '503', '503']);
  });

  it('reads rows again when a header caption is rewritten in place', async () => {
    document.body.innerHTML =
      '<table><thead><tr><th>To</th><th>…</th></tr></thead><tbody><tr><td>a@x</td><td>429</td></tr></tbody></table>';
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual([]);
    (document.querySelectorAll('th')[1]!.firstChild as Text).data = 'Response code';
    await m.settle();
    expect(badgeCodes()).toEqual(['429']);
  });

  it('uses one MutationObserver for the document and every shadow root', async () => {
    const Original = window.MutationObserver;
    let created = 0;
    const observed: Node[] = [];
    window.MutationObserver = class extends Original {
      constructor(callback: MutationCallback) {
        super(callback);
        created++;
      }
      override observe(target: Node, options?: MutationObserverInit) {
        observed.push(target);
        super.observe(target, options);
      }
    };
    try {
      document.body.innerHTML = '<div id="a"></div><div id="b"></div>';
      document.getElementById('a')!.attachShadow({ mode: 'open' }).innerHTML = '<p>HTTP 401 Unauthorized</p>';
      document.getElementById('b')!.attachShadow({ mode: 'open' }).innerHTML = '<p>ok</p>';
      const m = mountScanner();
      await m.settle();
      expect(created).toBe(1);
      expect(observed).toHaveLength(3);
    } finally {
      window.MutationObserver = Original;
    }
  });

  it('scans open shadow roots, including rows rendered into them later', async () => {
    document.body.innerHTML = '<div id="widget"></div>';
    const shadow = document.getElementById('widget')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div class="log"><div class="line">status: 502</div><div class="line">200 OK</div></div>';
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes(shadow)).toEqual(['502']);
    shadow.querySelector('.log')!.insertAdjacentHTML('beforeend', '<div class="line">HTTP 429 Too Many Requests</div>');
    await m.settle();
    expect(badgeCodes(shadow)).toEqual(['502', '429']);
    // ...and shadow roots that arrive with new content
    const later = document.createElement('section');
    later.attachShadow({ mode: 'open' }).innerHTML = '<ul><li>HTTP 500 Internal Server Error</li></ul>';
    document.body.append(later);
    await m.settle();
    expect(badgeCodes(later.shadowRoot!)).toEqual(['500']);
  });

  it('scans shadow roots attached after the scan, at any depth (custom elements defined late)', async () => {
    document.body.innerHTML = '<div id="outer"></div>';
    const outer = document.getElementById('outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>Deliveries</p><late-log-panel></late-log-panel>';
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes(outer)).toEqual([]);
    // The page defines the element only now: its shadow root and rows arrive with no mutation
    // record anywhere the scanner observes.
    const panel = outer.querySelector('late-log-panel')!;
    panel.attachShadow({ mode: 'open' }).innerHTML = '<ul><li>HTTP 502 Bad Gateway</li><li>200 OK</li></ul>';
    await vi.waitFor(() => expect(badgeCodes(panel.shadowRoot!)).toEqual(['502']), { timeout: 3000, interval: 50 });
  });

  it("reads a host's light-DOM rows again when its late shadow root draws their caption line above a slot", async () => {
    const row = (cells: string[]) => `<div class="r">${cells.map((c) => `<span>${c}</span>`).join('')}</div>`;
    document.body.innerHTML = `<late-table id="t">${row(['a@x', '502', '3'])}${row(['b@x', '200', '404'])}</late-table>`;
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual([]);
    // The page defines the element only now: its root draws the captions and projects the rows.
    document.getElementById('t')!.attachShadow({ mode: 'open' }).innerHTML =
      '<div class="cap"><div>To</div><div>Status</div><div>Duration (ms)</div></div><slot></slot>';
    await vi.waitFor(() => expect(badgeCodes()).toEqual(['502']), { timeout: 3000, interval: 50 });
  });

  it('never reads script, style or form-control text', async () => {
    document.body.innerHTML = `<div>
      <script type="application/json">{"status": 500, "error": "HTTP 500"}</script>
      <style>/* HTTP 500 */ .x::after { content: "HTTP 403" }</style>
      <textarea>HTTP 500 Response Code</textarea>
      <div contenteditable="true"><p>HTTP 404 Not Found</p></div>
      <select><option>HTTP 502</option></select></div>`;
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual([]);
  });

  it('forgets the rows of a log the page empties', async () => {
    // Red team 17: a log of failing rows emptied with innerHTML = '' kept every row, its state and
    // its badge in memory (20,000 rows: 8 MB of heap after GC), as no chunk ran to prune them.
    document.body.innerHTML = `<table><tbody id="log">${rows(40, 1)}</tbody></table>`;
    const m = mountScanner();
    await m.settle();
    expect(m.annotations.size).toBeGreaterThan(0);
    document.getElementById('log')!.innerHTML = '';
    await m.settle();
    expect(m.annotations.size).toBe(0);
  });

  it('prunes no rows for a clock the page ticks with textContent', async () => {
    // Review of red team 17: each tick removes a text node, and every batch pruned every row.
    document.body.innerHTML = `<p id="clock">12:00:00</p><table><tbody id="log">${rows(10, 1)}</tbody></table>`;
    const m = mountScanner();
    await m.settle();
    const prune = vi.spyOn(m.annotations, 'prune');
    for (let second = 1; second <= 3; second++) {
      document.getElementById('clock')!.textContent = `12:00:0${second}`;
      await m.settle();
    }
    expect(prune).not.toHaveBeenCalled();
  });

  it('prunes once for a batch that takes rows out and adds others', async () => {
    document.body.innerHTML = `<table><tbody id="log">${rows(10, 1)}</tbody></table>`;
    const m = mountScanner();
    await m.settle();
    const prune = vi.spyOn(m.annotations, 'prune');
    const log = document.getElementById('log') as HTMLTableSectionElement;
    log.firstElementChild!.remove();
    const added = log.insertRow();
    added.insertCell().textContent = 'HTTP 500 Internal Server Error';
    await m.settle();
    expect(prune).toHaveBeenCalledTimes(1);
    expect(m.annotations.size).toBe(10);
  });

  it("leaves a document in design mode alone: all of it is an editor's content", async () => {
    // Red team 13: e-mail editors write their message into a frame whose document is in design
    // mode; a badge there would go into the message.
    document.body.innerHTML = '<ul><li>HTTP 404 Not Found</li><li>200 OK</li></ul>';
    document.designMode = 'on';
    try {
      const m = mountScanner();
      await m.settle();
      expect(badgeCodes()).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
    const control = mountScanner();
    await control.settle();
    expect(badgeCodes(), 'the control: out of design mode the row is badged').toEqual(['404']);
  });

  it('falls back to a full rescan for a huge batch and still badges every failing row', { timeout: 30_000 }, async () => {
    document.body.innerHTML = '<table><tbody></tbody></table>';
    const m = mountScanner();
    await m.settle();
    const spy = vi.spyOn(m.scanner, 'rescanAll');
    const tbody = document.querySelector('tbody')!;
    const count = TEST_RESCAN_THRESHOLD + 500;
    const template = document.createElement('template');
    template.innerHTML = `<table><tbody>${rows(count, 50)}</tbody></table>`;
    for (const row of [...template.content.querySelectorAll('tr')]) tbody.append(row); // one node per mutation
    await m.settle();
    expect(spy).toHaveBeenCalled();
    expect(badgeCodes()).toHaveLength(Math.ceil(count / 50));
  });
});

describe('text changes in badged rows', () => {
  /** Twenty rows, every tenth failing, each with a time cell whose text node the page rewrites. */
  function tickingRows(): Text[] {
    document.body.innerHTML = `<table><tbody>${rows(20, 10)}</tbody></table>`;
    return [...document.querySelectorAll('tr')].map((tr) => tr.lastElementChild!.firstChild as Text);
  }

  it('judges no row again when only a relative time ticks', async () => {
    const times = tickingRows();
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual(['503', '503']);
    times.forEach((node, i) => (node.data = `${i % 60} s ago`)); // new words: judged again, once
    await m.settle();
    const seen = m.scanner.stats.rowsSeen;
    for (let tick = 1; tick <= 3; tick++) {
      times.forEach((node, i) => (node.data = `${(i + tick) % 60} s ago`));
      await m.settle();
    }
    expect(m.scanner.stats.rowsSeen).toBe(seen);
    expect(badgeCodes()).toEqual(['503', '503']);
  });

  it('judges no row again when a retry countdown ticks through status-shaped numbers', async () => {
    const times = tickingRows();
    const m = mountScanner();
    await m.settle();
    times.forEach((node, i) => (node.data = `next retry in ${600 - i} s`)); // new words: judged again, once
    await m.settle();
    const seen = m.scanner.stats.rowsSeen;
    for (let tick = 1; tick <= 3; tick++) {
      times.forEach((node, i) => (node.data = `next retry in ${600 - i - tick} s`));
      await m.settle();
    }
    times.forEach((node, i) => (node.data = `next retry in ${500 - i} tries`));
    await m.settle();
    expect(m.scanner.stats.rowsSeen).toBe(seen + times.length); // a new word after the number
    expect(badgeCodes()).toEqual(['503', '503']);
  });

  it('judges a row again when only the digits of a status change', async () => {
    tickingRows();
    const m = mountScanner();
    await m.settle();
    (document.querySelector('#r0 td:nth-child(2)')!.firstChild as Text).data = 'HTTP 502 Response Code';
    await m.settle();
    expect(badgeCodes()).toEqual(['502', '503']);
  });

  it('reads many changes of one text in one task as one, from its oldest text to its newest', async () => {
    tickingRows();
    const m = mountScanner();
    await m.settle();
    const status = document.querySelector('#r0 td:nth-child(2)')!.firstChild as Text;
    for (let i = 0; i < 500; i++) status.appendData(' .');
    status.data = 'queued';
    const fresh = document.querySelector('#r1 td:nth-child(2)')!.firstChild as Text;
    fresh.data = 'Sent';
    for (let i = 0; i < 500; i++) fresh.appendData(' .');
    fresh.appendData(' HTTP 429');
    await m.settle();
    expect(badgeCodes()).toEqual(['429', '503']);
    expect(document.querySelector('#r1 [data-webhook-doctor="badge"]')?.getAttribute('data-code')).toBe('429');
  });

  it('judges a badged row again when a hint-free text changes its words or empties', async () => {
    document.body.innerHTML = '<ul><li id="row">HTTP 503 <span>in</span> <span>x</span></li></ul>';
    const m = mountScanner();
    await m.settle();
    const seen = m.scanner.stats.rowsSeen;
    (document.querySelector('#row span')!.firstChild as Text).data = 'at';
    await m.settle();
    expect(m.scanner.stats.rowsSeen).toBe(seen + 1);
    (document.querySelector('#row span + span')!.firstChild as Text).data = '';
    await m.settle();
    expect(m.scanner.stats.rowsSeen).toBe(seen + 2);
  });

  it('judges a badged row again when a changed text takes its status away', async () => {
    const times = tickingRows();
    const m = mountScanner();
    await m.settle();
    const status = document.querySelector('#r0 td:nth-child(2)')!.firstChild as Text;
    status.data = 'Sent, 200 OK';
    await m.settle();
    expect(badgeCodes()).toEqual(['503']);
    times[10]!.data = 'now Sent, 200 OK';
    (document.querySelector('#r10 td:nth-child(2)')!.firstChild as Text).data = 'queued';
    await m.settle();
    expect(badgeCodes()).toEqual([]);
  });
});

describe('a read-only status input the page fills in by script', () => {
  const RESULT =
    '<form id="test"><label>Response code <input id="code" readonly value=""></label>' +
    '<label>Duration (ms) <input id="ms" readonly value=""></label></form>';

  it('is judged again once its value changes, without any mutation record', async () => {
    document.body.innerHTML = RESULT;
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual([]);
    // A property set makes no mutation record: only the poll can see it.
    (document.getElementById('code') as HTMLInputElement).value = '429';
    (document.getElementById('ms') as HTMLInputElement).value = '503';
    await new Promise((resolve) => setTimeout(resolve, 700)); // one SHADOW_POLL_MS and then some
    await m.settle();
    expect(badgeCodes()).toEqual(['429']);
  });

  it('loses its badge when the page clears the value', async () => {
    document.body.innerHTML = RESULT.replace('id="code" readonly value=""', 'id="code" readonly value="502"');
    const m = mountScanner();
    await m.settle();
    expect(badgeCodes()).toEqual(['502']);
    (document.getElementById('code') as HTMLInputElement).value = '';
    await new Promise((resolve) => setTimeout(resolve, 700));
    await m.settle();
    expect(badgeCodes()).toEqual([]);
  });
});

describe('nested rows (found by npm run fuzz)', () => {
  it('rows appended after the scan started: each inner failing row keeps its badge, the row around them gets none', async () => {
    document.body.innerHTML = '<p>ok</p>';
    const m = mountScanner();
    await m.settle();
    document.body.insertAdjacentHTML(
      'beforeend',
      // The fuzz find had "connection reset by peer" last; these detectors read status codes only.
      '<div id="outer"><div id="first">HTTP 500 Internal Server Error</div>HTTP 500 Internal Server Error<div id="last">HTTP 504 Gateway Timeout</div></div>',
    );
    await m.settle();
    const owners = [...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((badge) => badge.parentElement!.id);
    expect(owners.sort()).toEqual(['first', 'last']);
  });

  it('the page the fuzzer found, as it found it: a network error in the last inner row', async () => {
    document.body.innerHTML = '<p>ok</p>';
    const m = mountScanner(document, contentExtras);
    await m.settle();
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div id="outer"><div id="first">HTTP 500 Internal Server Error</div>HTTP 500 Internal Server Error<div id="last">read tcp 10.0.0.4:443: connection reset by peer</div></div>',
    );
    await m.settle();
    const badges = [...document.querySelectorAll('[data-webhook-doctor="badge"]')];
    expect(
      badges.map((badge) => [badge.parentElement!.id, badge.getAttribute('data-code'), badge.getAttribute('data-problem')]).sort(),
    ).toEqual([
      ['first', '500', ''],
      ['last', '', 'connection-reset'],
    ]);
  });

  it('an inner row badged after its outer row takes the badge from it', async () => {
    document.body.innerHTML = '<div id="outer">HTTP 502 Bad Gateway <span>retrying</span></div>';
    const m = mountScanner();
    await m.settle();
    expect(codesByOwner()).toEqual([['outer', '502']]);
    document.getElementById('outer')!.insertAdjacentHTML('beforeend', '<div id="inner">HTTP 503 Service Unavailable</div><div>ok</div>');
    await m.settle();
    expect(codesByOwner()).toEqual([['inner', '503']]);
  });
});

function codesByOwner(): [string, string][] {
  return [...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((badge) => [
    badge.parentElement!.id,
    badge.getAttribute('data-code')!,
  ]);
}

describe('robustness', () => {
  it('handles DOM nesting 5,000 levels deep without throwing', async () => {
    let node: HTMLElement = document.body;
    for (let i = 0; i < 5000; i++) {
      const child = document.createElement(i % 2 ? 'span' : 'div');
      node.append(child);
      node = child;
    }
    node.insertAdjacentHTML('beforeend', '<p class="line">HTTP 500 Internal Server Error</p><p class="line">200 OK</p>');
    const m = mountScanner(); // onError rethrows: any error in the scan fails the test
    await m.settle();
    // (happy-dom's own querySelectorAll recurses, so read the result from the annotations)
    const annotated = [...m.annotations.entries()];
    expect(annotated.map(([row, state]) => [row.className, state.host.getAttribute('data-code')])).toEqual([['line', '500']]);
    expect(annotated[0]![1].host.parentElement).toBe(annotated[0]![0]);
  });

  it(`scans only the first ${MAX_ROW_TEXT / 1024} KB of a 1 MB row`, async () => {
    const filler = 'x'.repeat(1024 * 1024);
    document.body.innerHTML = '<table><tr id="early"><td></td></tr><tr id="late"><td></td></tr></table>';
    document.querySelector('#early td')!.textContent = `HTTP 500 Internal Server Error ${filler}`;
    document.querySelector('#late td')!.textContent = `${filler} HTTP 502 Bad Gateway`;
    const m = mountScanner();
    await m.settle();
    expect([...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((b) => b.closest('tr')?.id)).toEqual(['early']);
  });

  it('keeps badges and memory flat under a mutation storm (rows replaced every 10 ms)', async () => {
    document.body.innerHTML = '<table><tbody></tbody></table>';
    const m = mountScanner();
    const tbody = document.querySelector('tbody')!;
    for (let round = 0; round < 15; round++) {
      tbody.innerHTML = rows(40, 4, `s${round}-`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await m.settle();
    expect(badgeCodes()).toHaveLength(10);
    expect(m.annotations.size).toBe(10);
    expect([...tbody.querySelectorAll('tr')].every((tr) => tr.querySelectorAll('[data-webhook-doctor]').length <= 1)).toBe(true);
  });

  it('never throws on arbitrary row text, markup-like or not', async () => {
    const m = mountScanner();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 80 }), { minLength: 1, maxLength: 8 }), async (texts) => {
        const table = document.createElement('table');
        for (const text of texts) {
          const row = table.insertRow();
          row.insertCell().textContent = text;
          row.insertCell().textContent = `${text} HTTP 500`;
        }
        document.body.replaceChildren(table);
        await m.settle();
        expect(document.querySelectorAll('[data-webhook-doctor="badge"]').length).toBeLessThanOrEqual(texts.length);
        expect(document.querySelectorAll('img, script').length).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('stops the observer and work on stop()', async () => {
    document.body.innerHTML = '<table><tbody></tbody></table>';
    const m = mountScanner();
    await m.settle();
    m.scanner.stop();
    document.querySelector('tbody')!.innerHTML = rows(5, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(badgeCodes()).toEqual([]);
  });
});

describe('chunked work', () => {
  it('splits work at the deadline and continues in later tasks', async () => {
    let clock = 0;
    const timers: (() => void)[] = [];
    const fakeWindow = {
      performance: { now: () => clock },
      setTimeout: (callback: () => void) => timers.push(callback),
      clearTimeout: () => undefined,
    } as unknown as Window;
    let remaining = 100;
    const chunks: number[] = [];
    const runner = createChunkRunner(
      fakeWindow,
      (timeUp) => {
        let done = 0;
        while (remaining > 0) {
          remaining--;
          done++;
          clock += 1; // each item costs 1 ms
          if (timeUp()) break;
        }
        chunks.push(done);
        return remaining > 0;
      },
      (error) => {
        throw error;
      },
    );
    runner.runNow();
    while (timers.length) timers.shift()!();
    expect(chunks.every((n) => n <= 8)).toBe(true);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(100);
    expect(chunks.length).toBeGreaterThanOrEqual(13);
    await runner.whenIdle();
  });
});

describe('rows that wait for detectors still loading', () => {
  const NETWORK_LINE = 'dial tcp 1.2.3.4:443: connect: connection refused';

  /**
   * A scanner whose network rows wait for the extras until `load()`, as the app's do; counts how
   * often each row's text went through the detectors.
   */
  function mountWaiting(doc: Document) {
    let loaded = false;
    let markReady = (): void => undefined;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const waiting = new Set<Element>();
    const runs = new Map<string, number>();
    const annotations = new Annotations(present, openCard);
    const commits = vi.spyOn(annotations, 'commit');
    const scanner = new Scanner(doc, generic, annotations, {
      detect: (text, row, mayWait) => {
        if (!loaded && text.includes('dial tcp')) {
          waiting.add(row);
          if (mayWait) return null;
        }
        runs.set(text, (runs.get(text) ?? 0) + 1);
        return detectRow(text, loaded ? contentExtras : null);
      },
      recheckSoon: () => (!loaded && waiting.size > 0 ? ready : null),
      onRowsChanged: () => undefined,
      onFieldsTouched: () => undefined,
      beforeBatch: () => false,
      onError: (error) => {
        throw error;
      },
    });
    mounted.push({ scanner, annotations, settle: () => scanner.whenIdle() });
    scanner.start();
    return {
      runs,
      placingCommits: () => commits.mock.results.filter((result) => (result.value as number) > 0).length,
      async load() {
        loaded = true;
        markReady();
        scanner.recheck(waiting);
        await ready; // the held commit goes in a task of its own once the hold is released
        await new Promise((resolve) => setTimeout(resolve, 0));
        await scanner.whenIdle();
      },
    };
  }

  it('in a big scan are judged once, when the detectors are in, and every badge enters in one commit', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `<tr><td>u${i}@example.com</td><td>HTTP 503 Service Unavailable</td></tr>`);
    const page = loadPage(`<table><tbody>${rows.join('')}<tr><td>${NETWORK_LINE}</td></tr></tbody></table>`, 'https://example.com/log');
    pages.push(page);
    const m = mountWaiting(page.doc);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await mounted.at(-1)!.settle();
    expect(m.runs.has(NETWORK_LINE)).toBe(false); // waiting, not judged without the network detector
    expect(badgeCodes(page.doc)).toHaveLength(0); // the scan's badges wait with it
    await m.load();
    expect(m.runs.get(NETWORK_LINE)).toBe(1);
    expect(badgeCodes(page.doc)).toHaveLength(401);
    expect(badgeCodes(page.doc)).toContain('connection-refused');
    expect([...m.runs.values()].every((count) => count === 1)).toBe(true);
    expect(m.placingCommits()).toBe(1);
  });

  it('in a small scan are judged at its end with what there is, so its status badges come at once', async () => {
    const page = loadPage(`<ul><li>${NETWORK_LINE}</li><li>HTTP 404 Not Found</li></ul>`, 'https://example.com/log');
    pages.push(page);
    const m = mountWaiting(page.doc);
    await mounted.at(-1)!.settle();
    expect(badgeCodes(page.doc)).toEqual(['404']);
    expect(m.runs.get(NETWORK_LINE)).toBe(1); // without the network detector: no badge yet
    await m.load();
    expect(m.runs.get(NETWORK_LINE)).toBe(2);
    expect(badgeCodes(page.doc)).toEqual(['connection-refused', '404']);
  });
});

describe('content script instance', () => {
  async function start(html: string, url = 'https://app.iterable.com/some/page'): Promise<{ page: LoadedPage; app: ContentApp }> {
    const page = loadPage(html, url);
    pages.push(page);
    const app = await startContentScript(page.win);
    if (!app) throw new Error('not started');
    apps.push(app);
    await app.settle();
    return { page, app };
  }

  it('takes its badges out of a document put in design mode after they were placed', async () => {
    // Red team 17: design mode turned on later fires nothing; the page would save our hosts.
    const { page } = await start('<ul id="log"><li>HTTP 500 Internal Server Error</li><li>HTTP 429 Too Many Requests</li></ul>');
    expect(badgeCodes(page.doc)).toEqual(['500', '429']);
    page.doc.designMode = 'on';
    await vi.waitFor(() => expect(page.doc.body.innerHTML).not.toContain(OUR_ATTRIBUTE), { timeout: 3000 });
    expect(badgeCodes(page.doc)).toEqual([]);
  });

  it('takes its badges out of a log made an editing host and focused, and leaves other badges', async () => {
    const { page } = await start(
      '<ul id="log"><li>HTTP 500 Internal Server Error</li></ul><ul id="other"><li>HTTP 404 Not Found</li></ul>',
    );
    expect(badgeCodes(page.doc)).toEqual(['500', '404']);
    const log = page.doc.getElementById('log')!;
    log.contentEditable = 'true';
    log.focus();
    await vi.waitFor(() => expect(log.innerHTML).not.toContain(OUR_ATTRIBUTE), { timeout: 3000 });
    expect(badgeCodes(page.doc)).toEqual(['404']);
  });

  it('takes its badges out of a log made an editing host that never takes the focus', async () => {
    // Red team 18: an editor can save content it never focused; the attribute is what counts.
    const { page } = await start(
      '<ul id="log"><li>HTTP 500 Internal Server Error</li></ul><ul id="other"><li>HTTP 404 Not Found</li></ul>',
    );
    const log = page.doc.getElementById('log')!;
    log.setAttribute('contenteditable', '');
    await vi.waitFor(() => expect(log.innerHTML).not.toContain(OUR_ATTRIBUTE), { timeout: 3000 });
    expect(badgeCodes(page.doc)).toEqual(['404']);
    log.removeAttribute('contenteditable');
    await vi.waitFor(() => expect(badgeCodes(page.doc)).toEqual(['500', '404']), { timeout: 3000 });
  });

  it('badges a log again once it is no longer an editing host', async () => {
    // Review of red team 17: a page could switch our badges off for good this way.
    const { page } = await start(
      '<ul id="log"><li>HTTP 500 Internal Server Error</li></ul><ul id="other"><li>HTTP 404 Not Found</li></ul>',
    );
    const log = page.doc.getElementById('log')!;
    log.contentEditable = 'true';
    log.focus();
    await vi.waitFor(() => expect(badgeCodes(page.doc)).toEqual(['404']), { timeout: 3000 });
    log.removeAttribute('contenteditable');
    await vi.waitFor(() => expect(badgeCodes(page.doc)).toEqual(['500', '404']), { timeout: 3000 });
  });

  it('badges rows the page added while the log was an editing host, once it is no longer one', async () => {
    // Review of attack 27: a re-rendering page would otherwise lose these badges for good.
    const { page } = await start('<ul id="log"><li>HTTP 500 Internal Server Error</li></ul>');
    const log = page.doc.getElementById('log')!;
    log.setAttribute('contenteditable', '');
    await vi.waitFor(() => expect(badgeCodes(page.doc)).toEqual([]), { timeout: 3000 });
    const added = page.doc.createElement('li');
    added.textContent = 'HTTP 404 Not Found';
    log.append(added);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the scanner sees the row while the log is editable
    expect(badgeCodes(page.doc)).toEqual([]);
    log.removeAttribute('contenteditable');
    await vi.waitFor(() => expect(badgeCodes(page.doc)).toEqual(['500', '404']), { timeout: 3000 });
  });

  it('badges a document again once design mode is off', async () => {
    const { page } = await start('<ul id="log"><li>HTTP 500 Internal Server Error</li><li>HTTP 429 Too Many Requests</li></ul>');
    page.doc.designMode = 'on';
    await vi.waitFor(() => expect(badgeCodes(page.doc)).toEqual([]), { timeout: 3000 });
    page.doc.designMode = 'off';
    await vi.waitFor(() => expect(badgeCodes(page.doc)).toEqual(['500', '429']), { timeout: 3000 });
  });

  it('clears and rescans on SPA navigation (pushState + new content)', async () => {
    const { page, app } = await start('<main id="view"><ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul></main>');
    expect(badgeCodes(page.doc)).toEqual(['500']);
    page.win.history.pushState({}, '', '/some/page/next');
    page.doc.getElementById('view')!.innerHTML = '<ul><li>HTTP 404 Not Found</li><li>HTTP 401 Unauthorized</li></ul>';
    await new Promise((resolve) => setTimeout(resolve, 0));
    await app.settle();
    expect(badgeCodes(page.doc)).toEqual(['404', '401']);
    await app.flushSnapshot();
    const snapshot = vi.mocked(sendSnapshot).mock.calls.at(-1)![0] as PageSnapshot;
    expect(snapshot.url).toBe('https://app.iterable.com/some/page/next');
    expect(snapshot.groups.map((g) => g.key).sort()).toEqual(['http:401', 'http:404']);
  });

  it('rescans open shadow roots too on SPA navigation', async () => {
    const page = loadPage(
      '<main id="view"><ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul></main><aside id="side"></aside>',
      'https://app.iterable.com/some/page',
    );
    pages.push(page);
    const shadow = page.doc.getElementById('side')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div class="l">status: 503</div><div class="l">200 OK</div>';
    const app = (await startContentScript(page.win))!;
    apps.push(app);
    await app.settle();
    expect(badgeCodes(shadow)).toEqual(['503']);
    page.win.history.pushState({}, '', '/some/page/next');
    page.doc.getElementById('view')!.innerHTML = '<ul><li>HTTP 404 Not Found</li><li>ok</li></ul>';
    await new Promise((resolve) => setTimeout(resolve, 0));
    await app.settle();
    expect(badgeCodes(page.doc)).toEqual(['404']);
    expect(badgeCodes(shadow)).toEqual(['503']);
  });

  it('clears on popstate when the URL changed', async () => {
    const { page, app } = await start('<ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul>');
    page.win.history.pushState({}, '', '/elsewhere');
    page.win.dispatchEvent(new page.scope.PopStateEvent('popstate') as unknown as Event);
    await app.settle();
    // the same rows are still there after the rescan: one badge, not two
    expect(badgeCodes(page.doc)).toEqual(['500']);
  });

  it('ignores an announcement while its extension is alive (a page script can fire it)', async () => {
    const { page, app } = await start('<ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul>');
    page.doc.dispatchEvent(new page.scope.CustomEvent(INSTANCE_EVENT));
    expect(app.lifecycle.alive).toBe(true);
    page.doc.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li>HTTP 502 Bad Gateway</li>');
    await app.settle();
    expect(badgeCodes(page.doc)).toEqual(['500', '502']);
  });

  it('keeps page elements that carry our attribute, at start and inside failing rows', async () => {
    const { page, app } = await start(
      '<p data-webhook-doctor="badge">page note</p><ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul>',
    );
    page.doc.querySelector('li')!.insertAdjacentHTML('beforeend', '<span data-webhook-doctor="badge">page span</span>');
    await app.settle();
    expect([...page.doc.querySelectorAll('[data-webhook-doctor]')].map((el) => el.textContent).sort()).toEqual([
      '',
      'page note',
      'page span',
    ]);
  });

  it('badges rows inside page content that carries our attribute, at start and added later', async () => {
    const { page, app } = await start(
      '<ul data-webhook-doctor=""><li>HTTP 500 Internal Server Error</li><li>ok</li></ul><div id="later" data-webhook-doctor="log"></div>',
    );
    page.doc.getElementById('later')!.insertAdjacentHTML('beforeend', '<p>HTTP 502 Bad Gateway</p>');
    page.doc.body.insertAdjacentHTML('beforeend', '<section data-webhook-doctor="field-warning"><p>HTTP 504 Gateway Timeout</p></section>');
    await app.settle();
    expect(badgeCodes(page.doc)).toEqual(['500', '502', '504']);
  });

  it('steps down when a newer instance announces itself after the extension went away, removing all it added', async () => {
    const { page, app } = await start('<ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul>');
    expect(badgeCodes(page.doc)).toHaveLength(1);
    vi.mocked(extensionAlive).mockReturnValue(false);
    page.doc.dispatchEvent(new page.scope.CustomEvent(INSTANCE_EVENT));
    expect(app.lifecycle.alive).toBe(false);
    expect(badgeCodes(page.doc)).toEqual([]);
    page.doc.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li>HTTP 502 Bad Gateway</li>');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(badgeCodes(page.doc)).toEqual([]);
  });

  it('a second instance takes over without duplicate badges', async () => {
    const { page } = await start('<ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul>');
    const second = await startContentScript(page.win);
    apps.push(second!);
    await second!.settle();
    expect(badgeCodes(page.doc)).toEqual(['500']);
  });

  it('tears down when the extension context goes away (reload)', async () => {
    const { page, app } = await start('<ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul>');
    vi.mocked(extensionAlive).mockReturnValue(false);
    page.doc.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li>HTTP 502 Bad Gateway</li>');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.lifecycle.alive).toBe(false);
    expect(badgeCodes(page.doc)).toEqual([]);
  });

  it('tears down when sending fails with "Extension context invalidated"', async () => {
    const { page, app } = await start('<ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul>');
    vi.mocked(sendSnapshot).mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await app.flushSnapshot();
    expect(app.lifecycle.alive).toBe(false);
    expect(badgeCodes(page.doc)).toEqual([]);
  });

  it('does nothing when the provider is turned off', async () => {
    vi.mocked(loadSettings).mockResolvedValueOnce({
      providers: { klaviyo: true, braze: true, customerio: true, hubspot: true, iterable: false },
      badgeDensity: 'full',
    });
    const page = loadPage('<ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul>', 'https://app.iterable.com/x');
    pages.push(page);
    expect(await startContentScript(page.win)).toBeNull();
    expect(badgeCodes(page.doc)).toEqual([]);
  });

  it('follows settings changes: compact density, then the provider turned off', async () => {
    const { page, app } = await start('<ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul>');
    const onSettings = vi.mocked(watchSettings).mock.calls.at(-1)![0];
    vi.mocked(sendSnapshot).mockResolvedValueOnce({
      'http:500': {
        key: 'http:500',
        kind: 'http',
        code: 500,
        problem: null,
        title: '500 Internal Server Error',
        short: 'server error',
        meaning: 'm',
        retry: { verdict: 'retries', text: 't' },
        steps: [],
      },
    });
    await app.flushSnapshot();
    const label = () => badgeShadow(page.doc.querySelector('[data-webhook-doctor="badge"]')!)!.querySelector('button')!.textContent;
    expect(label()).toBe('500 · server error');
    onSettings({ ...DEFAULT_SETTINGS, badgeDensity: 'compact' });
    expect(label()).toBe('500');
    vi.mocked(sendSnapshot).mockClear();
    onSettings({ ...DEFAULT_SETTINGS, providers: { ...DEFAULT_SETTINGS.providers, iterable: false } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(badgeCodes(page.doc)).toEqual([]);
    expect(app.lifecycle.alive).toBe(false);
    expect((vi.mocked(sendSnapshot).mock.calls.at(-1)![0] as PageSnapshot).groups).toEqual([]);
  });

  it('works in a frame document on any host with the generic adapter', async () => {
    const { page, app } = await start(
      '<div class="log"><div class="e">HTTP 403 Forbidden</div><div class="e">ok</div></div>',
      'https://esp.example.com/logs',
    );
    expect(app.adapter.id).toBe('generic');
    expect(badgeCodes(page.doc)).toEqual(['403']);
  });
});

describe('mutation batches, delivered by hand', () => {
  /** A scanner in its own window whose MutationObserver hands its callback to the test. */
  function mountWithManualObserver(html: string, now: () => number = () => 0, progressNodes = PROGRESS_COMMIT_NODES) {
    const page = loadPage(html, 'https://esp.example.com/log');
    pages.push(page);
    let deliver: MutationCallback = () => undefined;
    let taken = false;
    Object.defineProperty(page.win, 'MutationObserver', {
      configurable: true,
      value: class {
        constructor(callback: MutationCallback) {
          deliver = callback;
          taken = true;
        }
        observe() {}
        disconnect() {}
      },
    });
    page.win.performance.now = now;
    const annotations = new Annotations(present, openCard);
    const scanner = new Scanner(
      page.doc,
      generic,
      annotations,
      {
        detect: (text) => detectRow(text, null),
        onRowsChanged: () => undefined,
        onFieldsTouched: () => undefined,
        beforeBatch: () => false,
        onError: (error) => {
          throw error;
        },
      },
      undefined,
      progressNodes,
    );
    mounted.push({ scanner, annotations, settle: () => scanner.whenIdle() });
    scanner.start();
    const batch = (records: Partial<MutationRecord>[]) => deliver(records as MutationRecord[], {} as MutationObserver);
    expect(taken).toBe(true); // the scanner took our observer
    return { page, scanner, batch };
  }

  const added = (target: Node, nodes: Node[]): Partial<MutationRecord> => ({
    type: 'childList',
    target,
    addedNodes: nodes as unknown as NodeList,
    removedNodes: [] as unknown as NodeList,
  });

  it('rows the page appends are badged before the observer callback returns', () => {
    const { page, batch } = mountWithManualObserver('<table><tbody></tbody></table>');
    const tbody = page.doc.querySelector('tbody')!;
    const template = page.doc.createElement('template');
    template.innerHTML = `<table><tbody>${rows(100, 1, 'late')}</tbody></table>`;
    const fresh = [...template.content.querySelectorAll('tr')];
    tbody.append(...fresh);
    batch([added(tbody, fresh)]);
    expect(badgeCodes(page.doc)).toHaveLength(100);
  });

  it('a big insertion gets a bounded share of the callback that grows with it', () => {
    expect(insertionBudgetMs(0)).toBe(SYNC_BUDGET_MS);
    expect(insertionBudgetMs(1000)).toBeGreaterThan(SYNC_BUDGET_MS);
    expect(insertionBudgetMs(10_000)).toBeGreaterThan(insertionBudgetMs(1000));
    expect(insertionBudgetMs(1_000_000)).toBe(MAX_INSERTION_BUDGET_MS);
    // Every clock reading costs a millisecond, and one is read after each judged row: the rows
    // judged before the callback returns count the milliseconds it was given.
    for (const count of [10, 1000]) {
      let clock = 0;
      const { page, scanner, batch } = mountWithManualObserver('<table><tbody></tbody></table>', () => (clock += 1));
      const tbody = page.doc.querySelector('tbody')!;
      const template = page.doc.createElement('template');
      template.innerHTML = `<table><tbody>${rows(count, 1, 'late')}</tbody></table>`;
      const fresh = [...template.content.querySelectorAll('tr')];
      tbody.append(...fresh);
      const before = scanner.stats.rowsSeen;
      batch([added(tbody, fresh)]);
      const judged = scanner.stats.rowsSeen - before;
      if (count === 10) expect(judged).toBe(10);
      else {
        expect(judged).toBeGreaterThan(SYNC_BUDGET_MS);
        expect(judged).toBeLessThanOrEqual(insertionBudgetMs(count));
        expect(judged).toBeGreaterThan(insertionBudgetMs(count) / 2);
      }
      scanner.stop();
    }
  });

  it('a batch of only our own badges runs no scan work (no chunk chained in the same task)', () => {
    const { page, scanner, batch } = mountWithManualObserver('<ul><li>HTTP 500 Internal Server Error</li><li>ok</li></ul>');
    const before = { ...scanner.stats };
    const badge = page.doc.querySelector('[data-webhook-doctor="badge"]')!;
    batch([added(badge.parentElement!, [badge])]);
    expect(scanner.stats).toEqual(before);
  });

  it(
    'a scan places its badges in one commit, however slow the machine; a huge one shows progress, rarely',
    { timeout: 60_000 },
    async () => {
      const SMALL_PROGRESS = 1000;
      // Every clock reading costs a whole millisecond: the scan runs in many short chunks.
      for (const [progressNodes, manyCommits] of [
        [PROGRESS_COMMIT_NODES, false],
        [SMALL_PROGRESS, true],
      ] as const) {
        let clock = 0;
        const { page, scanner } = mountWithManualObserver(
          `<table><tbody>${rows(1500, 1)}</tbody></table>`,
          () => (clock += 1),
          progressNodes,
        );
        const placements: number[] = [];
        let placed = 0;
        for (let i = 0; i < 1000 && placed < 1500; i++) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          const now = badgeCodes(page.doc).length;
          if (now !== placed) placements.push(now - placed);
          placed = now;
        }
        await scanner.whenIdle();
        expect(badgeCodes(page.doc)).toHaveLength(1500);
        expect(scanner.stats.chunks).toBeGreaterThan(10);
        if (!manyCommits) expect(placements).toEqual([1500]);
        else {
          expect(placements.length).toBeGreaterThan(1); // progress shows on a scan this long...
          const nodes = page.doc.body.querySelectorAll('*').length * 3; // elements, and their text, walked twice at most
          expect(placements.length).toBeLessThanOrEqual(Math.ceil(nodes / SMALL_PROGRESS) + 1); // ...but rarely
        }
        scanner.stop();
        page.doc.body.replaceChildren();
      }
    },
  );
});
