import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser, { contentScriptSender, extensionPageSender, FAKE_EXTENSION_ID, type FakeSender } from '../fakes/browser-fake';
import { classifySender, handleMessage, type RouterReply } from '../../src/background/router';
import { readTabFrames } from '../../src/background/findings-store';
import type { Runtime } from '../../src/shared/browser';
import { CONTENT_EXTRAS_FILES, type FindingGroup, type PageSnapshot } from '../../src/shared/messages';

const SENTINEL = 'SENTINEL_tok_9f8e7d6c5b4a3';

function group(overrides: Partial<FindingGroup> = {}): FindingGroup {
  return {
    key: 'http:403',
    finding: { kind: 'http', code: 403, problem: null, start: 0, end: 13, excerpt: 'HTTP 403' },
    count: 2,
    source: 'row',
    samples: ['HTTP 403 Forbidden for ann@example.com'],
    ...overrides,
  };
}

function snapshot(overrides: Partial<PageSnapshot> = {}): PageSnapshot {
  return { url: 'https://www.klaviyo.com/flow/1', provider: 'klaviyo', endpointUrl: null, groups: [group()], ...overrides };
}

const send = (message: unknown, sender: FakeSender) => handleMessage(message, sender as Runtime.MessageSender);

async function answer(message: unknown, sender: FakeSender): Promise<RouterReply> {
  const reply = send(message, sender);
  expect(reply).toBeInstanceOf(Promise);
  return (await reply) as RouterReply;
}

describe('classifySender', () => {
  it.each([
    ['popup page', extensionPageSender(), 'extension-page'],
    ['options page opened in a tab', { ...extensionPageSender('src/options/index.html'), tab: { id: 3 } }, 'extension-page'],
    ['content script', contentScriptSender(7), 'content-script'],
    ['another extension', { ...contentScriptSender(7), id: 'someone-else' }, 'foreign'],
    ['no id at all', { url: 'https://evil.example/' }, 'foreign'],
    ['our id but neither page nor tab', { id: FAKE_EXTENSION_ID, url: 'https://evil.example/' }, 'foreign'],
    ['tab id of -1 (not a real tab)', { id: FAKE_EXTENSION_ID, url: 'https://x.example/', tab: { id: -1 } }, 'foreign'],
  ] as const)('%s → %s', (_name, sender, expected) => {
    expect(classifySender(sender as Runtime.MessageSender)).toBe(expected);
  });
});

describe('messages that are not ours get no Promise', () => {
  it.each([
    ['null', null],
    ['a string', 'page-snapshot'],
    ['an array', ['page-snapshot']],
    ['an object without type', { snapshot: snapshot() }],
    ['an unknown type', { type: 'ping' }],
    ['a type with different case', { type: 'Page-Snapshot', snapshot: snapshot() }],
    ['a numeric type', { type: 42 }],
  ])('%s → undefined', (_name, message) => {
    expect(send(message, contentScriptSender(1))).toBeUndefined();
    expect(send(message, extensionPageSender())).toBeUndefined();
  });
});

describe('senders that may not send a message are refused', () => {
  const stranger: FakeSender = { ...contentScriptSender(5), id: 'another-extension' };
  it.each([
    ['page-snapshot from another extension', { type: 'page-snapshot', snapshot: snapshot() }, stranger],
    ['page-snapshot from the popup (no tab)', { type: 'page-snapshot', snapshot: snapshot() }, extensionPageSender()],
    ['get-tab-findings from a content script', { type: 'get-tab-findings', tabId: 5 }, contentScriptSender(9)],
    ['get-tab-findings from another extension', { type: 'get-tab-findings', tabId: 5 }, { ...extensionPageSender(), id: 'x' }],
  ])('%s', async (_name, message, sender) => {
    const reply = await answer(message, sender);
    expect(reply.ok).toBe(false);
    expect(reply).toMatchObject({ error: expect.stringContaining('Refused') });
  });

  it('stores nothing for a refused snapshot', async () => {
    await answer({ type: 'page-snapshot', snapshot: snapshot() }, stranger);
    expect(await readTabFrames(5)).toBeNull();
  });
});

