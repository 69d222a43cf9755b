// The receiver's message as an API client throws it, with no body around it:
// `stripe.error.InvalidRequestError: Request req_1: No such customer: 'sub_2'`,
// `DiscordAPIError[50006]: Cannot send an empty message`, `Twilio::REST::RestError (Unable to
// create record: The 'From' number … is not valid.)`, `[Services_Twilio_RestException]` above its
// message, `TwilioRestException: HTTP 400 error: …`. The class must name an API, a request or an
// authorization; a runtime's own errors (`TypeError: …`, `JSONDecodeError: …`) and a client that
// could not connect (`ConnectTimeoutError: …`) are not the receiver speaking.
import { RUNTIME_PARSE_FAILURE } from '../json/json-parse-errors';
import { DEADLINE_EXCEEDED } from '../network/network-patterns';
import { execAt } from '../shared/text-match';
import { codeForReasonPhrase } from '../status/status-reasons';
import { ERROR_WORDS, isFailingCode, isFromReceiver, SERVER_FRAMEWORK_PACKAGE } from './receiver-words-loose';

export interface ThrownWords {
  start: number;
  end: number;
  message: string;
}

/** What every class name THROWN takes ends in; a cheap scan for it comes first (see nextThrown). */
const CLASS_ENDINGS = 'Error|Exception|Fault';

/**
 * A qualified class name that ends in Error, Exception or Fault (an error number or Node's
 * `[HttpError]` name in brackets may follow), then its message: after a colon or a dash (a Rails log's
 * `Slack::Web::Api::Errors::SlackError - channel_not_found`) on the same line, inside the parentheses Ruby prints,
 * or on the next line below a bracketed name or below the receiver's error number in parentheses
 * (`Services_Twilio_RestException (21211)`). Bounded, so each candidate costs one short match.
 * Sticky: tried only where nextThrown finds a class name can start.
 */
export const THROWN = new RegExp(
  String.raw`(?<![\w.:\\$])((?:[A-Za-z_$][\w$]{0,40}(?:\.|::|\\))*[A-Za-z_$][\w$]{0,40}?(?:${CLASS_ENDINGS}))(?:[ \t]?\[\w{1,12}\])?(?:[ \t]*:[ \t]+|[ \t]+-[ \t]+|[ \t]+\(\d{1,8}\)[ \t]*\r?\n[ \t]*|[ \t]+\(|\][ \t]*\r?\n[ \t]*)([^\n\r]{3,400})`,
  'y',
);

/** Class names of an API client's errors: the service, the request or the refusal they report. */
const API_CLASS =
  /api|rest|http|request|response|client|auth|permission|forbidden|unauthori[sz]ed|ratelimit|validation|notfound|badrequest|conflict|unprocessable|stripe|twilio|mailchimp|discord|slack|hubspot|klaviyo|openai|anthropic|graphql|webhook/i;
/**
 * Ruby and PHP namespaces of the runtime, its standard library and common frameworks: an
 * exception under one of them is the sender's own.
 */
const RUNTIME_NAMESPACE =
  /^(?:Net|OpenSSL|Errno|JSON|Psych|Timeout|Encoding|IO|Active\w+|Action\w+|Rails|Rack|Sidekiq|Faraday|RestClient|HTTParty|Excon|Illuminate|Symfony|Doctrine|Laravel|GuzzleHttp)(?:::|\\)/;
/**
 * `Postmark::InvalidMessageError`, `Acme\\Exception\\ApiException`: an exception a vendor's Ruby
 * or PHP SDK defines. Dotted names are left to API_CLASS: Java's, Python's and Node's own
 * packages and stack frames are dotted too.
 */
const isVendorNamespaced = (className: string): boolean => /::|\\/.test(className) && !RUNTIME_NAMESPACE.test(className);

/**
 * A client that could not connect or parse, or a webhook library verifying a signature on the
 * writer's own server (`SignatureVerificationError`, `WebhookVerificationError`): its words are
 * the sender's, not the receiver's.
 */
