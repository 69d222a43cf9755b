// What every red-team round's test file shares: one Chromium session with the built extension
// for the file, attack pages served at an ESP origin, and figures printed for README-attacks.md.
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serveHtml, tabIdOf, toolbarBadge, type ExtensionSession } from './harness';

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
  return {
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
  };
}