describe('malformed messages from our own content script', () => {
  const tooManyGroups = Array.from({ length: 301 }, (_, i) => group({ key: `http:${400 + (i % 100)}` }));
  it.each([
    ['snapshot missing', { type: 'page-snapshot' }],
    ['snapshot is a string', { type: 'page-snapshot', snapshot: 'x' }],
    ['groups not a list', { type: 'page-snapshot', snapshot: { ...snapshot(), groups: {} } }],
    ['unknown provider', { type: 'page-snapshot', snapshot: snapshot({ provider: 'mailchimp' as never }) }],
    ['negative count', { type: 'page-snapshot', snapshot: snapshot({ groups: [group({ count: -1 })] }) }],
    ['fractional count', { type: 'page-snapshot', snapshot: snapshot({ groups: [group({ count: 1.5 })] }) }],
    [
      'unknown finding kind',
      { type: 'page-snapshot', snapshot: snapshot({ groups: [group({ finding: { ...group().finding, kind: 'bogus' as never } })] }) },
    ],
    [
      'code is a string',
      { type: 'page-snapshot', snapshot: snapshot({ groups: [group({ finding: { ...group().finding, code: '403' as never } })] }) },
    ],
    ['samples not strings', { type: 'page-snapshot', snapshot: snapshot({ groups: [group({ samples: [1] as never })] }) }],
    ['bad source', { type: 'page-snapshot', snapshot: snapshot({ groups: [group({ source: 'cell' as never })] }) }],
    [
      'detail of the wrong shape',
      {
        type: 'page-snapshot',
        snapshot: snapshot({ groups: [group({ finding: { ...group().finding, detail: { line: 'one' as never } } })] }),
      },
    ],
    [
      'expected text far too long',
      {
        type: 'page-snapshot',
        snapshot: snapshot({ groups: [group({ finding: { ...group().finding, detail: { expected: 'x'.repeat(500) } } })] }),
      },
    ],
    [
      'receiver error not text',
      {
        type: 'page-snapshot',
        snapshot: snapshot({ groups: [group({ finding: { ...group().finding, detail: { receiverError: 42 as never } } })] }),
      },
    ],
    ['too many groups', { type: 'page-snapshot', snapshot: snapshot({ groups: tooManyGroups }) }],
    ['url far too long', { type: 'page-snapshot', snapshot: snapshot({ url: 'https://x.example/' + 'a'.repeat(9000) }) }],
  ])('%s → ok:false, and the next valid message is still served', async (_name, message) => {
    const reply = await answer(message, contentScriptSender(4));
    expect(reply.ok).toBe(false);
    expect(reply).toMatchObject({ error: expect.stringContaining('Malformed') });

    const next = await answer({ type: 'page-snapshot', snapshot: snapshot() }, contentScriptSender(4));
    expect(next.ok).toBe(true);
  });

  it.each([
    ['tabId missing', { type: 'get-tab-findings' }],
    ['tabId a string', { type: 'get-tab-findings', tabId: '4' }],
    ['tabId negative', { type: 'get-tab-findings', tabId: -2 }],
  ])('popup message with %s → ok:false', async (_name, message) => {
    const reply = await answer(message, extensionPageSender());
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('Malformed') });
  });
});

