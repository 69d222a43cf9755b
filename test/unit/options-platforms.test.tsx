// @vitest-environment happy-dom
// "More platforms": off by default, one permission prompt per platform at the click, then its
// hosts join the user's domains (and the generic scanner runs there).
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fake } from '../fakes/browser-fake';
import { extensionManifest } from '../../scripts/manifest';
import { OptionsApp } from '../../src/options/options-app';
import { addPlatform } from '../../src/options/domains';
import { MORE_PLATFORMS, platformEnabled, platformPatterns } from '../../src/options/platforms';
import { loadSettings } from '../../src/options/settings-storage';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { mountRoot } from '../support/render-root';

const SFMC = MORE_PLATFORMS.find((p) => p.id === 'sfmc')!;
const SFMC_PATTERNS = ['https://*.exacttarget.com/*', 'https://*.marketingcloudapps.com/*'];

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the platform list', () => {
  it('offers Segment, Salesforce Marketing Cloud, Mailchimp, Attentive and Twilio SendGrid, each with valid host patterns', () => {
    expect(MORE_PLATFORMS.map((p) => p.name)).toEqual([
      'Segment',
      'Salesforce Marketing Cloud',
      'Mailchimp',
      'Attentive',
      'Twilio SendGrid',
    ]);
    for (const platform of MORE_PLATFORMS) expect(platformPatterns(platform)).toHaveLength(platform.hosts.length);
    expect(platformPatterns(SFMC)).toEqual(SFMC_PATTERNS);
  });

  it('requests none of them at install time: the manifest only grants them as optional', () => {
    const manifest = extensionManifest();
    for (const pattern of MORE_PLATFORMS.flatMap(platformPatterns)) expect(manifest.host_permissions).not.toContain(pattern);
    expect(manifest.optional_host_permissions).toContain('https://*/*');
    expect(DEFAULT_SETTINGS.customDomains).toEqual([]);
  });
});

describe('addPlatform', () => {
  it("asks once for all of a platform's hosts and saves them when granted", async () => {
    const result = await addPlatform(SFMC, []);
    expect(result.ok).toBe(true);
    expect(fake.permissionRequests()).toEqual([SFMC_PATTERNS]);
    expect((await loadSettings()).customDomains).toEqual(SFMC_PATTERNS);
    expect(platformEnabled(SFMC, SFMC_PATTERNS)).toBe(true);
  });

  it('asks only for the hosts still missing', async () => {
    await addPlatform(SFMC, [SFMC_PATTERNS[0]!]);
    expect(fake.permissionRequests()).toEqual([[SFMC_PATTERNS[1]]]);
  });

  it('saves nothing when the user declines, and does not ask for a platform already on', async () => {
    fake.answerPermissionRequests(false);
    expect(await addPlatform(SFMC, [])).toMatchObject({ ok: false, message: expect.stringContaining('not granted') });
    expect((await loadSettings()).customDomains).toEqual([]);
    expect(await addPlatform(SFMC, SFMC_PATTERNS)).toMatchObject({ ok: false, message: expect.stringContaining('already on') });
    expect(fake.permissionRequests()).toEqual([SFMC_PATTERNS]);
  });
});

describe('the options page', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = mountRoot();
  });

  it('turns a platform on with one click, then shows it as on', async () => {
    await act(() => {
      render(<OptionsApp />, root);
    });
    await act(settle);
    const list = root.querySelector('ul[aria-label="More platforms"]')!;
    expect([...list.querySelectorAll('button')].map((b) => b.name)).toEqual(MORE_PLATFORMS.map((p) => `platform-${p.id}`));
    await act(async () => {
      list.querySelector<HTMLButtonElement>('button[name="platform-sfmc"]')!.click();
      await settle();
    });
    expect(fake.permissionRequests()).toEqual([SFMC_PATTERNS]);
    expect(list.querySelector('button[name="platform-sfmc"]')).toBeNull();
    expect(list.textContent).toContain('On');
    expect(root.querySelector('.status')?.textContent).toContain('Salesforce Marketing Cloud is on');
    expect([...root.querySelectorAll('.domains code')].map((c) => c.textContent)).toEqual(SFMC_PATTERNS);
  });
});
