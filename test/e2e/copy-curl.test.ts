// "Copy as curl" in real Chromium: the editor's button and the popup's both copy the request the
// ESP would send to Slack, with the URL secret and the header token as placeholders; then the
// editor's button on every other receiver's page, each secret swapped for a sentinel that must not
// come back in any piece.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES } from '../fixtures/index';
import { fixtureHtml } from '../fixtures/load';
import { leakedPieces } from '../fuzz/vocabulary';
import {
  contentScriptWorld,
  launchWithExtension,
  readFieldWarnings,
  serveHtml,
  ToolbarPopup,
  waitFor,
  type ExtensionSession,
} from './harness';

const URL_SECRET = 'Zq81mWx4Rt7vKp2Ld9Sb6Nc3';
const HEADER_TOKEN = 'xoxb-7Hf3kQ9zP2mW8vR4tN6y';
const fixture = FIXTURES.find((f) => f.file === 'braze/slack-composer.html')!;
const HTML = fixtureHtml(fixture.file).replace('abcdefghijklmnopqrstuvwx', URL_SECRET).replace('xoxb-1234-5678-a1b2c3d4e5f6', HEADER_TOKEN);

let session: ExtensionSession;
let page: Page;
let fromEditor = '';
let fromPopup = '';

beforeAll(async () => {
  session = await launchWithExtension();
  await serveHtml(session.context, fixture.url, HTML);
  page = await session.context.newPage();
  await page.goto(fixture.url);
  await waitFor(
    () => readFieldWarnings(page),
    (w) => w.length === fixture.expectedFieldWarnings.length,
  );
  fromEditor = await copyFromEditor(page);

  const popup = await ToolbarPopup.open(session, page);
  try {
    await popup.waitFor(`document.querySelector('.copy--curl button')`);
    await popup.evaluate(`(() => {
      navigator.clipboard.writeText = (text) => { window.copiedCurl = text; return Promise.resolve(); };
    })()`);
    await popup.click('.copy--curl button');
    await popup.waitFor('window.copiedCurl');
    fromPopup = await popup.evaluate<string>('window.copiedCurl');
  } finally {
    await popup.close();
  }
}, 90_000);

afterAll(async () => {
  await session?.close();
});

/** Clicks the editor's Copy as curl button and returns what it wrote to the clipboard. */
async function copyFromEditor(target: Page): Promise<string> {
  await target.locator('[data-webhook-doctor="copy-curl"]').waitFor();
  const world = await contentScriptWorld(session, target);
  try {
    await world.evaluate(`(() => {
      navigator.clipboard.writeText = (text) => { globalThis.copiedCurl = text; return Promise.resolve(); };
      return true;
    })()`);
    await target.locator('[data-webhook-doctor="copy-curl"]').click();
    return (
      (await waitFor(
        () => world.evaluate<string | null>('globalThis.copiedCurl ?? null'),
        (text) => typeof text === 'string',
      )) ?? ''
    );
  } finally {
    await world.close();
  }
}

