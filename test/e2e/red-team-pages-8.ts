// Attack pages of red-team round eight that both browsers are tested on: one definition each.
import { TOKEN } from './token-sentinel';

/** Twelve-character pieces of the sentinel: each row shows one, too short for the long-run pass. */
const piece = (start: number): string => TOKEN.slice(start, start + 12);

/**
 * Failing rows, one status each, that quote a short secret in forms round 7 left: separators,
 * quotes or underscores written escaped, brackets and other blanks after the scheme word, a
 * no-break space after a key word, a full-width colon, a Go header list, vendor-prefixed keys
 * under 20 characters.
 */
export const ESCAPED_SECRET_ROWS = [
  `<li>HTTP 400 Bad Request · POST /hook?x=1&amp;api_key%3D${piece(0)}</li>`,
  `<li>HTTP 401 Unauthorized · {"api\\u005fkey": "${piece(4)}"}</li>`,
  `<li>HTTP 403 Forbidden · sent Bearer (${piece(8)})</li>`,
  `<li>HTTP 404 Not Found · Authorization=Bearer%20${piece(12)}</li>`,
  `<li>HTTP 405 Method Not Allowed · signing secret whsec_${piece(16)}</li>`,
  `<li>HTTP 408 Request Timeout · SG.${piece(19)}</li>`,
  `<li>HTTP 409 Conflict · Authorization:&#8203;Bearer ${piece(2)}</li>`,
  `<li>HTTP 410 Gone · password&nbsp;${piece(6)} rejected</li>`,
  `<li>HTTP 413 Payload Too Large · api-key：${piece(10)}</li>`,
  `<li>HTTP 415 Unsupported Media Type · {"X-Api-Key":["${piece(14)}"]}</li>`,
  `<li>HTTP 422 Unprocessable Entity · body=%7B%22token%22%3A%22${piece(17)}%22%7D</li>`,
  `<li>HTTP 429 Too Many Requests · token&amp;#61;${piece(1)}</li>`,
];

export const ESCAPED_SECRET_HTML = `<!doctype html><title>Escaped secrets</title><ul id="log">${ESCAPED_SECRET_ROWS.join('')}</ul>`;
