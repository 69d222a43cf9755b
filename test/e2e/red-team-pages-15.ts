// Attack pages of red-team round fifteen that both browsers are tested on, and what each must
// show: one definition each.
import { TOKEN } from './token-sentinel';

/** Twelve-character pieces of the sentinel: each row shows one, too short for the long-run pass. */
const piece = (start: number): string => TOKEN.slice(start, start + 12);

const page = (title: string, rows: string[], script = ''): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title>${script}<ul id="log">${rows.join('')}</ul>`;

/**
 * Pieces in cookies, signed URLs (S3, Azure SAS), percent-encoded user info, curl's `-u`, key
 * names written with escaped letters, and a JWT whose signature is on the line below.
 */
export const CREDENTIAL_SHAPE_ROWS = [
  `<li>HTTP 401 Unauthorized · Cookie: session=${piece(0)}; theme=dark</li>`,
  `<li>HTTP 403 Forbidden · GET https://bucket.s3.amazonaws.com/a.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Signature=${piece(2)}</li>`,
  `<li>HTTP 403 Forbidden · GET https://acct.blob.core.windows.net/c/f.csv?sv=2021-08-06&amp;sp=r&amp;sig=${piece(4)}</li>`,
  `<li>HTTP 401 Unauthorized · POST https://us%65r:p%40${piece(6)}@hooks.example.com/in</li>`,
  `<li>HTTP 401 Unauthorized · curl -u api:${piece(8)} https://hooks.example.com/in</li>`,
  `<li>HTTP 500 Internal Server Error · body {"pass\\u0077ord": "${piece(10)}"}</li>`,
  `<li>HTTP 502 Bad Gateway · form api_k%65y=${piece(12)}&amp;v=2</li>`,
  `<li>HTTP 503 Service Unavailable · sent eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.<br>${piece(14)}</li>`,
  `<li>HTTP 504 Gateway Timeout · Set-Cookie: sid=${piece(16)}; Path=/; HttpOnly</li>`,
];

/**
 * The whole sentinel where our reading cuts text before the redactor sees it: after 1,960 blanks
 * (a sample's source is cut at 2,000 characters) and at the end of a 1,000-character tooltip.
 */
const blanks = (count: number): string => ' '.repeat(count);
const HEAD = 'HTTP 500 Internal Server Error';
export const CUT_TOKEN_ROWS = [
  `<li>${HEAD}${blanks(2000 - HEAD.length - 12)}${TOKEN}</li>`,
  `<li>ana@example.com · <i class="icon" title="${HEAD}${blanks(1000 - HEAD.length - 12)}${TOKEN}"></i></li>`,
];

/** The round's pages of rows quoting pieces of the sentinel, each with the attack it tries. */
export const SENTINEL_PAGES_15 = [
  {
    name: 'credential-shapes',
    attack: 'in cookies, signed URLs, encoded user info, curl -u, escaped key names, a wrapped JWT',
    html: page('Credential shapes', CREDENTIAL_SHAPE_ROWS),
    rows: CREDENTIAL_SHAPE_ROWS.length,
    inText: true,
  },
  {
    name: 'cut-tokens',
    attack: 'halved where a sample or a tooltip is cut',
    html: page('Cut tokens', CUT_TOKEN_ROWS),
    rows: CUT_TOKEN_ROWS.length,
    inText: true,
  },
];

/**
 * A page that replaces, before any row is added, the built-ins a content script leans on: if our
 * world shared the page's, badges would fail (attachShadow returns a plain element, observers never
 * fire, frames never come, push and JSON.stringify do nothing). Each replacement counts its calls;
 * the page adds a failing row 500 ms in, which only a working observer of ours sees.
 */
export const OVERRIDES_HTML = page(
  'Overrides',
  ['<li>HTTP 500 Internal Server Error</li>', '<li>200 OK</li>', '<li>HTTP 429 Too Many Requests</li>'],
  `<script>
  window.calls = { attachShadow: 0, observe: 0, frame: 0, push: 0, stringify: 0 };
  const calls = window.calls;
  const originals = [Element.prototype.attachShadow, window.MutationObserver, window.requestAnimationFrame, Array.prototype.push, JSON.stringify];
  // Puts the built-ins back before the test reads the counts (its reading may use them).
  window.restore = () => { [Element.prototype.attachShadow, window.MutationObserver, window.requestAnimationFrame, Array.prototype.push, JSON.stringify] = originals; };
  Element.prototype.attachShadow = function () { calls.attachShadow += 1; return document.createElement('div'); };
  window.MutationObserver = class { constructor() {} observe() { calls.observe += 1; } disconnect() {} takeRecords() { return []; } };
  window.requestAnimationFrame = () => { calls.frame += 1; return 0; };
  Array.prototype.push = function () { calls.push += 1; return this.length; };
  JSON.stringify = () => { calls.stringify += 1; return '{}'; };
  setTimeout(() => { const li = document.createElement('li'); li.textContent = 'HTTP 503 Service Unavailable'; document.getElementById('log').appendChild(li); }, 500);
</script>`,
);
/** Failing rows of OVERRIDES_HTML once its row is added. */
export const OVERRIDES_FAILING_ROWS = 3;
export const READ_OVERRIDE_CALLS = `window.restore(), JSON.stringify(window.calls)`;
export const NO_OVERRIDE_CALLS = JSON.stringify({ attachShadow: 0, observe: 0, frame: 0, push: 0, stringify: 0 });
