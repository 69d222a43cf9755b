// npm run package: the Chrome and Firefox uploads and the source archive, and the source archive
// rebuilds exactly the files of both uploads (what AMO's reviewers do with it).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildExtension } from '../../scripts/build-extension';
import { GECKO_ID } from '../../scripts/firefox-manifest';
import { CONTENT_EXTRAS_FILES } from '../../src/shared/messages';
import { BUILD_ENV, buildRelease, listFiles, packageVersion, ROOT, unzipTo, type ReleaseFiles } from '../../scripts/package';

let release: ReleaseFiles;
let work = '';
const unpacked = { chrome: '', firefox: '', source: '' };
const listed: Record<keyof typeof unpacked, string[]> = { chrome: [], firefox: [], source: [] };

beforeAll(() => {
  release = buildRelease();
  work = mkdtempSync(path.join(tmpdir(), 'webhook-doctor-release-'));
  for (const kind of ['chrome', 'firefox', 'source'] as const) {
    unpacked[kind] = path.join(work, kind);
    listed[kind] = unzipTo(release[kind], unpacked[kind]);
  }
  // The locked dependencies, without a network install: the repository's own node_modules.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(unpacked.source, 'node_modules'), 'dir');
  for (const target of ['chrome', 'firefox'] as const) {
    buildExtension({ target, root: unpacked.source, logLevel: 'error', env: BUILD_ENV, stdio: 'pipe' });
  }
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function manifestOf(dir: string): { version: string; browser_specific_settings?: { gecko?: { id?: string } } } {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
}

describe('release/', () => {
  it('names the three archives after the package version', () => {
    const version = packageVersion();
    expect(Object.values(release).map((file) => path.basename(file))).toEqual([
      `webhook-doctor-${version}-chrome.zip`,
      `webhook-doctor-${version}-firefox.zip`,
      `webhook-doctor-${version}-source.zip`,
    ]);
  });

  it("puts the package version into both manifests, and the gecko id into Firefox's", () => {
    expect(manifestOf(unpacked.chrome).version).toBe(packageVersion());
    expect(manifestOf(unpacked.firefox).version).toBe(packageVersion());
    expect(manifestOf(unpacked.firefox).browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
    expect(manifestOf(unpacked.chrome).browser_specific_settings).toBeUndefined();
  });

  it('ships the built extension at the root of each upload, nothing else', () => {
    for (const kind of ['chrome', 'firefox'] as const) {
      expect(listed[kind], kind).toContain('manifest.json');
      expect(listed[kind], kind).toContain('content.js');
      for (const file of CONTENT_EXTRAS_FILES) expect(listed[kind], kind).toContain(file);
      expect(
        listed[kind].filter((file) => /\.(ts|tsx|map)$|node_modules|^src\/.*\.ts/.test(file)),
        kind,
      ).toEqual([]);
    }
  });

  it('puts the sources, the lock file and the build instructions into the source archive, no build output', () => {
    for (const file of ['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'README.md', 'src/content/index.ts']) {
      expect(listed.source).toContain(file);
    }
    expect(readFileSync(path.join(unpacked.source, 'README.md'), 'utf8')).toContain('npm run build:firefox');
    expect(listed.source.filter((file) => /^(dist|dist-firefox|dist-cli|release|node_modules)\//.test(file))).toEqual([]);
  });

  it.each([
    ['Chrome', 'chrome', 'dist'],
    ['Firefox', 'firefox', 'dist-firefox'],
  ] as const)('the source archive rebuilds the %s upload file for file', (_name, kind, outDir) => {
    const rebuilt = path.join(unpacked.source, outDir);
    expect(listFiles(rebuilt)).toEqual(listed[kind]);
    const differing = listed[kind].filter(
      (file) => !readFileSync(path.join(rebuilt, file)).equals(readFileSync(path.join(unpacked[kind], file))),
    );
    expect(differing).toEqual([]);
  });
});
