// Service worker entry. Every listener is registered synchronously at the top level so that a
// worker woken up by an event finds its listener in place.
import browser from '../shared/browser';
import { SETTINGS_KEY } from '../shared/settings';
import { clearTabFrames, onTabTrimmed } from './findings-store';
import { injectAfterGrant, reinjectAfterInstall } from './reinject';
import { handleMessage } from './router';
import { clearTabBadge, showTabBadge } from './toolbar';
import { syncUserDomainScripts } from './user-domains';

function logFailure(what: string): (error: unknown) => void {
  return (error) => console.warn(`Webhook Doctor: ${what} failed`, error);
}

async function forgetTab(tabId: number): Promise<void> {
  await clearTabFrames(tabId);
  await clearTabBadge(tabId);
}

function resyncUserDomains(): void {
  syncUserDomainScripts().catch(logFailure('registering the content script for your domains'));
}

browser.runtime.onMessage.addListener(handleMessage);

// A tab that gave up findings to make room in a full storage shows the count it still has.
onTabTrimmed((tabId, frames) => {
  showTabBadge(tabId, frames).catch(logFailure('updating a trimmed tab'));
});

// A top-frame navigation to a new URL starts a new page: its old findings no longer apply.
// (Without the "tabs" permission changeInfo.url only arrives for hosts we may access: enough.)
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading' && changeInfo.url) forgetTab(tabId).catch(logFailure('clearing a tab'));
});

browser.tabs.onRemoved.addListener((tabId) => {
  clearTabFrames(tabId).catch(logFailure('clearing a closed tab'));
});

browser.runtime.onInstalled.addListener((details) => {
  resyncUserDomains();
  // Tabs open during an install or update keep no live content script unless it is injected again.
  reinjectAfterInstall(details).catch(logFailure('starting Webhook Doctor in open tabs'));
});
browser.runtime.onStartup.addListener(resyncUserDomains);

browser.storage.onChanged.addListener((changes, areaName) => {
  if (areaName === 'sync' && SETTINGS_KEY in changes) resyncUserDomains();
});

// The user can also revoke a host permission from the browser's own UI.
browser.permissions.onAdded.addListener((added) => {
  resyncUserDomains();
  injectAfterGrant(added).catch(logFailure('starting Webhook Doctor on the sites you allowed'));
});
browser.permissions.onRemoved.addListener(resyncUserDomains);
