// The extension's manifest as both builds start from it: manifest.json, the version from
// package.json, and the ESP hosts (host permissions and content-script matches) from the provider
// registry, so adding a provider needs no manifest edit.
import manifest from '../manifest.json' with { type: 'json' };
import pkg from '../package.json' with { type: 'json' };
import { providerHostPatterns } from '../src/providers/index.ts';

export function extensionManifest() {
  const hosts = providerHostPatterns();
  return {
    ...manifest,
    version: pkg.version,
    host_permissions: hosts,
    content_scripts: manifest.content_scripts.map((script) => ({ ...script, matches: hosts })),
  };
}