const CLIENT_FAILURE_CLASS = /connect|timeout|timedout|ssl|tls|socket|dns|resolve|proxy|decode|parse|syntax|json|verification/i;

/**
 * A client that could not reach the receiver says so in these words, Go's and gRPC's deadline
 * among them ("Error on notify: context deadline exceeded"): no receiver spoke.
 */
export const NETWORK_FAILURE = new RegExp(
  `\\b(?:connection|connect|ssl|tls|certificate|handshake|socket|no such host|host is known|resolve|timed? ?out|unreachable|refused|sending the request|${DEADLINE_EXCEEDED})\\b|(?:Read|Open|Connect|Write)Timeout\\b`,
  'i',
);

const STATUS_IN_WORDS = /\b[45]\d\d\b/;

/**
 * What an SDK puts before the receiver's words (its exception's class, `HTTP 400 error:`,
 * `[HTTP 400]`, `400 - `, a status with its reason in parentheses (`403 (unauthorized):`, `Too Many
 * Requests (429):`), `Unable to create record:`, `Request req_123:`, botocore's `An error occurred
 * (AccessDenied) when calling the PutObject operation:`, the comma of a chain
 * whose outer error has no words, `AuthenticationError: , InvalidClientIdError: …`) and after them
 * (`(Stripe::InvalidRequestError)`, `):`, PHP's ` in /path/File.php:559` of an uncaught exception).
 */
const SDK_PREFIX =
  /^(?:(?:[\w$]{1,40}(?:\.|::|\\))*[\w$]{0,40}(?:Error|Exception)(?:\[\w{1,12}\])?:[ \t]*|\[?HTTP[ \t]+\d{3}\]?(?:[ \t]+error)?[ \t]*:?[ \t]*|Unable to (?:create|fetch|update|delete) record:[ \t]*|An error occurred \([\w.]{1,64}\) when calling the \w{1,64} operation(?:[ \t]*\(reached max retries: \d{1,3}\))?:[ \t]*|Request[ \t]+req_\w+:[ \t]*|[45]\d\d[ \t]+-[ \t]+|[45]\d\d[ \t]*\([A-Za-z][A-Za-z' -]{2,38}\)[ \t]*:[ \t]*|[A-Za-z][A-Za-z' -]{2,38}\([45]\d\d\)[ \t]*:[ \t]*|[,;][ \t]*)+/i;
const SDK_SUFFIX =
  /[ \t]*(?:\((?:[\w$]+(?:\.|::))*[\w$]+(?:Error|Exception)\)|\)?:|\)`?|`\.?|[ \t]in[ \t]+\S+\.php(?::\d+|[ \t]+on[ \t]+line[ \t]+\d+))?[ \t]*$/;

/** The class endings as plain words, found with indexOf: cheaper than a regex of them. */
const CLASS_ENDING_WORDS = CLASS_ENDINGS.split('|');

/**
 * The class endings of one text in order. Each word's next place is kept, and searched again only
 * once the scan has passed it, so a text full of one ending is not searched again for the others.
 * The scan only moves forward: each `from` is at or after the one before.
 */
export class ClassEndings {
  private readonly next = CLASS_ENDING_WORDS.map(() => -2);

  constructor(private readonly text: string) {}

  /** The first ending at or after `from`, and its length; null when none is left. */
  from(from: number): { at: number; length: number } | null {
    let found: { at: number; length: number } | null = null;
    CLASS_ENDING_WORDS.forEach((word, i) => {
      if (this.next[i] !== -1 && this.next[i]! < from) this.next[i] = this.text.indexOf(word, from);
      const at = this.next[i]!;
      if (at !== -1 && (found === null || at < found.at)) found = { at, length: word.length };
    });
    return found;
  }
}

/** A character of a qualified class name (`\w`, `.`, `:`, `\`, `$`): what THROWN's lookbehind rules out. */
const isClassChar = (code: number): boolean =>
  (code >= 48 && code <= 58) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 95 ||
  code === 46 ||
  code === 92 ||
  code === 36;

/**
 * THROWN's next match from `from`, as THROWN.exec would give it, without trying every word of the
 * text: a match can only start where a run of class-name characters starts, in a run that holds
 * a class ending, so only those run starts are tried.
 */
