// The detectors' prefilters against every text of every evaluation set (test/eval/**/*.jsonl):
// texts that people wrote, which the prefilters were not written from. A prefilter may let a text
// through for nothing; it must never turn away a text its detector finds something in, whatever
// the text's length (the pipeline skips prefilters on long texts, the content script does not).
import { describe, expect, it } from 'vitest';
import { mayHaveCredentialProblem } from '../../src/engine/detect/credential/credential-hint';
import { mayHaveJson, mayHaveNetworkError, mayHaveStatusCode } from '../../src/engine/detect/shared/prefilter';
import { findWith, type TextDetector } from '../../src/engine/find';
import { CREDENTIAL_DETECTOR, JSON_DETECTOR, NETWORK_DETECTOR } from '../../src/engine/find/extra-parts';
import { STATUS_DETECTOR } from '../../src/engine/find/status-part';
import { loadSets } from '../eval/labels';

const texts = loadSets().flatMap((set) => set.items.map((item) => ({ id: item.id, text: item.text })));

/** Each pipeline detector beside the prefilter that decides whether it runs. */
const GUARDED: ReadonlyArray<[name: string, detector: TextDetector, prefilter: (text: string) => boolean]> = [
  ['status', STATUS_DETECTOR, mayHaveStatusCode],
  ['network', NETWORK_DETECTOR, mayHaveNetworkError],
  ['credential', CREDENTIAL_DETECTOR, mayHaveCredentialProblem],
  ['json', JSON_DETECTOR, mayHaveJson],
];
// The rate-limit detector runs on every text (its own first test is a name search); no evaluation
// text holds rate-limit headers, so its prefilter in the content script is tested on the
// detector's own cases (content-prefilter.test.ts).

describe('no prefilter turns away a text of the evaluation sets that its detector reports on', () => {
  it('the sets are loaded', () => {
    expect(texts.length).toBeGreaterThan(1000);
  });

  it.each(GUARDED.map(([name]) => name))('%s', (name) => {
    const [, detector, prefilter] = GUARDED.find(([own]) => own === name)!;
    let reported = 0;
    const turnedAway: string[] = [];
    for (const { id, text } of texts) {
      if (detector.find(text, {}).length === 0) continue;
      reported++;
      if (!prefilter(text)) turnedAway.push(id);
    }
    expect(turnedAway).toEqual([]);
    // The sets hold texts for every detector, so the check above is never vacuous.
    expect(reported).toBeGreaterThan(20);
  });

  it('every text finds the same with the prefilters as with every detector always run', () => {
    const unguarded = GUARDED.map(([, detector]) => ({ mayFind: () => true, find: detector.find }));
    const guarded = GUARDED.map(([, detector, prefilter]) => ({ mayFind: prefilter, find: detector.find }));
    const differ = texts.filter(({ text }) => JSON.stringify(findWith(text, guarded)) !== JSON.stringify(findWith(text, unguarded)));
    expect(differ.map(({ id }) => id)).toEqual([]);
  });
});
