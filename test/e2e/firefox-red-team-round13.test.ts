// Red-team round thirteen in Firefox: what round 13 found in Chromium (red-team-pages-13.ts;
// README-attacks.md, round 13).
import { describe, expect, it } from 'vitest';
import { firefoxExtensionMarkup } from './firefox-harness';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { expectNothingReached, leakFigures } from './red-team-pages-11';
import { DESIGN_MODE_HTML, READ_DESIGN_MODE, SENTINEL_PAGES_13 } from './red-team-pages-13';

const { sentinelLeaks, open, session } = firefoxRedTeamRound(13);
const report = (name: string, values: unknown) => console.log(`[firefox-red-team-13] ${name}: ${JSON.stringify(values)}`);

describe.each(SENTINEL_PAGES_13)('secrets $attack, in Firefox', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, leakFigures(result));
    expectNothingReached(result, rows, inText);
  });
});

describe('a document in design mode, in Firefox', () => {
  it("gets nothing of ours: all of it is an editor's content", async () => {
    const page = await open('design-mode', DESIGN_MODE_HTML);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // scans of a page this small end long before
    const read = await page.evaluate(READ_DESIGN_MODE);
    const markup = await firefoxExtensionMarkup(session(), page);
    report('design-mode: page, our elements', { read, ours: markup.length });
    expect(read).toEqual({ designMode: 'on', ours: false });
    expect(markup).toEqual([]);
  });
});
