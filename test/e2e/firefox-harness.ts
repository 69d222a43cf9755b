// Loads the Firefox build (dist-firefox/) into Debian's firefox-esr, driven over WebDriver BiDi by
// puppeteer-core, and serves fixture pages at real ESP URLs through request interception.
//
// Firefox differences this harness works with:
// - the background is an event page (MV3 background scripts), not a service worker: the
//   extension's APIs are reached from an extension page opened in a tab of its own;
// - BiDi refuses to navigate to moz-extension:// URLs unless the remote agent may access system
//   pages (--remote-allow-system-access); the navigation also swaps the tab's process, so the
//   harness waits for the document instead of the navigation promise;
// - each extension gets a random moz-extension UUID per profile: a pref pins ours;
// - the real toolbar popup cannot be opened or reached over BiDi: tests open the popup page in a
//   tab with `?tab=ID` (src/popup/load-view.ts reads that tab instead of the active one);
// - with extensions.webextOptionalPermissionPrompts off, permissions.request() is answered "yes"
//   at once, as a user's click on "Allow" would.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findBrowser } from '../../scripts/find-browser';
import { COLLECT_BADGES, COLLECT_FIELD_WARNINGS, waitFor, type BadgeInfo, type FieldWarningInfo } from './page-reads';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The moz-extension UUID pinned for our extension in the test profile. */
const EXTENSION_UUID = '6f1b3a52-9c7e-4d0a-8b21-5e4f6a7b8c9d';

export interface FirefoxSession {
  browser: Browser;
  /** moz-extension://UUID/ */
  baseUrl: string;
  /** An extension page kept open to call the extension's APIs (tabs, action, storage). */
  api: Page;
  /** A new tab whose requests to the served URLs get the served pages. */
  newPage(): Promise<Page>;
  /** Serves an HTML page at a URL in every tab from now on (and the tabs already open). */
  serve(url: string, html: string): void;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  distDir?: string;
  viewport?: { width: number; height: number };
}

function geckoId(dist: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dist}/manifest.json has no gecko id`);
  return id;
}

function stripHash(url: string): string {
  return url.replace(/#.*$/, '');
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const dist = path.resolve(ROOT, options.distDir ?? 'dist-firefox');
  if (!existsSync(path.join(dist, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${dist}: run "npm run build:firefox" first.`);
  }
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless: true,
    defaultViewport: viewport,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId(dist)]: EXTENSION_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await browser.installExtension(dist);
  const baseUrl = `moz-extension://${EXTENSION_UUID}/`;

  const served = new Map<string, string>();
  const origins = new Set<string>();
  const intercepting = new Set<Page>();
  async function intercept(page: Page): Promise<void> {
    if (intercepting.has(page)) return;
    intercepting.add(page);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = stripHash(request.url());
      const html = served.get(url);
      if (html !== undefined) {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      } else if (origins.has(new URL(url).origin)) {
        void request.respond({ status: 404, contentType: 'text/html', body: '<p>Not a fixture</p>' });
      } else {
        void request.continue();
      }
    });
  }

  const session: FirefoxSession = {
    browser,
    baseUrl,
    api: undefined as unknown as Page,
    newPage: async () => {
      const page = await browser.newPage();
      await intercept(page);
      return page;
    },
    serve: (url, html) => {
      served.set(stripHash(url), html);
      origins.add(new URL(url).origin);
    },
    close: () => browser.close(),
  };
  session.api = await openExtensionPage(session, 'src/options/index.html');
  return session;
}

/** Serves each fixture file (relative to test/fixtures) at its URL. */
export function serveFixtureFiles(session: FirefoxSession, pages: { url: string; file: string }[]): void {
  for (const page of pages) session.serve(page.url, readFileSync(path.join(ROOT, 'test/fixtures', page.file), 'utf8'));
}

