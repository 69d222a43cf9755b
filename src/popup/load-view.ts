// Decides what the popup shows for the active tab: its findings, a clean page we watch, or a
// page we do not run on.
import browser from '../shared/browser';
import type { Reply, TabFindings } from '../shared/messages';
import { parseSettings, SETTINGS_KEY } from '../shared/settings';
import { urlMatchesPattern } from './match-pattern';

export type PopupView =
  | { state: 'findings'; tab: TabFindings }
  /** A page we watch, with nothing failing on it (`tab` is null before the first scan). */
  | { state: 'empty'; tab: TabFindings | null }
  | { state: 'unsupported' }
  | { state: 'error'; message: string };

type TabFindingsReply = Reply<{ type: 'get-tab-findings'; tabId: number }>;

/** The manifest's ESP hosts and the domains the user added in the options page. */
async function watchedPatterns(): Promise<string[]> {
  const manifest = browser.runtime.getManifest();
  const fromManifest = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return [...fromManifest, ...parseSettings(stored[SETTINGS_KEY]).customDomains];
}

export async function isWatchedUrl(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  const patterns = await watchedPatterns();
  return patterns.some((pattern) => urlMatchesPattern(url, pattern));
}

export async function loadPopupView(): Promise<PopupView> {
  try {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id === undefined) return { state: 'unsupported' };
    const reply = (await browser.runtime.sendMessage({ type: 'get-tab-findings', tabId: active.id })) as TabFindingsReply | undefined;
    if (reply && !reply.ok) return { state: 'error', message: reply.error };
    const tab = reply?.tab ?? null;
    if (tab && tab.groups.some((group) => group.count > 0)) return { state: 'findings', tab };
    // A content script reported (tab is set), or the URL is one we watch: a clean page.
    if (tab || (await isWatchedUrl(active.url))) return { state: 'empty', tab };
    return { state: 'unsupported' };
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
