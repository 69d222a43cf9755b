// What every red-team round's test file shares: one Chromium session with the built extension
// for the file, attack pages served at an ESP origin, and figures printed for README-attacks.md.
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import {
  extensionMarkup,
  launchWithExtension,
  readBadges,
  serveHtml,
  tabIdOf,
  toolbarBadge,
  waitFor,
  type ExtensionSession,
} from './harness';
import { TOKEN } from './token-sentinel';
import { leakedPieces } from '../fuzz/vocabulary';

export const RED_TEAM_ORIGIN = 'https://app.iterable.com';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RedTeamRound {
  /** The file's browser session (launched before its tests). */
  session(): ExtensionSession;
  /** Prints a figure the README's table quotes. */
  report(name: string, values: unknown): void;
  /** Serves `html` at an attack page of this round and opens it. */
  open(name: string, html: string): Promise<Page>;
  /** The toolbar count of the page's tab. */
  toolbarText(page: Page): Promise<string>;
  /** Opens a page of failing rows quoting pieces of the sentinel and counts where pieces went. */
  sentinelLeaks(name: string, html: string, rows: number): Promise<SentinelLeaks>;
}

/** What a page of rows quoting the sentinel led to: the toolbar, and pieces found where they must not be. */
export interface SentinelLeaks {
  toolbar: string;
  /** Everything the extension stored for the page (JSON). */
  stored: string;
  /** Pieces the page itself shows (the control: every one). */
  shown: number;
  leaks: { storage: string[]; markup: string[] };
}

/** Registers the session hooks of one round's test file. */
export function redTeamRound(round: number): RedTeamRound {
  let current: ExtensionSession | undefined;
  beforeAll(async () => {
    current = await launchWithExtension();
  });
  afterAll(async () => {
    await current?.close();
  });
  const session = (): ExtensionSession => {
    if (!current) throw new Error('the red-team session is not running');
    return current;
  };
  const hooks: RedTeamRound = {
    session,
    report(name, values) {
      console.log(`[red-team-${round}] ${name}: ${JSON.stringify(values)}`);
    },
    async open(name, html) {
      const url = `${RED_TEAM_ORIGIN}/e2e/red-team-${round}/${name}`;
      await serveHtml(session().context, url, html);
      const page = await session().context.newPage();
      await page.goto(url);
      return page;
    },
    async toolbarText(page) {
      return (await toolbarBadge(session(), await tabIdOf(session(), page))).text;
    },
    async sentinelLeaks(name, html, rows) {
      const page = await hooks.open(name, html);
      await waitFor(
        () => readBadges(page),
        (b) => b.length >= rows,
      );
      await sleep(1000); // the last snapshot
      const worker = await session().worker();
      const stored = await worker.evaluate(async () =>
        JSON.stringify({ session: await chrome.storage.session.get(null), local: await chrome.storage.local.get(null) }),
      );
      const markup = (await extensionMarkup(session(), page)).join('\n');
      const toolbar = await hooks.toolbarText(page);
      const shown = leakedPieces(TOKEN, (await page.textContent('#log')) ?? '').length;
      await page.close();
      return { toolbar, stored, shown, leaks: { storage: leakedPieces(TOKEN, stored), markup: leakedPieces(TOKEN, markup) } };
    },
  };
  return hooks;
}
