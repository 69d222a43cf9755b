// Time to first render of the real toolbar popup, opened (as a click would) on a page with many
// failing rows. Times are the popup document's own clock, so they start at its navigation.
import { ToolbarPopup, type ExtensionSession } from '../../test/e2e/harness';
import { POPUP_PAINT_PROBE, POPUP_RENDER_PROBE } from './in-page';
import { waitForBadges } from './chromium';
import type { LogPage } from './page-generator';

const POLL_MS = 20;
const GROUPS_TIMEOUT_MS = 5_000;

interface Probe {
  ms: number;
  source: string;
}

export interface PopupRun {
  firstRenderMs: number;
  /** 'mark' (the popup's own wd-first-render mark), 'poll' (first poll that saw a finding
   * group: an upper bound) or 'first-contentful-paint' (no finding group ever showed). */
  source: string;
  badgesOnPage: number;
}

async function probe(popup: ToolbarPopup): Promise<Probe | null> {
  const deadline = Date.now() + GROUPS_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const seen = await popup.evaluate<Probe | null>(POPUP_RENDER_PROBE).catch(() => null);
    if (seen) return seen;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return popup.evaluate<Probe | null>(POPUP_PAINT_PROBE).catch(() => null);
}

/** Opens the popup `runs` times on the failure page (after its badges are placed). */
export async function measurePopup(session: ExtensionSession, failurePage: LogPage, runs: number): Promise<PopupRun[]> {
  const page = await session.context.newPage();
  try {
    await page.goto(failurePage.url, { waitUntil: 'load', timeout: 60_000 });
    const badgesOnPage = await waitForBadges(page, failurePage.failingRows.length, null);
    // Give the worker a moment to store the page's findings before the popup reads them.
    await page.waitForTimeout(500);
    const results: PopupRun[] = [];
    for (let run = 0; run < runs; run++) {
      const popup = await ToolbarPopup.open(session, page);
      try {
        const seen = await probe(popup);
        results.push({ firstRenderMs: seen?.ms ?? Number.NaN, source: seen?.source ?? 'none', badgesOnPage });
      } finally {
        await popup.close();
      }
      await page.waitForTimeout(300);
    }
    return results;
  } finally {
    await page.close();
  }
}
