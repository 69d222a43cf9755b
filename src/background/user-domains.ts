// Runs the content script on the domains the user added in the options page, for as long as the
// user keeps the matching host permission. Called at install, at startup and whenever the
// settings or the granted permissions change.
import browser from '../shared/browser';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';

export const USER_DOMAINS_SCRIPT_ID = 'user-domains';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/**
 * The built content script's files, read from the manifest because the bundler renames them
 * (crxjs writes a hashed loader file).
 */
export function contentScriptFiles(manifest: { content_scripts?: { js?: string[] }[] }): string[] {
  return manifest.content_scripts?.[0]?.js ?? [];
}

type RunAt = 'document_start' | 'document_end' | 'document_idle';

/** When the manifest's content script runs, so that user domains get it at the same moment. */
export function contentScriptRunAt(manifest: { content_scripts?: { run_at?: string }[] }): RunAt {
  const runAt = manifest.content_scripts?.[0]?.run_at;
  return runAt === 'document_start' || runAt === 'document_idle' ? runAt : 'document_end';
}

/** The user's domains that still have their host permission granted. */
async function grantedDomains(patterns: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const pattern of patterns) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  return granted;
}

async function unregisterUserDomainScript(): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [USER_DOMAINS_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [USER_DOMAINS_SCRIPT_ID] });
}

async function registerNow(): Promise<string[]> {
  const settings = await readSettings();
  const matches = await grantedDomains(settings.customDomains);
  const manifest = browser.runtime.getManifest();
  const js = contentScriptFiles(manifest);
  await unregisterUserDomainScript();
  if (matches.length === 0 || js.length === 0) return [];
  // matchOriginAsFallback, as in the manifest: sandboxed srcdoc, about:blank and blob: frames of
  // a user's domain have an opaque or inherited origin, and the log is often written into them.
  await browser.scripting.registerContentScripts([
    { id: USER_DOMAINS_SCRIPT_ID, matches, js, runAt: contentScriptRunAt(manifest), allFrames: true, matchOriginAsFallback: true },
  ]);
  return matches;
}

// Events can fire back to back (install + settings write); one registration at a time avoids
// "duplicate script id" errors.
let queue: Promise<unknown> = Promise.resolve();

/** Re-registers the user-domain content script; resolves to the patterns it now matches. */
export function syncUserDomainScripts(): Promise<string[]> {
  const run = queue.catch(() => undefined).then(registerNow);
  queue = run;
  return run;
}
