// Red-team round eleven in Firefox: what round 11 found in Chromium (red-team-pages-11.ts;
// README-attacks.md, round 11).
import { describe, expect, it } from 'vitest';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { firefoxTabId, firefoxToolbarText } from './firefox-harness';
import { waitFor } from './page-reads';
import {
  ATTRIBUTE_STRIPPER_HTML,
  CHANGES_BEFORE_CHECK,
  expectNothingReached,
  expectStrippedHeld,
  FLOOD_CHANGES,
  leakFigures,
  LOG_FAILING_ROWS,
  PUSH_STATE_FLOOD_HTML,
  READ_STRIPPED,
  SENTINEL_PAGES_11,
  strippedBadged,
  type Stripped,
} from './red-team-pages-11';

const { open, session, sentinelLeaks } = firefoxRedTeamRound(11);
const report = (name: string, values: unknown) => console.log(`[firefox-red-team-11] ${name}: ${JSON.stringify(values)}`);

describe.each(SENTINEL_PAGES_11)('secrets $attack, in Firefox', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, leakFigures(result));
    expectNothingReached(result, rows, inText);
  });
});

describe('a page that strips unknown attributes, in Firefox', () => {
  it('counts each failing row once and keeps one badge in it', async () => {
    const page = await open('attribute-stripper', ATTRIBUTE_STRIPPER_HTML);
    const read = () => page.evaluate(READ_STRIPPED) as Promise<Stripped>;
    const first = await waitFor(read, strippedBadged, 8_000);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the last snapshot, and any loop
    const later = await read();
    const toolbar = await firefoxToolbarText(session(), await firefoxTabId(session(), page));
    report('attribute stripper: elements per row, toolbar', { perRow: later.perRow, toolbar });
    expectStrippedHeld(first, later, toolbar);
    await page.close();
  });
});

describe('a page that rewrites its URL every 200 ms, in Firefox', () => {
  it('still shows its count on the toolbar while it does', async () => {
    const page = await open('push-state-flood', PUSH_STATE_FLOOD_HTML);
    const tab = await firefoxTabId(session(), page); // read before the flood: the tab is found by URL
    await waitFor(
      () => firefoxToolbarText(session(), tab),
      (text) => text === String(LOG_FAILING_ROWS),
      8_000,
    );
    await page.evaluate('startFlood()');
    await waitFor(
      () => page.evaluate(FLOOD_CHANGES) as Promise<number>,
      (changes) => changes >= CHANGES_BEFORE_CHECK,
    );
    const seen = await waitFor(
      async () => ({ toolbar: await firefoxToolbarText(session(), tab), flooding: (await page.evaluate('window.flooding')) as boolean }),
      (s) => s.toolbar === String(LOG_FAILING_ROWS) || !s.flooding,
      15_000,
    );
    report('pushState flood: toolbar during', seen);
    expect(seen).toEqual({ toolbar: String(LOG_FAILING_ROWS), flooding: true });
    await page.close();
  });
});
