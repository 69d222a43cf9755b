// The real CLI (`src/cli/main.ts`) run as a child process, the way `npm run -s diagnose` runs it.
// Assertions on what is found use lines whose detection is certain ("HTTP 403 Forbidden",
// "connect: connection refused"); everything else checks the CLI's own behaviour.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, open, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLogFile } from '../../scripts/gen-log';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONTRACT_KEYS = ['file', 'line', 'kind', 'code', 'problem', 'title', 'steps'];
const PROCESS_TIMEOUT = 30_000;

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function startCli(args: readonly string[], env: Record<string, string> = {}, stdio: StdioOptions = 'pipe'): ChildProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // The runner may sit in a terminal with its own colour settings: the child decides alone.
  if (!('NO_COLOR' in env)) delete childEnv.NO_COLOR;
  delete childEnv.FORCE_COLOR;
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO_ROOT, env: childEnv, stdio });
}

function runCli(args: readonly string[], input: string | Buffer = '', env: Record<string, string> = {}): Promise<CliResult> {
  const child = startCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdin!.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const FORBIDDEN = '2024-05-03 10:00:01 UTC klaviyo webhook failed: HTTP 403 Forbidden';
const REFUSED = 'error: Post "https://api.heypoplar.com/v1/mailing/": dial tcp 52.1.2.3:443: connect: connection refused';
const FILLER = 'info: webhook delivered to the recipient, nothing wrong here';

let dir = '';
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-process-'));
  await writeFile(path('one.log'), `${FILLER}\n${FORBIDDEN}\n${FILLER}\n`);
  await writeFile(path('two.log'), `${REFUSED}\n${FILLER}\n${FORBIDDEN}\n${FORBIDDEN}\n`);
  await writeFile(path('clean.log'), `${FILLER}\n${FILLER}\n`);
  await writeFile(path('empty.log'), '');
  await writeFile(path('blank.log'), '\n  \n');
  await writeFile(path('dump.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x48, 0x54]));
  await writeFile(path('latin1.log'), Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9, 0xff]), Buffer.from(` ${FORBIDDEN}\n`)]));
  await mkdir(path('folder'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CLI options', { timeout: PROCESS_TIMEOUT }, () => {
  const cases: { name: string; args: string[]; status: number; stdout: RegExp | ''; stderr: RegExp | '' }[] = [
    { name: '--help', args: ['--help'], status: 0, stdout: /^Usage: webhook-doctor diagnose \[options\] \[FILE \.\.\.\]/, stderr: '' },
    { name: '--version', args: ['--version'], status: 0, stdout: /^webhook-doctor \d+\.\d+\.\d+\n$/, stderr: '' },
    {
      name: 'an unknown option',
      args: ['--bogus', 'x.log'],
      status: 2,
      stdout: '',
      stderr: /^webhook-doctor: unknown option --bogus\n\nUsage:/,
    },
    { name: 'an unknown provider', args: ['--provider', 'mailchimp'], status: 2, stdout: '', stderr: /unknown provider "mailchimp"/ },
    { name: 'a value option without value', args: ['--endpoint'], status: 2, stdout: '', stderr: /--endpoint needs a value/ },
  ];
  it.each(cases)('$name → exit $status', async ({ args, status, stdout, stderr }) => {
    const result = await runCli(args);
    expect(result.status).toBe(status);
    if (stdout === '') expect(result.stdout).toBe('');
    else expect(result.stdout).toMatch(stdout);
    if (stderr === '') expect(result.stderr).toBe('');
    else expect(result.stderr).toMatch(stderr);
  });
});

