// Field checks for messages that carry one of our types. Content scripts run next to untrusted
// pages, so the worker checks every field (and size limits) before storing or diagnosing anything.
import { FINDING_KINDS } from '../engine/finding-model';
import type { Message } from '../shared/messages';
import { PROVIDER_IDS } from '../providers';

/** Generous bounds: a real page stays far below them, a flood is refused. */
export const LIMITS = {
  groups: 300,
  samplesPerGroup: 20,
  shortText: 200,
  longText: 4_000,
  url: 8_192,
} as const;

type Check = (value: unknown) => string | null;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function text(max: number): Check {
  return (value) => (typeof value === 'string' && value.length <= max ? null : `a string of at most ${max} characters`);
}

function nullable(check: Check): Check {
  return (value) => (value === null ? null : check(value));
}

function oneOf(options: readonly string[]): Check {
  return (value) => (typeof value === 'string' && options.includes(value) ? null : `one of ${options.join(', ')}`);
}

function listOf(check: Check, max: number): Check {
  return (value) => {
    if (!Array.isArray(value) || value.length > max) return `a list of at most ${max} items`;
    for (const [index, item] of value.entries()) {
      const problem = check(item);
      if (problem) return `item ${index}: ${problem}`;
    }
    return null;
  };
}

function object(fields: Record<string, Check>, optional: readonly string[] = []): Check {
  return (value) => {
    if (!isRecord(value)) return 'an object';
    for (const [name, check] of Object.entries(fields)) {
      if (optional.includes(name) && value[name] === undefined) continue;
      const problem = check(value[name]);
      if (problem) return `${name}: ${problem}`;
    }
    return null;
  };
}

const count: Check = (value) => (isCount(value) ? null : 'a whole number, 0 or more');
const statusCode: Check = (value) =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 999 ? null : 'an HTTP status';
const finiteNumber: Check = (value) => (typeof value === 'number' && Number.isFinite(value) ? null : 'a number');
const provider = nullable(oneOf(PROVIDER_IDS));

const findingDetail = object(
  {
    line: count,
    column: count,
    reason: text(LIMITS.longText),
    fields: listOf(text(LIMITS.shortText), 50),
    retryAfterSeconds: finiteNumber,
    retryAdvice: text(LIMITS.shortText),
    receiverError: text(LIMITS.shortText),
    expected: text(LIMITS.shortText),
    receiverMessage: text(LIMITS.longText),
    field: text(LIMITS.shortText),
  },
  ['line', 'column', 'reason', 'fields', 'retryAfterSeconds', 'retryAdvice', 'receiverError', 'expected', 'receiverMessage', 'field'],
);

const finding = object(
  {
    kind: oneOf(FINDING_KINDS),
    code: nullable(statusCode),
    problem: nullable(text(LIMITS.shortText)),
    start: count,
    end: count,
    excerpt: text(LIMITS.longText),
    detail: findingDetail,
  },
  ['detail'],
);

const findingGroup = object({
  key: text(LIMITS.shortText),
  finding,
  count,
  source: oneOf(['row', 'field']),
  samples: listOf(text(LIMITS.longText), LIMITS.samplesPerGroup),
});

const pageSnapshot = object({
  url: text(LIMITS.url),
  provider,
  endpointUrl: nullable(text(LIMITS.url)),
  groups: listOf(findingGroup, LIMITS.groups),
});

const messageChecks: Record<Message['type'], Check> = {
  'page-snapshot': object({ snapshot: pageSnapshot }),
  'get-tab-findings': object({ tabId: count }),
  'load-content-extras': object({}),
  'frame-gone': object({}),
};

/** Null when every field of the message is well formed, else what is wrong, in words. */
export function findMessageProblem(message: Message): string | null {
  return messageChecks[message.type](message);
}
