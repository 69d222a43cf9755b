// Red-team round twelve in Firefox: what round 12 found in Chromium (red-team-pages-12.ts;
// README-attacks.md, round 12).
import { describe, it } from 'vitest';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { expectNothingReached, leakFigures } from './red-team-pages-11';
import { SENTINEL_PAGES_12 } from './red-team-pages-12';

const { sentinelLeaks } = firefoxRedTeamRound(12);
const report = (name: string, values: unknown) => console.log(`[firefox-red-team-12] ${name}: ${JSON.stringify(values)}`);

describe.each(SENTINEL_PAGES_12)('secrets $attack, in Firefox', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, leakFigures(result));
    expectNothingReached(result, rows, inText);
  });
});
