// Network findings that the rest of the text explains away: a reference page that defines error
// names (sections such as "Symptoms:" or "Possible causes"), and a timeout that a gateway already
// answered with its own status (504, 522…), which the sender saw as that status, not as a
// failure of its own connection. Each test is one bounded regex over the text.
import type { NetworkProblem } from './network-patterns';
import { hasFirstPerson } from '../shared/definition-context';
import { isFollowedByUnit, isNearMailDelivery, isSmtpReplyCode, statusKeywordStart } from '../status/status-context';

/**
 * Words of a reference entry: section labels ("Description", "Symptoms:", "Resolution", German
 * "Beschreibung:", Spanish "Descripción:") count
 * only at a line's start and before a colon or the line's end ("What this failure means", "What the
 * error looks like"); table headings and a list's introduction ("Common network errors include:")
 * count anywhere.
 */
const REFERENCE_WORD =
  /description|symptoms?|causes|resolution|beschreibung|ursachen?|l[öo]sung|descripci[óo]n|causas|soluci[óo]n|how to fix|what (?:it|this|the)(?: \w+)? (?:means|looks like)|why it happens|typical scenario|possible causes?|common causes?|common (?:[\w-]+ ){0,2}(?:errors|failures|exceptions) include/gi;
const HEADING_ANYWHERE = /^(?:typical|possible|common)/i;

/**
 * Statuses a gateway sends when the upstream took too long. Its words alone (API Gateway's
 * `Endpoint request timed out` quoted without the 504) still tell the user of a timeout: with no
 * status written, the timeout is the finding that carries the advice.
 */
// A colon or a full stop may follow as a title's or a sentence's does ("504: GATEWAY_TIMEOUT", "ending in
// a 504."), not as in a time, a line:column or a version.
const TIMEOUT_STATUS = /(?<![\w.:/-])(?:408|504|522|524)(?![\w/-]|[.:]\S)/;

/**
 * A line a runtime or proxy wrote about its own connection: `[error] … upstream timed out (110: …)`,
 * Go's `read tcp …: i/o timeout` and `context deadline exceeded (Client.Timeout …)` (only the
 * client itself says that).
 */
const OWN_ERROR_LINE =
  /\[error\]|errno|exception|\berror:|\bi\/o timeout|\b(?:read|dial|write) tcp\b|\bdeadline exceeded\b|\bClient\.Timeout\b/i;

