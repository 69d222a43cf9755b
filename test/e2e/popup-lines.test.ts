// Chromium and Firefox: the popup's overview lines at 360 px draw nothing over anything else.
import { describe, it, expect } from 'vitest';
import { launchWithExtension, readBadges, serveHtml, tabIdOf, toolbarBadge, ToolbarPopup, waitFor } from './harness';
import { firefoxBadges, firefoxTabId, firefoxToolbarText, launchFirefoxWithExtension, openExtensionPage } from './firefox-harness';
import { LINE_OVERLAPS, LINES_BADGES, LINES_HTML, LINES_URL, POPUP_WIDTH } from './popup-lines';

const READY = `Boolean(document.querySelector('main.popup:not([aria-busy]) .triage__line'))`;

describe('popup overview lines at 360 px', () => {
  it('Chromium: tag, title and mark side by side', async () => {
    const session = await launchWithExtension();
    try {
      await serveHtml(session.context, LINES_URL, LINES_HTML);
      const log = await session.context.newPage();
      await log.goto(LINES_URL);
      await waitFor(
        () => readBadges(log),
        (b) => b.length === LINES_BADGES,
      );
      const tab = await tabIdOf(session, log);
      // Every finding is in the worker's store before the popup reads it.
      await waitFor(
        () => toolbarBadge(session, tab),
        (b) => b.text === String(LINES_BADGES),
      );
      // The real toolbar popup: its width (360 px) holds its scroll bar too.
      const popup = await ToolbarPopup.open(session, log);
      await popup.waitFor(`document.querySelectorAll('.triage__line').length === ${LINES_BADGES}`);
      expect(await popup.evaluate<string[]>(LINE_OVERLAPS)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('Firefox: tag, title and mark side by side', async () => {
    const session = await launchFirefoxWithExtension();
    try {
      session.serve(LINES_URL, LINES_HTML);
      const log = await session.newPage();
      await log.goto(LINES_URL);
      await waitFor(
        () => firefoxBadges(log),
        (b) => b.length === LINES_BADGES,
      );
      const tab = await firefoxTabId(session, log);
      await waitFor(
        () => firefoxToolbarText(session, tab),
        (text) => text === String(LINES_BADGES),
      );
      const popup = await openExtensionPage(session, `src/popup/index.html?tab=${tab}`);
      await popup.setViewport({ width: POPUP_WIDTH, height: 400 });
      await waitFor(() => popup.evaluate(READY) as Promise<boolean>, Boolean);
      expect(await popup.evaluate(`document.querySelectorAll('.triage__line').length`)).toBe(LINES_BADGES);
      expect(await popup.evaluate(LINE_OVERLAPS)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
