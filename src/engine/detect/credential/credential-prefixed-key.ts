// A key recognised by its vendor's prefix wherever it stands (`sk-7lsbKRxxxx…WsRl2` in a
// sentence, `pat-eu1-........`, `os.environ.get("xoxb-THE_REST_OF_AUTH_IS_HERE")`): the prefix
// makes the spot a credential's even with no header or key field around it, so a value there whose
// rest is hidden is a masked key, and one whose rest is only x's (`SG.XXXX.XXXX` passed to an SDK)
// is a stand-in. Only candidates are found here; standInsInText judges them by the text around
// them, as it does key fields.
import type { Finding } from '../../types';
import { isMaskedToken } from './credential-classify';
import { previewToken } from './credential-preview';
import { PREFIXED_KEY } from './prefixed-key-shape';

/** What the value after a prefix may hold: a key's characters and the marks people hide it with. */
const REST = /[\w.*•●…-]{3,160}/y;
/** A receiver echoing the key it got, or calling it invalid: its own mask, not the sender's. */
const ECHO_BEFORE = /\b(?:invalid|incorrect|wrong|unknown|bad|provided|received)\b[^\n]{0,24}$/i;

/** Mask characters, and a run as long as a tool fills in (OpenAI shows `sk-ab12*****…*****yz89`). */
const MASK_RUN = /[*•●]+|x{3,}|X{3,}|\.{2,}|…+|-{4,}/g;
const TOOL_MASK = /[*•●]{16,}/;
/** Words that say the rest was left out (`THE_REST_OF_AUTH_IS_HERE`, `…RedactedToken`). */
const ELIDED_BY_WORDS = /rest|remainder|redacted|hidden|masked|removed|omitted|censored|obfuscated/i;

/** A key's rest typed as x's only (`XXXX.XXXX`, `xxxx-xxxx`): the vendor's prefix and a blank. */
const X_REST = /^(?=(?:[^xX]*[xX]){4})[xX][xX._-]*$/;

/**
 * A writer's mask keeps real characters on both sides of it, or says in words what it left out.
 * A prefix and an ellipsis alone (`xoxp-...`, `sk-proj-VP3b...`) names a key's shape or shows it
 * cut at the end, and a full-length run of stars is a tool's display.
 */
function hidesTheMiddle(rest: string): boolean {
  if (ELIDED_BY_WORDS.test(rest)) return true;
  if (TOOL_MASK.test(rest)) return false;
  const pieces = rest.split(MASK_RUN);
  return pieces.length > 1 && /[A-Za-z0-9]{2}/.test(pieces[0] ?? '') && /[A-Za-z0-9]{2}/.test(pieces.at(-1) ?? '');
}

/** Candidate masked-token and placeholder-token findings for prefixed keys; offsets are within `text`. */
export function prefixedKeyMasks(text: string): Finding[] {
  const findings: Finding[] = [];
  PREFIXED_KEY.lastIndex = 0;
  for (let match = PREFIXED_KEY.exec(text); match !== null; match = PREFIXED_KEY.exec(text)) {
    const start = match.index;
    REST.lastIndex = start + match[0].length;
    const rest = REST.exec(text)?.[0];
    if (rest === undefined) continue;
    // A sentence's full stop is not part of the key; an ellipsis is.
    const value = (match[0] + rest).replace(/(?<!\.)\.$/, '');
    const end = start + value.length;
    PREFIXED_KEY.lastIndex = end;
    const trimmed = rest.replace(/(?<!\.)\.$/, '');
    // In prose `sk-xxxx` names the key's format; quoted as a string in code, it was passed as the key.
    const problem =
      X_REST.test(trimmed) && /["']/.test(text[start - 1] ?? '')
        ? 'placeholder-token'
        : isMaskedToken(value) && hidesTheMiddle(trimmed)
          ? 'masked-token'
          : null;
    if (problem === null) continue;
    if (ECHO_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
    findings.push({ kind: 'credential', code: null, problem, start, end, excerpt: previewToken(value) });
  }
  return findings;
}
