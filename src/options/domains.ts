// Adding and removing the user's own domains: each one needs its host permission, asked for at
// the moment the user clicks Add (browsers only show the prompt during a user gesture).
import browser from '../shared/browser';
import { domainToPattern } from '../shared/settings';
import { updateSettings } from './settings-storage';
import { platformPatterns, type Platform } from './platforms';

export type DomainResult =
  | { ok: true; pattern: string; message: string }
  | { ok: false; message: string };

/** Must be called straight from the click or submit handler, before any other await. */
export async function addDomain(input: string, current: readonly string[]): Promise<DomainResult> {
  const pattern = domainToPattern(input);
  if (!pattern) {
    return { ok: false, message: `"${input.trim()}" is not a domain name. Type a host such as esp.example.com.` };
  }
  if (current.includes(pattern)) return { ok: false, message: `${pattern} is already in the list.` };
  let granted: boolean;
  try {
    granted = await browser.permissions.request({ origins: [pattern] });
  } catch (error) {
    return { ok: false, message: `The browser refused to ask for access to ${pattern}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!granted) return { ok: false, message: `Access to ${pattern} was not granted, so the domain was not added.` };
  await updateSettings((settings) => ({ ...settings, customDomains: [...settings.customDomains, pattern] }));
  return { ok: true, pattern, message: `Added ${pattern}. Reload its open tabs to start checking them.` };
}

export async function removeDomain(pattern: string): Promise<DomainResult> {
  try {
    await browser.permissions.remove({ origins: [pattern] });
  } catch {
    // Hosts the extension needs anyway (an ESP from the manifest) cannot be removed: fine.
  }
  await updateSettings((settings) => ({ ...settings, customDomains: settings.customDomains.filter((d) => d !== pattern) }));
  return { ok: true, pattern, message: `Removed ${pattern}.` };
}

/** Enables a platform: one permission prompt for all its hosts. Call it straight from the click. */
export async function addPlatform(platform: Platform, current: readonly string[]): Promise<DomainResult> {
  const patterns = platformPatterns(platform);
  const missing = patterns.filter((pattern) => !current.includes(pattern));
  if (missing.length === 0) return { ok: false, message: `${platform.name} is already on.` };
  let granted: boolean;
  try {
    granted = await browser.permissions.request({ origins: missing });
  } catch (error) {
    return { ok: false, message: `The browser refused to ask for access to ${platform.name}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!granted) return { ok: false, message: `Access to ${platform.name} was not granted, so it stays off.` };
  await updateSettings((settings) => ({ ...settings, customDomains: [...new Set([...settings.customDomains, ...missing])] }));
  return { ok: true, pattern: missing.join(' '), message: `${platform.name} is on. Reload its open tabs to start checking them.` };
}