describe('page-snapshot', () => {
  it('answers with a badge diagnosis per group key', async () => {
    const groups = [group(), group({ key: 'http:500', finding: { ...group().finding, code: 500 } })];
    const reply = await answer({ type: 'page-snapshot', snapshot: snapshot({ groups }) }, contentScriptSender(8));
    expect(reply.ok).toBe(true);
    const diagnoses = (reply as { diagnoses: Record<string, { code: number | null; kind: string }> }).diagnoses;
    expect(Object.keys(diagnoses).sort()).toEqual(['http:403', 'http:500']);
    expect(diagnoses['http:500']).toMatchObject({ kind: 'http', code: 500 });
    // Badge diagnoses carry only what a card shows.
    expect(diagnoses['http:403']).not.toHaveProperty('sources');
  });

  it('stores the snapshot under the sender tab and frame, with samples redacted and trimmed', async () => {
    const samples = [`Authorization: Bearer ${SENTINEL} → 403`, 'b', 'c', 'd'];
    await answer({ type: 'page-snapshot', snapshot: snapshot({ groups: [group({ samples })] }) }, contentScriptSender(8, 3));
    const frames = await readTabFrames(8);
    expect(Object.keys(frames ?? {})).toEqual(['3']);
    const stored = frames?.['3']?.groups[0]?.samples ?? [];
    expect(stored).toHaveLength(3);
    expect(JSON.stringify(frames)).not.toContain(SENTINEL);
  });

  it('does not trust the page side: destination URL, excerpt and samples are redacted again', async () => {
    const secret = 'q7Zx9Wv2Lm4Np6Rt8Yb0Kc3D';
    const endpointUrl = `https://hooks.slack.com/services/T0000/B0000/${secret}`;
    const finding = { kind: 'http' as const, code: 404, problem: null, start: 0, end: 8, excerpt: `POST ${endpointUrl} HTTP 404` };
    const sent = snapshot({ endpointUrl, groups: [group({ key: 'http:404', finding, samples: [`POST ${endpointUrl} → HTTP 404`] })] });
    await answer({ type: 'page-snapshot', snapshot: sent }, contentScriptSender(9));
    const stored = (await readTabFrames(9))?.['0'];
    expect(stored?.endpointUrl).toBe('https://hooks.slack.com/services/…/…/…');
    expect(stored?.groups[0]?.samples).toEqual(['POST https://hooks.slack.com/services/…/…/… → HTTP 404']);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(0, 8));
  });

  it("keeps the page's address without query, fragment or a secret path", async () => {
    const secret = 'q7Zx9Wv2Lm4Np6Rt8Yb0Kc3D';
    const url = `https://app.iterable.com/hooks/T0000/B0000/${secret}?token=${secret}#access_token=${secret}`;
    await answer({ type: 'page-snapshot', snapshot: snapshot({ url }) }, contentScriptSender(10));
    const stored = (await readTabFrames(10))?.['0'];
    expect(stored?.url).toBe('https://app.iterable.com/hooks/T0000/B0000/…');
    expect(JSON.stringify(stored)).not.toContain(secret.slice(0, 8));
  });

  it('keeps an empty snapshot (the page was scanned and is clean)', async () => {
    const reply = await answer({ type: 'page-snapshot', snapshot: snapshot({ groups: [] }) }, contentScriptSender(2));
    expect(reply).toEqual({ ok: true, diagnoses: {} });
    expect((await readTabFrames(2))?.['0']?.groups).toEqual([]);
  });
});

describe('get-tab-findings', () => {
  it('returns null for a tab nothing reported in', async () => {
    expect(await answer({ type: 'get-tab-findings', tabId: 99 }, extensionPageSender())).toEqual({ ok: true, tab: null });
  });

  it('merges the frames of a tab and diagnoses each key', async () => {
    await answer({ type: 'page-snapshot', snapshot: snapshot({ groups: [group({ count: 2 })] }) }, contentScriptSender(6, 0));
    await answer(
      {
        type: 'page-snapshot',
        snapshot: snapshot({ url: 'https://www.klaviyo.com/frame', groups: [group({ count: 5, samples: ['other row'] })] }),
      },
      contentScriptSender(6, 12),
    );
    const reply = await answer({ type: 'get-tab-findings', tabId: 6 }, extensionPageSender());
    expect(reply.ok).toBe(true);
    const tab = (reply as { tab: { url: string; provider: string; groups: FindingGroup[]; diagnoses: Record<string, unknown> } }).tab;
    expect(tab.url).toBe('https://www.klaviyo.com/flow/1');
    expect(tab.provider).toBe('klaviyo');
    expect(tab.groups).toHaveLength(1);
    expect(tab.groups[0]).toMatchObject({ key: 'http:403', count: 7 });
    expect(tab.groups[0]?.samples).toEqual(['HTTP 403 Forbidden for ann@example.com', 'other row']);
    expect(Object.keys(tab.diagnoses)).toEqual(['http:403']);
  });

  it('does not mix tabs', async () => {
    await answer({ type: 'page-snapshot', snapshot: snapshot() }, contentScriptSender(1));
    expect(await answer({ type: 'get-tab-findings', tabId: 2 }, extensionPageSender())).toEqual({ ok: true, tab: null });
  });
});

