// Red-team round ten in Firefox: a page racing our badge placement (red-team-pages-10.ts;
// README-attacks.md, round 10).
import { describe, expect, it } from 'vitest';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { firefoxTabId, firefoxToolbarText } from './firefox-harness';
import { waitFor } from './page-reads';
import { RACE_HTML, RACE_ROW_COUNT, READ_RACE, type RaceState } from './red-team-pages-10';

const { open, session } = firefoxRedTeamRound(10);

describe('a page racing our badge placement, in Firefox', () => {
  it('ends with one badge in every row, no page error, every row counted', async () => {
    const page = await open('race', RACE_HTML);
    const read = () => page.evaluate(READ_RACE) as Promise<RaceState>;
    await waitFor(read, (s) => s.done, 20_000);
    const state = await waitFor(read, (s) => s.perRow.every((n) => n === 1), 10_000);
    const toolbar = await firefoxToolbarText(session(), await firefoxTabId(session(), page));
    console.log(`[firefox-red-team-10] race: ${JSON.stringify({ perRow: state.perRow, errors: state.errors, toolbar })}`);
    expect(state.perRow).toEqual(Array(RACE_ROW_COUNT).fill(1));
    expect(state.errors).toEqual([]);
    expect(toolbar).toBe(String(RACE_ROW_COUNT));
    await page.close();
  });
});
