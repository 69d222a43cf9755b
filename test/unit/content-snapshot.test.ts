// @vitest-environment happy-dom
// Page snapshots: grouping by diagnosis key, safe samples, and the throttled sender.
import { describe, it, expect, vi } from 'vitest';
import { DiagnosisStore } from '../../src/content/badges/diagnoses';
import { primaryFinding } from '../../src/content/badges/findings';
import { buildSnapshot, createSnapshotSender, pageAddress, sampleText, SEND_RETRIES, SEND_RETRY_MS } from '../../src/content/scan/snapshot';
import { findingKey, MAX_SAMPLES } from '../../src/engine/finding-model';
import { redactSecretsInText } from '../../src/engine/redact';
import type { Finding } from '../../src/engine/types';
import type { BadgeDiagnosis, PageSnapshot } from '../../src/shared/messages';

const http = (code: number): Finding => ({ kind: 'http', code, problem: null, start: 0, end: 3, excerpt: `HTTP ${code}` });
const problem = (kind: Finding['kind'], id: string, code: number | null = null): Finding => ({
  kind,
  code,
  problem: id,
  start: 0,
  end: 1,
  excerpt: id,
});

describe('primaryFinding', () => {
  it.each<[Finding[], string]>([
    [[http(403), problem('credential', 'masked-token')], 'credential:masked-token'],
    [[http(502), problem('network', 'timeout')], 'network:timeout'],
    [[problem('rate-limit', 'rate-limited', 429), http(429)], 'http:429'],
    [[http(404), http(500)], 'http:404'],
    [[problem('json', 'invalid-json'), problem('network', 'unexpected-eof')], 'json:invalid-json'],
  ])('primary of %j is %s', (findings, key) => expect(findingKey(primaryFinding(findings)!)).toBe(key));

  it('no primary without findings', () => expect(primaryFinding([])).toBeUndefined());
});

describe('buildSnapshot', () => {
  it('groups rows by key, counts each row once and keeps up to three distinct samples', () => {
    const rows = [403, 403, 403, 403, 500].map((code, i) => ({ finding: http(code), text: () => `row ${i} HTTP ${code}` }));
    rows.push({ finding: http(403), text: () => 'row 0 HTTP 403' }); // same text as the first
    const snapshot = buildSnapshot({
      url: 'https://www.klaviyo.com/x',
      provider: 'klaviyo',
      endpointUrl: null,
      rows,
      fields: [],
      redact: redactSecretsInText,
    });
    expect(snapshot.groups.map((g) => [g.key, g.count, g.source])).toEqual([
      ['http:403', 5, 'row'],
      ['http:500', 1, 'row'],
    ]);
    expect(snapshot.groups[0]!.samples).toEqual(['row 0 HTTP 403', 'row 1 HTTP 403', 'row 2 HTTP 403']);
    expect(snapshot.groups[0]!.samples.length).toBeLessThanOrEqual(MAX_SAMPLES);
  });

  it('keeps a row and a field with the same problem apart, so the popup counts each where it is', () => {
    const masked = problem('credential', 'masked-token');
    const field = { field: document.createElement('input'), label: 'Authorization header', finding: masked };
    const snapshot = buildSnapshot({
      url: 'u',
      provider: null,
      endpointUrl: null,
      redact: redactSecretsInText,
      rows: [{ finding: masked, text: () => 'Authorization: Bearer ###' }],
      fields: [field, field],
    });
    expect(snapshot.groups.map((g) => [g.key, g.source, g.count, g.samples])).toEqual([
      ['credential:masked-token', 'row', 1, ['Authorization: Bearer ###']],
      ['credential:masked-token', 'field', 2, ['Authorization header']],
    ]);
  });

  it('redacts secrets in samples and excerpts, and keeps samples short', () => {
    const token = 'sk_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';
    const snapshot = buildSnapshot({
      url: 'u',
      provider: null,
      endpointUrl: null,
      rows: [
        { finding: { ...http(401), excerpt: `Bearer ${token}` }, text: () => `Authorization: Bearer ${token} → 401 ${'x'.repeat(5000)}` },
      ],
      fields: [],
      redact: redactSecretsInText,
    });
    const json = JSON.stringify(snapshot);
    expect(json).not.toContain(token.slice(8, 24));
    expect(snapshot.groups[0]!.samples[0]!.length).toBeLessThanOrEqual(200);
  });

  it.each([
    ['  many   spaces\n\tand lines  ', 'many spaces and lines'],
    ['', ''],
    ['HTTP 502 \u202eKO 002\u202c · \u2067\u05e9\u05dc\u05d5\u05dd\u2069', 'HTTP 502 KO 002 · \u05e9\u05dc\u05d5\u05dd'],
    ['HTTP 401 · api_key\u2066=\u2069q7Zx9Wv2Lm4K', 'HTTP 401 · api_key=…'],
  ])('sampleText(%j) → %j', (input, output) => expect(sampleText(input, redactSecretsInText)).toBe(output));

  it('leaves out a token its source cut would halve (blanks collapse, so the cut piece would show)', () => {
    const head = 'HTTP 500 Internal Server Error';
    const token = 'wdtk7Q2m9XvB4pL8sR1nK6zT3yH5cJ0';
    for (const kept of [4, 12, 19]) {
      const sample = sampleText(`${head}${' '.repeat(2000 - head.length - kept)}${token}`, redactSecretsInText);
      expect(sample, `${kept} characters before the cut`).toBe(head);
    }
  });
});

