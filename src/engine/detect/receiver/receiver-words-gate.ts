// A cheap necessary condition for a text with no finding to hold the receiver's words. Every
// reader that can quote the receiver without a finding beside it accepts a message only when
// the message, or the body around it, says it failed: ERROR_WORDS and the Chinese, Japanese and
// Korean failure words (receiver-words-loose.ts), a failing slug part (receiver-words-slug.ts), an
// error key, element or flag of a body (`error`, `errmsg`, `fault`, `…Exception`, `"ok": false`),
// or a failing status as the value of a status or code key (`"status": 500`, `Status Code: 403`).
// The gate looks for the stems of all of those, without the word boundaries the readers use, so
// it only ever passes more texts than they accept; a text with a backslash or an XML entity passes
// too, since unescaping may join or split words. The content script runs the receiver step on
// every hinted row: most rows of a healthy log fail the gate. A bare failing number is no stem:
// every row the content script judges may hold one (its row hint looks for status candidates),
// and a log's counts and ports ("418 recipients", "host:443") sent each such row through every
// reader.
import { CJK_ERROR_WORDS } from './receiver-words-loose';

/**
 * The stems: error and failure words, refusals and negations, requirements and pleas, excess and
 * shortage, unprocessable input, a failing slug's parts, a body's error keys and flags, a failing
 * status as a key's value.
 */
const FAILURE_STEM =
  /err|fail|fault|exception|invalid|unauth|unverif|unsupport|forbid|deni|permission|not|n't|cannot|could|missing|requir|please|reject|exceed|too |bad|wrong|expir|incorrect|malform|unable|must|already|(?<![a-z0-9])no[ _]|unrecogn|unknown|unavailab|throttl|rate|limit|match|insufficient|unprocessable|empty|revoked|disabled|inactive|archived|deleted|blocked|suspended|false|(?:status|code)["']?\s*[:=]\s*["']?[45]\d\d|\\|&(?:#\d+|apos|quot);/i;

/**
 * False only when no reader can find the receiver's words in `text` on its own (no finding
 * beside them): see the module comment for why the stems cover every reader.
 */
export function mayHoldReceiverWords(text: string): boolean {
  return FAILURE_STEM.test(text) || CJK_ERROR_WORDS.test(text);
}
