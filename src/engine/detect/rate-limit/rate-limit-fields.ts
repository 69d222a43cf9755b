// Reads the rate-limit header families into one shape: limit, remaining and seconds until the
// window resets. Epoch timestamps are told apart from deltas here, once for every family.
import { parseHttpDate } from './rate-limit-http-date';

export interface RateWindow {
  limit: number | null;
  remaining: number | null;
  /** Seconds until the window resets, never negative; null when not given. */
  resetSeconds: number | null;
  /** The header that gave the reset (or the counts when there is no reset). */
  source: string;
}

/** Above this a "seconds" value is a Unix timestamp (2001-09-09), above EPOCH_MS one in ms. */
const EPOCH_SECONDS = 1e9;
const EPOCH_MS = 1e12;

/** The families in order of precedence: the current IETF draft first, vendor headers last. */
const PREFIXED_FAMILIES = ['ratelimit-', 'x-ratelimit-', 'x-rate-limit-', 'x-sib-ratelimit-'];

/** The window described by the first rate-limit family present, or null. */
export function readRateWindow(headers: ReadonlyMap<string, string>, nowMs: number): RateWindow | null {
  const structured = headers.get('ratelimit');
  if (structured !== undefined) {
    const window = readStructured(structured, headers.get('ratelimit-policy'), nowMs);
    if (window !== null) return window;
  }
  for (const prefix of PREFIXED_FAMILIES) {
    const limit = headers.get(`${prefix}limit`);
    const remaining = headers.get(`${prefix}remaining`);
    const reset = headers.get(`${prefix}reset`);
    if (limit === undefined && remaining === undefined && reset === undefined) continue;
    const window: RateWindow = {
      limit: firstCount(limit),
      remaining: firstCount(remaining),
      resetSeconds: reset === undefined ? null : secondsUntilReset(reset, nowMs),
      source: `${prefix}${reset !== undefined ? 'reset' : remaining !== undefined ? 'remaining' : 'limit'}`,
    };
    if (window.limit !== null || window.remaining !== null || window.resetSeconds !== null) return window;
  }
  return null;
}

/**
 * Seconds until a reset given as a delta, a Unix timestamp (seconds or milliseconds) or a date.
 * A moment in the past gives 0. Null when the value is not understood.
 */
export function secondsUntilReset(value: string, nowMs: number): number | null {
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const number = Number(text);
    if (number > EPOCH_MS) return clampSeconds((number - nowMs) / 1000);
    if (number > EPOCH_SECONDS) return clampSeconds(number - nowMs / 1000);
    return clampSeconds(number);
  }
  const date = parseHttpDate(text, nowMs);
  return date === null ? null : clampSeconds((date - nowMs) / 1000);
}

/** A wait longer than this is a misread or broken header, not advice worth giving. */
const MAX_WAIT_SECONDS = 366 * 24 * 60 * 60;

/** Whole seconds, rounded up so waiting that long is enough; never negative or NaN. */
export function clampSeconds(seconds: number): number | null {
  if (!Number.isFinite(seconds) || seconds > MAX_WAIT_SECONDS) return null;
  return Math.max(0, Math.ceil(seconds - 1e-9));
}

/** The first number of a count header ("100" or the draft's list form "100, 100;w=1"). */
function firstCount(value: string | undefined): number | null {
  const match = value === undefined ? null : /^\s*(\d+)/.exec(value);
  return match?.[1] === undefined ? null : Number(match[1]);
}

interface FieldItem {
  name: string;
  params: Map<string, string>;
}

/**
 * The current draft: `RateLimit: "burst";r=50;t=30` with `RateLimit-Policy: "burst";q=100;w=60`
 * (r = remaining, t = seconds to reset, q = quota). Several policies may be listed: the one with
 * the fewest requests left decides. The older combined form `limit=100, remaining=50, reset=30`
 * is read too.
 */
function readStructured(value: string, policyValue: string | undefined, nowMs: number): RateWindow | null {
  const items = parseFieldList(value);
  const combined = combinedItem(items);
  if (combined !== null) {
    return {
      limit: numberParam(combined, 'limit'),
      remaining: numberParam(combined, 'remaining'),
      resetSeconds: resetParam(combined, 'reset', nowMs),
      source: 'ratelimit',
    };
  }
  const candidates = items.filter((item) => item.params.has('r') || item.params.has('t'));
  if (candidates.length === 0) return null;
  const decisive = candidates.reduce((best, item) => (isTighter(item, best) ? item : best));
  const policies = policyValue === undefined ? [] : parseFieldList(policyValue);
  const policy = policies.find((p) => p.name === decisive.name) ?? (policies.length === 1 ? policies[0] : undefined);
  return {
    limit: policy ? numberParam(policy, 'q') : null,
    remaining: numberParam(decisive, 'r'),
    resetSeconds: resetParam(decisive, 't', nowMs),
    source: 'ratelimit',
  };
}

/** Fewer requests left wins; on a tie, the longer wait. */
function isTighter(item: FieldItem, best: FieldItem): boolean {
  const remaining = numberParam(item, 'r') ?? Infinity;
  const bestRemaining = numberParam(best, 'r') ?? Infinity;
  if (remaining !== bestRemaining) return remaining < bestRemaining;
  return (numberParam(item, 't') ?? 0) > (numberParam(best, 't') ?? 0);
}

/** `limit=100, remaining=50, reset=30`: each member is one parameter; merge them. */
function combinedItem(items: readonly FieldItem[]): FieldItem | null {
  const params = new Map<string, string>();
  for (const item of items) for (const [key, val] of item.params) params.set(key, val);
  return params.has('limit') || params.has('remaining') || params.has('reset') ? { name: '', params } : null;
}

/** A Structured Fields list (RFC 9651), read leniently: `"name";a=1;b=2, other;a=3`. */
function parseFieldList(value: string): FieldItem[] {
  return value.split(',').map((member) => {
    const [head = '', ...rest] = member.split(';');
    const params = new Map<string, string>();
    let name = head.trim().replace(/^"|"$/g, '');
    const headParam = /^([a-z][a-z0-9_-]*)\s*=\s*(.*)$/i.exec(head.trim());
    if (headParam?.[1] !== undefined) {
      params.set(headParam[1].toLowerCase(), (headParam[2] ?? '').trim());
      name = '';
    }
    for (const part of rest) {
      const param = /^\s*([a-z][a-z0-9_-]*)\s*=\s*(.*)$/i.exec(part);
      if (param?.[1] !== undefined) params.set(param[1].toLowerCase(), (param[2] ?? '').trim().replace(/^"|"$/g, ''));
    }
    return { name, params };
  });
}

function numberParam(item: FieldItem, key: string): number | null {
  const raw = item.params.get(key);
  if (raw === undefined || !/^\d+(?:\.\d+)?$/.test(raw)) return null;
  return Number(raw);
}

function resetParam(item: FieldItem, key: string, nowMs: number): number | null {
  const raw = item.params.get(key);
  return raw === undefined ? null : secondsUntilReset(raw, nowMs);
}