export function nextThrown(text: string, from: number, endings: ClassEndings): RegExpExecArray | null {
  for (let ending = endings.from(from); ending !== null;) {
    let runStart = ending.at;
    while (runStart > 0 && isClassChar(text.charCodeAt(runStart - 1))) runStart--;
    if (runStart >= from) {
      const match = execAt(THROWN, text, runStart);
      if (match !== null) return match;
    }
    let runEnd = ending.at + ending.length;
    while (runEnd < text.length && isClassChar(text.charCodeAt(runEnd))) runEnd++;
    ending = endings.from(runEnd);
  }
  return null;
}

/**
 * PHP's print of an uncaught exception: `exception 'Vendor\\SdkException' with message '…' in
 * /path/File.php:146`. The class is quoted and need not end in Exception (`Mailchimp_Invalid_ApiKey`).
 */
const PHP_THROWN = /\bexception '([\w\\]{1,120})' with message '([^\n\r]{3,400}?)'(?= in |[ \t]*$)/gim;
/** Classes PHP or a PHP framework throws on its own: bare SPL names and the frameworks' namespaces. */
const PHP_OWN_CLASS = /^(?:\w+|(?:Illuminate|Symfony|Doctrine|Laravel|Zend|Laminas|Yii|Cake|PHPUnit|Composer)\\.*)$/;

/** A vendor's class (namespaced or PEAR-style) that is no framework's, or one that names an API. */
const isSdkClass = (className: string): boolean =>
  (API_CLASS.test(className) || !PHP_OWN_CLASS.test(className) || className.includes('_')) && !CLIENT_FAILURE_CLASS.test(className);

/**
 * An SDK's chain of failures that ends in the status's reason phrase and the body's message:
 * `start crawl job failed: Unauthorized: Invalid token`, `Error: Forbidden: Missing scope`.
 */
