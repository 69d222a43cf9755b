// Attack pages of red-team round eleven that both browsers are tested on, and what each must show:
// one definition each.
import { expect } from 'vitest';
import type { SentinelLeaks } from './red-team-round';
import { TOKEN } from './token-sentinel';

/** Twelve-character pieces of the sentinel: each row shows one, too short for the long-run pass. */
const piece = (start: number): string => TOKEN.slice(start, start + 12);

const page = (title: string, rows: string[]): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><ul id="log">${rows.join('')}</ul>`;

/** The key word sits in an element the scan leaves out; the value follows in plain text. */
export const HIDDEN_KEY_ROWS = [
  `<li>HTTP 401 Unauthorized · <input value="Authorization: Bearer" readonly> ${piece(0)}</li>`,
  `<li>HTTP 403 Forbidden · <textarea>X-Api-Key:</textarea> ${piece(4)}</li>`,
  `<li>HTTP 404 Not Found · <span contenteditable="true">token=</span>${piece(8)}</li>`,
  `<li>HTTP 500 Internal Server Error · <svg width="60" height="12"><text y="10">password</text></svg> ${piece(12)}</li>`,
];

/** Key and value split across elements, text nodes and a shadow boundary. */
export const SPLIT_ROWS = [
  `<li>HTTP 401 Unauthorized · <b>Autho</b>rization: <b>Bear</b>er <i>${piece(0).slice(0, 5)}</i>${piece(0).slice(5)}</li>`,
  `<li id="split-nodes">HTTP 403 Forbidden · </li>`,
  `<li>HTTP 404 Not Found · <span id="split-shadow"></span> ${piece(8)}</li>`,
  `<li>HTTP 500 Internal Server Error · <span>api_</span><span>key</span>=<span>${piece(12)}</span></li>`,
];
const SPLIT_SCRIPT = `<script>
  const row = document.getElementById('split-nodes');
  for (const part of ['X-Au', 'th-To', 'ken: ', ${JSON.stringify(piece(4).slice(0, 6))}, ${JSON.stringify(piece(4).slice(6))}])
    row.appendChild(document.createTextNode(part));
  const shadow = document.getElementById('split-shadow').attachShadow({ mode: 'open' });
  shadow.textContent = 'Authorization: Bearer';
</script>`;

/** Secrets in attributes of the row and its children. */
export const ATTRIBUTE_ROWS = [
  `<li title="token ${piece(0)}">HTTP 401 Unauthorized · <img alt="api_key=${piece(4)}" src="data:,"></li>`,
  `<li data-secret="${piece(8)}" aria-label="HTTP 403 Forbidden token ${piece(8)}">HTTP 403 Forbidden</li>`,
  `<li>HTTP 404 Not Found · <input placeholder="${piece(12)}" value="${piece(16)}"></li>`,
];

/** A token in a URL's query, fragment or user info, under a name no key list holds. */
export const URL_ROWS = [
  `<li>HTTP 401 Unauthorized · POST https://hooks.example.com/in?sig=${piece(0)}</li>`,
  `<li>HTTP 403 Forbidden · POST https://hooks.example.com/in#${piece(4)}</li>`,
  `<li>HTTP 404 Not Found · POST https://deploy:${piece(8)}@hooks.example.com/in</li>`,
  `<li>HTTP 500 Internal Server Error · POST https://hooks.example.com/in?c=${piece(12)}&amp;x=1</li>`,
  `<li>HTTP 502 Bad Gateway · GET https://hooks.example.com/in/${piece(16)}?v=2</li>`,
];

/** The round's pages of rows quoting pieces of the sentinel, each with the attack it tries and whether its text shows them. */
export const SENTINEL_PAGES_11 = [
  {
    name: 'hidden-keys',
    attack: 'whose key is in a form control or SVG',
    html: page('Hidden keys', HIDDEN_KEY_ROWS),
    rows: HIDDEN_KEY_ROWS.length,
    inText: true,
  },
  {
    name: 'split',
    attack: 'split across elements, text nodes and a shadow root',
    html: page('Split', SPLIT_ROWS) + SPLIT_SCRIPT,
    rows: SPLIT_ROWS.length,
    inText: true,
  },
  {
    name: 'attributes',
    attack: 'in attributes of the row',
    html: page('Attributes', ATTRIBUTE_ROWS),
    rows: ATTRIBUTE_ROWS.length,
    inText: false,
  },
  { name: 'urls', attack: 'in URL queries, fragments and user info', html: page('URLs', URL_ROWS), rows: URL_ROWS.length, inText: true },
];

