/// <reference types="chrome" />
// Loads the built extension (dist/) into Debian's Chromium and serves fixture pages at real ESP URLs.
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findBrowser } from '../../scripts/find-browser';
import { COLLECT_BADGES, COLLECT_FIELD_WARNINGS, waitFor, type BadgeInfo, type FieldWarningInfo } from './page-reads';

export { waitFor, type BadgeInfo, type FieldWarningInfo } from './page-reads';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The Chromium binary (CHROMIUM_PATH or the usual places); throws one clear line when there is none. */
export const chromiumPath = (): string => findBrowser('chromium');

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
  /** The unpacked extension's directory (absolute). */
  distDir: string;
}

export interface LaunchOptions {
  distDir?: string;
  headed?: boolean;
  viewport?: { width: number; height: number };
  /** More unpacked extensions to load next to ours (absolute paths or relative to the repo). */
  extraExtensions?: string[];
  /** Enables CDP's Extensions domain (needed by reloadExtension). */
  extensionDebugging?: boolean;
}

/** The path of an extension's background service worker, from its manifest. */
function serviceWorkerPath(dir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
  return `/${(manifest.background?.service_worker ?? '').replace(/^\//, '')}`;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const dist = path.resolve(ROOT, options.distDir ?? 'dist');
  if (!existsSync(path.join(dist, 'manifest.json'))) {
    throw new Error(`No built extension in ${dist}: run "npm run build" first.`);
  }
  const extensions = [dist, ...(options.extraExtensions ?? []).map((dir) => path.resolve(ROOT, dir))];
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'webhook-doctor-'));
  const headless = !options.headed;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false, // headless mode is chosen by the flag below: the new headless runs extensions
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      ...(headless ? CHROMIUM_FLAGS : CHROMIUM_FLAGS.filter((f) => !f.startsWith('--headless'))),
      `--disable-extensions-except=${extensions.join(',')}`,
      `--load-extension=${extensions.join(',')}`,
      ...(options.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
    ],
  });
  // With several extensions loaded, ours is the worker running our manifest's background script
  // (until its id is known) and then the worker of our extension id.
  const ownScript = serviceWorkerPath(dist);
  let extensionId = '';
  const isOurs = (w: Worker): boolean => {
    const url = new URL(w.url());
    return url.protocol === 'chrome-extension:' && (extensionId ? url.host === extensionId : url.pathname === ownScript);
  };
  const worker = async (): Promise<Worker> => {
    // After a reload or a worker restart the list can still hold the old, closed worker: newest
    // first, and only one that answers.
    for (const candidate of context.serviceWorkers().filter(isOurs).reverse()) {
      if (
        await candidate.evaluate('1').then(
          () => true,
          () => false,
        )
      )
        return candidate;
    }
    return context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
  };
  const first = await worker();
  extensionId = new URL(first.url()).host;
  return {
    context,
    extensionId,
    worker,
    distDir: dist,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Reloads our unpacked extension as the Reload button of chrome://extensions does (an update:
 * same id, runtime.onInstalled with reason "update"). Needs `extensionDebugging` at launch.
 * chrome.runtime.reload() is no substitute here: it leaves an extension loaded from the command
 * line disabled.
 */
export async function reloadExtension(session: ExtensionSession): Promise<void> {
  const browser = session.context.browser();
  if (!browser) throw new Error('reloadExtension needs the browser of the context');
  // The old worker can still answer for a moment after the reload: wait for the new one, so that
  // no caller talks to the instance on its way out ("Service worker restarted").
  const newWorker = session.context.waitForEvent('serviceworker', {
    predicate: (w) => w.url().startsWith(`chrome-extension://${session.extensionId}/`),
    timeout: 15_000,
  });
  newWorker.catch(() => undefined); // awaited below; a failed reload throws first
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: session.distDir } as never)) as { id: string };
    if (id !== session.extensionId) throw new Error(`reloaded as ${id}, expected ${session.extensionId}`);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  await newWorker;
}

/** What a page's worlds (the page's own and the content script's isolated one) logged or threw. */
export interface PageLog {
  entries: { kind: 'console' | 'exception' | 'log'; level: string; contextId: number | null; text: string }[];
  /** Execution contexts by id: their name ('' for the page, the extension name for ours). */
  contexts: Map<number, { name: string; type: string }>;
  stop: () => Promise<void>;
}

function remoteText(arg: { value?: unknown; description?: string; unserializableValue?: string }): string {
  if (arg.value !== undefined) return typeof arg.value === 'string' ? arg.value : JSON.stringify(arg.value);
  return arg.description ?? arg.unserializableValue ?? '';
}

/**
 * Records console calls, uncaught exceptions and browser log entries of a page in every world
 * (Playwright's own events leave out the extension's isolated world). Start it before `goto`.
 */
