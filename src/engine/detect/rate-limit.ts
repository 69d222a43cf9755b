import type { Finding } from '../types';
// PLACEHOLDER: replaced by the rate-limit header parser implementation.
export function detectRateLimitHeaders(_text: string, _now: Date = new Date()): Finding[] { return []; }
