// needsExtras decides which page rows wait for content-extras.js; a row it turns away is judged by
// the status detector alone. Over every text of the evaluation sets and each of their lines (a
// page row is often one line of a log), whatever the full engine (the CLI's findAll) finds beyond
// the status detector in a row's values — a header, a key field, a prefixed key, a network
// failure, a JSON body — must come from a row needsExtras lets through, so the browser and the
// CLI cannot diverge there. Two kinds of finding are left out on purpose, since the words that
// start them ("auth", "bad", "error") are in nearly every failing row, and waiting for them would
// hold every badge of such a page back: a credential mistake told in a sentence ("I forgot the
// Bearer prefix"), and the receiver's refusal with no status beside it.
import { describe, expect, it } from 'vitest';
import { needsExtras } from '../../src/content/scan/row-detect';
import { detectBearerCorrection } from '../../src/engine/detect/credential/credential-correction';
import { detectCredentialSentences } from '../../src/engine/detect/credential/credential-prose';
import { detectCredentialStatements } from '../../src/engine/detect/credential/credential-statement';
import { findAll, findWith } from '../../src/engine/find';
import { STATUS_DETECTOR } from '../../src/engine/find/status-part';
import type { Finding } from '../../src/engine/types';
import { loadSets } from '../eval/labels';

const whole = loadSets().flatMap((set) => set.items.map((item) => ({ id: item.id, text: item.text })));
const rows = [
  ...whole,
  ...whole.flatMap(({ id, text }) => text.split('\n').map((line, index) => ({ id: `${id}:${index + 1}`, text: line }))),
].filter(({ text }) => text.trim() !== '');

const key = (finding: Finding): string => `${finding.kind} ${finding.code} ${finding.problem} ${finding.start} ${finding.end}`;

/** The findings of `text` that the status detector alone does not make, told sentences and refusals aside. */
function beyondStatus(text: string): Finding[] {
  const byStatus = new Set(findWith(text, [STATUS_DETECTOR]).map(key));
  const extra = findAll(text).filter((finding) => finding.problem !== 'receiver-error' && !byStatus.has(key(finding)));
  if (extra.length === 0) return extra;
  const correction = detectBearerCorrection(text);
  const told = new Set(
    [...detectCredentialSentences(text), ...detectCredentialStatements(text), ...(correction ? [correction] : [])].map(key),
  );
  return extra.filter((finding) => !told.has(key(finding)));
}

describe('needsExtras lets through every row the extras find something in', () => {
  it('over the evaluation texts and their lines', { timeout: 180_000 }, () => {
    let turnedAway = 0;
    const missed: string[] = [];
    for (const { id, text } of rows) {
      // A row let through is judged by every detector: only the rows turned away need the engine.
      if (needsExtras(text)) continue;
      turnedAway++;
      const extra = beyondStatus(text);
      if (extra.length > 0) missed.push(`${id} ${extra.map((finding) => finding.problem ?? finding.code).join(',')}`);
    }
    expect(missed).toEqual([]);
    // Thousands of rows are turned away, so the check is never vacuous.
    expect(turnedAway).toBeGreaterThan(1000);
  });
});