const RELAYED_STATUS = /\b(?:failed|error)[ \t]*:[ \t]+([A-Z][A-Za-z' -]{2,38}?):[ \t]+([^\n\r]{3,300})/gi;

/** The receiver's words after a reason phrase in a chain of failures (see RELAYED_STATUS). */
function relayedStatusWords(text: string): ThrownWords[] {
  const found: ThrownWords[] = [];
  RELAYED_STATUS.lastIndex = 0;
  for (let match = RELAYED_STATUS.exec(text); match !== null; match = RELAYED_STATUS.exec(text)) {
    if (codeForReasonPhrase(match[1]!) === undefined) continue;
    const message = receiversPart(match[2]!);
    if (message !== null) found.push({ start: match.index, end: match.index + match[0].length, message });
  }
  return found;
}

/**
 * A receiver's error code in PascalCase before its message, as SDKs and tools print it: AWS's
 * `SignatureDoesNotMatch: The request signature we calculated…`, Azure's `InvalidAudience: Invalid
 * authorization token audience.`, Ruby's `S3::Error::SignatureDoesNotMatch: …`. The code joins at
 * least two capitalised words, one of them a refusal; a class ending in Error or Exception is
 * THROWN's to read.
 */
const SERVICE_CODE = /(?<![\w.:\\$>])((?:[A-Za-z_]\w{0,40}(?:::|\.))*([A-Z][a-z]+(?:[A-Z][a-z]*){1,6})):[ \t]+([A-Z][^\n\r]{8,300})/g;
/** The refusal a service code names. */
const SERVICE_CODE_REFUSAL =
  /Invalid|NotFound|NoSuch|DoesNot|NotMatch|Mismatch|Denied|Expired|Missing|Unauthori[sz]ed|Forbidden|Exceeded|Malformed|Unsupported|NotAllowed|Insufficient|Incorrect|Revoked|Disabled|AlreadyExists|Throttl/;
/** Cheap test first: a PascalCase word right before a colon and a space. */
const SERVICE_CODE_MARK = /[a-z][A-Z][a-z]+: /;

/** A code that opens a list item (`- InvalidMessage: …`). */
const LIST_ITEM_BEFORE = /(?:^|\n)[ \t]*[-*•][ \t]+$/;

function serviceCodeWords(text: string): ThrownWords[] {
  if (!SERVICE_CODE_MARK.test(text)) return [];
  const found: (ThrownWords & { listed: boolean })[] = [];
  const listedCodes = new Set<string>();
  for (const match of text.matchAll(SERVICE_CODE)) {
    const code = match[2]!;
    const listed = LIST_ITEM_BEFORE.test(text.slice(Math.max(0, match.index - 8), match.index));
    if (listed) listedCodes.add(code);
    if (/(?:Error|Exception|Fault)$/.test(code) || !SERVICE_CODE_REFUSAL.test(code) || CLIENT_FAILURE_CLASS.test(code)) continue;
    const message = receiversPart(match[3]!);
    if (message !== null) found.push({ start: match.index, end: match.index + match[0].length, message, listed });
  }
  // List items that each explain a different code are a glossary; one code repeated is a log.
  const glossary = listedCodes.size > 1;
  return found.filter((said) => !(glossary && said.listed)).map(({ start, end, message }) => ({ start, end, message }));
}

/**
 * A reason phrase, a colon and words in lower case: the receiver's description in the form
 * Telegram gives it (`Bad Request: chat not found`, `Forbidden: bot was blocked by the user`),
 * printed in a log line with no status beside it. A writer's sentence goes on in capitals.
 */
const REASON_THEN_LOWER = /(?<![\w-])([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3}):[ \t]+([a-z][^\n\r]{4,300})/g;
/** How far back on its line the start of a reason phrase's line is looked for. */
const REASON_LINE_REACH = 200;

/**
 * What stands before the reason phrase on its line when the writer, not a log, wrote it: a table
 * cell, or a Markdown title that quotes a status line (`# … fail with \`400 Bad Request: …\``).
 */
const WRITERS_LINE_BEFORE = /(?:^|\n)[ \t]*(?:\|[^\n]*|#[^\n]*\b[45]\d\d[ \t]*(?:-[ \t]*)?)$/;

/** Cheap test first: the last word of a 4xx or 5xx reason phrase, a colon and a word in lower case. */
const REASON_END_MARK =
  /(?:Request|Requests|Unauthori[sz]ed|Forbidden|Found|Allowed|Acceptable|Required|Timeout|Conflict|Gone|Large|Long|Type|Satisfiable|Failed|Entity|Content|Locked|Dependency|Early|Reasons|Error|Implemented|Gateway|Unavailable|Supported|Storage|Detected|Extended): [a-z]/;

function reasonThenLowerWords(text: string): ThrownWords[] {
  if (!REASON_END_MARK.test(text)) return [];
  const found: ThrownWords[] = [];
  for (const match of text.matchAll(REASON_THEN_LOWER)) {
    const code = codeForReasonPhrase(match[1]!);
    // A connection's failure named like a status (Cloudflare's "Connection Timed Out") is no answer.
    if (code === undefined || code < 400 || NETWORK_FAILURE.test(match[1]!)) continue;
    if (WRITERS_LINE_BEFORE.test(text.slice(Math.max(0, match.index - REASON_LINE_REACH), match.index))) continue;
    const message = receiversPart(match[2]!.replace(/[ \t]*[`'"”*]+[.]?$/, ''));
    if (message !== null) found.push({ start: match.index, end: match.index + match[0].length, message: `${match[1]}: ${message}` });
  }
  return found;
}

/**
 * A log's label for the answer's words (`Microsoft Teams response text: Summary or Text is
 * required.`, `Response message = Unauthorized (…)`): what follows is what the receiver sent.
 */
const RESPONSE_TEXT_LABEL = /\b(?:response|reply)[ _-]?(?:text|message|msg)[ \t]*[:=][ \t]*["']?([^\n\r"'{[<>]{3,300})/gi;

function responseTextWords(text: string): ThrownWords[] {
  if (!/respon|repl/i.test(text)) return [];
  const found: ThrownWords[] = [];
  for (const match of text.matchAll(RESPONSE_TEXT_LABEL)) {
    const message = receiversPart(match[1]!.replace(/[ \t]*[`'"”]+[.]?$/, ''));
    if (message !== null) found.push({ start: match.index, end: match.index + match[0].length, message });
  }
  return found;
}

/** Every message an API client threw in `text`, in text order. */
export function findThrownWords(text: string): ThrownWords[] {
  const found: ThrownWords[] = [
    ...phpThrownWords(text),
    ...relayedStatusWords(text),
    ...errorModuleWords(text),
    ...serviceCodeWords(text),
    ...reasonThenLowerWords(text),
    ...responseTextWords(text),
  ];
  /** Messages of API classes that are the client's own words (its setup advice, its status line). */
  const own: string[] = [];
  const endings = new ClassEndings(text);
  for (let match = nextThrown(text, 0, endings); match !== null; match = nextThrown(text, match.index + match[0].length, endings)) {
    const className = match[1]!;
    if (!(API_CLASS.test(className) || isVendorNamespaced(className)) || CLIENT_FAILURE_CLASS.test(className)) continue;
    if (SERVER_FRAMEWORK_PACKAGE.test(className)) continue;
    // A body printed after the class is read as a body; here only plain words count. "Received
    // forbidden error (403)": the client telling the status, not the receiver's words.
    const message = receiversPart(match[2]!);
    if (message === null) own.push(dropClientFrame(match[2]!));
    else if (!thrownByShownCode(text, message)) found.push({ start: match.index, end: match.index + match[0].length, message });
  }
  // A title that shortens the client's own message (`# AuthenticationError: No API key provided`) is the client's too.
  const kept =
    own.length === 0
      ? found
      : found.filter((said) => !own.some((words) => words.length > said.message.length && words.startsWith(said.message)));
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * True when the text shows the code that throws these words (`throw new AuthenticationError('API
 * key is required…')`, `raise ApiError("…")`): the sender's library wrote them, not the receiver.
 */
function thrownByShownCode(text: string, message: string): boolean {
  const opening = message.slice(0, SHOWN_CODE_QUOTE);
  for (const quote of ["('", '("', '(`']) {
    const at = text.indexOf(quote + opening);
    if (at !== -1 && THROW_BEFORE.test(text.slice(Math.max(0, at - THROW_REACH), at))) return true;
  }
  return false;
}
/** How much of a message the code's string literal must hold. */
const SHOWN_CODE_QUOTE = 24;
/** `throw new SomeError`, `raise SomeError`, right before the literal's parenthesis. */
const THROW_BEFORE = /\b(?:throw(?: new)?|raise)[ \t]+[\w$.]{1,60}$/;
const THROW_REACH = 80;

/** The SDK messages of PHP's uncaught-exception prints (see PHP_THROWN). */
function phpThrownWords(text: string): ThrownWords[] {
  if (!text.includes("' with message '")) return [];
  const found: ThrownWords[] = [];
  PHP_THROWN.lastIndex = 0;
  for (let match = PHP_THROWN.exec(text); match !== null; match = PHP_THROWN.exec(text)) {
    const message = receiversPart(match[2]!);
    if (message !== null && isSdkClass(match[1]!)) found.push({ start: match.index, end: match.index + match[0].length, message });
  }
  return found;
}

/** The receiver's words of an SDK's message, or null when the words are the client's own (see findThrownWords). */
function receiversPart(words: string): string | null {
  const message = dropClientFrame(words);
  // A body or a list opens with a bracket; a bracketed tag (Shopify's `[API] Invalid API key …`) is words.
  if (message.length < 3 || /^(?:[{<]|\[(?![A-Za-z][\w ]{0,20}\][ \t]))/.test(message) || message.includes('{')) return null;
  if (!(ERROR_WORDS.test(message) || isFailingCode(message)) || NETWORK_FAILURE.test(message) || !isFromReceiver(message)) return null;
  if (RUNTIME_PARSE_FAILURE.test(message)) return null;
  return STATUS_IN_WORDS.test(message) ? null : message;
}

/** A class name that opens a line (`TypeError: …`, `requests.exceptions.ConnectionError: …`). */
const LEADING_CLASS = /^((?:[A-Za-z_$][\w$]{0,40}(?:\.|::|\\))*[A-Za-z_$][\w$]{0,40}?(?:Error|Exception))\b/;

/**
 * True when a line is the sender's own failure: a connection error, or an exception whose class
 * is no API client's (a runtime's `TypeError`, a parser's `JSONDecodeError`).
 */
export function isClientsOwnError(line: string): boolean {
  if (NETWORK_FAILURE.test(line)) return true;
  const className = LEADING_CLASS.exec(line)?.[1];
  return (
    className !== undefined &&
    (!API_CLASS.test(className) || CLIENT_FAILURE_CLASS.test(className) || SERVER_FRAMEWORK_PACKAGE.test(className))
  );
}

/** A reason phrase with a colon that an SDK puts before the body's message (`Unauthorized: Invalid token`). */
const REASON_LABEL = /^([A-Z][A-Za-z' -]{2,38}?)[ \t]*:[ \t]+(?=\S)/;

/** The receiver's words without what the client put around them (see SDK_PREFIX, SDK_SUFFIX, REASON_LABEL). */
export function dropClientFrame(words: string): string {
  const bare = words.replace(SDK_PREFIX, '').replace(SDK_SUFFIX, '').trim();
  const reason = REASON_LABEL.exec(bare);
  return reason && codeForReasonPhrase(reason[1]!) !== undefined ? bare.slice(reason[0].length) : bare;
}

/** An exception's class and colon right before a body on its line (`HttpError: {…}`, `ApiError[404]: {…}`). */
const CLASS_LABEL_BEFORE = new RegExp(
  String.raw`(?<![\w.:\\$])((?:[A-Za-z_$][\w$]{0,40}(?:\.|::|\\))*[A-Za-z_$][\w$]{0,40}?(?:${CLASS_ENDINGS}))(?:[ \t]?\[\w{1,12}\])?[ \t]*:[ \t]*$`,
);

/**
 * True when the words before a body on its line end in an API client's exception label: the
 * client relays the receiver's body as its message (Octokit's `HttpError: {"message":…}`). A
 * runtime's or a connection's error class is the sender's own.
 */
export function followsApiErrorLabel(before: string): boolean {
  const className = CLASS_LABEL_BEFORE.exec(before)?.[1];
  return (
    className !== undefined &&
    API_CLASS.test(className) &&
    !CLIENT_FAILURE_CLASS.test(className) &&
    !SERVER_FRAMEWORK_PACKAGE.test(className)
  );
}

/**
 * A Python class under a package's error module whose name does not end in Error or Exception
 * (those THROWN reads):
 * `telegram.error.BadRequest: Chat not found`, `pygithub3.exceptions.BadRequest: 400 - …`. The
 * module says it is an error; its class and words must still be an API's refusal, not a
 * connection's failure nor the client's own status line (see receiversPart).
 */
const ERROR_MODULE_CLASS =
  /(?<![\w.])((?:[A-Za-z_]\w{0,40}\.)+(?:errors?|exceptions?)\.[A-Z]\w{1,40}(?<!Error|Exception|Fault)):[ \t]+([^\n\r]{3,400})/g;
/** Cheap test first: only texts with such a module can hold one. */
const ERROR_MODULE_MARK = /\.(?:errors?|exceptions?)\.[A-Z]/;

function errorModuleWords(text: string): ThrownWords[] {
  if (!ERROR_MODULE_MARK.test(text)) return [];
  const found: ThrownWords[] = [];
  for (const match of text.matchAll(ERROR_MODULE_CLASS)) {
    const className = match[1]!;
    if (
      CLIENT_FAILURE_CLASS.test(className) ||
      SERVER_FRAMEWORK_PACKAGE.test(className) ||
      /(?:^|\.)(?:HTTPError|RequestException)$/.test(className)
    )
      continue;
    const message = receiversPart(match[2]!);
    if (message !== null) found.push({ start: match.index, end: match.index + match[0].length, message });
  }
  return found;
}
