// The one way text becomes findings: every caller (CLI, popup, content script, worker) hands a
// text and a set of detectors to findWith. The content script passes the detectors it has
// loaded so far; everyone else passes them all (findAll in ./index.ts).
import type { Finding } from '../types';

export interface FindOptions {
  /** The clock rate-limit headers are read against. */
  now?: Date;
  /** Fields a JSON body must hold (when the whole text is one body), e.g. Poplar's address fields. */
  requiredFields?: readonly string[];
}

/** One detector: a cheap test that may say "nothing here", and the detector itself. */
export interface TextDetector {
  mayFind(text: string): boolean;
  find(text: string, options: FindOptions): Finding[];
}

/**
 * A prefilter pays off on short texts (page rows); a long piece of a log nearly always passes it,
 * so there it is skipped. Nor does it pay line by line: blanking the lines of a 64 KB chunk that
 * NETWORK_HINT misses before the network detector runs gave identical findings, but the hint's
 * own pass cost more CPU than the detector it spared (91 against 66-72 ms per 8 MB of the bench
 * log), since the detector's grouped regexes are already its cheapest gate and its other work is
 * per match, not per line.
 */
const PREFILTER_MAX_LENGTH = 4096;
export const worthTesting =
  (test: (text: string) => boolean) =>
  (text: string): boolean =>
    text.length > PREFILTER_MAX_LENGTH || test(text);

/** A step after detection that adds what the text says about the findings (the receiver's words). */
export type FindingEnricher = (text: string, findings: Finding[]) => void;

/** Every finding of `text` by `detectors`, ordered by position, then enriched. */
export function findWith(
  text: string,
  detectors: readonly TextDetector[],
  options: FindOptions = {},
  enrichers: readonly FindingEnricher[] = [],
): Finding[] {
  const findings: Finding[] = [];
  for (const detector of detectors) {
    if (!detector.mayFind(text)) continue;
    // One push per finding: spreading a megabyte line's 100,000 statuses overflows the stack.
    for (const finding of detector.find(text, options)) findings.push(finding);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const enrich of enrichers) enrich(text, findings);
  return findings;
}
