// On an ESP's own pages the webhook log usually arrives after the page has loaded (the app fetches
// it and renders hundreds of rows at once). Loading and warming content-extras.js in the first idle
// time after load lets such a burst be judged once, with every detector, and badged in one commit,
// instead of waiting mid-burst for the extras and judging their rows again (speed24's trace: the
// wait for the extras' warm-up, not the rows' own work, set the last badge of a 10,000-row burst).

/** Longest wait for idle time before the load goes ahead anyway (a page that is never idle). */
export const PRELOAD_IDLE_TIMEOUT_MS = 2000;

/** Calls `load` once, in the first idle time after the page's load event, unless `signal` aborts first. */
export function preloadWhenIdle(win: Window, load: () => void, signal: AbortSignal): void {
  const run = () => {
    if (!signal.aborted) load();
  };
  const whenIdle = () => {
    if (signal.aborted) return;
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(run, { timeout: PRELOAD_IDLE_TIMEOUT_MS });
    else win.setTimeout(run, 0);
  };
  if (win.document.readyState === 'complete') whenIdle();
  else win.addEventListener('load', whenIdle, { once: true, signal });
}
