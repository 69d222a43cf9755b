import { build, type BuildEnvironmentOptions, type Plugin, type Rolldown } from 'vite';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { CONTENT_EXTRAS_FILE, CONTENT_EXTRAS_FILES } from '../src/shared/messages.ts';
import { EXTRAS_PART_GROUPS, extrasPartFileName, orderExtrasParts, wrapExtrasPart } from './content-extras-parts.ts';

/**
 * Builds the content script as classic scripts:
 * - `content.js`, injected on every matching page: row scanning, badges, snapshots (an IIFE);
 * - `content-extras.js` and the parts it needs (CONTENT_EXTRAS_FILES), injected by the worker one
 *   by one only when a page needs them (editor field checks, credential and rate-limit row
 *   detectors, the badge card, secret redaction); see content-extras-parts.ts.
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
export { CONTENT_EXTRAS_FILE, CONTENT_EXTRAS_FILES };

/** Issue 4's budget for what every matching page loads, minified. */
export const CONTENT_SCRIPT_BUDGET_BYTES = 30 * 1024;

/**
 * Each part of the extras, minified: the page compiles and runs a part in one task, and issue 9
 * allows no task of ours over 50 ms. 315 KB in one file took 48–62 ms (half of it compiling), so
 * a part stays near a third of that; a part over budget wants another group in
 * content-extras-parts.ts.
 */
export const CONTENT_EXTRAS_PART_BUDGET_BYTES = 110 * 1024;

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

/** A build of page code: without provider catalogs, minified unless WD_NO_MINIFY=1. */
function buildPageCode(outDir: string, options: BuildEnvironmentOptions): ReturnType<typeof build> {
  return build({
    configFile: false,
    logLevel: 'warn',
    plugins: [withoutProviderCatalogs()],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: process.env.WD_NO_MINIFY !== '1',
      copyPublicDir: false,
      ...options,
    },
  });
}

async function buildClassicScript(entry: string, fileName: string, outDir: string): Promise<void> {
  await buildPageCode(outDir, { lib: { entry, formats: ['iife'], name: 'webhookDoctorContent', fileName: () => fileName } });
}

/** Builds the extras as CONTENT_EXTRAS_FILES; returns each file's size in bytes. */
async function buildExtrasParts(entry: string, outDir: string): Promise<Map<string, number>> {
  const output = (await buildPageCode(outDir, {
    write: false,
    rolldownOptions: {
      input: entry,
      // The entry exports nothing: it registers the API.
      preserveEntrySignatures: false,
      output: {
        format: 'cjs',
        entryFileNames: CONTENT_EXTRAS_FILE,
        chunkFileNames: extrasPartFileName('[name]'),
        codeSplitting: { groups: EXTRAS_PART_GROUPS },
      },
    },
  })) as Rolldown.RolldownOutput;
  const chunks = output.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const sizes = new Map<string, number>();
  const order = orderExtrasParts(chunks);
  const buildId = createHash('sha256')
    .update(order.map((fileName) => byFile.get(fileName)!.code).join('\0'))
    .digest('hex')
    .slice(0, 16);
  for (const fileName of order) {
    const chunk = byFile.get(fileName)!;
    const script = wrapExtrasPart(fileName, chunk.code, chunk.imports, buildId);
    writeFileSync(path.join(outDir, fileName), script);
    sizes.set(fileName, Buffer.byteLength(script));
  }
  return sizes;
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
      const partSizes = await buildExtrasParts(options.extrasEntry, outDir);
      const bytes = statSync(path.join(outDir, CONTENT_SCRIPT_FILE)).size;
      if (bytes > CONTENT_SCRIPT_BUDGET_BYTES) {
        this.warn(`${CONTENT_SCRIPT_FILE} is ${bytes} bytes, over its budget of ${CONTENT_SCRIPT_BUDGET_BYTES}`);
      }
      for (const [file, partBytes] of partSizes) {
        if (partBytes > CONTENT_EXTRAS_PART_BUDGET_BYTES) {
          this.warn(`${file} is ${partBytes} bytes, over the budget of ${CONTENT_EXTRAS_PART_BUDGET_BYTES} for each part of the extras`);
        }
      }
      const manifestPath = path.join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      manifest.content_scripts = options.contentScripts.map((script) => ({ ...script, js: [CONTENT_SCRIPT_FILE] }));
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
