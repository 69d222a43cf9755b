// After an install or an update (reloading the unpacked extension counts as an update) Chromium
// does not run the manifest's content script in tabs that are already open, and the instance
// that ran there before has lost its extension context. Injecting the script again lets a fresh
// instance take over those tabs: it tells the old one to step down (src/content/runtime/lifecycle.ts)
// and removes what the old one left in the page.
import browser from '../shared/browser';
import { parseSettings, SETTINGS_KEY } from '../shared/settings';
import { contentScriptFiles } from './user-domains';

type ManifestScripts = { content_scripts?: { matches?: string[]; js?: string[] }[] };

export interface ReinjectApi {
  /** Open tabs whose URL matches any of the patterns (the browser does the matching). */
  queryTabs(patterns: string[]): Promise<{ id?: number; discarded?: boolean }[]>;
  /** Runs the files in every frame of the tab that the extension may access. */
  inject(tabId: number, files: string[]): Promise<void>;
}

/** The manifest's content-script URL patterns. */
export function manifestMatches(manifest: ManifestScripts): string[] {
  return (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
}

/**
 * Injects the content script into every open tab on the manifest's hosts and the user's granted
 * domains; resolves to the number of tabs it reached. A tab that refuses (an error page, a tab
 * closing meanwhile) is skipped: one bad tab must not keep the others without badges.
 */
export async function reinjectContentScripts(
  manifest: ManifestScripts,
  userPatterns: readonly string[],
  api: ReinjectApi,
): Promise<number> {
  return injectIntoOpenTabs(contentScriptFiles(manifest), [...new Set([...manifestMatches(manifest), ...userPatterns])], api);
}

async function injectIntoOpenTabs(files: string[], patterns: string[], api: ReinjectApi): Promise<number> {
  if (files.length === 0 || patterns.length === 0) return 0;
  let reached = 0;
  for (const tab of await api.queryTabs(patterns)) {
    if (tab.id === undefined || tab.discarded) continue;
    try {
      await api.inject(tab.id, files);
      reached++;
    } catch {
      // not ours to touch any more; the next tab may still be
    }
  }
  return reached;
}

/** The user's domains that still have their host permission. */
async function grantedUserDomains(): Promise<string[]> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  const granted: string[] = [];
  for (const pattern of parseSettings(stored[SETTINGS_KEY]).customDomains) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  return granted;
}

const browserApi: ReinjectApi = {
  queryTabs: (patterns) => browser.tabs.query({ url: patterns }),
  inject: async (tabId, files) => {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files });
  },
};

/** runtime.onInstalled listener: only installs and updates leave open tabs without a live script. */
export async function reinjectAfterInstall(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install' && details.reason !== 'update') return;
  await reinjectContentScripts(browser.runtime.getManifest(), await grantedUserDomains(), browserApi);
}

/**
 * permissions.onAdded listener: a host the user grants later (Firefox lets users withhold the
 * manifest's hosts) gets no content script in its open tabs until one is injected.
 */
export async function injectAfterGrant(added: { origins?: string[] }, api: ReinjectApi = browserApi): Promise<number> {
  return injectIntoOpenTabs(contentScriptFiles(browser.runtime.getManifest()), added.origins ?? [], api);
}
