// Decides what the popup shows for the active tab: its findings, a clean page we watch, a page
// we may not read because the user withheld its host permission, or a page we do not run on.
import { extensionApi } from '../content/runtime/runtime-api';
import type { Tabs } from '../shared/browser';
import { withheldHosts } from '../shared/host-access';
import type { Reply, TabFindings } from '../shared/messages';
import { parseSettings, SETTINGS_KEY } from '../shared/settings';
import { urlMatchesPattern } from './match-pattern';

export type PopupView =
  | { state: 'findings'; tab: TabFindings }
  /** A page we watch, with nothing failing on it (`tab` is null before the first scan). */
  | { state: 'empty'; tab: TabFindings | null }
  /** ESP hosts whose permission the user withheld: the content script cannot run there. */
  | { state: 'no-access'; hosts: string[] }
  | { state: 'unsupported' }
  | { state: 'error'; message: string };

type TabFindingsReply = Reply<{ type: 'get-tab-findings'; tabId: number }>;

/** The manifest's ESP hosts and the domains the user added in the options page. */
async function watchedPatterns(): Promise<string[]> {
  const manifest = extensionApi().runtime.getManifest();
  const fromManifest = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  const stored = await extensionApi().storage.sync.get(SETTINGS_KEY);
  return [...fromManifest, ...parseSettings(stored[SETTINGS_KEY]).customDomains];
}

export async function isWatchedUrl(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  const patterns = await watchedPatterns();
  return patterns.some((pattern) => urlMatchesPattern(url, pattern));
}

/**
 * The tab the popup is about: the active tab of its window, or the one named by `?tab=ID` when
 * the popup page is opened in a tab of its own (Firefox's tests, a pinned popup).
 */
async function targetTab(search: string): Promise<Tabs.Tab | undefined> {
  const requested = Number(new URLSearchParams(search).get('tab') ?? Number.NaN);
  if (Number.isInteger(requested) && requested >= 0) return extensionApi().tabs.get(requested);
  const [active] = await extensionApi().tabs.query({ active: true, currentWindow: true });
  return active;
}

/**
 * The withheld hosts that matter for a tab: those matching its URL, or all of them when the URL
 * is hidden (without the host permission the browser does not tell the popup the tab's URL).
 */
async function withheldFor(url: string | undefined): Promise<string[]> {
  const withheld = await withheldHosts();
  if (url === undefined) return withheld;
  return withheld.filter((pattern) => urlMatchesPattern(url, pattern));
}

export async function loadPopupView(search = globalThis.location?.search ?? ''): Promise<PopupView> {
  try {
    const active = await targetTab(search);
    if (active?.id === undefined) return { state: 'unsupported' };
    const reply = (await extensionApi().runtime.sendMessage({ type: 'get-tab-findings', tabId: active.id })) as
      TabFindingsReply | undefined;
    if (reply && !reply.ok) return { state: 'error', message: reply.error };
    const tab = reply?.tab ?? null;
    if (tab && tab.groups.some((group) => group.count > 0)) return { state: 'findings', tab };
    const hosts = tab ? [] : await withheldFor(active.url);
    if (hosts.length > 0) return { state: 'no-access', hosts };
    // A content script reported (tab is set), or the URL is one we watch: a clean page.
    if (tab || (await isWatchedUrl(active.url))) return { state: 'empty', tab };
    return { state: 'unsupported' };
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