describe('CLI inputs that cannot be diagnosed', { timeout: PROCESS_TIMEOUT }, () => {
  const cases: { name: string; file: string; status: number; stderr: string }[] = [
    { name: 'a missing file', file: 'missing.log', status: 2, stderr: 'missing.log: no such file' },
    { name: 'a directory', file: 'folder', status: 2, stderr: 'folder: is a directory' },
    { name: 'a binary file', file: 'dump.bin', status: 2, stderr: 'dump.bin: looks binary, skipped' },
    { name: 'an empty file', file: 'empty.log', status: 0, stderr: 'empty.log: no text to diagnose' },
    { name: 'a file of blank lines', file: 'blank.log', status: 0, stderr: 'blank.log: no text to diagnose' },
  ];
  it.each(cases)('$name → exit $status with a note naming it', async ({ file, status, stderr }) => {
    const result = await runCli([path(file)]);
    expect(result.status).toBe(status);
    expect(result.stderr).toBe(`webhook-doctor: ${path(stderr)}\n`);
  });

  it('notes empty standard input and exits 0', async () => {
    const result = await runCli([], '');
    expect(result).toEqual({
      status: 0,
      stdout: 'No webhook problems found in 1 file.\n',
      stderr: 'webhook-doctor: -: no text to diagnose\n',
    });
  });

  it('decodes invalid UTF-8 with replacement instead of failing', async () => {
    const result = await runCli(['--json', path('latin1.log')]);
    expect(result.stderr).toBe('');
    expect(jsonLines(result.stdout).map((r) => [r.line, r.code])).toEqual([[1, 403]]);
  });

  it('keeps going after a failed file and exits 2 at the end', async () => {
    const result = await runCli(['--json', path('one.log'), path('missing.log'), path('folder'), path('two.log')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`webhook-doctor: ${path('missing.log')}: no such file\nwebhook-doctor: ${path('folder')}: is a directory\n`);
    const files = jsonLines(result.stdout).map((record) => record.file);
    expect(files).toContain(path('one.log'));
    expect(files).toContain(path('two.log'));
  });
});

describe('CLI findings', { timeout: PROCESS_TIMEOUT }, () => {
  it('exits 0 with a note on stdout when nothing is found', async () => {
    const result = await runCli([path('clean.log')]);
    expect(result).toEqual({ status: 0, stdout: 'No webhook problems found in 1 file.\n', stderr: '' });
  });

  it('reads standard input, named "-"', async () => {
    const result = await runCli(['--json'], `${FILLER}\n${FORBIDDEN}\n`);
    expect(result.status).toBe(1);
    expect(jsonLines(result.stdout).map((r) => [r.file, r.line, r.kind, r.code, r.problem])).toEqual([['-', 2, 'http', 403, null]]);
  });

  it("reads standard input in between files when given '-'", async () => {
    const result = await runCli(['--json', path('one.log'), '-'], `${REFUSED}\n`);
    expect(jsonLines(result.stdout).map((r) => [r.file, r.line])).toEqual([
      [path('one.log'), 2],
      ['-', 1],
    ]);
  });

  it('writes JSON lines with the contract fields first, in order, and the right types', async () => {
    const result = await runCli(['--json', path('two.log')]);
    expect(result.status).toBe(1);
    const records = jsonLines(result.stdout);
    expect(records.map((r) => [r.line, r.kind, r.code, r.problem])).toEqual([
      [1, 'network', null, 'connection-refused'],
      [3, 'http', 403, null],
      [4, 'http', 403, null],
    ]);
    for (const record of records) {
      expect(Object.keys(record).slice(0, CONTRACT_KEYS.length)).toEqual(CONTRACT_KEYS);
      expect(record.file).toBe(path('two.log'));
      expect(typeof record.title).toBe('string');
      expect(Array.isArray(record.steps) && (record.steps as unknown[]).every((s) => typeof s === 'string')).toBe(true);
    }
  });

  it('accepts --provider and --endpoint', async () => {
    const result = await runCli([
      '--json',
      '--provider',
      'klaviyo',
      '--endpoint',
      'https://api.heypoplar.com/v1/mailing/',
      path('one.log'),
    ]);
    expect(result.status).toBe(1);
    expect(jsonLines(result.stdout).map((r) => r.code)).toEqual([403]);
  });

  it('prints a readable report: full first, references for repeats, a summary, no colour in a pipe', async () => {
    const result = await runCli([path('one.log'), path('two.log')]);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`== ${path('one.log')}`);
    expect(lines[1]).toMatch(new RegExp(`^${path('one.log')}:2  403  \\S`));
    expect(lines).toContain(`== ${path('two.log')}`);
    expect(lines.some((line) => line.startsWith(`${path('two.log')}:1  connection-refused  `))).toBe(true);
    const repeats = lines.filter(
      (line) => line.startsWith(`${path('two.log')}:3  403  `) || line.startsWith(`${path('two.log')}:4  403  `),
    );
    expect(repeats).toHaveLength(2);
    for (const line of repeats) expect(line).toMatch(new RegExp(`\\(explained at ${path('one.log')}:2\\)$`));
    expect(result.stdout).toMatch(/\n4 findings in 2 files: 3 × [^,\n]+, 1 × [^,\n]+\n$/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('never prints a token from the log', async () => {
    const token = 'sk_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
    const log = [
      `Authorization: Bearer ${token}`,
      `Authorization: Bearer Bearer ${token}`,
      `response: HTTP 401 Unauthorized (token ${token} refused)`,
    ].join('\n');
    for (const args of [['--json'], []]) {
      const result = await runCli(args, log);
      expect(result.status).toBe(1);
      expect(result.stdout).not.toContain(token);
      expect(result.stdout).not.toContain(token.slice(0, 16));
      expect(result.stderr).not.toContain(token.slice(0, 16));
    }
    const kinds = jsonLines((await runCli(['--json'], log)).stdout).map((r) => r.kind);
    expect(kinds).toContain('credential');
    expect(kinds).toContain('http');
  });
});

describe('CLI streaming', { timeout: PROCESS_TIMEOUT }, () => {
  it('keeps line numbers exact around the 64 KB chunk boundaries', async () => {
    // Findings cluster where the chunks end: around every multiple of 64 KB of input.
    const CHUNK = 64 * 1024;
    const NEAR = 300;
    const expected = new Map<number, string>();
    const lines: string[] = [];
    let offset = 0;
    for (let line = 1; line <= 5000; line++) {
      const intoChunk = offset % CHUNK;
      const marked = line === 1 || line === 5000 || intoChunk < NEAR || intoChunk > CHUNK - NEAR;
      const text = !marked ? FILLER : line % 2 === 0 ? FORBIDDEN : REFUSED;
      if (marked) expected.set(line, text === FORBIDDEN ? 'http' : 'network');
      lines.push(text);
      offset += text.length + 1;
    }
    expect(expected.size).toBeGreaterThan(20);
    await writeFile(path('boundaries.log'), `${lines.join('\n')}\n`);
    const result = await runCli(['--json', path('boundaries.log')]);
    expect(result.status).toBe(1);
    expect(jsonLines(result.stdout).map((r) => [r.line, r.kind])).toEqual([...expected]);
  });

  it('writes findings while standard input is still open', async () => {
    const child = startCli(['--json']);
    const closed = once(child, 'close');
    const firstOutput = new Promise<string>((resolve, reject) => {
      child.stdout!.once('data', (data: Buffer) => resolve(data.toString('utf8')));
      child.once('close', () => reject(new Error('the CLI ended without writing anything')));
    });
    // More than one 64 KB chunk, so the first chunk is complete without the end of the input.
    child.stdin!.write(`${FORBIDDEN}\n${`${FILLER}\n`.repeat(1500)}`);
    const timer = setTimeout(() => child.kill(), PROCESS_TIMEOUT - 5000);
    try {
      expect(jsonLines(await firstOutput)[0]).toMatchObject({ file: '-', line: 1, code: 403 });
    } finally {
      clearTimeout(timer);
      child.stdin!.end();
      await closed;
    }
  });

  it('stops quietly when the reader of its output goes away (`| head`), though input keeps coming', async () => {
    const child = startCli(['--json']);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdin!.on('error', () => {});
    child.stdout!.once('data', () => child.stdout!.destroy());
    let closed = false;
    const closing = once(child, 'close').then((result) => {
      closed = true;
      return result as [number | null, string | null];
    });
    // Standard input never ends: only noticing the closed output lets the CLI finish.
    const block = `${FORBIDDEN}\n`.repeat(2000);
    for (let round = 0; !closed && round < 500; round++) {
      child.stdin!.write(block);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (!closed) child.kill();
    const [status, signal] = await closing;
    expect(signal).toBeNull();
    expect(status).toBe(1);
    expect(stderr).toBe('');
  });
});

describe('CLI on a 100 MB log', () => {
  it('keeps its peak memory under 300 MB', { timeout: 180_000 }, async () => {
    const written = await writeLogFile(path('big.log'), 100 * 1024 * 1024, 11);
    const output = await open(path('big.jsonl'), 'w');
    try {
      const child = startCli(['--json', path('big.log')], { WEBHOOK_DOCTOR_DEBUG_RSS: '1' }, ['ignore', output.fd, 'pipe']);
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      const [status] = (await once(child, 'close')) as [number | null];
      expect(status).toBe(1);
      const match = /^webhook-doctor: peak RSS (\d+) kB\n$/.exec(stderr);
      expect(match, stderr).not.toBeNull();
      expect(Number(match![1]) / 1024).toBeLessThan(300);
    } finally {
      await output.close();
    }
    // The output covers the whole file: the last finding sits near its last line.
    const jsonl = await readFile(path('big.jsonl'), 'utf8');
    const last = JSON.parse(jsonl.slice(jsonl.lastIndexOf('\n', jsonl.length - 2) + 1)) as { line: number };
    expect(last.line).toBeGreaterThan(written.lines - 200);
    await rm(path('big.log'));
    await rm(path('big.jsonl'));
  });
});
