// Loads content-extras.js at most once per content-script instance, the first time something
// needs it (an editor field, a row naming a credential or rate-limit header, a secret-looking
// sample, a badge click), and hands the result to whoever waits.
import type { ContentExtras } from './extras-api';

export interface ExtrasLoader {
  /** The extras once loaded, else null. */
  readonly current: ContentExtras | null;
  /** Starts the load if needed; resolves to the extras, or null when they could not be loaded. */
  load(): Promise<ContentExtras | null>;
  /** Resolves once no load is in flight (tests). */
  settled(): Promise<void>;
}

export function createExtrasLoader(
  fetchExtras: () => Promise<ContentExtras | null>,
  onReady: (extras: ContentExtras) => void,
  onError: (error: unknown) => void,
): ExtrasLoader {
  let current: ContentExtras | null = null;
  let loading: Promise<ContentExtras | null> | null = null;
  return {
    get current() {
      return current;
    },
    load() {
      loading ??= Promise.resolve()
        .then(fetchExtras)
        .catch((error: unknown) => {
          onError(error);
          return null;
        })
        .then((extras) => {
          if (extras) {
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
