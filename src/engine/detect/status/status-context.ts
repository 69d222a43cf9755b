// Context checks around a candidate 3-digit number: is it introduced by a status word ("HTTP",
// "status code", "Fehlercode", "ステータスコード"), and do its neighbours show it is something
// else (a port, a version, a price, a date, a size)? Every check reads a bounded window, so the
// cost per candidate is constant.
import { execAt } from '../shared/text-match';
import { hasAnyPhraseAfter } from './status-reasons';

/** Status words in scripts that put spaces between words; they must start at a word boundary. */
const SPACED_KEYWORDS = [
  // HTTP, HTTPS, HTTP/1.1, HTTP/2 (status lines and "returned HTTP 502").
  'https?(?:\\/\\d(?:\\.\\d)?)?',
  // status, status code, statusCode, status_code, HTTP-Status, http_status, response status,
  // Statuscode (de, nl), HTTP-Statuscode.
  // "Status codes: 400, 401" lists them.
  '(?:(?:https?|response|resp)[\\s_-]?)?status(?:[\\s_-]?codes?)?',
  // code, error code, errorCode, response code, HTTP code; not "zip code 404" and friends.
  '(?<!(?:zip|area|postal|post|country|promo|coupon|discount|voucher|verification|security|access|auth|confirmation|source|exit|bar|qr|pin)[\\s_-]?)(?:(?:https?|response|resp|error|err)[\\s_-]?)?cod(?:e)?',
  // response, HTTP response ("the response is 401", "Response: 500").
  '(?:https?[\\s_-]?)?response',
  // error, HTTP error, err ("errors: 500" is a count, so no plural).
  '(?:https?[\\s_-]?)?err(?:or)?',
  // nginx's directive that names the statuses it serves a page for: `error_page 500 502 504 /50x.html`.
  'error_page',
  // de
  'fehler(?:code)?',
  'antwortcode',
  // fr
  'erreur',
  "code d['’](?:erreur|[ée]tat)",
  'code de (?:statut|r[ée]ponse)',
  'statut',
  // es, pt
  'c[oó]digo de (?:estado|status|error|erro|respuesta|resposta)',
  'erro',
  'errores',
  'erreurs',
  // it
  'codice (?:di )?(?:stato|errore)',
  'errore',
  // nl
  'foutcode',
  'fout',
  // ru
  'код (?:ошибки|состояния|ответа)',
  'ошибка',
];

/** Status words in scripts written without spaces (ja, zh, ko): no word boundary to ask for. */
const UNSPACED_KEYWORDS = [
  'ステータス(?:コード)?',
  'エラー(?:コード)?',
  '状態コード',
  '応答コード',
  '状态码',
  '狀態碼',
  '状态代码',
  '狀態代碼',
  '响应码',
  '錯誤碼',
  '错误码',
  '错误代码',
  '錯誤',
  '错误',
  '상태 ?코드',
  '오류(?: ?코드)?',
  '에러',
  '응답(?: ?(?:코드|값))?(?:이|은|가|는)?',
];

/**
 * Between the status word and the digits: "is"/"was"/"of", "from"/"to" of a change ("the response
 * code from 404 to 422"), then a few of `:="'([` and spaces.
 */
const LINK_WORD = '(?:\\s{1,3}(?:is|was|of|from|to|ist|est|es|é|为|為|是|は))?';
const SEPARATOR_CHARS = '\\s"\'“”‘’:：=(\\[`*\\\\';
const SEPARATOR = `[${SEPARATOR_CHARS}]{0,6}`;

export const KEYWORD_BEFORE = new RegExp(
  `(?:(?<![\\p{L}\\p{N}_])(?:${SPACED_KEYWORDS.join('|')})|(?:${UNSPACED_KEYWORDS.join('|')}))${LINK_WORD}${SEPARATOR}$`,
  'iu',
);

/**
 * The characters KEYWORD_BEFORE's match can end with: a separator, or the last letter or digit of
 * a status word or link word. Any other character right before the number ("16:57:37.921Z",
 * "v2.5.529", "#412") rules the regex out at once; it would otherwise be tried at every offset of
 * its window, for a third of the candidates of a log.
 */
export const KEYWORD_MATCH_LAST = new RegExp(`[\\p{L}\\p{N}\\p{M}${SEPARATOR_CHARS}]`, 'u');

/**
 * Text examined before a candidate: the longest keyword ("response status code", 20) + link
 * word (6) + separator (6), and one character for the word-boundary check. The regex is tried
 * at every offset of this window, so it stays small.
 */
