// Deterministic generator of realistic ESP webhook log text, for benchmarks and big-input tests.
// About 10% of lines are failures with a known expected finding; the rest is noise full of
// numbers that are not status codes (successes, counts, IDs, dates, ports, prices, durations).
// Usage as a script: `tsx scripts/gen-log.ts <megabytes> [seed] [failure-rate] > big.log`
// (a failure rate of 0.05 makes a quieter log, as most real ones are).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { FindingKind } from '../src/engine/types';

/** What a detector should report for a generated failure line. */
export interface ExpectedFinding {
  kind: FindingKind;
  code: number | null;
  problem: string | null;
}

export interface LogEntry {
  text: string;
  /** Empty for noise lines: nothing in them may be flagged. */
  expected: ExpectedFinding[];
}

/** Share of failure lines by default. */
export const FAILURE_RATE = 0.1;

/** mulberry32: tiny, fast and good enough for test data; same seed → same log. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const int = (rnd: Random, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const FIRST_NAMES = ['jane', 'omar', 'li', 'maria', 'sven', 'aiko', 'carlos', 'fatima', 'noah', 'priya'];
const LAST_NAMES = ['doe', 'haddad', 'wei', 'rossi', 'berg', 'tanaka', 'ruiz', 'okafor', 'smith', 'nair'];
const FLOWS = ['Welcome Series', 'Abandoned Cart', 'Winback Postcard', 'VIP Birthday', 'Browse Abandonment'];
const APPS = ['Shop iOS', 'Shop Android', 'Web Store', 'Loyalty App'];
const WORKFLOWS = ['Lead nurture', 'Trial to paid', 'Renewal reminder', 'Event follow-up'];
const HOSTS = ['api.heypoplar.com', 'hooks.example.com', 'crm.internal.example.net', 'mail-api.example.org'];
const PATHS = ['/v1/mailing/', '/v1/audiences/', '/webhooks/esp', '/api/v2/events'];

function timestamp(rnd: Random, style: 'iso' | 'space'): string {
  const date = `2024-${pad(int(rnd, 1, 12))}-${pad(int(rnd, 1, 28))}`;
  const time = `${pad(int(rnd, 0, 23))}:${pad(int(rnd, 0, 59))}:${pad(int(rnd, 0, 59))}`;
  return style === 'iso' ? `${date}T${time}.${pad(int(rnd, 0, 999), 3)}Z` : `${date} ${time} UTC`;
}

const email = (rnd: Random): string => `${pick(rnd, FIRST_NAMES)}.${pick(rnd, LAST_NAMES)}${int(rnd, 1, 999)}@example.com`;
const url = (rnd: Random): string => `https://${pick(rnd, HOSTS)}${pick(rnd, PATHS)}`;
const ip = (rnd: Random): string => `${int(rnd, 3, 223)}.${int(rnd, 0, 255)}.${int(rnd, 0, 255)}.${int(rnd, 1, 254)}`;
const hex = (rnd: Random, length: number): string => Array.from({ length }, () => '0123456789abcdef'[int(rnd, 0, 15)]).join('');

// Each provider has its own line prefix, as its log view would render a row.
const PREFIXES: readonly ((rnd: Random) => string)[] = [
  (rnd) => `${timestamp(rnd, 'space')} klaviyo flow="${pick(rnd, FLOWS)}" action=webhook profile=${email(rnd)}`,
  (rnd) => `${timestamp(rnd, 'iso')} braze app="${pick(rnd, APPS)}" canvas_step=${int(rnd, 1, 9)} type=Webhook`,
  (rnd) => `${timestamp(rnd, 'iso')} customerio campaign=${int(rnd, 100, 9999)} delivery=dlv_${hex(rnd, 12)}`,
  (rnd) => `${timestamp(rnd, 'space')} hubspot workflow="${pick(rnd, WORKFLOWS)}" enrollment=${int(rnd, 10000, 99999)}`,
  (rnd) => `${timestamp(rnd, 'iso')} iterable journey=${int(rnd, 1000, 9999)} tile="Call Webhook" user=${email(rnd)}`,
];

// Numbers here are deliberately in the 400-599 range where it hurts: none is a status in context.
const NOISE: readonly ((rnd: Random) => string)[] = [
  () => 'status=Sent response="200 OK"',
  (rnd) => `webhook delivered 200 OK in ${int(rnd, 40, 900)} ms`,
  (rnd) => `POST ${url(rnd)} 201 Created`,
  () => 'response 204 No Content',
  (rnd) => `batch ${int(rnd, 400, 599)} of ${int(rnd, 600, 2000)} queued, ${int(rnd, 400, 599)} recipients`,
  (rnd) => `order #${int(rnd, 400, 599)} total $${int(rnd, 400, 599)}.${pad(int(rnd, 0, 99))} paid`,
  (rnd) => `connected to ${pick(rnd, HOSTS)}:443 from ${ip(rnd)}:${int(rnd, 40000, 65000)}`,
  (rnd) => `throttled locally, next attempt in ${int(rnd, 400, 599)} ms`,
  (rnd) => `sent ${int(rnd, 400, 599)} emails, payload ${int(rnd, 400, 599)} KB`,
  (rnd) => `next run scheduled ${timestamp(rnd, 'space')}`,
  (rnd) => `profile id ${int(rnd, 40000, 59999)} updated, list_id=XyZ${int(rnd, 400, 599)}`,
  (rnd) => `request_id=${hex(rnd, 8)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 12)} ok`,
  (rnd) => `template v${int(rnd, 1, 9)}.${int(rnd, 0, 9)}.${int(rnd, 400, 599)} rendered`,
  (rnd) => `open rate ${int(rnd, 10, 60)}%, ${int(rnd, 400, 599)} clicks`,
];

interface FailureTemplate {
  make: (rnd: Random) => string;
  expected: ExpectedFinding;
}

const http = (code: number): ExpectedFinding => ({ kind: 'http', code, problem: null });
const network = (problem: string): ExpectedFinding => ({ kind: 'network', code: null, problem });
const credential = (problem: string): ExpectedFinding => ({ kind: 'credential', code: null, problem });

// Rate-limit headers are left out on purpose: their detector reports at most one finding per
// scanned text, so expected counts would depend on how a consumer chunks the log.
const FAILURES: readonly FailureTemplate[] = [
  { make: () => 'status=Skipped error="HTTP 403 Response Code"', expected: http(403) },
  { make: () => 'status=Retrying error="HTTP 429 Response Code"', expected: http(429) },
  { make: () => 'status=Retrying error="HTTP 503 Response Code"', expected: http(503) },
  { make: () => 'Webhook error message="404 Not Found" details={"error":"not_found"}', expected: http(404) },
  { make: () => 'Webhook error message="529 Host Overloaded"', expected: http(529) },
  { make: () => 'Webhook error message="401 Unauthorized"', expected: http(401) },
  { make: (rnd) => `Send a webhook failed, response status 502 after ${int(rnd, 1, 30)} s`, expected: http(502) },
  {
    make: (rnd) => `error: Post "${url(rnd)}": dial tcp ${ip(rnd)}:443: connect: connection refused`,
    expected: network('connection-refused'),
  },
  {
    make: (rnd) =>
      `error: Post "${url(rnd)}": read tcp 10.0.${int(rnd, 0, 9)}.${int(rnd, 2, 250)}:${int(rnd, 40000, 65000)}->${ip(rnd)}:443: read: connection reset by peer`,
    expected: network('connection-reset'),
  },
  { make: (rnd) => `error: Post "${url(rnd)}": EOF`, expected: network('unexpected-eof') },
  {
    make: (rnd) => `error: Post "${url(rnd)}": dial tcp: lookup ${pick(rnd, HOSTS)} on 10.0.0.2:53: server misbehaving`,
    expected: network('dns-failure'),
  },
  {
    make: (rnd) => `error: Post "${url(rnd)}": x509: certificate signed by unknown authority`,
    expected: network('tls-certificate'),
  },
  { make: (rnd) => `error: Post "${url(rnd)}": dial tcp ${ip(rnd)}:443: i/o timeout`, expected: network('timeout') },
  {
    make: () => 'request headers={"Content-Type": "application/json", "Authorization": "Bearer ###"}',
    expected: credential('masked-token'),
  },
];

/** One log line from a random source; the same random sequence always gives the same line. */
export function generateEntry(rnd: Random, failureRate = FAILURE_RATE): LogEntry {
  const prefix = pick(rnd, PREFIXES)(rnd);
  if (rnd() < failureRate) {
    const failure = pick(rnd, FAILURES);
    return { text: `${prefix} ${failure.make(rnd)}`, expected: [failure.expected] };
  }
  return { text: `${prefix} ${pick(rnd, NOISE)(rnd)}`, expected: [] };
}

