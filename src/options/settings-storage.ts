// Reads and writes the settings in storage.sync; whatever is stored is validated on the way in.
import browser from '../shared/browser';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Applies one change to the freshest stored settings (another page may have saved meanwhile). */
export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await loadSettings()));
  await browser.storage.sync.set({ [SETTINGS_KEY]: next });
  return next;
}
