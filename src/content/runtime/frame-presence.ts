// A frame's findings count only while its page is shown. On pagehide (the frame is removed, the
// page navigates away or goes into the back/forward cache) the worker is told to forget them;
// a page restored from that cache reports again.

export interface FramePresence {
  /** Tells the worker this frame's page is gone. */
  gone(): Promise<void>;
  /** The page came back from the back/forward cache: report what it shows again. */
  shown(): void;
}

export function watchFramePresence(win: Window, signal: AbortSignal, presence: FramePresence): void {
  win.addEventListener(
    'pagehide',
    () => {
      presence.gone().catch(() => undefined); // the extension may be gone too: nothing to tell
    },
    { signal },
  );
  win.addEventListener(
    'pageshow',
    (event) => {
      if ((event as PageTransitionEvent).persisted) presence.shown();
    },
    { signal },
  );
}
