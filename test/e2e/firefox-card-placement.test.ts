// Firefox: the badge card stays inside the viewport and off its badge wherever the row is.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { firefoxExtensionMarkup, launchFirefoxWithExtension, type FirefoxSession } from './firefox-harness';
import { waitFor } from './page-reads';
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

let session: FirefoxSession;

beforeAll(async () => {
  session = await launchFirefoxWithExtension({ viewport: CARD_VIEWPORT });
});

afterAll(async () => {
  await session?.close();
});

describe('the badge card near the edges', () => {
  it.each(Object.entries(CARD_SPACERS))('stays on screen for a row %s', async (_name, spacer) => {
    session.serve(cardPageUrl(spacer), cardPage(spacer));
    const page = await session.newPage();
    try {
      await page.goto(cardPageUrl(spacer));
      await waitFor(
        () => firefoxExtensionMarkup(session, page),
        (markup) => markup.some((html) => html.includes(DIAGNOSED)),
      );
      await page.click('[data-webhook-doctor="badge"]');
      const probe = await waitFor(
        () => page.evaluate(PROBE_CARD) as Promise<CardProbe>,
        (p) => p.first >= 0,
        5_000,
      );
      expect(cardPlacementProblems(probe), JSON.stringify(probe)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
