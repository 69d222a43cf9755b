// Where a network error's words do not report a failure: code that names or compares against the
// error, documentation of when a sender retries, and configuration of a timeout. Each test reads
// a bounded window of the match's own line, so the detector stays linear.
import { hasLogMarks, isFirstHandReport } from '../shared/definition-context';

/** How far back on the line the tests look. */
const WINDOW = 80;

/**
 * Code right before the error's name: `case 'ECONNRESET':`, `err == io.EOF`, `except ReadTimeout`,
 * `rescue Net::OpenTimeout`, `catch (SocketTimeoutException e)`, `errors.Is(err, io.EOF)`, an error
 * code builds (`new Error("socket hang up")`, a test's mock rejection).
 */
const CODE_BEFORE =
  /(?:\bcase[ \t]+|[=!]==?[ \t]*|\bexcept[ \t]+\(?[ \t]*|\brescue[ \t]+|\bcatch[ \t]*\([ \t]*|\binstanceof[ \t]+|\bisinstance\([^)\n]{0,40},[ \t]*\(?|\berrors\.(?:Is|As)\([^)\n]{0,40},[ \t]*&?|\braise[ \t]+|\bthrow[ \t]+new[ \t]+|\bimport[ \t]+|\bfrom[ \t]+[\w.]+[ \t]+import[ \t]+(?:\w+,[ \t]*)*|\b[Cc]onst(?:ant)?[ \t]+|\bnew[ \t]+[\w.]*(?:Error|Exception)\([ \t]*)[\w.:$]*['"`]?$/;

/**
 * A message template in backticks: placeholders stand where a log would hold values
 * (`Message delivery timed out after Ns (endpoint=..., queued=...)`, `Connection to {host} refused`).
 */
const TEMPLATE_PLACEHOLDER = /=(?:\.\.\.|…)|\{\w{0,20}\}|%[sdv]\b|\b[NX]s\b/;

/** True when the words sit in a backticked span of their line that holds a placeholder. */
function isInTemplate(text: string, start: number, end: number, before: string): boolean {
  const ticks = before.split('`').length - 1;
  if (ticks % 2 === 0) return false;
  const open = before.lastIndexOf('`');
  const close = text.indexOf('`', end);
  if (close < 0 || close - end > 120 || text.slice(end, close).includes('\n')) return false;
  return TEMPLATE_PLACEHOLDER.test(`${before.slice(open + 1)} ${text.slice(end, close)}`);
}

/**
 * A rule's clause about any request in the present tense: "sets a code of ECONNABORTED when a
 * request times out". The past ("when a request timed out, we saw …") may report and is left alone.
 */
const WHEN_INDEFINITE_BEFORE = /\bwhen[ \t]+(?:an?|any|every|each)[ \t]+\w+(?:[ \t]+\w+)?[ \t]+$/i;
const PRESENT_TIMES_OUT = /^times out$/i;

/** A name inside a regular expression literal in code: `assert.throws(fn, /ETIMEDOUT/)`, `.match(/ECONNRESET|EPIPE/)`. */
const REGEX_LITERAL_BEFORE = /[(,=:!][ \t]*\/[^/\s]{0,30}$/;
const REGEX_LITERAL_AFTER = /^[^/\s]{0,30}\/[gimsuy]{0,6}[ \t]*[),;.]/;

/** A name as a match arm's pattern in Rust or Scala: `ErrorKind::TimedOut => retry()`. */
const MATCH_ARM_AFTER = /^[ \t]*(?:\([^()\n]{0,30}\))?[ \t]*=>/;
/** A member's name as an API reference gives it: `ConnectTimeout Property`, `ConnectTimeout { get; set; }`. */
const MEMBER_AFTER = /^(?:[ \t]+(?:[Pp]roperty|[Ff]ield|[Oo]ption|[Ss]etting|[Pp]arameter)\b|[ \t]*\{[ \t]*get\b)/;

/** A number in code annotated with its errno name: `32, # EPIPE`, `110 // ETIMEDOUT`. */
const ANNOTATED_NUMBER_BEFORE = /^[ \t]*-?\d{1,5}[ \t]*,?[ \t]*(?:#|\/\/)[ \t]*$/;

/** One quoted name in a list of names: `['ECONNRESET', 'ETIMEDOUT']`, `('EPIPE', ...)`. */
const LIST_BEFORE = /[[(,|][ \t]*['"`]$/;
const LIST_AFTER = /^['"`][ \t]*[,\])|]/;

/**
 * A condition or retry rule a few words before: "if the request times out", "whether a timeout
 * occurred" (a question, never a report), "retries on
 * connection reset", "set the read timeout"; a description of how long it takes ("it takes 60
 * seconds to get timed out"); code work on the name ("Map error code `X` to 27"); a comparison
 * of names ("the same as the CERT_HAS_EXPIRED"), or what code turns it into ("a 5xx response is
 * converted to `ConnectionError`", "re-raised as `requests.Timeout`"); a change that makes code cope with it ("makes
 * sure that deliveries failing with an `Errno::EHOSTUNREACH` …"); what may go wrong ("a webhook can
 * fail due to a timeout error"); a parenthesis of examples ("unable to connect (eg due to DNS or
 * TLS error)"); a Japanese condition ("…がない場合、当社ではタイムアウト…", in the case
 * that). A Ruby namespace may come between.
 */
const CONDITION_BEFORE =
  /(?:\b(?:if|whether|whenever|unless|in case of|in the event of|should)\b(?:[ \t]+[^\s.!?;]+){0,5}|\bretr(?:y|ies|ied|ying)\b(?:[ \t]+[^\s.!?;]+){0,3}[ \t]+(?:on|when|after|for|upon|if)\b(?:[ \t]+[^\s.!?;]+){0,3}|\b(?:rescues?|catch(?:es)?|handl(?:e|es|ing)|ignores?|simulates?|avoid(?:s|ing)?|prevent(?:s|ing)?)(?:[ \t]+[^\s.!?;]+){0,8}|(?:\b(?:such as|e\.g\.|for example|for instance|including|includes?:|any)|例[)）:：])(?:[ \t]+[^\s.!?;]+){0,2}|\(e\.?g\.?,?(?:[ \t]+[^\s.!?;()]+){0,4}|\b(?:considered|treated|regarded|counted|marked)(?:[ \t]+as)?|\b(?:tell|know|detect|determine|decide|distinguish)[ \t]+(?:if|when|whether)\b(?:[ \t]+[^\s.!?;]+){0,5}|\bin cases? (?:where|when)\b(?:[ \t,]+[^\s.!?;,]+){0,16}|\b(?:set|sets|increase|raise|lower|configure|adjust|change|specif(?:y|ies))(?:[ \t]+(?:the|a|your|its))?(?:[ \t]+\w+)?|\btakes?[ \t]+[^.!?;\n]{1,30}?[ \t]+to(?:[ \t]+get)?|\b(?:map|maps|mapping|rename|translate|convert)(?:[ \t]+[^\s.!?;]+){0,3}|\b(?:mapped|renamed|translated|converted|re-?raised)[ \t]+(?:in)?(?:to|as)(?:[ \t]+(?:an?|the))?|\bsame as(?:[ \t]+the)?|\b(?:makes?[ \t]+sure|ensures?)(?:[ \t]+[^\s.!?;]+){0,6}|\b(?:can|could|may|might)[ \t]+fail\b(?:[ \t]+[^\s.!?;]+){0,4}|場合[、，,]?[^。\n]{0,40})[ \t]*[`'"]?(?:\w+::)?$/i;

/**
 * A fix or a definition a few words before: "how to fix "Timed out"", "This error means we were
 * unable to establish a connection". Read only when the line holds "fix", "mean" or "indicat".
 */
const FIX_OR_MEANING_BEFORE =
  /(?:\bfix(?:es|ed|ing)?(?:[ \t]+[^\s.!?;]+){0,3}|\b(?:this|the|that|an?)[ \t]+(?:error|status|message|code|result)s?[ \t]+(?:means|indicates)\b(?:[ \t]+[^\s.!?;]+){0,6})[ \t]*[`'"]?$/i;
const FIX_OR_MEANING_WORD = /fix|mean|indicat/i;

/**
 * One item of an enumeration that ends in "etc.": "(timeout, DNS failure, TLS error, non-2xx
 * status, etc.)", 'Kinds of errors are: "failed to connect", "domain name is invalid", etc' list
 * kinds of failure, they do not report one.
 */
const ENUM_ITEM_BEFORE = /[(,:][ \t]*["'`“]?$/;
const ETC_AFTER = /^["'`”]?(?:[ \t]*,[^,.;:!?\n()]{1,40}){0,6}[ \t]*,?[ \t]*(?:etc\b|and so on\b)/i;

/**
 * The second of two possibilities: "returned an invalid response or were unreachable" says what
 * may have happened, not that the host was unreachable, as a notifier's "FAILED or TIMED OUT" does
 * not say which of the two it was; the thing set aside in "we want an actual
 * response rather than a MaxRetryError" did not happen either, nor the one compared in "Timeouts are
 * different than DEADLINE_EXCEEDED".
 */
const ALTERNATIVE_BEFORE =
  /\b(?:response|answer|error|failure|status|fail(?:s|ed)?)[ \t]+or[ \t]+$|\b(?:rather than|instead of|different (?:than|from))[ \t]+(?:an?[ \t]+|the[ \t]+)?[`'"]?(?:\w+\.)*$/i;

/** The first of two outcomes, the other a bare failure: "timed out or failed" does not say which. */
const ALTERNATIVE_FAILED_AFTER = /^[ \t]+or[ \t]+(?:fail(?:s|ed)?|errored)\b/i;

/**
 * A retry or handling rule told after the words: "connection refused or DNS failures are retried",
 * or a rule list's line that pairs the error with what the sender does ("Connection error: Try to
 * resend.").
 */
const RETRIED_AFTER =
  /^[^.!?\n]{0,80}?\b(?:are|is|will be|get|gets|being|should be|must be|can be|to be) (?:retried|reprocessed|rescued|handled|caught|ignored)\b|^[ \t]*(?:[:→=]|->)[ \t]*(?:(?:try|we|will)[ \t]+(?:to[ \t]+)?)?(?:re-?send|re-?try|retried)\b/i;
/**
 * A row of a policy table: the words in a cell, and what the sender does in a later cell ("|
 * `timeout` | I/O timeout or deadline | Delivery Error | ack + retry |"). The row classifies a kind
 * of failure; it does not report one.
 */
const TABLE_ROW_START = /^[ \t]*\|/;
const ACTION_CELL_AFTER =
  /^[^\n]*?\|[^|\n]*\b(?:retr(?:y|ies|ied|iable|yable)|re-?send|re-?queue[sd]?|drop(?:s|ped)?|dlq|dead[- ]letter|discard(?:s|ed)?|skip(?:s|ped)?)\b[^|\n]*\|/i;

/** A policy row, not a delivery log's row: an action cell after the words and no time of day on the line. */
function isPolicyRow(before: string, after: string): boolean {
  const action = ACTION_CELL_AFTER.exec(after);
  return action !== null && !hasLogMarks(`${before}${action[0]}`);
}

/** A timeout setting's name, and a value assigned to it: `Connect timeout: 30s`, `read timeout is 10`. */
const SETTING_NAME = /^(?:connect|connection|read|write|socket|idle|response|service|network|operation) timeout$/i;
const SETTING_AFTER = /^[ \t]*(?:[:=]|=>|is|of|to)[ \t]*["']?\d/i;
/** A setting described by its unit, as schemas and docs do: "Connection timeout in milliseconds". */
const SETTING_UNIT_AFTER = /^[ \t]+in[ \t]+(?:(?:milli|micro)?seconds|ms|secs?|minutes)\b/i;
/** A setting described by what it does: "The read timeout is applied to both the TCP socket and …". */
const SETTING_ROLE_AFTER =
  /^[ \t]+(?:(?:is|are)[ \t]+(?:applied|used|set|configured|specified|measured)\b|(?:sets|governs|applies|controls|specifies|determines|defines)\b)/i;
/** A parser's end of input, not a connection's: serde's "EOF while parsing a value at line 1 column 0". */
const PARSER_EOF_AFTER = /^[ \t]+(?:while|when)[ \t]+(?:parsing|decoding|deserializ)/i;
/** The same parser's end of input told before: "Unable to parse incoming data [details: EOF]". */
const PARSER_EOF_BEFORE = /\b(?:parse|parsing|decode|decoding|unmarshal\w*|deserializ\w*)\b[^\n]{0,40}$/i;
const EOF_WORDS = /^(?:unexpected )?eof$/i;

/** "Until the timeout" in Japanese (`タイムアウトになるまで`): a limit a doc sets, not a timeout that happened. */
const UNTIL_AFTER = /^(?:に(?:なる)?)?まで/;
/**
 * The Japanese noun as a topic or a setting, not an event: "タイムアウトとは" (what a timeout is),
 * "タイムアウトでは", "タイムアウトの設定" (its setting), "タイムアウト時間" (its length).
 */
const JA_TOPIC_AFTER = /^(?:とは|では|の(?:設定|値|時間)|を設定|時間|値)/;

/**
 * A name told as absent from a list or from handling: "`ECONNREFUSED` is missing", "ECONNREFUSED
 * Not in Retry List", "ETIMEDOUT is not retried". The text is about code, not about a failure.
 */
const ABSENT_AFTER = /^[`'"]?[ \t]+(?:(?:is|are)[ \t]+)?(?:missing\b|not[ \t]+(?:in|included|listed|handled|retried|caught|covered)\b)/i;

/**
 * Words on a setting name's line that report it happened ("Error: connect timeout", "read
 * timeout exceeded"); without them "the read timeout on the ELB" or "Adds a connect timeout"
 * only names the setting.
 */
const REPORTED_NEARBY =
  /\b(?:errors?|err|fail\w*|exception|exceeded|expired|reached|occurred|elapsed|got|gets|getting|hit|hits|throw\w*|threw|rais\w*|warn\w*|caus\w*|due to|because|couldn't|could not|deliver\w*|show\w*)\b|发生|發生|出现|出現|报错|報錯|遇到|発生/i;
/** A setting name given as a message: after a colon or an opening quote (`payload: Service Timeout`). */
const MESSAGE_START_BEFORE = /[:"'“][ \t]*$/;

/** A message template in code: `print('Connection timed out {}'.format(e))`, `Console.WriteLine("Request timed out")`. */
const MESSAGE_TEMPLATE_BEFORE =
  /\b(?:print|printf|println|puts|echo|[Cc]onsole\.\w+|System\.(?:out|err)\.\w+|[Ll]og(?:ger)?\.\w+|fmt\.\w+)[ \t]*\(?[ \t]*f?['"`][^'"`\n]*$/;

/** A definition rather than a report: `DEADLINE_EXCEEDED (4): The deadline…`, `WSAETIMEDOUT\n\n10060 (0x274C)`. */
const DEFINITION_AFTER = /^(?:[ \t]*\(\d{1,5}\)[ \t]*[:\-–—]|\s{0,4}\d{3,6}[ \t]*\(0x[0-9a-f]+\))/i;

/**
 * A name defined by what it is: "EAI_AGAIN (from getaddrinfo) is a **temporary** failure in name
 * resolution", "`ECONNABORTED` is the code of an aborted request"; and a name given as a value:
 * "Timeout errors have ECONNABORTED as code".
 */
const DEFINED_AS_AFTER =
  /^[`'"]?\)?(?:[ \t]*\([^)\n]{1,40}\))?[ \t]+(?:is|means)[ \t]+(?:an?|the)[ \t]+[^.!?\n]{0,30}?\b(?:failure|error|code|signal|condition)s?\b|^[`'"]?[ \t]+as[ \t]+(?:the[ \t]+|its[ \t]+|an?[ \t]+)?(?:error[ \t]+)?code\b/i;

/** The clause after the name: up to its first comma or sentence end. */
const CLAUSE_END = /[,.;!?\n]/;

/** A definition, unless its own clause tells someone got it ("ECONNRESET is the error we see every night"). */
function isDefinedAs(after: string): boolean {
  const defined = DEFINED_AS_AFTER.exec(after);
  if (defined === null) return false;
  const rest = after.slice(defined[0].length);
  const clauseEnd = rest.search(CLAUSE_END);
  return !isFirstHandReport(clauseEnd < 0 ? rest : rest.slice(0, clauseEnd));
}

/**
 * A line that defines an error name, as Node's and vendors' docs do: the name (and a gloss in
 * parentheses), a colon or dash, and a description that opens like one ("ECONNRESET: the other
 * side … closed", "ETIMEDOUT (Operation timed out): A connect or send request failed …").
 */
const NAME_DEFINITION_LINE =
  /^[ \t]*(?:[-*•][ \t]+)?(?:\*\*)?`?[A-Z][A-Z0-9_]{2,}`?(?:\*\*)?(?:[ \t]*\([^()\n]{1,60}\))?[ \t]*[:–—][ \t]+(?:[Tt]he|[Aa]n?|[Tt]his|[Ww]hen|[Ii]ndicates|[Oo]ccurs|[Mm]eans)\b/;

/**
 * The first cell of a table row that names the error, with two more cells after it and no log's
 * marks: a table of definitions or remedies ("| ECONNREFUSED | The server refused … | Check the port |").
 */
const NAME_FIRST_CELL_ROW = /^[ \t]*\|[ \t]*`?[A-Z][A-Z0-9_]{2,}`?[ \t]*\|[^|\n]+\|[^|\n]+\|/;

/** The whole line that holds `at`, read at most 240 characters either side. */
function wholeLine(text: string, at: number): string {
  const from = Math.max(0, at - 240);
  const start = from + text.slice(from, at).lastIndexOf('\n') + 1;
  const after = text.slice(at, at + 240);
  const lineBreak = after.indexOf('\n');
  return text.slice(start, lineBreak < 0 ? at + after.length : at + lineBreak);
}

/** An enumeration's member with its value: gRPC's `- DEADLINE_EXCEEDED = 4` in a list of status codes. */
const ENUM_VALUE_AFTER = /^[ \t]*=[ \t]*-?\d{1,6}[ \t]*[,;]?[ \t]*(?:\r?\n|$|\/\/|#)/;

/** A row of an error-code table whose number the copy glued to its text: `101504Connection timed out (…)`. */
const GLUED_CODE_ROW_BEFORE = /^[ \t]*\d{3,7}[A-Z]/;

/** Names compared after the words: "is the UNABLE_TO_VERIFY_LEAF_SIGNATURE the same as …". */
const SAME_AS_AFTER = /^[`'"]?[ \t]+(?:the[ \t]+)?same[ \t]+as\b/i;

/**
 * A quoted status or error being defined: `"Timed out" indicates Stripe was able to connect, but …`,
 * `The "Connection refused" error fundamentally indicates that …`.
 */
const QUOTED_DEFINED_AFTER =
  /^["'”`][ \t]+(?:(?:error|message|status|exception)[ \t]+)?(?:\w+ly[ \t]+)?(?:indicates|means|signals|is (?:returned|shown|raised|thrown) when)\b/i;

/**
 * A configuration key that ends in the name, alone on its line: `oracle.jdbc.ReadTimeout`. Its
 * namespace is lower case and not an exception package (`requests.exceptions.ReadTimeout`).
 */
const PROPERTY_KEY_BEFORE = /^[ \t]*[a-z][\w-]*(?:\.[a-z][\w-]*)*\.$/;
const EXCEPTION_PACKAGE = /exception|error/i;
const LINE_END_AFTER = /^[ \t]*(?:\r?\n|$)/;

/**
 * The message of a reference entry: a line that defines a code just before its paragraph
 * (`WSAETIMEDOUT` / `10060 (0x274C)` / "A connection attempt failed because …").
 */
const DEFINITION_LINE_BEFORE = /\d{3,6}[ \t]*\(0x[0-9a-f]+\)[ \t]*\r?\n(?:[ \t]*\r?\n)?[^\n]*$/i;

/** A heading that names the error as a topic: `### ECONNREFUSED`, `#021 Connection refused`. */
const HEADING_BEFORE = /^[ \t]*#{1,6}[ \t]*(?:\d+[:.]?[ \t]+)?$/;

/**
 * The text's own first line as a level-one heading (`# ConnectionRefused on windows11`): an issue's
 * title, which names what happened, not a glossary's heading.
 */
function isIssueTitle(text: string, start: number): boolean {
  return /^# [^#]/.test(text) && !text.slice(0, start).includes('\n');
}

/** A bullet that tells when an exception is raised: "- `Net::OpenTimeout` on connect timeout". */
const BULLET_BEFORE = /^[ \t]*[-*•][ \t]*`?$/;
const RAISED_WHEN_AFTER = /^`?[ \t]+(?:on|when|if|whenever)\b/;

/** The rest of a bullet that only names a kind of failure: "- timeout error", "- connection failure". */
const KIND_ITEM_AFTER = /^[ \t]*(?:errors?|failures?|issues?|problems?)?[ \t]*(?:\r?\n|$)/i;
/** Words that introduce a list of kinds to tell apart, a few lines above: "differentiate between:". */
const KINDS_INTRO_ABOVE =
  /\b(?:differentiat\w*|distinguish\w*|tell apart|categor\w+|classif\w+|(?:types?|kinds?|categories) of (?:errors?|failures?))\b[^\n]{0,40}\r?\n(?:[ \t]*[-*•][^\n]*\r?\n){0,6}[ \t]*[-*•][ \t]*$/i;

/** True when the words are a bullet of a list of failure kinds to tell apart (a feature request). */
function isKindInList(text: string, start: number, end: number, before: string): boolean {
  if (!BULLET_BEFORE.test(before) || !KIND_ITEM_AFTER.test(text.slice(end, end + 24))) return false;
  return KINDS_INTRO_ABOVE.test(text.slice(Math.max(0, start - 300), start));
}

function lineBefore(text: string, start: number): string {
  const from = Math.max(0, start - WINDOW);
  const before = text.slice(from, start);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return lineStart === -1 ? before : before.slice(lineStart + 1);
}

/**
 * A change that adds the name to a list ("add ECONNRESET and NO_RESPONSE to RETRY_CODES", "Added
 * ECONNRESET to list of network codes to retry on"): the name is the object of the change.
 */
const ADD_BEFORE = /\badd(?:s|ed|ing)?[ \t]+[`'"]?$/i;
const TO_LIST_AFTER = /^[^.!?\n]{0,60}?\bto[ \t]+(?:the[ \t]+)?[^.!?\n]{0,30}?(?:retr|list|codes|errors|set)/i;

/** True when the words at [start, end) name the error without reporting that it happened. */
export function isMentionNotFailure(text: string, start: number, end: number, isCode: boolean): boolean {
  const before = lineBefore(text, start);
  if (CODE_BEFORE.test(before) || CONDITION_BEFORE.test(before) || MESSAGE_TEMPLATE_BEFORE.test(before)) return true;
  if (FIX_OR_MEANING_WORD.test(before) && FIX_OR_MEANING_BEFORE.test(before)) return true;
  const after = text.slice(end, end + 24);
  if (ALTERNATIVE_BEFORE.test(before) || ALTERNATIVE_FAILED_AFTER.test(after)) return true;
  if ((HEADING_BEFORE.test(before) && !isIssueTitle(text, start)) || DEFINITION_AFTER.test(after)) return true;
  if (BULLET_BEFORE.test(before) && RAISED_WHEN_AFTER.test(after)) return true;
  if (SAME_AS_AFTER.test(after) || QUOTED_DEFINED_AFTER.test(text.slice(end, end + 60))) return true;
  if (REGEX_LITERAL_BEFORE.test(before) && REGEX_LITERAL_AFTER.test(after)) return true;
  if (before.includes('`') && isInTemplate(text, start, end, before)) return true;
  if (PRESENT_TIMES_OUT.test(text.slice(start, end)) && WHEN_INDEFINITE_BEFORE.test(before)) return true;
  if (ENUM_VALUE_AFTER.test(after) || GLUED_CODE_ROW_BEFORE.test(before)) return true;
  if (isDefinedAs(text.slice(end, end + 100))) return true;
  const line = wholeLine(text, start);
  if ((NAME_DEFINITION_LINE.test(line) || NAME_FIRST_CELL_ROW.test(line)) && !hasLogMarks(line)) return true;
  if (ADD_BEFORE.test(before) && TO_LIST_AFTER.test(text.slice(end, end + 100))) return true;
  if (ENUM_ITEM_BEFORE.test(before) && ETC_AFTER.test(text.slice(end, end + 200))) return true;
  if (!isCode && isKindInList(text, start, end, before)) return true;
  if (isCode && (ANNOTATED_NUMBER_BEFORE.test(before) || MEMBER_AFTER.test(after) || MATCH_ARM_AFTER.test(after))) return true;
  if (isCode && PROPERTY_KEY_BEFORE.test(before) && !EXCEPTION_PACKAGE.test(before) && LINE_END_AFTER.test(after)) return true;
  const above = text.slice(Math.max(0, start - 300), start);
  // Cheap gate first: a definition line holds "(0x".
  if (above.includes('(0x') && DEFINITION_LINE_BEFORE.test(above)) return true;
  if (RETRIED_AFTER.test(text.slice(end, end + 100))) return true;
  if (TABLE_ROW_START.test(before) && isPolicyRow(before, text.slice(end, end + 200))) return true;
  if (isCode && LIST_BEFORE.test(before) && LIST_AFTER.test(after)) return true;
  // An alternation in a pattern: `ECONNRESET|EPIPE`.
  if (isCode && (before.endsWith('|') || after.startsWith('|'))) return true;
  if (UNTIL_AFTER.test(after) || JA_TOPIC_AFTER.test(after) || PARSER_EOF_AFTER.test(after)) return true;
  if (EOF_WORDS.test(text.slice(start, end)) && PARSER_EOF_BEFORE.test(before)) return true;
  if (ABSENT_AFTER.test(after)) return true;
  if (isElixirClause(before, text.slice(start, end), text.slice(end, end + 40))) return true;
  if (end - start > 20 || !SETTING_NAME.test(text.slice(start, end))) return false;
  if (SETTING_AFTER.test(after) || SETTING_UNIT_AFTER.test(after) || SETTING_ROLE_AFTER.test(after)) return true;
  if (MESSAGE_START_BEFORE.test(before) || REPORTED_NEARBY.test(`${before} ${lineAfter(text, end)}`)) return false;
  return !(BULLET_BEFORE.test(before) && REPORTED_NEARBY.test(listIntroAbove(text, start)));
}

/**
 * An Erlang or Elixir error tuple in code, not a result someone got: a clause's pattern
 * (`{:error, :econnrefused} -> retry()`, `case {:error, %Mint.TransportError{reason: :timeout}} ->`)
 * or the value a clause returns (`rescue HTTPoison.Error -> {:error, :timeout}`, `do: {:error, :nxdomain}`).
 */
const CLAUSE_ARROW_AFTER = /^[^\n]{0,30}?\}[ \t]*(?:->|when\b)/;
// Not Elixir's CaseClauseError, which prints the value it got: "no case clause matching: {:error, :econnrefused}".
const CLAUSE_BEFORE = /(?:->|\bdo:|(?<!\bno )\bcase(?! clause matching)|\bdef[p]?[ \t]+\w+\()[ \t]*[{(%\w.:, \t]{0,60}$/;
const ERROR_TUPLE_BEFORE = /\{[ \t]*:error,/;

function isElixirClause(before: string, matched: string, after: string): boolean {
  return ERROR_TUPLE_BEFORE.test(before + matched) && (CLAUSE_ARROW_AFTER.test(after) || CLAUSE_BEFORE.test(before));
}

/** How far above a bullet its list's introduction is looked for. */
const INTRO_WINDOW = 300;

/**
 * The line that introduces the list a bullet belongs to: the nearest line above that is not a
 * bullet or blank ("we have many failed webhook calls." above "- connection timeout"). A setting's
 * name in a list under a report of failures is one of the failures.
 */
export function listIntroAbove(text: string, start: number): string {
  const lines = text.slice(Math.max(0, start - INTRO_WINDOW), start).split(/\r?\n/);
  lines.pop(); // the bullet's own line
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.trim() !== '' && !BULLET_BEFORE.test(line.replace(/[^-*•\s].*$/, ''))) return line;
  }
  return '';
}

function lineAfter(text: string, end: number): string {
  const after = text.slice(end, end + WINDOW);
  const lineEnd = after.search(/[\r\n]/);
  return lineEnd === -1 ? after : after.slice(0, lineEnd);
}
