// Red-team round seven in Firefox: short secrets quoted in failing rows in forms no earlier round
// tried (red-team-pages-7.ts; README-attacks.md, round 7).
import { describe, expect, it } from 'vitest';
import { firefoxBadges } from './firefox-harness';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { waitFor } from './page-reads';
import {
  SHADOWED_CELL_BADGES,
  SHADOWED_CELL_EXPECTED,
  LATE_READONLY_HTML,
  SHADOWED_CELL_HTML,
  SHORT_SECRET_HTML,
  SHORT_SECRET_ROWS,
} from './red-team-pages-7';
import { TOKEN } from './token-sentinel';

const { open, sentinelLeaks } = firefoxRedTeamRound(7);

describe('short secrets in failing rows, in Firefox', () => {
  it('reach neither storage nor what we add to the page', async () => {
    const { toolbar, shown, leaks } = await sentinelLeaks('short-secrets', SHORT_SECRET_HTML, SHORT_SECRET_ROWS.length);
    console.log(
      `[firefox-red-team-7] short secrets: ${JSON.stringify({ toolbar, storage: leaks.storage.length, markup: leaks.markup.length })}`,
    );
    expect(toolbar).toBe(String(SHORT_SECRET_ROWS.length));
    expect(shown, 'the control: the page itself shows every piece').toBe(TOKEN.length - 7);
    expect(leaks).toEqual({ storage: [], markup: [] });
  });
});

describe('cells the page shadows after our badges went in, in Firefox', () => {
  it('move each badge where it is drawn, inside its row; a row the page hid keeps its badge', async () => {
    const page = await open('shadowed-cells', SHADOWED_CELL_HTML);
    await waitFor(
      () => firefoxBadges(page),
      (b) => b.length >= 3,
      8_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page.evaluate('window.shadowCells()');
    const seen = await waitFor(
      () => page.evaluate(SHADOWED_CELL_BADGES),
      (badges) => JSON.stringify(badges) === JSON.stringify(SHADOWED_CELL_EXPECTED),
      5_000,
    ).catch(() => page.evaluate(SHADOWED_CELL_BADGES));
    console.log(`[firefox-red-team-7] shadowed cells: ${JSON.stringify(seen)}`);
    expect(seen).toEqual(SHADOWED_CELL_EXPECTED);
    await page.close();
  });
});

describe('a read-only status input the page fills in by script (Firefox)', () => {
  it('is badged once its value is set, the duration beside it not', async () => {
    const page = await open('late-readonly', LATE_READONLY_HTML);
    const codes = await waitFor(
      () => firefoxBadges(page).then((badges) => badges.map((b) => b.code)),
      (found) => found.length >= 1,
      8_000,
    ).catch(() => []);
    console.log(`[firefox-red-team-7] late read-only input: ${JSON.stringify(codes)}`);
    expect(codes).toEqual(['429']);
    await page.close();
  });
});
