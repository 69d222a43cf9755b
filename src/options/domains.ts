// Adding and removing the user's own domains: each one needs its host permission, asked for at
// the moment the user clicks Add (browsers only show the prompt during a user gesture).
import browser from '../shared/browser';
import { domainToPattern } from '../shared/settings';
import { updateSettings } from './settings-storage';

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
