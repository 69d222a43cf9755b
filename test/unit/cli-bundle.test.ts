// The built CLI (dist-cli/webhook-doctor.mjs, package.json "bin"): one file that runs with Node
// alone, away from the repository and its node_modules, as `webhook-doctor diagnose FILE`.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { buildCli, CLI_BUNDLE } from '../../scripts/bench-cli';
import { writeLogFile } from '../../scripts/gen-log';
import { readTextInput } from '../../src/cli/input';
import { LineChunker } from '../../src/cli/lines';
import { openBodyStart } from '../../src/engine/detect/json/json-candidates';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
let dir = '';

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(path.join(tmpdir(), 'cli-bundle-'));
  copyFileSync(CLI_BUNDLE, path.join(dir, 'webhook-doctor.mjs'));
  writeFileSync(path.join(dir, 'hook.log'), 'ok\n2024-05-03 klaviyo webhook failed: HTTP 403 Forbidden\nok\n');
  // Big enough that it goes to workers (from its first chunk), with findings all the way.
  await writeLogFile(path.join(dir, 'big.log'), 2 * 1024 * 1024, 3);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  return runWith({}, ...args);
}

function runWith(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['webhook-doctor.mjs', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('built CLI', () => {
  it('is the package bin, one ES module with a node shebang', () => {
    expect(path.resolve(ROOT, pkg.bin['webhook-doctor']!)).toBe(CLI_BUNDLE);
    expect(readFileSync(CLI_BUNDLE, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('imports nothing but Node built-ins', () => {
    const code = readFileSync(CLI_BUNDLE, 'utf8');
    const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g)].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => !s.startsWith('node:'))).toEqual([]);
  });

  it('diagnoses a file away from the repository: webhook-doctor diagnose --json FILE', () => {
    const { status, stdout, stderr } = run('diagnose', '--json', 'hook.log');
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const finding = JSON.parse(stdout.trim()) as Record<string, unknown>;
    expect(finding).toMatchObject({ file: 'hook.log', line: 2, kind: 'http', code: 403 });
    expect((finding.steps as string[]).length).toBeGreaterThan(0);
  });

  it('serves as its own engine worker: the same output with worker threads as without', { timeout: 120_000 }, () => {
    for (const format of [['--json'], []]) {
      const alone = runWith({ WEBHOOK_DOCTOR_WORKERS: '0' }, 'diagnose', ...format, 'big.log');
      const helped = runWith({ WEBHOOK_DOCTOR_WORKERS: '2', WEBHOOK_DOCTOR_DEBUG_WORKERS: '1' }, 'diagnose', ...format, 'big.log');
      expect(alone.status).toBe(1);
      expect(alone.stdout.split('\n').length).toBeGreaterThan(1000);
      expect(Number(/(\d+) chunks judged in worker threads/.exec(helped.stderr)?.[1])).toBeGreaterThan(10);
      expect({ ...helped, stderr: '' }).toEqual(alone);
    }
  });

  it(
    'judges a big log in one worker thread by default on a machine with a second core, and in none when told 0',
    { timeout: 60_000 },
    () => {
      const usual = runWith({ WEBHOOK_DOCTOR_DEBUG_WORKERS: '1' }, 'diagnose', '--json', 'big.log');
      const judged = Number(/(\d+) chunks judged in worker threads/.exec(usual.stderr)?.[1]);
      if (availableParallelism() >= 2) expect(judged).toBeGreaterThan(10);
      else expect(judged).toBe(0);
      const off = runWith({ WEBHOOK_DOCTOR_WORKERS: '0', WEBHOOK_DOCTOR_DEBUG_WORKERS: '1' }, 'diagnose', '--json', 'big.log');
      expect(off.stderr).toBe('webhook-doctor: 0 chunks judged in worker threads, 0 beside them in the main thread\n');
      expect(off.stdout).toBe(usual.stdout);
    },
  );

  it(
    'starts the worker with the first chunk of a file it knows is big, and judges beside it when its queue is full',
    { timeout: 60_000 },
    async () => {
      const chunker = new LineChunker({}, openBodyStart);
      let chunks = 0;
      for await (const piece of readTextInput(path.join(dir, 'big.log'))) chunks += chunker.push(piece).length;
      chunks += chunker.end().length;
      const one = runWith({ WEBHOOK_DOCTOR_WORKERS: '1', WEBHOOK_DOCTOR_DEBUG_WORKERS: '1' }, 'diagnose', '--json', 'big.log');
      expect(chunks).toBeGreaterThan(20);
      // Every chunk went to the worker or was judged beside it: none before it started.
      const [, inWorker, beside] = /(\d+) chunks judged in worker threads, (\d+) beside them in the main thread/.exec(one.stderr) ?? [];
      expect(Number(inWorker) + Number(beside)).toBe(chunks);
      // Both threads judged: the main thread does not sit idle while the worker has a queue.
      expect(Number(inWorker)).toBeGreaterThan(0);
      expect(Number(beside)).toBeGreaterThan(0);
      // Through standard input the size is unknown (and pipe reads cut other chunks): the first
      // chunks are judged at home, the rest in the worker or beside it, with the same findings.
      const piped = spawnSync(process.execPath, ['webhook-doctor.mjs', 'diagnose', '--json'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, WEBHOOK_DOCTOR_WORKERS: '1', WEBHOOK_DOCTOR_DEBUG_WORKERS: '1' },
        input: readFileSync(path.join(dir, 'big.log')),
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(Number(/(\d+) chunks judged in worker threads/.exec(piped.stderr)?.[1])).toBeGreaterThan(0);
      expect(piped.stdout.replaceAll('"file":"-"', '"file":"big.log"')).toBe(one.stdout);
      expect(one.stdout).toBe(runWith({ WEBHOOK_DOCTOR_WORKERS: '0' }, 'diagnose', '--json', 'big.log').stdout);
    },
  );

  it("reports its CPU time and the busiest thread's share when asked, for the benchmark", { timeout: 60_000 }, () => {
    const { stderr } = runWith({ WEBHOOK_DOCTOR_WORKERS: '1', WEBHOOK_DOCTOR_DEBUG_CPU: '1' }, 'diagnose', '--json', 'big.log');
    const [, total, busiest, byThread] = /webhook-doctor: CPU (\d+) ms, busiest thread (\d+) ms, by thread ([\d ]+) ms/.exec(stderr) ?? [];
    expect(Number(busiest)).toBeGreaterThan(0);
    expect(Number(busiest)).toBeLessThanOrEqual(Number(total));
    // Every thread, busiest first: at least the main thread and the engine worker.
    const threads = (byThread ?? '').split(' ').map(Number);
    expect(threads.length).toBeGreaterThanOrEqual(2);
    expect(threads[0]).toBe(Number(busiest));
    expect(threads).toEqual([...threads].sort((a, b) => b - a));
  });

  it('prints the package version', () => {
    expect(run('--version').stdout).toBe(`webhook-doctor ${pkg.version}\n`);
  });

  it('answers a usage error with status 2 and the usage', () => {
    const { status, stderr } = run('diagnose', '--provider', 'nobody');
    expect(status).toBe(2);
    expect(stderr).toContain('Usage: webhook-doctor diagnose [options] [FILE ...]');
  });
});
