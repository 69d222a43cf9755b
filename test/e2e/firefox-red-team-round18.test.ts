// Red-team round eighteen in Firefox: the pages of red-team-pages-18.ts (README-attacks.md, round 18).
import { describe, expect, it } from 'vitest';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { expectNothingReached, leakFigures } from './red-team-pages-11';
import { SENTINEL_PAGES_18, UNFOCUSED_EDITOR_SCRIPT } from './red-team-pages-18';
import { LATE_EDITOR } from './red-team-pages-17';
import { firefoxBadges, firefoxTabId, firefoxToolbarText } from './firefox-harness';
import { waitFor } from './page-reads';

const { sentinelLeaks, open, session } = firefoxRedTeamRound(18);
const report = (name: string, values: unknown) => console.log(`[firefox-red-team-18] ${name}: ${JSON.stringify(values)}`);

describe.each(SENTINEL_PAGES_18)('secrets $attack, in Firefox', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, { ...leakFigures(result), pieces: result.leaks.storage });
    expectNothingReached(result, rows, inText);
  });
});

describe('a log made an editing host that never takes the focus, in Firefox', () => {
  it('loses our hosts before the page saves its content', async () => {
    const page = await open('unfocused-editor', LATE_EDITOR.html);
    const tabId = await firefoxTabId(session(), page);
    await waitFor(
      () => firefoxBadges(page),
      (badges) => badges.length === LATE_EDITOR.rows,
      8_000,
    );
    await page.evaluate(UNFOCUSED_EDITOR_SCRIPT);
    const saved = await waitFor(
      () => page.evaluate(LATE_EDITOR.readSavedHosts) as Promise<number>,
      (hosts) => hosts === 0,
    );
    const toolbar = await waitFor(
      () => firefoxToolbarText(session(), tabId),
      (text) => text === '',
    );
    report('unfocused editor: our hosts in the saved body, toolbar', { saved, toolbar });
    expect(saved).toBe(0);
    expect(toolbar).toBe('');
  });
});
