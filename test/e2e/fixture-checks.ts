// The fixture-page checks, one definition for both browsers: badges on exactly the failing rows
// with the right codes, field warnings on the right fields, the toolbar count.
import { describe, it, expect } from 'vitest';
import { FIXTURES } from '../fixtures/index';
import { waitFor, type BadgeInfo, type FieldWarningInfo } from './page-reads';

/** How a browser's harness shows a fixture page and reads what the extension did to it. */
export interface FixtureDriver {
  /** Loads the page at its real URL (the fixture is served there). */
  open(url: string): Promise<void>;
  badges(): Promise<BadgeInfo[]>;
  fieldWarnings(): Promise<FieldWarningInfo[]>;
  warningFollows(fieldSelector: string, problem: string): Promise<boolean>;
  /** Problem and sentence of each field warning (their text sits in closed shadow roots). */
  warningTexts(): Promise<{ problem: string; text: string }[]>;
  /** The toolbar icon's badge text for the page's tab. */
  toolbarText(): Promise<string>;
}

export function describeFixturePages(driver: () => FixtureDriver): void {
  describe.each(FIXTURES.map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
    it('badges exactly the failing rows, with their codes', async () => {
      await driver().open(fixture.url);
      const expected = fixture.expectedBadges;
      // Some fixtures add rows later or change route: wait for the expected count, then a bit more
      // to catch extra badges.
      await waitFor(
        () => driver().badges(),
        (b) => b.length >= expected.length,
        10_000,
      );
      await new Promise((r) => setTimeout(r, 400));
      const badges = await driver().badges();
      expect(badges.map((b) => [b.code, b.problem])).toEqual(expected.map((e) => [e.code === null ? '' : String(e.code), e.problem ?? '']));
      badges.forEach((badge, i) => expect(badge.rowText).toContain(expected[i]!.rowText));
      for (const text of fixture.noBadgeTexts) {
        expect(
          badges.some((b) => b.rowText.includes(text)),
          `row "${text}" must not be badged`,
        ).toBe(false);
      }
    });

    it('warns on exactly the broken editor fields', async () => {
      const expected = fixture.expectedFieldWarnings;
      const warnings = await waitFor(
        () => driver().fieldWarnings(),
        (w) => w.length >= expected.length,
        5_000,
      );
      expect(warnings.map((w) => w.problem).sort()).toEqual(expected.map((e) => e.problem).sort());
      for (const warning of expected) {
        expect(await driver().warningFollows(warning.field, warning.problem), `${warning.problem} right after ${warning.field}`).toBe(true);
      }
    });

    const specific = fixture.expectedFieldWarnings.filter((warning) => warning.says !== undefined);
    if (specific.length > 0)
      it("shows the receiver's own rule in its warnings", async () => {
        const texts = await driver().warningTexts();
        for (const warning of specific) {
          const sentences = texts.filter((t) => t.problem === warning.problem).map((t) => t.text);
          expect(
            sentences.some((text) => text.includes(warning.says ?? '')),
            `${warning.problem} says "${warning.says}" (got ${JSON.stringify(sentences)})`,
          ).toBe(true);
        }
      });

    it('counts the findings on the toolbar icon', async () => {
      const total = fixture.expectedBadges.length + fixture.expectedFieldWarnings.length;
      const text = await waitFor(
        () => driver().toolbarText(),
        (t) => t === (total ? String(total) : ''),
        5_000,
      );
      expect(text).toBe(total ? String(total) : '');
    });
  });
}
