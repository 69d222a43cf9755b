// findAll: every finding of any text (a log, a pasted issue, a body), with every detector. The
// CLI, the popup's Diagnose box and the worker call it; the content script calls findWith with
// the detectors it has loaded (see src/content/scan/row-detect.ts).
import type { Finding } from '../types';
import { EXTRA_DETECTORS, RECEIVER_WORDS } from './extra-parts';
import { findWith, type FindOptions, type TextDetector } from './pipeline';
import { STATUS_DETECTOR } from './status-part';

export { findWith, type FindingEnricher, type FindOptions, type TextDetector } from './pipeline';

export const ALL_DETECTORS: readonly TextDetector[] = [STATUS_DETECTOR, ...EXTRA_DETECTORS];

export function findAll(text: string, options: FindOptions = {}): Finding[] {
  return findWith(text, ALL_DETECTORS, options, [RECEIVER_WORDS]);
}
