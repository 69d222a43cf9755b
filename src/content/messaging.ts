// Everything the content script asks of the extension: sending snapshots, reading settings.
// Tests replace this module (vi.mock), so the rest of the content script needs no browser fake.
import browser from '../shared/browser';
import type { BadgeDiagnosis, Message, PageSnapshot } from '../shared/messages';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';

/** Sends what this frame shows; returns the diagnoses for its keys, or null. */
export async function sendSnapshot(snapshot: PageSnapshot): Promise<Record<string, BadgeDiagnosis> | null> {
  const message: Message = { type: 'page-snapshot', snapshot };
  const reply = (await browser.runtime.sendMessage(message)) as { ok?: boolean; diagnoses?: unknown } | undefined;
  if (!reply || reply.ok !== true || typeof reply.diagnoses !== 'object' || reply.diagnoses === null) return null;
  return reply.diagnoses as Record<string, BadgeDiagnosis>;
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Calls `listener` with the new settings whenever they change; stops when `signal` aborts. */
export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => {
    try {
      browser.storage.onChanged.removeListener(onChanged);
    } catch {
      // the extension context is gone: nothing to remove
    }
  });
}

/** False once the extension was reloaded or removed under this page. */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

export function isContextInvalidated(error: unknown): boolean {
  return /context invalidated/i.test(String((error as { message?: unknown } | null)?.message ?? error));
}
