// Red-team round four against the built extension in real Chromium: text containers that are no
// log text (<textarea>, <option>, <noscript>, raw-text elements), badges the page forges, a status
// only in a huge attribute, sandboxed frames, document-level adopted style sheets, surrogate pairs
// and bidi controls in a status, and hydration over server-rendered rows.
// test/e2e/README-attacks.md lists every attack with its result; each test prints its figure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { readBadges, ROOT, serveHtml, waitFor } from './harness';
import { RED_TEAM_ORIGIN, redTeamRound, sleep } from './red-team-round';

const { session, report, open, toolbarText } = redTeamRound(4);

/** Where each badge of ours sits: its code and the tag names of its parent and row. */
const OUR_BADGES = `[...document.querySelectorAll('[data-webhook-doctor="badge"][data-webhook-doctor-owner]')].map((b) => ({
  code: b.dataset.code,
  parent: b.parentElement.tagName.toLowerCase(),
  width: Math.round(b.getBoundingClientRect().width),
}))`;

describe('text containers that hold no log rows', () => {
  it('puts no badge in a textarea, an option, noscript or raw text, and changes no form value', async () => {
    const page = await open(
      'containers',
      `<!doctype html><title>Containers</title>
      <ul id="log"><li>ana@example.com · HTTP 429 Too Many Requests</li></ul>
      <form id="f"><textarea name="notes">HTTP 500 Internal Server Error while sending</textarea>
      <select name="filter"><option>HTTP 502 Bad Gateway</option><option selected>All</option></select>
      <input name="q" value="HTTP 503 Service Unavailable"></form>
      <noscript><p>HTTP 504 Gateway Timeout</p></noscript>
      <script type="text/plain" id="tpl">HTTP 505 HTTP Version Not Supported</script>
      <xmp>HTTP 507 Insufficient Storage</xmp>`, // <xmp> is shown, like <pre>: a person reads it
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length >= 1,
    );
    await sleep(1500);
    const seen = await page.evaluate(`({
      badges: ${OUR_BADGES},
      textarea: [document.querySelector('textarea').value, document.querySelector('textarea').defaultValue],
      option: document.querySelector('option').text,
      form: [...new FormData(document.getElementById('f')).entries()].map(([k, v]) => k + '=' + v),
      script: document.getElementById('tpl').textContent,
    })`);
    const toolbar = await toolbarText(page);
    report('containers', { seen, toolbar });
    expect(seen).toEqual({
      badges: [
        { code: '429', parent: 'li', width: expect.any(Number) },
        { code: '507', parent: 'xmp', width: expect.any(Number) },
      ],
      textarea: ['HTTP 500 Internal Server Error while sending', 'HTTP 500 Internal Server Error while sending'],
      option: 'HTTP 502 Bad Gateway',
      form: ['notes=HTTP 500 Internal Server Error while sending', 'filter=All', 'q=HTTP 503 Service Unavailable'],
      script: 'HTTP 505 HTTP Version Not Supported',
    });
    expect(toolbar).toBe('2');
    await page.close();
  });
});

describe('badges the page forges', () => {
  it('neither stop our badge nor count on the toolbar', async () => {
    const page = await open(
      'forged',
      `<!doctype html><title>Forged</title><ul id="log">
      <li id="a">ana@example.com · HTTP 500 Internal Server Error <span data-webhook-doctor="badge" data-code="500">✓ fine</span></li>
      <li id="b">bo@example.com · Delivered <span data-webhook-doctor="badge" data-code="502" data-webhook-doctor-owner="x"></span></li>
      <li id="c">cy@example.com · HTTP 403 Forbidden</li></ul><script>
      setTimeout(() => {
        const fake = document.createElement('span');
        fake.dataset.webhookDoctor = 'badge';
        fake.dataset.code = '401';
        document.getElementById('c').append(fake);
        const row = document.createElement('li');
        row.innerHTML = 'dee@example.com · HTTP 503 Service Unavailable <span data-webhook-doctor="badge" data-code="503"></span>';
        document.getElementById('log').append(row);
      }, 300);
      </script>`,
    );
    await sleep(2500);
    const seen = await page.evaluate(`[...document.querySelectorAll('li')].map((li) => [li.textContent.split(' · ')[0],
      li.querySelectorAll('[data-webhook-doctor="badge"]').length,
      [...li.querySelectorAll('[data-webhook-doctor="badge"]')].filter((b) => b.shadowRoot === null && b.getBoundingClientRect().width > 20 && !b.textContent).length])`);
    const toolbar = await toolbarText(page);
    report('forged badges: [row, badges, drawn by us]', { seen, toolbar });
    expect(seen).toEqual([
      ['ana@example.com', 2, 1],
      ['bo@example.com', 1, 0],
      ['cy@example.com', 2, 1],
      ['dee@example.com', 2, 1],
    ]);
    expect(toolbar).toBe('3');
    await page.close();
  });
});

