// Red-team round five against the built extension in real Chromium: a page that floods us with
// distinct failing rows, rewrites its address to a secret after load, tampers with or moves our
// badges, clicks them itself, redefines JSON and structuredClone, hides failures in closed
// <details>, forbids styles by CSP, and a user who pastes a secret into an editor field and undoes.
// test/e2e/README-attacks.md lists every attack with its result; each test prints its figure.
import { describe, it, expect } from 'vitest';
import { extensionMarkup, readBadges, readFieldWarnings, serveHtml, waitFor } from './harness';
import { redTeamRound, sleep } from './red-team-round';
import { CLOSED_DETAILS_HTML, DETAILS_BADGE_PLACES, DETAILS_BADGES_EXPECTED } from './red-team-pages-5';
import { EDITOR_HTML, EDITOR_URL, TOKEN } from './token-sentinel';
import { leakedPieces } from '../fuzz/vocabulary';

const { session, report, open, toolbarText } = redTeamRound(5);

const storedSession = async (): Promise<string> => {
  const worker = await session().worker();
  return worker.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));
};

describe('a page that floods us with distinct failing rows', () => {
  it('keeps what it stores bounded', async () => {
    const page = await open(
      'flood',
      `<!doctype html><title>Flood</title><ul id="log"></ul><script>
      window.longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
      setTimeout(() => {
        const log = document.getElementById('log');
        const codes = [400, 401, 403, 404, 405, 409, 410, 415, 422, 429, 500, 502, 503, 504];
        let html = '';
        for (let i = 0; i < 20000; i += 1) html += '<li>job-' + i + ' HTTP ' + codes[i % codes.length] + ' failed: reason number ' + i + ' at /v' + i + '/hook</li>';
        log.innerHTML = html;
      }, 300);
      </script>`,
    );
    await waitFor(
      () => page.evaluate(`document.querySelectorAll('[data-webhook-doctor="badge"]').length`),
      (n) => (n as number) >= 20000,
      60_000,
    );
    await sleep(2000);
    const stored = await storedSession();
    const toolbar = await toolbarText(page);
    const longTasks = await page.evaluate('window.longTasks');
    report('flood: stored bytes, toolbar, long tasks', { bytes: stored.length, toolbar, longTasks });
    expect(stored.length).toBeLessThan(1_000_000);
    expect(toolbar).not.toBe('');
    await page.close();
  }, 120_000);
});

describe('a page that rewrites its address to a secret after load', () => {
  it('stores no piece of the secret', async () => {
    const page = await open('address', `<!doctype html><title>Address</title><ul><li>ana@example.com · HTTP 502 Bad Gateway</li></ul>`);
    expect(
      await waitFor(
        () => toolbarText(page),
        (t) => t === '1',
      ),
    ).toBe('1');
    await page.evaluate((token) => history.replaceState(null, '', `/e2e/red-team-5/address?access_token=${token}`), TOKEN);
    await sleep(800);
    await page.evaluate((token) => history.pushState(null, '', `/e2e/red-team-5/hooks/${token}/log`), TOKEN);
    await sleep(800);
    await page.evaluate((token) => {
      location.hash = `#/settings?secret=${token}`;
    }, TOKEN);
    await sleep(1200);
    const stored = await storedSession();
    const toolbar = await toolbarText(page);
    report('address rewritten: pieces stored, toolbar', { pieces: leakedPieces(TOKEN, stored), toolbar });
    expect(leakedPieces(TOKEN, stored)).toEqual([]);
    expect(toolbar).toBe('1');
    await page.close();
  });
});

