// What the popup and the copied report list: one entry per diagnosis key (rows and editor
// fields counted together), in the order a user should work through them: what needs the person
// (setup mistakes, errors nobody retries) before what the ESP retries by itself.
import type { Diagnosis, Finding } from '../engine/types';
import { plural, t } from '../shared/i18n';
import type { TabFindings } from '../shared/messages';

export interface DisplayGroup {
  key: string;
  diagnosis: Diagnosis;
  /** Failing log rows that show it. */
  rows: number;
  /** Editor fields that show it. */
  fields: number;
  /** Redacted row texts, at most three. */
  samples: string[];
}

const MAX_SAMPLES = 3;

/**
 * Setup mistakes first (the user can fix them now), then network, then HTTP errors by severity
 * (5xx before 4xx), then rate limits (they pass by themselves). 429 sorts with the rate limits.
 */
export function orderRank(diagnosis: Pick<Diagnosis, 'kind' | 'code'>): number {
  switch (diagnosis.kind) {
    case 'credential':
      return 0;
    case 'json':
      return 1;
    case 'network':
      return 2;
    case 'http': {
      const code = diagnosis.code ?? 0;
      if (code === 429) return 6;
      if (code >= 500 || code < 100) return 3;
      if (code >= 400) return 4;
      return 5;
    }
    case 'rate-limit':
      return 6;
  }
}

export type Tone = 'setup' | 'down' | 'refused' | 'rate-limit' | 'other';

const TONE_BY_RANK: readonly Tone[] = ['setup', 'setup', 'down', 'down', 'refused', 'other', 'rate-limit'];

/** The colour family of a card; the same families as the toolbar badge colours. */
export function toneOf(diagnosis: Pick<Diagnosis, 'kind' | 'code'>): Tone {
  return TONE_BY_RANK[orderRank(diagnosis)] ?? 'other';
}

/**
 * Who has to act: the person (a setup mistake, or an error the ESP does not retry or may not
 * retry), or nobody yet (the ESP retries it by itself).
 */
export type Action = 'needs-you' | 'retries';

export function actionOf(diagnosis: Pick<Diagnosis, 'kind' | 'retry'>): Action {
  if (diagnosis.kind === 'credential' || diagnosis.kind === 'json') return 'needs-you';
  return diagnosis.retry.verdict === 'retries' ? 'retries' : 'needs-you';
}

/** What the person must act on first, then by rank, then most frequent first, then by key so the order is stable. */
export function compareForDisplay<T extends { key: string; diagnosis: Diagnosis }>(total: (item: T) => number) {
  const acted = (item: T) => (actionOf(item.diagnosis) === 'needs-you' ? 0 : 1);
  return (a: T, b: T): number =>
    acted(a) - acted(b) || orderRank(a.diagnosis) - orderRank(b.diagnosis) || total(b) - total(a) || a.key.localeCompare(b.key);
}

/** A stand-in when the worker sent no diagnosis for a key (should not happen): the raw finding. */
function fallbackDiagnosis(key: string, finding: Finding): Diagnosis {
  return {
    key,
    kind: finding.kind,
    code: finding.code,
    problem: finding.problem,
    title: finding.code !== null ? t('httpTitle', { code: finding.code }) : (finding.problem ?? finding.kind),
    short: '',
    meaning: '',
    side: 'unknown',
    retry: { verdict: 'unknown', text: '' },
    steps: [],
    sources: [],
  };
}

export function displayGroups(tab: Pick<TabFindings, 'groups' | 'diagnoses'>): DisplayGroup[] {
  const byKey = new Map<string, DisplayGroup>();
  for (const group of tab.groups) {
    if (group.count <= 0) continue;
    const entry = byKey.get(group.key) ?? {
      key: group.key,
      diagnosis: tab.diagnoses[group.key] ?? fallbackDiagnosis(group.key, group.finding),
      rows: 0,
      fields: 0,
      samples: [],
    };
    if (group.source === 'field') entry.fields += group.count;
    else entry.rows += group.count;
    entry.samples = [...new Set([...entry.samples, ...group.samples])].slice(0, MAX_SAMPLES);
    byKey.set(group.key, entry);
  }
  return [...byKey.values()].sort(compareForDisplay((g) => g.rows + g.fields));
}

/** "7 rows", "1 field", "3 rows, 1 field". */
export function countLabel(rows: number, fields: number): string {
  const parts: string[] = [];
  if (rows > 0) parts.push(plural('rowCount', rows));
  if (fields > 0) parts.push(plural('fieldCount', fields));
  return parts.join(', ');
}
