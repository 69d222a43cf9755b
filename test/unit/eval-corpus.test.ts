// The labelled evaluation set itself: well formed, large and varied enough to judge the engine.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { CORPUS_DIR, isNegative, loadCorpus } from '../eval/labels';

const corpus = loadCorpus();

describe('the evaluation corpus', () => {
  it('holds at least 300 texts, 100 of them negatives', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter(isNegative).length).toBeGreaterThanOrEqual(100);
  });

  it('covers every category with positives', () => {
    expect(corpus.filter((item) => item.codes.length > 0).length).toBeGreaterThanOrEqual(100);
    for (const kind of ['masked-token', 'placeholder-token', 'missing-bearer-prefix', 'invalid-json'] as const) {
      expect(corpus.filter((item) => item.mistakes.includes(kind)).length, kind).toBeGreaterThanOrEqual(15);
    }
    expect(corpus.filter((item) => item.network.length > 0).length).toBeGreaterThanOrEqual(50);
    expect(corpus.filter((item) => item.receiver !== null).length).toBeGreaterThanOrEqual(25);
  });

  it('takes its texts from many pages, at most three from one', () => {
    const perSource = new Map<string, number>();
    for (const item of corpus) perSource.set(item.source, (perSource.get(item.source) ?? 0) + 1);
    expect(Math.max(...perSource.values())).toBeLessThanOrEqual(3);
    expect(perSource.size).toBeGreaterThanOrEqual(300);
  });

  it('keeps texts short, as people paste them', () => {
    for (const item of corpus) expect(item.text.length, item.id).toBeLessThanOrEqual(1200);
  });
});

describe('the held-out set (never tuned on)', () => {
  const heldOut = loadCorpus(path.join(CORPUS_DIR, '..', 'heldout'));

  it('holds at least 80 texts, a third of them negatives, every setup mistake among the rest', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(80);
    expect(heldOut.filter(isNegative).length * 3).toBeGreaterThanOrEqual(heldOut.length);
    for (const kind of ['masked-token', 'placeholder-token', 'missing-bearer-prefix', 'invalid-json'] as const) {
      expect(heldOut.filter((item) => item.mistakes.includes(kind)).length, kind).toBeGreaterThanOrEqual(5);
    }
  });

  it('shares no page and no id with the corpus the detectors were tuned on', () => {
    const sources = new Set(corpus.map((item) => item.source));
    const ids = new Set(corpus.map((item) => item.id));
    expect(heldOut.filter((item) => sources.has(item.source) || ids.has(item.id))).toEqual([]);
  });

  it('keeps the second, blind set (hs2-) apart from the first held-out set and gives each page one text', () => {
    const blind = heldOut.filter((item) => item.id.startsWith('hs2-'));
    const firstSources = new Set(heldOut.filter((item) => !item.id.startsWith('hs2-')).map((item) => item.source));
    expect(blind.length).toBeGreaterThanOrEqual(60);
    expect(blind.filter((item) => firstSources.has(item.source))).toEqual([]);
    expect(new Set(blind.map((item) => item.source)).size).toBe(blind.length);
    expect(blind.filter(isNegative).length * 3).toBeGreaterThanOrEqual(blind.length);
  });

  it('keeps the blind status set (bs-) apart from every other labelled text, one text per page', () => {
    const statusBlind = heldOut.filter((item) => item.id.startsWith('bs-'));
    const otherSources = new Set([...corpus, ...heldOut.filter((item) => !item.id.startsWith('bs-'))].map((item) => item.source));
    expect(statusBlind.length).toBeGreaterThanOrEqual(70);
    expect(statusBlind.filter((item) => otherSources.has(item.source))).toEqual([]);
    expect(new Set(statusBlind.map((item) => item.source)).size).toBe(statusBlind.length);
    // Negatives full of traps: about two in five.
    expect(statusBlind.filter(isNegative).length / statusBlind.length).toBeGreaterThanOrEqual(0.35);
    expect(statusBlind.filter((item) => item.codes.length > 0).length).toBeGreaterThanOrEqual(30);
    expect(statusBlind.filter((item) => item.network.length > 0).length).toBeGreaterThanOrEqual(15);
  });
});
