// Network findings that the rest of the text explains away: a reference page that defines error
// names (sections such as "Symptoms:" or "Possible causes"), and a timeout that a gateway already
// answered with its own status (504, 522…), which the sender saw as that status, not as a
// failure of its own connection. Each test is one bounded regex over the text.
import type { NetworkProblem } from './network-patterns';

/** Section labels of a reference entry, on a line of their own or before a colon. */
const REFERENCE_SECTION =
  /(?:^|\n)[ \t#*>-]*(?:description|symptoms?|causes|resolution|how to fix|what it means)[ \t*]*(?::|\r?\n)|typical scenario|possible causes?|common causes?/i;

/** Statuses a gateway sends when the upstream took too long. */
const TIMEOUT_STATUS = /(?<![\w.:/-])(?:408|504|522|524)(?![\w.:/-])/;

/** A line a runtime or proxy wrote about its own connection: `[error] … upstream timed out (110: …)`. */
const OWN_ERROR_LINE = /\[error\]|errno|exception|\berror:/i;

export function isReferencePage(text: string): boolean {
  return REFERENCE_SECTION.test(text);
}

/** True when a timeout on `line` is the gateway status the text reports, not the sender's own. */
export function isGatewayTimeout(text: string, problem: NetworkProblem, line: string): boolean {
  return problem === 'timeout' && TIMEOUT_STATUS.test(text) && !OWN_ERROR_LINE.test(line);
}
