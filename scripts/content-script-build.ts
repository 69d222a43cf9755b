import { build, type Plugin } from 'vite';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_EXTRAS_FILE } from '../src/shared/messages.ts';

/**
 * Builds the content script as two self-contained classic scripts (IIFE):
 * - `content.js`, injected on every matching page: row scanning, badges, snapshots;
 * - `content-extras.js`, injected by the worker only when a page needs it (editor field checks,
 *   credential and rate-limit row detectors, the badge card, secret redaction).
 *
 * Why not crxjs's content-script pipeline: it emits a loader that imports ES-module chunks, and
 * those chunks must be web-accessible on every page the script runs on. Scripts registered at run
 * time for user-added domains would then need web-accessible resources on all sites. Classic
 * scripts need no loader and no web-accessible resources, and their size is the bundle's size.
 *
 * The content_scripts entries stay in manifest.json (the source of truth for where they run);
 * crxjs gets the manifest without them, and this plugin writes them back with `content.js`.
 */
export const CONTENT_SCRIPT_FILE = 'content.js';
export { CONTENT_EXTRAS_FILE };

/** Issue 4's budget for what every matching page loads, minified. */
export const CONTENT_SCRIPT_BUDGET_BYTES = 30 * 1024;

type ContentScript = { js: string[]; matches: string[]; run_at?: string; all_frames?: boolean };

export function withoutContentScripts<M extends { content_scripts?: ContentScript[] }>(manifest: M): M {
  const { content_scripts: _omitted, ...rest } = manifest;
  return rest as M;
}

async function buildClassicScript(entry: string, fileName: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: process.env.WD_NO_MINIFY !== '1',
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: 'webhookDoctorContent', fileName: () => fileName },
    },
  });
}

export function contentScriptIife(options: { entry: string; extrasEntry: string; contentScripts: ContentScript[] }): Plugin {
  let outDir = 'dist';
  return {
    name: 'webhook-doctor:content-script-iife',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      await buildClassicScript(options.entry, CONTENT_SCRIPT_FILE, outDir);
      await buildClassicScript(options.extrasEntry, CONTENT_EXTRAS_FILE, outDir);
      const bytes = statSync(path.join(outDir, CONTENT_SCRIPT_FILE)).size;
      if (bytes > CONTENT_SCRIPT_BUDGET_BYTES) {
        this.warn(`${CONTENT_SCRIPT_FILE} is ${bytes} bytes, over its budget of ${CONTENT_SCRIPT_BUDGET_BYTES}`);
      }
      const manifestPath = path.join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      manifest.content_scripts = options.contentScripts.map((script) => ({ ...script, js: [CONTENT_SCRIPT_FILE] }));
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
