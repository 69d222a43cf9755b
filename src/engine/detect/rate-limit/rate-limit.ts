// Rate-limit detector: reads Retry-After and the RateLimit header families (IETF drafts,
// X-RateLimit-*, Poplar's x-rate-limit-*, Brevo's x-sib-ratelimit-*) and says, in plain words,
// how long to wait. Retry-After wins over the other families when both are present.
import type { Finding, FindingDetail } from '../../types';
import { excerptOf } from '../shared/text-excerpt';
import { countsAdvice, resetAdvice, waitAdvice } from './rate-limit-advice';
import { readRateWindow, secondsUntilReset } from './rate-limit-fields';
import { findRateLimitMentions } from './rate-limit-scan';

export interface RateLimitInfo {
  /** Seconds to wait before sending again; null when nothing says to wait. */
  retryAfterSeconds: number | null;
  limit: number | null;
  remaining: number | null;
  /** Which header decided the wait (or gave the counts): 'retry-after', 'x-ratelimit-reset', ... */
  source: string;
  /** Plain words: "Wait about 30 seconds before sending again. 0 of 100 requests left in this window". */
  advice: string;
}

/**
 * Rate-limit facts from response headers (names in any case). Null when no rate-limit header
 * is present or none can be read.
 */
export function parseRateLimit(headers: Record<string, string>, now: Date = new Date()): RateLimitInfo | null {
  const nowMs = validTime(now);
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const key = name.trim().toLowerCase();
    if (!byName.has(key) && typeof value === 'string') byName.set(key, value);
  }
  const retryAfterValue = byName.get('retry-after');
  const retryAfter = retryAfterValue === undefined ? null : secondsUntilReset(retryAfterValue, nowMs);
  const window = readRateWindow(byName, nowMs);
  if (retryAfter === null && window === null) return null;

  const exhausted = window?.remaining === 0;
  const retryAfterSeconds = retryAfter ?? (exhausted ? (window?.resetSeconds ?? null) : null);
  const limit = window?.limit ?? null;
  const remaining = window?.remaining ?? null;
  const parts: string[] = [];
  if (retryAfterSeconds !== null) parts.push(waitAdvice(retryAfterSeconds, nowMs));
  const counts = countsAdvice(limit, remaining);
  if (counts !== null) parts.push(counts);
  if (retryAfterSeconds === null && window?.resetSeconds != null) parts.push(resetAdvice(window.resetSeconds, nowMs));
  if (exhausted && retryAfterSeconds === null) parts.unshift('No requests left in this window; wait for it to reset');
  return {
    retryAfterSeconds,
    limit,
    remaining,
    source: retryAfter !== null ? 'retry-after' : (window?.source ?? 'retry-after'),
    advice: parts.join('. '),
  };
}

/**
 * Finds rate-limit headers in text (header lines or JSON pairs) and returns at most one
 * finding: code 429 when a Retry-After is present or a window is used up, else code null.
 */
/** Every rate-limit header name contains one of these; most log text has none of them. */
const ANY_RATE_LIMIT_NAME = /retry-after|rate-?limit/i;

export function detectRateLimitHeaders(text: string, now: Date = new Date()): Finding[] {
  if (!ANY_RATE_LIMIT_NAME.test(text)) return [];
  const mentions = findRateLimitMentions(text);
  if (mentions.length === 0) return [];
  const headers: Record<string, string> = {};
  for (const mention of mentions) headers[mention.name] ??= mention.value;
  const info = parseRateLimit(headers, now);
  if (info === null) return [];

  const limited = info.retryAfterSeconds !== null || info.remaining === 0;
  const deciding = mentions.find((m) => m.name === info.source) ?? mentions[0];
  const detail: FindingDetail = { retryAdvice: info.advice };
  if (info.retryAfterSeconds !== null) detail.retryAfterSeconds = info.retryAfterSeconds;
  return [
    {
      kind: 'rate-limit',
      code: limited ? 429 : null,
      problem: 'rate-limited',
      start: Math.min(...mentions.map((m) => m.start)),
      end: Math.max(...mentions.map((m) => m.end)),
      excerpt: deciding ? excerptOf(text, deciding.start, deciding.end) : '',
      detail,
    },
  ];
}

function validTime(now: Date): number {
  const ms = now.getTime();
  return Number.isFinite(ms) ? ms : Date.now();
}
