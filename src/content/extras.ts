// The API content-extras.js provides: the network detector and the heavier checks that content.js
// loads only when a page needs them (see extras-api.ts for the contract, extras-entry.ts for the
// registration).
import { EXTRA_DETECTORS, RECEIVER_WORDS } from '../engine/find/extra-parts';
import { redactSecretsInText } from '../engine/redact';
import { closeOpenCard, openCard } from './card';
import type { ContentExtras } from './extras-api';
import { FieldWatcher } from './field-watcher';

export const contentExtras: ContentExtras = {
  detectors: EXTRA_DETECTORS,
  enrichers: [RECEIVER_WORDS],
  redact: redactSecretsInText,
  watchFields: (doc, adapter, onChange, onError, signal) => new FieldWatcher(doc, adapter, onChange, onError, signal),
  openCard,
  closeOpenCard: () => closeOpenCard(),
};
