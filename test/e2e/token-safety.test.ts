// Token safety in real Chromium: a sentinel token is typed into a webhook header field and shows up
// in log rows. It (or any 8-character piece of it) must never reach extension storage, a runtime
// message or its reply, a console, the copied report, the curl command copied from the editor or
// the popup, the popup, or the DOM the extension adds (badges, field warnings, the copy button and
// the badge card, closed shadow roots included). The same holds for a Slack webhook secret in a URL
// path (typed as the destination URL and quoted in a row) and, down to any 4-character piece, for a
// short 8-character secret in a header row.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { describeSentinelChecks, EDITOR_HTML, EDITOR_URL, PAGE_CONTROL, Sightings, SLACK_URL, TOKEN, TOKEN_ROWS } from './token-sentinel';
import {
  contentScriptWorld,
  extensionMarkup,
  launchWithExtension,
  readBadges,
  readFieldWarnings,
  recordPageLog,
  serveHtml,
  tabIdOf,
  toolbarBadge,
  ToolbarPopup,
  waitFor,
  type ExtensionSession,
  type PageLog,
} from './harness';

const sightings = new Sightings();
const note = sightings.note.bind(sightings);

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
  await waitFor(
    () => readFieldWarnings(page),
    (w) => w.length === 2,
  );

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
  await waitFor(
    () => readFieldWarnings(page),
    (w) => w.some((x) => x.problem === 'missing-bearer-prefix'),
  );
  await page.evaluate((rows) => {
    const list = document.getElementById('deliveries')!;
    for (const text of rows) {
      const li = document.createElement('li');
      li.textContent = text;
      list.append(li);
    }
  }, TOKEN_ROWS);
  await waitFor(
    () => readBadges(page),
    (b) => b.length === TOKEN_ROWS.length,
  );
  const tab = await tabIdOf(session, page);
  await waitFor(
    () => toolbarBadge(session, tab),
    (b) => b.text === String(TOKEN_ROWS.length + 2),
  );

  // The editor's "Copy as curl" button, its clipboard text captured in the content script's world.
  await world.evaluate(`(() => {
    navigator.clipboard.writeText = (text) => { globalThis.copiedCurl = text; return Promise.resolve(); };
    return true;
  })()`);
  await page.locator('[data-webhook-doctor="copy-curl"]').click();
  note(
    'copied curl (editor)',
    await waitFor(
      () => world.evaluate<string | null>('globalThis.copiedCurl ?? null'),
      (text) => typeof text === 'string',
    ),
  );

  // A badge card opened by a click; then the DOM we added, card included.
  await page.locator('[data-webhook-doctor="badge"]').first().click();
  const markup = await waitFor(
    () => extensionMarkup(session, page),
    (m) => m.some((html) => html.includes('role="dialog"')),
  );
  note('DOM added to the page', markup);

  // The popup: its DOM, its console, its copy of the report, and the findings reply it reads.
  const popup = await ToolbarPopup.open(session, page);
  try {
    popup.onEvent((method, params) => {
      if (method === 'Runtime.consoleAPICalled' || method === 'Runtime.exceptionThrown' || method === 'Log.entryAdded')
        note('popup console', params);
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
    await popup.evaluate(`(() => {
      navigator.clipboard.writeText = (text) => { window.copiedCurl = text; return Promise.resolve(); };
    })()`);
    await popup.click('.copy--curl button');
    await popup.waitFor(`window.copiedCurl`);
    note('copied curl (popup)', await popup.evaluate<string>('window.copiedCurl'));
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
  await waitFor(
    () => readFieldWarnings(page),
    (w) => !w.some((x) => x.problem === 'missing-bearer-prefix'),
  );
  await page.waitForTimeout(600); // the snapshot throttle

  note('content script traffic', await world.evaluate<string[]>('globalThis.recordedTraffic'));
  await world.close();
  note(
    'worker messages',
    await (await session.worker()).evaluate(() => (globalThis as { recordedMessages?: string[] }).recordedMessages ?? []),
  );
  const storage = await (
    await session.worker()
  ).evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
    sync: await chrome.storage.sync.get(null),
  }));
  for (const [area, content] of Object.entries(storage)) note(`storage.${area}`, content);
  note('page console (all worlds)', pageLog.entries);
  note(
    PAGE_CONTROL,
    await page.evaluate(() => [
      (document.getElementById('header-value-1') as HTMLInputElement).value,
      document.getElementById('deliveries')!.textContent ?? '',
      (document.getElementById('webhook-destination-url') as HTMLInputElement).value,
    ]),
  );
}, 120_000);

afterAll(async () => {
  await pageLog?.stop();
  await session?.close();
});

describeSentinelChecks(
  sightings,
  [
    'storage.local',
    'storage.session',
    'storage.sync',
    'worker messages',
    'content script traffic',
    'get-tab-findings reply',
    'page console (all worlds)',
    'worker console',
    'popup console',
    'copied report',
    'popup DOM',
    'popup diagnose results',
    'DOM added to the page',
    'copied curl (editor)',
    'copied curl (popup)',
  ],
  [
    ['storage.session', /http:401/],
    ['worker messages', /page-snapshot/],
    ['content script traffic', /reply .*"ok":true/],
    ['copied report', /# Webhook Doctor report/],
    ['popup DOM', /li[^>]*data-key="credential:missing-bearer-prefix"/],
    ['popup diagnose results', /data-key="credential:missing-bearer-prefix"/],
    ['DOM added to the page', /missing-bearer-prefix[\s\S]*role="dialog"|role="dialog"[\s\S]*missing-bearer-prefix/],
    ['get-tab-findings reply', /"ok":true/],
    ['copied curl (editor)', /-H 'Authorization: '"\$POPLAR_API_TOKEN"/],
    ['copied curl (popup)', /-H 'Authorization: '"\$POPLAR_API_TOKEN"/],
  ],
);

describe('secrets in a URL path and short secrets (Chromium)', () => {
  it('the stored sample of the short secret keeps its status; the stored destination keeps its host', () => {
    const stored = sightings.texts('storage.session').join('\n');
    expect(stored).toContain('Authorization: Bearer … → HTTP 401 Unauthorized');
    expect(stored).toContain('POST https://hooks.slack.com/services/…/…/… → HTTP 404 Not Found');
    expect(stored).toContain('"endpointUrl":"https://hooks.slack.com/services/…/…/…"');
  });

  it('the destination URL leaves the page redacted (the content script message)', () => {
    expect(sightings.texts('content script traffic').join('\n')).toContain('"endpointUrl":"https://hooks.slack.com/services/…/…/…"');
  });
});
