import { defineConfig } from 'vite';
import path from 'node:path';

// `npm run build:cli`: the command line as one dependency-free ES module for Node, so that running
// it costs no TypeScript compile (package.json "bin": webhook-doctor).
export default defineConfig({
  publicDir: false,
  build: {
    ssr: path.resolve(import.meta.dirname, 'src/cli/main.ts'),
    outDir: path.resolve(import.meta.dirname, 'dist-cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    sourcemap: false,
    rollupOptions: {
      output: { entryFileNames: 'webhook-doctor.mjs', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