describe('a status only in a huge attribute', () => {
  it('badges every row, whatever the size of its tooltips', async () => {
    const html = `<!doctype html><title>Huge attribute</title><script>
      window.longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
      </script><table><thead><tr><th>Recipient</th><th>Result</th></tr></thead><tbody id="rows"></tbody></table><script>
      setTimeout(() => {
        const big = 'HTTP 500 Internal Server Error '.repeat(35000);
        const body = document.getElementById('rows');
        const started = performance.now();
        for (let i = 0; i < 40; i += 1) {
          const tr = document.createElement('tr');
          tr.innerHTML = '<td>r' + i + '@example.com</td><td><i class="icon"></i></td>';
          tr.querySelector('i').setAttribute('aria-label', i === 0 ? 'HTTP 502 Bad Gateway' : big);
          tr.querySelector('i').setAttribute('title', big);
          body.append(tr);
        }
        window.inserted = performance.now() - started;
      }, 500);
      </script>`;
    const results: Record<string, unknown> = {};
    const urls: [string, string][] = [
      ['without us', 'https://example.org/e2e/red-team-4/huge-attribute'],
      ['with us', `${RED_TEAM_ORIGIN}/e2e/red-team-4/huge-attribute`],
    ];
    for (const [name, url] of urls) {
      await serveHtml(session().context, url, html);
      const page = await session().context.newPage();
      await page.goto(url);
      await sleep(4000);
      results[name] = await page.evaluate(
        `({ longTasks: window.longTasks, inserted: Math.round(window.inserted), badges: ${OUR_BADGES}.map((b) => b.code) })`,
      );
      await page.close();
    }
    report('huge attributes (1 MB each)', results);
    const total = (name: string) => ((results[name] as { longTasks: number[] }).longTasks ?? []).reduce((a, b) => a + b, 0);
    expect((results['with us'] as { badges: string[] }).badges).toHaveLength(40);
    // The cost is reported, not asserted (timing on a shared machine): +0.4 s of long tasks with
    // 40 rows after the fix, +1.1 s with 20 before. The cap itself is a unit test (content-rows).
    report('huge attributes: long-task ms added', total('with us') - total('without us'));
  });
});

