/// <reference types="chrome" />
// Loads the built extension (dist/) into Debian's Chromium and serves fixture pages at real ESP URLs.
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that headless Chromium needs as root on a machine without network. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: () => Promise<Worker>;
  close: () => Promise<void>;
}

export async function launchWithExtension(
  options: { distDir?: string; headed?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<ExtensionSession> {
  const dist = path.resolve(ROOT, options.distDir ?? 'dist');
  if (!existsSync(path.join(dist, 'manifest.json'))) {
    throw new Error(`No built extension in ${dist}: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'webhook-doctor-'));
  const headless = !options.headed;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // headless mode is chosen by the flag below: the new headless runs extensions
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      ...(headless ? CHROMIUM_FLAGS : CHROMIUM_FLAGS.filter((f) => !f.startsWith('--headless'))),
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
    ],
  });
  const worker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return running ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  const first = await worker();
  const extensionId = new URL(first.url()).host;
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface ServedPage {
  url: string;
  file: string; // relative to test/fixtures
}

/** Serves each fixture at its URL; other URLs on the same hosts get a plain 404 page. */
export async function serveFixtures(context: BrowserContext, pages: ServedPage[]): Promise<void> {
  const byUrl = new Map(pages.map((p) => [stripHash(p.url), p.file]));
  const origins = new Set(pages.map((p) => new URL(p.url).origin));
  for (const origin of origins) {
    await context.route(`${origin}/**`, (route) => {
      const file = byUrl.get(stripHash(route.request().url()));
      if (!file) return route.fulfill({ status: 404, contentType: 'text/html', body: '<p>Not a fixture</p>' });
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(path.join(ROOT, 'test/fixtures', file)),
      });
    });
  }
}

/** Serves an HTML string at a URL (for generated pages). */
export async function serveHtml(context: BrowserContext, url: string, html: string | (() => string)): Promise<void> {
  await context.route(stripHash(url), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: typeof html === 'string' ? html : html() }),
  );
}

function stripHash(url: string): string {
  return url.replace(/#.*$/, '');
}

export interface BadgeInfo {
  code: string;
  problem: string;
  rowText: string;
}

/**
 * Collects contract-2 badges from the document and its open shadow roots. Kept as a string: tsx
 * adds name helpers to functions, which do not exist inside the page.
 */
const COLLECT_BADGES = `(() => {
  const out = [];
  const stack = [document];
  while (stack.length) {
    const root = stack.pop();
    for (const badge of root.querySelectorAll('[data-webhook-doctor="badge"]')) {
      const row = (badge.parentElement && badge.parentElement.closest('tr, li, [role="row"]')) || badge.parentElement;
      out.push({
        code: badge.dataset.code || '',
        problem: badge.dataset.problem || '',
        rowText: ((row && row.textContent) || '').replace(/\\s+/g, ' ').trim().slice(0, 300),
      });
    }
    const hosts = [...root.querySelectorAll('*')].filter((el) => el.shadowRoot);
    for (let i = hosts.length - 1; i >= 0; i -= 1) stack.push(hosts[i].shadowRoot);
  }
  return out;
})()`;

/** Every contract-2 badge in the page, its open shadow roots and same-origin frames, in order. */
export async function readBadges(page: Page): Promise<BadgeInfo[]> {
  const all: BadgeInfo[] = [];
  for (const frame of page.frames()) {
    const found = await frame.evaluate<BadgeInfo[]>(COLLECT_BADGES).catch(() => []);
    all.push(...found);
  }
  return all;
}

/** Every contract-2 field warning: its problem and the field it follows. */
export async function readFieldWarnings(page: Page): Promise<{ problem: string; afterId: string; afterName: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-webhook-doctor="field-warning"]')].map((w) => {
      let prev = w.previousElementSibling;
      while (prev && prev.getAttribute('data-webhook-doctor') === 'field-warning') prev = prev.previousElementSibling;
      return { problem: w.dataset.problem ?? '', afterId: prev?.id ?? '', afterName: prev?.getAttribute('name') ?? '' };
    }),
  );
}

/** The tab id of a page, asked from the worker (it has host permissions for ESP URLs). */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const worker = await session.worker();
  const url = page.url();
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab found for ${url}`);
  return id;
}

/** The toolbar badge text and colour for a tab. */
export async function toolbarBadge(session: ExtensionSession, tabId: number): Promise<{ text: string; color: number[] }> {
  const worker = await session.worker();
  return worker.evaluate(async (id) => ({
    text: await chrome.action.getBadgeText({ tabId: id }),
    color: (await chrome.action.getBadgeBackgroundColor({ tabId: id })) as unknown as number[],
  }), tabId);
}

/** Waits until a condition on the page holds, polling; returns the last value. */
export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/**
 * The real toolbar popup, opened with chrome.action.openPopup() from the worker while the page's
 * tab is active. Playwright does not list it, so it is driven through CDP's Target domain.
 */
export class ToolbarPopup {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private cdp: CDPSession, private sessionId: string) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  static async open(session: ExtensionSession, page: Page): Promise<ToolbarPopup> {
    await page.bringToFront();
    const worker = await session.worker();
    const opened = await worker.evaluate(async () => {
      try {
        await chrome.action.openPopup();
        return 'ok';
      } catch (error) {
        return String(error);
      }
    });
    if (opened !== 'ok') throw new Error(`openPopup failed: ${opened}`);
    const cdp = await session.context.newCDPSession(page);
    const popupUrl = `chrome-extension://${session.extensionId}/src/popup/index.html`;
    const deadline = Date.now() + 10_000;
    let targetId: string | undefined;
    while (!targetId && Date.now() < deadline) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      targetId = targetInfos.find((t) => t.url.startsWith(popupUrl))?.targetId;
      if (!targetId) await new Promise((r) => setTimeout(r, 100));
    }
    if (!targetId) throw new Error('The toolbar popup did not open');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new ToolbarPopup(cdp, sessionId);
  }

  async send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const result = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return (await result) as T;
  }

  /** Evaluates an expression in the popup and returns its JSON value (awaits promises). */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
      expression,
      returnByValue: true,
      awaitPromise: true,
    });
    if (reply.exceptionDetails) throw new Error(`popup evaluate failed: ${reply.exceptionDetails.text}`);
    return reply.result.value as T;
  }

  /** Waits for an expression to be truthy in the popup. */
  async waitFor(expression: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await this.evaluate<boolean>(`Boolean(${expression})`).catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`popup: timed out waiting for ${expression}`);
  }

  async screenshot(): Promise<Buffer> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(data, 'base64');
  }

  async close(): Promise<void> {
    await this.evaluate('window.close()').catch(() => undefined);
    await this.cdp.detach().catch(() => undefined);
  }
}
