// The detectors content.js loads later (in content-extras.js) and everyone else uses at once:
// network, credential, rate-limit and JSON, and the receiver's words that enrich all findings.
// A status needs its number written: a reason phrase alone ("Internal Server Error") names no
// code, as issue 8's labels read it (test/eval/README.md, "a status needs its number").
import { detectCredentialProblems } from '../detect/credential/credential';
import { mayHaveCredentialProblem } from '../detect/credential/credential-hint';
import { detectJsonInText } from '../detect/json/json-in-text';
import { detectJsonParseErrors } from '../detect/json/json-parse-errors';
import { checkJsonBody } from '../detect/json/json-body';
import { findBodyCandidates, type BodyCandidate } from '../detect/json/json-candidates';
import { detectNetworkErrors } from '../detect/network/network';
import { mayHaveJson, mayHaveNetworkError } from '../detect/shared/prefilter';
import { detectRateLimitHeaders } from '../detect/rate-limit/rate-limit';
import { attachReceiverWords } from '../detect/receiver/receiver-words';
import { keepReported } from '../detect/shared/register';
import type { Finding } from '../types';
import { worthTesting, type FindingEnricher, type FindOptions, type TextDetector } from './pipeline';

const always = (): boolean => true;

export const NETWORK_DETECTOR: TextDetector = {
  mayFind: worthTesting(mayHaveNetworkError),
  find: (text) => keepReported(text, detectNetworkErrors(text)),
};

export const CREDENTIAL_DETECTOR: TextDetector = {
  mayFind: worthTesting(mayHaveCredentialProblem),
  find: (text) => keepReported(text, detectCredentialProblems(text)),
};

export const RATE_LIMIT_DETECTOR: TextDetector = {
  mayFind: always,
  // Rate-limit headers matter only when they say the limit is hit (Retry-After or nothing left);
  // a healthy "4999 remaining" is not a failure.
  find: (text, options) => detectRateLimitHeaders(text, options.now).filter((finding) => finding.code !== null),
};

export const JSON_DETECTOR: TextDetector = {
  mayFind: mayHaveJson,
  find: (text, options) => {
    const whole = wholeBody(text);
    // A body pasted or edited alone is what will be sent, whatever its words; in prose, a body or
    // a parser's message counts only where the text reports.
    if (whole === null) return keepReported(text, detectJsonInText(text));
    // An excerpt (`"items": [ ... ]`) or a Ruby hash print is not a body, even pasted alone; nor
    // is a response copied only in part (its brackets never close), though a parser's message
    // quoted inside it still counts.
    if (whole.elided || whole.hashArrows) return [];
    return whole.unclosed ? detectJsonParseErrors(text) : checkWholeBody(text, options);
  },
};

/** A pasted or edited body is checked whole up to this size (the popup limits pastes anyway). */
const WHOLE_BODY = { chars: 1024 * 1024, lines: Number.POSITIVE_INFINITY };

/** The text as one JSON body and nothing else (a pasted body, an editor's content), or null. */
function wholeBody(text: string): BodyCandidate | null {
  const first = text.search(/\S/);
  if (first === -1 || (text[first] !== '{' && text[first] !== '[')) return null;
  const [candidate] = findBodyCandidates(text.slice(first), WHOLE_BODY);
  return candidate !== undefined && candidate.start === 0 && text.slice(first + candidate.end).trim() === '' ? candidate : null;
}

/** A whole body: every check, template warnings and required fields included. */
function checkWholeBody(text: string, options: FindOptions): Finding[] {
  const first = text.search(/\S/);
  const body = text.trim();
  return checkJsonBody(body, options.requiredFields ?? []).map((finding) => ({
    ...finding,
    start: finding.start + first,
    end: finding.end + first,
  }));
}

export const EXTRA_DETECTORS: readonly TextDetector[] = [NETWORK_DETECTOR, CREDENTIAL_DETECTOR, RATE_LIMIT_DETECTOR, JSON_DETECTOR];

export const RECEIVER_WORDS: FindingEnricher = attachReceiverWords;
