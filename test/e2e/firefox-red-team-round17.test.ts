// Red-team round seventeen in Firefox: the pages of red-team-pages-17.ts (README-attacks.md, round 17).
import { describe, expect, it } from 'vitest';
import { extensionEval, firefoxBadges, firefoxTabId, firefoxToolbarText } from './firefox-harness';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { expectNothingReached, leakFigures } from './red-team-pages-11';
import { waitFor } from './page-reads';
import { EMPTIED_LOG, LATE_EDITOR, SENTINEL_PAGES_17 } from './red-team-pages-17';

const { sentinelLeaks, open, session } = firefoxRedTeamRound(17);
const report = (name: string, values: unknown) => console.log(`[firefox-red-team-17] ${name}: ${JSON.stringify(values)}`);

describe.each(SENTINEL_PAGES_17)('secrets $attack, in Firefox', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, { ...leakFigures(result), pieces: result.leaks.storage });
    expectNothingReached(result, rows, inText);
  });
});

describe.each(Object.entries(LATE_EDITOR.makeEditable))('a log made editable after its badges, in Firefox: %s', (how, script) => {
  it('loses our hosts before the page saves its content', async () => {
    const page = await open(how.replace(/\W+/g, '-'), LATE_EDITOR.html);
    const tabId = await firefoxTabId(session(), page);
    await waitFor(
      () => firefoxBadges(page),
      (badges) => badges.length === LATE_EDITOR.rows,
      8_000,
    );
    await page.evaluate(script);
    const saved = await waitFor(
      () => page.evaluate(LATE_EDITOR.readSavedHosts) as Promise<number>,
      (hosts) => hosts === 0,
    );
    const toolbar = await waitFor(
      () => firefoxToolbarText(session(), tabId),
      (text) => text === '',
    );
    report(`${how}: our hosts in the saved body, toolbar`, { saved, toolbar });
    expect(saved).toBe(0);
    expect(toolbar).toBe('');
  });
});

describe('a log of failing rows the page empties, in Firefox', () => {
  it('is forgotten: no annotation keeps its rows and badges in memory', { timeout: 240_000 }, async () => {
    const page = await open('emptied-log', EMPTIED_LOG.html);
    const tabId = await firefoxTabId(session(), page);
    await page.evaluate(EMPTIED_LOG.fill);
    await waitFor(
      () => page.evaluate(EMPTIED_LOG.readHosts) as Promise<number>,
      (hosts) => hosts === EMPTIED_LOG.rows,
      180_000,
    );
    await page.evaluate(EMPTIED_LOG.empty);
    const kept = await waitFor(
      () =>
        extensionEval<number>(
          session(),
          `browser.tabs.sendMessage(${tabId}, ${JSON.stringify(EMPTIED_LOG.statsMessage)}, { frameId: 0 }).then((s) => s.badges, () => -1)`,
        ),
      (badges) => badges === 0,
    );
    const toolbar = await waitFor(
      () => firefoxToolbarText(session(), tabId),
      (text) => text === '',
    );
    report('emptied log: rows the annotations keep, toolbar', { kept, toolbar });
    expect(kept).toBe(0);
    expect(toolbar).toBe('');
  });
});
