// Which of the manifest's ESP hosts the extension may read right now. Firefox lets users withhold
// host permissions (and Chromium's "on click" site access does the same): without them the content
// script does not run, and the popup must say so instead of "no problems".
import { extensionApi } from '../content/runtime/runtime-api';

/** The host permissions the manifest asks for. */
export function manifestHosts(): string[] {
  return extensionApi().runtime.getManifest().host_permissions ?? [];
}

/** The manifest's host permissions that are not granted at the moment. */
export async function withheldHosts(): Promise<string[]> {
  const withheld: string[] = [];
  for (const pattern of manifestHosts()) {
    if (!(await extensionApi().permissions.contains({ origins: [pattern] }))) withheld.push(pattern);
  }
  return withheld;
}

/** Asks the user for the given hosts (needs a click: call it from an input handler). */
export function requestHosts(origins: string[]): Promise<boolean> {
  return extensionApi().permissions.request({ origins });
}
