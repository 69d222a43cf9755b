import { describe, it, expect, afterAll } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectAll } from '../../src/engine';
import { createRandom, FAILURE_RATE, generateLog, generateLogEntries, generateLogLines, writeLogFile } from '../../scripts/gen-log';

const label = (f: { kind: string; code: number | null; problem: string | null }) => `${f.kind}:${f.code ?? ''}:${f.problem ?? ''}`;

describe('createRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const sample = (seed: number) => Array.from({ length: 5 }, createRandom(seed));
    expect(sample(1)).toEqual(sample(1));
    expect(sample(1)).not.toEqual(sample(2));
    expect(sample(3).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateLogEntries', () => {
  const entries = generateLogEntries(10_000, 5);

  it('is deterministic per seed', () => {
    expect(generateLogLines(50, 5)).toEqual(entries.slice(0, 50).map((e) => e.text));
    expect(generateLogLines(50, 6)).not.toEqual(generateLogLines(50, 5));
  });

  it(`makes about ${FAILURE_RATE * 100}% of lines failures, each with one expected finding`, () => {
    const failures = entries.filter((e) => e.expected.length > 0);
    expect(failures.length / entries.length).toBeGreaterThan(0.08);
    expect(failures.length / entries.length).toBeLessThan(0.12);
    expect(failures.every((e) => e.expected.length === 1)).toBe(true);
  });

  it('makes fewer failures when asked for a quieter log, and none at a rate of 0', () => {
    const quiet = generateLogEntries(10_000, 5, 0.05).filter((e) => e.expected.length > 0).length / 10_000;
    expect(quiet).toBeGreaterThan(0.035);
    expect(quiet).toBeLessThan(0.065);
    expect(generateLogEntries(2_000, 5, 0).some((e) => e.expected.length > 0)).toBe(false);
  });

  it('covers every kind of failure and looks like the ESPs', () => {
    const labels = new Set(entries.flatMap((e) => e.expected.map(label)));
    for (const expected of [
      'http:403:',
      'http:429:',
      'http:404:',
      'network::connection-refused',
      'network::unexpected-eof',
      'credential::masked-token',
    ]) {
      expect(labels).toContain(expected);
    }
    const text = entries.map((e) => e.text).join('\n');
    for (const fragment of [
      'HTTP 429 Response Code',
      '404 Not Found',
      'connect: connection refused',
      '"Authorization": "Bearer ###"',
      '200 OK',
      'recipients',
      'ms',
    ]) {
      expect(text).toContain(fragment);
    }
    for (const provider of ['klaviyo', 'braze', 'customerio', 'hubspot', 'iterable']) expect(text).toContain(` ${provider} `);
  });

  it('writes single-line ASCII entries', () => {
    expect(entries.every((e) => /^[\x20-\x7e]+$/.test(e.text))).toBe(true);
  });

  // Depends on the detectors: it checks the generator's labels against the real engine.
  it('labels agree with the engine: failures are found as labelled, noise gives nothing', () => {
    const mismatches = entries
      .slice(0, 3000)
      .map((e) => ({ text: e.text, expected: e.expected.map(label), found: detectAll(e.text).map(label) }))
      .filter((e) => e.expected.join() !== e.found.join());
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

describe('generateLog', () => {
  const sizes = [0, 1, 200, 10_000, 100_000];
  it.each(sizes)('fills up to %i bytes with whole lines', (bytes) => {
    const text = generateLog(bytes, 9);
    expect(text.length).toBeLessThanOrEqual(bytes);
    expect(text.length).toBeGreaterThan(bytes - 400);
    expect(generateLogLines(text === '' ? 0 : text.split('\n').length, 9).join('\n')).toBe(text);
  });
});

describe('writeLogFile', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('streams at least the requested size of whole lines to a file, as generateLogLines would', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gen-log-'));
    const file = join(dir, 'log.txt');
    const written = await writeLogFile(file, 3 * 1024 * 1024, 4);
    const text = await readFile(file, 'utf8');
    expect(text.length).toBe(written.bytes);
    expect(written.bytes).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(written.lines);
    expect(lines.slice(0, 100)).toEqual(generateLogLines(100, 4));
    expect(written.failures).toBe(generateLogEntries(written.lines, 4).filter((e) => e.expected.length > 0).length);
  });

  it('writes a quieter log at a lower failure rate, as generateLogEntries would', async () => {
    dir ||= await mkdtemp(join(tmpdir(), 'gen-log-'));
    const file = join(dir, 'quiet.txt');
    const written = await writeLogFile(file, 256 * 1024, 4, 0.05);
    const lines = (await readFile(file, 'utf8')).slice(0, -1).split('\n');
    const entries = generateLogEntries(written.lines, 4, 0.05);
    expect(lines).toEqual(entries.map((e) => e.text));
    expect(written.failures).toBe(entries.filter((e) => e.expected.length > 0).length);
    expect(written.failures / written.lines).toBeLessThan(0.07);
  });
});
