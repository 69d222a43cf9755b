// A receiver's error answer that the writer quotes ("it just says: {"error": …}", "Request failed
// with status code 401 {…}"): its serializer wrote it, so a defect in how it is shown (a lost
// comma, escapes lost in Markdown) is the transcription's, not a body that failed to parse
// (LABELS.md, session-18 ruling). A parser's own message in the text is still found elsewhere.

/** Words of a top-level key that carry an error answer's words (`error`, `errorMessage`, `detail`). */
const ERROR_WORDS = new Set([
  ...['err', 'error', 'errors', 'message', 'messages', 'msg', 'desc', 'description', 'detail', 'details', 'reason', 'reasons'],
  // Run together, as some APIs write them: `errmsg`, `Edesc` (with `EC`), `errormessage`.
  ...['errmsg', 'edesc', 'errormessage', 'errordescription'],
]);
/** Words of the keys an error answer carries beside its words: a code, a status, a success flag, a type. */
const ANSWER_WORDS = new Set([
  ...ERROR_WORDS,
  'code',
  'status',
  'success',
  'ok',
  'type',
  'title',
  'ec',
  'errcode',
  'errno',
  'errorcode',
  'statuscode',
]);
/** A key at the object's first level, read loosely (the body does not parse), right at a quote. */
const KEY = /"([^"\n]{1,40})"[ \t]*:/y;
/** Words just before the object that say it came back: a failure, a status, "it says", "returned". */
const RECEIVED_CUE =
  /(?:\b(?:says?|said|returns?|returned|respon\w*|replie[sd]|got|gets|getting|receiv\w*|answer\w*|error!?|fail\w*|message)\b|\b[45]\d\d\b)[^\n{]{0,40}$/i;
/** Words that say the object is what the writer sent ("a 400 when I send this:"): their own body. */
const SENT_CUE = /\b(?:send(?:s|ing)?|sent|post(?:s|ed|ing)?)\s+(?:this|these|the following|it|my|a|the)\b|\b(?:payload|my body)\b/i;
/** The words of a key: `errorMessage`, `error_code`, `status-code`. */
const keyWords = (key: string): string[] => key.split(/[_\-\s]+|(?<=[a-z])(?=[A-Z])/).map((word) => word.toLowerCase());
/** How far back the cue is read: the line before, past a blank line and a code fence. */
const CUE_REACH = 160;

/** Keys of the object's first level: those not inside a nested object or array. */
function topLevelKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    else if (char === '"') {
      if (depth === 1) {
        KEY.lastIndex = i;
        const match = KEY.exec(body);
        if (match) {
          keys.push(match[1] ?? '');
          i = match.index + match[0].length - 1;
          continue;
        }
      }
      inString = true;
    }
  }
  return keys;
}

/** True when the object at `start` is an error answer the text says came back. */
export function isReceivedErrorObject(text: string, start: number, body: string): boolean {
  const keys = topLevelKeys(body).map(keyWords);
  // Most keys (more than half), not all: answers carry a name or a kind beside their words (`name`, `kind`, `metadata`).
  const answerKeys = keys.filter((words) => words.every((word) => ANSWER_WORDS.has(word))).length;
  if (keys.length === 0 || answerKeys * 2 <= keys.length) return false;
  if (!keys.some((words) => words.some((word) => ERROR_WORDS.has(word)))) return false;
  const before = text.slice(Math.max(0, start - CUE_REACH), start).replace(/[\s`'"]*$/, '');
  const cue = before
    .replace(/\n\s*\n/g, '\n')
    .split('\n')
    .slice(-2)
    .join(' ');
  return RECEIVED_CUE.test(cue) && !SENT_CUE.test(cue);
}
