// What every Firefox red-team round's test file shares: one Firefox session with the built
// extension for the file, and attack pages served at an ESP origin.
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  extensionEval,
  firefoxBadges,
  firefoxExtensionMarkup,
  firefoxTabId,
  firefoxToolbarText,
  launchFirefoxWithExtension,
  type FirefoxSession,
} from './firefox-harness';
import { waitFor } from './page-reads';
import type { SentinelLeaks } from './red-team-round';
import { TOKEN } from './token-sentinel';
import { leakedPieces } from '../fuzz/vocabulary';

export interface FirefoxRedTeamRound {
  /** The file's Firefox session (launched before its tests). */
  session(): FirefoxSession;
  /** Serves `html` at an attack page of this round and opens it. */
  open(name: string, html: string): Promise<Page>;
  /** Opens a page of failing rows quoting pieces of the sentinel and counts where pieces went. */
  sentinelLeaks(name: string, html: string, rows: number): Promise<SentinelLeaks>;
}

/** Registers the session hooks of one Firefox round's test file. */
export function firefoxRedTeamRound(round: number): FirefoxRedTeamRound {
  const origin = `https://app.iterable.com/e2e/firefox-red-team-${round}`;
  let current: FirefoxSession | undefined;
  beforeAll(async () => {
    current = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await current?.close();
  });
  const session = (): FirefoxSession => {
    if (!current) throw new Error('the Firefox red-team session is not running');
    return current;
  };
  const hooks: FirefoxRedTeamRound = {
    session,
    async open(name, html) {
      session().serve(`${origin}/${name}`, html);
      const page = await session().newPage();
      await page.goto(`${origin}/${name}`);
      return page;
    },
    async sentinelLeaks(name, html, rows) {
      const page = await hooks.open(name, html);
      await waitFor(
        () => firefoxBadges(page),
        (b) => b.length >= rows,
        8_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000)); // the last snapshot
      const stored = JSON.stringify(
        await extensionEval(session(), `Promise.all([browser.storage.session.get(null), browser.storage.local.get(null)])`),
      );
      const markup = (await firefoxExtensionMarkup(session(), page)).join('\n');
      const toolbar = await firefoxToolbarText(session(), await firefoxTabId(session(), page));
      const shown = leakedPieces(TOKEN, (await page.evaluate(`document.getElementById('log').textContent`)) as string).length;
      await page.close();
      return { toolbar, stored, shown, leaks: { storage: leakedPieces(TOKEN, stored), markup: leakedPieces(TOKEN, markup) } };
    },
  };
  return hooks;
}
