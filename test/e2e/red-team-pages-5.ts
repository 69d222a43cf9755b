// Attack pages of red-team round five that both browsers are tested on: one definition each.

/** Failures only in the bodies of closed <details> rows (repeated, and one alone in a section). */
export const CLOSED_DETAILS_HTML = `<!doctype html><title>Details</title><div id="log">
<details id="d1"><summary>call 1 · Failed</summary><pre>HTTP/1.1 503 Service Unavailable\nretry-after: 30</pre></details>
<details id="d2"><summary>call 2 · OK</summary><pre>HTTP/1.1 200 OK</pre></details></div>
<section><h2>Last test</h2><details id="d3"><summary>test call · Failed</summary><pre>HTTP/1.1 504 Gateway Timeout</pre></details></section>`;

/** Where each badge of that page sits (page expression): its code, in a summary, drawn. */
export const DETAILS_BADGE_PLACES = `[...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((b) => ({
  code: b.dataset.code, inSummary: !!b.closest('summary'), visible: b.checkVisibility() }))`;

/** What both browsers must show on it: a badge in each failing summary, seen while closed. */
export const DETAILS_BADGES_EXPECTED = [
  { code: '503', inSummary: true, visible: true },
  { code: '504', inSummary: true, visible: true },
];
