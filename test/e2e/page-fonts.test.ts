// Chromium and Firefox: the popup's and the options page's text is set in the font our sheets
// give the root. Chromium gives an extension page's body a font of its own (75 % of the default
// size, its own family): without a rule of ours the popup's text was 10.5 px in Chromium.
import { describe, it, expect } from 'vitest';
import { launchWithExtension } from './harness';
import { launchFirefoxWithExtension, openExtensionPage } from './firefox-harness';

const PAGES = ['src/popup/index.html', 'src/options/index.html'];

/** The root's and the body's size and family, and the body text's size. */
const FONTS = `(() => {
  const style = (el) => getComputedStyle(el);
  const text = document.querySelector('main p, main .hint, main .note');
  return {
    root: style(document.documentElement).fontSize + ' ' + style(document.documentElement).fontFamily,
    body: style(document.body).fontSize + ' ' + style(document.body).fontFamily,
    text: text ? style(text).fontSize : 'no text',
  };
})()`;

interface Fonts {
  root: string;
  body: string;
  text: string;
}

function expectOurFont(fonts: Fonts): void {
  expect(fonts.body).toBe(fonts.root);
  expect(Number.parseFloat(fonts.text)).toBeGreaterThanOrEqual(12);
}

describe("extension pages' text size", () => {
  it('Chromium: the body keeps the font of our sheets', async () => {
    const session = await launchWithExtension();
    try {
      for (const path of PAGES) {
        const page = await session.context.newPage();
        await page.goto(`chrome-extension://${session.extensionId}/${path}`);
        await page.waitForSelector('main p, main .hint');
        expectOurFont(await page.evaluate<Fonts>(FONTS));
        await page.close();
      }
    } finally {
      await session.close();
    }
  });

  it('Firefox: the body keeps the font of our sheets', async () => {
    const session = await launchFirefoxWithExtension();
    try {
      for (const path of PAGES) {
        const page = await openExtensionPage(session, path);
        await page.waitForSelector('main p, main .hint');
        expectOurFont((await page.evaluate(FONTS)) as Fonts);
        await page.close();
      }
    } finally {
      await session.close();
    }
  });
});