describe('sandboxed frames', () => {
  it('are all badged and throw nothing', async () => {
    const page = await open(
      'sandboxed',
      `<!doctype html><title>Sandboxed</title><ul><li>ana@example.com · HTTP 429 Too Many Requests</li></ul>
      <iframe sandbox srcdoc="<ul><li>HTTP 500 Internal Server Error</li></ul>"></iframe>
      <iframe sandbox="allow-scripts" srcdoc="<ul><li>HTTP 502 Bad Gateway</li></ul>"></iframe>
      <iframe sandbox="allow-same-origin" srcdoc="<ul><li>HTTP 503 Service Unavailable</li></ul>"></iframe>`,
    );
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await sleep(2500);
    const frames = [];
    for (const frame of page.frames()) frames.push(await frame.evaluate(OUR_BADGES).catch((e: Error) => e.message.slice(0, 80)));
    const toolbar = await toolbarText(page);
    report('sandboxed frames: badges per frame', { frames, toolbar, errors });
    // Round 5: frames with an opaque origin (sandbox without allow-same-origin) are read too, as
    // the manifest's match_origin_as_fallback lets the script into them (their source is the ESP's).
    expect(frames).toEqual([
      [{ code: '429', parent: 'li', width: expect.any(Number) }],
      [{ code: '500', parent: 'li', width: expect.any(Number) }],
      [{ code: '502', parent: 'li', width: expect.any(Number) }],
      [{ code: '503', parent: 'li', width: expect.any(Number) }],
    ]);
    expect(toolbar).toBe('4');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('document-level adopted style sheets', () => {
  it('neither hide nor shrink our badge', async () => {
    const page = await open(
      'adopted',
      `<!doctype html><title>Adopted</title><ul><li>ana@example.com · HTTP 500 Internal Server Error</li></ul><script>
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('[data-webhook-doctor]{display:none!important;width:0!important} span{visibility:hidden!important} li > *{transform:scale(0)!important}');
      document.adoptedStyleSheets = [sheet];
      </script>`,
    );
    await waitFor(
      () => readBadges(page),
      (b) => b.length >= 1,
    );
    await sleep(500);
    const seen = await page.evaluate(OUR_BADGES);
    report('adopted sheets', seen);
    expect(seen).toEqual([{ code: '500', parent: 'li', width: expect.any(Number) }]);
    expect((seen as { width: number }[])[0]?.width).toBeGreaterThan(20);
    await page.close();
  });
});

describe('surrogate pairs and bidi controls in a status', () => {
  it('badges the real status only', async () => {
    const page = await open(
      'unicode',
      `<!doctype html><title>Unicode</title><ul>
      <li>💥💥 HTTP 500 Internal Server Error 💥 ${'😀'.repeat(200)}</li>
      <li>HTTP 4\u{1F600}29 Too Many Requests</li>
      <li>HTTP \u2067502\u2069 Bad Gateway</li>
      <li>HTTP 2\u202e00 OK</li>
      <li>HTTP 503\u0301 Service Unavailable</li>
      <li>HTTP \ud83d504 Gateway Timeout</li></ul>`,
    );
    await sleep(2500);
    const seen = await page.evaluate(OUR_BADGES);
    const worker = await session().worker();
    const stored = await worker.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));
    const lone = /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i.test(stored);
    report('unicode: badges', { seen, lone, storedLength: stored.length });
    // Isolation marks around 502 are invisible (i18n libraries add them); the emoji inside 429 is not.
    expect((seen as { code: string }[]).map((b) => b.code)).toEqual(['500', '502', '503', '504']);
    expect(lone).toBe(false);
    await page.close();
  });
});

describe('hydration over server-rendered rows', () => {
  it('badges survive or come back, and the page throws nothing', async () => {
    const preact = JSON.stringify(readFileSync(path.join(ROOT, 'node_modules/preact/dist/preact.mjs'), 'utf8'));
    const page = await open(
      'hydrate',
      `<!doctype html><title>Hydrate</title><div id="app"><ul><li>ana@example.com · HTTP 500 Internal Server Error</li><li>bo@example.com · Delivered</li><li>cy@example.com · HTTP 403 Forbidden</li></ul></div>
      <script type="module">
      window.pageErrors = [];
      window.addEventListener('error', (e) => window.pageErrors.push(String(e.message)));
      const { h, hydrate } = await import(URL.createObjectURL(new Blob([${preact}], { type: 'text/javascript' })));
      setTimeout(() => {
        const rows = [['ana@example.com', 'HTTP 500 Internal Server Error'], ['bo@example.com', 'Delivered'], ['cy@example.com', 'HTTP 403 Forbidden']];
        window.badgesBefore = document.querySelectorAll('[data-webhook-doctor="badge"]').length;
        try {
          hydrate(h('ul', null, rows.map(([who, what]) => h('li', null, who + ' · ' + what))), document.getElementById('app'));
          window.hydrated = document.getElementById('app').innerHTML;
        } catch (e) { window.pageErrors.push('hydrate: ' + e.message); }
      }, 1500);
      </script>`,
    );
    await sleep(4000);
    const seen = await page.evaluate(
      `({ before: window.badgesBefore, badges: ${OUR_BADGES}.map((b) => b.code), errors: window.pageErrors, hydrated: window.hydrated })`,
    );
    report('hydration', seen);
    // Preact's hydrate takes out the children it did not render (our badges); they come back.
    expect(seen).toEqual({ before: 2, badges: ['500', '403'], errors: [], hydrated: expect.not.stringContaining('webhook-doctor') });
    await page.close();
  });
});
