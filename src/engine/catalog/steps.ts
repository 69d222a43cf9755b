// Merging step lists from several layers: keep the first of equal steps and cap the length.
import type { AdviceStep } from './types';

/** More steps than this stop being a checklist. */
export const MAX_STEPS = 8;

/** Compares steps ignoring case, spacing and a final full stop. */
function stepIdentity(step: string): string {
  return step.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

/** Concatenates in order, drops empty and repeated steps, and keeps at most `max`. */
export function mergeSteps(lists: readonly (readonly string[])[], max = MAX_STEPS): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const list of lists) {
    for (const step of list) {
      const identity = stepIdentity(step);
      if (identity === '' || seen.has(identity)) continue;
      seen.add(identity);
      merged.push(step.trim());
      if (merged.length >= max) return merged;
    }
  }
  return merged;
}

/** Unique values in first-seen order. */
export function mergeUnique(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

/** An entry as a diagnosis shows it: the steps' words, in order, without their ids. */
export function withStepTexts<T extends { steps: readonly AdviceStep[] }>(entry: T): Omit<T, 'steps'> & { steps: string[] } {
  return { ...entry, steps: entry.steps.map((step) => step.text) };
}
