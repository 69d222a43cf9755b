// Everything the content script asks of the extension: sending snapshots, reading settings,
// loading content-extras.js, answering the worker's questions. The unit tests' setup replaces this
// module with spies (test/setup/unit.ts), so the rest of the content script needs no browser fake.
import type { BadgeDiagnosis, Message, PageSnapshot, ScanStats } from '../../shared/messages';
import { isContentMessage } from '../../shared/messages';
import { PROVIDER_IDS } from '../../providers';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../shared/settings';
import { readExtras, type ContentExtras } from './extras-api';
import { extensionApi } from './runtime-api';

/** Sends what this frame shows; returns the diagnoses for its keys, or null. */
export async function sendSnapshot(snapshot: PageSnapshot): Promise<Record<string, BadgeDiagnosis> | null> {
  const message: Message = { type: 'page-snapshot', snapshot };
  const reply = (await extensionApi().runtime.sendMessage(message)) as { ok?: boolean; diagnoses?: unknown } | undefined;
  if (!reply || reply.ok !== true || typeof reply.diagnoses !== 'object' || reply.diagnoses === null) return null;
  return reply.diagnoses as Record<string, BadgeDiagnosis>;
}

/** Tells the worker that this frame's page is gone (hidden or removed): its findings no longer count. */
export async function sendFrameGone(): Promise<void> {
  const message: Message = { type: 'frame-gone' };
  await extensionApi().runtime.sendMessage(message);
}

/** Has the worker inject content-extras.js into this frame; its API once it ran, else null. */
export async function loadExtras(): Promise<ContentExtras | null> {
  const message: Message = { type: 'load-content-extras' };
  const reply = (await extensionApi().runtime.sendMessage(message)) as { ok?: boolean } | undefined;
  return reply?.ok === true ? readExtras() : null;
}

/** The settings the content script uses (the domain list is the worker's business). */
export type ContentSettings = Pick<Settings, 'providers' | 'badgeDensity'>;

/**
 * parseSettings without the domain list: same fallbacks for the two fields read here, but
 * content.js does not carry the domain validation it never needs (size budget of issue 4).
 */
export function parseContentSettings(raw: unknown): ContentSettings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as { providers?: unknown; badgeDensity?: unknown };
  const stored = (typeof value.providers === 'object' && value.providers !== null ? value.providers : {}) as Record<string, unknown>;
  const providers = { ...DEFAULT_SETTINGS.providers };
  for (const id of PROVIDER_IDS) if (typeof stored[id] === 'boolean') providers[id] = stored[id];
  return { providers, badgeDensity: value.badgeDensity === 'compact' ? 'compact' : 'full' };
}

export async function loadSettings(): Promise<ContentSettings> {
  const stored = await extensionApi().storage.sync.get(SETTINGS_KEY);
  return parseContentSettings(stored[SETTINGS_KEY]);
}

/** Calls `listener` with the new settings whenever they change; stops when `signal` aborts. */
export function watchSettings(listener: (settings: ContentSettings) => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener(parseContentSettings(changes[SETTINGS_KEY]?.newValue));
  };
  listenUntil(extensionApi().storage.onChanged, onChanged, signal);
}

/** Answers the worker's 'get-scan-stats' with `read()`; other messages are left to others. */
export function answerScanStats(read: () => ScanStats, signal: AbortSignal): void {
  const api = extensionApi();
  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (reply: ScanStats) => void): undefined => {
    if (isContentMessage(message) && sender.id === api.runtime.id) sendResponse(read());
    return undefined;
  };
  // The polyfill's listener type wants `true` from a three-argument listener; an answer sent
  // before returning needs no open channel, and `undefined` leaves other messages alone.
  listenUntil(api.runtime.onMessage as unknown as ListenerEvent<typeof onMessage>, onMessage, signal);
}

interface ListenerEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

function listenUntil<L>(event: ListenerEvent<L>, listener: L, signal: AbortSignal): void {
  event.addListener(listener);
  signal.addEventListener('abort', () => {
    try {
      event.removeListener(listener);
    } catch {
      // the extension context is gone: nothing to remove
    }
  });
}

/** False once the extension was reloaded or removed under this page. */
export function extensionAlive(): boolean {
  try {
    return Boolean(extensionApi().runtime?.id);
  } catch {
    return false;
  }
}

export function isContextInvalidated(error: unknown): boolean {
  return /context invalidated/i.test(String((error as { message?: unknown } | null)?.message ?? error));
}
