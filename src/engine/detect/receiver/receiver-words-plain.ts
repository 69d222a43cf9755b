// The receiver's words written plainly right after the status they came with, as people and
// delivery logs put them: `403 - Authorization data is wrong!`, `receives 403 "Invalid
// signature" response`, `404: The requested webhook is not registered`. Only words that report a
// failure count, and never a reason phrase that merely repeats the status.
import { codeForReasonPhrase } from '../status/status-reasons';
import { ERROR_WORDS, isFromReceiver } from './receiver-words-loose';
import { execAt } from '../shared/text-match';
import { lineStartWithin } from '../../text';
import { dropClientFrame } from './receiver-words-thrown';
import { isFailingSlug } from './receiver-words-slug';
import { keptPerText } from '../shared/memo';

/**
 * After the status: a dash, a colon, the bracket that closes it (`[HTTP 400] …`) or a client's closing
 * parenthesis and colon (`Authentication failed (401): Invalid bearer token`), then the rest of the line (200 characters at most; not a
 * body, which the body readers read whole), or a quoted message, right after the status or its colon (`HTTP 400: "Invalid JSON payload
 * received"`), or after words that say it is the answer (`401 reading \`…\``, `400 with body "invalid_blocks"`); a quote followed by a
 * space closes the status's own code span (`` `HTTP 401` when … ``) rather than opening a message; or after a client's label
 * for what came back (`status: 401, body: token contains…`, `401 response returned: No API key specified`). Anchored (`y`) and
 * bounded, so each status costs one short match.
 */
