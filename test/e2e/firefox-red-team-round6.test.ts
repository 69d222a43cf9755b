// Red-team round six in Firefox, where content scripts see the page through Xray wrappers rather
// than a separate world: a frame whose prototypes the parent page rewrote before writing the log,
// and an ESP page framing another ESP's log (README-attacks.md, round 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxTabId, firefoxToolbarText, launchFirefoxWithExtension, type FirefoxSession } from './firefox-harness';
import { waitFor } from './page-reads';

const ORIGIN = 'https://app.iterable.com/e2e/firefox-red-team-6';
let session: FirefoxSession;

beforeAll(async () => {
  session = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await session?.close();
});

async function open(name: string, html: string) {
  session.serve(`${ORIGIN}/${name}`, html);
  const page = await session.newPage();
  await page.goto(`${ORIGIN}/${name}`);
  return page;
}

/** Badge codes of the page and of each of its frames. */
async function allCodes(page: Awaited<ReturnType<typeof open>>): Promise<string[]> {
  const codes: string[] = [];
  for (const frame of page.frames()) {
    const found = await frame
      .evaluate(`[...document.querySelectorAll('[data-webhook-doctor="badge"]')].map((b) => b.dataset.code)`)
      .catch(() => []);
    codes.push(...(found as string[]));
  }
  return codes.sort();
}

describe('a frame whose prototypes the parent rewrote, in Firefox', () => {
  it('is badged and counted', async () => {
    const page = await open(
      'frame-prototypes',
      `<!doctype html><title>Frame</title><iframe id="f"></iframe>
      <script>
      const w = document.getElementById('f').contentWindow;
      w.Element.prototype.attachShadow = function () { throw new Error('no shadow'); };
      w.Node.prototype.appendChild = function () { throw new Error('no append'); };
      w.Node.prototype.insertBefore = function () { throw new Error('no insert'); };
      w.MutationObserver = function () { throw new Error('no observer'); };
      w.JSON.parse = () => ({ hacked: true });
      w.String.prototype.match = () => null;
      w.RegExp.prototype.exec = () => null;
      setTimeout(() => {
        w.document.body.innerHTML = '<ul><li>framed@example.com · HTTP 503 Service Unavailable</li></ul>';
      }, 300);
      </script>`,
    );
    const codes = await waitFor(
      () => allCodes(page),
      (c) => c.length >= 1,
      8_000,
    );
    const tab = await firefoxTabId(session, page);
    const toolbar = await waitFor(
      () => firefoxToolbarText(session, tab),
      (t) => t === '1',
      8_000,
    );
    console.log(`[firefox-red-team-6] frame with rewritten prototypes: ${JSON.stringify({ codes, toolbar })}`);
    expect(codes).toEqual(['503']);
    expect(toolbar).toBe('1');
    await page.close();
  });
});

describe('an ESP page framing another ESP, in Firefox', () => {
  it('badges both documents and counts each once', async () => {
    session.serve(
      'https://app.hubspot.com/e2e/firefox-red-team-6/inner-log',
      `<!doctype html><title>Inner</title><ul><li>inner@example.com · HTTP 429 Too Many Requests</li><li>ok@example.com · 200 OK</li></ul>`,
    );
    const page = await open(
      'outer',
      `<!doctype html><title>Outer</title><ul><li>outer@example.com · HTTP 502 Bad Gateway</li></ul>
      <iframe src="https://app.hubspot.com/e2e/firefox-red-team-6/inner-log" width="600" height="200"></iframe>`,
    );
    const codes = await waitFor(
      () => allCodes(page),
      (c) => c.length >= 2,
      8_000,
    );
    const tab = await firefoxTabId(session, page);
    const toolbar = await waitFor(
      () => firefoxToolbarText(session, tab),
      (t) => t === '2',
      8_000,
    );
    console.log(`[firefox-red-team-6] ESP framing an ESP: ${JSON.stringify({ codes, toolbar })}`);
    expect(codes).toEqual(['429', '502']);
    expect(toolbar).toBe('2');
    await page.close();
  });
});
