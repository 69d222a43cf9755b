// "Copy as curl" in real Chromium: the editor's button and the popup's both copy the request the
// ESP would send to Slack, with the URL secret and the header token as placeholders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES } from '../fixtures/index';
import { fixtureHtml } from '../fixtures/load';
import { leakedPieces } from '../fuzz/vocabulary';
import { contentScriptWorld, launchWithExtension, readFieldWarnings, serveHtml, ToolbarPopup, waitFor, type ExtensionSession } from './harness';

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
  await waitFor(() => readFieldWarnings(page), (w) => w.length === fixture.expectedFieldWarnings.length);
  await page.locator('[data-webhook-doctor="copy-curl"]').waitFor();

  // Capture what the content script writes to the clipboard, in its own world.
  const world = await contentScriptWorld(session, page);
  await world.evaluate(`(() => {
    navigator.clipboard.writeText = (text) => { globalThis.copiedCurl = text; return Promise.resolve(); };
    return true;
  })()`);
  await page.locator('[data-webhook-doctor="copy-curl"]').click();
  fromEditor = await waitFor(() => world.evaluate<string | null>('globalThis.copiedCurl ?? null'), (text) => typeof text === 'string') ?? '';
  await world.close();

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

describe('Copy as curl', () => {
  it.each([['the editor button', () => fromEditor], ['the popup', () => fromPopup]])('%s copies the request with placeholders', (_where, read) => {
    const text = read();
    expect(text).toContain(`curl -i -X POST 'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/'"$SLACK_WEBHOOK_SECRET"`);
    expect(text).toContain(`-H 'Authorization: Bearer '"$API_TOKEN"`);
    expect(text).toContain(`-H 'Content-Type: application/json'`);
    expect(text).toContain('"channel": "#growth"');
    expect(text).toContain('Braze sends to Slack incoming webhook');
    expect(text).toMatch(/export SLACK_WEBHOOK_SECRET='…' +# the last part of the webhook URL/);
  });

  it.each([['the editor button', () => fromEditor], ['the popup', () => fromPopup]])('%s copies no piece of a secret', (_where, read) => {
    expect(read().length).toBeGreaterThan(200);
    expect(leakedPieces(URL_SECRET, read())).toEqual([]);
    expect(leakedPieces(HEADER_TOKEN, read())).toEqual([]);
  });

  it('both copy the same text', () => {
    expect(fromPopup).toBe(fromEditor);
  });
});
