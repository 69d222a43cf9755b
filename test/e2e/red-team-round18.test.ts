// Red-team round eighteen against the built extension in real Chromium (red-team-pages-18.ts).
// test/e2e/README-attacks.md lists every attack with its result; each test prints its figure.
import { describe, expect, it } from 'vitest';
import { redTeamRound } from './red-team-round';
import { expectNothingReached, leakFigures } from './red-team-pages-11';
import { SENTINEL_PAGES_18, UNFOCUSED_EDITOR_SCRIPT } from './red-team-pages-18';
import { LATE_EDITOR } from './red-team-pages-17';
import { readBadges, waitFor } from './harness';

const { report, sentinelLeaks, open, toolbarText } = redTeamRound(18);

describe.each(SENTINEL_PAGES_18)('secrets $attack', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, { ...leakFigures(result), pieces: result.leaks.storage });
    expectNothingReached(result, rows, inText);
  });
});

describe('a log made an editing host that never takes the focus', () => {
  it('loses our hosts before the page saves its content', async () => {
    const page = await open('unfocused-editor', LATE_EDITOR.html);
    await waitFor(
      () => readBadges(page),
      (badges) => badges.length === LATE_EDITOR.rows,
    );
    await page.evaluate(UNFOCUSED_EDITOR_SCRIPT);
    const saved = await waitFor(
      () => page.evaluate<number>(LATE_EDITOR.readSavedHosts),
      (hosts) => hosts === 0,
    );
    const toolbar = await waitFor(
      () => toolbarText(page),
      (text) => text === '',
    );
    report('unfocused editor: our hosts in the saved body, toolbar', { saved, toolbar });
    expect(saved).toBe(0);
    expect(toolbar).toBe('');
  });
});
