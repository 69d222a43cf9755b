// Attack pages of red-team round eighteen that both browsers are tested on, and what each must
// show: one definition each.
import { TOKEN } from './token-sentinel';

/** Twelve-character pieces of the sentinel: each row shows one, too short for the long-run pass. */
const piece = (start: number): string => TOKEN.slice(start, start + 12);

const page = (title: string, rows: string[]): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><ul id="log">${rows.join('')}</ul>`;

const JWT_HEAD = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0';

/**
 * Pieces in the dumps receivers and tools write: XML and SOAP elements named for a secret (with a
 * namespace, attributes, CDATA), a HAR or Postman header (`{"name": …, "value": …}`, `{"key": …}`), a nested form key
 * (`auth[token]=`), a scheme after `=` (`authorization=Bearer …`), nameless Cookie and Set-Cookie values, a JWT wrapped inside its signature
 * with words after the wrap; and shapes that held in probes (a named Set-Cookie value, Basic user
 * info in a webhook URL, a `data:` URL, a bidi override around a piece).
 */
export const DUMP_SHAPE_ROWS = [
  `<li>HTTP 500 Internal Server Error · &lt;auth&gt;&lt;password&gt;${piece(0)}&lt;/password&gt;&lt;/auth&gt;</li>`,
  `<li>HTTP 500 Internal Server Error · &lt;wsse:Password Type="PasswordText"&gt;${piece(1)}&lt;/wsse:Password&gt;</li>`,
  `<li>HTTP 401 Unauthorized · &lt;ApiKey&gt;&lt;![CDATA[${piece(2)}]]&gt;&lt;/ApiKey&gt;</li>`,
  `<li>HTTP 401 Unauthorized · {"headers": [{"name": "X-Api-Key", "value": "${piece(3)}"}]}</li>`,
  `<li>HTTP 401 Unauthorized · {"header": [{"key": "x-api-key", "value": "${piece(13)}"}]}</li>`,
  `<li>HTTP 403 Forbidden · POST /hooks body auth[token]=${piece(4)}&amp;event=sent</li>`,
  `<li>HTTP 401 Unauthorized · retried with authorization=Bearer ${piece(12)} from the query</li>`,
  `<li>HTTP 401 Unauthorized · Cookie: ${piece(5)}</li>`,
  `<li>HTTP 401 Unauthorized · Set-Cookie: ${piece(6)}; Path=/; HttpOnly</li>`,
  `<li>HTTP 401 Unauthorized · ${JWT_HEAD}.${piece(7).slice(0, 6)}<br>${piece(7).slice(6)}${piece(19).slice(0, 4)} rejected</li>`,
  `<li>HTTP 401 Unauthorized · Set-Cookie: session=${piece(8)}; Secure</li>`,
  `<li>HTTP 401 Unauthorized · POST https://hook:${piece(9)}@hooks.example.com/in</li>`,
  `<li>HTTP 500 Internal Server Error · data:text/plain;base64,${btoa(piece(10))}</li>`,
  `<li dir="rtl">HTTP 401 Unauthorized · Bearer \u202e${piece(11)}\u202c</li>`,
];

/** The round's pages of rows quoting pieces of the sentinel, each with the attack it tries. */
export const SENTINEL_PAGES_18 = [
  {
    name: 'dump-shapes',
    attack: 'in XML elements, HAR headers, nested form keys, nameless cookies, a JWT wrapped mid-signature',
    html: page('Dump shapes', DUMP_SHAPE_ROWS),
    rows: DUMP_SHAPE_ROWS.length,
    inText: true,
  },
];

/**
 * `contenteditable` set on a badged log and never focused: an editor can still save the log's
 * HTML (LATE_EDITOR of round 17 gives the page and the count of our hosts in what it saves).
 */
export const UNFOCUSED_EDITOR_SCRIPT = `document.getElementById('log').setAttribute('contenteditable', 'true')`;
