// What the content script, the worker, the popup and the CLI agree on about a finding: the key
// equal findings share, how serious it is (one colour family on the page, on the toolbar and in
// the popup), the order to deal with it in, and how equal findings are grouped and sampled.
// It imports types only: the content script carries it within its size budget.
import type { Finding, FindingKind } from './types';

/** The problem id a rate-limit finding stands for when the detector leaves it empty. */
export const DEFAULT_RATE_LIMIT_PROBLEM = 'rate-limited';

type Classified = Pick<Finding, 'kind' | 'code'>;

/** `http:403`, `network:connection-refused`, `rate-limit:rate-limited`: equal findings share it. */
export function findingKey(finding: Pick<Finding, 'kind' | 'code' | 'problem'>): string {
  if (finding.kind === 'http') return `http:${finding.code ?? 'unknown'}`;
  if (finding.kind === 'rate-limit') return `rate-limit:${finding.problem ?? DEFAULT_RATE_LIMIT_PROBLEM}`;
  return `${finding.kind}:${finding.problem ?? 'unknown'}`;
}

/**
 * Colour families, the same on a row's badge, the toolbar icon and a popup card:
 * - setup: a credential or JSON mistake in the webhook; it never fixes itself
 * - down: a network error or a 5xx; the receiver is unreachable or broken
 * - refused: another 4xx; the receiver refused the request as sent
 * - rate-limit: a 429 or rate-limit headers; slow down and wait
 * - other: 1xx to 3xx
 */
export type Severity = 'setup' | 'down' | 'refused' | 'rate-limit' | 'other';

/** The family of each rank of `orderRank`. */
const SEVERITY_BY_RANK: readonly Severity[] = ['setup', 'setup', 'down', 'down', 'refused', 'other', 'rate-limit'];

/**
 * The order to deal with findings in, lowest first: setup mistakes (fixable now), the network,
 * HTTP errors by severity (5xx before 4xx before the rest), rate limits last (they pass by
 * themselves). A 429 ranks with the rate limits; a code outside 100-599 counts as a 5xx (RFC 9110).
 */
export function orderRank(finding: Classified): number {
  switch (finding.kind) {
    case 'credential':
      return 0;
    case 'json':
      return 1;
    case 'network':
      return 2;
    case 'http': {
      const code = finding.code ?? 0;
      if (code === 429) return 6;
      if (code >= 500 || code < 100) return 3;
      if (code >= 400) return 4;
      return 5;
    }
    case 'rate-limit':
      return 6;
  }
}

export function severityOf(finding: Classified): Severity {
  return SEVERITY_BY_RANK[orderRank(finding)] ?? 'other';
}

/**
 * Every kind, most telling first: a row's badge shows its most telling finding (a broken
 * credential explains the status it causes, a status says more than the rate-limit headers
 * beside it). `orderRank` agrees with this order and splits HTTP by code.
 */
export const FINDING_KINDS: readonly FindingKind[] = ['credential', 'json', 'network', 'http', 'rate-limit'];

/** At most this many sample texts per group. */
export const MAX_SAMPLES = 3;

/** Where a finding was seen: a log row, or an editor field. */
export type FindingSource = 'row' | 'field';

/** Equal findings in one place, counted. Holds only safe text (excerpts are redacted). */
export interface FindingGroup {
  /** The finding key, e.g. `http:403` or `credential:masked-token`. */
  key: string;
  /** A representative finding (its excerpt is safe to show). */
  finding: Finding;
  /** How many rows (or fields) show it. */
  count: number;
  source: FindingSource;
  /** Up to MAX_SAMPLES short, redacted row texts, for the popup. */
  samples: string[];
}

/** The samples of a group with more added: distinct, non-empty, first seen first, at most MAX_SAMPLES. */
export function mergeSamples(kept: readonly string[], more: readonly string[]): string[] {
  const merged = kept.slice(0, MAX_SAMPLES);
  for (const sample of more) {
    if (merged.length >= MAX_SAMPLES) break;
    if (sample && !merged.includes(sample)) merged.push(sample);
  }
  return merged;
}

/** Groups findings by key and source: the page's snapshot, and a tab's frames merged. */
export class FindingGroups {
  readonly #byId = new Map<string, FindingGroup>();

  /**
   * Counts `count` more of `key` seen in `source`. The first of a group makes it (`finding` is
   * its representative); `samples` is asked for only while the group has room for more.
   */
  add(key: string, source: FindingSource, count: number, finding: () => Finding, samples: () => readonly string[]): void {
    const id = `${source}\u0000${key}`;
    let group = this.#byId.get(id);
    if (!group) {
      group = { key, finding: finding(), count: 0, source, samples: [] };
      this.#byId.set(id, group);
    }
    group.count += count;
    if (group.samples.length < MAX_SAMPLES) group.samples = mergeSamples(group.samples, samples());
  }

  /** The groups in the order they were first seen. */
  list(): FindingGroup[] {
    return [...this.#byId.values()];
  }
}
