// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import browser, { contentScriptSender, CURRENT_WINDOW_ID, fake } from '../fakes/browser-fake';
import { handleMessage } from '../../src/background/router';
import { App } from '../../src/popup/app';
import { isWatchedUrl, loadPopupView } from '../../src/popup/load-view';
import { SETTINGS_KEY } from '../../src/shared/settings';
import type { Runtime } from '../../src/shared/browser';
import type { FindingGroup } from '../../src/shared/messages';
import { mountRoot } from '../support/render-root';

const KLAVIYO = 'https://www.klaviyo.com/flow/1';
const OWN = 'https://esp.shop.example/logs';

const forbidden: FindingGroup = {
  key: 'http:403',
  finding: { kind: 'http', code: 403, problem: null, start: 0, end: 8, excerpt: 'HTTP 403' },
  count: 3,
  source: 'row',
  samples: ['HTTP 403 for ann@example.com'],
};

function activeTab(id: number, url?: string): void {
  fake.setTabs([
    { id: 99, url: KLAVIYO, active: true, windowId: CURRENT_WINDOW_ID + 1 },
    { id, ...(url ? { url } : {}), active: true, windowId: CURRENT_WINDOW_ID },
  ]);
}

async function contentScriptReports(tabId: number, url: string, groups: FindingGroup[]): Promise<void> {
  await handleMessage(
    { type: 'page-snapshot', snapshot: { url, provider: 'klaviyo', endpointUrl: null, groups } },
    contentScriptSender(tabId, 0, url) as Runtime.MessageSender,
  );
}

beforeEach(() => {
  browser.runtime.onMessage.addListener(handleMessage);
});

describe('loadPopupView', () => {
  it('findings: the content script reported failing rows in the active tab', async () => {
    activeTab(5, KLAVIYO);
    await contentScriptReports(5, KLAVIYO, [forbidden]);
    const view = await loadPopupView();
    expect(view.state).toBe('findings');
    if (view.state === 'findings') expect(view.tab.groups.map((g) => g.key)).toEqual(['http:403']);
  });

  it('reads the active tab of the current window, not another window', async () => {
    activeTab(5, KLAVIYO);
    await contentScriptReports(99, KLAVIYO, [forbidden]);
    expect((await loadPopupView()).state).toBe('empty');
  });

  it.each([
    ['an ESP page not scanned yet', KLAVIYO, null, []],
    ['an ESP page scanned clean', KLAVIYO, [], []],
    ['a page scanned clean on an unknown host', 'https://elsewhere.example/', [], []],
    ['a user-added domain not scanned yet', OWN, null, ['https://esp.shop.example/*']],
  ])('empty: %s', async (_name, url, groups, customDomains) => {
    activeTab(6, url);
    await fake.storage.sync.set({ [SETTINGS_KEY]: { customDomains } });
    if (groups) await contentScriptReports(6, url, groups);
    expect((await loadPopupView()).state).toBe('empty');
  });

  it.each([
    ['a news site', 'https://news.example/'],
    ['a page whose URL the popup may not see', undefined],
    ['a browser page', 'chrome://extensions/'],
  ])('unsupported: %s', async (_name, url) => {
    activeTab(7, url);
    expect(await loadPopupView()).toEqual({ state: 'unsupported' });
  });

  it('unsupported when there is no active tab', async () => {
    fake.setTabs([]);
    expect(await loadPopupView()).toEqual({ state: 'unsupported' });
  });

  it('error when the worker answers with an error', async () => {
    fake.dropListeners();
    browser.runtime.onMessage.addListener(() => Promise.resolve({ ok: false, error: 'boom' }));
    activeTab(5, KLAVIYO);
    expect(await loadPopupView()).toEqual({ state: 'error', message: 'boom' });
  });
});

