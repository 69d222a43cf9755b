// Red-team attacks against the built extension in real Chromium: a hostile (or careless) page
// aims CSS at our hosts, hooks DOM prototypes, forges our events and badges, re-renders or fights
// its rows, replaces its document, hides its rows, makes its rows links, hides tokens where the
// redactor did not look, and uses lookalike digits. test/e2e/README-attacks.md lists every attack
// with its result; each test here prints the figure it checks.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { leakedPieces } from '../fuzz/vocabulary';
import { EDITOR_HTML, EDITOR_URL, TOKEN } from './token-sentinel';
import {
  extensionMarkup,
  launchWithExtension,
  readBadges,
  readFieldWarnings,
  recordPageLog,
  serveHtml,
  tabIdOf,
  toolbarBadge,
  toolbarTextOnce,
  ToolbarPopup,
  waitFor,
  type ExtensionSession,
} from './harness';

const ORIGIN = 'https://app.iterable.com';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
});

function report(name: string, values: unknown): void {
  console.log(`[red-team] ${name}: ${JSON.stringify(values)}`);
}

async function open(name: string, html: string): Promise<Page> {
  const url = `${ORIGIN}/e2e/red-team/${name}`;
  await serveHtml(session.context, url, html);
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

const LOG = '<ul id="log"><li id="r1">HTTP 500 Internal Server Error</li><li>ok</li><li id="r2">HTTP 403 Forbidden</li></ul>';

/** What the page can see of the badge in a row: its box, whether it shows, what is drawn at its centre. */
const HOST_VIEW = `((rowId) => {
  const host = document.querySelector('#' + rowId + ' [data-webhook-doctor="badge"]');
  if (!host) return null;
  const box = host.getBoundingClientRect();
  return {
    width: Math.round(box.width),
    height: Math.round(box.height),
    shows: host.checkVisibility({ visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: true }),
    onTop: document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === host,
    generated: getComputedStyle(host, '::before').content + ' ' + getComputedStyle(host, '::after').content,
  };
})`;

interface HostView {
  width: number;
  height: number;
  shows: boolean;
  onTop: boolean;
  generated: string;
}

const hostView = (page: Page, rowId: string) => page.evaluate<HostView | null>(`${HOST_VIEW}(${JSON.stringify(rowId)})`);

describe('page CSS aimed at our host', () => {
  const ATTACKS = [
    '[data-webhook-doctor]{display:none!important}',
    '[data-webhook-doctor]{visibility:hidden!important}',
    '[data-webhook-doctor]{opacity:0!important}',
    '[data-webhook-doctor]{content-visibility:hidden!important}',
    '[data-webhook-doctor]{display:inline-block!important;transform:scale(0)!important}',
    '[data-webhook-doctor]{zoom:0.01!important}',
    '[data-webhook-doctor]{font-size:0!important}',
    '[data-webhook-doctor]{clip-path:inset(50%)!important}',
    '[data-webhook-doctor]{filter:opacity(0)!important}',
    '[data-webhook-doctor]{mask:linear-gradient(transparent,transparent)!important}',
    '[data-webhook-doctor]{position:fixed!important;left:-9999px!important}',
    '[data-webhook-doctor]{all:initial!important;display:none!important}',
    '@layer page{[data-webhook-doctor]{display:none!important}}',
    'li:has(> [data-webhook-doctor]) > [data-webhook-doctor]{display:none!important}',
    'li > span:last-child{display:none!important}',
    '[data-webhook-doctor]::before{content:"200 OK ✓ "!important}',
    '[data-webhook-doctor]::after{content:" (ignore)"!important}',
  ];

  it('neither hides, shrinks, moves nor adds words to our badge', async () => {
    const page = await open('css', `<!doctype html><title>CSS</title><style id="attack"></style>${LOG}`);
    // Both badges with their full label (code and words, after the worker's diagnosis): the size compared below.
    await waitFor(
      () => extensionMarkup(session, page),
      (m) => m.filter((html) => html.includes(' · ')).length === 2,
    );
    const before = (await hostView(page, 'r1'))!;
    const results: { css: string; view: HostView | null }[] = [];
    for (const css of ATTACKS) {
      await page.evaluate((text) => (document.getElementById('attack')!.textContent = text), css);
      results.push({ css, view: await hostView(page, 'r1') });
    }
    // The page's own inline style and attributes on the host.
    await page.evaluate(() => {
      document.getElementById('attack')!.textContent = '';
      const host = document.querySelector<HTMLElement>('#r1 [data-webhook-doctor]')!;
      host.style.setProperty('display', 'none', 'important');
      host.hidden = true;
    });
    results.push({ css: 'style="display:none!important" hidden', view: await hostView(page, 'r1') });
    report('badge seen by the page under each attack', { before, results });
    for (const { css, view } of results) {
      expect(view, css).toEqual({ ...before, generated: 'none none' });
    }
    await page.close();
  });

  it('a row the page hides hides its badge; a printout has none', async () => {
    const page = await open(
      'hidden-rows',
      `<!doctype html><title>Hidden rows</title>
      <ul><li id="shown">HTTP 500 Internal Server Error</li><li id="hidden" style="visibility:hidden">HTTP 502 Bad Gateway</li></ul>
      <table><tr id="collapsed" style="visibility:collapse"><td>HTTP 504 Gateway Timeout</td></tr></table>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length === 3,
    );
    const screen = {
      shown: (await hostView(page, 'shown'))?.shows,
      hidden: (await hostView(page, 'hidden'))?.shows,
      collapsed: (await hostView(page, 'collapsed'))?.shows,
    };
    await page.emulateMedia({ media: 'print' });
    const print = (await hostView(page, 'shown'))?.shows;
    report('badges that show', { screen, print });
    expect(screen).toEqual({ shown: true, hidden: false, collapsed: false });
    expect(print, 'a badge in the printout').toBe(false);
    await page.close();
  });
});

describe('page CSS aimed at our field warnings', () => {
  it('adds no words to a warning; a field group the page hides hides its warning', async () => {
    await serveHtml(session.context, EDITOR_URL, EDITOR_HTML);
    const page = await session.context.newPage();
    await page.goto(EDITOR_URL);
    await page.fill('#header-value-1', TOKEN);
    await waitFor(
      () => readFieldWarnings(page),
      (w) => w.some((x) => x.problem === 'missing-bearer-prefix'),
    );
    const WARNING = `document.querySelector('[data-webhook-doctor="field-warning"][data-problem="missing-bearer-prefix"]')`;
    const view = () =>
      page.evaluate<{ shows: boolean; generated: string }>(`(() => {
        const host = ${WARNING};
        return { shows: host.checkVisibility({ visibilityProperty: true }), generated: getComputedStyle(host, '::before').content };
      })()`);
    await page.addStyleTag({ content: '[data-webhook-doctor]::before{content:"Looks good ✓ "!important}' });
    const styled = await view();
    await page.evaluate(`${WARNING}.parentElement.style.visibility = 'hidden'`);
    const hidden = await view();
    report('field warning under page CSS', { styled, hidden });
    expect(styled).toEqual({ shows: true, generated: 'none' });
    expect(hidden.shows).toBe(false);
    await page.close();
  });
});

describe('the main world cannot reach into the content script', () => {
  it('prototype hooks see none of our calls; the shadow roots stay closed; the page reads its rows as before', async () => {
    const page = await open(
      'prototypes',
      `<!doctype html><title>Prototypes</title>
      <script>
        // Every DOM method a content script might call, hooked; attachShadow forced open and kept.
        window.calls = [];
        window.roots = [];
        for (const [proto, name] of [[Element.prototype, 'append'], [Node.prototype, 'appendChild'], [Node.prototype, 'insertBefore'],
            [Element.prototype, 'setAttribute'], [Element.prototype, 'querySelectorAll'], [Document.prototype, 'createElement'],
            [Document.prototype, 'createTreeWalker'], [Element.prototype, 'getBoundingClientRect'], [window, 'getComputedStyle']]) {
          const original = proto[name];
          proto[name] = function (...args) { window.calls.push(name); return original.apply(this, args); };
        }
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) { const root = attach.call(this, { ...init, mode: 'open' }); window.roots.push(root); return root; };
        customElements.define('webhook-doctor-badge', class extends HTMLElement {});
      </script>${LOG}`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length === 2,
    );
    const seen = await page.evaluate(() => {
      const row = document.getElementById('r1')!;
      const selection = getSelection()!;
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('log')!);
      selection.removeAllRanges();
      selection.addRange(range);
      const hosts = [...document.querySelectorAll('[data-webhook-doctor="badge"]')];
      const scope = window as unknown as { calls: string[]; roots: ShadowRoot[] };
      return {
        calls: scope.calls.length,
        roots: scope.roots.length,
        openRoots: hosts.filter((h) => h.shadowRoot !== null).length,
        hostText: hosts.map((h) => h.textContent).join(''),
        innerText: row.innerText,
        textContent: row.textContent,
        selected: selection.toString(),
      };
    });
    report('what the page saw', seen);
    expect(seen).toEqual({
      calls: 0,
      roots: 0,
      openRoots: 0,
      hostText: '',
      innerText: 'HTTP 500 Internal Server Error',
      textContent: 'HTTP 500 Internal Server Error',
      selected: 'HTTP 500 Internal Server Error\nok\nHTTP 403 Forbidden',
    });
    await page.close();
  });
});

describe('events a page fires in our name', () => {
  it('a page-made pagehide does not take its findings off the toolbar', async () => {
    const page = await open('pagehide', `<!doctype html><title>Pagehide</title>${LOG}`);
    const tab = await tabIdOf(session, page);
    expect(await toolbarTextOnce(session, tab, '2')).toBe('2');
    await page.evaluate(() => {
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      window.postMessage({ type: 'page-gone' }, '*');
      document.dispatchEvent(new CustomEvent('webhook-doctor:instance'));
    });
    await page.waitForTimeout(1500);
    const after = await toolbarBadge(session, tab);
    report('toolbar after the page fired pagehide', after.text);
    expect(after.text).toBe('2');
    await page.close();
  });
});

describe('rows that are links', () => {
  it('a click on the badge opens our card and does not follow the link', async () => {
    const page = await open(
      'links',
      `<!doctype html><title>Links</title>
      <div id="list"><a class="row" href="#followed" style="display:block"><div>HTTP 500 Internal Server Error</div><div>10:00</div></a>
      <a class="row" href="#other" style="display:block"><div>Delivered</div><div>10:01</div></a></div>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length === 1,
    );
    await page.locator('[data-webhook-doctor="badge"]').click();
    const card = await waitFor(
      () => extensionMarkup(session, page),
      (m) => m.some((html) => html.includes('role="dialog"')),
      5_000,
    );
    const hash = await page.evaluate(() => location.hash);
    report('after a click on the badge', { hash, card: card.some((html) => html.includes('role="dialog"')) });
    expect(hash, 'the link was followed').toBe('');
    expect(card.some((html) => html.includes('role="dialog"'))).toBe(true);
    await page.close();
  });
});

