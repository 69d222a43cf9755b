// The detectors' regexes are compiled ahead of the rows, in small tasks: V8 compiles a regex in
// the task that first runs it, and a big one made a long task of its own on server-rendered logs.
import { describe, expect, it } from 'vitest';
import { contentExtras } from '../../src/content/extras';
import { warmUpExtraDetectors } from '../../src/content/scan/row-detect';
import type { ChunkRunner, ChunkWork } from '../../src/content/scan/scheduler';
import { MAX_REGEX_SOURCE } from '../../src/engine/detect/shared/regex-union';

/** A runner that runs its chunks at once and counts them; each chunk is told `timeUp`'s answer. */
function countingRunner(chunks: { count: number }, timeUp: () => boolean = () => true) {
  return (work: ChunkWork): ChunkRunner => {
    let done = false;
    return {
      runNow: () => undefined,
      request() {
        for (let more = true; more;) {
          chunks.count++;
          more = work(timeUp);
        }
        done = true;
      },
      setUrgent: () => undefined,
      cancel: () => undefined,
      whenIdle: () => (done ? Promise.resolve() : Promise.reject(new Error('not run'))),
    };
  };
}

describe('warming up the detectors of content-extras.js', () => {
  it('has the big alternations split and listed', () => {
    expect(contentExtras.heavyRegexes.length).toBeGreaterThan(10);
    for (const regex of contentExtras.heavyRegexes) {
      expect(regex.source.length).toBeLessThanOrEqual(MAX_REGEX_SOURCE * 1.5);
      expect(regex.global).toBe(true);
    }
  });

  it('runs each big regex twice in a chunk of its own, before any warm-up line', async () => {
    const chunks = { count: 0 };
    const ran: RegExp[] = [];
    const spies = contentExtras.heavyRegexes.map((regex) => {
      const test = regex.test.bind(regex);
      regex.test = (text: string) => {
        ran.push(regex);
        return test(text);
      };
      return () => delete (regex as { test?: unknown }).test;
    });
    try {
      await warmUpExtraDetectors(contentExtras, countingRunner(chunks));
    } finally {
      for (const restore of spies) restore();
    }
    const heavy = contentExtras.heavyRegexes;
    expect(ran).toEqual(heavy.flatMap((regex) => [regex, regex]));
    // One chunk per compile step, then one per warm-up line (six lines, twice).
    expect(chunks.count).toBe(heavy.length + 12);
  });

  it('runs more steps in one chunk while its time lasts', async () => {
    const chunks = { count: 0 };
    let checks = 0;
    // Time is up at the fifth check: the first chunk runs five steps, one before each check.
    await warmUpExtraDetectors(
      contentExtras,
      countingRunner(chunks, () => ++checks >= 5),
    );
    const steps = contentExtras.heavyRegexes.length + 12;
    expect(chunks.count).toBe(1 + (steps - 5));
  });
});
