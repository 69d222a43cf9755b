// JSON anywhere in a text: every body the text holds is checked whole (checkJsonBody) and its
// syntax error placed in the text; messages in which a parser reports a body that did not parse
// are findings too. Excerpts (`{"a": 1, ...}`), Ruby hash prints (`{"a"=>1}`) and valid JSON
// (JSON Lines logs included) are not findings.
import type { Finding } from '../types';
import { findBodyCandidates, type BodyCandidate } from './json-candidates';
import { checkJsonBody } from './json-body';
import { detectJsonParseErrors } from './json-parse-errors';

/** Every invalid-json finding of `text`, ordered by position. */
export function detectJsonInText(text: string): Finding[] {
  const findings = [...detectJsonParseErrors(text)];
  for (const candidate of findBodyCandidates(text)) findings.push(...checkCandidate(text, candidate));
  return findings.sort((a, b) => a.start - b.start);
}

function checkCandidate(text: string, candidate: BodyCandidate): Finding[] {
  if (candidate.elided || candidate.hashArrows) return [];
  const body = text.slice(candidate.start, candidate.end);
  // In running text only syntax errors count: template warnings are for editor fields.
  const error = checkJsonBody(body).find((finding) => finding.problem === 'invalid-json');
  if (!error) return [];
  if (candidate.claim === 'shaped' && isLooseNotation(error.detail?.reason)) return [];
  const detail = { ...error.detail };
  if (candidate.unclosed && /never closed|unterminated string/.test(detail.reason ?? '')) {
    detail.reason = 'the body ends before its brackets close: it was cut off (truncated) or is incomplete';
  }
  return [{ ...error, start: candidate.start + error.start, end: candidate.start + error.end, detail }];
}

/**
 * Errors that say the text is JavaScript or Python notation rather than a broken body: judged
 * only when the text declares a body (a label or a json fence).
 */
function isLooseNotation(reason: string | undefined): boolean {
  return reason !== undefined && /^(?:an unquoted key|a text value without quotes)/.test(reason);
}
