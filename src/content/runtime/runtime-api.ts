// The extension API as the content script sees it, without webextension-polyfill.
//
// Why not src/shared/browser.ts (the polyfill) here: content.js has a 30 KB budget (minified) and
// the polyfill alone adds 10.2 KB to it while doing nothing where the extension runs.
// Firefox and recent Chromium have a native promise-based `browser` (the polyfill hands it back
// as is), and in MV3 every `chrome.*` call used here returns a Promise when given no callback.
// The one difference that matters is onMessage: older `chrome` ignores a returned Promise, so
// messaging.ts answers with sendResponse, which both namespaces support.
// A type-only import: nothing of the polyfill ends up in the bundle.
import type polyfilledBrowser from '../../shared/browser';

type Browser = typeof polyfilledBrowser;

/** `browser` where the browser has it, else `chrome`; read on each call (tests install a fake). */
export function extensionApi(): Browser {
  const scope = globalThis as unknown as { browser?: Browser; chrome?: Browser };
  return (scope.browser ?? scope.chrome) as Browser;
}
