// The receiver's message where its error body is not JSON the parser accepts: a Python dict
// (`{'error': {'message': 'Incorrect API key provided: …'}}`), a JavaScript or Clojure object
// print (`message: 'Invalid token'`, `:message "Invalid API Key"`), a body cut short, a body
// escaped inside a string (`{\"message\":\"Missing bearer…\"}`), or an SDK's "Error message: …".
// Only a message worded as an error counts: `message: 'Webhook received'` is no receiver's error.

/** A message key, quoted any way or not, and its value: quoted (any quote) or up to the end of its item. */
const LOOSE_MESSAGE =
  /(?:\\?["']|:|\b)(?:message|error_description|error_message|errorMessage|detail|description)(?:\\?["'])?[ \t]*(?:[:=][ \t]*|(?<=:\w+)[ \t]+)(?:\\"((?:[^"\\\n]|\\[^"\n]){1,400}?)\\"|"((?:[^"\\\n]|\\.){1,400}?)"|'((?:[^'\\\n]|\\.){1,400}?)'|([^\s"'{}[\],*`][^{}\n,]{0,400}))/g;

/** A cheap test before the regex: one of the key names. */
const KEY_HINT = /message|error_|errorMessage|detail|description/;

/** Words of a message that reports a failure. */
export const ERROR_WORDS =
  /\b(?:error|fail\w*|invalid|unauthori[sz]ed|forbidden|denied|not (?:found|allowed|valid|provided|configured)|cannot|can't|missing|required|reject\w*|exceed\w*|too (?:many|large|long)|bad|wrong|expired|incorrect|malformed|unable|must)\b/i;

/**
 * The sender's own client speaking (`Request failed with status code 404`, `net/http: request
 * canceled`, `Post "https://…": x509: …`), or a template's placeholder: not the receiver's words.
 */
const NOT_THE_RECEIVER =
  /\brequest failed with status code\b|net\/http|\b(?:get|post|put|patch|delete)\s+"?https?:|\bdial tcp\b|\bE(?:CONN\w+|TIMEDOUT|NOTFOUND)\b|\bx509\b|^[{<$][^\s]*[}>]$/i;

/** False for words that are the sender's own client or a placeholder, whatever body holds them. */
export function isFromReceiver(message: string): boolean {
  return !NOT_THE_RECEIVER.test(message);
}

export interface LooseWords {
  start: number;
  end: number;
  message: string;
}

const unescape = (value: string): string => value.replace(/\\n/g, '\n').replace(/\\(["'\\/])/g, '$1');

/** Every message a loosely written error body gives, in text order. */
export function findLooseReceiverWords(text: string): LooseWords[] {
  if (!KEY_HINT.test(text)) return [];
  const found: LooseWords[] = [];
  for (const match of text.matchAll(LOOSE_MESSAGE)) {
    const raw = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const message = unescape(raw).trim();
    if (message.length < 3 || !ERROR_WORDS.test(message) || !isFromReceiver(message)) continue;
    found.push({ start: match.index, end: match.index + match[0].length, message });
  }
  return found;
}
