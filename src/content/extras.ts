// The API content-extras.js provides: the network detector and the heavier checks that content.js
// loads only when a page needs them (see runtime/extras-api.ts for the contract, extras-entry.ts
// for the registration).
import { EXTRA_DETECTORS, RECEIVER_WORDS } from '../engine/find/extra-parts';
import { redactSecretsInText } from '../engine/redact';
import { closeOpenCard, openCard } from './badges/card';
import type { ContentExtras } from './runtime/extras-api';
import { FieldWatcher } from './fields/field-watcher';
import { buildCurl } from '../engine/curl';
import { splitRegexes } from '../engine/detect/shared/regex-union';

/** The editors being watched in this frame: the popup's "Copy as curl" reads the first that has one. */
const watchers = new Set<FieldWatcher>();

function watch(watcher: FieldWatcher, signal: AbortSignal): FieldWatcher {
  watchers.add(watcher);
  signal.addEventListener('abort', () => watchers.delete(watcher));
  return watcher;
}

function curlOfPage(): string | null {
  for (const watcher of watchers) {
    const request = watcher.request();
    if (request) return buildCurl(request);
  }
  return null;
}

export const contentExtras: ContentExtras = {
  detectors: EXTRA_DETECTORS,
  enrichers: [RECEIVER_WORDS],
  heavyRegexes: splitRegexes(),
  redact: redactSecretsInText,
  watchFields: (doc, adapter, onChange, onError, signal) => watch(new FieldWatcher(doc, adapter, onChange, onError, signal), signal),
  curlOfPage,
  openCard,
  closeOpenCard: () => closeOpenCard(),
};
