// The receiver's answer when it is a single error code in snake case, as Slack, OAuth servers
// and many webhook receivers answer: `400 invalid_payload`, "Slack answers `no_text`", "it
// returned 'invalid_payload'", `Error:"invalid_grant"`. A snake-case word is an answer only when
// one of its parts reports a failure and the words around present it as what came back: a code
// name in a config or in code (`error_code`, `no_proxy`, `max_retries`) is none.
import { execAt } from '../shared/text-match';

/** A lower-case snake-case word of two to seven parts. */
const SLUG = '[a-z]{1,20}(?:_[a-z0-9]{1,20}){1,6}';

/** Parts that make a slug report a failure (`error` alone does not: `error_code`, `api_error`). */
const FAILING_PART =
  /(?:^|_)(?:invalid|missing|bad|denied|expired|unauthori[sz]ed|forbidden|exceeded|required|failed|failure|unknown|empty|wrong|revoked|disabled|inactive|archived|deleted|unsupported|malformed|mismatch|not|limited|limit|rejected|blocked|suspended)(?:_|$)|^no_/;

/**
 * Right after a status's digits: optional emphasis or quote marks, a comma, colon or dash, then
 * the slug in its own marks (`400 invalid_payload`, `**400** _missing_text_`, `400, "no_text"`).
 */
const SLUG_AFTER_STATUS = new RegExp(`[*\`'"]{0,2}[ \\t]*(?:[,:–—-][ \\t]*)?[_*\`'"“]{0,2}(${SLUG})[_*\`'"”]{0,2}(?![\\w-])`, 'y');

/** `Error:`, `An API error occurred:`, `the error was:`: a label whose value is the error. */
const ERROR_LABEL = '[Ee]rror(?: (?:occurred|occured|was|is))?:';

/**
 * A slug in marks (backticks, quotes, underscores of emphasis) or after an error label, on its line
 * or alone on the next, ending its clause or followed by a note in parentheses (`invalid_token (HTTP Code 403)`).
 */
const MARKED_SLUG = new RegExp(
  `(?:[\`'"“]_?|(?<![\\w])_|\\b${ERROR_LABEL}[ \\t]*(?:\\r?\\n[ \\t]*)?["']?)(${SLUG})(?=_?[\`'"”]|_(?![\\w])|[ \\t]*$|[ \\t]*[,.;)(\\n])`,
  'gm',
);

/**
 * Words that present the slug as what came back ("the response was", "it returned", "Slack
 * answers"), or an `Error:` label right before it; "got" or "error" elsewhere on the line do not
 * ("the exception got triggered", an error code in a config).
 */
const ANSWER_CUE = /\b(?:respon(?:se|ses|ded|ds|d)|return(?:s|ed|ing)?|answer(?:s|ed)?|repl(?:y|ies|ied)|says?|said)\b/i;
const ERROR_LABEL_BEFORE = new RegExp(`\\b${ERROR_LABEL}[ \\t]*(?:\\r?\\n[ \\t]*)?["'\`“‘]?$`);
/**
 * The writer getting the slug as their error: in its marks and followed by "error" (`` getting
 * `not_in_channel` error ``, `it is giving me "not_authed" error`), with a verb of receiving on its
 * line that tells no condition ("When receiving the `channel_not_found` error" is a rule). A
 * glossary's "the `invalid_auth` error means …" has no such verb.
 */
const NAMED_AS_ERROR_AFTER = /^_?[`'"”’][ \t]+errors?\b/i;
const RECEIVING_VERB = '(?:get|gets|got|getting|giv(?:es|ing) (?:me|us)|gave (?:me|us)|receiv(?:e|es|ed|ing)|see|saw|seeing)';
const RECEIVING = new RegExp(`(?<!\\b(?:when|if|whenever|on|after|upon|before|avoid|prevent) )\\b${RECEIVING_VERB}\\b`, 'i');
/**
 * A condition earlier in the slug's clause that the verb of receiving depends on ("If you get",
 * "in case you ever receive", "once you see"): a rule for the reader, not what the writer got.
 */
const CONDITIONAL_RECEIVING = new RegExp(
  `\\b(?:when|whenever|if|in case|once)(?:[ \\t]+[\\w']+){0,3}?[ \\t]+${RECEIVING_VERB}\\b[^,.;!?\\n]*$`,
  'i',
);
/** "See `token_revoked` error for details": the imperative sends the reader elsewhere. */
const IMPERATIVE_SEE = /(?:^|[.!?;:(\n][ \t]*|\bplease[ \t]+)see\b[^,.;!?\n]*$/i;

/** The value of a key (`"code": "x"`, `:type "x"`): a body's part, which the body readers read. */
const KEY_VALUE_BEFORE = /(?:["']\s*:|:\w+|=>?)\s*["']?$/;
/** Names of error types, not messages: `invalid_request_error`, `authentication_exception`. */
const TYPE_NAME = /_(?:error|exception|type)$/;
/** How far around the slug, on its line, the cue may sit. */
const CUE_REACH = 80;

/** A snake-case code that reports a failure and names no error type (`not_authed`, not `invalid_request_error`). */
export const isFailingSlug = (slug: string): boolean => FAILING_PART.test(slug) && !TYPE_NAME.test(slug);

/** The slug right after a status ending at `end`, when it reports a failure; null otherwise. */
export function slugAfterStatus(text: string, end: number): string | null {
  const slug = execAt(SLUG_AFTER_STATUS, text, end)?.[1];
  return slug !== undefined && FAILING_PART.test(slug) ? slug : null;
}

export interface SlugWords {
  start: number;
  end: number;
  message: string;
}

/** The first marked slug in `text` that reports a failure and is told as an answer, or null. */
export function findAnswerSlug(text: string): SlugWords | null {
  MARKED_SLUG.lastIndex = 0;
  for (let match = MARKED_SLUG.exec(text); match !== null; match = MARKED_SLUG.exec(text)) {
    const slug = match[1]!;
    if (!isFailingSlug(slug)) continue;
    const start = match.index + match[0].length - slug.length;
    const before = text.slice(Math.max(0, start - 40), start);
    const labelled = ERROR_LABEL_BEFORE.test(before) || gotAsError(text, start, start + slug.length);
    if (!labelled && (KEY_VALUE_BEFORE.test(before) || !ANSWER_CUE.test(lineAround(text, start, start + slug.length)))) continue;
    return { start, end: start + slug.length, message: slug };
  }
  return null;
}

/**
 * The slug at [start, end) is named as the error the writer got (see NAMED_AS_ERROR_AFTER), in no
 * condition, imperative or body's key-value before it.
 */
function gotAsError(text: string, start: number, end: number): boolean {
  if (!NAMED_AS_ERROR_AFTER.test(text.slice(end, end + 12)) || !RECEIVING.test(lineAround(text, start, end))) return false;
  // From the line's start when it is near, so that `^` is the line's and not a cut's.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = start - lineStart <= CUE_REACH ? text.slice(lineStart, start) : ` ${text.slice(start - CUE_REACH, start)}`;
  return !KEY_VALUE_BEFORE.test(before) && !CONDITIONAL_RECEIVING.test(before) && !IMPERATIVE_SEE.test(before);
}

/** Up to CUE_REACH characters on each side of [start, end), within its line. */
function lineAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - CUE_REACH), start);
  const after = text.slice(end, end + CUE_REACH);
  const lineStart = before.lastIndexOf('\n');
  const lineEnd = after.indexOf('\n');
  return `${lineStart === -1 ? before : before.slice(lineStart + 1)} ${lineEnd === -1 ? after : after.slice(0, lineEnd)}`;
}
