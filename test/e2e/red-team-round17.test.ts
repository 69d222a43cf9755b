// Red-team round seventeen against the built extension in real Chromium (red-team-pages-17.ts).
// test/e2e/README-attacks.md lists every attack with its result; each test prints its figure.
import { describe, expect, it } from 'vitest';
import { redTeamRound } from './red-team-round';
import { expectNothingReached, leakFigures } from './red-team-pages-11';
import { readBadges } from './harness';
import { waitFor } from './page-reads';
import { EMPTIED_LOG, LATE_EDITOR, SENTINEL_PAGES_17 } from './red-team-pages-17';
import { tabIdOf } from './harness';

const { report, sentinelLeaks, open, toolbarText, session } = redTeamRound(17);

describe.each(SENTINEL_PAGES_17)('secrets $attack', ({ name, html, rows, inText }) => {
  it('reach neither storage nor what we add to the page', async () => {
    const result = await sentinelLeaks(name, html, rows);
    report(`${name}: toolbar, pieces stored and in our markup`, { ...leakFigures(result), pieces: result.leaks.storage });
    expectNothingReached(result, rows, inText);
  });
});

describe.each(Object.entries(LATE_EDITOR.makeEditable))('a log made editable after its badges: %s', (how, script) => {
  it('loses our hosts before the page saves its content', async () => {
    const page = await open(how.replace(/\W+/g, '-'), LATE_EDITOR.html);
    await waitFor(
      () => readBadges(page),
      (badges) => badges.length === LATE_EDITOR.rows,
    );
    await page.evaluate(script);
    const saved = await waitFor(
      () => page.evaluate<number>(LATE_EDITOR.readSavedHosts),
      (hosts) => hosts === 0,
    );
    const toolbar = await waitFor(
      () => toolbarText(page),
      (text) => text === '',
    );
    report(`${how}: our hosts in the saved body, toolbar`, { saved, toolbar });
    expect(saved).toBe(0);
    expect(toolbar).toBe('');
  });
});

describe('a log of failing rows the page empties', () => {
  it('is forgotten: no annotation keeps its rows and badges in memory', { timeout: 240_000 }, async () => {
    const page = await open('emptied-log', EMPTIED_LOG.html);
    await page.evaluate(EMPTIED_LOG.fill);
    await waitFor(
      () => page.evaluate<number>(EMPTIED_LOG.readHosts),
      (hosts) => hosts === EMPTIED_LOG.rows,
      180_000,
    );
    await page.evaluate(EMPTIED_LOG.empty);
    const tab = await tabIdOf(session(), page);
    const worker = await session().worker();
    const kept = await waitFor(
      () =>
        worker.evaluate(
          ([id, message]) =>
            chrome.tabs
              .sendMessage(id, message, { frameId: 0 })
              .then((stats: { badges: number }) => stats.badges)
              .catch(() => -1),
          [tab, EMPTIED_LOG.statsMessage] as const,
        ),
      (badges) => badges === 0,
    );
    const toolbar = await waitFor(
      () => toolbarText(page),
      (text) => text === '',
    );
    report('emptied log: rows the annotations keep, toolbar', { kept, toolbar });
    expect(kept).toBe(0);
    expect(toolbar).toBe('');
  });
});
