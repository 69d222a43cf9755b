import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import path from 'node:path';
import { firefoxManifest } from './scripts/firefox-manifest.ts';
import { contentScriptIife, withoutContentScripts } from './scripts/content-script-build.ts';
import { extensionManifest } from './scripts/manifest.ts';

// `vite build` writes the Chromium extension to dist/; `--mode firefox` writes dist-firefox/.
// Built with `--configLoader runner` (npm run build): the provider registry this config reads
// imports source files by extensionless paths, as the rest of src/ does.
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const outDir = path.resolve(import.meta.dirname, firefox ? 'dist-firefox' : 'dist');
  // The version comes from package.json and the ESP hosts from the provider registry.
  const manifest = extensionManifest();
  const base = withoutContentScripts(manifest) as ManifestV3Export;
  return {
    plugins: [
      preact(),
      firefox ? crx({ manifest: firefoxManifest(base), browser: 'firefox' }) : crx({ manifest: base }),
      contentScriptIife({
        entry: path.resolve(import.meta.dirname, 'src/content/index.ts'),
        extrasEntry: path.resolve(import.meta.dirname, 'src/content/extras-entry.ts'),
        contentScripts: manifest.content_scripts,
      }),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
    },
  };
});
