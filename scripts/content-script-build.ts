import { build, type Plugin } from 'vite';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Builds the content script as one self-contained classic script (IIFE) named `content.js`.
 *
 * Why not crxjs's content-script pipeline: it emits a loader that imports ES-module chunks, and
 * those chunks must be web-accessible on every page the script runs on. Scripts registered at run
 * time for user-added domains would then need web-accessible resources on all sites. One classic
 * script needs no loader and no web-accessible resources, and its size is the bundle's size.
 *
 * The content_scripts entries stay in manifest.json (the source of truth for where they run);
 * crxjs gets the manifest without them, and this plugin writes them back with `content.js`.
 */
export const CONTENT_SCRIPT_FILE = 'content.js';

type ContentScript = { js: string[]; matches: string[]; run_at?: string; all_frames?: boolean };

export function withoutContentScripts<M extends { content_scripts?: ContentScript[] }>(manifest: M): M {
  const { content_scripts: _omitted, ...rest } = manifest;
  return rest as M;
}

export function contentScriptIife(options: { entry: string; contentScripts: ContentScript[] }): Plugin {
  let outDir = 'dist';
  return {
    name: 'webhook-doctor:content-script-iife',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          minify: true,
          copyPublicDir: false,
          lib: {
            entry: options.entry,
            formats: ['iife'],
            name: 'webhookDoctorContent',
            fileName: () => CONTENT_SCRIPT_FILE,
          },
        },
      });
      const manifestPath = path.join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      manifest.content_scripts = options.contentScripts.map((script) => ({ ...script, js: [CONTENT_SCRIPT_FILE] }));
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
