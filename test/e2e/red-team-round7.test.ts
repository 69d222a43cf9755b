// Red-team round seven against the built extension in real Chromium: short secrets quoted in
// failing rows in forms no earlier round tried (red-team-pages-7.ts). test/e2e/README-attacks.md
// lists every attack with its result; each test prints its figure.
import { describe, it, expect } from 'vitest';
import { readBadges, waitFor } from './harness';
import { redTeamRound, sleep } from './red-team-round';
import {
  SHADOWED_CELL_BADGES,
  SHADOWED_CELL_EXPECTED,
  LATE_READONLY_HTML,
  SHADOWED_CELL_HTML,
  SHORT_SECRET_HTML,
  SHORT_SECRET_ROWS,
} from './red-team-pages-7';
import { TOKEN } from './token-sentinel';

const { report, open, toolbarText, sentinelLeaks } = redTeamRound(7);

describe('short secrets in failing rows, in forms no round tried', () => {
  it('reach neither storage nor what we add to the page', async () => {
    const { toolbar, shown, leaks } = await sentinelLeaks('short-secrets', SHORT_SECRET_HTML, SHORT_SECRET_ROWS.length);
    report('short secrets: toolbar, pieces of the sentinel stored and in our markup', {
      toolbar,
      storage: leaks.storage.length,
      markup: leaks.markup.length,
    });
    expect(toolbar).toBe(String(SHORT_SECRET_ROWS.length));
    expect(shown, 'the control: the page itself shows every piece').toBe(TOKEN.length - 7);
    expect(leaks).toEqual({ storage: [], markup: [] });
  });
});

describe('a page that attaches a shadow root with no slot to the cells holding our badges', () => {
  it('moves each badge where it is drawn, inside its row; a row the page hid keeps its badge', async () => {
    const page = await open('shadowed-cells', SHADOWED_CELL_HTML);
    await waitFor(
      () => readBadges(page),
      (b) => b.length >= 3,
    );
    await sleep(300);
    await page.evaluate('window.shadowCells()');
    const seen = await waitFor(
      () => page.evaluate(SHADOWED_CELL_BADGES),
      (badges) => JSON.stringify(badges) === JSON.stringify(SHADOWED_CELL_EXPECTED),
      5_000,
    ).catch(() => page.evaluate(SHADOWED_CELL_BADGES));
    report('shadowed cells: badges', seen);
    expect(seen).toEqual(SHADOWED_CELL_EXPECTED);
    expect(await toolbarText(page)).toBe('3');
    await page.close();
  });
});

describe('a read-only status input the page fills in by script', () => {
  it('is badged once its value is set, the duration beside it not', async () => {
    const page = await open('late-readonly', LATE_READONLY_HTML);
    const codes = await waitFor(
      () => readBadges(page).then((badges) => badges.map((b) => b.code)),
      (found) => found.length >= 1,
      8_000,
    ).catch(() => []);
    report('late read-only input: badges', codes);
    expect(codes).toEqual(['429']);
    await page.close();
  });
});
