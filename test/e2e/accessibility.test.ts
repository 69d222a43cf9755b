// axe-core in real Chromium over the toolbar popup (findings, diagnose results, empty and
// unsupported states) and the options page, in the light and the dark colour scheme: no serious or
// critical WCAG 2 A/AA violation.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, readBadges, ROOT, serveHtml, ToolbarPopup, waitFor, type ExtensionSession } from './harness';

const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe on the document and returns the serious and critical violations, readable. */
const RUN_AXE = `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] })
  .then((results) => results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | ')))`;

const LOG_URL = 'https://app.hubspot.com/workflows/1/platform/flow/2/history';
const LOG_HTML = `<!doctype html><title>History</title><ul>
  <li>HTTP 429 Too Many Requests — Retry-After: 30</li>
  <li>HTTP 500 Internal Server Error</li>
  <li>Authorization: Bearer ###</li>
  <li>dial tcp 10.0.0.1:443: connect: connection refused</li>
</ul>`;
const CLEAN_URL = 'https://app.hubspot.com/workflows/1/platform/flow/3/history';
const OTHER_URL = 'https://example.org/a11y';

type Scheme = 'light' | 'dark';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
  await serveHtml(session.context, LOG_URL, LOG_HTML);
  await serveHtml(session.context, CLEAN_URL, '<!doctype html><title>History</title><ul><li>200 OK</li></ul>');
  await serveHtml(session.context, OTHER_URL, '<!doctype html><title>Other</title><p>Hello</p>');
});

afterAll(async () => {
  await session?.close();
});

async function popupViolations(url: string, scheme: Scheme, prepare: (popup: ToolbarPopup) => Promise<void>): Promise<string[]> {
  const page = await session.context.newPage();
  try {
    await page.goto(url);
    if (url === LOG_URL)
      await waitFor(
        () => readBadges(page),
        (b) => b.length === 4,
      );
    else await page.waitForTimeout(300);
    const popup = await ToolbarPopup.open(session, page);
    try {
      await popup.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
      await popup.waitFor(`document.querySelector('main.popup') && !document.querySelector('main[aria-busy="true"]')`);
      await prepare(popup);
      const applied = await popup.evaluate<boolean>(`matchMedia('(prefers-color-scheme: ${scheme})').matches`);
      expect(applied, `${scheme} scheme emulated`).toBe(true);
      await popup.evaluate(`(() => { ${AXE_SOURCE}; return true; })()`);
      return await popup.evaluate<string[]>(RUN_AXE);
    } finally {
      await popup.close();
    }
  } finally {
    await page.close();
  }
}

const nothing = async () => undefined;

const POPUP_STATES: [string, string, (popup: ToolbarPopup) => Promise<void>][] = [
  ['findings overview', LOG_URL, async (popup) => popup.waitFor(`document.querySelectorAll('li[data-key]').length === 4`)],
  [
    'findings, a card open from the overview',
    LOG_URL,
    async (popup) => {
      await popup.waitFor(`document.querySelectorAll('li[data-key]').length === 4`);
      await popup.click('li[data-key] .triage__line');
      await popup.waitFor(`document.querySelector('.triage__line[aria-expanded="true"]')`);
    },
  ],
  [
    'findings, every card and a diagnose result open',
    LOG_URL,
    async (popup) => {
      await popup.waitFor(`document.querySelectorAll('li[data-key]').length === 4`);
      await popup.fill('#diagnose-text', 'HTTP 401 Unauthorized\nAuthorization: abc');
      await popup.click('.diagnose button[type="submit"]');
      await popup.waitFor(`document.querySelector('ul[aria-label="Problems in the pasted text"] li')`);
      await popup.click('.copy button');
      await popup.waitFor(`document.querySelector('.copy__status')?.textContent`);
      await popup.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
    },
  ],
  ['no failures', CLEAN_URL, nothing],
  ['unsupported page', OTHER_URL, nothing],
];

describe.each<Scheme>(['light', 'dark'])('%s colour scheme', (scheme) => {
  it.each(POPUP_STATES)('popup: %s', async (_name, url, prepare) => {
    expect(await popupViolations(url, scheme, prepare)).toEqual([]);
  });

  it('options page', async () => {
    const page: Page = await session.context.newPage();
    try {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
      await page.waitForSelector('main, form, fieldset');
      await page.waitForTimeout(200);
      await page.evaluate(`(() => { ${AXE_SOURCE}; return true; })()`);
      expect(await page.evaluate<string[]>(RUN_AXE)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
