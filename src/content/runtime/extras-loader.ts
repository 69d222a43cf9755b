// Loads content-extras.js once per content-script instance, the first time something needs it (an
// editor field, a row naming a credential or rate-limit header, a secret-looking sample, a badge
// click), and hands the result to whoever waits. A load that failed is tried again by the next
// need, not sooner than EXTRAS_RETRY_MS later (a worker restarting, a frame mid-navigation).
import type { ContentExtras } from './extras-api';

export interface ExtrasLoader {
  /** The extras once loaded, else null. */
  readonly current: ContentExtras | null;
  /** Starts the load if needed; resolves to the extras, or null when they could not be loaded. */
  load(): Promise<ContentExtras | null>;
  /** Resolves once no load is in flight (tests). */
  settled(): Promise<void>;
}

/** How long a failed load stands before a need tries again: each try is a message to the worker. */
export const EXTRAS_RETRY_MS = 5000;

export function createExtrasLoader(
  fetchExtras: () => Promise<ContentExtras | null>,
  onReady: (extras: ContentExtras) => void,
  onError: (error: unknown) => void,
  now: () => number = () => performance.now(),
): ExtrasLoader {
  let current: ContentExtras | null = null;
  let loading: Promise<ContentExtras | null> | null = null;
  /** When the last load ended without the extras; null while none failed or one is in flight. */
  let failedAt: number | null = null;
  return {
    get current() {
      return current;
    },
    load() {
      if (failedAt !== null && failedAt + EXTRAS_RETRY_MS <= now()) {
        failedAt = null;
        loading = null;
      }
      loading ??= Promise.resolve()
        .then(fetchExtras)
        .catch((error: unknown) => {
          onError(error);
          return null;
        })
        .then((extras) => {
          if (!extras) failedAt = now();
          else {
            current = extras;
            try {
              onReady(extras);
            } catch (error) {
              onError(error);
            }
          }
          return extras;
        });
      return loading;
    },
    async settled() {
      await loading;
    },
  };
}
