// Small pure helpers over detector findings: which one a badge shows, and what its badge says.
import { findingKey, FINDING_KINDS } from '../../engine/finding-model';
import type { Finding } from '../../engine/types';

/** The finding a row's badge shows: by kind, then the earliest in the text. */
export function primaryFinding(findings: readonly Finding[]): Finding | undefined {
  let best: Finding | undefined;
  for (const finding of findings) {
    if (!best || FINDING_KINDS.indexOf(finding.kind) < FINDING_KINDS.indexOf(best.kind)) best = finding;
  }
  return best;
}

/** How many different problems a row shows besides its primary one. */
export function otherFindingCount(findings: readonly Finding[], primary: Finding): number {
  const keys = new Set(findings.map(findingKey));
  keys.delete(findingKey(primary));
  return keys.size;
}

/** Contract 2 attributes of a badge: the HTTP status, and the problem id for non-HTTP findings. */
export function badgeAttributes(finding: Finding): { code: string; problem: string } {
  return {
    code: finding.code === null ? '' : String(finding.code),
    problem: finding.kind === 'http' ? '' : (finding.problem ?? ''),
  };
}

/** A problem id in words, for labels shown before the worker's diagnosis arrives. */
export function problemWords(problem: string | null): string {
  return (problem ?? 'problem').replace(/-/g, ' ');
}
