// Red-team round five's fixes in Firefox: rows in sandboxed frames with an opaque origin, and the
// badge of a closed <details> row (README-attacks.md, round 5).
import { describe, expect, it } from 'vitest';
import { firefoxBadges, firefoxTabId, firefoxToolbarText } from './firefox-harness';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { waitFor } from './page-reads';
import { CLOSED_DETAILS_HTML, DETAILS_BADGE_PLACES, DETAILS_BADGES_EXPECTED } from './red-team-pages-5';

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
    const page = await open('details', CLOSED_DETAILS_HTML);
    await waitFor(
      () => firefoxBadges(page),
      (b) => b.length >= 2,
      8_000,
    );
    const seen = await page.evaluate(DETAILS_BADGE_PLACES);
    console.log(`[firefox-red-team-5] closed details: ${JSON.stringify(seen)}`);
    expect(seen).toEqual(DETAILS_BADGES_EXPECTED);
    await page.close();
  });
});
