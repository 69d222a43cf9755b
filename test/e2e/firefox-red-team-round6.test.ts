// Red-team round six in Firefox, where content scripts see the page through Xray wrappers rather
// than a separate world: a frame whose prototypes the parent page rewrote before writing the log,
// and an ESP page framing another ESP's log (README-attacks.md, round 6).
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firefoxTabId, firefoxToolbarText } from './firefox-harness';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { waitFor } from './page-reads';
import { FRAME_PROTOTYPES_HTML, INNER_ESP_LOG_HTML, outerEspHtml } from './red-team-pages-6';

const { session, open } = firefoxRedTeamRound(6);

/** Badge codes of the page and of each of its frames. */
async function allCodes(page: Page): Promise<string[]> {
  const codes: string[] = [];
  for (const frame of page.frames()) {
    const found = await frame
      .evaluate(`[...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((b) => b.dataset.code)`)
      .catch(() => []);
    codes.push(...(found as string[]));
  }
  return codes.sort();
}

describe('a frame whose prototypes the parent rewrote, in Firefox', () => {
  it('is badged and counted', async () => {
    const page = await open('frame-prototypes', FRAME_PROTOTYPES_HTML);
    const codes = await waitFor(
      () => allCodes(page),
      (c) => c.length >= 1,
      8_000,
    );
    const tab = await firefoxTabId(session(), page);
    const toolbar = await waitFor(
      () => firefoxToolbarText(session(), tab),
      (t) => t === '1',
      8_000,
    );
    console.log(`[firefox-red-team-6] frame with rewritten prototypes: ${JSON.stringify({ codes, toolbar })}`);
    expect(codes).toEqual(['503']);
    expect(toolbar).toBe('1');
    await page.close();
  });
});

describe('an ESP page framing another ESP, in Firefox', () => {
  it('badges both documents and counts each once', async () => {
    const inner = 'https://app.hubspot.com/e2e/firefox-red-team-6/inner-log';
    session().serve(inner, INNER_ESP_LOG_HTML);
    const page = await open('outer', outerEspHtml(inner));
    const codes = await waitFor(
      () => allCodes(page),
      (c) => c.length >= 2,
      8_000,
    );
    const tab = await firefoxTabId(session(), page);
    const toolbar = await waitFor(
      () => firefoxToolbarText(session(), tab),
      (t) => t === '2',
      8_000,
    );
    console.log(`[firefox-red-team-6] ESP framing an ESP: ${JSON.stringify({ codes, toolbar })}`);
    expect(codes).toEqual(['429', '502']);
    expect(toolbar).toBe('2');
    await page.close();
  });
});
