// The catalog's short words for a finding, known to the content script from its first badge (the
// worker's diagnosis brings the same words later, with the title and steps).
import type { Finding } from '../../engine/types';
import { DEFAULT_RATE_LIMIT_PROBLEM } from '../../engine/finding-model';
import { statusClass } from '../../engine/catalog/status-class';
import { CLASS_SHORTS, CODE_SHORTS, PROBLEM_SHORTS } from './badge-shorts.generated';

const own = (record: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** What diagnose(finding).short will say, or undefined for a problem the catalog does not know. */
export function badgeShort(finding: Pick<Finding, 'kind' | 'code' | 'problem'>): string | undefined {
  const { kind, code, problem } = finding;
  if (kind === 'http' && code !== null) return own(CODE_SHORTS, String(code)) ?? CLASS_SHORTS[statusClass(code)];
  if (kind === 'rate-limit')
    return own(PROBLEM_SHORTS, problem ?? DEFAULT_RATE_LIMIT_PROBLEM) ?? PROBLEM_SHORTS[DEFAULT_RATE_LIMIT_PROBLEM];
  return problem === null ? undefined : own(PROBLEM_SHORTS, problem);
}