/** Opens one of the extension's pages (path and query relative to the extension root) in a new tab. */
export async function openExtensionPage(session: FirefoxSession, pathAndQuery: string, page?: Page): Promise<Page> {
  const tab = page ?? (await session.browser.newPage());
  const url = session.baseUrl + pathAndQuery;
  // The navigation swaps the tab into the extension process: its promise ends in "Frame detached".
  tab.goto(url, { timeout: 15_000 }).catch(() => undefined);
  const ready = await waitFor(
    () => tab.evaluate(`location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`).catch(() => false),
    Boolean,
    15_000,
  );
  if (!ready) throw new Error(`Firefox did not open ${url}`);
  return tab;
}

/** Evaluates an expression (promises awaited) in the extension page kept for API calls. */
export function extensionEval<T>(session: FirefoxSession, expression: string): Promise<T> {
  return session.api.evaluate(expression) as Promise<T>;
}

/** The tab id of a page, asked through the extension (it may see the URLs of its hosts). */
export async function firefoxTabId(session: FirefoxSession, page: Page): Promise<number> {
  const url = page.url();
  const id = await extensionEval<number>(
    session,
    `browser.tabs.query({}).then((tabs) => (tabs.find((t) => t.url === ${JSON.stringify(url)}) || { id: -1 }).id)`,
  );
  if (id < 0) throw new Error(`No tab found for ${url}`);
  return id;
}

export function firefoxToolbarText(session: FirefoxSession, tabId: number): Promise<string> {
  return extensionEval<string>(session, `browser.action.getBadgeText({ tabId: ${tabId} })`);
}

/** Every contract-2 badge of the page and its frames, in order. */
export async function firefoxBadges(page: Page): Promise<BadgeInfo[]> {
  const all: BadgeInfo[] = [];
  for (const frame of page.frames()) {
    all.push(...((await frame.evaluate(COLLECT_BADGES).catch(() => [])) as BadgeInfo[]));
  }
  return all;
}

export async function firefoxFieldWarnings(page: Page): Promise<FieldWarningInfo[]> {
  return (await page.evaluate(COLLECT_FIELD_WARNINGS)) as FieldWarningInfo[];
}

/** A BiDi node as script.evaluate serializes it. */
interface BidiNode {
  type: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}

function serializeBidiNode(node: BidiNode): string {
  const value = node.value;
  if (!value) return '';
  if (value.nodeType === 3) return value.nodeValue ?? '';
  if (value.nodeType === 8) return '';
  const shadow = value.shadowRoot ? `<#shadow-root>${serializeBidiNode(value.shadowRoot)}</#shadow-root>` : '';
  const inner = shadow + (value.children ?? []).map(serializeBidiNode).join('');
  if (value.nodeType !== 1) return inner;
  const attrs = Object.entries(value.attributes ?? {})
    .map(([name, v]) => ` ${name}="${v}"`)
    .join('');
  return `<${value.localName}${attrs}>${inner}</${value.localName}>`;
}

/**
 * The markup the extension added to a page: every element marked data-webhook-doctor with its
 * closed shadow root. WebDriver BiDi serializes closed shadow trees when asked to
 * (includeShadowTree: 'all'); the page itself cannot see them.
 */
export async function firefoxExtensionMarkup(session: FirefoxSession, page: Page): Promise<string[]> {
  const connection = (session.browser as unknown as { connection: { send(method: string, params: unknown): Promise<{ result: unknown }> } })
    .connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const reply = (
    await connection.send('script.evaluate', {
      expression: `[...document.querySelectorAll('[data-webhook-doctor]')].filter((el) => !el.parentElement || !el.parentElement.closest('[data-webhook-doctor]'))`,
      target: { context },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 50, includeShadowTree: 'all' },
    })
  ).result as { type: string; result?: { value?: BidiNode[] }; exceptionDetails?: { text: string } };
  if (reply.type !== 'success') throw new Error(`markup read failed: ${reply.exceptionDetails?.text ?? reply.type}`);
  return (reply.result?.value ?? []).map(serializeBidiNode);
}