/** The figures README-attacks.md quotes for one page. */
export function leakFigures({ toolbar, leaks }: SentinelLeaks): Record<string, unknown> {
  return { toolbar, storage: leaks.storage.length, markup: leaks.markup.length };
}

/**
 * Every row badged and counted, none of the pieces reaching us, and the control: the log's text
 * shows pieces, unless the page holds them in attributes only (`inText` false).
 */
export function expectNothingReached(result: SentinelLeaks, rows: number, inText: boolean): void {
  expect(result.toolbar).toBe(String(rows));
  expect(result.shown > 0, 'the control: the log text shows pieces').toBe(inText);
  expect(result.leaks).toEqual({ storage: [], markup: [] });
}

const LOG = `<ul id="log"><li>HTTP 500 Internal Server Error</li><li>200 OK</li><li>HTTP 429 Too Many Requests</li><li>HTTP 404 Not Found</li></ul>`;
/** Failing rows of LOG. */
export const LOG_FAILING_ROWS = 3;

/**
 * A page whose sanitiser strips every attribute but `id` and `class` from whatever is added to it
 * or changed in it (our hosts lose `data-webhook-doctor` and the owner nonce).
 */
export const ATTRIBUTE_STRIPPER_HTML = `<!doctype html><meta charset="utf-8"><title>Attribute stripper</title>${LOG}<script>
  window.errors = [];
  addEventListener('error', (e) => window.errors.push(String(e.message)));
  const keep = new Set(['id', 'class']);
  const strip = (el) => { for (const a of [...el.attributes]) if (!keep.has(a.name)) el.removeAttribute(a.name); };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') strip(r.target);
      for (const n of r.addedNodes) if (n.nodeType === 1) { strip(n); n.querySelectorAll('*').forEach(strip); }
    }
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true });
</script>`;

/** Elements in each row of the log and the page's errors (our hosts are the rows' only elements). */
export const READ_STRIPPED = `({ perRow: [...document.querySelectorAll('#log li')].map((li) => li.children.length), errors: window.errors })`;

export interface Stripped {
  perRow: number[];
  errors: string[];
}

/** True once every failing row of the stripped page holds an element (its badge). */
export const strippedBadged = (s: Stripped): boolean => s.perRow.filter((n) => n > 0).length === LOG_FAILING_ROWS;

/** One badge in each failing row, unchanged 2 s after they were all in (no loop), no page error, each row counted once. */
export function expectStrippedHeld(first: Stripped, later: Stripped, toolbar: string): void {
  expect(later).toEqual(first);
  expect(later.perRow).toEqual([1, 0, 1, 1]);
  expect(later.errors).toEqual([]);
  expect(toolbar).toBe(String(LOG_FAILING_ROWS));
}

/**
 * A page that rewrites its URL every 200 ms for 10 s once `startFlood()` is called (the test reads
 * the tab's id first: it is found by URL); `window.flooding` while it does.
 */
export const PUSH_STATE_FLOOD_HTML = `<!doctype html><meta charset="utf-8"><title>pushState flood</title>${LOG}<script>
  window.flooding = false;
  window.startFlood = () => {
    window.flooding = true;
    let n = 0;
    const timer = setInterval(() => {
      history.pushState({}, '', '?t=' + n);
      if (++n >= 50) { clearInterval(timer); window.flooding = false; }
    }, 200);
  };
</script>`;

/** How many URL changes the flood has made so far. */
export const FLOOD_CHANGES = `Number(new URLSearchParams(location.search).get('t') ?? -1) + 1`;
/** URL changes after which the worker has forgotten the tab at least once (Chromium). */
export const CHANGES_BEFORE_CHECK = 3;
