// Attack pages of red-team round ten that both browsers are tested on, and what each must show:
// one definition each.

/** Six failing rows, one status each. */
const RACE_ROWS = [401, 403, 404, 500, 502, 503].map((code) => `<li>HTTP ${code} failed · retry 3 of 5</li>`).join('');

/**
 * A page racing our badge placement while it loads: every 16 ms for about 2.5 s it moves a row to
 * the other list, replaces one by its clone, or re-renders one (`innerHTML` set again, which
 * drops our badge), then stops. `window.raceDone` turns true at the end; page errors go to
 * `window.pageErrors`.
 */
export const RACE_HTML = `<!doctype html><meta charset="utf-8"><title>Race</title><ul id="a">${RACE_ROWS}</ul><ul id="b"></ul>
<script>
  window.pageErrors = [];
  window.addEventListener('error', (e) => window.pageErrors.push(String(e.message)));
  window.raceDone = false;
  let tick = 0;
  const race = setInterval(() => {
    tick += 1;
    const a = document.getElementById('a');
    const b = document.getElementById('b');
    const rows = [...a.children, ...b.children];
    const row = rows[tick % rows.length];
    if (tick % 3 === 0) (row.parentElement === a ? b : a).appendChild(row);
    else if (tick % 3 === 1) row.replaceWith(row.cloneNode(true));
    else row.innerHTML = row.innerHTML;
    if (tick === 150) {
      clearInterval(race);
      window.raceDone = true;
    }
  }, 16);
</script>`;

export const RACE_ROW_COUNT = 6;

/** Per row of the race page: how many of our badges it holds, and page errors. */
export const READ_RACE = `({
  done: window.raceDone,
  perRow: [...document.querySelectorAll('li')].map((li) => li.querySelectorAll('[data-webhook-doctor="badge"]').length),
  errors: window.pageErrors,
})`;

export interface RaceState {
  done: boolean;
  perRow: number[];
  errors: string[];
}

/**
 * Rows that are shadow hosts with an open root and no <slot>: the root draws the row with its
 * token masked, the light DOM (with the token) is never shown.
 */
const SLOTLESS_CODES = [500, 502, 503];
export const SLOTLESS_ROW_COUNT = SLOTLESS_CODES.length;
export const SLOTLESS_HTML = `<!doctype html><meta charset="utf-8"><title>Slot-less rows</title><div id="log">${SLOTLESS_CODES.map(
  (code) => `<div class="row"><span>HTTP ${code} failed · token=q7Zx9Wv2Lm4K</span></div>`,
).join('')}</div>
<script>for (const row of document.querySelectorAll('.row')) row.attachShadow({ mode: 'open' }).innerHTML = '<p>' + row.textContent.replace(/token=\\S+/, 'token=****') + '</p>';</script>`;

/** Badges in each row's root, and badges in the light DOM no one sees. */
export const READ_SLOTLESS = `({
  drawn: [...document.querySelectorAll('.row')].map((row) => row.shadowRoot.querySelectorAll('[data-webhook-doctor="badge"]').length),
  hidden: document.querySelectorAll('[data-webhook-doctor="badge"]').length,
})`;

export interface SlotlessState {
  drawn: number[];
  hidden: number;
}
