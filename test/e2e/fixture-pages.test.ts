// Every fixture ESP page, served at its real URL with the built extension loaded: badges on exactly
// the failing rows with the right codes, field warnings on the right fields, the toolbar count.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES } from '../fixtures/index';
import {
  launchWithExtension, readBadges, readFieldWarnings, serveFixtures, tabIdOf, toolbarBadge, waitFor,
  type ExtensionSession,
} from './harness';

let session: ExtensionSession;
let page: Page;

beforeAll(async () => {
  session = await launchWithExtension();
  await serveFixtures(session.context, FIXTURES);
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

describe.each(FIXTURES.map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
  it('badges exactly the failing rows, with their codes', async () => {
    await page.goto(fixture.url);
    const expected = fixture.expectedBadges;
    // Some fixtures add rows later or change route: wait for the expected count, then a bit more
    // to catch extra badges.
    await waitFor(() => readBadges(page), (b) => b.length >= expected.length, 10_000);
    await page.waitForTimeout(400);
    const badges = await readBadges(page);
    expect(badges.map((b) => [b.code, b.problem])).toEqual(
      expected.map((e) => [e.code === null ? '' : String(e.code), e.problem ?? '']),
    );
    badges.forEach((badge, i) => expect(badge.rowText).toContain(expected[i]!.rowText));
    for (const text of fixture.noBadgeTexts) {
      expect(badges.some((b) => b.rowText.includes(text)), `row "${text}" must not be badged`).toBe(false);
    }
  });

  it('warns on exactly the broken editor fields', async () => {
    const expected = fixture.expectedFieldWarnings;
    const warnings = await waitFor(() => readFieldWarnings(page), (w) => w.length >= expected.length, 5_000);
    expect(warnings.map((w) => w.problem).sort()).toEqual(expected.map((e) => e.problem).sort());
    for (const warning of expected) {
      const follows = await page.evaluate(({ selector, problem }) => {
        const field = document.querySelector(selector);
        let next = field?.nextElementSibling;
        while (next?.getAttribute('data-webhook-doctor') === 'field-warning') {
          if (next.getAttribute('data-problem') === problem) return true;
          next = next.nextElementSibling;
        }
        return false;
      }, { selector: warning.field, problem: warning.problem });
      expect(follows, `${warning.problem} right after ${warning.field}`).toBe(true);
    }
  });

  it('counts the findings on the toolbar icon', async () => {
    const total = fixture.expectedBadges.length + fixture.expectedFieldWarnings.length;
    const tab = await tabIdOf(session, page);
    const badge = await waitFor(() => toolbarBadge(session, tab), (b) => b.text === (total ? String(total) : ''), 5_000);
    expect(badge.text).toBe(total ? String(total) : '');
  });
});
