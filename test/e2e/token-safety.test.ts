// Token safety in real Chromium: a sentinel token is typed into a webhook header field and shows up
// in log rows. It (or any 8-character piece of it) must never reach extension storage, a runtime
// message or its reply, a console, the copied report, the popup, or the DOM the extension adds
// (badges, field warnings and the badge card, closed shadow roots included). The same holds for a
// Slack webhook secret in a URL path (typed as the destination URL and quoted in a row) and, down
// to any 4-character piece, for a short 8-character secret in a header row.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { leakedPieces } from '../fuzz/vocabulary';
import {
  contentScriptWorld, extensionMarkup, launchWithExtension, readBadges, readFieldWarnings, recordPageLog, ROOT, serveHtml,
  tabIdOf, toolbarBadge, ToolbarPopup, waitFor, type ExtensionSession, type PageLog,
} from './harness';

const TOKEN = 'wdtk7Q2m9XvB4pL8sR1nK6zT3yH5cJ0';
/** The secret part of a Slack incoming-webhook URL (its path is the credential). */
const PATH_SECRET = 'Hq3Vd8Ls0Jw5Ne2Gx7Rb4Ku9';
const SLACK_URL = `https://hooks.slack.com/services/T04SXW2KJ/B06QRL1ZP/${PATH_SECRET}`;
/** Short secrets must not be previewed at all: no 4-character piece may show. */
const SHORT_SECRET = 'q7Zx9Wv2';
/** Each sentinel and the size of the pieces of it that count as a leak. */
const SENTINELS: [string, number][] = [[TOKEN, 8], [PATH_SECRET, 8], [SHORT_SECRET, 4]];
const EDITOR_URL = 'https://www.klaviyo.com/flow/TOKEN/edit';
const EDITOR_HTML = readFileSync(path.join(ROOT, 'test/fixtures/klaviyo/webhook-editor.html'), 'utf8').replace(
  '</body>',
  '<section aria-label="Recent deliveries"><ul id="deliveries"><li>ana@example.com · Delivered</li></ul></section></body>',
);
/** Log rows that quote the token the way request dumps do. */
const TOKEN_ROWS = [
  `HTTP 401 Unauthorized · sent Authorization: Bearer ${TOKEN}`,
  `POST https://hooks.example.com/send?api_key=${TOKEN} → HTTP 500 Internal Server Error`,
  `{"headers": {"x-api-key": "${TOKEN}"}, "status": 403}`,
  `Authorization: ${TOKEN} → HTTP 401 Unauthorized`,
  `POST ${SLACK_URL} → HTTP 404 Not Found`,
  `Authorization: Bearer ${SHORT_SECRET} → HTTP 401 Unauthorized`,
];

/** Everything the extension said, stored, logged or showed, by where it was seen. */
const seen: { where: string; text: string }[] = [];
function note(where: string, value: unknown): void {
  if (Array.isArray(value)) for (const item of value) note(where, item);
  else seen.push({ where, text: typeof value === 'string' ? value : (JSON.stringify(value) ?? '') });
}

let session: ExtensionSession;
let page: Page;
let pageLog: PageLog;

