// Badge texts from the worker: the reply to each page snapshot carries the diagnoses of its keys.
// The content script holds no advice text of its own (bundle budget), only what arrives here.
import type { BadgeDiagnosis } from '../../shared/messages';
import type { Finding } from '../../engine/types';
import { findingKey } from '../../engine/finding-model';

export class DiagnosisStore {
  #byKey = new Map<string, BadgeDiagnosis>();

  /** Merges a reply; returns true when something new arrived. */
  merge(diagnoses: Record<string, BadgeDiagnosis> | null | undefined): boolean {
    if (!diagnoses || typeof diagnoses !== 'object') return false;
    let changed = false;
    for (const [key, diagnosis] of Object.entries(diagnoses)) {
      if (!isBadgeDiagnosis(diagnosis)) continue;
      // Every reply brings copies: only a diagnosis that reads differently is news. The known
      // one is kept otherwise, so that a badge can tell by identity that its diagnosis is the same.
      const known = this.#byKey.get(key);
      if (known && JSON.stringify(known) === JSON.stringify(diagnosis)) continue;
      changed = true;
      this.#byKey.set(key, diagnosis);
    }
    return changed;
  }

  /** The diagnosis of a finding: by key, else any diagnosis with the same kind/code/problem. */
  lookup(finding: Finding): BadgeDiagnosis | undefined {
    const direct = this.#byKey.get(findingKey(finding));
    if (direct) return direct;
    for (const diagnosis of this.#byKey.values()) {
      if (diagnosis.kind === finding.kind && diagnosis.code === finding.code && diagnosis.problem === finding.problem) {
        return diagnosis;
      }
    }
    return undefined;
  }

  clear(): void {
    this.#byKey.clear();
  }
}

/** Replies cross a process boundary: keep only well-formed entries. */
function isBadgeDiagnosis(value: unknown): value is BadgeDiagnosis {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<BadgeDiagnosis>;
  return typeof d.title === 'string' && typeof d.short === 'string' && typeof d.meaning === 'string' && Array.isArray(d.steps);
}