describe('Copy as curl', () => {
  it.each([
    ['the editor button', () => fromEditor],
    ['the popup', () => fromPopup],
  ])('%s copies the request with placeholders', (_where, read) => {
    const text = read();
    expect(text).toContain(`curl -i -X POST 'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/'"$SLACK_WEBHOOK_SECRET"`);
    expect(text).toContain(`-H 'Authorization: Bearer '"$API_TOKEN"`);
    expect(text).toContain(`-H 'Content-Type: application/json'`);
    expect(text).toContain('"channel": "#growth"');
    expect(text).toContain('Braze sends to Slack incoming webhook');
    expect(text).toMatch(/export SLACK_WEBHOOK_SECRET='…' +# the last part of the webhook URL/);
  });

  it.each([
    ['the editor button', () => fromEditor],
    ['the popup', () => fromPopup],
  ])('%s copies no piece of a secret', (_where, read) => {
    expect(read().length).toBeGreaterThan(200);
    expect(leakedPieces(URL_SECRET, read())).toEqual([]);
    expect(leakedPieces(HEADER_TOKEN, read())).toEqual([]);
  });

  it('both copy the same text', () => {
    expect(fromPopup).toBe(fromEditor);
  });
});

/**
 * A receiver's editor page with its secrets swapped for sentinels (a cut-short URL made whole), and
 * what the copied command must show instead: the receiver's placeholder, the request line.
 */
interface ReceiverPage {
  file: string;
  swaps: [string, string][];
  sentinels: string[];
  shows: string[];
}

const RECEIVER_PAGES: ReceiverPage[] = [
  {
    file: 'braze/discord-composer.html',
    swaps: [
      [
        'https://discord.com/api/webhooks/123456789012345678',
        'https://discord.com/api/webhooks/123456789012345678/Dq7Rm2Xv9Kp4Lt8Wz3Nb6Hc1Yf5Gs0Ja_Ue-Oi',
      ],
    ],
    sentinels: ['Dq7Rm2Xv9Kp4Lt8Wz3Nb6Hc1Yf5Gs0Ja_Ue-Oi', 'MTIzNDU2Nzg5MDEy.Gabcde.f1e2d3c4b5a6'],
    shows: [
      `'https://discord.com/api/webhooks/123456789012345678/'"$DISCORD_WEBHOOK_TOKEN"`,
      'export DISCORD_WEBHOOK_TOKEN=',
      'to Discord webhook',
    ],
  },
  {
    file: 'klaviyo/twilio-editor.html',
    swaps: [['9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'Tw4Kq8Zx2Vn6Rb1Mc5Lp9Hd3']],
    sentinels: ['Tw4Kq8Zx2Vn6Rb1Mc5Lp9Hd3'],
    shows: [`-H 'Authorization: Bearer '"$TWILIO_BASIC_AUTH"`, 'to Twilio Messages API'],
  },
  {
    file: 'customerio/shopify-action.html',
    swaps: [['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', 'shpat_Sh7Xq2Lm9Vr4Tb8Nk3Wc6Pz1']],
    sentinels: ['Sh7Xq2Lm9Vr4Tb8Nk3Wc6Pz1'],
    shows: [
      "'https://acme-store.myshopify.com/admin/api/2025-01/customers.json'",
      `-H 'Authorization: Bearer '"$API_TOKEN"`,
      'to Shopify Admin API',
    ],
  },
  {
    file: 'customerio/lob-action.html',
    swaps: [['dGVzdF9wdWJfOWY4ZTdkNmM1YjRhMzkyODo=', 'dGVzdF9Mb2JTZW50aW5lbEs5UTJ4Vzd2Ujo=']],
    sentinels: ['dGVzdF9Mb2JTZW50aW5lbEs5UTJ4Vzd2Ujo='],
    shows: [`-H 'Authorization: Basic '"$LOB_API_KEY_BASIC"`, 'export LOB_API_KEY_BASIC=', 'to Lob print and mail API'],
  },
  {
    file: 'customerio/webhook-action.html',
    swaps: [['5d0f2c9a7b3e41d8a6c2e9f07b1d4a36', 'Pp3Wk8Xr2Mv6Tq9Ln4Zc7Bd1']],
    sentinels: ['Pp3Wk8Xr2Mv6Tq9Ln4Zc7Bd1'],
    shows: [`-H 'Authorization: Bearer '"$POPLAR_API_TOKEN"`, 'to Poplar'],
  },
  {
    file: 'klaviyo/airtable-editor.html',
    swaps: [['patQ7w3Ex9Rt2Yu.5f4e3d2c1b0a9f8e7d6c5b4a39281706', 'patAt5Kw9Qx2Lm7.Vr4Nb8Zc3Hd6Tp1Ys0Fg5Jk9Wq2Xe7']],
    sentinels: ['patAt5Kw9Qx2Lm7.Vr4Nb8Zc3Hd6Tp1Ys0Fg5Jk9Wq2Xe7'],
    shows: [`-H 'Authorization: Bearer '"$AIRTABLE_TOKEN"`, 'to Airtable Web API'],
  },
  {
    file: 'braze/apps-script-composer.html',
    swaps: [['AKfycbz3Xk9v2LmQ7pR4tW8yN1cB6dF0gH5jK', 'AKfycbSentinel7Qx2Lm9Vr4Tb8Nk3Wc6Pz1']],
    sentinels: ['AKfycbSentinel7Qx2Lm9Vr4Tb8Nk3Wc6Pz1'],
    shows: [`'https://script.google.com/macros/s/'"$APPS_SCRIPT_DEPLOYMENT_ID"'/dev'`, 'to Google Apps Script web app'],
  },
  {
    file: 'braze/teams-composer.html',
    swaps: [
      ['Qm3vX8kT2pL9sR4wY7nB1cF6dH0jK5zA-e_u2iO8tWc', 'TmSentinel4Qx8Lm2Vr6Tb9Nk1Wc5Pz3Hd7Yf0'],
      ['eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl', 'eyTeamsHeaderSentinel9Kq3Xw7Vb2Lm'],
    ],
    sentinels: ['TmSentinel4Qx8Lm2Vr6Tb9Nk1Wc5Pz3Hd7Yf0', 'eyTeamsHeaderSentinel9Kq3Xw7Vb2Lm'],
    shows: [`&sig='"$TEAMS_WORKFLOW_SIG"`, 'export TEAMS_WORKFLOW_SIG=', 'to Microsoft Teams workflow webhook'],
  },
  {
    file: 'customerio/make-action.html',
    swaps: [['https://hook.us1.make.com/x7kq2m9', 'https://hook.us1.make.com/mk7q2x9v4t8b3n6c1l5p0h2d7y4w9z3r']],
    sentinels: ['mk7q2x9v4t8b3n6c1l5p0h2d7y4w9z3r'],
    shows: [`'https://hook.us1.make.com/'"$MAKE_WEBHOOK_TOKEN"`, 'to Make custom webhook'],
  },
  {
    file: 'customerio/segment-action.html',
    swaps: [['wK3pQ9xT7mR2vL5nB8cY4dF6hJ1gZ0sA', 'SgSentinel3Kq8Xw2Vb7Lm4Tn9Rc1']],
    sentinels: ['SgSentinel3Kq8Xw2Vb7Lm4Tn9Rc1'],
    shows: [`-H 'Authorization: Bearer '"$SEGMENT_WRITE_KEY_BASIC"`, 'to Segment HTTP Tracking API'],
  },
  {
    file: 'iterable/hubspot-crm-webhook.html',
    swaps: [['pat-na1-3f2e1d0c-9b8a-4776-8554-433221100ffe', 'pat-na1-HsSentinel-7Kq3-Xw9V-b2Lm-4Tn8Rc1Pz6Hd']],
    sentinels: ['HsSentinel-7Kq3-Xw9V-b2Lm-4Tn8Rc1Pz6Hd'],
    shows: [`-H 'Authorization: Bearer '"$HUBSPOT_ACCESS_TOKEN"`, 'to HubSpot CRM API'],
  },
  {
    file: 'hubspot/zapier-webhook.html',
    swaps: [['https://hooks.zapier.com/hooks/catch/1234567/', 'https://hooks.zapier.com/hooks/catch/1234567/zpS3nt1nel9kq2/']],
    sentinels: ['zpS3nt1nel9kq2'],
    shows: [`'https://hooks.zapier.com/hooks/catch/1234567/'"$ZAPIER_HOOK_SECRET"'/'`, 'to Zapier webhook'],
  },
];

describe('Copy as curl on every receiver page', () => {
  it('covers every receiver page of the fixtures', () => {
    const receiverPages = FIXTURES.filter((f) => f.expectedFieldWarnings.some((w) => w.says !== undefined)).map((f) => f.file);
    expect([...RECEIVER_PAGES.map((r) => r.file), 'braze/slack-composer.html'].sort()).toEqual(receiverPages.sort());
  });

  it.each(RECEIVER_PAGES.map((r) => [r.file, r] as const))(
    '%s: placeholders, and no piece of a secret',
    async (_file, receiver) => {
      const fixturePage = FIXTURES.find((f) => f.file === receiver.file)!;
      let html = fixtureHtml(receiver.file);
      for (const [from, to] of receiver.swaps) {
        expect(html, `${from} is in the fixture`).toContain(from);
        html = html.replaceAll(from, to);
      }
      const url = fixturePage.url;
      await serveHtml(session.context, url, html);
      const target = await session.context.newPage();
      try {
        await target.goto(url);
        const text = await copyFromEditor(target);
        expect(text.length).toBeGreaterThan(150);
        for (const shown of receiver.shows) expect(text).toContain(shown);
        for (const sentinel of receiver.sentinels) expect(leakedPieces(sentinel, text), sentinel).toEqual([]);
      } finally {
        await target.close();
      }
    },
    30_000,
  );
});
