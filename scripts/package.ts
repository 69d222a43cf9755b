// `npm run package`: the files a store release needs, in release/:
// - webhook-doctor-VERSION-chrome.zip   the Chrome Web Store upload (dist/ zipped);
// - webhook-doctor-VERSION-firefox.zip  the addons.mozilla.org upload, built by web-ext from dist-firefox/;
// - webhook-doctor-VERSION-source.zip   the source AMO asks for when code is bundled: every file the
//   repository tracks, from which `npm ci && npm run build && npm run build:firefox` rebuilds the
//   same extension files (test/e2e/release.test.ts checks it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { buildExtension } from './build-extension';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const RELEASE_DIR = path.join(ROOT, 'release');

export interface ReleaseFiles {
  chrome: string;
  firefox: string;
  source: string;
}

export function releaseFiles(version: string, dir = RELEASE_DIR): ReleaseFiles {
  const name = (kind: string) => path.join(dir, `webhook-doctor-${version}-${kind}.zip`);
  return { chrome: name('chrome'), firefox: name('firefox'), source: name('source') };
}

export function packageVersion(root = ROOT): string {
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Every file below `dir`, relative, with '/' separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The repository's files as the source archive holds them: tracked and not-ignored new files. */
export function sourceFiles(root = ROOT): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  return listed
    .split('\0')
    .filter((file) => file !== '' && existsSync(path.join(root, file)) && statSync(path.join(root, file)).isFile())
    .sort();
}

/** A zip of the given files (relative to `root`) with a fixed date, so equal inputs give equal bytes. */
export function zipFiles(root: string, files: readonly string[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[file] = [readFileSync(path.join(root, file)), { mtime: new Date('2020-01-01T00:00:00Z') }];
  return zipSync(entries, { level: 9 });
}

/** Unpacks a zip into `dir`; returns the files it held. */
export function unzipTo(zipPath: string, dir: string): string[] {
  const files = unzipSync(readFileSync(zipPath));
  const names: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    const target = path.join(dir, name);
    if (!target.startsWith(dir + path.sep)) throw new Error(`unsafe path in ${zipPath}: ${name}`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
    names.push(name);
  }
  return names.sort();
}

/**
 * The environment of a release build. NODE_ENV is pinned: a caller's NODE_ENV=test (vitest sets
 * it) turns on preact's development JSX transform, which embeds absolute source paths.
 */
export const BUILD_ENV: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };

function run(command: string, args: string[], cwd = ROOT): void {
  execFileSync(command, args, { cwd, env: BUILD_ENV, stdio: ['ignore', 'inherit', 'inherit'] });
}

const node = (script: string, ...args: string[]) => run(process.execPath, [path.join(ROOT, script), ...args]);

export function buildRelease(): ReleaseFiles {
  const version = packageVersion();
  const out = releaseFiles(version);
  rmSync(RELEASE_DIR, { recursive: true, force: true });
  mkdirSync(RELEASE_DIR, { recursive: true });

  for (const target of ['chrome', 'firefox'] as const) {
    buildExtension({ target, logLevel: 'warn', env: BUILD_ENV, stdio: ['ignore', 'inherit', 'inherit'] });
  }

  const dist = path.join(ROOT, 'dist');
  writeFileSync(out.chrome, zipFiles(dist, listFiles(dist)));
  node(
    'node_modules/web-ext/bin/web-ext.js',
    'build',
    '--source-dir',
    'dist-firefox',
    '--artifacts-dir',
    RELEASE_DIR,
    '--filename',
    path.basename(out.firefox),
    '--overwrite-dest',
    '--no-config-discovery',
  );
  writeFileSync(out.source, zipFiles(ROOT, sourceFiles()));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const out = buildRelease();
  for (const file of Object.values(out)) {
    console.log(`${path.relative(process.cwd(), file)}  ${(statSync(file).size / 1024).toFixed(1)} KB`);
  }
}
