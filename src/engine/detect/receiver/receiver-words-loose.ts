// The receiver's message where its error body is not JSON the parser accepts: a Python dict
// (`{'error': {'message': 'Incorrect API key provided: …'}}`), a JavaScript or Clojure object
// print (`message: 'Invalid token'`, `:message "Invalid API Key"`), a body cut short, a body
// escaped inside a string (`{\"message\":\"Missing bearer…\"}`), or an SDK's "Error message: …".
// Only a message worded as an error counts: `message: 'Webhook received'` is no receiver's error.
import { execAt } from '../shared/text-match';
import { isFailingSlug } from './receiver-words-slug';

/**
 * The key names a message sits under, in any case (`Message:` of a Go or .NET print); found first,
 * as plain words, so the scan stays cheap. `error` counts only as a quoted key (`"error": "…"`):
 * bare, it starts a log line's words; so does `errors`. Its opening quote is checked after the match
 * (isUnquotedError): a lookbehind here would make V8 try the whole alternation at every
 * character, several times slower.
 */
const MESSAGE_KEY_NAME = /message|error_?description|error_?message|errmsg|faultstring|details?|description|errors?(?=\\?["'])/gi;

/**
 * A bare `error` or `errors` (in any case) is no key: MESSAGE_KEY_NAME's `error` counts only after a
 * quote. Quoted, `errors` may hold the message itself (Shopify's `{"errors":"[API] Invalid API key …"}`,
 * often escaped inside an exception's repr of the response).
 */
const isUnquotedError = (text: string, key: RegExpExecArray): boolean =>
  /^errors?$/i.test(key[0]) && !(key.index > 0 && (text[key.index - 1] === '"' || text[key.index - 1] === "'"));

/**
 * What follows a key: a closing quote or bracket (any way quoted: `"detail"`, `[detail]` of PHP's
 * print_r, `@detail` of Ruby's inspect), a separator (`:`, `=`, `=>`, "is:" after a prose "the
 * error message is: …", or the space of a Clojure `:message "…"`), and the value, quoted with any
 * quote (Python 2 may prefix it with `u`; curly quotes of a body pasted through a word processor or
 * a chat, `“message”:“…”`; a double-quoted one may wrap onto a second line; one
 * the text cuts off before its closing quote runs to the end) or
 * running to the end of its item. Each part excludes its own end mark, so one pass decides it.
 */
const VALUE_AFTER_KEY =
  /(?:\\?["'”]|\])?[ \t]*(?:(?:(?<=message)[ \t]+(?:is|was|reads|says))?[ \t]*(?:=>|[:=])[ \t]*|(?<=:\w+)[ \t]+)(?:\\"((?:[^"\\\n]|\\[^"\n]){1,400}?)\\"|[uU]?"((?:[^"\\\n]|\\.){1,400}?(?:\n(?:[^"\\\n]|\\.){1,200}?)?)(?:"|(?=\s*$))|[uU]?'((?:[^'\\\n]|\\.){1,400}?)(?:'|(?=\s*$))|“([^”\n]{1,400}?)”|([^\s"'“{}[\],*`=][^{}\n,]{0,400}))/iy;

const TRAILING_QUOTES = /["'”`]+[ \t]*$/;

const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;

/**
 * Words of a message that reports a failure: error words, a negation of what was needed ("not
 * provided", "aren't available", "doesn't have the permission"), a receiver's plea ("Please
 * provide an API key", "Please do not include …"), a requirement ("Requires authentication"),
 * the absence of a credential told first ("No auth token", "No authentication handler …"), a
 * refused action ("User: … is not authorized to perform: s3:PutObject", which says more than a bare
 * "Not authorized"), a limit reached ("You have reached your secondly limit."), a body it could not
 * read (GitHub's "Problems parsing JSON").
 */
export const ERROR_WORDS =
  /\b(?:error|fail\w*|invalid|unauthori[sz]ed|unauthenticated|unverified|unsupported|forbidden|denied|permission|(?:not|(?:is|are|was|were|do|does|did|has|have|had)n't) (?:\w+ ){0,2}?(?:found|allowed|valid|provided?|supplied|configured|defined|set|supported|permitted|recogni[sz]ed|verified|exist|one of|available|accessible|readable|have|enough)|cannot|can't|could(?:n't| not)|missing|required|requires? (?:\w+ ){0,2}?(?:authentication|authori[sz]ation|key|token|scope)|please (?:provide|enter|include|specify|pass|do not|don't)|reject\w*|exceed\w*|too (?:many|large|long)|bad|wrong|expired|incorrect|malformed|unable|problems? (?:parsing|reading|decoding)|must|already|no such|unrecogni[sz]ed|unknown|unavailable|no (?:\w+ ){0,2}?(?:available|found)|^no (?:\w+ ){0,4}?(?:tokens?|keys?|credentials?|authentication|authori[sz]ation|handler|permission|access|session)|insufficient|unprocessable|(?:marked|flagged) as (?:inactive|invalid)|throttl\w*|rate[- ]limit\w*|(?:not|n't) match\w*|mismatch\w*|(?:not|n't) authori[sz]ed to|reached (?:\w+ ){0,3}?(?:limit|quota)s?)\b/i;

/** A snake-case code (`invalid_grant`, `channel_not_found`) read as the words it joins. */
const SLUG = /^[a-z]+(?:_[a-z0-9]+)+$/i;
/**
 * Error words of Chinese, Japanese and Korean messages (无效 "invalid", 错误 "error", 过期 "expired",
 * 不匹配 "does not match", 缺少 "missing", 超过 "exceeds"):
 * only for a body's message field, where a CJK value is the receiver's; in prose they are a writer's.
 */
export const CJK_ERROR_WORDS =
  /无效|無效|錯誤|错误|失败|失敗|过期|過期|不正确|不存在|未授权|不匹配|不一致|非法|缺少|超过|超出|不允许|禁止|無効|エラー|오류|실패|잘못/;
/** "Not authenticated": a body field's refusal; after a status in prose it only restates 401. */
const NOT_SIGNED_IN = /\bnot (?:authenticated|authori[sz]ed)\b/i;

/** True when a body field's message is worded as an error (see ERROR_WORDS), a snake-case code included. */
export function saysError(message: string): boolean {
  return ERROR_WORDS.test(message) || CJK_ERROR_WORDS.test(message) || NOT_SIGNED_IN.test(message) || isFailingCode(message);
}

/** A snake-case code that reports a failure (`invalid_auth`, `channel_not_found`), read as the words it joins. */
export const isFailingCode = (message: string): boolean =>
  SLUG.test(message) && (ERROR_WORDS.test(message.replace(/_/g, ' ')) || isFailingSlug(message.toLowerCase()));

/**
 * The sender's own client speaking (`Request failed with status code 404`, `CURL HTTP Request
 * Failed: Status Code : 400`, Python requests'
 * `403 Client Error: Forbidden for url: …`, urllib's `HTTP Error 429: Too Many Requests`, `net/http: request
 * canceled`, `Post "https://…": x509: …`), a template's placeholder or format (`failed: %s`), or a bare status line
 * (`message="401 Unauthorized"`, which the status finding already says): not the receiver's words.
 */
const NOT_THE_RECEIVER =
  /\brequest failed with status code\b|\breturned code [1-5]\d\d\b|^HTTP Error \d{3}\b|\b(?:client|server) error: .{0,40}\bfor url\b|^(?:client|server) error:?$|net\/http|\b(?:get|post|put|patch|delete)\s+"?https?:|\bdial tcp\b|\bE(?:CONN\w+|TIMEDOUT|NOTFOUND)\b|\bx509\b|^[{<$][^\s]*[}>]$|^(?:string|text|test message|sample message|error message|message|\.\.\.|…)$|^(?:failed to fetch|fetch failed)$|%[sdvqw]\b|^(?:HTTP\/[\d.]+\s+)?[1-5]\d\d(?:\s+[A-Za-z' -]{1,40})?$/i;

/**
 * Packages of the JVM and its server frameworks: Spring's `HttpMessageNotReadableException:
 * JSON parse error: …` is the writer's own server reporting a request it could not read.
 */
export const SERVER_FRAMEWORK_PACKAGE =
  /^(?:java|javax|jakarta|jdk|sun|kotlin|org\.springframework|org\.apache|org\.glassfish|org\.eclipse|com\.fasterxml|io\.netty|io\.micronaut|io\.quarkus|reactor)\./;

/**
 * A client telling of the receiver in the third person ("the server returns an error", "The
 * request to the Slack API failed."): the receiver's own words speak of the request, not of itself.
 */
const CLIENT_NARRATION =
  /^(?:error message:[ \t]*)?(?:the|an?) (?:(?:remote )?server|api|endpoint|service|request to [^.\n]{1,60}?)(?: \w+){0,2}? (?:returns?|returned|responded|failed)\b/i;

/**
 * A client library telling the developer how to set it up ("You can set your API key in code using
 * 'openai.api_key = <API-KEY>'", "the OPENAI_API_KEY environment variable is missing"): a check the
 * SDK made before any request left, since a receiver knows nothing of the sender's code or
 * environment.
 */
const CLIENT_SETUP_ADVICE =
  /\bin (?:your )?code using\b|\benvironment variable\b|\bapi_?key(?:_path)?[ \t]*=|\bset your api key using\b|\binstantiate the (?:\w+ )?client\b/i;

/**
 * A webhook library checking a signature on the writer's own server: Stripe's "No signatures found
 * matching the expected signature for payload" and "The expected signature was not found in the
 * Stripe-Signature header", Standard Webhooks' "No matching signature found".
 */
const OWN_SIGNATURE_CHECK = /\bno (?:matching )?signatures? found\b|\bexpected signature\b/i;

/**
 * A client narrating the status it got, in words no receiver writes of its own answer: a status
 * after "status" or "status code" (STATUS_AFTER_WORD, which also reads curl's `Status Code : 400`
 * for NOT_THE_RECEIVER), an enum's name for it
 * (.NET's `with status code Unauthorized`), a bracketed pair (`[502:BadGateway]`), "HTTP request
 * failed", Spring's `Server Error for HTTP POST`.
 */
const STATUS_NARRATION =
  /\bstatus code (?:[A-Z][a-z]+){1,4}\b|\[[1-5]\d\d[ \t]*:[ \t]*[A-Za-z]+\]|\bHTTP request failed\b|\bfor HTTP (?:GET|POST|PUT|PATCH|DELETE)\b/;

/** A status after "status" or "status code" (`status: 429`, `Status Code : 400`), in any case. */
const STATUS_AFTER_WORD = /\bstatus(?:[ _]?code)?[ \t]*[:=]?[ \t]*[1-5]\d\d\b/i;

/**
 * What a message field holds in a schema or a template rather than an answer: words that describe
 * the message itself (`Human-readable message`, `Message describing the error`, `A description of
 * the error`), or a code expression that reads it (`error?.response?.data?.message`, `err.message`).
 * A receiver's own rule of the same words (`Message for recipient exceeds 160 characters`) names
 * something else than an error after its "of" or "for", and its dotted error codes
 * (`error.auth.invalid_token`) neither use `?.` nor read a response's fields.
 */
const MESSAGE_PLACEHOLDER =
  /^(?:an? |the )?(?:(?:human[- ]readable|short|detailed|brief|optional|descriptive|plain[- ]text) )*(?:error )?(?:message|description|explanation|text)(?: (?:(?:describing|explaining|that describes)\b[^.]{0,40}|(?:about|of|for) (?:the |this |an? )?(?:error|failure|problem)s?|(?:goes )?here))?\.?$|^(?=[\w$.]*\?\.)[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+$|^(?:err|error|e|res|response)\??\.(?:message|data|response)(?:\??\.[A-Za-z_$][\w$]*)*$/i;

/** False for words that are the sender's own client, its own server's framework or a placeholder, whatever body holds them. */
export function isFromReceiver(message: string): boolean {
  return (
    !NOT_THE_RECEIVER.test(message) &&
    !STATUS_NARRATION.test(message) &&
    !STATUS_AFTER_WORD.test(message) &&
    !MESSAGE_PLACEHOLDER.test(message) &&
    !OWN_SIGNATURE_CHECK.test(message) &&
    !SERVER_FRAMEWORK_PACKAGE.test(message) &&
    !CLIENT_NARRATION.test(message) &&
    !CLIENT_SETUP_ADVICE.test(message)
  );
}

export interface Span {
  start: number;
  end: number;
}

export interface LooseWords {
  start: number;
  end: number;
  message: string;
  /**
   * A quoted value under a message, error, detail or title key: a field of a printed body, not a
   * logger's or a client's `message=…` label, nor a description outside a failed body (see
   * DESCRIPTION_KEY).
   */
  bodyField: boolean;
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
    if (!isBodyKey(text, key.index, key[0])) continue;
    const value = execAt(VALUE_AFTER_KEY, text, keyEnd);
    if (value === null) continue;
    // An unquoted value runs to the end of its item; a quote there closes the text around it.
    const message = unescape(value[1] ?? value[2] ?? value[3] ?? value[4] ?? value[5]?.replace(TRAILING_QUOTES, '') ?? '').trim();
    if (message.length < 3 || !saysError(message) || !isFromReceiver(message) || namesRuntimeError(text, key.index)) continue;
    // A value cut off before its closing quote is a message only when it is no nested body.
    if (cutOff(value) && /^[{[]/.test(message)) continue;
    const said = {
      start: key.index,
      end: keyEnd + value[0].length,
      message,
      bodyField: value[5] === undefined && (!DESCRIPTION_KEY.test(key[0]) || bodyDeclaresFailure(text, key.index, keyEnd)),
    };
    // An error's description right after its message says more (n8n's `errorMessage` wraps, `errorDescription` tells).
    const previous = found.at(-1);
    if (previous && ERROR_DESCRIPTION.test(key[0]) && key.index - previous.end <= DESCRIPTION_REACH)
      found[found.length - 1] = { ...said, start: previous.start };
    else found.push(said);
    next = said.end;
  }
  return found;
}

/** True when a quoted value ran to the end of the text without its closing quote. */
const cutOff = (value: RegExpExecArray): boolean => (value[2] !== undefined || value[3] !== undefined) && !/["']$/.test(value[0]);

/**
 * The `name` of a runtime's own error object (`{ name: 'TypeError', message: 'fetch failed' }`):
 * the sender's runtime speaking, whatever its message says.
 */
const RUNTIME_ERROR_NAME =
  /\bname["']?[ \t]*[:=][ \t]*["'](?:Type|Range|Syntax|Reference|Abort|Fetch|Timeout|Aggregate|System)?Error["'][^{}]*$/;
/** How far before a message key its object's `name` is looked for. */
const NAME_REACH = 200;

/** True when the object holding the key at `at` names itself a runtime's error (see RUNTIME_ERROR_NAME). */
const namesRuntimeError = (text: string, at: number): boolean => RUNTIME_ERROR_NAME.test(text.slice(Math.max(0, at - NAME_REACH), at));

/**
 * Keys of a description (`error_description`, `description`). An API spec describes each status
 * under one (`"401": {"description": "Unauthorized"}`), so a description that only repeats a
 * status is a body's field only where its body calls itself a failure: Telegram's
 * `{"ok":false,"error_code":401,"description":"Unauthorized"}` (see bodyDeclaresFailure).
 */
const DESCRIPTION_KEY = /description/i;

/** The `status` values by which a body calls itself a failure (one list for parsed and loose bodies). */
export const FAILED_STATES: ReadonlySet<string> = new Set(['error', 'fail', 'failed']);
/** The `type` by which a body calls itself a failure (Anthropic's `"type": "error"`). */
export const FAILED_TYPE = 'error';

/**
 * `ok: false`, `'success': False`, `:ok => false`, `"status":"error"`, `"type":"error"`, escaped or
 * not (`\"ok\":false` inside a string), keys in any case: a printed body calls itself a failure, as
 * a parsed one does by the same keys and values (declaresFailure in receiver-words.ts).
 */
const FAILURE_FLAG = new RegExp(
  String.raw`["':]?\b(?:ok|success)\\?["']?[ \t]*(?:=>|[:=])[ \t]*false\b|["'](?:status\\?["'][ \t]*:[ \t]*\\?["'](?:${[...FAILED_STATES].join('|')})|type\\?["'][ \t]*:[ \t]*\\?["']${FAILED_TYPE})\\?["']`,
  'i',
);
/** How far around a loosely read message its body's failure flag is looked for. */
const FLAG_REACH = 200;

/**
 * True when the loosely printed body holding `start`…`end` says itself that the call failed (see
 * FAILURE_FLAG): read from its opening brace, at most FLAG_REACH before, to its closing one, or
 * FLAG_REACH past `end` when the body is cut short.
 */
export function bodyDeclaresFailure(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - FLAG_REACH);
  const braceInReach = text.slice(from, start + 1).lastIndexOf('{');
  if (braceInReach === -1) return false;
  return FAILURE_FLAG.test(text.slice(from + braceInReach, bodyEnd(text, end, end + FLAG_REACH)));
}

/** Where the body open at `from` closes (after its `}`), or `limit` when it does not close before. */
function bodyEnd(text: string, from: number, limit: number): number {
  const stop = Math.min(text.length, limit);
  let depth = 0;
  for (let at = from; at < stop; at++) {
    const char = text.charCodeAt(at);
    if (char === 123 /* { */) depth++;
    else if (char === 125 /* } */ && depth-- === 0) return at + 1;
  }
  return stop;
}
/** The keys of an error's description (`error_description`, `errorDescription`). */
const ERROR_DESCRIPTION = /^error_?description$/i;
/** How far after a message its description may start to stand for it. */
const DESCRIPTION_REACH = 200;
/** How far back on its line a capitalised key looks for the bracket that opens its body. */
const KEY_LINE_REACH = 120;

/**
 * A key written with a capital (`Message:`, `MESSAGE:`) belongs to a body only when quoted or
 * after a bracket on its line (Go's `{Resource:Hook Message:…}`); at the head of a line or in
 * prose it is a logger's or a writer's label.
 */
function isBodyKey(text: string, start: number, key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 65 || first > 90) return true;
  const before = text.charAt(start - 1);
  return before === '"' || before === "'" || insideBracket(text, start);
}

/** True when a brace, bracket or parenthesis opened on the line before `at` is still open there. */
function insideBracket(text: string, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= Math.max(0, at - KEY_LINE_REACH); i--) {
    const code = text.charCodeAt(i);
    if (code === 10) break;
    if (code === 41 || code === 93 || code === 125) depth--;
    else if ((code === 40 || code === 91 || code === 123) && ++depth > 0) return true;
  }
  return false;
}
