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
 * The content_scripts entries come from scripts/manifest.ts (manifest.json's, matching the provider
 * registry's hosts); crxjs gets the manifest without them, and this plugin writes them back with
 * `content.js`.
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

/** A provider folder's catalog layer (retry rules, steps, where to look). */
const PROVIDER_CATALOG = /[\\/]src[\\/]providers[\\/][^\\/]+[\\/]catalog\.ts$/;
const NO_CATALOG = '\0webhook-doctor:no-provider-catalog';

/**
 * The page scripts reach the provider registry for hosts, names and selectors, but never diagnose:
 * the worker does. The registry's lines also carry each provider's catalog layer, which would add
 * about 14 KB to every ESP page, so these builds get an empty module in its place.
 */
function withoutProviderCatalogs(): Plugin {
  return {
    name: 'webhook-doctor:page-scripts-without-provider-catalogs',
    // Before Vite's own resolver, which would otherwise answer first.
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && PROVIDER_CATALOG.test(resolved.id) ? NO_CATALOG : null;
    },
    load: (id) => (id === NO_CATALOG ? 'export const catalog = undefined;' : null),
  };
}

async function buildClassicScript(entry: string, fileName: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [withoutProviderCatalogs()],
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
