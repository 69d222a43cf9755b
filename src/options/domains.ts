// Adding and removing the user's own domains: each one needs its host permission, asked for at
// the moment the user clicks Add (browsers only show the prompt during a user gesture).
import browser from '../shared/browser';
import { t } from '../shared/i18n';
import { domainToPattern } from '../shared/settings';
import { updateSettings } from './settings-storage';
import { platformPatterns, type Platform } from './platforms';

export type DomainResult = { ok: true; pattern: string; message: string } | { ok: false; message: string };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Must be called straight from the click or submit handler, before any other await. */
export async function addDomain(input: string, current: readonly string[]): Promise<DomainResult> {
  const pattern = domainToPattern(input);
  if (!pattern) {
    return { ok: false, message: t('domainInvalid', { input: input.trim() }) };
  }
  if (current.includes(pattern)) return { ok: false, message: t('domainDuplicate', { domain: pattern }) };
  let granted: boolean;
  try {
    granted = await browser.permissions.request({ origins: [pattern] });
  } catch (error) {
    return { ok: false, message: t('domainRequestFailed', { domain: pattern, error: errorText(error) }) };
  }
  if (!granted) return { ok: false, message: t('domainNotGranted', { domain: pattern }) };
  await updateSettings((settings) => ({ ...settings, customDomains: [...settings.customDomains, pattern] }));
  return { ok: true, pattern, message: t('domainAdded', { domain: pattern }) };
}

export async function removeDomain(pattern: string): Promise<DomainResult> {
  try {
    await browser.permissions.remove({ origins: [pattern] });
  } catch {
    // Hosts the extension needs anyway (an ESP from the manifest) cannot be removed: fine.
  }
  await updateSettings((settings) => ({ ...settings, customDomains: settings.customDomains.filter((d) => d !== pattern) }));
  return { ok: true, pattern, message: t('domainRemoved', { domain: pattern }) };
}

/** Enables a platform: one permission prompt for all its hosts. Call it straight from the click. */
export async function addPlatform(platform: Platform, current: readonly string[]): Promise<DomainResult> {
  const patterns = platformPatterns(platform);
  const missing = patterns.filter((pattern) => !current.includes(pattern));
  if (missing.length === 0) return { ok: false, message: t('platformAlreadyOn', { name: platform.name }) };
  let granted: boolean;
  try {
    granted = await browser.permissions.request({ origins: missing });
  } catch (error) {
    return { ok: false, message: t('domainRequestFailed', { domain: platform.name, error: errorText(error) }) };
  }
  if (!granted) return { ok: false, message: t('platformNotGranted', { name: platform.name }) };
  await updateSettings((settings) => ({ ...settings, customDomains: [...new Set([...settings.customDomains, ...missing])] }));
  return { ok: true, pattern: missing.join(' '), message: t('platformAdded', { name: platform.name }) };
}
