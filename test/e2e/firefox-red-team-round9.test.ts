// Red-team round nine in Firefox: short secrets in forms round 8 left and forms this round found
// (red-team-pages-9.ts; README-attacks.md, round 9).
import { describe, it } from 'vitest';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { expectNothingReached, leakFigures, SENTINEL_PAGES_9 } from './red-team-pages-9';

const { sentinelLeaks } = firefoxRedTeamRound(9);

describe.each(SENTINEL_PAGES_9)('short secrets $attack, in Firefox', ({ name, html, rows }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    console.log(`[firefox-red-team-9] ${name}: ${JSON.stringify(leakFigures(result))}`);
    expectNothingReached(result, rows);
  });
});
