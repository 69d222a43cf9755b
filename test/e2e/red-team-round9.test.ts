// Red-team round nine against the built extension in real Chromium: short secrets in forms
// round 8 left and forms this round found (red-team-pages-9.ts). test/e2e/README-attacks.md lists
// every attack with its result; each test prints its figure.
import { describe, it } from 'vitest';
import { redTeamRound } from './red-team-round';
import { expectNothingReached, leakFigures, SENTINEL_PAGES_9 } from './red-team-pages-9';

const { report, sentinelLeaks } = redTeamRound(9);

describe.each(SENTINEL_PAGES_9)('short secrets $attack', ({ name, html, rows }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup, bidi controls stored`, leakFigures(result));
    expectNothingReached(result, rows);
  });
});
