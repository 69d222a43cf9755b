// Chromium and Firefox: the badge card stays inside the viewport and off its badge wherever the
// row is.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { extensionMarkup, launchWithExtension, serveHtml, waitFor } from './harness';
import { firefoxExtensionMarkup, launchFirefoxWithExtension } from './firefox-harness';
import {
  CARD_SPACERS,
  CARD_VIEWPORT,
  DIAGNOSED,
  cardPage,
  cardPageUrl,
  cardPlacementProblems,
  PROBE_CARD,
  type CardProbe,
} from './card-placement';

/** One browser's way to open the card page, once its badge is diagnosed, and to act on it. */
interface CardPage {
  markup(): Promise<string[]>;
  clickBadge(): Promise<void>;
  probe(): Promise<CardProbe>;
  close(): Promise<void>;
}

interface Driver {
  launch(): Promise<void>;
  open(spacer: number): Promise<CardPage>;
  close(): Promise<void>;
}

const BADGE = '[data-webhook-doctor="badge"]';

function chromium(): Driver {
  let session: Awaited<ReturnType<typeof launchWithExtension>>;
  return {
    launch: async () => void (session = await launchWithExtension({ viewport: CARD_VIEWPORT })),
    open: async (spacer) => {
      await serveHtml(session.context, cardPageUrl(spacer), cardPage(spacer));
      const page = await session.context.newPage();
      await page.goto(cardPageUrl(spacer));
      return {
        markup: () => extensionMarkup(session, page),
        clickBadge: () => page.locator(BADGE).click(),
        probe: () => page.evaluate<CardProbe>(PROBE_CARD),
        close: () => page.close(),
      };
    },
    close: async () => session?.close(),
  };
}

function firefox(): Driver {
  let session: Awaited<ReturnType<typeof launchFirefoxWithExtension>>;
  return {
    launch: async () => void (session = await launchFirefoxWithExtension({ viewport: CARD_VIEWPORT })),
    open: async (spacer) => {
      session.serve(cardPageUrl(spacer), cardPage(spacer));
      const page = await session.newPage();
      await page.goto(cardPageUrl(spacer));
      return {
        markup: () => firefoxExtensionMarkup(session, page),
        clickBadge: () => page.click(BADGE),
        probe: () => page.evaluate(PROBE_CARD) as Promise<CardProbe>,
        close: () => page.close(),
      };
    },
    close: async () => session?.close(),
  };
}

describe.each([
  ['Chromium', chromium()],
  ['Firefox', firefox()],
])('%s: the badge card near the edges', (_browser, driver) => {
  beforeAll(() => driver.launch());
  afterAll(() => driver.close());

  it.each(Object.entries(CARD_SPACERS))('stays on screen for a row %s', async (_name, spacer) => {
    const page = await driver.open(spacer);
    try {
      // The full card, not the placeholder shown before the worker's diagnosis is in.
      await waitFor(
        () => page.markup(),
        (markup) => markup.some((html) => html.includes(DIAGNOSED)),
      );
      await page.clickBadge();
      const probe = await waitFor(
        () => page.probe(),
        (p) => p.first >= 0,
        5_000,
      );
      expect(cardPlacementProblems(probe), JSON.stringify(probe)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
