// Red-team round fifteen in Firefox: the pages of red-team-pages-15.ts (README-attacks.md, round 15).
import { describe, expect, it } from 'vitest';
import { firefoxTabId, firefoxToolbarText } from './firefox-harness';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { expectNothingReached, leakFigures } from './red-team-pages-11';
import { waitFor } from './page-reads';
import { NO_OVERRIDE_CALLS, OVERRIDES_FAILING_ROWS, OVERRIDES_HTML, READ_OVERRIDE_CALLS, SENTINEL_PAGES_15 } from './red-team-pages-15';

const { sentinelLeaks, open, session } = firefoxRedTeamRound(15);
const report = (name: string, values: unknown) => console.log(`[firefox-red-team-15] ${name}: ${JSON.stringify(values)}`);

describe.each(SENTINEL_PAGES_15)('secrets $attack, in Firefox', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, { ...leakFigures(result), pieces: result.leaks.storage });
    expectNothingReached(result, rows, inText);
  });
});

describe('a page that replaces attachShadow, MutationObserver, requestAnimationFrame, push and JSON.stringify, in Firefox', () => {
  it('changes nothing for us: Xray wrappers show our script the built-ins', async () => {
    const page = await open('overrides', OVERRIDES_HTML);
    const tabId = await firefoxTabId(session(), page);
    const toolbar = await waitFor(
      () => firefoxToolbarText(session(), tabId),
      (text) => text === String(OVERRIDES_FAILING_ROWS),
    );
    const calls = await page.evaluate(READ_OVERRIDE_CALLS);
    report('overrides: toolbar, calls of the page replacements', { toolbar, calls });
    expect(toolbar).toBe(String(OVERRIDES_FAILING_ROWS));
    expect(calls).toBe(NO_OVERRIDE_CALLS);
  });
});
