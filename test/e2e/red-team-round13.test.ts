// Red-team round thirteen against the built extension in real Chromium (red-team-pages-13.ts).
// test/e2e/README-attacks.md lists every attack with its result; each test prints its figure.
import { describe, expect, it } from 'vitest';
import { extensionMarkup } from './harness';
import { redTeamRound, sleep } from './red-team-round';
import { expectNothingReached, leakFigures } from './red-team-pages-11';
import { DESIGN_MODE_HTML, READ_DESIGN_MODE, SENTINEL_PAGES_13 } from './red-team-pages-13';

const { report, sentinelLeaks, open, session, toolbarText } = redTeamRound(13);

describe.each(SENTINEL_PAGES_13)('secrets $attack', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, { ...leakFigures(result), pieces: result.leaks.storage });
    expectNothingReached(result, rows, inText);
  });
});

describe('a document in design mode', () => {
  it("gets nothing of ours: all of it is an editor's content", async () => {
    const page = await open('design-mode', DESIGN_MODE_HTML);
    await sleep(3000); // scans of a page this small end long before
    const read = await page.evaluate(READ_DESIGN_MODE);
    const markup = await extensionMarkup(session(), page);
    report('design-mode: page, our elements, toolbar', { read, ours: markup.length, toolbar: await toolbarText(page) });
    expect(read).toEqual({ designMode: 'on', ours: false });
    expect(markup).toEqual([]);
  });
});