describe("our card among the page's boxes", () => {
  /** The open card's border box in the viewport, as DevTools sees it (the page cannot: the root is closed). */
  async function cardBox(page: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const cdp = await session.context.newCDPSession(page);
    try {
      interface Node {
        nodeId: number;
        attributes?: string[];
        children?: Node[];
        shadowRoots?: Node[];
      }
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: Node };
      const find = (node: Node): Node | null => {
        const attrs = node.attributes ?? [];
        for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'role' && attrs[i + 1] === 'dialog') return node;
        for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
          const found = find(child);
          if (found) return found;
        }
        return null;
      };
      const dialog = find(root);
      if (!dialog) return null;
      const { model } = await cdp.send('DOM.getBoxModel', { nodeId: dialog.nodeId });
      const [x, y] = model.border as [number, number];
      return { x, y, width: model.width, height: model.height };
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  const PAGES: Record<string, string> = {
    // A virtualised list: rows placed with transforms inside a scroller that clips.
    'a transformed row in a clipping scroller': `<div style="height:300px;overflow:auto;position:relative;margin-top:200px">
      <div style="height:2000px;position:relative"><div style="position:absolute;top:0;left:0;right:0;transform:translateY(120px)">
      HTTP 500 Internal Server Error</div></div></div>`,
    'a row inside contain:paint': `<div style="contain:paint;height:40px"><ul><li>HTTP 500 Internal Server Error</li></ul></div>`,
    'a page overlay at the top z-index': `<ul><li>HTTP 500 Internal Server Error</li></ul>
      <div id="cover" hidden style="position:fixed;inset:0;z-index:2147483647;background:#fff"></div>`,
  };

  it.each(Object.keys(PAGES))('opens under its badge and on top of %s', async (name) => {
    const page = await open(
      `card-${name.replace(/\W+/g, '-')}`,
      `<!doctype html><title>Card</title><body style="margin:0">${PAGES[name]}</body>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length === 1,
    );
    await page.locator('[data-webhook-doctor="badge"]').click();
    await page.evaluate(() => document.getElementById('cover')?.removeAttribute('hidden'));
    const card = await waitFor(
      () => cardBox(page),
      (box) => box !== null,
      5_000,
    );
    const seen = await page.evaluate((box) => {
      const host = document.querySelector('[data-webhook-doctor="badge"]')!;
      const badge = host.getBoundingClientRect();
      // What is drawn at the card's centre and near its corners: our host (the page cannot see into it) or a page box.
      const points = [
        [box.x + box.width / 2, box.y + box.height / 2],
        [box.x + 4, box.y + 4],
        [box.x + box.width - 4, box.y + box.height - 4],
      ];
      return {
        gap: Math.round(box.y - badge.bottom),
        onTop: points.map(([x, y]) => document.elementFromPoint(x!, y!) === host),
      };
    }, card!);
    report(`card over ${name}`, { card, ...seen });
    expect(seen.gap, 'the card sits right under its badge').toBeGreaterThanOrEqual(0);
    expect(seen.gap).toBeLessThan(12);
    expect(seen.onTop).toEqual([true, true, true]);
    await page.close();
  });
});

describe('a page that re-renders or fights its rows', () => {
  it('keeps the badge of a row whose text the page sets again on every poll', async () => {
    const page = await open(
      'poll',
      `<!doctype html><title>Poll</title>${LOG}
      <script>
        window.renders = 0;
        const poll = setInterval(() => {
          for (const li of document.querySelectorAll('#log li')) li.textContent = li.textContent;
          if (++window.renders === 8) clearInterval(poll);
        }, 700);
      </script>`,
    );
    await waitFor(
      () => page.evaluate(() => (window as unknown as { renders: number }).renders),
      (n) => n === 8,
      15_000,
    );
    const badges = await waitFor(
      () => readBadges(page),
      (b) => b.length === 2,
      3_000,
    );
    report('badges after eight re-renders', badges.length);
    expect(badges.map((b) => b.code)).toEqual(['500', '403']);
    await page.close();
  });

  it('stops putting back a badge the page removes whenever it appears; the toolbar still counts it', async () => {
    const page = await open('fight', `<!doctype html><title>Fight</title>${LOG}`);
    const tab = await tabIdOf(session, page);
    expect(await toolbarTextOnce(session, tab, '2')).toBe('2');
    await page.evaluate(() => {
      (window as unknown as { removed: number }).removed = 0;
      const removeOurs = () => {
        for (const badge of document.querySelectorAll('[data-webhook-doctor-owner]')) {
          badge.remove();
          (window as unknown as { removed: number }).removed++;
        }
      };
      new MutationObserver(removeOurs).observe(document.body, { childList: true, subtree: true });
      removeOurs();
    });
    await page.waitForTimeout(1500);
    const removed = await page.evaluate(() => (window as unknown as { removed: number }).removed);
    const badges = await readBadges(page);
    report('a fighting page', { removed, badges: badges.length, toolbar: (await toolbarBadge(session, tab)).text });
    expect(badges).toEqual([]);
    expect(removed, 'we gave up after a few rounds').toBeLessThanOrEqual(2 * 7);
    expect((await toolbarBadge(session, tab)).text).toBe('2');
    await page.close();
  });
});

describe('a page that replaces its document', () => {
  it('badges the new rows after documentElement is replaced and after document.open/write', async () => {
    const page = await open('replace', `<!doctype html><title>Replace</title>${LOG}`);
    const tab = await tabIdOf(session, page);
    expect(await toolbarTextOnce(session, tab, '2')).toBe('2');
    await page.evaluate(() => {
      const html = document.createElement('html');
      html.innerHTML = '<head><title>New</title></head><body><ul><li>HTTP 502 Bad Gateway</li></ul></body>';
      document.replaceChild(html, document.documentElement);
    });
    const replaced = await waitFor(
      () => readBadges(page),
      (b) => b.length === 1 && b[0]!.code === '502',
    );
    expect(await toolbarTextOnce(session, tab, '1')).toBe('1');
    await page.evaluate(() => {
      document.open();
      document.write('<!doctype html><title>Written</title><ul><li>HTTP 504 Gateway Timeout</li><li>HTTP 429 Too Many Requests</li></ul>');
      document.close();
    });
    const written = await waitFor(
      () => readBadges(page),
      (b) => b.length === 2,
    );
    report('after the document was replaced', { replaced: replaced.map((b) => b.code), written: written.map((b) => b.code) });
    expect(written.map((b) => b.code)).toEqual(['504', '429']);
    expect(await toolbarTextOnce(session, tab, '2')).toBe('2');
    await page.close();
  });
});

describe('badges the page forges', () => {
  it('count neither on the toolbar nor in the popup', async () => {
    const page = await open(
      'forged',
      `<!doctype html><title>Forged</title>
      <ul id="log"><li>HTTP 500 Internal Server Error</li><li>Delivered <span data-webhook-doctor="badge" data-code="401" data-problem="">401</span></li></ul>
      <p data-webhook-doctor="field-warning" data-problem="masked-token">forged warning</p>`,
    );
    const tab = await tabIdOf(session, page);
    expect(await toolbarTextOnce(session, tab, '1')).toBe('1');
    await page.waitForTimeout(1000);
    const popup = await ToolbarPopup.open(session, page);
    let keys: string[];
    try {
      await popup.waitFor(`document.querySelectorAll('li[data-key]').length >= 1`);
      keys = await popup.evaluate<string[]>(`[...document.querySelectorAll('li[data-key]')].map((li) => li.dataset.key)`);
    } finally {
      await popup.close();
    }
    const toolbar = (await toolbarBadge(session, tab)).text;
    report('forged badges', { toolbar, popup: keys });
    expect(toolbar).toBe('1');
    expect(keys).toEqual(['http:500']);
    await page.close();
  });
});

describe('our attribute on page content', () => {
  it('does not hide the rows inside it from the scan', async () => {
    const page = await open(
      'attribute-on-log',
      `<!doctype html><title>Attribute</title>
      <ul id="log" data-webhook-doctor=""><li>HTTP 500 Internal Server Error</li><li>ok</li></ul>
      <div data-webhook-doctor="badge" data-code="200"><p>HTTP 502 Bad Gateway</p></div>`,
    );
    const tab = await tabIdOf(session, page);
    const toolbar = await toolbarTextOnce(session, tab, '2');
    // Ours are the hosts with a shadow root; the page's element with our attribute is not one.
    const ours = await waitFor(
      async () => (await extensionMarkup(session, page)).filter((html) => html.includes('#shadow-root')).length,
      (n) => n === 2,
    );
    report('rows inside page elements that carry our attribute', { toolbar, badges: ours });
    expect({ toolbar, badges: ours }).toEqual({ toolbar: '2', badges: 2 });
    await page.close();
  });
});

const DIGIT_SECRETS = ['482913', '736105'];

describe('secrets the page shows in odd places', () => {
  const JWT = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3ZHRrIn0.${TOKEN}`;
  const ROWS = [
    // In attributes and form controls of a failing row: never read.
    `<li title="Bearer ${TOKEN}" aria-label="${TOKEN}" data-token="${TOKEN}">HTTP 401 Unauthorized <input value="${TOKEN}"><textarea>${TOKEN}</textarea></li>`,
    // Split by the page into inline pieces (highlighting, <wbr> so that it wraps) or invisible breaks.
    `<li>HTTP 401 Unauthorized · Authorization: Bearer <span>${TOKEN.slice(0, 10)}</span><span>${TOKEN.slice(10, 26)}</span><span>${TOKEN.slice(26)}</span></li>`,
    `<li>HTTP 403 Forbidden · sent ${TOKEN.slice(0, 10)}<wbr>${TOKEN.slice(10, 26)}<wbr>${TOKEN.slice(26)}</li>`,
    `<li>HTTP 404 Not Found · sent ${TOKEN.slice(0, 10)}\u200b${TOKEN.slice(10, 26)}\u200b${TOKEN.slice(26)}</li>`,
    `<li>HTTP 405 Method Not Allowed · sent ${TOKEN.slice(0, 10)}\u00ad${TOKEN.slice(10, 26)}\u00ad${TOKEN.slice(26)}</li>`,
    `<li>HTTP 500 Internal Server Error https://admin:${TOKEN}@api.example.com/hook</li>`,
    `<li>HTTP 502 Bad Gateway ${JWT}</li>`,
    `<li>HTTP 503 Service Unavailable {"password": "${TOKEN}"}</li>`,
    `<li>HTTP 504 Gateway Timeout X-Auth-Key: ${TOKEN.slice(0, 16)}</li>`,
    `<li>HTTP 409 Conflict <code>"x-api-key"</code>: <code>"${TOKEN}"</code></li>`,
    // In a sentence: no separator, or a short key word.
    `<li>HTTP 406 Not Acceptable · api key ${TOKEN.slice(0, 12)} was refused</li>`,
    `<li>HTTP 407 Proxy Authentication Required · pwd ${TOKEN.slice(12, 24)}</li>`,
    `<li>HTTP 408 Request Timeout · user ann pass: ${TOKEN.slice(20)}</li>`,
    // Round 3: a session in a cookie header, under a name that sounds like nothing secret.
    `<li>HTTP 410 Gone · Set-Cookie: sid=${TOKEN.slice(0, 14)}; Path=/; HttpOnly</li>`,
    `<li>HTTP 411 Length Required · Cookie: theme=dark; session=${TOKEN.slice(14, 28)}</li>`,
    // Round 4: a request dump that wraps the token at a fixed width; user info without a scheme.
    `<li style="white-space: pre-line">HTTP 412 Precondition Failed\nAuthorization: Bearer ${TOKEN.slice(0, 16)}\n${TOKEN.slice(16)}</li>`,
    `<li>HTTP 413 Content Too Large · push to deploy:${TOKEN.slice(8, 24)}@git.example.com/hooks.git</li>`,
    // Secrets made of digits, which no piece of the token can stand for: checked on their own.
    `<li>HTTP 414 URI Too Long · otp ${DIGIT_SECRETS[0]} · {"pin":"${DIGIT_SECRETS[1]}"}</li>`,
  ];

  it('reach neither storage, the toolbar title, the console nor what we add to the page', async () => {
    const url = `${ORIGIN}/e2e/red-team/secrets`;
    await serveHtml(session.context, url, `<!doctype html><title>Secrets</title><ul id="log">${ROWS.join('')}</ul>`);
    const page = await session.context.newPage();
    const log = await recordPageLog(session, page);
    await page.goto(url);
    const tab = await tabIdOf(session, page);
    expect(await toolbarTextOnce(session, tab, String(ROWS.length))).toBe(String(ROWS.length));
    await page.waitForTimeout(1000); // the last snapshot
    await page.locator('[data-webhook-doctor="badge"]').first().click();
    const markup = await waitFor(
      () => extensionMarkup(session, page),
      (m) => m.some((html) => html.includes('role="dialog"')),
      5_000,
    );
    const worker = await session.worker();
    const stored = JSON.stringify(
      await worker.evaluate(async () => ({
        local: await chrome.storage.local.get(null),
        session: await chrome.storage.session.get(null),
        sync: await chrome.storage.sync.get(null),
      })),
    );
    const title = await worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tab);
    // The page's own console lines hold no token; only what our world logged counts.
    const ours = [...log.contexts].filter(([, c]) => c.type === 'isolated').map(([id]) => id);
    const console = log.entries.filter((e) => e.contextId === null || ours.includes(e.contextId)).map((e) => e.text);
    await log.stop();
    const leaks = {
      storage: leakedPieces(TOKEN, stored),
      dom: leakedPieces(TOKEN, markup.join('\n')),
      title: leakedPieces(TOKEN, title),
      console: leakedPieces(TOKEN, console.join('\n')),
    };
    report('pieces of the token found', { leaks, title, consoleLines: console.length });
    expect(stored, 'the samples were stored').toMatch(/http:401[\s\S]*samples/);
    expect(leaks).toEqual({ storage: [], dom: [], title: [], console: [] });
    const digitLeaks = DIGIT_SECRETS.filter((digits) => [stored, ...markup, title, ...console].some((t) => t.includes(digits)));
    expect(digitLeaks).toEqual([]);
    await page.close();
  });
});

describe("secrets in the page's own address", () => {
  it('the path, query and fragment of the page reach neither storage nor the copied report', async () => {
    const path = `${ORIGIN}/e2e/red-team/hooks/T0000/B0000/${TOKEN}`;
    const query = `?token=${TOKEN}&view=log`;
    await serveHtml(session.context, path + query, `<!doctype html><title>Address</title>${LOG}`);
    const page = await session.context.newPage();
    await page.goto(`${path}${query}#access_token=${TOKEN}`);
    const tab = await tabIdOf(session, page);
    expect(await toolbarTextOnce(session, tab, '2')).toBe('2');
    await page.waitForTimeout(1000); // the last snapshot
    const worker = await session.worker();
    const stored = JSON.stringify(await worker.evaluate(() => chrome.storage.session.get(null)));
    const popup = await ToolbarPopup.open(session, page);
    let copied: string;
    try {
      await popup.waitFor(`document.querySelectorAll('li[data-key]').length >= 2`);
      await popup.evaluate(`navigator.clipboard.writeText = (text) => { window.copiedReport = text; return Promise.resolve(); }`);
      await popup.click('.copy button');
      await popup.waitFor(`window.copiedReport`);
      copied = await popup.evaluate<string>('window.copiedReport');
    } finally {
      await popup.close();
    }
    const leaks = { storage: leakedPieces(TOKEN, stored), report: leakedPieces(TOKEN, copied) };
    report('pieces of the token from the address', { leaks, page: /"url":"[^"]*"/.exec(stored)?.[0] });
    expect(copied, 'the report names the page').toContain(`${ORIGIN}/e2e/red-team/hooks/T0000/B0000/`);
    expect(stored).toContain(`"url":"${ORIGIN}/e2e/red-team/hooks/T0000/B0000/…"`);
    expect(leaks).toEqual({ storage: [], report: [] });
    await page.close();
  });
});

describe('status codes in disguise', () => {
  it('lookalike digits, joiners and bidi overrides make no badge; our label is isolated from the row', async () => {
    const page = await open(
      'disguise',
      `<!doctype html><title>Disguise</title><ul>
      <li>HTTP ４０３ Forbidden</li><li>HTTP ٤٠٣ Forbidden</li><li>HTTP 4\u200d03 Forbidden</li><li>HTTP \u202e305 Use Proxy</li>
      <li id="rtl" dir="rtl">\u202eHTTP 500 Internal Server Error</li></ul>`,
    );
    const badges = await waitFor(
      () => readBadges(page),
      (b) => b.length >= 1,
    );
    await page.waitForTimeout(1000);
    const host = await page.evaluate(() => {
      const el = document.querySelector('#rtl [data-webhook-doctor="badge"]');
      return el ? { direction: getComputedStyle(el).direction, bidi: getComputedStyle(el).unicodeBidi } : null;
    });
    report('badges in disguised rows', { codes: (await readBadges(page)).map((b) => b.code), host });
    expect((await readBadges(page)).map((b) => b.code)).toEqual(['500']);
    expect(badges.length).toBe(1);
    expect(host).toEqual({ direction: 'ltr', bidi: 'isolate' });
    await page.close();
  });
});

describe('rows the user edits', () => {
  it('typing into an editable log leaves our badge out of the typed text and the form data', async () => {
    const page = await open(
      'editable',
      `<!doctype html><title>Editable</title><form id="form"><ul id="log" contenteditable="true">
      <li id="r1">HTTP 500 Internal Server Error</li></ul><input type="hidden" name="note" value="n"></form>
      <ul id="static"><li id="r2">HTTP 403 Forbidden</li></ul>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length === 1,
    );
    await page.evaluate(() => document.getElementById('static')!.setAttribute('contenteditable', 'true'));
    await page.locator('#r2').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' typed');
    const seen = await page.evaluate(() => ({
      text: document.getElementById('r2')!.textContent,
      form: [...new FormData(document.getElementById('form') as HTMLFormElement).entries()],
      editableBadges: document.querySelectorAll('#log [data-webhook-doctor]').length,
    }));
    report('after typing', seen);
    expect(seen).toEqual({ text: 'HTTP 403 Forbidden typed', form: [['note', 'n']], editableBadges: 0 });
    await page.close();
  });
});

describe('odd and huge markup', () => {
  it('a 10 MB text node, 100,000 attributes, template, SVG and MathML rows: right badges, no error', async () => {
    const url = `${ORIGIN}/e2e/red-team/odd-markup`;
    await serveHtml(
      session.context,
      url,
      `<!doctype html><title>Odd markup</title><ul id="log">
      <li id="huge"></li><li id="attrs" ${Array.from({ length: 100_000 }, (_, i) => `data-a${i}="${i}"`).join(' ')}>HTTP 502 Bad Gateway</li>
      <li><template><p>HTTP 503 Service Unavailable</p></template>template</li>
      <li><svg width="200" height="20"><text x="0" y="15">HTTP 504 Gateway Timeout</text></svg></li>
      <li id="math">HTTP 500 Internal Server Error <math><mtext>HTTP 429</mtext></math></li></ul>
      <script>
        // After load: a 10 MB node in the parsed page makes the page's own first layout take tens of seconds here.
        setTimeout(() => { document.getElementById('huge').textContent = 'HTTP 401 Unauthorized ' + 'x'.repeat(10 * 1024 * 1024); }, 500);
      </script>`,
    );
    const page = await session.context.newPage();
    const log = await recordPageLog(session, page);
    await page.goto(url, { timeout: 60_000 });
    const badges = await waitFor(
      () => readBadges(page),
      (b) => b.length >= 3,
      60_000,
    );
    await page.waitForTimeout(1000);
    const placed = await page.evaluate(() =>
      [...document.querySelectorAll('[data-webhook-doctor="badge"]')].map(
        (b) => `${b.parentElement!.id || b.parentElement!.tagName}:${b.getAttribute('data-code')}`,
      ),
    );
    const errors = log.entries.filter((e) => e.kind === 'exception' || e.level === 'error').map((e) => e.text);
    await log.stop();
    const attributes = await page.evaluate(() => document.getElementById('attrs')!.attributes.length);
    report('odd markup', { badges: badges.length, placed, errors, attributes });
    expect(placed).toEqual(['huge:401', 'attrs:502', 'math:500']);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