const BEFORE_WINDOW = 34;

/** Offset where a status word introducing the code at `codeStart` begins, or -1. */
export function statusKeywordStart(text: string, codeStart: number): number {
  const windowStart = Math.max(0, codeStart - BEFORE_WINDOW);
  // One hyphen may join the word to the digits ("HTTP-401"); not " - " of a form field.
  const wordEnd = text.charAt(codeStart - 1) === '-' && text.charAt(codeStart - 2) !== ' ' ? codeStart - 1 : codeStart;
  const before = text.slice(windowStart, wordEnd);
  const match = KEYWORD_MATCH_LAST.test(before.charAt(before.length - 1)) ? KEYWORD_BEFORE.exec(before) : null;
  if (match) return windowStart + match.index;
  // Cheap gate first: such a key ends in "s" or "e" (status, codes, code), or a list opens right before the number.
  const snake = mayEndStatusKey(before) ? SNAKE_STATUS_KEY_BEFORE.exec(before) : null;
  return snake ? windowStart + snake.index + snake[0].search(/status/i) : -1;
}

const KEY_SEPARATOR = /[\s"':=]/;

/** True when `before` ends in an "s" or "e" (status, codes, code) and a separator, or in an opening bracket. */
function mayEndStatusKey(before: string): boolean {
  let at = before.length;
  const last = before.charAt(at - 1);
  if (last === '(' || last === '[' || last === '{') return true;
  while (at > before.length - 4 && KEY_SEPARATOR.test(before.charAt(at - 1))) at -= 1;
  const char = before.charAt(at - 1);
  return at < before.length && (char === 's' || char === 'S' || char === 'e' || char === 'E');
}

/**
 * The last part of a snake_case or camelCase key names the status: `NON_RETRYABLE_STATUS_CODES=`,
 * `http_response_status_code:`, `upstream_status=`, `failFastStatusCodes = List.of(`.
 */
const SNAKE_STATUS_KEY_BEFORE =
  /(?:[\p{L}\p{N}]_(?:status|STATUS)(?:_?(?:codes?|CODES?))?|[a-z]Status(?:Codes?)?)[\s"':=]{1,4}(?:[[{(]|(?:List|Set|Arrays)\.(?:of|asList)\(|(?:list|set)Of\()?$/u;

/**
 * Words after a number that make it an amount, not a status ("status 500 recipients", "error 404
 * ms"); not the next key of a key=value log (`status=413 bytes=388`), nor a counted thing that
 * is the next key of a key: value line ("Status: 502 Attempts: 3").
 */
const UNIT_AFTER =
  /[ \t\u00a0]{0,2}(?:%|(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|[kmgt]i?b|bytes?|px|usd|eur|gbp|dollars|euros)(?![\p{L}\p{N}_=])|(?:times|tries|attempts|requests|reqs|calls|emails|messages|recipients|profiles|users|contacts|items|rows|records|orders)(?![\p{L}\p{N}_=:]))/iuy;

/** Chinese and Japanese counters and units: "500个" (500 of them), "429次" (429 times), "500毫秒". */
const CJK_UNIT_AFTER = /[ \t\u00a0]?(?:[个個条條次件名元块塊秒行字人回円]|分钟|分鐘|毫秒|小时|小時)/y;

export function isFollowedByUnit(text: string, codeEnd: number): boolean {
  return execAt(UNIT_AFTER, text, codeEnd) !== null || execAt(CJK_UNIT_AFTER, text, codeEnd) !== null;
}

const DIGIT = /\d/;
const FILE_EXTENSION_AT = /^(?:log|html?|php|json|txt|png|jpe?g|svg|js|css|md)(?![\p{L}\p{N}_])/u;
const ALNUM = /[\p{L}\p{N}]/u;
/** Words after a hyphen that make the number a class of statuses. */
const CLASS_WORD_AFTER = /(?:level|range|series|class|family)(?![\p{L}\p{N}_])/iuy;
/** A measure written as one hyphenated word: "a 500-row cap", "a 400-character limit". */
const MEASURE_WORD_AFTER =
  /(?:rows?|items?|lines?|char(?:acter)?s?|bytes?|records?|messages?|requests?|events?|calls?|contacts?|emails?|users?|entries|entry|second|minute|hour|day|week|month|ms)(?![\p{L}\p{N}_])/iuy;
/** What follows "NNN/" in a status pair rather than a rate: "504/timeout", "502/error". */
const FAILURE_WORD_AFTER_SLASH = /(?:timeouts?|errors?|failures?|failed|fail|timed)(?![\p{L}\p{N}_])/iuy;
/** A rate or quota with spaces around its slash: "500 / month", "400 / min". */
const SPACED_RATE_AFTER =
  /[ \t\u00a0]+\/[ \t\u00a0]*(?:s|sec|second|min|minute|h|hr|hour|day|week|month|year|mo|yr|req|request|user|account)s?(?![\p{L}\p{N}_])/iuy;
/** A neighbour that is itself another status code or class, as in the lists "500/502/503", "429/5xx". */
const STATUS_DIGITS_AT = /^(?:[45]\d\d(?!\d)|[1-5][xX]{2}(?![A-Za-z0-9_]))/;
/** A count over a total with spaces around the slash: "502 / 1000 delivered", "0 / 500 sent". */
const SPACED_FRACTION_AFTER = /[ \t\u00a0]+\/[ \t\u00a0]+(\d+)(?![\d.,])/y;
const SPACED_FRACTION_BEFORE = /(?<![\d.,])(\d+)[ \t\u00a0]+\/[ \t\u00a0]+$/;

/**
 * The other side of a spaced slash makes a fraction when it is no 4xx/5xx code (a list of codes
 * names each once: "429 / 429" is a count of all).
 */
function isFractionSide(side: string | undefined, code: string): boolean {
  return side !== undefined && (side === code || !STATUS_DIGITS_AT.test(side));
}
const COMPARISON_BEFORE = /(?:[<>]=|(?<![-=\w"'\])/])[<>][ \t]|≥|≤)[ \t]?$/;
/** An opening tag right before the digits: `<Code>`, `<td class="x">`. */
const MARKUP_TAG_BEFORE = /<[A-Za-z][^<>\n]{0,40}>$/;
const PRICE_OR_REFERENCE_PREFIX = new Set(['#', '$', '€', '£', '¥', '₹', '+', '@', '№']);
/**
 * A written-out number sign right before the digits, as "#" is: "order no. 404", "Bestellung Nr.
 * 404", "pedido n.º 404", "núm. 500". "no" needs its period ("no 404 errors" counts them).
 */
const NUMBER_SIGN_BEFORE = /(?<![\p{L}\p{N}])(?:no\.|nr\.?|nro\.|n[úu]m\.|n\.?[º°])[ \t\u00a0]?$/iu;

/**
 * True when the characters right before the digits show a non-status number: "order #404",
 * "$500", "v1.403", "1.2.3.4:443", "15:500", "2024-404", "1,500", "0 / 500". A list separator after another
 * status code ("500/502") is allowed by the caller before this check.
 */
export function hasNonStatusPrefix(text: string, codeStart: number): boolean {
  const previous = text.charAt(codeStart - 1);
  const beforePrevious = text.charAt(codeStart - 2);
  if (PRICE_OR_REFERENCE_PREFIX.has(previous)) return !isDiffMark(text, codeStart - 1);
  // A threshold in code or docs: "statusCode >= 400", ">=500", "< 500".
  if (COMPARISON_BEFORE.test(text.slice(Math.max(0, codeStart - 4), codeStart))) return true;
  // "statusCode>400" compares, where "<Code>401" is an element's value.
  if (previous === '>' && /[\w)]/.test(beforePrevious)) return !MARKUP_TAG_BEFORE.test(text.slice(Math.max(0, codeStart - 42), codeStart));
  if (previous === '.' || previous === ' ' || previous === '\u00a0' || previous === 'º' || previous === '°') {
    if (NUMBER_SIGN_BEFORE.test(text.slice(Math.max(0, codeStart - 7), codeStart))) return true;
  }
  if (previous === ' ' || previous === '\u00a0') {
    const before = SPACED_FRACTION_BEFORE.exec(text.slice(Math.max(0, codeStart - 16), codeStart))?.[1];
    if (isFractionSide(before, text.slice(codeStart, codeStart + 3))) return true;
  }
  if (previous === '.') return ALNUM.test(beforePrevious);
  if (previous === ':' || previous === '-' || previous === '/' || previous === ',') {
    return DIGIT.test(beforePrevious) || (previous === '-' && isSlugValue(text, codeStart));
  }
  return false;
}

/**
 * The start of a JSON string value that is one slug ending in "-" right before the digits, under a
 * key that names no status: `"template":"error-500"`, `"campaign":"spring-404"`.
 */
const SLUG_VALUE_BEFORE = /"([A-Za-z_][\w.-]{0,40})"[ \t]?:[ \t]?"[A-Za-z][\w.]{0,40}-$/;
/** The rest of that slug after the digits, up to the string's closing quote. */
const SLUG_REST_AFTER = /[\w.-]{0,40}"/y;
/** A key whose value may well be a status written with a word: `"error":"http-500"`. */
const STATUS_KEY = /status|code|error|http|response|result/i;

/** True when the digits end a slug that is a whole JSON string value under a key naming no status. */
function isSlugValue(text: string, codeStart: number): boolean {
  const key = SLUG_VALUE_BEFORE.exec(text.slice(Math.max(0, codeStart - 90), codeStart))?.[1];
  return key !== undefined && !STATUS_KEY.test(key) && execAt(SLUG_REST_AFTER, text, codeStart + 3) !== null;
}

/**
 * The line before a diff row starts with a diff's own mark: `-409  | Conflict`, `@@ … @@`, or an
 * added table delimiter `+-|-` (not `+++`/`---`, a file header).
 */
const DIFF_LINE_BEFORE = /(?:^|\n)(?:\+[^+\n]|-[^-\n]|@@)[^\n]*\n$/;

/** A `+` opening a line of a diff whose line before is a diff row too: the row was added. */
function isDiffMark(text: string, at: number): boolean {
  if (text.charAt(at) !== '+' || (at > 0 && text.charAt(at - 1) !== '\n')) return false;
  return DIFF_LINE_BEFORE.test(text.slice(Math.max(0, at - 200), at));
}

/**
 * True when the characters right after the digits show a non-status number: "403.2", "404:5",
 * "555-0123", "500,000", "404%", "500/min", "500 / month", "502 / 1000", "a 500-row cap". A following status code
 * in a list ("500/502", "500,502") or a failure word after a slash ("504/timeout") does not count.
 */
export function hasNonStatusSuffix(text: string, codeEnd: number): boolean {
  const next = text.charAt(codeEnd);
  const afterNext = text.charAt(codeEnd + 1);
  if (next === '%' || next === '°') return true;
  // A file name: "error-500.log", "500.html".
  if (next === '.' && FILE_EXTENSION_AT.test(text.slice(codeEnd + 1, codeEnd + 7))) return true;
  // A class written out: "500-level errors", "400-series".
  if (next === '-' && execAt(CLASS_WORD_AFTER, text, codeEnd + 1) !== null) return true;
  if (next === '-' && execAt(MEASURE_WORD_AFTER, text, codeEnd + 1) !== null) return true;
  if (execAt(SPACED_RATE_AFTER, text, codeEnd) !== null) return true;
  if (isFractionSide(execAt(SPACED_FRACTION_AFTER, text, codeEnd)?.[1], text.slice(codeEnd - 3, codeEnd))) return true;
  if (next === '/' && execAt(FAILURE_WORD_AFTER_SLASH, text, codeEnd + 1) !== null) return false;
  if (next === '.' || next === ':' || next === '-') return DIGIT.test(afterNext);
  const joinsNumber = next === ',' ? DIGIT.test(afterNext) : next === '/' && ALNUM.test(afterNext);
  return joinsNumber && !STATUS_DIGITS_AT.test(text.slice(codeEnd + 1, codeEnd + 5));
}

/** Between two codes of one list: "/", ",", "|", "or", "and" (and a few translations), CJK commas ("500、501"). */
const LIST_GAP =
  /^[ \t\u00a0]{0,2}(?:[/,|&、，][ \t\u00a0]{0,2}|,?[ \t\u00a0]{1,2}(?:or|and|to|und|oder|et|ou|y|o|e|en)[ \t\u00a0]{1,2})$/i;

/** Longest gap between two codes of one list (", or " with spaces around). */
const MAX_LIST_GAP = 8;

/** True when text[from, to), between an accepted code and the next digits, joins a list. */
export function isListGap(text: string, from: number, to: number): boolean {
  return to > from && to - from <= MAX_LIST_GAP && LIST_GAP.test(text.slice(from, to));
}

/** An SMTP enhanced status right after the number: "550 5.1.1", "421 4.7.0". */
const SMTP_ENHANCED_AFTER = /[ \t\u00a0-]{1,3}[245]\.\d{1,3}\.\d{1,3}(?!\d)/y;
/** Words on the same line before the number that show a mail server's reply, not HTTP. */
const SMTP_BEFORE = /smtp|postfix|exim|sendmail|rcpt to|mail from|mailbox|mail server|mx server|bounce[ds]?|dsn/i;
/** How far before the number, on its line, such a word may stand. */
const SMTP_BEFORE_WINDOW = 60;

/**
 * A whole text about mail delivery: an SMTP word, a mail transfer agent, a mail library's own
 * error code (nodemailer's `EAUTH`), a reply with its enhanced status or a multi-line reply's
 * `550-…` continuation, mail told as deferred or incoming, a blocklist (RBL, Spamhaus).
 */
const SMTP_TEXT =
  /\bsmtp\b|esmtp|mail ?server|mailbox|postfix|\bexim\b|sendmail|nodemailer|\behlo\b|rcpt to|mail from:|\bMTA\b|\bEAUTH\b|\b[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b|^[245]\d\d-[^\s\d]|\b(?:incoming|outgoing|inbound|deferred) e-?mails?\b|\bemails? (?:deferred|bounced|rejected)|\b(?:rbl|spamhaus|greylist\w*|junk ?mail)\b/im;
/** Reply codes SMTP shares with HTTP's range; only these can be a mail server's reply. */
const SMTP_CODES = /^(?:421|45[0-5]|50[0-4]|53[0-8]|55[0-6])$/;
/**
 * Of those, the ones that near words of mail delivery are SMTP's even without a reply phrase: HTTP
 * has no 530-538 and rarely sends 421 or 45x/55x, where SMTP's authentication and mailbox replies live.
 */
const SMTP_SHARED = /^(?:421|45[0-5]|53[0-8]|55[0-6])$/;

/**
 * The words of an SMTP reply right after its code, as mail libraries print it: "535 Authentication
 * Failed", "535 Error: authentication failed", "535 5.7.3 Authentication unsuccessful", "554
 * Message rejected", "550 Relaying denied". HTTP's reason phrases never read so.
 */
const SMTP_REPLY_AFTER =
  /[ \t\u00a0-]{1,3}(?:[245]\.\d{1,3}\.\d{1,3}[ \t]+)?(?:error:?[ \t]+)?(?:authentication (?:failed|unsuccessful|required|credentials invalid)|incorrect authentication|username and password not accepted|message rejected|relay(?:ing)? (?:denied|access denied|not permitted)|mailbox (?:unavailable|not found|full)|user unknown|(?:sender|recipient) address rejected|the (?:from|sender|recipient) address)/iy;

/** How far around a shared code the text is read for signs of mail delivery. */
const MAIL_CONTEXT_WINDOW = 400;

/**
 * True when the number is a mail server's reply code (SMTP shares 421, 450-455 and 550-556 with
 * HTTP's range): bounces are a common sight in ESP logs. Near words of mail delivery such a
 * code is SMTP's unless "HTTP" names it.
 */
export function isSmtpReplyCode(text: string, codeStart: number, codeEnd: number): boolean {
  if (ROUND_CLASS.test(text.slice(codeStart, codeEnd))) return isSmtpReplyClass(text, codeStart, codeEnd);
  if (!SMTP_CODES.test(text.slice(codeStart, codeEnd))) return false;
  if (execAt(SMTP_ENHANCED_AFTER, text, codeEnd) !== null || execAt(SMTP_REPLY_AFTER, text, codeEnd) !== null) return true;
  const before = text.slice(Math.max(0, codeStart - SMTP_BEFORE_WINDOW), codeStart);
  if (SMTP_BEFORE.test(before.slice(before.lastIndexOf('\n') + 1))) return true;
  if (!SMTP_SHARED.test(text.slice(codeStart, codeEnd))) return false;
  return isNearMailDelivery(text, codeStart, codeEnd) && !/http/i.test(text.slice(Math.max(0, codeStart - 12), codeStart));
}

/** True for the numbers SMTP uses as reply codes too (421, 450-455, 500-504, 530-538, 550-556). */
export function isSmtpCode(text: string, codeStart: number, codeEnd: number): boolean {
  return SMTP_CODES.test(text.slice(codeStart, codeEnd));
}

/** True when the text around the number speaks of mail delivery. */
export function isNearMailDelivery(text: string, codeStart: number, codeEnd: number): boolean {
  return SMTP_TEXT.test(text.slice(Math.max(0, codeStart - MAIL_CONTEXT_WINDOW), codeEnd + MAIL_CONTEXT_WINDOW));
}

/**
 * An API's own error number, named by a PascalCase `ErrorCode` key or a provider's exception:
 * Postmark's `{"ErrorCode": 406, "Message": …}` (Ruby's `"ErrorCode"=>406`, XML's `<ErrorCode>`),
 * `postmarkApiErrorCode`, "PostmarkException Code 406", prose's "Postmark ErrorCode 406". Such numbers overlap HTTP's range (406 is
 * Postmark's "inactive recipient", sent with HTTP 422) but are not statuses. A camel-case
 * `errorCode` often repeats the status, so only the PascalCase key counts.
 */
const API_ERROR_NUMBER_BEFORE =
  /(?:(?<![A-Za-z])ErrorCode|ApiErrorCode)["']?[ \t]*(?:=>|[:=>])?[ \t]*["']?$|PostmarkException(?:[ \t]+Code)?[ \t:]*$/;

export function isApiErrorNumber(text: string, codeStart: number): boolean {
  const before = text.slice(Math.max(0, codeStart - 40), codeStart);
  // Cheap gate first: most numbers have neither name before them.
  return (before.includes('ErrorCode') || before.includes('PostmarkException')) && API_ERROR_NUMBER_BEFORE.test(before);
}

/** Text read before a quoted number for the tag it may be an attribute of. */
const MARKUP_WINDOW = 200;
/** `width="` right before the digits: an attribute name, `=`, a quote. */
const ATTRIBUTE_BEFORE = /[\s<][A-Za-z][\w:-]{0,30}=["']$/;
/** Attributes whose value may well be a status (`data-status="404"`, `code="500"`). */
const STATUS_ATTRIBUTE = /(?:status|code)[\w:-]{0,10}=["']$/i;

/**
 * True when the number is the value of a markup attribute inside an open tag, such as the
 * width of a pasted screenshot (`<img width="422" height="419">`): a size, not a status.
 */
export function isMarkupAttributeValue(text: string, codeStart: number): boolean {
  const quote = text.charAt(codeStart - 1);
  // Cheap gate first: only an attribute has `="` right before its value.
  if ((quote !== '"' && quote !== "'") || text.charAt(codeStart - 2) !== '=') return false;
  const before = text.slice(Math.max(0, codeStart - MARKUP_WINDOW), codeStart);
  if (!ATTRIBUTE_BEFORE.test(before) || STATUS_ATTRIBUTE.test(before)) return false;
  return before.lastIndexOf('<') > before.lastIndexOf('>');
}

/**
 * A range of statuses names a class, not one status: "400-499", "500 ~ 599", "400–499", "500
 * through 504", "between 400 and 499", "from 500 to 599". A sign (dash, tilde, "through") joins
 * any lower and higher bound; "to" and "and" read as a range only after "between" or up to an
 * x99, since "changed from 401 to 403" and "401 and 403" name two statuses.
 */
const RANGE_AFTER =
  /(?:[ \t\u00a0]{0,2}([-–—~〜～])[ \t\u00a0]{0,2}|[ \t\u00a0]{1,2}(through|thru|to|and|und|et|y|bis)[ \t\u00a0]{1,2})([1-5]\d\d)(?![\d.,:])/iy;
const RANGE_BEFORE =
  /(?<![\d.,:])([1-5]\d\d)(?:[ \t\u00a0]{0,2}([-–—~〜～])[ \t\u00a0]{0,2}|[ \t\u00a0]{1,2}(through|thru|to|and|und|et|y|bis)[ \t\u00a0]{1,2})$/i;
const BETWEEN_BEFORE = /(?<![\p{L}])(?:between|zwischen|entre)[ \t\u00a0]{1,2}$/iu;
/** Longest text before a number that RANGE_BEFORE reads: "500 through ". */
const RANGE_BEFORE_WINDOW = 16;

/** True when `lower` and `upper`, joined by a sign or by `word`, bound a range; `lowerStart` is where the lower bound starts. */
function boundsRange(text: string, lower: number, upper: number, word: string | undefined, lowerStart: number): boolean {
  if (upper <= lower) return false;
  if (word === undefined) return true;
  const joiner = word.toLowerCase();
  if (joiner === 'through' || joiner === 'thru' || joiner === 'bis') return true;
  if (BETWEEN_BEFORE.test(text.slice(Math.max(0, lowerStart - 12), lowerStart))) return true;
  return joiner === 'to' && upper % 100 === 99;
}

/** The signs that join two bounds. */
const RANGE_SIGNS = '-–—~〜～';
/** The words that join two bounds, as RANGE_AFTER and RANGE_BEFORE spell them. */
const RANGE_WORDS = new Set(['through', 'thru', 'to', 'and', 'und', 'et', 'y', 'bis']);
/** The first and the last letters of RANGE_WORDS: a cheap test before a word is read. */
const RANGE_WORD_FIRST = 'tauyeb';
const RANGE_WORD_LAST = 'houdtys';
/** The longest of RANGE_WORDS. */
const MAX_RANGE_WORD = 7;

const isSpace = (char: string): boolean => char === ' ' || char === '\t' || char === '\u00a0';
const isDigitAt = (text: string, at: number): boolean => text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57;
/** A Latin letter at `at`, either case. */
const isLetterAt = (text: string, at: number): boolean => {
  const lower = text.charCodeAt(at) | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
};

/** Where the spaces (at most two) that start at `at` end, walking forward (`step` 1) or back (`step` -1). */
function pastSpaces(text: string, at: number, step: 1 | -1): number {
  let cursor = at;
  const peek = step === 1 ? 0 : -1;
  while (Math.abs(cursor - at) < 2 && isSpace(text.charAt(cursor + peek))) cursor += step;
  return cursor;
}

/**
 * True when the text between the number ending at `from` and the one starting at `to` could join
 * two bounds: a sign, or a joining word between spaces. Read with character tests, without a
 * regex or a slice until the shape is there, since most numbers in a log have neither.
 */
function mayJoinBounds(text: string, from: number, to: number): boolean {
  const start = pastSpaces(text, from, 1);
  const end = pastSpaces(text, to, -1);
  if (end - start === 1) return RANGE_SIGNS.includes(text.charAt(start));
  if (start === from || end === to || end - start > MAX_RANGE_WORD) return false;
  for (let at = start; at < end; at++) if (!isLetterAt(text, at)) return false;
  return RANGE_WORDS.has(text.slice(start, end).toLowerCase());
}

/** Where a lower bound may end before the number at `codeStart`: past spaces, a word or sign, spaces. */
function lowerBoundEnd(text: string, codeStart: number): number {
  let cursor = pastSpaces(text, codeStart, -1);
  if (RANGE_SIGNS.includes(text.charAt(cursor - 1)) && cursor > 0) return pastSpaces(text, cursor - 1, -1);
  if (!RANGE_WORD_LAST.includes(text.charAt(cursor - 1).toLowerCase()) || cursor === 0) return -1;
  const wordEnd = cursor;
  while (cursor > wordEnd - MAX_RANGE_WORD && cursor > 0 && isLetterAt(text, cursor - 1)) cursor -= 1;
  return cursor === wordEnd ? -1 : pastSpaces(text, cursor, -1);
}

/** Where an upper bound may start after the number ending at `codeEnd`. */
function upperBoundStart(text: string, codeEnd: number): number {
  let cursor = pastSpaces(text, codeEnd, 1);
  if (RANGE_SIGNS.includes(text.charAt(cursor)) && cursor < text.length) return pastSpaces(text, cursor + 1, 1);
  if (!RANGE_WORD_FIRST.includes(text.charAt(cursor).toLowerCase()) || cursor === text.length) return -1;
  const wordStart = cursor;
  while (cursor < wordStart + MAX_RANGE_WORD && isLetterAt(text, cursor)) cursor += 1;
  return cursor === wordStart ? -1 : pastSpaces(text, cursor, 1);
}

/** A space or a sign: what stands right next to a bound on the side of the other one. */
function isJoinEdge(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 0xa0 ||
    code === 45 ||
    code === 126 ||
    code === 0x2013 ||
    code === 0x2014 ||
    code === 0x301c ||
    code === 0xff5e
  );
}

/**
 * A threshold told in words names a class, not a status: "an HTTP error code above 400", "acima de
 * 400", "status greater than 499", "400 and above", "500以上". Read before and after the number.
 */
const THRESHOLD_BEFORE =
  /(?<![\p{L}])(?:above|greater than|higher than|larger than|below|less than|lower than|at least|at most|acima de|abaixo de|maior que|menor que|superior a|inferior a|por encima de|por debajo de|mayor que|über|unter|größer als|kleiner als|au-dessus de|en dessous de|supérieur à|inférieur à|supérieurs? à)[ \t\u00a0]{1,2}$/iu;
const THRESHOLD_AFTER =
  /[ \t\u00a0]?(?:以上|以下|未満|を超える|(?:or|and|und|ou|e|y|et)[ \t\u00a0]+(?:above|higher|greater|over|up|acima|superior|mais|más|plus|darüber|höher)(?![ \t\u00a0]+(?:response|body|message|error|output|log)))/iuy;

export function isThresholdInWords(text: string, codeStart: number, codeEnd: number): boolean {
  return THRESHOLD_BEFORE.test(text.slice(Math.max(0, codeStart - 20), codeStart)) || execAt(THRESHOLD_AFTER, text, codeEnd) !== null;
}

export function isRangeBound(text: string, code: number, codeStart: number, codeEnd: number): boolean {
  // Cheapest gate first: most numbers have neither a space nor a sign on either side.
  const joinsAfter = isJoinEdge(text.charCodeAt(codeEnd));
  if (!joinsAfter && !isJoinEdge(text.charCodeAt(codeStart - 1))) return false;
  // Then a digit must stand where the other bound would, past a sign or a word.
  const upper = joinsAfter ? upperBoundStart(text, codeEnd) : -1;
  if (upper > 0 && isDigitAt(text, upper) && mayJoinBounds(text, codeEnd, upper)) {
    const after = execAt(RANGE_AFTER, text, codeEnd);
    if (after !== null && boundsRange(text, code, Number(after[3]), after[2], codeStart)) return true;
  }
  const lower = lowerBoundEnd(text, codeStart);
  if (lower <= 0 || !isDigitAt(text, lower - 1) || !mayJoinBounds(text, lower, codeStart)) return false;
  const windowStart = Math.max(0, codeStart - RANGE_BEFORE_WINDOW);
  const before = RANGE_BEFORE.exec(text.slice(windowStart, codeStart));
  if (before === null) return false;
  return boundsRange(text, Number(before[1]), code, before[3], windowStart + before.index);
}

/** An XML element that holds a status: `<Code>401</Code>`, `<StatusCode>503</StatusCode>`. */
const STATUS_ELEMENT_BEFORE = /<(?:[\w-]{1,20}:)?(?:http)?(?:status|code|statuscode|errorcode|httpstatus)>$/i;

export function isStatusElement(text: string, codeStart: number, codeEnd: number): boolean {
  return text.startsWith('</', codeEnd) && STATUS_ELEMENT_BEFORE.test(text.slice(Math.max(0, codeStart - 32), codeStart));
}

/** Longest request path read before a number. */
const MAX_PATH = 200;
const PATH_START = /[\s"'`(]/;
const DIGITS_AND_SLASHES = /^[\d/.-]+$/;
const LINE_END_AFTER = /["'`]?[ \t]*(?:\r?\n|$)/y;

/**
 * A number that ends its line right after a request path or URL, as browser consoles and short
 * logs print a failed request: "require.js?cache=12 404", "/api/hook 502". A date (`12/05`) is no
 * path.
 */
export function endsLineAfterPath(text: string, codeStart: number, codeEnd: number): boolean {
  if (execAt(LINE_END_AFTER, text, codeEnd) === null) return false;
  let end = codeStart;
  while (end > codeStart - 3 && (text.charAt(end - 1) === ' ' || text.charAt(end - 1) === '\t')) end -= 1;
  if (end === codeStart) return false;
  let start = end;
  while (start > 0 && end - start < MAX_PATH && !PATH_START.test(text.charAt(start - 1))) start -= 1;
  const token = text.slice(start, end);
  return token.includes('/') && !DIGITS_AND_SLASHES.test(token) && (start === 0 || PATH_START.test(text.charAt(start - 1)));
}

/** 400 and 500 are SMTP's reply classes as much as HTTP statuses. */
const ROUND_CLASS = /^[45]00$/;
/** A status word right before the number: then it is HTTP's, whatever the text is about. */
const STATUS_WORD_RIGHT_BEFORE = /(?:http|status|code|response|error)[\s:="'`(]{0,3}$/i;

/**
 * True for a round 400 or 500 in a text about mail delivery with no status word before it and no
 * reason phrase after it:
 * SendGrid's "`400` responses are usually deferrals" names SMTP's classes, not HTTP statuses.
 */
function isSmtpReplyClass(text: string, codeStart: number, codeEnd: number): boolean {
  if (STATUS_WORD_RIGHT_BEFORE.test(text.slice(Math.max(0, codeStart - 16), codeStart))) return false;
  // "500 Internal Server Error" is HTTP's, even in a text about mail.
  if (hasAnyPhraseAfter(text, codeEnd)) return false;
  return isNearMailDelivery(text, codeStart, codeEnd);
}
