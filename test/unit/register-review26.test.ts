// Review findings on the register (session 19): bounded patterns, Markdown tables that are no log,
// quoted first persons that are no witness.
import { describe, expect, it } from 'vitest';
import { hasWitness, talkCue } from '../../src/engine/detect/shared/register';

describe('the register after review', () => {
  it('reads a long run of hyphenated letters with a bounded number of steps', () => {
    // An unbounded `[\w-]+` before " errors" retried every start of the run: counted, not timed,
    // by the size of the text the explainer pattern may read at once.
    const run = `${'a-'.repeat(8000)} errors occur when`;
    expect(talkCue(run)).toBe('explainer');
  });

  it('takes no row of a Markdown table for a log line', () => {
    const table = [
      '| Setting | Default | Meaning |',
      '| --- | --- | --- |',
      '| ConnectTimeout | 00:00:15 | Time allowed to open the connection |',
      '| ReadTimeout | 00:01:00 | Time allowed to read the answer, after which ETIMEDOUT is raised |',
    ].join('\n');
    expect(hasWitness(table)).toBe(false);
    expect(hasWitness('lemmy_1  | 2022-11-16T10:44:18Z WARN connect ECONNREFUSED')).toBe(true);
    expect(hasWitness('web-1 | 12:01:02 error: read ECONNRESET')).toBe(true);
  });

  it('hears no witness in a first person someone else is quoted saying', () => {
    expect(hasWitness('Users often write “I keep getting ETIMEDOUT” when the proxy drops idle sockets.')).toBe(false);
    expect(hasWitness('I keep getting ETIMEDOUT when the proxy drops idle sockets.')).toBe(true);
  });
});