describe('pageAddress', () => {
  const secret = 'q7Zx9Wv2Lm4Np6Rt8Yb0Kc3D';
  const origin = 'https://app.iterable.com';
  const href = `${origin}/hooks/T0000/B0000/${secret}?token=${secret}#access_token=${secret}`;

  it('drops query and fragment and redacts the path', () => {
    expect(pageAddress(new URL(href), redactSecretsInText)).toBe(`${origin}/hooks/T0000/B0000/…`);
  });

  it('hides user info', () => {
    expect(pageAddress(new URL(`https://ann:${secret}@app.iterable.com/log`), redactSecretsInText)).toBe(`${origin}/log`);
  });

  it('hides a session kept in a matrix parameter of the path', () => {
    const session = 'ABCDEFGHIJKLMNOPQR';
    expect(pageAddress(new URL(`${origin}/log;jsessionid=${session}`), redactSecretsInText)).toBe(`${origin}/log;jsessionid=…`);
    expect(pageAddress(new URL(`${origin}/log;jsessionid=${session}`), () => null)).toBe(origin);
  });

  it('is the origin alone while the redactor is not loaded and the path could hold a secret', () => {
    expect(pageAddress(new URL(href), () => null)).toBe(origin);
  });

  it('sends a plain path without asking for the redactor (asking loads the extras)', () => {
    const redact = vi.fn(() => null);
    expect(pageAddress(new URL(`${origin}/journeys/1?token=${secret}`), redact)).toBe(`${origin}/journeys/1`);
    expect(redact).not.toHaveBeenCalled();
  });
});

