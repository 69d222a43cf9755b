// Red-team round five's fixes in Firefox: rows in sandboxed frames with an opaque origin, and the
// badge of a closed <details> row (README-attacks.md, round 5).
import { describe, expect, it } from 'vitest';
import { firefoxBadges, firefoxTabId, firefoxToolbarText } from './firefox-harness';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { waitFor } from './page-reads';

const { session, open } = firefoxRedTeamRound(5);

describe('sandboxed frames in Firefox', () => {
  it('are all read, whatever their origin', async () => {
    const page = await open(
      'sandboxed',
      `<!doctype html><title>Sandboxed</title><ul><li>ana@example.com · HTTP 429 Too Many Requests</li></ul>
      <iframe sandbox srcdoc="<ul><li>HTTP 500 Internal Server Error</li></ul>"></iframe>
      <iframe sandbox="allow-scripts" srcdoc="<ul><li>HTTP 502 Bad Gateway</li></ul>"></iframe>
      <iframe sandbox="allow-same-origin" srcdoc="<ul><li>HTTP 503 Service Unavailable</li></ul>"></iframe>`,
    );
    const tab = await firefoxTabId(session(), page);
    const toolbar = await waitFor(
      () => firefoxToolbarText(session(), tab),
      (t) => t === '4',
      8_000,
    );
    console.log(`[firefox-red-team-5] sandboxed frames: toolbar ${toolbar}`);
    expect(toolbar).toBe('4');
    await page.close();
  });
});

describe('a closed <details> row in Firefox', () => {
  it('shows its badge in the summary', async () => {
    const page = await open(
      'details',
      `<!doctype html><title>Details</title><div id="log">
      <details><summary>call 1 · Failed</summary><pre>HTTP/1.1 503 Service Unavailable\nretry-after: 30</pre></details>
      <details><summary>call 2 · OK</summary><pre>HTTP/1.1 200 OK</pre></details></div>
      <section><h2>Last test</h2><details><summary>test call · Failed</summary><pre>HTTP/1.1 504 Gateway Timeout</pre></details></section>`,
    );
    await waitFor(
      () => firefoxBadges(page),
      (b) => b.length >= 2,
      8_000,
    );
    const seen = await page.evaluate(`[...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((b) => ({
      code: b.dataset.code, inSummary: !!b.closest('summary'), visible: b.checkVisibility() }))`);
    console.log(`[firefox-red-team-5] closed details: ${JSON.stringify(seen)}`);
    expect(seen).toEqual([
      { code: '503', inSummary: true, visible: true },
      { code: '504', inSummary: true, visible: true },
    ]);
    await page.close();
  });
});
