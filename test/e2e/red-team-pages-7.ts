// Attack pages of red-team round seven that both browsers are tested on: one definition each.
import { TOKEN } from './token-sentinel';

/** Twelve-character pieces of the sentinel: each row shows one, too short for the long-run pass. */
const piece = (start: number): string => TOKEN.slice(start, start + 12);

/**
 * Failing rows, one status each (a finding keeps one sample per code), that quote a short secret
 * the way real request dumps do but no earlier round tried: after a scheme word with no key name
 * the redactor knew, behind &nbsp;, in auth parameters, under other key names and separators.
 */
export const SHORT_SECRET_ROWS = [
  `<li>HTTP 401 Unauthorized · headers {"Authorization":["Bearer ${piece(0)}"]}</li>`,
  `<li>HTTP 403 Forbidden · sent <code>Bearer ${piece(4)}</code></li>`,
  `<li>HTTP 407 Proxy Authentication Required · Authorization:&nbsp;Bearer&nbsp;${piece(8)}</li>`,
  `<li>HTTP 409 Conflict · Authorization: Token token="${piece(12)}"</li>`,
  `<li>HTTP 410 Gone · X-Signature: ${piece(16)}</li>`,
  `<li>HTTP 412 Precondition Failed · Ocp-Apim-Subscription-Key: ${piece(19)}</li>`,
  `<li>HTTP 415 Unsupported Media Type · {"key": "${piece(2)}", "message": {"to": []}}</li>`,
  `<li>HTTP 422 Unprocessable Entity · {'token' => '${piece(6)}'}</li>`,
  `<li>HTTP 429 Too Many Requests · token: <code>\`${piece(10)}\`</code></li>`,
  `<li>HTTP 500 Internal Server Error · POST //deploy:${piece(14)}@api.example.com/hook</li>`,
  `<li>HTTP 502 Bad Gateway · Passwort: ${piece(17)}</li>`,
  `<li>HTTP 503 Service Unavailable · user=ann&amp;pw=${piece(1)}</li>`,
];

export const SHORT_SECRET_HTML = `<!doctype html><title>Short secrets</title><ul id="log">${SHORT_SECRET_ROWS.join('')}</ul>`;