export async function recordPageLog(session: ExtensionSession, page: Page): Promise<PageLog> {
  const cdp = await session.context.newCDPSession(page);
  const log: PageLog = { entries: [], contexts: new Map(), stop: () => cdp.detach().catch(() => undefined) };
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = (context.auxData ?? {}) as { type?: string };
    log.contexts.set(context.id, { name: context.name, type: aux.type ?? '' });
  });
  cdp.on('Runtime.consoleAPICalled', (event) => {
    log.entries.push({
      kind: 'console',
      level: event.type,
      contextId: event.executionContextId,
      text: event.args.map(remoteText).join(' '),
    });
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    const text = exceptionDetails.exception?.description ?? exceptionDetails.text;
    log.entries.push({ kind: 'exception', level: 'error', contextId: exceptionDetails.executionContextId ?? null, text });
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    log.entries.push({
      kind: 'log',
      level: entry.level,
      contextId: null,
      text: `${entry.source}: ${entry.text} ${entry.url ?? ''}`.trim(),
    });
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return log;
}

/**
 * Evaluates expressions in our content script's isolated world of a page's top frame (it has
 * the extension's messaging API, as the content script does). Found through the execution
 * context that Chromium names after the extension.
 */
export async function contentScriptWorld(session: ExtensionSession, page: Page, timeoutMs = 10_000) {
  const cdp = await session.context.newCDPSession(page);
  const worlds: { id: number; name: string; frameId: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = (context.auxData ?? {}) as { type?: string; frameId?: string };
    if (aux.type === 'isolated') worlds.push({ id: context.id, name: context.name, frameId: aux.frameId ?? '' });
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    const index = worlds.findIndex((w) => w.id === executionContextId);
    if (index >= 0) worlds.splice(index, 1);
  });
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const name = await (await session.worker()).evaluate(() => chrome.runtime.getManifest().name);
  const deadline = Date.now() + timeoutMs;
  const find = () => worlds.findLast((w) => w.name === name && w.frameId === frameTree.frame.id);
  while (!find() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (!find()) throw new Error(`No "${name}" world in ${page.url()}`);
  return {
    /** Evaluates a JavaScript expression there; awaits promises, returns the JSON value. */
    async evaluate<T>(expression: string): Promise<T> {
      const world = find();
      if (!world) throw new Error('The content script world is gone');
      const reply = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
      if (reply.exceptionDetails)
        throw new Error(`content world: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
      return reply.result.value as T;
    },
    close: () => cdp.detach().catch(() => undefined),
  };
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

function serializeNode(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeType === 8) return '';
  const inner = [
    ...(node.shadowRoots ?? []).map((root) => `<#shadow-root>${serializeNode(root)}</#shadow-root>`),
    ...(node.children ?? []).map(serializeNode),
  ].join('');
  if (node.nodeType !== 1) return inner;
  const attrs = node.attributes ?? [];
  let open = node.nodeName.toLowerCase();
  for (let i = 0; i + 1 < attrs.length; i += 2) open += ` ${attrs[i]}="${attrs[i + 1]}"`;
  return `<${open}>${inner}</${node.nodeName.toLowerCase()}>`;
}

/**
 * The markup the extension added to a page: every element marked data-webhook-doctor with its
 * closed shadow root, as DevTools sees it (CDP pierces closed roots; the page cannot).
 */
export async function extensionMarkup(session: ExtensionSession, page: Page): Promise<string[]> {
  const cdp = await session.context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
    const found: string[] = [];
    const visit = (node: DomNode) => {
      const attrs = node.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) {
        if (attrs[i] === 'data-webhook-doctor') {
          found.push(serializeNode(node));
          return;
        }
      }
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])])
        visit(child);
    };
    visit(root);
    return found;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
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
export async function readFieldWarnings(page: Page): Promise<FieldWarningInfo[]> {
  return page.evaluate<FieldWarningInfo[]>(COLLECT_FIELD_WARNINGS);
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
  return worker.evaluate(
    async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      color: (await chrome.action.getBadgeBackgroundColor({ tabId: id })) as unknown as number[],
    }),
    tabId,
  );
}

/** The toolbar text once it reads `expected`, or what it reads when the wait runs out. */
export async function toolbarTextOnce(session: ExtensionSession, tabId: number, expected: string, timeoutMs?: number): Promise<string> {
  return (
    await waitFor(
      () => toolbarBadge(session, tabId),
      (b) => b.text === expected,
      timeoutMs,
    )
  ).text;
}

/**
 * The real toolbar popup, opened with chrome.action.openPopup() from the worker while the page's
 * tab is active. Playwright does not list it, so it is driven through CDP's Target domain.
 */
export class ToolbarPopup {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private eventListeners: ((method: string, params: Record<string, unknown>) => void)[] = [];

  private constructor(
    private cdp: CDPSession,
    private sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
      };
      if (message.id === undefined && message.method) {
        for (const listener of this.eventListeners) listener(message.method, message.params ?? {});
        return;
      }
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

  /** Calls `listener` with every CDP event of the popup (enable a domain to get its events). */
  onEvent(listener: (method: string, params: Record<string, unknown>) => void): void {
    this.eventListeners.push(listener);
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

  /** A real mouse click (trusted, with user activation) in the middle of the first match. */
  async click(selector: string): Promise<void> {
    const box = await this.evaluate<{ x: number; y: number } | null>(`(() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`);
    if (!box) throw new Error(`popup: nothing matches ${selector}`);
    for (const type of ['mousePressed', 'mouseReleased']) {
      await this.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
    }
  }

  /** Presses a key as a user would (Enter on a focused button clicks it). */
  async press(key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'Enter' | 'Escape' | 'Tab'): Promise<void> {
    const codes = { ArrowDown: 40, ArrowUp: 38, Home: 36, End: 35, Enter: 13, Escape: 27, Tab: 9 };
    const text = key === 'Enter' ? { text: '\r', unmodifiedText: '\r' } : {};
    await this.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code: key, windowsVirtualKeyCode: codes[key], ...text });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode: codes[key] });
  }

  /** Types into a field as a user would: focus it, replace its text, fire input events. */
  async fill(selector: string, text: string): Promise<void> {
    const found = await this.evaluate<boolean>(`(() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el) return false;
      el.focus();
      el.select?.();
      return true;
    })()`);
    if (!found) throw new Error(`popup: nothing matches ${selector}`);
    await this.send('Input.insertText', { text });
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
