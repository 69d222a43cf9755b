// Sizes of what each part of the built extension loads: the entry named in the manifest plus
// every chunk it reaches (static imports, dynamic imports, crxjs loaders that import by URL).
// The build is already minified, so bytes on disk are the minified size; gzip is zlib level 9.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Everything the part can load, lazy chunks included. */
  files: string[];
  minifiedBytes: number;
  gzipBytes: number;
  /** What loads when the part starts: the entry and its static imports (no lazy chunks). */
  initialFiles: string[];
  initialMinifiedBytes: number;
  initialGzipBytes: number;
}

export interface BundleSizes {
  content: BundleSize;
  /** Content-script code injected later, on demand (e.g. content-extras.js). */
  contentExtras: BundleSize;
  background: BundleSize;
  popup: BundleSize;
}

interface Manifest {
  content_scripts?: { js?: string[]; css?: string[] }[];
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
}

// Quoted file names in built code: "./chunk-abc.js", "/assets/x.js", "assets/x.css".
const QUOTED_ASSET = /["'`]([^"'`\s]+?\.(?:m?js|css))["'`]/g;
// Static imports and re-exports in built ES modules: `import{a}from"./x.js"`, `import"./x.js"`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`]([^"'`\s]+?\.m?js)["'`]/g;
// Script and style sheet references in an HTML page.
const HTML_ASSET = /\b(?:src|href)\s*=\s*["']([^"']+?\.(?:m?js|css))["']/g;

/** Resolves a reference from one built file to a file inside dist, or null. */
export function resolveReference(distDir: string, fromFile: string, reference: string): string | null {
  if (/^[a-z][\w+.-]*:/i.test(reference)) return null; // a URL with a scheme
  const candidates = reference.startsWith('/')
    ? [path.join(distDir, reference)]
    : reference.startsWith('.')
      ? [path.resolve(path.dirname(fromFile), reference)]
      : [path.resolve(path.dirname(fromFile), reference), path.join(distDir, reference)];
  for (const candidate of candidates) {
    const inside = !path.relative(distDir, candidate).startsWith('..');
    if (inside && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every file reachable from the entries, entries first; only static imports when `initialOnly`. */
export function reachableFiles(distDir: string, entries: readonly string[], initialOnly = false): string[] {
  const seen = new Set<string>();
  const queue = entries.map((entry) => path.join(distDir, entry)).filter((file) => existsSync(file));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const pattern = file.endsWith('.html') ? HTML_ASSET : initialOnly ? STATIC_IMPORT : QUOTED_ASSET;
    for (const match of text.matchAll(pattern)) {
      const target = resolveReference(distDir, file, match[1]!);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen];
}

function sizeOf(files: readonly string[]): { minifiedBytes: number; gzipBytes: number } {
  let minifiedBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    minifiedBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { minifiedBytes, gzipBytes };
}

/**
 * Bytes of the code a part loads (an HTML page itself is not counted, only what it loads).
 * Files in `exclude` (relative to dist) belong to another part and are left out.
 */
export function bundleSize(distDir: string, entries: readonly string[], exclude: readonly string[] = []): BundleSize {
  const excluded = new Set(exclude.map((file) => path.join(distDir, file)));
  const code = (files: string[]): string[] => files.filter((file) => !file.endsWith('.html') && !excluded.has(file));
  const all = code(reachableFiles(distDir, entries));
  const initial = code(reachableFiles(distDir, entries, true));
  const total = sizeOf(all);
  const first = sizeOf(initial);
  return {
    files: all.map((file) => path.relative(distDir, file)),
    minifiedBytes: total.minifiedBytes,
    gzipBytes: total.gzipBytes,
    initialFiles: initial.map((file) => path.relative(distDir, file)),
    initialMinifiedBytes: first.minifiedBytes,
    initialGzipBytes: first.gzipBytes,
  };
}

export function measureBundles(distDir: string): BundleSizes {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'manifest.json'), 'utf8')) as Manifest;
  const contentEntries = (manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]);
  const backgroundEntries = [
    ...(manifest.background?.service_worker ? [manifest.background.service_worker] : []),
    ...(manifest.background?.scripts ?? []),
  ];
  const popupEntries = manifest.action?.default_popup ? [manifest.action.default_popup] : [];
  // Content-script parts the worker injects on demand live next to the entry, named content*.js.
  const extras = readdirSync(distDir).filter((name) => /^content[\w.-]*\.js$/.test(name) && !contentEntries.includes(name));
  return {
    content: bundleSize(distDir, [...new Set(contentEntries)]),
    contentExtras: bundleSize(distDir, extras, contentEntries),
    // The worker names the extras file to inject it; that code is the content script's, not its own.
    background: bundleSize(distDir, backgroundEntries, [...contentEntries, ...extras]),
    popup: bundleSize(distDir, popupEntries),
  };
}