beforeAll(async () => {
  session = await launchWithExtension();
  await serveHtml(session.context, EDITOR_URL, EDITOR_HTML);

  // Every message the worker receives, with its sender, from the first one on.
  const worker = await session.worker();
  worker.on('console', (message) => note('worker console', message.text()));
  await worker.evaluate(() => {
    const scope = globalThis as { recordedMessages?: string[] };
    scope.recordedMessages = [];
    chrome.runtime.onMessage.addListener((message, sender) => {
      scope.recordedMessages!.push(JSON.stringify({ message, from: sender.url }));
    });
  });

  page = await session.context.newPage();
  pageLog = await recordPageLog(session, page);
  await page.goto(EDITOR_URL);
  await waitFor(() => readFieldWarnings(page), (w) => w.length === 2);

  // Messages the content script sends and the replies it gets, seen from its own world.
  const world = await contentScriptWorld(session, page);
  await world.evaluate(`(() => {
    globalThis.recordedTraffic = [];
    for (const api of [globalThis.browser, globalThis.chrome]) {
      if (!api || !api.runtime || api.runtime.recordingWrapped) continue;
      const send = api.runtime.sendMessage.bind(api.runtime);
      api.runtime.sendMessage = (...args) => {
        globalThis.recordedTraffic.push('sent ' + JSON.stringify(args));
        return Promise.resolve(send(...args)).then((reply) => {
          globalThis.recordedTraffic.push('reply ' + JSON.stringify(reply));
          return reply;
        });
      };
      api.runtime.recordingWrapped = true;
    }
    return true;
  })()`);

  // The user types the token (no scheme: a warning), then the log shows it in four rows.
  await page.fill('#header-value-1', TOKEN);
  await waitFor(() => readFieldWarnings(page), (w) => w.some((x) => x.problem === 'missing-bearer-prefix'));
  await page.evaluate((rows) => {
    const list = document.getElementById('deliveries')!;
    for (const text of rows) {
      const li = document.createElement('li');
      li.textContent = text;
      list.append(li);
    }
  }, TOKEN_ROWS);
  await waitFor(() => readBadges(page), (b) => b.length === TOKEN_ROWS.length);
  const tab = await tabIdOf(session, page);
  await waitFor(() => toolbarBadge(session, tab), (b) => b.text === String(TOKEN_ROWS.length + 2));

  // A badge card opened by a click; then the DOM we added, card included.
  await page.locator('[data-webhook-doctor="badge"]').first().click();
  const markup = await waitFor(() => extensionMarkup(session, page), (m) => m.some((html) => html.includes('role="dialog"')));
  note('DOM added to the page', markup);

  // The popup: its DOM, its console, its copy of the report, and the findings reply it reads.
  const popup = await ToolbarPopup.open(session, page);
  try {
    popup.onEvent((method, params) => {
      if (method === 'Runtime.consoleAPICalled' || method === 'Runtime.exceptionThrown' || method === 'Log.entryAdded') note('popup console', params);
    });
    await popup.send('Runtime.enable');
    await popup.send('Log.enable');
    await popup.waitFor(`document.querySelectorAll('li[data-key]').length >= 3`);
    await popup.evaluate(`(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text) => { window.copiedReport = text; return write(text); };
    })()`);
    await popup.click('.copy button');
    await popup.waitFor(`window.copiedReport`);
    note('copied report', await popup.evaluate<string>('window.copiedReport'));
    await popup.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
    note('popup DOM', await popup.evaluate<string>('document.documentElement.outerHTML'));
    note('get-tab-findings reply', await popup.evaluate(`chrome.runtime.sendMessage({ type: 'get-tab-findings', tabId: ${tab} })`));
    // The diagnose box runs on pasted text that holds the token, too.
    await popup.fill('#diagnose-text', `Authorization: ${TOKEN}\nHTTP 401 Unauthorized`);
    await popup.click('.diagnose button[type="submit"]');
    await popup.waitFor(`document.querySelector('ul[aria-label="Problems in the pasted text"] li')`);
    note('popup diagnose results', await popup.evaluate<string>(`document.querySelector('.diagnose__results').outerHTML`));
  } finally {
    await popup.close();
  }

  // A valid value afterwards: the warning goes, the state is sent again; the destination becomes
  // a Slack webhook URL, whose path is its secret.
  await page.fill('#webhook-destination-url', SLACK_URL);
  await page.fill('#header-value-1', `Bearer ${TOKEN}`);
  await waitFor(() => readFieldWarnings(page), (w) => !w.some((x) => x.problem === 'missing-bearer-prefix'));
  await page.waitForTimeout(600); // the snapshot throttle

  note('content script traffic', await world.evaluate<string[]>('globalThis.recordedTraffic'));
  await world.close();
  note('worker messages', await (await session.worker()).evaluate(() => (globalThis as { recordedMessages?: string[] }).recordedMessages ?? []));
  const storage = await (await session.worker()).evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
    sync: await chrome.storage.sync.get(null),
  }));
  for (const [area, content] of Object.entries(storage)) note(`storage.${area}`, content);
  note('page console (all worlds)', pageLog.entries);
  note('the page itself (control)', await page.evaluate(() => [
    (document.getElementById('header-value-1') as HTMLInputElement).value,
    document.getElementById('deliveries')!.textContent ?? '',
    (document.getElementById('webhook-destination-url') as HTMLInputElement).value,
  ]));
}, 120_000);

