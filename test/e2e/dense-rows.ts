// A dense delivery log, as log viewers draw them: 12 px text on 14 px lines, one row per line
// with nothing between rows, and beside it a virtualised list of 14 px absolutely positioned
// rows. A badge must stay inside its row's 14 px: a taller pill draws over the rows around it.
const FAILING = (i: number) => i % 3 === 1;
const text = (i: number) =>
  FAILING(i)
    ? `10:${String(i).padStart(2, '0')} hook-${i} HTTP 503 Service Unavailable`
    : `10:${String(i).padStart(2, '0')} hook-${i} delivered 200 OK`;

export const DENSE_URL = 'https://app.iterable.com/webhooks/deliveries/dense';
export const DENSE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dense log</title>
<style>
  body { margin: 0; font: 12px/14px ui-monospace, monospace; }
  .log div { line-height: 14px; white-space: nowrap; }
  #virtual { position: relative; height: ${14 * 9}px; margin-top: 20px; }
  #virtual div { position: absolute; left: 0; right: 0; height: 14px; line-height: 14px; overflow: hidden; white-space: nowrap; }
</style></head><body>
<div class="log">${[...Array(9).keys()].map((i) => `<div class="row">${text(i)}</div>`).join('')}</div>
<div id="virtual">${[...Array(9).keys()].map((i) => `<div class="row" style="top:${i * 14}px">${text(i)}</div>`).join('')}</div>
</body></html>`;

/** How many badges the page should end with: both lists, a third of the rows each. */
export const DENSE_BADGES = 6;

/** Each row's box, and whether it holds a badge. */
export const DENSE_ROWS = `[...document.querySelectorAll('.row')].map((row) => {
  const r = row.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, badged: !!row.querySelector('[data-webhook-doctor="badge"]') };
})`;