/** "I" and "my": a person telling what happened to them (vendors' pages say "we"). */
const SINGULAR_FIRST_PERSON = /(?:^|[^\w/])(?:I|I'm|I've|my|My)(?![\w/'])/;

/** A lower-case "i" used as the pronoun ("how ho i fix"): chat, not a page. */
const LOWER_CASE_I = /(?:^|[^\w/])i[ \t]+[a-z]/;

/**
 * A heading of an explainer or an API reference page: a guide's title ("Understanding the …",
 * "Why does a socket timeout exception occur", "What ECONNRESET actually means"), a section that
 * shows an example ("What you're seeing"), a member's page title (`….ConnectTimeout Property`).
 * Such a page names errors for its reader; it counts only when no first person in the text tells
 * what happened to them (an issue titled "Why does my webhook time out?"). Headings are written
 * capitalised and state their topic; a line with a question mark is someone asking. wget's
 * progress line "Resolving example.com (example.com)... failed" names a host, not a topic.
 */
const GUIDE_HEADING =
  /^(?![^\n]*[?？])[ \t]*(?:#{1,6}[ \t]*)?(?:(?:Understanding|Troubleshooting|Fixing|Resolving(?![ \t]+[\w-]+(?:\.[\w-]+)+(?:[ \t(]|\.\.\.))|Debugging|Beginner(?:'s)? [Gg]uide|Quick answer|Fastest fix|Why (?:does|do|is|are|am)|What (?:is|are|causes)|How to (?:fix|solve|resolve|handle|troubleshoot|avoid)|What you(?:'re| are) seeing)\b|What(?: [\w-]+){1,3} means\b|[\w.]+ (?:Property|Class|Method|Field|Interface|Constructor)[ \t]*$)/m;

/** A reference entry is pasted on its own; a longer text is a log, read line by line. */
const MAX_REFERENCE_LENGTH = 16 * 1024;

/**
 * The title of a generated API reference page, on the text's first line: hexdocs' "Req.Step.Retry
 * (ReqLLM v1.0.0)", dartdoc's "CONNECT_TIMEOUT constant", rustdoc's "Function poem::error::Timeout".
 */
const API_TITLE =
  /^[ \t#]*(?:[\w.!?]+(?: (?:exception|behaviour|protocol))? \(\w+ v\d+\.\d+[\w.-]*\)|[\w.]+ (?:constant|class|property|method|enum|typedef|extension|mixin|function)|(?:Function|Constant|Struct|Enum|Trait|Module|Macro|Type Alias) [\w:]+)[ \t]*$/;

/**
 * A line of the same pages' other parts, alone on its line: a section ("Constructors",
 * "Implementation", "Expand description"), Android's "Added in API level 1", a declaration (`open
 * class X: Y`, glued as pages print it, `static const String X = …`, `extends TransferException`, `@spec …`).
 */
const API_LINE =
  /^[ \t]*(?:(?:(?:Public |Protected )?(?:Constructors|Methods|Properties|Fields|Functions|Types|Interfaces|Parameters|Implementation|Inheritance|Return values?|Summary|Expand description|View Source|Table of Contents))[ \t]*$|Added in API level \d+[ \t]*$|(?:open|abstract)[ \t]+class|(?:(?:public|final|sealed|static)[ \t]+)*(?:class|const|pub (?:fn|const|struct|enum))\b|(?:extends|implements)[ \t]+\w+[ \t]*$|@(?:spec|type)[ \t])/gm;

/** Distinct reference lines a page needs when its title does not say it is one. */
const MIN_API_LINES = 2;

/** True when the text is a generated API reference page: its title, or two of its parts. */
function isApiReference(text: string): boolean {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  if (API_TITLE.test(firstLine)) return true;
  const seen = new Set<string>();
  for (const line of text.matchAll(API_LINE)) {
    seen.add(line[0].trim().split(/\s/)[0]!);
    if (seen.size >= MIN_API_LINES) return true;
  }
  return false;
}

export function isReferencePage(text: string): boolean {
  if (text.length > MAX_REFERENCE_LENGTH) return false;
  if ((GUIDE_HEADING.test(text) || isApiReference(text)) && !hasFirstPerson(text) && !LOWER_CASE_I.test(text)) return true;
  // An issue template's sections ("# description:") hold a report when someone says "I".
  if (SINGULAR_FIRST_PERSON.test(text)) return false;
  REFERENCE_WORD.lastIndex = 0;
  for (let word = REFERENCE_WORD.exec(text); word !== null; word = REFERENCE_WORD.exec(text)) {
    if (HEADING_ANYWHERE.test(word[0])) return true;
    if (isSectionLabel(text, word.index, word.index + word[0].length)) return true;
  }
  return false;
}

/**
 * Only list or heading marks before the word on its line, and a colon or the line's end after it.
 * A label is written capitalised or as a heading: a lower-case `description:` is a key of YAML or
 * code (an OpenAPI response pasted under the error), not a section of a reference entry.
 */
function isSectionLabel(text: string, start: number, end: number): boolean {
  let heading = false;
  for (let at = start - 1; at >= 0 && text[at] !== '\n'; at--) {
    if (!' \t#*>-\r'.includes(text[at]!)) return false;
    if (text[at] === '#') heading = true;
  }
  if (!heading && text[start] !== text[start]!.toUpperCase()) return false;
  let at = end;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '*')) at++;
  return at === text.length || text[at] === ':' || text[at] === '\n' || text[at] === '\r';
}

/**
 * Tells, for each timeout finding, whether it is the gateway status the text reports rather than
 * the sender's own; the text is searched for such a status once, and only if a timeout is found.
 */
export function gatewayTimeoutTest(text: string): (problem: NetworkProblem, line: string) => boolean {
  let hasStatus: boolean | undefined;
  return (problem, line) => {
    if (problem !== 'timeout') return false;
    hasStatus ??= TIMEOUT_STATUS.test(text);
    return hasStatus && !OWN_ERROR_LINE.test(line);
  };
}

/**
 * A timeout told together with the status that came back: "timing out and returning a 503",
 * "times out, then responds with 504". The sender got an answer, so the status is the finding.
 */
const STATUS_RETURNED_AFTER =
  /^[^.!?\n]{0,30}?(?:\band|\bthen|,)[ \t]+(?:then[ \t]+)?(?:return|respond|answer|repl)\w*[ \t]+(?:with[ \t]+)?(?:an?[ \t]+|the[ \t]+)?(?:http[ \t]+)?(?:status[ \t]+)?(?:code[ \t]+)?[45]\d\d(?!\d)/i;

/**
 * A failure to connect told with the status that came back: Tableau's "unable to connect to the
 * url … with status 408" (a dot inside a URL does not end the sentence), a client's "Network error:
 * Response not successful: Received status code 401". Something answered, so the status is the finding.
 */
const WITH_STATUS_AFTER =
  /^(?:[^.!?\n]|[.!?](?=\S)){0,80}?\b(?:with|received|got)[ \t]+(?:an?[ \t]+|the[ \t]+)?(?:http[ \t]+)?(?:status(?:[ \t]+code)?|(?<=http[ \t]+)code)[ \t:]*[45]\d\d(?!\d)/i;

/**
 * The failure's own message, on its line, holds the status that came back: `failed to fetch /a.zip
 * from 'host': ["'a.zip': Status Code: 403, AWS Service: Amazon S3 …`.
 */
const STATUS_CODE_IN_MESSAGE = /^[^\n]{0,120}?\bstatus[ \t_-]?code\b["']?[ \t]*[:=][ \t]*[45]\d\d(?!\d)/i;

/**
 * A status line with the words in its reason: "HTTP/1.1 502 Fiddler - DNS Lookup Failed", "HTTP/1.1
 * 504 GATEWAY_TIMEOUT Connection reset"; or a status and its reason phrase that the words follow as
 * the answer's body: "returned 503 Service Unavailable: upstream connect error" (Envoy's reply). A
 * proxy answered with a status; the failure is its own, on the receiver's side.
 */
const STATUS_LINE_BEFORE =
  /(?:HTTP\/\d(?:\.\d)?[ \t]+[45]\d\d\b[^\n]{0,60}|(?<![\w.:/-])[45]\d\d[ \t]+[A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+){0,3}[ \t]*[:\u2013\u2014-][ \t]*)$/;

export function isInStatusLineReason(text: string, start: number): boolean {
  return STATUS_LINE_BEFORE.test(text.slice(Math.max(0, start - 80), start));
}

/**
 * An answer that turned the credentials down: a 401, "Unauthorized", a key or token called
 * invalid, incorrect, expired or revoked, a failed authentication ("We couldn't authenticate with
 * the credentials provided"). A 403 is left out: a proxy
 * refusing a tunnel ("Tunnel connection failed: 403 Forbidden") did stop the connection.
 * The words alone, then with any bare 401 (on the failure's own line a 401 is the answer).
 */
const CREDENTIALS_REFUSED_IN_WORDS =
  /\bunauthori[sz]ed\b|\b(?:invalid|incorrect|wrong|expired|revoked|bad)[ \t]+(?:api[ _-]?)?(?:keys?|tokens?|credentials?|password)\b|\b(?:keys?|tokens?|credentials?|password)[ \t]+(?:is|was|are|were)[ \t]+(?:invalid|incorrect|wrong|expired|revoked|not valid)\b|\bauthenticat\w*[ \t]+(?:failed|failure|error)\b|\b(?:could ?n[o']t|cannot|can't|unable to|failed to)[ \t]+authenticate\b/i;
const BARE_401 = /(?<![\w.:/-])401(?![\w.:/-])/g;
const CREDENTIALS_REFUSED = new RegExp(`${BARE_401.source}|${CREDENTIALS_REFUSED_IN_WORDS.source}`, 'i');

/** How far either side of the words their line is read for the answer. */
export const ANSWER_LINE_REACH = 200;

/**
 * True when a vague failure to connect ("Connection failed", "Unable to connect with OpenAI",
 * "Failed to connect to Discord") shares its line with an answer that refused the credentials:
 * the server was reached and said no, so the failure is the authentication, not the network.
 */
export function isRefusedCredentials(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - ANSWER_LINE_REACH);
  const lineStart = from + text.slice(from, start).lastIndexOf('\n') + 1;
  const after = text.slice(end, end + ANSWER_LINE_REACH);
  const lineEnd = after.indexOf('\n');
  return CREDENTIALS_REFUSED.test(`${text.slice(lineStart, start)} ${lineEnd < 0 ? after : after.slice(0, lineEnd)}`);
}

/**
 * A 401 that a status word introduces ("HTTP/1.1 401", "status: 401", "error 401"), by the status
 * detector's own tests, and that counts nothing ("Sent 401 emails", "401 ms"; "#401" has no status
 * word). The whole status detector is not asked: it would more than double the network part.
 */
function hasStatus401(text: string): boolean {
  for (const { index } of text.matchAll(BARE_401)) {
    if (statusKeywordStart(text, index) >= 0 && !isFollowedByUnit(text, index + 3)) return true;
  }
  return false;
}

/**
 * True when the lines within ANSWER_LINE_REACH of a vague failure to connect (or `reachAfter`
 * below it) hold an answer that turned the credentials down: its words, or a 401 told as a status.
 * Reading only nearby lines keeps the verdict the same whatever else a log holds, or wherever the
 * CLI cuts it into chunks.
 */
export function isNearRefusedCredentials(text: string, start: number, end: number, reachAfter = ANSWER_LINE_REACH): boolean {
  const near = text.slice(Math.max(0, start - ANSWER_LINE_REACH), end + reachAfter);
  return CREDENTIALS_REFUSED_IN_WORDS.test(near) || hasStatus401(near);
}

/** A parser's message: .NET's JsonReaderException, "Unexpected character encountered while parsing value", "Unexpected token". */
const PARSER_MESSAGE = /\bwhile parsing\b|JsonReaderException|JsonParseException|JSONDecodeError|\bunexpected (?:character|token)\b/i;
/** How far after a vague failure its message is looked for: the rest of its line and the next lines. */
const PARSER_MESSAGE_REACH = 160;

/**
 * True when a vague failure ("Connection Error: Unexpected character encountered while parsing
 * value", "I get this connection error: … JsonReaderException") is a tool's name for a body it
 * could not parse: the server answered; the network did not fail.
 */
export function isParserFailureNamedConnection(text: string, end: number): boolean {
  return PARSER_MESSAGE.test(text.slice(end, end + PARSER_MESSAGE_REACH));
}

/**
 * True when a timeout, a failure to connect or a bare error number is told together with the
 * status that came back (curl 56's "Received HTTP code 407 from proxy after CONNECT").
 */
export function isAnsweredWithStatus(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 160);
  return (
    STATUS_RETURNED_AFTER.test(after) ||
    WITH_STATUS_AFTER.test(after) ||
    STATUS_CODE_IN_MESSAGE.test(after) ||
    (STATUS_RIGHT_AFTER.test(after) && !TUNNEL_BEFORE.test(text.slice(Math.max(0, start - 20), start)))
  );
}

/**
 * The status written right after the words, as a title or a tool names what it got: "RemoteServer
 * connection error 404", "Connection failed (503)". A number with a unit after it ("timeout 400 ms")
 * is a duration, not a status.
 */
const STATUS_RIGHT_AFTER =
  /^[ \t]*(?:[:(-][ \t]*)?\(?[45]\d\d(?![\w.:/-]|[ \t]*(?:ms|s|secs?|seconds?|milliseconds?|minutes?|times|bytes)\b)/i;
/** A proxy's tunnel: its "Tunnel connection failed: 403 Forbidden" did stop the connection to the host. */
const TUNNEL_BEFORE = /\b(?:tunnel|proxy)[ \t]+$/i;

/**
 * Words of an SMTP reply, after its code on the line: `4.4.2 *** Error: timeout exceeded`, a mail
 * server's "421 Promise timed out after 15000 milliseconds". The mail server answered; the words
 * are its reply, not a failure of the sender's connection (SMTP's numbers are no HTTP statuses
 * either: test/eval/LABELS.md rule 1).
 */
const SMTP_ENHANCED_BEFORE = /(?:^|[\s"'[(])[45]\.\d{1,3}\.\d{1,3}[ \t][^\n]{0,40}$/;
const REPLY_CODE_BEFORE = /(?<![\w.:/-])([245]\d\d)(?:[ \t-]+[245]\.\d{1,3}\.\d{1,3})?[ \t-][^\n\d]{0,40}$/;
const SMTP_REPLY_REACH = 60;

export function isInSmtpReply(text: string, start: number): boolean {
  const from = Math.max(0, start - SMTP_REPLY_REACH);
  const before = text.slice(from, start);
  const enhanced = SMTP_ENHANCED_BEFORE.exec(before);
  if (enhanced !== null) return isNearMailDelivery(text, from + enhanced.index, start);
  const reply = REPLY_CODE_BEFORE.exec(before);
  return reply !== null && isSmtpReplyCode(text, from + reply.index, from + reply.index + 3);
}