describe('snapshot sender', () => {
  function fakeWindow() {
    const timers: (() => void)[] = [];
    const win = { setTimeout: (fn: () => void) => timers.push(fn), clearTimeout: () => undefined } as unknown as Window;
    return {
      win,
      runTimers: async () => {
        while (timers.length) timers.shift()!();
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
  }

  it('sends the first snapshot, skips unchanged ones, sends changes, and hands replies over', async () => {
    const { win, runTimers } = fakeWindow();
    let groups = 0;
    const sent: PageSnapshot[] = [];
    const replies: Record<string, BadgeDiagnosis>[] = [];
    const sender = createSnapshotSender({
      win,
      build: () => ({
        url: 'u',
        provider: null,
        endpointUrl: null,
        groups: Array.from({ length: groups }, (_, i) => ({
          key: `http:${400 + i}`,
          finding: http(400 + i),
          count: 1,
          source: 'row' as const,
          samples: [],
        })),
      }),
      send: async (snapshot) => {
        sent.push(snapshot);
        return {};
      },
      onReply: (reply) => replies.push(reply),
      onError: (error) => {
        throw error;
      },
    });
    await sender.flush(true);
    sender.schedule();
    sender.schedule();
    await runTimers();
    expect(sent).toHaveLength(1); // unchanged: not sent again
    groups = 2;
    sender.schedule();
    sender.schedule();
    await runTimers();
    expect(sent.map((s) => s.groups.length)).toEqual([0, 2]);
    expect(replies).toHaveLength(2);
    sender.cancel();
    groups = 3;
    sender.schedule();
    await runTimers();
    expect(sent).toHaveLength(2);
  });

  it('resends an unchanged snapshot when asked (the worker forgot it), once per throttle period', async () => {
    const { win, runTimers } = fakeWindow();
    const sent: PageSnapshot[] = [];
    const sender = createSnapshotSender({
      win,
      build: () => ({ url: 'u', provider: null, endpointUrl: null, groups: [] }),
      send: async (snapshot) => {
        sent.push(snapshot);
        return {};
      },
      onReply: () => undefined,
      onError: (error) => {
        throw error;
      },
    });
    await sender.flush(true);
    sender.resend();
    sender.resend();
    await runTimers();
    expect(sent).toHaveLength(2);
    sender.schedule();
    await runTimers();
    expect(sent).toHaveLength(2); // a plain schedule still skips the unchanged snapshot
  });

  it('sends a snapshot again after a send that failed, a bounded number of times', async () => {
    const { win, runTimers } = fakeWindow();
    const delays: number[] = [];
    const timedWin = {
      setTimeout: (fn: () => void, ms: number) => {
        delays.push(ms);
        return win.setTimeout(fn, ms);
      },
      clearTimeout: () => undefined,
    } as unknown as Window;
    let failures = 2;
    const sent: number[] = [];
    const replies: unknown[] = [];
    const onError = vi.fn();
    const sender = createSnapshotSender({
      win: timedWin,
      build: () => ({ url: 'u', provider: null, endpointUrl: null, groups: [] }),
      send: async (snapshot) => {
        sent.push(snapshot.groups.length);
        if (failures-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
        return {};
      },
      onReply: (reply) => replies.push(reply),
      onError,
    });
    await sender.flush();
    await runTimers();
    await runTimers();
    expect(sent).toHaveLength(3); // two failures, then delivered
    expect(delays).toEqual([SEND_RETRY_MS, SEND_RETRY_MS]);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(replies).toHaveLength(1);
    sender.schedule();
    await runTimers();
    expect(sent).toHaveLength(3); // delivered now: unchanged, not sent again

    failures = Infinity;
    const always = createSnapshotSender({
      win,
      build: () => ({ url: 'u', provider: null, endpointUrl: null, groups: [] }),
      send: async () => {
        throw new Error('The message port closed before a response was received.');
      },
      onReply: () => undefined,
      onError,
    });
    onError.mockClear();
    await always.flush();
    for (let i = 0; i < SEND_RETRIES + 3; i++) await runTimers();
    expect(onError).toHaveBeenCalledTimes(1 + SEND_RETRIES);
  });

  it('sends a delivered snapshot once even when showing its reply fails', async () => {
    const { win, runTimers } = fakeWindow();
    let sends = 0;
    const onError = vi.fn();
    const sender = createSnapshotSender({
      win,
      build: () => ({ url: 'u', provider: null, endpointUrl: null, groups: [] }),
      send: async () => {
        sends++;
        return {};
      },
      onReply: () => {
        throw new Error('cannot draw');
      },
      onError,
    });
    await sender.flush();
    for (let i = 0; i < 3; i++) await runTimers();
    expect(sends).toBe(1);
    expect(onError).toHaveBeenCalledOnce();
  });

  it('tries no failed send again once cancelled', async () => {
    const { win, runTimers } = fakeWindow();
    let sends = 0;
    const sender = createSnapshotSender({
      win,
      build: () => ({ url: 'u', provider: null, endpointUrl: null, groups: [] }),
      send: async () => {
        sends++;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
      onReply: () => undefined,
      onError: () => sender.cancel(),
    });
    await sender.flush();
    await runTimers();
    expect(sends).toBe(1);
  });

  it('reports a failed send to onError', async () => {
    const onError = vi.fn();
    const sender = createSnapshotSender({
      win: window,
      build: () => ({ url: 'u', provider: null, endpointUrl: null, groups: [] }),
      send: async () => {
        throw new Error('Extension context invalidated.');
      },
      onReply: () => undefined,
      onError,
    });
    await sender.flush(true);
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('DiagnosisStore', () => {
  const diagnosis: BadgeDiagnosis = {
    key: 'http:403',
    kind: 'http',
    code: 403,
    problem: null,
    title: '403 Forbidden',
    short: 'token refused',
    meaning: 'm',
    retry: { verdict: 'no-retry', text: 't' },
    steps: ['s'],
  };

  it('looks up by key and by kind/code/problem, and ignores malformed replies', () => {
    const store = new DiagnosisStore();
    expect(store.merge({ 'http:403': diagnosis, broken: { title: 1 } as unknown as BadgeDiagnosis })).toBe(true);
    expect(store.lookup(http(403))?.title).toBe('403 Forbidden');
    expect(store.lookup(http(404))).toBeUndefined();
    expect(store.merge({ 'other-key': diagnosis })).toBe(true);
    expect(store.merge(null)).toBe(false);
    // A reply repeating what is known (a copy, as every reply brings) is no news: no re-render.
    expect(store.merge({ 'http:403': structuredClone(diagnosis) })).toBe(false);
    expect(store.merge({ 'http:403': { ...diagnosis, short: 'token expired' } })).toBe(true);
    store.clear();
    expect(store.lookup(http(403))).toBeUndefined();
    store.merge({ 'some-key': diagnosis });
    expect(store.lookup(http(403))?.short).toBe('token refused');
  });
});
