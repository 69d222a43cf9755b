// Small pure helpers over detector findings: which one a badge shows, and the key that matches the
// worker's diagnoses.
import type { Finding, FindingKind } from '../engine/types';

/** Most important first: a broken credential explains the status it causes, and so on. */
const KIND_RANK: Record<FindingKind, number> = { credential: 0, json: 1, network: 2, http: 3, 'rate-limit': 4 };

/** The finding a row's badge shows: by kind, then the earliest in the text. */
export function primaryFinding(findings: readonly Finding[]): Finding | undefined {
  let best: Finding | undefined;
  for (const finding of findings) {
    if (!best || KIND_RANK[finding.kind] < KIND_RANK[best.kind]) best = finding;
  }
  return best;
}

/** How many different problems a row shows besides its primary one. */
export function otherFindingCount(findings: readonly Finding[], primary: Finding): number {
  const keys = new Set(findings.map(findingKey));
  keys.delete(findingKey(primary));
  return keys.size;
}

/** The diagnosis key: `http:403`, `network:connection-refused`, `rate-limit:rate-limited`. */
export function findingKey(finding: Pick<Finding, 'kind' | 'code' | 'problem'>): string {
  return finding.kind === 'http' ? `http:${finding.code ?? ''}` : `${finding.kind}:${finding.problem ?? ''}`;
}

/** Contract 2 attributes of a badge: the HTTP status, and the problem id for non-HTTP findings. */
export function badgeAttributes(finding: Finding): { code: string; problem: string } {
  return {
    code: finding.code === null ? '' : String(finding.code),
    problem: finding.kind === 'http' ? '' : (finding.problem ?? ''),
  };
}

/** Colour family of a badge. */
export type BadgeTone = 'client' | 'server' | 'network' | 'config' | 'rate';

export function badgeTone(finding: Finding): BadgeTone {
  switch (finding.kind) {
    case 'credential':
    case 'json':
      return 'config';
    case 'network':
      return 'network';
    case 'rate-limit':
      return 'rate';
    case 'http':
      if (finding.code === 429) return 'rate';
      return finding.code !== null && finding.code >= 500 ? 'server' : 'client';
  }
}

/** A problem id in words, for labels shown before the worker's diagnosis arrives. */
export function problemWords(problem: string | null): string {
  return (problem ?? 'problem').replace(/-/g, ' ');
}
