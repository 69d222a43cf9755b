// Start and end of one content-script instance. Everything it sets up listens to one AbortSignal;
// teardown aborts it and runs the cleanups. Teardown comes when the extension is reloaded (the
// old instance's context is invalidated, and the new instance announces itself on the document)
// or when the owner decides (provider disabled).

/** The DOM event a new instance fires so that an older one in the same frame steps down. */
export const INSTANCE_EVENT = 'webhook-doctor:instance';

export interface Lifecycle {
  readonly signal: AbortSignal;
  readonly alive: boolean;
  onTeardown(cleanup: () => void): void;
  teardown(): void;
  /** Handles an error from our code: tears down when the extension is gone, else swallows it. */
  fail(error: unknown): void;
}

export function startLifecycle(
  doc: Document,
  extensionAlive: () => boolean,
  isContextInvalidated: (error: unknown) => boolean,
): Lifecycle {
  const controller = new AbortController();
  const cleanups: (() => void)[] = [];
  let announcing = false;

  const lifecycle: Lifecycle = {
    signal: controller.signal,
    get alive() {
      return !controller.signal.aborted;
    },
    onTeardown(cleanup) {
      if (controller.signal.aborted) cleanup();
      else cleanups.push(cleanup);
    },
    teardown() {
      if (controller.signal.aborted) return;
      controller.abort();
      for (const cleanup of cleanups.splice(0).reverse()) {
        try {
          cleanup();
        } catch {
          // keep cleaning up the rest
        }
      }
    },
    fail(error) {
      if (isContextInvalidated(error) || !extensionAlive()) lifecycle.teardown();
    },
  };

  // Any announcement but our own means a newer instance took over this frame.
  doc.addEventListener(
    INSTANCE_EVENT,
    () => {
      if (!announcing) lifecycle.teardown();
    },
    { signal: controller.signal },
  );
  announcing = true;
  try {
    doc.dispatchEvent(new (doc.defaultView?.CustomEvent ?? CustomEvent)(INSTANCE_EVENT));
  } finally {
    announcing = false;
  }
  return lifecycle;
}

/**
 * Calls `onChange` when the frame's URL changes: on popstate/hashchange, and whenever `check()`
 * runs (the scanner calls it in every mutation batch, which catches history.pushState).
 */
export function watchNavigation(win: Window, signal: AbortSignal, onChange: (href: string) => void): { check(): boolean } {
  let last = win.location.href;
  const check = (): boolean => {
    const href = win.location.href;
    if (href === last) return false;
    last = href;
    onChange(href);
    return true;
  };
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
  return { check };
}