describe('load-content-extras', () => {
  // The fake browser has no scripting.executeScript: each test installs a spy.
  const scripting = browser.scripting as unknown as { executeScript?: (injection: unknown) => Promise<unknown[]> };
  let executeScript: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    executeScript = vi.fn(async () => [{ frameId: 0, result: undefined }]);
    scripting.executeScript = executeScript as unknown as typeof scripting.executeScript;
  });

  afterEach(() => {
    delete scripting.executeScript;
  });

  it.each([
    ['the top frame', contentScriptSender(12, 0), 12, 0],
    ['a child frame', contentScriptSender(12, 7), 12, 7],
    ['a sender without frameId', { ...contentScriptSender(3), frameId: undefined }, 3, 0],
  ])('injects the extras into %s of the sender tab and answers ok', async (_name, sender, tabId, frameId) => {
    expect(await answer({ type: 'load-content-extras' }, sender)).toEqual({ ok: true });
    // One call per file (one task each in the page), sent in the order of their needs, the entry last.
    expect(executeScript.mock.calls).toEqual(
      CONTENT_EXTRAS_FILES.map((file) => [{ target: { tabId, frameIds: [frameId] }, files: [file], injectImmediately: true }]),
    );
    expect(CONTENT_EXTRAS_FILES.at(-1)).toBe('content-extras.js');
  });

  it('sends every file at once, and answers once all of them have run', async () => {
    const started: string[] = [];
    let finishFirst = () => {};
    executeScript.mockImplementationOnce(async ({ files }: { files: string[] }) => {
      started.push(...files);
      await new Promise<void>((resolve) => (finishFirst = resolve));
      return [];
    });
    executeScript.mockImplementation(async ({ files }: { files: string[] }) => (started.push(...files), []));
    let replied = false;
    const reply = answer({ type: 'load-content-extras' }, contentScriptSender(4)).then((value) => ((replied = true), value));
    // The first file has not run yet: the others are on their way all the same.
    await vi.waitFor(() => expect(started).toEqual(CONTENT_EXTRAS_FILES));
    expect(replied).toBe(false);
    finishFirst();
    expect(await reply).toEqual({ ok: true });
  });

  it.each([
    ['the popup (no tab)', extensionPageSender()],
    ['another extension', { ...contentScriptSender(5), id: 'another-extension' }],
    ['our id without a tab', { id: FAKE_EXTENSION_ID, url: 'https://evil.example/' }],
  ])('refuses %s and injects nothing', async (_name, sender) => {
    const reply = await answer({ type: 'load-content-extras' }, sender);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('Refused') });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('reports a failed injection, and the next message is still served', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await answer({ type: 'load-content-extras' }, contentScriptSender(4))).toEqual({
      ok: false,
      error: 'Cannot access contents of the page',
    });
    expect(executeScript).toHaveBeenCalledTimes(CONTENT_EXTRAS_FILES.length);
    expect(await answer({ type: 'load-content-extras' }, contentScriptSender(4))).toEqual({ ok: true });
  });

  it('get-scan-stats is for content scripts: the worker leaves it alone', () => {
    expect(send({ type: 'get-scan-stats' }, extensionPageSender())).toBeUndefined();
    expect(send({ type: 'get-scan-stats' }, contentScriptSender(1))).toBeUndefined();
  });
});
