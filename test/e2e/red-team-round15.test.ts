// Red-team round fifteen against the built extension in real Chromium (red-team-pages-15.ts).
// test/e2e/README-attacks.md lists every attack with its result; each test prints its figure.
import { describe, expect, it } from 'vitest';
import { redTeamRound } from './red-team-round';
import { expectNothingReached, leakFigures } from './red-team-pages-11';
import { waitFor } from './page-reads';
import { NO_OVERRIDE_CALLS, OVERRIDES_FAILING_ROWS, OVERRIDES_HTML, READ_OVERRIDE_CALLS, SENTINEL_PAGES_15 } from './red-team-pages-15';

const { report, sentinelLeaks, open, toolbarText } = redTeamRound(15);

describe.each(SENTINEL_PAGES_15)('secrets $attack', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, { ...leakFigures(result), pieces: result.leaks.storage });
    expectNothingReached(result, rows, inText);
  });
});

describe('a page that replaces attachShadow, MutationObserver, requestAnimationFrame, push and JSON.stringify', () => {
  it('changes nothing for us: our world has its own built-ins', async () => {
    const page = await open('overrides', OVERRIDES_HTML);
    const toolbar = await waitFor(
      () => toolbarText(page),
      (text) => text === String(OVERRIDES_FAILING_ROWS),
    );
    const calls = await page.evaluate(READ_OVERRIDE_CALLS);
    report('overrides: toolbar, calls of the page replacements', { toolbar, calls });
    expect(toolbar).toBe(String(OVERRIDES_FAILING_ROWS));
    expect(calls).toBe(NO_OVERRIDE_CALLS);
  });
});