afterAll(async () => {
  await pageLog?.stop();
  await session?.close();
});

describe('the sentinel token', () => {
  const PLACES = [
    'storage.local', 'storage.session', 'storage.sync', 'worker messages', 'content script traffic', 'get-tab-findings reply',
    'page console (all worlds)', 'worker console', 'popup console', 'copied report', 'popup DOM', 'popup diagnose results',
    'DOM added to the page',
  ];

  it.each(PLACES)('never reaches: %s', (where) => {
    const texts = seen.filter((s) => s.where === where).map((s) => s.text);
    for (const text of texts) {
      for (const [secret, size] of SENTINELS) expect(leakedPieces(secret, text, size), `${where}: ${text.slice(0, 400)}`).toEqual([]);
    }
  });

  // The checks above must look at real data, or they prove nothing.
  it.each<[string, RegExp]>([
    ['storage.session', /http:401/],
    ['worker messages', /page-snapshot/],
    ['content script traffic', /reply .*"ok":true/],
    ['copied report', /# Webhook Doctor report/],
    ['popup DOM', /li[^>]*data-key="credential:missing-bearer-prefix"/],
    ['popup diagnose results', /data-key="credential:missing-bearer-prefix"/],
    ['DOM added to the page', /missing-bearer-prefix[\s\S]*role="dialog"|role="dialog"[\s\S]*missing-bearer-prefix/],
    ['get-tab-findings reply', /"ok":true/],
  ])('was recorded with content: %s', (where, pattern) => {
    expect(seen.filter((s) => s.where === where).map((s) => s.text).join('\n')).toMatch(pattern);
  });

  it('is on the page itself, typed and in the rows (the control: a leak would be found)', () => {
    const page = seen.filter((s) => s.where === 'the page itself (control)').map((s) => s.text);
    expect(page).toHaveLength(3);
    for (const text of page.slice(0, 2)) expect(leakedPieces(TOKEN, text).length).toBe(TOKEN.length - 7);
    const rows = page[1] ?? '';
    expect(leakedPieces(PATH_SECRET, rows).length).toBe(PATH_SECRET.length - 7);
    expect(leakedPieces(SHORT_SECRET, rows, 4).length).toBe(SHORT_SECRET.length - 3);
    expect(leakedPieces(PATH_SECRET, page[2] ?? '').length, 'typed as the destination URL').toBe(PATH_SECRET.length - 7);
  });

  it('the stored sample of the short secret keeps its status; the stored destination keeps its host', () => {
    const stored = seen.find((s) => s.where === 'storage.session')?.text ?? '';
    expect(stored).toContain('Authorization: Bearer … → HTTP 401 Unauthorized');
    expect(stored).toContain('POST https://hooks.slack.com/services/…/…/… → HTTP 404 Not Found');
    expect(stored).toContain('"endpointUrl":"https://hooks.slack.com/services/…/…/…"');
  });

  it('the destination URL leaves the page redacted (the content script message)', () => {
    const traffic = seen.filter((s) => s.where === 'content script traffic').map((s) => s.text).join('\n');
    expect(traffic).toContain('"endpointUrl":"https://hooks.slack.com/services/…/…/…"');
  });

  it('shows up redacted where the rows are summarised (first 4 and last 2 characters)', () => {
    const stored = seen.find((s) => s.where === 'storage.session')?.text ?? '';
    expect(stored).toContain(`${TOKEN.slice(0, 4)}…${TOKEN.slice(-2)}`);
  });
});
