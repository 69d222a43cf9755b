// Every generic fix step carries a stable id, so that a translation (or a test) can name a step
// without depending on its English words or its place in the list.
import { describe, expect, it } from 'vitest';
import {
  CLASS_FALLBACK_ADVICE,
  CLASS_FALLBACK_DATA,
  PROBLEM_DATA,
  PROBLEM_ENTRIES,
  STATUS_ADVICE,
  STATUS_ADVICE_DATA,
  type AdviceStep,
} from '../../src/engine/catalog';
import { unknownEntry } from '../../src/engine/catalog/unknown';

const ENTRIES: [string, readonly AdviceStep[]][] = [
  ...Object.entries(STATUS_ADVICE_DATA).map(([code, data]): [string, readonly AdviceStep[]] => [`http:${code}`, data.steps]),
  ...Object.entries(CLASS_FALLBACK_DATA).map(([group, data]): [string, readonly AdviceStep[]] => [`http:${group}xx`, data.steps]),
  ...PROBLEM_DATA.map((data): [string, readonly AdviceStep[]] => [`${data.kind}:${data.id}`, data.steps]),
];

describe('advice step ids', () => {
  it('are lower-case words joined by -, under an optional topic/, and unique within an entry', () => {
    for (const [entry, steps] of ENTRIES) {
      for (const step of steps) expect(step.id, entry).toMatch(/^(?:[a-z0-9:-]+\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(new Set(steps.map((step) => step.id)).size, entry).toBe(steps.length);
    }
  });

  it('name one wording each across the whole catalog', () => {
    const wording = new Map<string, string>();
    for (const [entry, steps] of ENTRIES) {
      for (const step of steps) {
        expect(wording.get(step.id) ?? step.text, `${entry} ${step.id}`).toBe(step.text);
        wording.set(step.id, step.text);
      }
    }
    expect(wording.size).toBeGreaterThan(150);
  });

  it('are left out of what a diagnosis shows: the entries hold the same words in the same order', () => {
    for (const [code, data] of Object.entries(STATUS_ADVICE_DATA))
      expect(STATUS_ADVICE[Number(code)]?.steps).toEqual(data.steps.map((s) => s.text));
    for (const group of [1, 2, 3, 4, 5] as const)
      expect(CLASS_FALLBACK_ADVICE[group].steps).toEqual(CLASS_FALLBACK_DATA[group].steps.map((s) => s.text));
    expect(PROBLEM_ENTRIES.map((entry) => entry.steps)).toEqual(PROBLEM_DATA.map((data) => data.steps.map((s) => s.text)));
    expect(unknownEntry('network', 'x').steps.every((step) => typeof step === 'string')).toBe(true);
  });
});
