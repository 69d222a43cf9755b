// Red-team round three against the built extension in real Chromium: component rows that draw
// only named slots, a page that answers each badge with new text, history.pushState with no DOM
// change, tooltips of healthy rows, a replaced body and a log moved into a closed shadow root.
// test/e2e/README-attacks.md lists every attack with its result; each test prints its figure.
import { describe, it, expect } from 'vitest';
import { readBadges, waitFor } from './harness';
import { redTeamRound, sleep } from './red-team-round';

const { report, open, toolbarText } = redTeamRound(3);

describe('component rows', () => {
  it('a row whose shadow root draws only named slots shows its badge', async () => {
    const page = await open(
      'named-slots',
      `<!doctype html><title>Named slots</title><div id="log"></div><script>
      customElements.define('log-row', class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'closed' }).innerHTML = '<div style="display:flex;gap:8px"><slot name="when"></slot><slot name="status"></slot></div>';
        }
      });
      for (const [when, status] of [['10:00', 'HTTP 500 Internal Server Error'], ['10:01', 'HTTP 200 OK'], ['10:02', 'HTTP 403 Forbidden']]) {
        const row = document.createElement('log-row');
        row.innerHTML = '<span slot="when">' + when + '</span><span slot="status">' + status + '</span>';
        document.getElementById('log').append(row);
      }
      </script>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length === 2,
    );
    const drawn = await page.evaluate(`[...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((badge) => ({
      code: badge.dataset.code,
      width: Math.round(badge.getBoundingClientRect().width),
      inRow: badge.closest('log-row') !== null,
    }))`);
    report('badges of rows with named slots only', drawn);
    expect(drawn).toEqual([
      { code: '500', width: expect.any(Number), inRow: true },
      { code: '403', width: expect.any(Number), inRow: true },
    ]);
    for (const { width } of drawn as { width: number }[]) expect(width).toBeGreaterThan(20);
    await page.close();
  });
});

describe('a page that answers our badges', () => {
  it('is not drawn into re-badging a row that gets new text every time its badge appears', async () => {
    const page = await open(
      'ping-pong',
      `<!doctype html><title>Ping-pong</title><ul id="log"><li id="row">HTTP 500 Internal Server Error (try 0)</li></ul><script>
      window.answers = 0;
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) {
          if (node.nodeType !== 1 || !node.hasAttribute('data-webhook-doctor')) continue;
          window.answers++;
          document.getElementById('row').textContent = 'HTTP ' + (500 + (window.answers % 5)) + ' Server Error (try ' + window.answers + ')';
        }
      }).observe(document.getElementById('log'), { childList: true, subtree: true });
      </script>`,
    );
    await sleep(1500);
    const early = await page.evaluate<number>('window.answers');
    await sleep(3000);
    const late = await page.evaluate<number>('window.answers');
    report('page answers to our badges after 1.5 s and 4.5 s', { early, late, toolbar: await toolbarText(page) });
    // As many as the quick rewrites we accept before leaving the row alone: then no more.
    expect(late).toBeLessThanOrEqual(40);
    expect(late).toBe(early);
    expect(await toolbarText(page)).toBe('1');
    await page.close();
  });
});

describe('same-document navigation', () => {
  it('history.pushState that changes no DOM keeps the toolbar count, also in a burst', async () => {
    const page = await open(
      'push-state',
      `<!doctype html><title>SPA</title><ul><li>HTTP 500 Internal Server Error</li><li>HTTP 502 Bad Gateway</li></ul>`,
    );
    await waitFor(
      () => toolbarText(page),
      (text) => text === '2',
    );
    await page.evaluate(`history.pushState({}, '', '/e2e/red-team-3/push-state/filtered')`);
    const once = await waitFor(
      () => toolbarText(page),
      (text) => text === '2',
      5_000,
    ).catch(() => 'stayed empty');
    await page.evaluate(`(() => { for (let i = 0; i < 100; i++) history.pushState({}, '', '/e2e/red-team-3/push-state/' + i); })()`);
    const burst = await waitFor(
      () => toolbarText(page),
      (text) => text === '2',
      5_000,
    ).catch(() => 'stayed empty');
    const badges = (await readBadges(page)).map((b) => b.code);
    report('toolbar after one pushState, after 100', { once, burst, badges });
    expect({ once, burst, badges }).toEqual({ once: '2', burst: '2', badges: ['500', '502'] });
    await page.close();
  });
});

describe('a URL rewritten on every frame', () => {
  it('costs no rescan, and the toolbar keeps the count', async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `<li>row ${i} ${i % 10 === 0 ? 'HTTP 500 Internal Server Error' : 'delivered'}</li>`,
    );
    const page = await open(
      'replace-state-storm',
      `<!doctype html><title>Storm</title><ul id="log">${rows.join('')}</ul><script>
      window.ourInsertions = 0;
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1 && node.hasAttribute('data-webhook-doctor')) window.ourInsertions++;
      }).observe(document.getElementById('log'), { childList: true, subtree: true });
      window.storm = () => new Promise((resolve) => {
        let n = 0;
        const start = performance.now();
        const tick = () => {
          history.replaceState({}, '', '?offset=' + n++);
          if (performance.now() - start < 3000) requestAnimationFrame(tick); else resolve(n);
        };
        requestAnimationFrame(tick);
      });
      </script>`,
    );
    await waitFor(
      () => toolbarText(page),
      (text) => text === '200',
      30_000,
    );
    await sleep(500);
    const before = await page.evaluate<number>('window.ourInsertions');
    const frames = await page.evaluate<number>('window.storm()');
    const toolbar = await waitFor(
      () => toolbarText(page),
      (text) => text === '200',
      5_000,
    ).catch(() => 'stayed empty');
    const insertions = (await page.evaluate<number>('window.ourInsertions')) - before;
    report('URL rewrites, our badge insertions during them, toolbar after', { frames, insertions, toolbar });
    expect({ insertions, toolbar }).toEqual({ insertions: 0, toolbar: '200' });
    await page.close();
  });
});

describe('attacks that held', () => {
  it('tooltips of healthy rows make no badge', async () => {
    const page = await open(
      'tooltips',
      `<!doctype html><title>Tooltips</title><ul>
      <li>Delivered <i title="Sent to 500 recipients"></i></li>
      <li>Delivered <span class="icon" aria-label="Retried after 503 ms"></span></li>
      <li>Delivered <span data-status="200"></span> order 404</li>
      <li>HTTP 502 Bad Gateway</li></ul>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length >= 1,
    );
    await sleep(1000);
    const codes = (await readBadges(page)).map((b) => b.code);
    report('badges on a page of healthy rows with numeric tooltips', codes);
    expect(codes).toEqual(['502']);
    await page.close();
  });

  it('a replaced <body> and a log moved into a closed shadow root keep their badges', async () => {
    const page = await open('body-swap', `<!doctype html><title>Body swap</title><ul><li>HTTP 500 Internal Server Error</li></ul>`);
    await waitFor(
      () => readBadges(page),
      (b) => b.length === 1,
    );
    await page.evaluate(`(() => {
      const body = document.createElement('body');
      body.innerHTML = '<ul><li>HTTP 502 Bad Gateway</li><li>HTTP 429 Too Many Requests</li></ul>';
      document.body = body;
    })()`);
    const swapped = await waitFor(
      () => readBadges(page),
      (b) => b.length === 2,
    );
    await page.evaluate(`(() => {
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'closed' });
      window.fixtureClosedRoots = [root];
      root.append(document.querySelector('ul'));
      document.body.append(host);
    })()`);
    await sleep(1500);
    const moved = await readBadges(page);
    report('badges after the body swap, after the move into a closed root', {
      swapped: swapped.map((b) => b.code),
      moved: moved.map((b) => b.code),
    });
    expect(moved.map((b) => b.code)).toEqual(['502', '429']);
    expect(await toolbarText(page)).toBe('2');
    await page.close();
  });
});
