// The receiver's message as a key/value pair outside JSON: a log or an SDK prints the answer's
// fields in a line of prose (`AWS Code: SignatureDoesNotMatch, Message:The request signature we
// calculated does not match …`, `Status Code: "401" Message: "API key authentication/authorization
// failure …"`, `AWS Error Code: AccessDenied, AWS Error Message: Access Denied`), or after the
// message in a parenthesised record that names the status (the AWS SDK for Java's `Access Denied
// (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: …)`). A message key
// alone may be anything's; beside a code or status key on the same line it is an answer's field.
import { execAll } from '../shared/text-match';
import { asQuotedAnswer } from './receiver-words-quoted';

export interface KeyedWords {
  start: number;
  end: number;
  message: string;
}

/**
 * A message key left unquoted (`Message:`, `Error Message =`, `message=`) and the rest of its line.
 * A quoted key (`"message":`) is a body's, which the body readers judge (a documented sample is no answer).
 */
const MESSAGE_KEY = /(?<![\w"'-])(?:[A-Z][A-Za-z]{1,10}[ \t]+)?(?:error[ _]?)?message[ \t]*[:=][ \t]*["'“]?([^\n]{3,300})/gi;
/** A code or status key on the same line (`Code:`, `Error Code:`, `status:`, `Status Code =`). */
const CODE_KEY = /(?<![\w-])(?:(?:error|status|response)[ _]?)?(?:code|status)[ \t]*["']?[ \t]*[:=]/i;
/** Where the message's value ends: a quote, then the next key of the same record, or a status key. */
const VALUE_END = /["'”](?=[ \t]*(?:[,;|)\]}]|$))|[,;|][ \t]*["']?[A-Za-z][\w ]{0,24}["']?[ \t]*[:=]|[ .]?\bstatus[ \t]*[:=]/i;

/** An SDK's record after the message: `(Service: …; Status Code: 403; Error Code: …)`. */
const STATUS_RECORD = /\((?:Service:[^;)\n]{1,60};[ \t]*)?Status Code:[ \t]*[1-5]\d\d;[^)\n]{0,300}\)/g;
/** How far before its record the message may start. */
const MAX_RECORD_MESSAGE = 200;
/** What stands before the message on its line ends at its last quote mark or label colon (`…Exception: `). */
const BEFORE_MESSAGE = /["'`“]|:[ \t]/;

/** The first message a key/value record of the answer gives on one line, or null. */
export function findKeyedMessage(text: string): KeyedWords | null {
  if (/message[ \t]*[:=]/i.test(text)) {
    for (const match of execAll(MESSAGE_KEY, text)) {
      const lineStart = text.lastIndexOf('\n', match.index) + 1;
      const lineEnd = match.index + match[0].length;
      if (!CODE_KEY.test(text.slice(lineStart, match.index) + text.slice(lineEnd - match[1]!.length, lineEnd))) continue;
      const value = match[1]!;
      const end = value.search(VALUE_END);
      const message = asQuotedAnswer(end === -1 ? value : value.slice(0, end), true);
      if (message !== null) return { start: match.index, end: lineEnd, message };
    }
  }
  if (!text.includes('Status Code:')) return null;
  let searchedTo = 0;
  for (const match of execAll(STATUS_RECORD, text)) {
    const end = match.index + match[0].length;
    const start = messageStartBefore(text, match.index, searchedTo);
    searchedTo = end;
    if (start === null) continue;
    const message = asQuotedAnswer(text.slice(start.at, start.end).split(BEFORE_MESSAGE).at(-1) ?? '', true);
    if (message !== null) return { start: start.at, end, message };
  }
  return null;
}

/**
 * The words before a record's `(` that may be its message: after blanks, back to the line's start,
 * a bracket or MAX_RECORD_MESSAGE characters, at least three. Read backwards from the record, not
 * by a regex from every place before it: on a long run of blanks that was quadratic.
 */
function messageStartBefore(text: string, open: number, notBefore: number): { at: number; end: number } | null {
  let end = open;
  while (end > notBefore && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (end === open) return null;
  let at = end;
  const limit = Math.max(notBefore, end - MAX_RECORD_MESSAGE);
  while (at > limit && !'\n()'.includes(text[at - 1]!)) at--;
  return end - at >= 3 ? { at, end } : null;
}
