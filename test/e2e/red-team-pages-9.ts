// Attack pages of red-team round nine that both browsers are tested on: one definition each.
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

export const RESIDUAL_SECRET_HTML = `<!doctype html><meta charset="utf-8"><title>Residual secrets</title><ul id="log">${RESIDUAL_SECRET_ROWS.join('')}</ul>`;
