// The receiver's message where its error body is not JSON the parser accepts: a Python dict
// (`{'error': {'message': 'Incorrect API key provided: …'}}`), a JavaScript or Clojure object
// print (`message: 'Invalid token'`, `:message "Invalid API Key"`), a body cut short, a body
// escaped inside a string (`{\"message\":\"Missing bearer…\"}`), or an SDK's "Error message: …".
// Only a message worded as an error counts: `message: 'Webhook received'` is no receiver's error.
import { execAt } from '../shared/text-match';

/**
 * The key names a message sits under; found first, as plain words, so the scan stays cheap. `error`
 * counts only as a quoted key (`"error": "…"`): bare, it starts a log line's words. Its opening
 * quote is checked after the match (isUnquotedError): a lookbehind here would make V8 try the
 * whole alternation at every character, several times slower.
 */
const MESSAGE_KEY_NAME = /message|error_description|error_message|errorMessage|detail|description|error(?=\\?["'])/g;

/** A bare `error` is no key: MESSAGE_KEY_NAME's `error` counts only after a quote. */
const isUnquotedError = (text: string, key: RegExpExecArray): boolean =>
  key[0] === 'error' && !(key.index > 0 && (text[key.index - 1] === '"' || text[key.index - 1] === "'"));

/**
 * What follows a key: a closing quote or bracket (any way quoted: `"detail"`, `[detail]` of PHP's
 * print_r, `@detail` of Ruby's inspect), a separator (`:`, `=`, `=>`, "is:" after a prose "the
 * error message is: …", or the space of a Clojure `:message "…"`), and the value, quoted with any
 * quote (Python 2 may prefix it with `u`; a double-quoted one may wrap onto a second line) or
 * running to the end of its item. Each part excludes its own end mark, so one pass decides it.
 */
const VALUE_AFTER_KEY =
  /(?:\\?["']|\])?[ \t]*(?:(?:(?<=message)[ \t]+(?:is|was|reads|says))?[ \t]*(?:=>|[:=])[ \t]*|(?<=:\w+)[ \t]+)(?:\\"((?:[^"\\\n]|\\[^"\n]){1,400}?)\\"|[uU]?"((?:[^"\\\n]|\\.){1,400}?(?:\n(?:[^"\\\n]|\\.){1,200}?)?)"|[uU]?'((?:[^'\\\n]|\\.){1,400}?)'|([^\s"'{}[\],*`=][^{}\n,]{0,400}))/y;

const TRAILING_QUOTES = /["'”`]+[ \t]*$/;

const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;

/** Words of a message that reports a failure. */
export const ERROR_WORDS =
  /\b(?:error|fail\w*|invalid|unauthori[sz]ed|forbidden|denied|not (?:\w+ ){0,2}?(?:found|allowed|valid|provided|configured|set|supported|permitted|recogni[sz]ed|verified|exist|one of|available)|cannot|can't|could(?:n't| not)|missing|required|reject\w*|exceed\w*|too (?:many|large|long)|bad|wrong|expired|incorrect|malformed|unable|must|already|no such|unrecogni[sz]ed|unknown|unavailable|no (?:\w+ ){0,2}?(?:available|found))\b/i;

/**
 * The sender's own client speaking (`Request failed with status code 404`, Python requests'
 * `403 Client Error: Forbidden for url: …`, `net/http: request
 * canceled`, `Post "https://…": x509: …`), a template's placeholder or format (`failed: %s`), or a bare status line
 * (`message="401 Unauthorized"`, which the status finding already says): not the receiver's words.
 */
const NOT_THE_RECEIVER =
  /\brequest failed with status code\b|\b(?:client|server) error: .{0,40}\bfor url\b|^(?:client|server) error:?$|net\/http|\b(?:get|post|put|patch|delete)\s+"?https?:|\bdial tcp\b|\bE(?:CONN\w+|TIMEDOUT|NOTFOUND)\b|\bx509\b|^[{<$][^\s]*[}>]$|%[sdvqw]\b|^(?:HTTP\/[\d.]+\s+)?[1-5]\d\d(?:\s+[A-Za-z' -]{1,40})?$/i;

/** False for words that are the sender's own client or a placeholder, whatever body holds them. */
export function isFromReceiver(message: string): boolean {
  return !NOT_THE_RECEIVER.test(message);
}

export interface Span {
  start: number;
  end: number;
}

export interface LooseWords {
  start: number;
  end: number;
  message: string;
}

const unescape = (value: string): string => value.replace(/\\n/g, '\n').replace(/\\(["'\\/])/g, '$1');

/**
 * Every message a loosely written error body gives, in text order, within `ranges` (ascending,
 * not overlapping; the whole text when absent) and outside the parsed bodies in `skip`.
 */
export function findLooseReceiverWords(
  text: string,
  skip: readonly Span[] = [],
  ranges: readonly Span[] = [{ start: 0, end: text.length }],
): LooseWords[] {
  const found: LooseWords[] = [];
  const keys = new KeyScan(text);
  for (const range of ranges) found.push(...looseWordsIn(text, keys, range, skip, found.at(-1)?.end ?? 0));
  return found;
}

/**
 * MESSAGE_KEY_NAME's next match in one text, from a given offset, with the last answer kept: the
 * search for a range's next key runs on past the range's end, to the next key of the text, and
 * the ranges after it would otherwise search that same stretch again (in a text with few keys,
 * the rest of the text once per range).
 */
class KeyScan {
  private askedFrom = -1;
  private answer: RegExpExecArray | null = null;

  constructor(private readonly text: string) {}

  /** What MESSAGE_KEY_NAME.exec gives from `from`: no key starts between two offsets it was asked from and the key found. */
  from(from: number): RegExpExecArray | null {
    const known = this.askedFrom !== -1 && this.askedFrom <= from && (this.answer === null || from <= this.answer.index);
    if (!known) {
      MESSAGE_KEY_NAME.lastIndex = from;
      this.answer = MESSAGE_KEY_NAME.exec(this.text);
      this.askedFrom = from;
    }
    return this.answer;
  }
}

function looseWordsIn(text: string, keys: KeyScan, range: Span, skip: readonly Span[], from: number): LooseWords[] {
  const found: LooseWords[] = [];
  let skipped = 0;
  // Where the next key is looked for: after the last key, as a global regex would go on.
  let next = Math.max(range.start, from);
  for (let key = keys.from(next); key !== null && key.index < range.end; key = keys.from(next)) {
    next = key.index + key[0].length;
    // Keys inside a body that parsed are that body's (`skip` is sorted by start).
    while (skipped < skip.length && skip[skipped]!.end <= key.index) skipped++;
    if (skipped < skip.length && skip[skipped]!.start <= key.index) {
      next = skip[skipped]!.end;
      continue;
    }
    if (isUnquotedError(text, key)) continue;
    const keyEnd = key.index + key[0].length;
    // Whole words only: not "messages" nor "x-message-id".
    if ((key.index > 0 && isWordChar(text.charCodeAt(key.index - 1))) || isWordChar(text.charCodeAt(keyEnd))) continue;
    const value = execAt(VALUE_AFTER_KEY, text, keyEnd);
    if (value === null) continue;
    // An unquoted value runs to the end of its item; a quote there closes the text around it.
    const message = unescape(value[1] ?? value[2] ?? value[3] ?? value[4]?.replace(TRAILING_QUOTES, '') ?? '').trim();
    if (message.length < 3 || !ERROR_WORDS.test(message) || !isFromReceiver(message)) continue;
    found.push({ start: key.index, end: keyEnd + value[0].length, message });
    next = keyEnd + value[0].length;
  }
  return found;
}
