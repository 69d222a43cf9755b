import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { firefoxManifest } from './scripts/firefox-manifest';
import manifest from './manifest.json' with { type: 'json' };

// `vite build` writes the Chromium extension to dist/; `--mode firefox` writes dist-firefox/.
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      preact(),
      firefox
        ? crx({ manifest: firefoxManifest(manifest as ManifestV3Export), browser: 'firefox' })
        : crx({ manifest: manifest as ManifestV3Export }),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
    },
    server: { cors: { origin: [/chrome-extension:\/\//] } },
  };
});