const PLAIN_ANSWER =
  /[ \t]*(?:(?::|\]|\)[ \t]*:|(?<=[ \t])[-–—])[ \t]*([^\s"“`{[<][^\n\r"“`]{2,199})|(?::[ \t]*|(?:reading|saying|with(?: the)? (?:message|body|error))[ \t]+)?["“`]([^\s"”`][^"”`\n\r]{2,299})["”`]|(?:,[ \t]*|(?<=[ \t]))(?:(?:response[ \t]+)?body|response[ \t]+returned|returned)[ \t]*:[ \t]*([^\s"“`{[<][^\n\r"“`]{2,199}))/y;

/**
 * The message written right after the digits of a status ending at `end`, or null. After a
 * reason phrase ("400 Bad Request: the Zap is missing a field") the words are most often a
 * table's description of the status, not an answer.
 */
export function plainAnswerAfter(text: string, end: number): string | null {
  if (!/^[45]\d\d$/.test(text.slice(end - 3, end))) return null;
  const match = execAt(PLAIN_ANSWER, text, end);
  const message = dropClientFrame((match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim()).replace(CLIENT_TAIL, '');
  return asAnswer(message);
}

/**
 * The words right after a status, with only a space between (`401 Invalid API key`, `Error: 403
 * Resource not accessible by integration`, `[API Error: 401 Incorrect API key provided: …`), up
 * to the end of the line, a closing quote or bracket (full-width ones of CJK prose too), or a sentence of prose that follows. Sticky
 * and bounded: one short match per status.
 */
const WORDS_RIGHT_AFTER = /[ \t]([A-Za-z][^\n\r`"”\]|[{(（），。]{2,159})([^\n\r]{0,80})/y;
/**
 * How the receiver's words start: a capital (`Invalid API key`, `JWT Token not found`) or, in
 * lower case, a word that itself reports the failure (`invalid api key`, `missing token`).
 */
const MESSAGE_START =
  /^(?:[A-Z]|(?:invalid|incorrect|missing|malformed|expired|unknown|unable|cannot|unsupported|unrecogni[sz]ed|no|not)\b)/;
/**
 * A first word that ties the status into a sentence ("401 when the token…", "403 on every call",
 * "500 errors since Monday", "400 either means…"): prose about the status, not the receiver's words.
 */
const PROSE_AFTER_STATUS =
  /^(?:when|whenever|if|because|since|for|on|upon|in|at|with|without|and|or|but|after|before|from|to|of|by|as|is|was|are|were|be|been|has|have|had|the|a|an|every|each|all|any|instead|even|either|while|until|unless|then|so|too|only|again|also|may|might|could|can|should|would|will|usually|typically|probably|means|indicates|error|errors|response|responses|reply|status|statuses|code|codes|http|page|back|here|there|times?|ms|sec|seconds?|minutes?|hours?|requests?|calls?|hits?|returned|returns?|received|occurs?|occurred|happens?|happened|thrown|which|that|this|these|those|it|they|you|he|she|issue|issues|problem|bug)\b/i;
/** Where the receiver's words end and the writer's go on: a sentence or clause of prose after them. */
const PROSE_TAIL = /(?:[.,;] |\s+(?:when|if|because|after|since|and then|but|while|even)\s).*$/is;
/** A few words and "error" or "response" ("Invalid Credentials error"): the writer naming what came back. */
const NAMED_ERROR = /^\S+(?:\s+\S+){0,2}\s+(?:error|errors|response|exception)$/i;
/** A status line's own reason phrase, however worded (`HTTP/1.1 502 Fiddler - DNS Lookup Failed`). */
const STATUS_LINE_BEFORE = /HTTP\/\d(?:\.\d)?[ \t]+$/;

/**
 * The receiver's words right after the digits of a status ending at `end`, with no mark between;
 * or null. At least two words, and none when a body follows on the line (its words say it better;
 * see BODY_AFTER_WORDS).
 */
export function wordsRightAfterStatus(text: string, end: number): string | null {
  if (!/^[45]\d\d$/.test(text.slice(end - 3, end))) return null;
  const match = execAt(WORDS_RIGHT_AFTER, text, end);
  const words = match?.[1]?.trim();
  if (!words || !MESSAGE_START.test(words) || FIRST_PERSON.test(words)) return null;
  if (PROSE_AFTER_STATUS.test(words) && !addressesCaller(text, end, words)) return null;
  if (BODY_AFTER_WORDS.test(match![2]!) || STATUS_LINE_BEFORE.test(text.slice(Math.max(0, end - 12), end - 3))) return null;
  // A reason phrase first ("401 Unauthorized even if …") is the status again, whatever follows.
  if (startsWithReasonPhrase(words)) return null;
  const message = words.replace(PROSE_TAIL, '').trim();
  // "a 401 Unauthenticated error": one word and the writer's name for what came back.
  return /\S\s+\S/.test(message) && !NAMED_ERROR.test(message) ? asAnswer(message) : null;
}

/**
 * A body after the words on their line: a brace or bracket, or a parenthesis that opens a quoted
 * value, a bytes repr or a labelled field (`({"error": …})`, `(b'…')`, `(body: …)`). An aside in
 * parentheses (`(i.e. Authorization: …)`, Google's `(or it may not exist).`) is the words' own.
 */
const BODY_AFTER_WORDS = /^(?:[{[]|\([ \t]*(?:[{[]|b?['"]|\w{1,20}[ \t]*[:=]))/;

/** Only marks that open a printed line (indent, quote, backtick, a quote's `>`) before the status. */
const LINE_OPENING = /^[ \t>`'"]*$/;

/**
 * A capital "You" right after a status that opens its line (`401 You didn't provide an API key.`,
 * `403 You must be a verified sender`): a client printed the status and the receiver's words,
 * which address the caller; in a sentence ("a 401 you can fix by…") the "you" is the writer's reader.
 */
function addressesCaller(text: string, end: number, words: string): boolean {
  if (!/^You\b/.test(words)) return false;
  const from = lineStartWithin(text, end - 3, LINE_REACH);
  return (from === 0 || text.charCodeAt(from - 1) === 10) && LINE_OPENING.test(text.slice(from, end - 3));
}
/** How far before a status its line's opening marks are looked for. */
const LINE_REACH = 8;

/** True when the first one to four words are a reason phrase ("Unauthorized", "Bad Request"). */
function startsWithReasonPhrase(words: string): boolean {
  const first = words.split(/[^A-Za-z'-]+/, 4);
  for (let count = 1; count <= first.length; count++) {
    if (codeForReasonPhrase(first.slice(0, count).join(' ')) !== undefined) return true;
  }
  return false;
}

/**
 * A status, its reason phrase and a colon (or a dash), then the receiver's words to the end of the line:
 * `unexpected status 401 Unauthorized: Invalid API key, url: …`, `ETELEGRAM: 400 Bad Request: chat
 * not found`, with the receiver's error number between (`400 Bad Request (error code: 50006): …`).
 * Sticky at the status's digits; the words stop before a body (the body readers read it).
 */
const REASON_THEN_WORDS =
  /([45]\d\d)(?:[ \t]*:)?[ \t]+([A-Z][A-Za-z' -]{1,40}?)(?:[ \t]*(\((?:error[ \t]+)?code:?[ \t]*\d{1,8}\)))?(?:[ \t]*:|[ \t]+(-)(?=[ \t]))[ \t]*([^\s{[<][^\n\r]{2,199})/y;
/** How far before `end` the status's digits may lie: its reason phrase may be inside the finding. */
const REASON_REACH = 48;
/**
 * How much of the line before a status the list and quote checks read. Each status of a line is
 * read once: reading the whole line made a one-line log of 100,000 statuses quadratic (a 256 KB
 * line took 2.6 s, a megabyte minutes).
 */
const BEFORE_REACH = 500;

/** True when a letter stands before `at` on its line: words speak before the status. */
function letterBefore(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10) return false;
    if ((code | 32) >= 97 && (code | 32) <= 122) return true;
  }
  return false;
}
/**
 * What a client or a runtime appends after the receiver's words: Go's `, url: …`, Perl's ` at
 * FILE line N.`, a closing backtick or quote.
 */
const CLIENT_TAIL = /(?:,[ \t]+url:.*|[ \t]+at[ \t]+\S+[ \t]+line[ \t]+\d+\.?.*)$|[ \t]*[`'"”]+[.]?$/;
/**
 * Words before the status on its line: a log or an exception speaks, not a row of a list of
 * statuses or a title that opens with one (`- 400 Bad Request: the Zap is missing…`), nor a pair
 * of statuses (`502 Bad Gateway and 504 …: both errors mean…`).
 */
const LIST_BEFORE = /(?:\b(?:and|or)|[,&/])[ \t]*$/i;
/**
 * A status that opens a quote or a code span (`` fail with `400 Bad Request: …` ``) heads what the
 * writer quotes, as a title does; one inside a body's string (`"msg": "401 Unauthorized: …"`) is
 * the body's, which the body readers read whole.
 */
const OPENS_QUOTE_BEFORE = /[`'"“][ \t]*$|["']\s*:\s*["'][^"'\n]*$/;

/** A client's label right before a status: a colon or the parenthesis that closes the status it repeats. */
const LABEL_BEFORE = /[:)][ \t]*$/;

/**
 * The receiver's words after a status's reason phrase and a colon (or a dash after a label), when a log or a client's
 * error line carries the status (words stand before it on its line); or null. A table or a list
 * of statuses opens its rows with them, and its words are the writer's (st-101, nb5-139).
 */
export function wordsAfterReasonColon(text: string, end: number): string | null {
  const lineStart = lineStartWithin(text, end, BEFORE_REACH);
  const from = Math.max(lineStart, end - REASON_REACH);
  const digits = text.slice(from, end).search(/[45]\d\d(?!.*[45]\d\d)/s);
  if (digits === -1) return null;
  const at = from + digits;
  if (at > lineStart && /\w/.test(text[at - 1]!)) return null;
  const match = execAt(REASON_THEN_WORDS, text, at);
  if (!match || codeForReasonPhrase(match[2]!) === undefined || match.index + match[0].length - match[5]!.length < end) return null;
  // The receiver's own error number after the reason phrase (discord.py's `400 Bad Request (error
  // code: 50035): …`) marks a client's print of the answer wherever the status stands.
  const framed = match[3] !== undefined;
  const before = text.slice(lineStart, at);
  if (!framed && (!letterBefore(text, at) || LIST_BEFORE.test(before) || OPENS_QUOTE_BEFORE.test(before))) return null;
  // A dash after the reason phrase is a client's print only where the status follows its label
  // (`GitHub API error (422): 422 Unprocessable Entity - Validation Failed`); in a sentence ("The
  // error 401 Unauthorized - No token provided occurs.") the writer tells what happened.
  if (match[4] !== undefined && !LABEL_BEFORE.test(before)) return null;
  const words = match[5]!.replace(CLIENT_TAIL, '').trim();
  return FIRST_PERSON.test(words) ? null : asAnswer(words);
}

/**
 * The rest of a status line, then one line of words that ends its block (a blank line, a fence
 * or the end follows): the plain-text page a server answered with, pasted under its status
 * ("401 Unauthorized" / "You need a valid user and password to access this content."). A page
 * may first repeat its reason phrase as a heading (Flask's "Not Found" above its sentence). An
 * exception's message lines end where its stack frames begin (`\tat com.example.Client.send(`).
 */
const ANSWER_LINE_BELOW =
  /[ \t]*\r?\n(?:[ \t]*([A-Za-z][A-Za-z' -]{2,40}?)[ \t]*\r?\n)?[ \t]*([^\s{[<#*|>`\d-][^\n\r]{2,160})\r?(?:\n[ \t]*(?:\r?\n|```|at[ \t]+[\w$.<]+[.(])|\n?$)/y;
/** The writer speaking, not the server: "I", "we", "my" make a line prose. */
const FIRST_PERSON = /\b(?:I|we|my|our|me|us)\b/;
/** A quote or fence mark that closed the pasted page at the end of its line. */
const CLOSING_MARKS = /[ \t]*[`'"”]+$/;

/** A Markdown heading: the writer's title for what follows, which is then the writer's own account. */
const HEADING_LINE = /^[ \t]*#{1,6}[ \t]/;
/** How far back a heading's mark is looked for: a title is short, and a long line is read once per status. */
const HEADING_REACH = 300;

/** True when the line that holds `end` is a Markdown heading (within HEADING_REACH before `end`). */
function underHeading(text: string, end: number): boolean {
  const from = Math.max(0, end - HEADING_REACH);
  const before = text.slice(from, end);
  const lineStart = before.lastIndexOf('\n');
  return (lineStart !== -1 || from === 0) && HEADING_LINE.test(before.slice(lineStart + 1));
}

/** The one line of words right below a status line ending at `end`, when it reads as the answer. */
export function answerLineBelow(text: string, end: number): string | null {
  if (underHeading(text, end)) return null;
  const match = execAt(ANSWER_LINE_BELOW, text, end);
  if (match?.[1] !== undefined && codeForReasonPhrase(match[1]) === undefined) return null;
  const line = (match?.[2] ?? '').replace(CLOSING_MARKS, '').trim();
  return FIRST_PERSON.test(line) ? null : asAnswer(line);
}

/**
 * After a status (and its reason phrase), a word that calls what follows the answer, then a
 * colon and the answer on the same line: Guzzle's "resulted in a `410 Gone` response: push
 * subscription has expired", a log's "status: 400 body: invalid JSON payload", Go's "401
 * Unauthorized (body: …)".
 */
const ANSWER_AFTER_WORD =
  /[`'"”*]{0,2}(?:[ \t]+[A-Z][A-Za-z]{1,20}(?: [A-Z][A-Za-z]{1,20}){0,3})?[ \t]{1,2}\(?(?:response|reply|answer|body)[ \t]*:[ \t]*([^\n\r{[<]{3,200})/iy;

/** The message after "… response:" that follows a status ending at `end`, or null. */
export function answerAfterResponseWord(text: string, end: number): string | null {
  const match = execAt(ANSWER_AFTER_WORD, text, end);
  const message = (match?.[1] ?? '').replace(/[ \t]+[.]+$/, '').trim();
  // "(body: …)": the parenthesis that opened before the word closes after the answer.
  return asAnswer(match?.[0].includes('(') ? message.replace(/\)$/, '') : message);
}

/**
 * A log's `Body:` or `Response:` line a few lines below the status it follows, each line of the
 * log under its own label (`Code: 404` / `Message: Not Found` / `Body: channel_not_found`).
 */
const LABELLED_BODY_BELOW =
  /(?:[^\n]*\r?\n){1,3}?[^\S\n]*(?:\[[\w.-]{1,40}\][ \t]*)?(?:response[ \t]+)?(?:body|response)[ \t]*:[ \t]*([^\s{[<][^\n\r]{2,200})/iy;
/** Every line between the status and the labelled one is another label of the same log (`Message: …`). */
const LABEL_LINES = /^(?:[^\S\n]*(?:\[[\w.-]{1,40}\][ \t]*)?[A-Za-z][\w -]{0,30}:[^\n]*\r?\n)*$/;

/**
 * The index of the first line break at or after `end`, or -1. Statuses are read in order, and a
 * one-line log of 100,000 of them made each search walk the rest of the line (quadratic): the
 * last line end found answers for every status before it on its line.
 */
function lineEndAfter(text: string, end: number): number {
  if (text !== lastLine.text || end < lastLine.from || end > lastLine.known) {
    const found = text.indexOf('\n', end);
    lastLine = { text, from: end, end: found, known: found === -1 ? text.length : found };
  }
  return lastLine.end;
}
/** The last search: no line break lies in [from, known), and `end` is the one at `known` (or -1). */
let lastLine = { text: '', from: 0, end: -1, known: -1 };

/** The message on a `Body:` line of the log block the status heads, or null. */
export function labelledBodyBelow(text: string, end: number): string | null {
  const lineEnd = lineEndAfter(text, end);
  if (lineEnd === -1) return null;
  const match = execAt(LABELLED_BODY_BELOW, text, lineEnd);
  if (!match || !LABEL_LINES.test(text.slice(lineEnd + 1, match.index + match[0].length - match[1]!.length).replace(/[^\n]*$/, '')))
    return null;
  return asAnswer(match[1]!.replace(CLOSING_MARKS, '').trim());
}

/**
 * A status under a status label (`Status: 422`, `Code: 401`, `HTTP status = 403`) and the
 * message under its own label, after a comma on the same line or on one of the next label lines
 * (`Code: 401, Message: Bad credentials`; `Status: 422` / `Message: Request body contains …`): a
 * log of the answer's fields with no braces. A status in a sentence heads no such log.
 */
const STATUS_LABEL_BEFORE = /(?:^|\n)[^\S\n]*(?:[\w-]{1,20}[ \t]+)?(?:status(?:[ _]code)?|code|response[ _]code)[ \t]*[:=][ \t]*$/i;
const MESSAGE_LABEL_AFTER =
  /[ \t]*(?:[,;|][ \t]*|\r?\n(?:[^\S\n]*[A-Za-z][\w -]{0,30}[:=][^\n]*\r?\n){0,2}[^\S\n]*)(?:error[ _])?(?:message|msg)[ \t]*[:=][ \t]*([^\s{[<][^\n\r]{2,200})/iy;

/** The message of a braceless log of the answer's fields whose status ends at `end` (see MESSAGE_LABEL_AFTER). */
export function labelledMessage(text: string, end: number): string | null {
  if (!STATUS_LABEL_BEFORE.test(text.slice(Math.max(0, end - 60), end - 3))) return null;
  const match = execAt(MESSAGE_LABEL_AFTER, text, end);
  return match ? asAnswer(match[1]!.replace(CLOSING_MARKS, '').trim()) : null;
}

/**
 * Two words that only say what the status means (`403 Access denied`, `429 Rate limit`, a client's
 * `Client Error: Unauthorized`): the status again, like its reason phrase.
 */
const STATUS_MEANING =
  /^(?:access denied|permission denied|rate[- ]limit(?:ed)?|not authori[sz]ed|(?:client|server) error(?::[ \t]*[A-Za-z ]{3,40})?)[.!]?$/i;
/** A response header line (`WWW-Authenticate: Bearer error=…`): the body readers read its fields. */
const HEADER_LINE = /^[A-Za-z]+(?:-[A-Za-z]+)+:[ \t]/;

/** The words as the receiver's answer: worded as a failure (or a failing snake-case code), its own, and more than a reason phrase. */
function asAnswer(words: string): string | null {
  if (words === '' || HEADER_LINE.test(words) || STATUS_MEANING.test(words) || /[<>]/.test(words)) return null;
  if (!(ERROR_WORDS.test(words) || isFailingSlug(words)) || !isFromReceiver(words)) return null;
  return codeForReasonPhrase(words.replace(/[.!]+$/, '')) === undefined ? words : null;
}

/** A line that starts with a status and a dash, a colon or a capitalised word: one row of a list of statuses. */
const STATUS_ROW = /^[ \t]*[-*•|]?[ \t]*[`*]{0,2}[1-5]\d\d(?:[`*]{0,2}[ \t]*(?::|[ \t][-–—|])|[ \t]+[A-Z])/gm;
/** From this many such rows on, the text documents statuses rather than quoting an answer. */
const LIST_ROWS = 3;

/** A list of statuses is pasted on its own; a longer text is a log, whose rows are answers. */
const MAX_LIST_LENGTH = 16 * 1024;

/** True when `text` is a list of statuses with their meanings (a doc table, a bullet list). */
export function listsStatuses(text: string): boolean {
  if (text.length > MAX_LIST_LENGTH) return false;
  STATUS_ROW.lastIndex = 0;
  let rows = 0;
  while (STATUS_ROW.exec(text) !== null) if (++rows >= LIST_ROWS) return true;
  return false;
}

/** Words that only frame a status: "HTTP/1.1", "Response code", "status code", "(…)". */
const STATUS_FRAME = /\b(?:HTTP(?:\/[\d.]+)?|response|status|code)\b|[():,.!<>-]/gi;
const STATUS_NUMBER = /\b[1-5]\d\d\b/g;

/**
 * "Forbidden.", "Bad Request", "500: Internal Server Error", "Response code 401 (Unauthorized)":
 * a reason phrase, with or without its number and the words that frame it, says nothing the
 * status does not. Asked of the same few messages on every line of a log: answers are kept.
 */
export function repeatsStatus(message: string): boolean {
  return keptRepeatsStatus(message);
}

/** What repeatsStatus answers, read afresh. */
function readsAsStatusRepeat(message: string): boolean {
  const withoutNumber = message.replace(STATUS_NUMBER, ' ');
  const withNumber = withoutNumber !== message;
  const words = withoutNumber
    .replace(STATUS_FRAME, ' ')
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return withNumber;
  const phrase = onceIfSaidTwice(words);
  return (withNumber || phrase.length <= MAX_REPEAT_WORDS) && codeForReasonPhrase(phrase.join(' ')) !== undefined;
}

const keptRepeatsStatus = keptPerText(readsAsStatusRepeat);

/** The first half of words that say the same thing twice in a row, else the words. */
function onceIfSaidTwice(words: readonly string[]): readonly string[] {
  const half = words.length / 2;
  if (!Number.isInteger(half)) return words;
  const first = words.slice(0, half);
  return first.join(' ') === words.slice(half).join(' ') ? first : words;
}

/**
 * Longest reason phrase taken for a mere repeat without its number ("Forbidden.", "Bad
 * Request"); a longer one ("request entity too large") is how a framework words its answer.
 */
const MAX_REPEAT_WORDS = 2;
