// Attack pages of red-team round twelve that both browsers are tested on, and what each must show:
// one definition each.
import { TOKEN } from './token-sentinel';

/** A piece of the sentinel: each page splits it so that no part of it is 20 characters long. */
const part = (start: number, end: number): string => TOKEN.slice(start, end);

const page = (title: string, rows: string[]): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><ul id="log">${rows.join('')}</ul>`;

/** A control shows a key and the first part of its value; the rest of the value follows it in plain text. */
export const CONTROL_VALUE_ROWS = [
  `<li>HTTP 401 Unauthorized · <input readonly size="24" value="token: ${part(0, 8)}">${part(8, 20)}</li>`,
  `<li>HTTP 403 Forbidden · <textarea rows="1">Authorization: Bearer ${part(4, 12)}</textarea>${part(12, 24)}</li>`,
  `<li>HTTP 500 Internal Server Error · <span contenteditable="true">api_key=${part(8, 16)}</span>${part(16, 28)}</li>`,
];

/** A <details> row: the key and the start of its value in the summary, the rest in the body. */
export const DETAILS_ROWS = [
  `<li><details><summary>HTTP 401 Unauthorized · X-Api-Key: ${part(0, 8)}</summary><div>${part(8, 20)}</div></details></li>`,
  `<li><details><summary>HTTP 403 Forbidden · token: ${part(4, 12)}</summary>${part(12, 24)}</details></li>`,
  `<li><details open><summary>HTTP 500 Internal Server Error · Authorization: Bearer ${part(8, 16)}</summary><p>${part(16, 28)}</p></details></li>`,
];

/** The round's pages of rows quoting pieces of the sentinel, each with the attack it tries. */
export const SENTINEL_PAGES_12 = [
  {
    name: 'control-values',
    attack: 'whose key and first part are in a form control',
    html: page('Control values', CONTROL_VALUE_ROWS),
    rows: CONTROL_VALUE_ROWS.length,
    inText: true,
  },
  {
    name: 'details-split',
    attack: 'split between a row and its <details> body',
    html: page('Details split', DETAILS_ROWS),
    rows: DETAILS_ROWS.length,
    inText: true,
  },
];
