// Red-team round eleven against the built extension in real Chromium: secrets whose key the scan
// leaves out, split secrets, secrets in attributes and URL parts, a page that strips unknown
// attributes, a pushState flood (red-team-pages-11.ts). test/e2e/README-attacks.md lists every
// attack with its result; each test prints its figure.
import { describe, expect, it } from 'vitest';
import { redTeamRound, sleep } from './red-team-round';
import { tabIdOf, toolbarBadge, waitFor } from './harness';
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

const { open, report, session, sentinelLeaks, toolbarText } = redTeamRound(11);

describe.each(SENTINEL_PAGES_11)('secrets $attack', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, leakFigures(result));
    expectNothingReached(result, rows, inText);
  });
});

describe('a page that strips unknown attributes from everything it renders', () => {
  it('counts each failing row once and keeps one badge in it', async () => {
    const page = await open('attribute-stripper', ATTRIBUTE_STRIPPER_HTML);
    const read = () => page.evaluate<Stripped>(READ_STRIPPED);
    const first = await waitFor(read, strippedBadged);
    await sleep(2000); // the last snapshot, and any loop of badges put back
    const later = await read();
    const toolbar = await toolbarText(page);
    report('attribute stripper: elements per row, toolbar', { perRow: later.perRow, toolbar });
    expectStrippedHeld(first, later, toolbar);
    await page.close();
  });
});

describe('a page that rewrites its URL every 200 ms', () => {
  it('still shows its count on the toolbar while it does', async () => {
    const page = await open('push-state-flood', PUSH_STATE_FLOOD_HTML);
    const tab = await tabIdOf(session(), page); // read before the flood: the tab is found by URL
    await waitFor(
      () => toolbarBadge(session(), tab),
      (badge) => badge.text === String(LOG_FAILING_ROWS),
    );
    await page.evaluate('startFlood()');
    await waitFor(
      () => page.evaluate<number>(FLOOD_CHANGES),
      (changes) => changes >= CHANGES_BEFORE_CHECK,
    );
    // The worker forgets the tab on each new URL; the count must come back while the flood goes on.
    const seen = await waitFor(
      async () => ({ toolbar: (await toolbarBadge(session(), tab)).text, flooding: await page.evaluate<boolean>('window.flooding') }),
      (s) => s.toolbar === String(LOG_FAILING_ROWS) || !s.flooding,
      15_000,
    );
    await waitFor(
      () => page.evaluate<boolean>('window.flooding'),
      (flooding) => !flooding,
      15_000,
    );
    const after = await waitFor(
      async () => (await toolbarBadge(session(), tab)).text,
      (text) => text === String(LOG_FAILING_ROWS),
    );
    report('pushState flood: toolbar during and after', { during: seen, after });
    expect(seen).toEqual({ toolbar: String(LOG_FAILING_ROWS), flooding: true });
    expect(after).toBe(String(LOG_FAILING_ROWS));
    await page.close();
  });
});
