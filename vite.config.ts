import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import path from 'node:path';
import { firefoxManifest } from './scripts/firefox-manifest.ts';
import { contentScriptIife, withoutContentScripts } from './scripts/content-script-build.ts';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

// `vite build` writes the Chromium extension to dist/; `--mode firefox` writes dist-firefox/.
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const outDir = path.resolve(import.meta.dirname, firefox ? 'dist-firefox' : 'dist');
  // package.json holds the version; both browsers' manifests take it from there.
  const base = { ...withoutContentScripts(manifest), version: pkg.version } as ManifestV3Export;
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
