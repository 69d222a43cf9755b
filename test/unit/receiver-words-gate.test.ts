// The receiver step's gate (receiver-words-gate.ts) must never drop what the readers would find:
// every eval text, each of its lines (rows of a page are often one line of a log), and each line
// of text of every fixture page is read with and without it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayHoldReceiverWords } from '../../src/engine/detect/receiver/receiver-words-gate';
import { attachReceiverWords, readReceiverWords } from '../../src/engine/detect/receiver/receiver-words';
import type { Finding } from '../../src/engine/types';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), ending) : entry.name.endsWith(ending) ? [path.join(dir, entry.name)] : [],
  );
}

const evalTexts = filesUnder(path.join(ROOT, 'eval'), '.jsonl').flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text),
);
/** A fixture page's text as a reader sees it: tags and scripts gone, one piece per line. */
const fixtureLines = filesUnder(path.join(ROOT, 'fixtures'), '.html').flatMap((file) =>
  readFileSync(file, 'utf8')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '\n')
    .replace(/<[^>]+>/g, '\n')
    .split('\n'),
);
const samples = [...evalTexts, ...evalTexts.flatMap((text) => text.split('\n')), ...fixtureLines].filter((text) => text.trim() !== '');

const wordsFound = (read: (text: string, findings: Finding[]) => void, text: string): Finding[] => {
  const findings: Finding[] = [];
  read(text, findings);
  return findings;
};

describe('the gate of the receiver step', () => {
  it('turns away texts that cannot hold a failure', () => {
    expect(mayHoldReceiverWords('POST https://hooks.example.test/in · 200 OK · 84 ms')).toBe(false);
    expect(mayHoldReceiverWords('Delivered at 12:03:04 to subscriber list')).toBe(false);
    expect(mayHoldReceiverWords('{"ok": false, "error": "channel_is_archived"}')).toBe(true);
    expect(mayHoldReceiverWords('接口返回：签名不匹配')).toBe(true);
    // A log's counts and ports are no failing status; a status or code key's value is.
    expect(mayHoldReceiverWords('batch 544 of 1812 queued, 418 recipients')).toBe(false);
    expect(mayHoldReceiverWords('connected to hooks.example.com:443 from 10.0.0.7:51012')).toBe(false);
    expect(mayHoldReceiverWords('{"status": 503, "message": "Try again later"}')).toBe(true);
    expect(mayHoldReceiverWords('(Service: Amazon S3; Status Code: 403; Request ID: 7Q2X)')).toBe(true);
  });

  it('never drops words the readers find in an eval text, its lines or a fixture line', () => {
    let turnedAway = 0;
    for (const text of samples) {
      if (mayHoldReceiverWords(text)) continue;
      turnedAway++;
      expect(wordsFound(readReceiverWords, text), text).toEqual([]);
    }
    // The check means something only if the gate turns many texts away.
    expect(turnedAway).toBeGreaterThan(1000);
  });

  it('lets every text through when it has findings', () => {
    const finding: Finding = { kind: 'network', code: null, problem: 'timeout', start: 0, end: 7, excerpt: 'timeout' };
    const findings = [finding];
    attachReceiverWords('timeout\n{"message": "Gateway closed the stream"}', findings);
    expect(findings[0]?.detail?.receiverMessage).toBe('Gateway closed the stream');
  });
});
