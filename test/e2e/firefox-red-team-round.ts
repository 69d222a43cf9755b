// What every Firefox red-team round's test file shares: one Firefox session with the built
// extension for the file, and attack pages served at an ESP origin.
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type FirefoxSession } from './firefox-harness';

export interface FirefoxRedTeamRound {
  /** The file's Firefox session (launched before its tests). */
  session(): FirefoxSession;
  /** Serves `html` at an attack page of this round and opens it. */
  open(name: string, html: string): Promise<Page>;
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
  return {
    session,
    async open(name, html) {
      session().serve(`${origin}/${name}`, html);
      const page = await session().newPage();
      await page.goto(`${origin}/${name}`);
      return page;
    },
  };
}
