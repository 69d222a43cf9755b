// The API content-extras.js provides: the network detector and the heavier checks that content.js
// loads only when a page needs them (see extras-api.ts for the contract, extras-entry.ts for the
// registration).
import { detectCredentialProblems } from '../engine/detect/credential';
import { detectNetworkErrors } from '../engine/detect/network';
import { mayHaveNetworkError } from '../engine/detect/prefilter';
import { detectRateLimitHeaders } from '../engine/detect/rate-limit';
import { redactSecretsInText } from '../engine/redact';
import { closeOpenCard, openCard } from './card';
import type { ContentExtras } from './extras-api';
import { FieldWatcher } from './field-watcher';

export const contentExtras: ContentExtras = {
  detectRowExtras: (text) => [
    ...(mayHaveNetworkError(text) ? detectNetworkErrors(text) : []),
    ...detectCredentialProblems(text),
    // As in detectAll: rate-limit headers count only when they say the limit is hit.
    ...detectRateLimitHeaders(text).filter((finding) => finding.code !== null),
  ],
  redact: redactSecretsInText,
  watchFields: (doc, adapter, onChange, onError, signal) => new FieldWatcher(doc, adapter, onChange, onError, signal),
  openCard,
  closeOpenCard: () => closeOpenCard(),
};
