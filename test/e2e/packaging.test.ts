// Packaging checks on the built artefacts: the Chromium manifest asks only for the reviewed
// permissions and the provider registry's hosts, and the Firefox build passes Mozilla's
// addons-linter (web-ext lint) without errors.
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildExtension } from '../../scripts/build-extension';
import { CONTENT_EXTRAS_PART_BUDGET_BYTES } from '../../scripts/content-script-build';
import { GECKO_ID } from '../../scripts/firefox-manifest';
import { providerHostPatterns } from '../../src/providers';
import { PROVIDERS } from '../../src/providers/registry';
import { ROOT } from './harness';
import { CONTENT_EXTRAS_FILES } from '../../src/shared/messages';

const ESP_MATCHES = providerHostPatterns();

type Manifest = {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: unknown;
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  content_scripts?: { matches: string[]; js: string[] }[];
  externally_connectable?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
};

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(ROOT, dir, 'manifest.json'), 'utf8')) as Manifest;
}

describe("the provider registry's hosts", () => {
  it('are https hosts of one ESP each: no bare wildcard, no top-level domain alone', () => {
    expect(ESP_MATCHES.length).toBeGreaterThan(0);
    for (const pattern of ESP_MATCHES) expect(pattern).toMatch(/^https:\/\/(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}\/\*$/);
    expect(new Set(ESP_MATCHES).size).toBe(ESP_MATCHES.length);
  });
});

describe('page scripts (content.js, the parts of content-extras.js)', () => {
  it.each([['content.js'], CONTENT_EXTRAS_FILES])('%s carries no provider catalog layer: the worker diagnoses', (...files) => {
    const code = files.map((file) => readFileSync(path.join(ROOT, 'dist', file), 'utf8')).join('\n');
    for (const provider of PROVIDERS) {
      expect(code, provider.id).not.toContain(provider.catalog.whereToLook.log);
      expect(code, provider.id).toContain(JSON.stringify(provider.hosts[0]).slice(1, -1));
    }
  });

  it.each(CONTENT_EXTRAS_FILES)('%s, one task of the page, stays within the budget of each part of the extras', (file) => {
    expect(statSync(path.join(ROOT, 'dist', file)).size).toBeLessThanOrEqual(CONTENT_EXTRAS_PART_BUDGET_BYTES);
  });
});

describe('Chromium manifest (dist/)', () => {
  const manifest = readManifest('dist');

  it('asks only for the reviewed permissions', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['scripting', 'storage']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.host_permissions).toEqual(ESP_MATCHES);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  });

  it('runs content scripts only on the ESP hosts', () => {
    for (const script of manifest.content_scripts ?? []) expect(script.matches).toEqual(ESP_MATCHES);
  });

  it('keeps the default content-security policy and accepts no outside connections', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('exposes no web-accessible resources beyond the content-script loader chunks', () => {
    const exposed = (manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources);
    for (const resource of exposed) expect(resource).toMatch(/^assets\/[\w.-]+\.js$/);
    for (const entry of manifest.web_accessible_resources ?? []) {
      for (const match of entry.matches) expect(ESP_MATCHES).toContain(match.replace(/\/\*$/, '/*'));
    }
  });

  it('ships no remote code: no script URL points outside the package', () => {
    const assets = path.join(ROOT, 'dist/assets');
    for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(path.join(assets, file), 'utf8');
      expect(code, file).not.toMatch(/import\s*\(\s*["'`]https?:/);
      expect(code, file).not.toMatch(/importScripts\s*\(\s*["'`]https?:/);
      expect(code, file).not.toMatch(/\beval\s*\(/);
      expect(code, file).not.toMatch(/new Function\s*\(/);
    }
  });
});

describe('Firefox build (dist-firefox/)', () => {
  beforeAll(() => {
    buildExtension({ target: 'firefox', root: ROOT, logLevel: 'error', stdio: 'pipe' });
  });

  it('asks for the same hosts and runs content scripts only on them', () => {
    const manifest = readManifest('dist-firefox');
    expect(manifest.host_permissions).toEqual(ESP_MATCHES);
    expect(manifest.content_scripts?.length).toBeGreaterThan(0);
    for (const script of manifest.content_scripts ?? []) expect(script.matches).toEqual(ESP_MATCHES);
  });

  it('uses background scripts and declares a gecko id and data collection', () => {
    const manifest = readManifest('dist-firefox') as Manifest & { browser_specific_settings?: { gecko?: Record<string, unknown> } };
    expect(manifest.background?.scripts?.length).toBe(1);
    expect(manifest.background?.service_worker).toBeUndefined();
    expect(manifest.browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
    expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('passes web-ext lint with no errors', () => {
    let output: string;
    try {
      output = execFileSync(
        process.execPath,
        [
          path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js'),
          'lint',
          '--source-dir',
          'dist-firefox',
          '--output',
          'json',
          '--no-config-discovery',
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
      );
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its JSON is still on stdout.
      output = String((error as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(output) as { summary: { errors: number }; errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
