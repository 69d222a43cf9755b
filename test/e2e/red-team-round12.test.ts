// Red-team round twelve against the built extension in real Chromium (red-team-pages-12.ts).
// test/e2e/README-attacks.md lists every attack with its result; each test prints its figure.
import { describe, it } from 'vitest';
import { redTeamRound } from './red-team-round';
import { expectNothingReached, leakFigures } from './red-team-pages-11';
import { SENTINEL_PAGES_12 } from './red-team-pages-12';

const { report, sentinelLeaks } = redTeamRound(12);

describe.each(SENTINEL_PAGES_12)('secrets $attack', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, { ...leakFigures(result), pieces: result.leaks.storage });
    expectNothingReached(result, rows, inText);
  });
});
