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
import { generalRetry } from '../../src/engine/catalog/general-retry';
import { PROVIDER_LAYERS } from '../../src/engine/catalog/provider-layers';
import type { RetryAnswer, RetrySubject } from '../../src/engine/catalog/types';
import type { FindingKind } from '../../src/engine/types';

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

/** Every answer a retry policy gives, over every kind, every code 100–599 (and none), every problem. */
function everyRetryAnswer(): [string, RetryAnswer][] {
  const kinds: FindingKind[] = ['http', 'network', 'credential', 'json', 'rate-limit'];
  const codes = Array.from({ length: 500 }, (_, i) => 100 + i);
  const problems = [null, ...PROBLEM_DATA.map((data) => data.id)];
  // A policy reads the problem only when no code was answered.
  const subjects = (kind: FindingKind): RetrySubject[] => [
    ...codes.map((code) => ({ kind, code, problem: null })),
    ...problems.map((problem) => ({ kind, code: null, problem })),
  ];
  const policies: [string, (subject: RetrySubject) => RetryAnswer][] = [
    ['general', generalRetry],
    ...Object.entries(PROVIDER_LAYERS).map(([id, layer]): [string, (subject: RetrySubject) => RetryAnswer] => [id, layer.retry]),
  ];
  const answers: [string, RetryAnswer][] = [];
  for (const [policy, retry] of policies)
    for (const kind of kinds) for (const subject of subjects(kind)) answers.push([policy, retry(subject)]);
  return answers;
}

describe('retry answer ids', () => {
  // One of each distinct answer per policy: the checks below then stay cheap.
  const answers = [...new Map(everyRetryAnswer().map((entry) => [`${entry[0]} ${entry[1].id} ${entry[1].text}`, entry])).values()];

  it('are well formed and name one wording each, and each wording has one id', () => {
    const wordingOf = new Map<string, string>();
    const idOf = new Map<string, string>();
    for (const [policy, answer] of answers) {
      expect(answer.id, policy).toMatch(/^(?:[a-z0-9]+:)?retry\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(wordingOf.get(answer.id) ?? answer.text, answer.id).toBe(answer.text);
      expect(idOf.get(answer.text) ?? answer.id, answer.text).toBe(answer.id);
      wordingOf.set(answer.id, answer.text);
      idOf.set(answer.text, answer.id);
    }
    // 2 shared, 3 general, and the providers' own: a policy that lost its ids would shrink this.
    expect(wordingOf.size).toBeGreaterThanOrEqual(20);
  });

  it("carry their provider's prefix, or none when every policy shares them", () => {
    for (const [policy, answer] of answers) {
      const prefix = answer.id.includes(':') ? answer.id.slice(0, answer.id.indexOf(':')) : null;
      if (prefix !== null) expect(prefix, answer.id).toBe(policy);
    }
  });
});
