// Keys that group equal findings, and the topics catalog layers are looked up by.
import type { Finding } from '../types';
import { statusClass } from './http-status';

/** The problem id a rate-limit finding stands for when the detector leaves it empty. */
export const DEFAULT_RATE_LIMIT_PROBLEM = 'rate-limited';

/** `http:403` for HTTP findings, `<kind>:<problem>` otherwise (`rate-limit:rate-limited`). */
export function diagnosisKey(finding: Pick<Finding, 'kind' | 'code' | 'problem'>): string {
  if (finding.kind === 'http') return `http:${finding.code ?? 'unknown'}`;
  if (finding.kind === 'rate-limit') return `rate-limit:${finding.problem ?? DEFAULT_RATE_LIMIT_PROBLEM}`;
  return `${finding.kind}:${finding.problem ?? 'unknown'}`;
}

/**
 * Topics to look layer steps and notes up by, most specific first: the key itself, then broader
 * topics (`http:4xx` for a whole class, `http:429` for a rate limit, `network:any`).
 */
export function topicsFor(finding: Pick<Finding, 'kind' | 'code' | 'problem'>): string[] {
  const key = diagnosisKey(finding);
  switch (finding.kind) {
    case 'http': {
      if (finding.code === null) return [key];
      // Out-of-range codes count as 5xx, like everywhere else in the catalog.
      return [key, `http:${statusClass(finding.code)}xx`];
    }
    case 'rate-limit':
      return [key, 'http:429'];
    case 'network':
      return [key, 'network:any'];
    default:
      return [key];
  }
}
