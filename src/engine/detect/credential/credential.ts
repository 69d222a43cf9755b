// Credential detector: mistakes in Authorization and API-key headers, found in an editor field
// or in free text. Results carry a problem id and a redacted preview, never the token.
import { isAuthorizationHeader } from '../../credential-headers';
import type { Finding } from '../../types';
import { scanCredentialText } from './credential-scan';
import { analyzeCredentialValue } from './credential-value';
import { NO_SCHEME_EXPECTED } from './credential-context';
import { detectBearerCorrection } from './credential-correction';
import { mistakesInText, standInsInText } from './credential-in-text';
import { announcesRedaction, isRuleInDoc } from './credential-register';
import { detectCredentialStatements } from './credential-statement';
import { detectCredentialSentences, looksLikeMachineLog } from './credential-prose';
import { detectUnexpandedInRawRequests } from './credential-raw-request';
import { keyFieldStandIns } from './credential-key-field';
import { urlStandIns } from './credential-url';
import { userFlagStandIns } from './credential-user-flag';
import { prefixedKeyMasks } from './credential-prefixed-key';

export { redactSecret } from './credential-preview';

/**
 * Checks one header value as typed in an editor field. Authorization and Proxy-Authorization
 * (any case) expect a scheme; other headers (X-Api-Key, ...) take a bare key and get only the
 * masked, placeholder, quote and whitespace checks. Offsets are within `value`.
 */
export function checkCredentialValue(value: string, headerName = 'Authorization'): Finding[] {
  return analyzeCredentialValue(value, { authorization: isAuthorizationHeader(headerName), source: 'field' });
}

/**
 * Finds credential mistakes in free text: quoted headers such as `Authorization: Bearer ###` or
 * `"X-Api-Key": "YOUR_API_KEY"`, and sentences that tell of one ("the Bearer prefix was
 * missing"). A log viewer's own redaction ("[REDACTED]", "***"), a writer hiding their key in a
 * longer text, and documentation examples are not reported. Offsets are within `text`.
 */
export function detectCredentialProblems(text: string): Finding[] {
  // A change or a request that redacts secrets shows its own masks and its reader's blanks.
  if (announcesRedaction(text)) return [];
  const unexpanded = detectUnexpandedInRawRequests(text);
  const inHeaders = withKeyFields(mistakesInText(scanCredentialText(text), text), text);
  const quoted = unexpanded.length === 0 ? inHeaders : [...inHeaders, ...unexpanded].sort((a, b) => a.start - b.start);
  const found = detectBearerCorrection(text);
  // A correction stated as a rule in a text that reports nothing is a doc's "Correct / Incorrect".
  const correction = found && !isRuleInDoc(text.slice(found.start, found.end), text) ? found : null;
  const sentences = detectCredentialSentences(text);
  const statements = detectCredentialStatements(text).filter((finding) => !sentences.some((other) => other.problem === finding.problem));
  const told = [...sentences, ...statements, ...(correction ? [correction] : [])].filter(
    (finding) =>
      !quoted.some((other) => other.problem === finding.problem) &&
      // "Paste your token without adding Bearer: it is added automatically" tells of no mistake.
      !(finding.problem === 'missing-bearer-prefix' && NO_SCHEME_EXPECTED.test(text)),
  );
  return told.length === 0 ? quoted : [...quoted, ...told].sort((a, b) => a.start - b.start);
}

/** Header findings, and the stand-ins of key fields and prose `Bearer` that no header finding covers. */
function withKeyFields(headers: Finding[], text: string): Finding[] {
  const fields = [...keyFieldStandIns(text), ...urlStandIns(text), ...userFlagStandIns(text)];
  // A prefixed key inside a header or a field is that finding's value already. A program's log
  // that prints a masked key outside any header masked it itself: only people's texts are read.
  const loose = looksLikeMachineLog(text) ? [] : prefixedKeyMasks(text);
  const keys = loose.filter((key) => !fields.some((field) => overlaps(field, key)));
  const candidates = [...fields, ...keys].filter((field) => !headers.some((header) => overlaps(header, field)));
  const judged = standInsInText(
    candidates.sort((a, b) => a.start - b.start),
    text,
  );
  return judged.length === 0 ? headers : [...headers, ...judged].sort((a, b) => a.start - b.start);
}

function overlaps(a: Finding, b: Finding): boolean {
  return a.start < b.end && b.start < a.end;
}