describe('a page that tampers with our badges', () => {
  it('can neither relabel our findings nor open our card', async () => {
    const page = await open(
      'tamper',
      `<!doctype html><title>Tamper</title><ul id="log"><li id="bad">ana@example.com · HTTP 502 Bad Gateway</li><li id="ok">bo@example.com · Delivered</li></ul>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length === 1,
    );
    await page.evaluate(() => {
      const badge = document.querySelector<HTMLElement>('#bad [data-webhook-doctor="badge"]')!;
      badge.dataset.code = '200';
      badge.click();
      badge.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      badge.focus();
      badge.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await sleep(800);
    const stored = await storedSession();
    const seen = await page.evaluate(`({
      cards: document.querySelectorAll('[data-webhook-doctor="card"]').length,
      top: [...document.querySelectorAll('[data-webhook-doctor]')].map((e) => e.dataset.webhookDoctor),
      codes: [...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((b) => b.closest('li').id + ':' + b.dataset.code),
    })`);
    report('tamper: DOM after relabel and synthetic clicks', { seen, stored502: stored.includes('502') });
    expect(stored.includes('502')).toBe(true);
    expect(await toolbarText(page)).toBe('1');
    // The page moves our badge into the healthy row.
    await page.evaluate(() => {
      const badge = document.querySelector('#bad [data-webhook-doctor="badge"]')!;
      document.getElementById('ok')!.append(badge);
    });
    await sleep(1500);
    const moved = await page.evaluate(
      `[...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((b) => b.closest('li').id + ':' + b.dataset.code)`,
    );
    report('tamper: badges after the page moved ours', moved);
    expect(moved).toContain('bad:502');
    expect(await toolbarText(page)).toBe('1');
    await page.close();
  });
});

describe('main-world JSON, structuredClone and Object.prototype tampering', () => {
  it('changes neither badges nor findings', async () => {
    const page = await open(
      'tamper-json',
      `<!doctype html><title>JSON</title><script>
      JSON.stringify = () => '{"hacked":true}';
      JSON.parse = () => ({ hacked: true });
      window.structuredClone = () => ({ hacked: true });
      Object.defineProperty(Object.prototype, 'code', { get() { return 200; }, set() {}, configurable: true });
      Object.defineProperty(Object.prototype, 'then', { get() { return undefined; }, configurable: true });
      </script><ul><li>ana@example.com · HTTP 502 Bad Gateway</li><li>bo@example.com · HTTP 429 Too Many Requests</li></ul>`,
    );
    const badges = await waitFor(
      () => readBadges(page),
      (b) => b.length >= 2,
    );
    const toolbar = await waitFor(
      () => toolbarText(page),
      (t) => t === '2',
    );
    const stored = await storedSession();
    report('JSON tampering: badges, toolbar, hacked in storage', {
      codes: badges.map((b) => b.code),
      toolbar,
      hacked: stored.includes('hacked'),
    });
    expect(badges.map((b) => b.code)).toEqual(['502', '429']);
    expect(toolbar).toBe('2');
    expect(stored.includes('hacked')).toBe(false);
    await page.close();
  });
});

describe('failures inside closed <details>', () => {
  it('shows the badge where the row shows', async () => {
    const page = await open('details', CLOSED_DETAILS_HTML);
    await waitFor(
      () => readBadges(page),
      (b) => b.length >= 2,
    );
    await sleep(500);
    const seen = await page.evaluate(DETAILS_BADGE_PLACES);
    report('closed details: badges', seen);
    expect(seen).toEqual(DETAILS_BADGES_EXPECTED);
    await page.close();
  });
});

describe('a page whose CSP forbids every style', () => {
  it('still draws our badge styled', async () => {
    const page = await open(
      'csp',
      `<!doctype html><meta http-equiv="Content-Security-Policy" content="style-src 'none'; script-src 'none'"><title>CSP</title>
      <ul><li>ana@example.com · HTTP 502 Bad Gateway</li></ul>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length >= 1,
    );
    await sleep(500);
    const box = await page.evaluate(
      `(() => { const b = document.querySelector('[data-webhook-doctor="badge"]').getBoundingClientRect(); return { w: Math.round(b.width), h: Math.round(b.height) }; })()`,
    );
    report('CSP style-src none: badge box', box);
    expect((box as { w: number }).w).toBeGreaterThan(40);
    await page.close();
  });
});

describe('the owner nonce on our hosts', () => {
  it('differs between two pages (no id to track a user by)', async () => {
    const html = `<!doctype html><title>Nonce</title><ul><li>ana@example.com · HTTP 502 Bad Gateway</li></ul>`;
    const a = await open('nonce-a', html);
    const b = await open('nonce-b', html);
    const nonce = (p: typeof a) =>
      waitFor(
        () => p.evaluate(`document.querySelector('[data-webhook-doctor="badge"]')?.getAttribute('data-webhook-doctor-owner') || ''`),
        (n) => n !== '',
      );
    const [na, nb] = [await nonce(a), await nonce(b)];
    report('nonces of two tabs', { na, nb });
    expect(na).not.toBe(nb);
    await a.close();
    await b.close();
  });
});

describe('a secret pasted into an editor field, then undone', () => {
  it('leaves no piece of it in what we add or store, and the warning follows the undo', async () => {
    await serveHtml(session().context, EDITOR_URL, EDITOR_HTML);
    const page = await session().context.newPage();
    await page.goto(EDITOR_URL);
    const problems = async () => (await readFieldWarnings(page)).map((w) => w.problem).sort();
    const before = await waitFor(problems, (p) => p.includes('masked-token'));
    await page.focus('#header-value-1');
    await page.evaluate((token) => {
      const field = document.getElementById('header-value-1') as HTMLInputElement;
      field.select();
      document.execCommand('insertText', false, token); // what a paste does, on the undo stack
    }, TOKEN);
    const pasted = await waitFor(problems, (p) => !p.includes('masked-token'));
    const markupPasted = (await extensionMarkup(session(), page)).join('\n');
    await page.evaluate(() => document.execCommand('undo'));
    const undone = await waitFor(problems, (p) => p.includes('masked-token'));
    const value = await page.evaluate(() => (document.getElementById('header-value-1') as HTMLInputElement).value);
    const markupUndone = (await extensionMarkup(session(), page)).join('\n');
    const stored = await storedSession();
    const worker = await session().worker();
    const local = await worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    const pieces = leakedPieces(TOKEN, [markupPasted, markupUndone, stored, local].join('\n'));
    report('paste then undo: warnings, value after undo, pieces', { before, pasted, undone, value, pieces });
    expect(value).toBe('Bearer ###');
    expect(undone).toEqual(before);
    expect(pieces).toEqual([]);
    await page.close();
  });
});

describe('rows the page zooms, scales or rotates', () => {
  it('keep their badge inside the row box', async () => {
    const page = await open(
      'transforms',
      `<!doctype html><title>Transforms</title><ul style="width:600px">
      <li id="a" style="zoom:2">ana@example.com · HTTP 502 Bad Gateway</li>
      <li id="b" style="transform:scale(0.5);transform-origin:0 0">bo@example.com · HTTP 429 Too Many Requests</li>
      <li id="c" style="transform:rotate(180deg)">cy@example.com · HTTP 503 Service Unavailable</li>
      <li id="d" style="writing-mode:vertical-rl;height:420px">dee@example.com · HTTP 504 Gateway Timeout</li></ul>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length >= 4,
    );
    await sleep(500);
    const inside = await page.evaluate(`[...document.querySelectorAll('li')].map((li) => {
      const r = li.getBoundingClientRect(); const b = li.querySelector('[data-webhook-doctor="badge"]').getBoundingClientRect();
      return li.id + ':' + (b.width > 0 && b.left >= r.left - 1 && b.right <= r.right + 1 && b.top >= r.top - 1 && b.bottom <= r.bottom + 1);
    })`);
    report('transformed rows: badge inside row box', inside);
    expect(inside).toEqual(['a:true', 'b:true', 'c:true', 'd:true']);
    await page.close();
  });
});

describe('events a page sends toward the content script', () => {
  it('neither switch us off nor add findings', async () => {
    const page = await open(
      'spoof',
      `<!doctype html><title>Spoof</title><ul id="log"><li>ana@example.com · HTTP 502 Bad Gateway</li></ul><script>
      const names = ['webhook-doctor:instance', 'webhook-doctor:teardown', 'webhook-doctor:findings', 'webhook-doctor:scan', 'message', 'pagehide', 'freeze', 'visibilitychange', 'beforeunload'];
      const payload = { type: 'findings', source: 'webhook-doctor', findings: [{ code: 418, kind: 'http' }], count: 99 };
      const fire = () => {
        for (const name of names) {
          window.dispatchEvent(new CustomEvent(name, { detail: payload }));
          document.dispatchEvent(new CustomEvent(name, { detail: payload }));
        }
        window.postMessage(payload, '*');
        window.postMessage({ ...payload, type: 'webhook-doctor:snapshot' }, '*');
      };
      let n = 0; const timer = setInterval(() => { fire(); if (++n > 20) clearInterval(timer); }, 50);
      setTimeout(() => { const li = document.createElement('li'); li.textContent = 'bo@example.com · HTTP 429 Too Many Requests'; document.getElementById('log').append(li); }, 1500);
      </script>`,
    );
    await sleep(2500);
    const badges = await readBadges(page);
    const toolbar = await toolbarText(page);
    const stored = await storedSession();
    report('spoofed events: badges, toolbar, 418 stored', { codes: badges.map((b) => b.code), toolbar, spoofed: stored.includes('418') });
    expect(badges.map((b) => b.code)).toEqual(['502', '429']);
    expect(toolbar).toBe('2');
    expect(stored.includes('418')).toBe(false);
    await page.close();
  });
});
