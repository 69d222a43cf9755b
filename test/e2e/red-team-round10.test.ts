// Red-team round ten against the built extension in real Chromium: a page racing our badge
// placement (red-team-pages-10.ts). test/e2e/README-attacks.md lists every attack with its
// result; each test prints its figure.
import { describe, expect, it } from 'vitest';
import { redTeamRound } from './red-team-round';
import { waitFor } from './harness';
import {
  RACE_HTML,
  RACE_ROW_COUNT,
  READ_RACE,
  READ_SLOTLESS,
  SLOTLESS_HTML,
  SLOTLESS_ROW_COUNT,
  type RaceState,
  type SlotlessState,
} from './red-team-pages-10';

const { open, report, toolbarText } = redTeamRound(10);

describe('a page racing our badge placement', () => {
  it('ends with one badge in every row, no page error, every row counted', async () => {
    const page = await open('race', RACE_HTML);
    const read = () => page.evaluate<RaceState>(READ_RACE);
    await waitFor(read, (s) => s.done, 20_000);
    // Rows the race re-rendered many times get their badge back once the page is quiet.
    const state = await waitFor(read, (s) => s.perRow.every((n) => n === 1), 10_000);
    // The toolbar follows the badges through the throttled snapshot sender: wait for it to settle.
    const toolbar = await waitFor(
      () => toolbarText(page),
      (text) => text === String(RACE_ROW_COUNT),
    );
    report('race: badges per row, page errors, toolbar', { perRow: state.perRow, errors: state.errors, toolbar });
    expect(state.perRow).toEqual(Array(RACE_ROW_COUNT).fill(1));
    expect(state.errors).toEqual([]);
    expect(toolbar).toBe(String(RACE_ROW_COUNT));
    await page.close();
  });
});

describe('rows drawn by a shadow root with no slot', () => {
  it('get one badge each, in what is drawn, and are counted once', async () => {
    const page = await open('slotless', SLOTLESS_HTML);
    const read = () => page.evaluate<SlotlessState>(READ_SLOTLESS);
    const state = await waitFor(read, (s) => s.drawn.every((n) => n === 1), 10_000);
    // These rows show a masked token: their snapshot waits for the redactor of the extras.
    const toolbar = await waitFor(
      () => toolbarText(page),
      (text) => text === String(SLOTLESS_ROW_COUNT),
    );
    report('slot-less rows: badges drawn per row, badges hidden, toolbar', { ...state, toolbar });
    expect(state.drawn).toEqual(Array(SLOTLESS_ROW_COUNT).fill(1));
    expect(state.hidden).toBe(0);
    expect(toolbar).toBe(String(SLOTLESS_ROW_COUNT));
    await page.close();
  });
});
