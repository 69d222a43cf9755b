// Token safety in real Firefox: the sentinel token of token-safety.test.ts, typed into a webhook
// header field and quoted by log rows, must never reach extension storage, a runtime message, a
// console, the popup, the copied report, or the DOM the extension adds (closed shadow roots
// included, read through WebDriver BiDi).
import { beforeAll, afterAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  extensionEval,
  firefoxBadges,
  firefoxExtensionMarkup,
  firefoxFieldWarnings,
  firefoxTabId,
  firefoxToolbarText,
  launchFirefoxWithExtension,
  openExtensionPage,
  type FirefoxSession,
} from './firefox-harness';
import { waitFor } from './page-reads';
import { describeSentinelChecks, EDITOR_HTML, EDITOR_URL, PAGE_CONTROL, Sightings, TOKEN, TOKEN_ROWS } from './token-sentinel';

const sightings = new Sightings();
const note = sightings.note.bind(sightings);

let session: FirefoxSession;

/** Records console output of a tab (page world and, where Firefox reports them, content scripts). */
function recordConsole(page: Page, where: string): void {
  page.on('console', (message) => note(where, message.text()));
  page.on('pageerror', (error) => note(where, String(error)));
}

beforeAll(async () => {
  session = await launchFirefoxWithExtension();
  session.serve(EDITOR_URL, EDITOR_HTML);

  // Every runtime message the content script sends reaches the extension's pages too: an
  // extension page records them (it answers none, so the background's replies are untouched).
  await extensionEval(
    session,
    `(() => {
    globalThis.recordedMessages = [];
    browser.runtime.onMessage.addListener((message, sender) => {
      globalThis.recordedMessages.push(JSON.stringify({ message, from: sender.url }));
    });
    return true;
  })()`,
  );
  recordConsole(session.api, 'extension page console');

  const page = await session.newPage();
  recordConsole(page, 'page console');
  await page.goto(EDITOR_URL);
  await waitFor(
    () => firefoxFieldWarnings(page),
    (w) => w.length === 2,
  );

  // The user types the token (no scheme: a warning), then the log shows it in four rows.
  await page.locator('#header-value-1').fill(TOKEN);
  await waitFor(
    () => firefoxFieldWarnings(page),
    (w) => w.some((x) => x.problem === 'missing-bearer-prefix'),
  );
  await page.evaluate(`(() => {
    const list = document.getElementById('deliveries');
    for (const text of ${JSON.stringify(TOKEN_ROWS)}) {
      const li = document.createElement('li');
      li.textContent = text;
      list.append(li);
    }
  })()`);
  await waitFor(
    () => firefoxBadges(page),
    (b) => b.length === TOKEN_ROWS.length,
  );
  const tab = await firefoxTabId(session, page);
  await waitFor(
    () => firefoxToolbarText(session, tab),
    (t) => t === String(TOKEN_ROWS.length + 2),
  );

  // A badge card opened by a click; then the DOM we added, card included.
  await page.click('[data-webhook-doctor="badge"]');
  const markup = await waitFor(
    () => firefoxExtensionMarkup(session, page),
    (m) => m.some((html) => html.includes('role="dialog"')),
  );
  note('DOM added to the page', markup);

  // The popup page for that tab: its DOM, its console, its copy of the report, the findings reply.
  const popup = await openExtensionPage(session, `src/popup/index.html?tab=${tab}`);
  recordConsole(popup, 'popup console');
  try {
    await waitFor(() => popup.evaluate(`document.querySelectorAll('li[data-key]').length >= 3`), Boolean);
    await popup.evaluate(`(() => {
      navigator.clipboard.writeText = (text) => { window.copiedReport = text; return Promise.resolve(); };
    })()`);
    await popup.click('.copy button');
    await waitFor(() => popup.evaluate(`Boolean(window.copiedReport)`), Boolean);
    note('copied report', await popup.evaluate(`window.copiedReport`));
    await popup.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
    note('popup DOM', await popup.evaluate(`document.documentElement.outerHTML`));
    note('get-tab-findings reply', await popup.evaluate(`browser.runtime.sendMessage({ type: 'get-tab-findings', tabId: ${tab} })`));
    // The diagnose box runs on pasted text that holds the token, too.
    await popup.locator('#diagnose-text').fill(`Authorization: ${TOKEN}\nHTTP 401 Unauthorized`);
    await popup.click('.diagnose button[type="submit"]');
    await waitFor(() => popup.evaluate(`Boolean(document.querySelector('ul[aria-label="Problems in the pasted text"] li'))`), Boolean);
    note('popup diagnose results', await popup.evaluate(`document.querySelector('.diagnose__results').outerHTML`));
  } finally {
    await popup.close();
  }

  // A valid value afterwards: the warning goes, the state is sent again.
  await page.locator('#header-value-1').fill(`Bearer ${TOKEN}`);
  await waitFor(
    () => firefoxFieldWarnings(page),
    (w) => !w.some((x) => x.problem === 'missing-bearer-prefix'),
  );
  await new Promise((r) => setTimeout(r, 600)); // the snapshot throttle

  note('runtime messages', await extensionEval<string[]>(session, 'globalThis.recordedMessages'));
  const storage = await extensionEval<Record<string, unknown>>(
    session,
    `Promise.all([
    browser.storage.local.get(null), browser.storage.session.get(null), browser.storage.sync.get(null),
  ]).then(([local, session, sync]) => ({ local, session, sync }))`,
  );
  for (const [area, content] of Object.entries(storage)) note(`storage.${area}`, content);
  note(
    PAGE_CONTROL,
    await page.evaluate(`[document.getElementById('header-value-1').value, document.getElementById('deliveries').textContent]`),
  );
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describeSentinelChecks(
  sightings,
  [
    'storage.local',
    'storage.session',
    'storage.sync',
    'runtime messages',
    'get-tab-findings reply',
    'page console',
    'extension page console',
    'popup console',
    'copied report',
    'popup DOM',
    'popup diagnose results',
    'DOM added to the page',
  ],
  [
    ['storage.session', /http:401/],
    ['runtime messages', /page-snapshot/],
    ['copied report', /# Webhook Doctor report/],
    ['popup DOM', /li[^>]*data-key="credential:missing-bearer-prefix"/],
    ['popup diagnose results', /data-key="credential:missing-bearer-prefix"/],
    ['DOM added to the page', /missing-bearer-prefix[\s\S]*role="dialog"|role="dialog"[\s\S]*missing-bearer-prefix/],
    ['get-tab-findings reply', /"ok":true/],
  ],
);
