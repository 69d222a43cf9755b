// Keeps store/privacy.md true: nothing in src/ can send data anywhere, and the extension stores only
// what the statement lists (tab findings in storage.session, settings in storage.sync).
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

/** Every way a web page or an extension can talk to a server. */
const NETWORK_APIS: [string, RegExp][] = [
  ['fetch', /\bfetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['navigator.connection', /\bnavigator\s*\.\s*connection\b/],
  ['WebRTC', /\bRTC(?:PeerConnection|DataChannel)\b/],
  ['WebTransport', /\bWebTransport\b/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['a remote import', /\bimport\s*\(\s*['"`]https?:/],
  ['native messaging', /\bconnectNative\b|\bsendNativeMessage\b/],
  ['a remote URL in a worker or an image', /new\s+(?:Worker|SharedWorker|Image)\s*\(\s*['"`]https?:/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|html)$/.test(entry.name) ? [full] : [];
  });
}

const files = sourceFiles(SRC).map((file) => ({ file: path.relative(ROOT, file), code: readFileSync(file, 'utf8') }));

describe('privacy statement (store/privacy.md)', () => {
  const statement = readFileSync(path.join(ROOT, 'store/privacy.md'), 'utf8');

  it('says that nothing is collected and nothing is sent', () => {
    expect(statement).toContain('Webhook Doctor collects no data and sends nothing anywhere.');
    expect(statement).toContain('It makes no network requests');
  });

  it('reads every source file', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.file === 'src/background/index.ts')).toBe(true);
  });

  it.each(NETWORK_APIS)('no network API in src/: %s', (_name, pattern) => {
    expect(files.filter((f) => pattern.test(f.code)).map((f) => f.file)).toEqual([]);
  });

  it('the checks catch each API (they could fail)', () => {
    const samples = [
      'fetch(url)',
      'new XMLHttpRequest()',
      'new WebSocket(u)',
      'new EventSource(u)',
      'navigator.sendBeacon(u, d)',
      'navigator.connection.type',
      'new RTCPeerConnection()',
      'new WebTransport(u)',
      'importScripts("a.js")',
      'import("https://x.example/a.js")',
      'browser.runtime.connectNative("x")',
      'new Image("https://t.example/p.gif")',
    ];
    samples.forEach((sample, i) => expect(NETWORK_APIS[i]![1].test(sample), sample).toBe(true));
  });

  it('stores only what the statement lists: findings in storage.session, settings in storage.sync', () => {
    const areas = new Set(files.flatMap((f) => [...f.code.matchAll(/\bstorage\s*\.\s*(local|session|sync|managed)\b/g)].map((m) => m[1])));
    expect([...areas].sort()).toEqual(['session', 'sync']);
    expect(statement).toContain('session storage');
    expect(statement).toContain('sync');
  });
});
