// Start and end of one content-script instance. Everything it sets up listens to one AbortSignal;
// teardown aborts it and runs the cleanups. Teardown comes when the extension is reloaded (the
// old instance's context is invalidated, and the new instance announces itself on the document),
// when a second instance starts in the same world, or when the owner decides (provider disabled).
//
// The page can fire the announcement too, so it proves nothing by itself: it only makes an
// instance check whether its own extension context is gone, which no page script can fake. An
// older instance whose context is alive is handed over through a registry on the isolated
// world's global object, which page scripts cannot reach.

/** The DOM event a new instance fires so that an orphaned one in the same frame steps down. */
export const INSTANCE_EVENT = 'webhook-doctor:instance';

/** The running instance of each document, on the global object of our isolated world. */
const REGISTRY_GLOBAL = 'webhookDoctorInstances';

function instanceRegistry(): WeakMap<Document, Lifecycle> {
  const scope = globalThis as { [REGISTRY_GLOBAL]?: WeakMap<Document, Lifecycle> };
  return (scope[REGISTRY_GLOBAL] ??= new WeakMap());
}

export interface Lifecycle {
  readonly signal: AbortSignal;
  readonly alive: boolean;
  onTeardown(cleanup: () => void): void;
  teardown(): void;
  /** Handles an error from our code: tears down when the extension is gone, else swallows it. */
  fail(error: unknown): void;
}

export function startLifecycle(doc: Document, extensionAlive: () => boolean, isContextInvalidated: (error: unknown) => boolean): Lifecycle {
  const controller = new AbortController();
  const cleanups: (() => void)[] = [];

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

  // Whoever fired it: step down only when our extension context is gone (reloaded, updated).
  doc.addEventListener(
    INSTANCE_EVENT,
    () => {
      if (!extensionAlive()) lifecycle.teardown();
    },
    { signal: controller.signal },
  );
  const registry = instanceRegistry();
  registry.get(doc)?.teardown();
  registry.set(doc, lifecycle);
  lifecycle.onTeardown(() => {
    if (registry.get(doc) === lifecycle) registry.delete(doc);
  });
  doc.dispatchEvent(new (doc.defaultView?.CustomEvent ?? CustomEvent)(INSTANCE_EVENT));
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

/** How long after the first same-document navigation of a burst `onSettled` runs (then again while it lasts). */
const NAVIGATION_SETTLE_MS = 300;

/**
 * Calls `onSettled` after history.pushState / replaceState (Navigation API, where the browser has
 * it), NAVIGATION_SETTLE_MS after the first of a burst, and so on while the burst lasts. They fire
 * no window event and, when they change no DOM, start no mutation batch, while the worker forgets
 * the tab's findings on every URL update: the page is the same, so its findings only need sending
 * again (a URL rewritten on every frame must not cost a rescan each time). The wait is not put off
 * by each change: a page that rewrites its URL without a pause would keep the toolbar empty.
 */
export function watchSameDocumentNavigations(win: Window, signal: AbortSignal, onSettled: () => void): void {
  let timer: number | undefined;
  let last = win.location.href;
  const settled = () => {
    timer = undefined;
    // Only a new URL makes the worker forget the tab (the event also comes without one).
    if (win.location.href === last) return;
    last = win.location.href;
    onSettled();
  };
  (win as { navigation?: EventTarget }).navigation?.addEventListener(
    'currententrychange',
    () => {
      timer ??= win.setTimeout(settled, NAVIGATION_SETTLE_MS);
    },
    { signal },
  );
  signal.addEventListener('abort', () => win.clearTimeout(timer));
}
