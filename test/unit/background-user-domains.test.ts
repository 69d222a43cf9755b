import { describe, expect, it, vi } from 'vitest';
import browser, { defaultFakeManifest, fake } from '../fakes/browser-fake';
import { contentScriptFiles, syncUserDomainScripts, USER_DOMAINS_SCRIPT_ID } from '../../src/background/user-domains';
import { SETTINGS_KEY } from '../../src/shared/settings';

const SHOP = 'https://esp.shop.example/*';
const CRM = 'https://crm.example.org/*';

async function saveSettings(value: unknown): Promise<void> {
  await fake.storage.sync.set({ [SETTINGS_KEY]: value });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('contentScriptFiles', () => {
  it.each([
    ['built manifest', { content_scripts: [{ js: ['assets/loader-1.js'] }] }, ['assets/loader-1.js']],
    ['two files', { content_scripts: [{ js: ['a.js', 'b.js'] }, { js: ['c.js'] }] }, ['a.js', 'b.js']],
    ['no content scripts', {}, []],
    ['content script without js', { content_scripts: [{}] }, []],
  ])('%s', (_name, manifest, expected) => {
    expect(contentScriptFiles(manifest)).toEqual(expected);
  });
});

describe('syncUserDomainScripts', () => {
  it('registers the manifest content script for granted user domains only', async () => {
    await saveSettings({ customDomains: [SHOP, CRM] });
    fake.grantOrigins(SHOP);
    expect(await syncUserDomainScripts()).toEqual([SHOP]);
    expect(fake.registeredScripts()).toEqual([
      {
        id: USER_DOMAINS_SCRIPT_ID,
        matches: [SHOP],
        js: ['assets/index.ts-loader-AbC123.js'],
        runAt: 'document_idle',
        allFrames: true,
        matchOriginAsFallback: true,
      },
    ]);
  });

  it('reads the script file name from the manifest (hashed by the bundler)', async () => {
    fake.setManifest({ ...defaultFakeManifest(), content_scripts: [{ matches: ['https://a.example/*'], js: ['assets/other-9z.js'] }] });
    await saveSettings({ customDomains: [SHOP] });
    fake.grantOrigins(SHOP);
    await syncUserDomainScripts();
    expect(fake.registeredScripts()[0]?.js).toEqual(['assets/other-9z.js']);
  });

  it.each([
    ['no settings stored', undefined, []],
    ['no custom domains', { customDomains: [] }, [SHOP]],
    ['domains without permission', { customDomains: [CRM] }, [SHOP]],
    ['broken settings', 'not an object', [SHOP]],
    ['invalid domain strings', { customDomains: ['not a domain', 42] }, []],
  ])('registers nothing with %s', async (_name, settings, granted) => {
    if (settings !== undefined) await saveSettings(settings);
    fake.grantOrigins(...granted);
    expect(await syncUserDomainScripts()).toEqual([]);
    expect(fake.registeredScripts()).toEqual([]);
  });

  it('replaces an earlier registration instead of failing on the duplicate id', async () => {
    await saveSettings({ customDomains: [SHOP] });
    fake.grantOrigins(SHOP, CRM);
    await syncUserDomainScripts();
    await saveSettings({ customDomains: [SHOP, CRM] });
    await syncUserDomainScripts();
    expect(fake.registeredScripts().map((s) => s.matches)).toEqual([[SHOP, CRM]]);
  });

  it('unregisters when the last domain is gone', async () => {
    await saveSettings({ customDomains: [SHOP] });
    fake.grantOrigins(SHOP);
    await syncUserDomainScripts();
    await saveSettings({ customDomains: [] });
    await syncUserDomainScripts();
    expect(fake.registeredScripts()).toEqual([]);
  });

  it('runs calls made back to back one after the other', async () => {
    await saveSettings({ customDomains: [SHOP] });
    fake.grantOrigins(SHOP);
    const results = await Promise.all([syncUserDomainScripts(), syncUserDomainScripts(), syncUserDomainScripts()]);
    expect(results).toEqual([[SHOP], [SHOP], [SHOP]]);
    expect(fake.registeredScripts()).toHaveLength(1);
  });
});

describe('the worker keeps the registration in step', () => {
  async function startWorker(): Promise<void> {
    vi.resetModules();
    await import('../../src/background/index');
  }

  it.each([
    ['install', () => browser.runtime.onInstalled.dispatch({ reason: 'install' })],
    ['browser startup', () => browser.runtime.onStartup.dispatch()],
  ])('registers on %s', async (_name, fire) => {
    await saveSettings({ customDomains: [SHOP] });
    fake.grantOrigins(SHOP);
    await startWorker();
    expect(fake.registeredScripts()).toEqual([]);
    fire();
    await settle();
    expect(fake.registeredScripts().map((s) => s.matches)).toEqual([[SHOP]]);
  });

  it('re-registers when the settings change, and ignores other keys', async () => {
    await startWorker();
    fake.grantOrigins(SHOP);
    await fake.storage.sync.set({ unrelated: 1 });
    await fake.storage.local.set({ [SETTINGS_KEY]: { customDomains: [SHOP] } });
    await settle();
    expect(fake.registeredScripts()).toEqual([]);
    await saveSettings({ customDomains: [SHOP] });
    await settle();
    expect(fake.registeredScripts().map((s) => s.matches)).toEqual([[SHOP]]);
  });

  it('drops a domain whose permission the user revoked in the browser', async () => {
    await saveSettings({ customDomains: [SHOP, CRM] });
    fake.grantOrigins(SHOP, CRM);
    await startWorker();
    browser.runtime.onInstalled.dispatch({ reason: 'update' });
    await settle();
    await browser.permissions.remove({ origins: [CRM] });
    await settle();
    expect(fake.registeredScripts().map((s) => s.matches)).toEqual([[SHOP]]);
  });
});
