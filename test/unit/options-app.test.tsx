// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import browser, { fake } from '../fakes/browser-fake';
import { OptionsApp } from '../../src/options/options-app';
import { addDomain, removeDomain } from '../../src/options/domains';
import { loadSettings, updateSettings } from '../../src/options/settings-storage';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/shared/settings';
import { mountRoot } from '../support/render-root';

const SHOP = 'https://esp.shop.example/*';

async function stored(): Promise<unknown> {
  return (await fake.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('settings storage', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['garbage', 42, DEFAULT_SETTINGS],
    ['partial', { badgeDensity: 'compact' }, { ...DEFAULT_SETTINGS, badgeDensity: 'compact' }],
    [
      'invalid domains dropped',
      { customDomains: ['ok.example.com', 'no spaces allowed'] },
      { ...DEFAULT_SETTINGS, customDomains: ['https://ok.example.com/*'] },
    ],
  ])('loadSettings with %s', async (_name, value, expected) => {
    if (value !== undefined) await fake.storage.sync.set({ [SETTINGS_KEY]: value });
    expect(await loadSettings()).toEqual(expected);
  });

  it('updateSettings applies a change to the stored value and validates it', async () => {
    await fake.storage.sync.set({ [SETTINGS_KEY]: { badgeDensity: 'compact' } });
    const next = await updateSettings((s) => ({ ...s, providers: { ...s.providers, braze: false }, badgeDensity: 'huge' as never }));
    expect(next.providers.braze).toBe(false);
    expect(next.badgeDensity).toBe('full');
    expect(await stored()).toEqual(next);
  });
});

describe('addDomain', () => {
  it.each([
    ['esp.shop.example', SHOP],
    ['  https://ESP.shop.example/some/path  ', SHOP],
    ['*.shop.example', 'https://*.shop.example/*'],
  ])('%j asks for %s and saves it once granted', async (input, pattern) => {
    const result = await addDomain(input, []);
    expect(result).toMatchObject({ ok: true, pattern });
    expect(fake.permissionRequests()).toEqual([[pattern]]);
    expect((await loadSettings()).customDomains).toEqual([pattern]);
  });

  it.each(['', 'localhost', 'not a domain', 'http://', 'exa mple.com', 'ftp//x'])('%j is refused without asking', async (input) => {
    const result = await addDomain(input, []);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('not a domain name');
    expect(fake.permissionRequests()).toEqual([]);
    expect(await stored()).toBeUndefined();
  });

  it('does not save when the user declines the permission', async () => {
    fake.answerPermissionRequests(false);
    const result = await addDomain('esp.shop.example', []);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('not granted') });
    expect(await stored()).toBeUndefined();
  });

  it('does not ask again for a domain already in the list', async () => {
    const result = await addDomain('esp.shop.example', [SHOP]);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('already') });
    expect(fake.permissionRequests()).toEqual([]);
  });

  it('removeDomain gives the permission back and drops the domain', async () => {
    await addDomain('esp.shop.example', []);
    await removeDomain(SHOP);
    expect(fake.grantedOrigins()).toEqual([]);
    expect((await loadSettings()).customDomains).toEqual([]);
  });
});

describe('options page', () => {
  let root: HTMLElement;

  async function mount(): Promise<void> {
    await act(() => {
      render(<OptionsApp />, root);
    });
    await act(settle);
  }

  async function interact(action: () => void): Promise<void> {
    await act(async () => {
      action();
      await settle();
    });
  }

  function button(name: string): HTMLButtonElement {
    const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    if (!found) throw new Error(`no button "${name}"`);
    return found;
  }

  function submitDomain(value: string): Promise<void> {
    return interact(() => {
      const input = root.querySelector<HTMLInputElement>('#domain-input')!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }).then(() => interact(() => button('Add').click()));
  }

  const status = () => root.querySelector('.status')?.textContent ?? '';

  beforeEach(() => {
    root = mountRoot();
  });

  it('shows the stored settings', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      providers: { ...DEFAULT_SETTINGS.providers, hubspot: false },
      customDomains: [SHOP],
      badgeDensity: 'compact',
    };
    await fake.storage.sync.set({ [SETTINGS_KEY]: settings });
    await mount();
    const switches = [...root.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
    expect(switches.map((s) => [s.name, s.checked])).toEqual([
      ['provider-klaviyo', true],
      ['provider-braze', true],
      ['provider-customerio', true],
      ['provider-hubspot', false],
      ['provider-iterable', true],
    ]);
    expect(root.querySelector<HTMLInputElement>('input[value="compact"]')?.checked).toBe(true);
    expect([...root.querySelectorAll('.domains code')].map((c) => c.textContent)).toEqual([SHOP]);
  });

  it('saves a provider switch', async () => {
    await mount();
    await interact(() => root.querySelector<HTMLInputElement>('input[name="provider-braze"]')!.click());
    expect((await loadSettings()).providers.braze).toBe(false);
    expect(status()).toBe('Braze off.');
  });

  it('saves the badge density', async () => {
    await mount();
    await interact(() => root.querySelector<HTMLInputElement>('input[value="compact"]')!.click());
    expect((await loadSettings()).badgeDensity).toBe('compact');
  });

  it('adds a granted domain to the list and clears the input', async () => {
    await mount();
    await submitDomain('esp.shop.example');
    expect([...root.querySelectorAll('.domains code')].map((c) => c.textContent)).toEqual([SHOP]);
    expect(root.querySelector<HTMLInputElement>('#domain-input')?.value).toBe('');
    expect(status()).toContain('Added');
    expect(root.querySelector('.status')?.getAttribute('role')).toBe('status');
  });

  it.each([
    ['an invalid domain', 'not a domain', true, 'not a domain name'],
    ['a refused permission', 'esp.shop.example', false, 'not granted'],
  ])('reports %s as an alert and saves nothing', async (_name, input, answer, message) => {
    fake.answerPermissionRequests(answer);
    await mount();
    await submitDomain(input);
    expect(status()).toContain(message);
    expect(root.querySelector('.status')?.getAttribute('role')).toBe('alert');
    expect(root.querySelector('.domains')).toBeNull();
    expect(await stored()).toBeUndefined();
  });

  it('removes a domain with its own labelled button', async () => {
    await fake.storage.sync.set({ [SETTINGS_KEY]: { customDomains: [SHOP] } });
    fake.grantOrigins(SHOP);
    await mount();
    const remove = root.querySelector<HTMLButtonElement>(`button[aria-label="Remove ${SHOP}"]`)!;
    await interact(() => remove.click());
    expect(root.querySelector('.domains')).toBeNull();
    expect(await browser.permissions.contains({ origins: [SHOP] })).toBe(false);
    expect((await loadSettings()).customDomains).toEqual([]);
  });

  it('labels the domain input', async () => {
    await mount();
    expect(root.querySelector('label[for="domain-input"]')?.textContent).toBe('Domain');
  });
});
