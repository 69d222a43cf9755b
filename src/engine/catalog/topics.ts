// The topics catalog layers are looked up by.
import { findingKey } from '../finding-model';
import type { Finding } from '../types';
import { statusClass } from './http-status';

/**
 * Topics to look layer steps and notes up by, most specific first: the key itself, then broader
 * topics (`http:4xx` for a whole class, `http:429` for a rate limit, `network:any`).
 */
export function topicsFor(finding: Pick<Finding, 'kind' | 'code' | 'problem'>): string[] {
  const key = findingKey(finding);
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
