// Attack pages of red-team round nine that both browsers are tested on, and what each must show:
// one definition each.
import { expect } from 'vitest';
import type { SentinelLeaks } from './red-team-round';
import { TOKEN } from './token-sentinel';

/** Twelve-character pieces of the sentinel: each row shows one, too short for the long-run pass. */
const piece = (start: number): string => TOKEN.slice(start, start + 12);

/**
 * Failing rows, one status each, that quote a short secret in forms round 8 left: the value on
 * the line below its key (a plain line break, YAML's block marker), after an arrow, under a quoted
 * "bearer" key, after a zero-width space that follows the scheme word, under key words in
 * look-alike letters (a Greek capital, full-width letters), British "Authorisation", a bare
 * `key=`, Japanese, Korean and Chinese words for token and password, a Svix signature list,
 * user info before a host with nothing after it, and a form field dumped as HTML.
 */
export const RESIDUAL_SECRET_ROWS = [
  `<li>HTTP 400 Bad Request · sent token<pre>${piece(0)}</pre></li>`,
  `<li>HTTP 401 Unauthorized<pre>headers:\n  token: |\n    ${piece(4)}</pre></li>`,
  `<li>HTTP 403 Forbidden · X-Api-Key → ${piece(8)}</li>`,
  `<li>HTTP 404 Not Found · {"bearer": "${piece(12)}"}</li>`,
  `<li>HTTP 405 Method Not Allowed · Authorization: Bearer&#8203;${piece(16)}</li>`,
  `<li>HTTP 406 Not Acceptable · \u03a4OKEN: ${piece(19)}</li>`,
  `<li>HTTP 407 Proxy Authentication Required · \uff54\uff4f\uff4b\uff45\uff4e: ${piece(2)}</li>`,
  `<li>HTTP 408 Request Timeout · Authorisation: ${piece(6)}</li>`,
  `<li>HTTP 409 Conflict · POST /hook key=${piece(10)}</li>`,
  `<li>HTTP 410 Gone · トークン：${piece(14)}</li>`,
  `<li>HTTP 411 Length Required · 비밀번호: ${piece(17)}</li>`,
  `<li>HTTP 412 Precondition Failed · svix-signature: v1,${piece(1)} v1,${piece(5)}</li>`,
  `<li>HTTP 413 Payload Too Large · connect deploy:${piece(9)}@db.example.com failed</li>`,
  `<li>HTTP 415 Unsupported Media Type · &lt;input name="password" value="${piece(13)}"&gt;</li>`,
  `<li>HTTP 422 Unprocessable Entity · 令牌: ${piece(18)}</li>`,
  `<li>HTTP 429 Too Many Requests · API-Schlüssel: ${piece(3)}</li>`,
];

/**
 * Failing rows whose key word the sample lost or the page hid from the redactor: a header name
 * chosen in a <select> (the scan leaves form controls out, so only the value was left), and bidi
 * embeddings, overrides and isolates between a key and its value, or reversing a status.
 */
export const CONTEXT_SECRET_ROWS = [
  `<li>HTTP 405 Method Not Allowed · <select><option>Authorization</option></select> <code>${piece(0)}</code></li>`,
  `<li>HTTP 406 Not Acceptable · header <select><option>Content-Type</option><option selected>X-Api-Key</option></select><code>${piece(4)}</code></li>`,
  `<li>HTTP 409 Conflict · <label>field <select><option>password</option></select></label> ${piece(8)}</li>`,
  `<li>HTTP 502 Bad Gateway · api_key&#x2066;=&#x2069;${piece(12)}</li>`,
  `<li>HTTP 503 Service Unavailable · token&#x202e;:&#x202c; ${piece(16)} · &#x202e;KO 002&#x202c;</li>`,
  `<li>HTTP 429 Too Many Requests · &#x2067;Authorization: Bearer&#x2069; ${piece(19)}</li>`,
];

export const CONTEXT_SECRET_HTML = `<!doctype html><meta charset="utf-8"><title>Context secrets</title><ul id="log">${CONTEXT_SECRET_ROWS.join('')}</ul>`;

/**
 * Failing rows found by this round's unit probe: a header line in quotes as curl's `-H` and
 * fetch's header strings write it (the quote before the key is not closed after it), separators
 * written with another colon or equals sign, a dash or "is:" before the value, a value in brackets.
 */
export const QUOTED_LINE_SECRET_ROWS = [
  `<li>HTTP 401 Unauthorized · curl -H "X-Api-Key: ${piece(0)}" https://api.example.com/hook</li>`,
  `<li>HTTP 403 Forbidden · fetch(url, { headers: ['token: ${piece(4)}'] })</li>`,
  `<li>HTTP 404 Not Found · token\ufe55 ${piece(8)}</li>`,
  `<li>HTTP 410 Gone · api key \u2014 ${piece(12)}</li>`,
  `<li>HTTP 422 Unprocessable Entity · password (${piece(16)}) rejected</li>`,
  `<li>HTTP 500 Internal Server Error · token: &lt;${piece(19)}&gt;</li>`,
];

export const QUOTED_LINE_SECRET_HTML = `<!doctype html><meta charset="utf-8"><title>Quoted lines</title><ul id="log">${QUOTED_LINE_SECRET_ROWS.join('')}</ul>`;

/** A bidi embedding, override or isolate: none may reach what we store or show. */
export const BIDI_CONTROL_CHAR = /[\u202a-\u202e\u2066-\u2069]/;

export const RESIDUAL_SECRET_HTML = `<!doctype html><meta charset="utf-8"><title>Residual secrets</title><ul id="log">${RESIDUAL_SECRET_ROWS.join('')}</ul>`;

/** The round's pages of rows quoting pieces of the sentinel, each with the attack it tries. */
export const SENTINEL_PAGES_9 = [
  {
    name: 'residual-secrets',
    attack: 'below their key, after arrows, under look-alike and foreign key words',
    html: RESIDUAL_SECRET_HTML,
    rows: RESIDUAL_SECRET_ROWS.length,
  },
  {
    name: 'context-secrets',
    attack: 'whose key sits in a <select> or behind bidi controls',
    html: CONTEXT_SECRET_HTML,
    rows: CONTEXT_SECRET_ROWS.length,
  },
  {
    name: 'quoted-lines',
    attack: 'in quoted header lines, after look-alike colons, dashes and brackets',
    html: QUOTED_LINE_SECRET_HTML,
    rows: QUOTED_LINE_SECRET_ROWS.length,
  },
];

/** The figures README-attacks.md quotes for one page. */
export function leakFigures({ toolbar, stored, leaks }: SentinelLeaks): Record<string, unknown> {
  return { toolbar, storage: leaks.storage.length, markup: leaks.markup.length, bidi: BIDI_CONTROL_CHAR.test(stored) };
}

/** Every row badged and counted, the page showing every piece (the control), none reaching us, no bidi control stored. */
export function expectNothingReached(result: SentinelLeaks, rows: number): void {
  expect(result.toolbar).toBe(String(rows));
  expect(result.shown, 'the control: the page itself shows every piece').toBe(TOKEN.length - 7);
  expect(result.leaks).toEqual({ storage: [], markup: [] });
  expect(BIDI_CONTROL_CHAR.test(result.stored), 'a bidi control stored').toBe(false);
}
