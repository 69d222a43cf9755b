// @vitest-environment happy-dom
// Every fixture page through the real adapters and the content script (messaging mocked by the
// unit setup): each page is served at a manifest host, and the badges and field warnings are
// exactly the ones the end-to-end tests expect in Chromium. Each selector's own counts:
// providers-selectors.test.ts.
import { describe, it, expect, vi, afterEach, beforeAll, afterAll } from 'vitest';
import { PropertySymbol } from 'happy-dom';
import { extensionManifest } from '../../scripts/manifest';
import { startContentScript, type ContentApp } from '../../src/content/app';
import { sendSnapshot } from '../../src/content/runtime/messaging';
import { adapterFor } from '../../src/providers';
import { fieldWarningText } from '../../src/content/fields/field-warning';
import { diagnose } from '../../src/engine';
import { endpointFor } from '../../src/engine/catalog';
import type { PageSnapshot } from '../../src/shared/messages';
import { redactSecretsInText } from '../../src/engine/redact';
import { withoutQueryOrFragment } from '../../src/engine/page-address';
import { FIXTURES, type FixturePage } from '../fixtures/index';
import { fixtureHtml, loadFixture, readBadges, readFieldWarnings, type LoadedPage } from '../fixtures/load';

/**
 * Fixtures with a timeline or rows drawn by a script, and how long to let it run: rows after 500 ms
 * and a route change after 1 s; shadow roots attached up to 1.5 s in, found by a poll every
 * 500 ms; a virtualised list drawn at once; nested component roots drawn as the page parses; a
 * virtualised grid scrolled after 300 ms; a <tbody> swapped at 400 ms, a dialog filled at 500 ms,
 * a feed scrolled at 300 and 600 ms, a frame added at 700 ms, slotted component rows, rows streamed in for half a second (more on a loaded machine), components defined 600 and 900 ms in, a caption line added
 * 500 ms after its rows, row text set at 300 and 600 ms, a detail panel opened by a click at
 * 400 ms, recycled rows given new text at 300 ms, header captions filled in at 400 ms, row
 * components defined as the page parses, div captions filled in at 400 ms, caption spans in header
 * divs filled in at 400 ms, a component drawing captions above slotted rows as the page parses.
 */
const TIMELINE_MS = new Map([
  ['generic/unknown-layout.html', 1300],
  ['generic/late-shadow-roots.html', 2600],
  ['generic/fixed-rows.html', 100],
  ['hubspot/expandable-rows.html', 500],
  ['hubspot/framed-log.html', 100],
  ['customerio/nested-shadow-chip.html', 100],
  ['braze/contents-grid-window.html', 500],
  ['klaviyo/tbody-pages.html', 700],
  ['hubspot/dialog-log.html', 800],
  ['iterable/infinite-scroll.html', 900],
  ['hubspot/late-iframe-log.html', 1000],
  ['braze/slotted-row-template.html', 100],
  ['customerio/streamed-rows.html', 2000],
  ['hubspot/late-element-table.html', 1500],
  ['customerio/caption-after-rows.html', 1000],
  ['iterable/text-data-rows.html', 1000],
  ['customerio/master-detail-panel.html', 900],
  ['iterable/template-recycled-list.html', 800],
  ['customerio/i18n-late-headers.html', 900],
  ['customerio/shadow-row-components.html', 100],
  ['braze/short-component-rows.html', 100],
  ['customerio/late-div-captions.html', 900],
  ['braze/slot-label-shadow.html', 100],
  ['hubspot/late-header-div-span.html', 900],
  ['klaviyo/slotted-rows-shadow-header.html', 100],
]);
const SCRIPTED = new Set(TIMELINE_MS.keys());
/** The fixture whose timeline ends on another route (history.pushState). */
const ROUTE_CHANGE = 'generic/unknown-layout.html';

/**
 * The browsers' way for an extension to reach a closed shadow root (chrome.dom in Chromium),
 * faked over happy-dom's own record of the root.
 */
function fakeClosedRootReader(): () => void {
  const scope = globalThis as { chrome?: { dom?: unknown } };
  const chrome = scope.chrome ?? {};
  const before = chrome.dom;
  chrome.dom = {
    openOrClosedShadowRoot: (element: Element) =>
      (element as unknown as Record<symbol, ShadowRoot | null>)[PropertySymbol.shadowRoot] ?? null,
  };
  scope.chrome = chrome;
  return () => {
    chrome.dom = before;
  };
}

const open: { page: LoadedPage; app: ContentApp | null }[] = [];