export function generateLogEntries(count: number, seed: number, failureRate = FAILURE_RATE): LogEntry[] {
  const rnd = createRandom(seed);
  return Array.from({ length: count }, () => generateEntry(rnd, failureRate));
}

export function generateLogLines(count: number, seed: number): string[] {
  return generateLogEntries(count, seed).map((entry) => entry.text);
}

/** Whole lines joined by '\n', at most `bytes` long (the text is ASCII, so chars = bytes). */
export function generateLog(bytes: number, seed: number): string {
  const rnd = createRandom(seed);
  const lines: string[] = [];
  let length = 0;
  for (;;) {
    const { text } = generateEntry(rnd);
    const added = text.length + (lines.length > 0 ? 1 : 0);
    if (length + added > bytes) break;
    lines.push(text);
    length += added;
  }
  return lines.join('\n');
}

export interface WrittenLog {
  bytes: number;
  lines: number;
  failures: number;
}

/**
 * Writes about `bytes` of log (whole lines, each ending in '\n') to a file without holding it
 * in memory, so 100 MB logs are cheap to make.
 */
export async function writeLogFile(path: string, bytes: number, seed: number, failureRate = FAILURE_RATE): Promise<WrittenLog> {
  const out = createWriteStream(path);
  const rnd = createRandom(seed);
  const written: WrittenLog = { bytes: 0, lines: 0, failures: 0 };
  let batch = '';
  try {
    while (written.bytes < bytes) {
      const entry = generateEntry(rnd, failureRate);
      batch += `${entry.text}\n`;
      written.bytes += entry.text.length + 1;
      written.lines += 1;
      written.failures += entry.expected.length;
      if (batch.length >= 1 << 20) {
        const accepted = out.write(batch);
        batch = '';
        if (!accepted) await once(out, 'drain');
      }
    }
    out.end(batch);
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    throw error;
  }
  return written;
}

async function main(argv: readonly string[]): Promise<void> {
  const megabytes = Number(argv[0] ?? '1');
  const seed = Number(argv[1] ?? '1');
  const failureRate = Number(argv[2] ?? FAILURE_RATE);
  if (!Number.isFinite(megabytes) || megabytes <= 0 || !Number.isInteger(seed) || !(failureRate >= 0 && failureRate <= 1)) {
    process.stderr.write('usage: tsx scripts/gen-log.ts <megabytes> [seed] [failure-rate 0-1] > file.log\n');
    process.exitCode = 2;
    return;
  }
  // `... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  let closed = false;
  process.stdout.on('error', () => {
    closed = true;
  });
  const rnd = createRandom(seed);
  const target = megabytes * 1024 * 1024;
  let total = 0;
  while (total < target && !closed) {
    const lines: string[] = [];
    for (let i = 0; i < 5000 && total < target; i++) {
      const { text } = generateEntry(rnd, failureRate);
      lines.push(text);
      total += text.length + 1;
    }
    if (!process.stdout.write(`${lines.join('\n')}\n`)) await once(process.stdout, 'drain');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(`gen-log: ${error.message}\n`);
    process.exitCode = 1;
  });
}
