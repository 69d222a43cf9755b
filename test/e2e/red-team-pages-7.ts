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

/**
 * A grid whose status cells (divs: a <td> takes no shadow root) get a closed shadow root with no slot once our badges are in (as a
 * late-defined component would): the light children of a cell, our badge among them, are then
 * drawn nowhere, and attaching a root makes no mutation record. Row r3 is hidden by the page at
 * the same time: its badge must stay where it is.
 */
export const SHADOWED_CELL_HTML = `<!doctype html><title>Shadowed cells</title>
<style>[role=row]{display:flex;gap:12px}</style>
<div role="table" id="log">
<div role="row" id="r1"><div role="cell">ana@example.com</div><div role="cell" class="status">HTTP 502 Bad Gateway</div></div>
<div role="row" id="r2"><div role="cell">bo@example.com</div><div role="cell" class="status">HTTP 429 Too Many Requests</div></div>
<div role="row" id="r3"><div role="cell">cy@example.com</div><div role="cell" class="status">HTTP 503 Service Unavailable</div></div>
<div role="row" id="r4"><div role="cell">di@example.com</div><div role="cell" class="status">200 OK</div></div>
</div>
<script>
window.shadowCells = () => {
  for (const cell of document.querySelectorAll('.status')) {
    const text = cell.firstChild.data;
    cell.attachShadow({ mode: 'closed' }).innerHTML = '<b>' + text + '</b>';
  }
  document.getElementById('r3').style.display = 'none';
};
</script>`;

/** Each badge of that page (page expression): its row, whether it is drawn, and its width. */
export const SHADOWED_CELL_BADGES = `[...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((b) => ({
  code: b.dataset.code, row: b.closest('[role=row]').id, drawn: b.getClientRects().length > 0, wide: b.getBoundingClientRect().width > 40 }))`;

/** What both browsers must show once the cells are shadowed. */
export const SHADOWED_CELL_EXPECTED = [
  { code: '502', row: 'r1', drawn: true, wide: true },
  { code: '429', row: 'r2', drawn: true, wide: true },
  { code: '503', row: 'r3', drawn: false, wide: false },
];

/**
 * A webhook test result drawn as a disabled form that the page fills in by script a moment after
 * load (`input.value = …` makes no mutation record): a 429 under "Response code", a 503 under
 * "Duration (ms)" (no status).
 */
export const LATE_READONLY_HTML = `<!doctype html><title>Test result</title>
<form id="result"><h3>Test webhook</h3>
<label>Response code <input id="code" readonly value=""></label>
<label>Duration (ms) <input id="ms" readonly value=""></label></form>
<script>setTimeout(() => { document.getElementById('code').value = '429'; document.getElementById('ms').value = '503'; }, 800);</script>`;
