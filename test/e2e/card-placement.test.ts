// Chromium: the badge card stays inside the viewport and off its badge wherever the row is.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { extensionMarkup, launchWithExtension, serveHtml, waitFor, type ExtensionSession } from './harness';
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

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension({ viewport: CARD_VIEWPORT });
});

afterAll(async () => {
  await session?.close();
});

describe('the badge card near the edges', () => {
  it.each(Object.entries(CARD_SPACERS))('stays on screen for a row %s', async (_name, spacer) => {
    await serveHtml(session.context, cardPageUrl(spacer), cardPage(spacer));
    const page = await session.context.newPage();
    try {
      await page.goto(cardPageUrl(spacer));
      await waitFor(
        () => extensionMarkup(session, page),
        (markup) => markup.some((html) => html.includes(DIAGNOSED)),
      );
      await page.locator('[data-webhook-doctor="badge"]').click();
      const probe = await waitFor(
        () => page.evaluate<CardProbe>(PROBE_CARD),
        (p) => p.first >= 0,
        5_000,
      );
      expect(cardPlacementProblems(probe), JSON.stringify(probe)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