describe('withheld host permissions (Firefox lets users withhold them)', () => {
  const KLAVIYO_HOST = 'https://www.klaviyo.com/*';
  const BRAZE_HOST = 'https://*.braze.com/*';

  it('no-access for an ESP page whose host is withheld, naming only that host', async () => {
    fake.withholdHosts(KLAVIYO_HOST, BRAZE_HOST);
    activeTab(5, KLAVIYO);
    expect(await loadPopupView()).toEqual({ state: 'no-access', hosts: [KLAVIYO_HOST] });
  });

  it('no-access naming every withheld host when the tab URL is hidden', async () => {
    fake.withholdHosts(BRAZE_HOST);
    activeTab(5, undefined);
    expect(await loadPopupView()).toEqual({ state: 'no-access', hosts: [BRAZE_HOST] });
  });

  it('empty, not no-access, for an ESP page whose host is granted', async () => {
    fake.withholdHosts(BRAZE_HOST);
    activeTab(5, KLAVIYO);
    expect((await loadPopupView()).state).toBe('empty');
  });

  it('unsupported for other sites while an ESP host is withheld', async () => {
    fake.withholdHosts(KLAVIYO_HOST);
    activeTab(5, 'https://news.example/');
    expect(await loadPopupView()).toEqual({ state: 'unsupported' });
  });
});

describe('the tab named by ?tab= (the popup page opened in a tab of its own)', () => {
  it('reads that tab, not the active one', async () => {
    activeTab(5, 'https://news.example/');
    fake.setTabs([
      { id: 5, url: 'https://news.example/', active: true, windowId: CURRENT_WINDOW_ID },
      { id: 8, url: KLAVIYO, active: false, windowId: CURRENT_WINDOW_ID },
    ]);
    await contentScriptReports(8, KLAVIYO, [forbidden]);
    expect((await loadPopupView('?tab=8')).state).toBe('findings');
    expect((await loadPopupView('')).state).toBe('unsupported');
  });

  it('error for a tab that does not exist', async () => {
    fake.setTabs([]);
    expect((await loadPopupView('?tab=41')).state).toBe('error');
  });
});

describe('isWatchedUrl', () => {
  it.each([
    [KLAVIYO, true],
    ['https://dashboard-03.braze.eu/messages', true],
    ['https://fly.customer.io/workspaces/1', true],
    ['https://app.hubspot.com/workflows', true],
    ['https://app.iterable.com/workflows', true],
    ['https://klaviyo.com.evil.example/', false],
    [undefined, false],
  ])('%s → %s', async (url, expected) => {
    expect(await isWatchedUrl(url)).toBe(expected);
  });
});

/** Lets promises and timers run until the condition holds (at most 500 turns). */
async function settleUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

describe('popup wired to the worker through the fake browser', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = mountRoot();
  });

  const heading = () => root.querySelector('#state-heading')?.textContent;

  /** The popup on a Klaviyo tab whose host the user withheld; returns its grant button. */
  async function openWithheldPopup(): Promise<HTMLButtonElement | undefined> {
    fake.withholdHosts('https://www.klaviyo.com/*');
    activeTab(5, KLAVIYO);
    await act(() => {
      render(<App />, root);
    });
    await settleUntil(() => heading() !== undefined);
    return [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Allow Webhook Doctor'));
  }

  it('asks for a withheld host, then shows the page once the user allows it', async () => {
    const button = await openWithheldPopup();
    expect(heading()).toBe('Webhook Doctor may not read this site');
    await act(() => button?.click());
    await settleUntil(() => heading() !== 'Webhook Doctor may not read this site');
    expect(fake.permissionRequests()).toEqual([['https://www.klaviyo.com/*']]);
    expect(heading()).toBe('No failing webhooks found on this page');
    // The content script, now allowed, reports: the open popup follows.
    await contentScriptReports(5, KLAVIYO, [forbidden]);
    await settleUntil(() => root.querySelector('li[data-key]') !== null);
    expect(root.querySelector('li[data-key="http:403"]')).not.toBeNull();
  });

  it('says so when the user refuses', async () => {
    fake.answerPermissionRequests(false);
    const button = await openWithheldPopup();
    await act(() => button?.click());
    await settleUntil(() => root.querySelector('[role="status"]') !== null);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Not allowed');
    expect(heading()).toBe('Webhook Doctor may not read this site');
  });

  it('renders what the content script reported, with the catalog diagnosis', async () => {
    activeTab(5, KLAVIYO);
    await contentScriptReports(5, KLAVIYO, [forbidden]);
    await act(() => {
      render(<App />, root);
    });
    // The popup's effect starts loading once the first render is committed.
    await act(async () => {
      for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const card = root.querySelector('li[data-key="http:403"]');
    expect(card).not.toBeNull();
    expect(card?.querySelector('.triage__count')?.textContent).toBe('3 rows');
    expect(card?.querySelector('.triage__full-title')?.textContent).toContain('403');
    expect(card?.querySelectorAll('.card__steps li').length).toBeGreaterThan(0);
  });
});
