import type { Finding } from '../types';
import { detectStatusCodes } from './status/status';
import { detectNetworkErrors } from './network/network';
import { detectCredentialProblems } from './credential/credential';
import { detectRateLimitHeaders } from './rate-limit/rate-limit';

export interface DetectOptions {
  now?: Date;
}

/**
 * Every text detector over one piece of log text, ordered by position. JSON bodies are checked
 * separately (checkJsonBody) because a log line is not a body.
 */
export function detectAll(text: string, options: DetectOptions = {}): Finding[] {
  const findings = [
    ...detectStatusCodes(text),
    ...detectNetworkErrors(text),
    ...detectCredentialProblems(text),
    // Rate-limit headers matter only when they say the limit is hit (Retry-After or nothing
    // left); a healthy "4999 remaining" is not a failure.
    ...detectRateLimitHeaders(text, options.now).filter((finding) => finding.code !== null),
  ];
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
