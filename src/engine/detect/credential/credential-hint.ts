// The credential detector's prefilter: a text none of its passes can start from gets no run. Made
// of the passes' own triggers, so that it says "no" only where every pass would find nothing:
// the header names (credential-scan), the words a key field or a statement is named by
// (credential-key-field, credential-statement), the anchors of told sentences (credential-prose),
// and a variable left in a raw request (credential-raw-request).
import { CREDENTIAL_OR_RATE_LIMIT_HINT } from '../shared/prefilter';
import { PROSE_ANCHORS } from './credential-prose';
import { ABOUT_CREDENTIALS } from './credential-statement';
import { SECRET_NAME_WORD_SOURCE } from './secret-name-words';

/** A key field's name ("accessKey=", "GOTIFY_PASS=", "senha:") or a long run of x's standing in for a value. */
const KEY_FIELD = `${SECRET_NAME_WORD_SOURCE}|x{4,}`;
/** A variable a raw request sends as is: `${TOKEN}`, `$env:TOKEN`, `%TOKEN%`. */
const UNEXPANDED = '\\$\\{|\\$(?:env:)?[a-z_]\\w|%[a-z_]\\w+%';

const CREDENTIAL_HINT = new RegExp(
  [CREDENTIAL_OR_RATE_LIMIT_HINT.source, ABOUT_CREDENTIALS.source, KEY_FIELD, UNEXPANDED, ...PROSE_ANCHORS].join('|'),
  'i',
);

/** False when the credential detector cannot report anything in `text`. */
export function mayHaveCredentialProblem(text: string): boolean {
  return CREDENTIAL_HINT.test(text);
}
