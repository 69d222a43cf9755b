// Every unit test file starts with the browser fake's i18n on `chrome`, where the content script
// and the pages look it up (src/shared/i18n.ts); tests that replace `chrome` or `browser` to model
// another namespace take it away for themselves only.
import browser from './browser-fake';

(globalThis as { chrome?: unknown }).chrome ??= { i18n: browser.i18n };
