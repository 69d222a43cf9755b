import { describe, expect, it } from 'vitest';
import { parseJsonLines, type LabelledText, type Observed } from '../eval/labels';
import { metricOf, scoreAll, scorePairs, sameMessage } from '../eval/score';
import { predictNaiveCodes, predictNaiveNetwork } from '../eval/predict';

function item(id: string, labels: Partial<Observed>, text = 'x'): LabelledText {
  return { id, source: 'https://example.com', shape: 'prose', text, codes: [], mistakes: [], network: [], receiver: null, ...labels };
}

describe('metricOf', () => {
  it('computes precision, recall and F1 from counts', () => {
    const m = metricOf({ tp: 8, fp: 2, fn: 8 });
    expect(m.precision).toBeCloseTo(0.8);
    expect(m.recall).toBeCloseTo(0.5);
    expect(m.f1).toBeCloseTo((2 * 0.8 * 0.5) / 1.3);
  });

  it('gives zero F1 when nothing is right', () => {
    expect(metricOf({ tp: 0, fp: 3, fn: 2 }).f1).toBe(0);
  });
});

describe('scorePairs', () => {
  it('counts each labelled value per text and lists misses and false values', () => {
    const items = [item('a', { codes: [403, 500] }), item('b', { codes: [] })];
    const predictions = new Map<string, Observed>([
      ['a', { codes: [403, 404], mistakes: [], network: [], receiver: null }],
      ['b', { codes: [502], mistakes: [], network: [], receiver: null }],
    ]);
    const score = scorePairs('codes', items, predictions, (o) => o.codes);
    expect([score.metric.tp, score.metric.fp, score.metric.fn]).toEqual([1, 2, 1]);
    expect(score.errors.map((e) => `${e.id}:${e.type}:${e.value}`).sort()).toEqual(['a:false:404', 'a:miss:500', 'b:false:502']);
  });
});

describe('scoreAll', () => {
  it('reports negatives on which anything was found', () => {
    const items = [item('n1', {}), item('n2', {}), item('p', { network: ['timeout'] })];
    const predictions = new Map<string, Observed>([
      ['n1', { codes: [], mistakes: [], network: [], receiver: null }],
      ['n2', { codes: [], mistakes: ['masked-token'], network: [], receiver: null }],
      ['p', { codes: [], mistakes: [], network: ['timeout'], receiver: null }],
    ]);
    const report = scoreAll(items, predictions);
    expect(report.negatives).toBe(2);
    expect(report.negativesWithFindings).toEqual(['n2']);
    expect(report.categories['masked-token']!.metric.fp).toBe(1);
    expect(report.categories['network (by kind)']!.metric.tp).toBe(1);
  });

  it('reads each ellipsis of a quote as text the engine left out, never as a free match', () => {
    const label =
      'Incorrect API key provided: sk-CmlKF****jP2n. You can find your API key at https://platform.openai.com/account/api-keys.';
    expect(sameMessage(label, 'Incorrect API key provided: sk-C…jP2n. You can find your API key at https://platform.openai.com/acc…')).toBe(
      true,
    );
    // The pieces must come in the label's order, and say enough on their own.
    expect(sameMessage(label, 'You can find your API key…Incorrect API key provided')).toBe(false);
    expect(sameMessage(label, 'API…key…')).toBe(false);
    expect(sameMessage(label, 'Incorrect API key provided: sk-C…jP2n. Please try again')).toBe(false);
  });

  it('matches receiver messages by their words, not their case or spacing', () => {
    expect(sameMessage('campaign_id parameter is required', 'Campaign_id  parameter is required')).toBe(true);
    expect(sameMessage('invalid x-api-key', 'not found')).toBe(false);
    const items = [item('r', { receiver: { message: 'invalid x-api-key', field: null } })];
    const hit = scoreAll(
      items,
      new Map([['r', { codes: [], mistakes: [], network: [], receiver: { message: 'Invalid X-API-Key', field: null } }]]),
    );
    expect(hit.categories['receiver message']!.metric.tp).toBe(1);
  });
});

describe('naive baselines', () => {
  it('take every number from 100 to 599 as a code', () => {
    expect(predictNaiveCodes('sent 500 emails, got 403 and 200').codes).toEqual([500, 403, 200]);
  });

  it('take network keywords anywhere', () => {
    expect(predictNaiveNetwork('connect ECONNREFUSED; read timed out').network).toEqual(['connection-refused', 'timeout']);
  });
});

describe('parseJsonLines', () => {
  it('reads valid lines and rejects a bad label with its place', () => {
    const good =
      '{"id":"a","source":"https://x.test/1","shape":"log","text":"HTTP 403","codes":[403],"mistakes":[],"network":[],"receiver":null}';
    expect(parseJsonLines(`${good}\n`, 'f.jsonl')[0]!.codes).toEqual([403]);
    expect(() => parseJsonLines(good.replace('[403]', '[200]'), 'f.jsonl')).toThrow(/f\.jsonl:1: codes/);
    expect(() => parseJsonLines(good.replace('"mistakes":[]', '"mistakes":["typo"]'), 'f.jsonl')).toThrow(/unknown value "typo"/);
    expect(() => parseJsonLines(good.replace('https://x.test/1', 'somewhere'), 'f.jsonl')).toThrow(/source must be a URL/);
  });
});
