// Chromium and Firefox: the options page's checkboxes and radio buttons sit level with their words.
import { describe, it, expect } from 'vitest';
import { launchWithExtension } from './harness';
import { launchFirefoxWithExtension, openExtensionPage } from './firefox-harness';
import { CONTROL_OFFSETS, MAX_OFFSET, type ControlOffset } from './options-controls';

const misaligned = (offsets: ControlOffset[]) => offsets.filter((o) => o.offset > MAX_OFFSET);

describe('options page controls', () => {
  it('Chromium: every control is level with its words', async () => {
    const session = await launchWithExtension();
    try {
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
      await page.waitForSelector('label.radio input');
      const offsets = await page.evaluate<ControlOffset[]>(CONTROL_OFFSETS);
      expect(offsets.length).toBeGreaterThan(5);
      expect(misaligned(offsets)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('Firefox: every control is level with its words', async () => {
    const session = await launchFirefoxWithExtension();
    try {
      const page = await openExtensionPage(session, 'src/options/index.html');
      await page.waitForSelector('label.radio input');
      const offsets = (await page.evaluate(CONTROL_OFFSETS)) as ControlOffset[];
      expect(offsets.length).toBeGreaterThan(5);
      expect(misaligned(offsets)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
