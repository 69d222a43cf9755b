// A frame's findings count only while its page is shown. On pagehide (the frame is removed, the
// page navigates away or goes into the back/forward cache) the worker is told to forget them;
// a page restored from that cache reports again.

export interface FramePresence {
  /** Tells the worker this frame's page is gone. */
  gone(): Promise<void>;
  /** The page came back from the back/forward cache: report what it shows again. */
  shown(): void;
}

// Only the browser's own events count: a page script can dispatch a `pagehide` of its own (it
// reaches our listeners too), which would otherwise take the page's findings off the toolbar.
export function watchFramePresence(win: Window, signal: AbortSignal, presence: FramePresence): void {
  win.addEventListener(
    'pagehide',
    (event) => {
      if (!event.isTrusted) return;
      presence.gone().catch(() => undefined); // the extension may be gone too: nothing to tell
    },
    { signal },
  );
  win.addEventListener(
    'pageshow',
    (event) => {
      if (event.isTrusted && (event as PageTransitionEvent).persisted) presence.shown();
    },
    { signal },
  );
}
