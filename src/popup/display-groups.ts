// What the popup and the copied report list: one entry per diagnosis key (rows and editor
// fields counted together), in the order a user should work through them: what needs the person
// (setup mistakes, errors nobody retries) before what the ESP retries by itself.
import { mergeSamples, orderRank } from '../engine/finding-model';
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
  /** Redacted row texts, at most MAX_SAMPLES. */
  samples: string[];
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
    entry.samples = mergeSamples(entry.samples, group.samples);
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