afterEach(async () => {
  for (const { page, app } of open.splice(0)) {
    app?.stop();
    await page.close();
  }
  vi.mocked(sendSnapshot).mockClear();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runFixture(fixture: FixturePage): Promise<{ page: LoadedPage; app: ContentApp }> {
  const timeline = TIMELINE_MS.get(fixture.file);
  const page = loadFixture(fixture, timeline !== undefined);
  const app = await startContentScript(page.win);
  open.push({ page, app });
  if (!app) throw new Error('content script did not start');
  if (timeline !== undefined) await sleep(timeline);
  await app.settle();
  return { page, app };
}

function manifestHostPatterns(): RegExp[] {
  const matches = extensionManifest().content_scripts.flatMap((script) => script.matches);
  return matches.map((pattern) => {
    const host = new URL(pattern.replace('*.', 'wildcard.')).hostname.replace('wildcard.', '');
    const escaped = host.replace(/\./g, '\\.');
    return new RegExp(pattern.includes('*.') ? `^([a-z0-9-]+\\.)+${escaped}$` : `^${escaped}$`);
  });
}

describe('fixture catalogue', () => {
  it.each(FIXTURES)('$file says what it models and loads nothing from outside', ({ file }) => {
    const html = fixtureHtml(file);
    expect(html.trimStart().startsWith('<!--')).toBe(true);
    const comment = html.slice(0, html.indexOf('-->'));
    expect(comment).toMatch(/model/i);
    expect(html).not.toMatch(/<link\b|<iframe\b|@import|\bsrc=["']?https?:|url\(\s*["']?https?:/i);
  });

  it('serves every page at an address of its own', () => {
    const urls = FIXTURES.map((f) => f.url);
    expect(urls.filter((url, i) => urls.indexOf(url) !== i)).toEqual([]);
  });

  it.each(FIXTURES)('$file is served on a manifest host whose adapter is $site', ({ url, site }) => {
    const host = new URL(url).hostname;
    expect(manifestHostPatterns().some((pattern) => pattern.test(host))).toBe(true);
    if (site !== 'generic') expect(adapterFor(host).id).toBe(site);
  });

  it.each(FIXTURES.filter((f) => !SCRIPTED.has(f.file)))('$file contains each expected and unbadged text once', (fixture) => {
    const page = loadFixture(fixture);
    open.push({ page, app: null });
    const text = (page.doc.body.textContent ?? '').replace(/\s+/g, ' ');
    for (const { rowText } of fixture.expectedBadges) expect(text.split(rowText).length - 1, rowText).toBe(1);
    for (const unbadged of fixture.noBadgeTexts) expect(text, unbadged).toContain(unbadged);
    for (const { field } of fixture.expectedFieldWarnings) expect(page.doc.querySelectorAll(field).length, field).toBe(1);
  });

  it('every log fixture has rows that must stay unbadged and a hostile row shown as text', () => {
    for (const fixture of FIXTURES.filter((f) => f.expectedBadges.length > 0)) {
      expect(fixture.noBadgeTexts.length, fixture.file).toBeGreaterThan(0);
      expect(fixtureHtml(fixture.file), fixture.file).toMatch(/&lt;(img|script|svg|\/style|iframe)/);
    }
  });
});

describe('adapterFor', () => {
  it.each([
    ['www.klaviyo.com', 'klaviyo'],
    ['dashboard-01.braze.com', 'braze'],
    ['dashboard-02.braze.eu', 'braze'],
    ['fly.customer.io', 'customerio'],
    ['fly-eu.customer.io', 'customerio'],
    ['app.hubspot.com', 'hubspot'],
    ['app-eu1.hubspot.com', 'hubspot'],
    ['app.iterable.com', 'iterable'],
    ['app.eu.iterable.com', 'iterable'],
    ['WWW.KLAVIYO.COM', 'klaviyo'],
    ['esp.example.com', 'generic'],
    ['klaviyo.com.evil.example', 'generic'],
    ['notbraze.com', 'generic'],
    ['braze.com.example.org', 'generic'],
    ['customer.io', 'generic'],
  ])('%s → %s', (host, id) => {
    expect(adapterFor(host).id).toBe(id);
  });
});

describe.each(FIXTURES)('$file through the content script', (fixture) => {
  let restoreReader = (): void => undefined;
  beforeAll(() => {
    restoreReader = fakeClosedRootReader();
  });
  afterAll(() => restoreReader());

  it('badges exactly the failing rows, in order, with their codes', async () => {
    const { page } = await runFixture(fixture);
    const badges = readBadges(page.doc);
    // happy-dom runs no content script inside frames: the browser tests check those rows.
    const expected = fixture.expectedBadges.filter((e) => !e.inFrame);
    expect(badges.map((b) => [b.code, b.problem])).toEqual(expected.map((e) => [e.code === null ? '' : String(e.code), e.problem ?? '']));
    badges.forEach((badge, i) => expect(badge.rowText).toContain(expected[i]!.rowText));
    for (const text of fixture.noBadgeTexts) {
      expect(
        badges.some((b) => b.rowText.includes(text)),
        `"${text}" must stay unbadged`,
      ).toBe(false);
    }
  });

  it('warns right after exactly the broken fields', async () => {
    const { page } = await runFixture(fixture);
    const warnings = readFieldWarnings(page.doc);
    expect(warnings.map((w) => w.problem).sort()).toEqual(fixture.expectedFieldWarnings.map((e) => e.problem).sort());
    for (const expected of fixture.expectedFieldWarnings) {
      const field = page.doc.querySelector(expected.field);
      let next = field?.nextElementSibling;
      let found = false;
      while (next?.getAttribute('data-webhook-doctor') === 'field-warning') {
        if (next.getAttribute('data-problem') === expected.problem) found = true;
        next = next.nextElementSibling;
      }
      expect(found, `${expected.problem} after ${expected.field}`).toBe(true);
    }
  });

  const specific = fixture.expectedFieldWarnings.filter((warning) => warning.says !== undefined);
  if (specific.length > 0) {
    it("gives the popup the receiver's advice, beyond the generic one", async () => {
      const { app } = await runFixture(fixture);
      await app.flushSnapshot();
      const snapshot = vi.mocked(sendSnapshot).mock.calls.at(-1)?.[0] as PageSnapshot;
      // The worker diagnoses with the redacted destination the snapshot carries.
      const layer = endpointFor(snapshot.endpointUrl);
      expect(layer, `receiver of ${snapshot.endpointUrl}`).toBeDefined();
      for (const warning of specific) {
        const group = snapshot.groups.find((g) => g.finding.problem === warning.problem);
        expect(group, warning.problem).toBeDefined();
        const context = { endpointUrl: snapshot.endpointUrl ?? '', provider: snapshot.provider ?? undefined };
        const generic = diagnose(group!.finding, { provider: context.provider });
        const specificSteps = diagnose(group!.finding, context).steps.filter((step) => !generic.steps.includes(step));
        expect(specificSteps.length, `${layer?.name} adds steps for ${warning.problem}`).toBeGreaterThan(0);
      }
    });

    it("shows the receiver's own rule in its warnings", async () => {
      const { page } = await runFixture(fixture);
      const hosts = [...page.doc.querySelectorAll('[data-webhook-doctor="field-warning"]')];
      for (const warning of specific) {
        const sentences = hosts
          .filter((host) => host.getAttribute('data-problem') === warning.problem)
          .map((host) => fieldWarningText(host) ?? '');
        expect(
          sentences.some((text) => text.includes(warning.says ?? '')),
          `${warning.problem}: ${JSON.stringify(sentences)}`,
        ).toBe(true);
      }
    });
  }

  it('reports one finding per badge and per warning in its snapshot', async () => {
    const { app } = await runFixture(fixture);
    await app.flushSnapshot();
    const snapshot = vi.mocked(sendSnapshot).mock.calls.at(-1)?.[0] as PageSnapshot;
    // The page's address without query or fragment, random-looking path segments (IDs) hidden.
    const address = withoutQueryOrFragment(fixture.file === ROUTE_CHANGE ? `${fixture.url}/history` : fixture.url);
    expect(snapshot.url).toBe(redactSecretsInText(address));
    expect(snapshot.provider).toBe(fixture.site === 'generic' ? 'iterable' : fixture.site);
    const total = snapshot.groups.reduce((sum, group) => sum + group.count, 0);
    const outsideFrames = fixture.expectedBadges.filter((e) => !e.inFrame);
    expect(total).toBe(outsideFrames.length + fixture.expectedFieldWarnings.length);
  });
});

describe('generic/unknown-layout.html timeline', () => {
  it('badges the shadow-root row at once, the added row after 500 ms, and only the new view after the route change', async () => {
    const fixture = FIXTURES.find((f) => f.file === 'generic/unknown-layout.html')!;
    const page = loadFixture(fixture, true);
    const app = await startContentScript(page.win);
    open.push({ page, app });
    await app!.settle();
    expect(readBadges(page.doc).map((b) => b.code)).toEqual(['502', '503']);
    await sleep(700);
    await app!.settle();
    expect(readBadges(page.doc).map((b) => b.code)).toEqual(['502', '401', '503']);
    await sleep(600);
    await app!.settle();
    expect(page.win.location.pathname).toBe('/some/unknown/page/history');
    expect(readBadges(page.doc).map((b) => b.code || b.problem)).toEqual(['500', 'connection-refused', 'masked-token', '504', '503']);
  });
});
