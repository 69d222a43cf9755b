// A row's findings as content.js judges them: status codes and network errors right away, plus
// the credential and rate-limit findings of content-extras.js once it is loaded.
import { detectNetworkErrors } from '../engine/detect/network';
import { detectStatusCodes } from '../engine/detect/status';
import type { Finding } from '../engine/types';
import type { ContentExtras } from './extras-api';

/**
 * Every header name the credential and rate-limit detectors start from (any case). Text without
 * one gives them nothing to report, so only rows that match wait for content-extras.js.
 */
export const NEEDS_EXTRAS =
  /authori[sz]ation|api[-_ ]?key|bearer|basic |token|secret|passw|private_key|ratelimit|rate-limit|retry-after/i;

/** The findings of a row's text, ordered by position as detectAll orders them. */
export function detectRow(text: string, extras: ContentExtras | null): Finding[] {
  const findings = [...detectStatusCodes(text), ...detectNetworkErrors(text), ...(extras?.detectRowExtras(text) ?? [])];
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
