// The receiver's own words: when a text holds the error body a receiver answered with
// (`{"error":{"message":"campaign_id parameter is required"}}`, `{"errors":[{"detail":…}]}`,
// Stripe's `{"error":{"message":…,"param":…}}`), the finding it belongs to carries that message
// (redacted) and the field it blames. Generic: message / error / error_description / detail /
// title / msg fields and errors[] lists, never one receiver's format.
import { lineEndWithin, lineStartWithin } from '../../text';
import { isLogLineAt } from '../credential/credential-context';
import type { Finding } from '../../types';
import { redactSecretsInText } from '../../redact';
import { clip } from '../../text';
import { findBodyCandidates } from '../json/json-candidates';
import {
  bodyDeclaresFailure,
  FAILED_STATES,
  FAILED_TYPE,
  saysError,
  findLooseReceiverWords,
  isFromReceiver,
  type LooseWords,
  type Span,
} from './receiver-words-loose';
import {
  answerAfterResponseWord,
  answerLineBelow,
  labelledBodyBelow,
  labelledMessage,
  listsStatuses,
  plainAnswerAfter,
  repeatsStatus,
  wordsAfterReasonColon,
  wordsRightAfterStatus,
} from './receiver-words-plain';
import { findAnswerSlug, slugAfterStatus } from './receiver-words-slug';
import { findThrownWords, followsApiErrorLabel, NETWORK_FAILURE } from './receiver-words-thrown';
import { findPageWords } from './receiver-words-page';
import { findCueWords } from './receiver-words-cue';
import { codeForReasonPhrase } from '../status/status-reasons';
import { findXmlWords } from './receiver-words-xml';
import { mayHoldReceiverWords } from './receiver-words-gate';
import { isErrorReferencePage } from './receiver-words-reference';
import { findQuotedAnswer, findTitleRepeated } from './receiver-words-quoted';
import { findKeyedMessage } from './receiver-words-keyed';
import { MESSAGE_KEYS } from '../shared/message-keys';
import { talkCue } from '../shared/register';

export interface ReceiverWords {
  start: number;
  end: number;
  message: string;
  field?: string;
  /** The body reads as an error (an error key, a 4xx/5xx status in it, or error words). */
  errorShaped: boolean;
  /** The body says itself that the call failed (`"success": false`, `"ok": false`, `"status": "error"`). */
  declaresFailure?: boolean;
  /** The body's top level holds an error key with a value (`"error": …`, `"errors": […]`, `"errmsg": …`). */
  errorKeyed?: boolean;
}

/** A text that may hold an error body: one of the keys such a body has, quoted, in any case. */
const MESSAGE_KEY = /["'](?:\w{0,20}(?:message|msg)|errors?|error_?description|details?|title|description|faultstring)["']\s*:/i;
const MAX_MESSAGE = 200;
/** A body this far after a finding (in lines) still belongs to it. */
const MAX_LINES_AFTER = 3;
/** An error body may sit further down, after response headers or a fence (`Status Code: 401` … body). */
const MAX_LINES_AFTER_ERROR = 12;
/** Only this much of a body is parsed. */
const MAX_PARSED = 16 * 1024;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Every error body in `text` with the message it gives: bodies that parse as JSON first, then
 * loosely written ones (see receiver-words-loose.ts) where no parsed body lies.
 */
export function findReceiverWords(text: string, near?: readonly Finding[]): ReceiverWords[] {
  const bodies = readParsedBodies(text);
  const parsed = theReceiversOwn(bodies.words);
  // A structured log line parses but gives no words; its "message" is no loose body either.
  const skip = [...parsed, ...bodies.logRecords].sort((a, b) => a.start - b.start);
  const loose = oneMessagePerBody(
    saysMoreThanStatus(findLooseReceiverWords(text, skip, near ? reachOf(near, text.length) : undefined)),
  ).filter((said) => !clientConnectionFailure(said.message));
  const xml = findXmlWords(text).map((said) => ({ ...said, ...finish(said.message, said.field), errorShaped: true }));
  const words = [...parsed, ...loose.map((said) => ({ ...said, ...finish(said.message), errorShaped: true })), ...xml];
  // Where any body says more, bodies that only name the status (`{ "message": "Forbidden" }`) add nothing.
  const sayMore = words.filter((said) => !repeatsStatus(said.message));
  const kept = sayMore.length > 0 && sayMore.length < words.length ? sayMore : words;
  return loose.length === 0 && xml.length === 0 ? kept : kept.sort((a, b) => a.start - b.start);
}

/**
 * A message that names a class of failure and nothing more (`Validation Error`, `Invalid request`,
 * `An error occurred`): a body's nested message that says what failed is its words instead.
 */
const GENERIC_MESSAGE =
  /^(?:an? )?(?:(?:validation|request|input|client|api|unknown|internal|server) )?(?:error|errors|failure|failed|exception)(?: (?:occurred|occured|has occurred))?\.?$|^(?:validation failed|invalid (?:request|response|input|parameters?|data|payload)|bad request|request failed|something went wrong)\.?$/i;

/** True for a reason phrase alone or a message that only names a class of failure. */
const isGeneric = (message: string): boolean => GENERIC_MESSAGE.test(message) || repeatsStatus(message);

/** Words a writer quotes, unless they only name a class of failure (`"API Error"`): those say nothing of the receiver's. */
const sayingMore = <T extends { message: string }>(said: T | null): T | null =>
  said && !isGeneric(said.message.replace(ERROR_CLASS_LABEL, '')) ? said : null;
/** A class of failure as a label before the words (`API Error: `), which may be all they say. */
const ERROR_CLASS_LABEL = /^[A-Za-z ]{0,20}\berror:[ \t]*/i;

/**
 * Loosely read messages that follow each other closely (see SAME_BODY_REACH) belong to one body,
 * which has one message: its first that is not generic (a top-level message first, a nested one
 * when the top-level one only names the class of failure), else its first.
 */
function oneMessagePerBody(loose: readonly LooseWords[]): LooseWords[] {
  const kept: LooseWords[] = [];
  let body: LooseWords[] = [];
  const close = (): void => {
    if (body.length > 0) kept.push(body.find((said) => !isGeneric(said.message)) ?? body[0]!);
    body = [];
  };
  for (const said of loose) {
    const last = body.at(-1);
    if (last && said.start - last.end > SAME_BODY_REACH) close();
    body.push(said);
  }
  close();
  return kept;
}

/** How close a body's next message follows one that only repeats the status: the same body's. */
const SAME_BODY_REACH = 300;

/**
 * Loose words that say more than the status: a body field may hold a reason phrase alone
 * (`details: 'Forbidden'`, `"message": "500: Internal Server Error"`), unless the same body goes on with a message that says more
 * (`"error":"Bad Request","message":"Unable to decode token"`).
 */
function saysMoreThanStatus(loose: readonly LooseWords[]): LooseWords[] {
  return loose.filter((said, at) => {
    if (!repeatsStatus(said.message)) return true;
    const next = loose[at + 1];
    return said.bodyField && !(next && next.start - said.end <= SAME_BODY_REACH);
  });
}

/**
 * The receiver's words in a text without findings: bodies that parse, and loosely written ones
 * dated from the line that opens their body, so that the words introducing the body are read.
 */
function wordsOnTheirOwn(text: string): ReceiverWords[] {
  if (!text.includes('{') && !text.includes('</')) return [];
  // A parsed body starts at its bracket, an XML one at its first tag; a loose one at its key, inside the body.
  return findReceiverWords(text).map((said) =>
    /[[{<]/.test(text.charAt(said.start)) ? said : { ...said, start: bodyLineBefore(text, said.start) },
  );
}

/** How many lines up a loose body's opening brace is looked for. */
const MAX_BODY_LINES_UP = 8;
const OPENS_BODY = /^[ \t>`]*(?:[\w$.]+[ \t]*[:=][ \t]*)?[[{]/;

/**
 * The start of the topmost line, at most a few lines up and with no blank line between, whose
 * first mark opens a body (`{`, `data: {`, `error: {`): where the body holding `at` begins.
 */
function bodyLineBefore(text: string, at: number): number {
  let found = at;
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  for (let up = 0; up <= MAX_BODY_LINES_UP; up++) {
    const line = text.slice(lineStart, Math.min(text.length, lineStart + 80));
    if (up > 0 && line.trim() === '') break;
    if (OPENS_BODY.test(line)) found = lineStart;
    if (lineStart === 0) break;
    lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  }
  return found;
}

/**
 * Words the receiver itself wrote: not its sender's client (a bare status line such as `404 Not
 * Found` is one, see isFromReceiver), nor a connection's failure (`timeout of 5000ms exceeded`,
 * gRPC's `failed to connect to all addresses`, see clientConnectionFailure). A body field that
 * restates its status with the number in the receiver's own format (Discord's `"message": "401:
 * Unauthorized"`) is the receiver's answer, as one without it is (test/eval/LABELS.md, session 22).
 */
function theReceiversOwn(words: ReceiverWords[]): ReceiverWords[] {
  return words.filter(
    (said) => isFromReceiver(said.message) && !clientConnectionFailure(said.message) && !SUCCESS_MESSAGE.test(said.message),
  );
}

/**
 * A body whose message is a success word (`{"message":"OK"}`, `"Success"`, `"Hook created"`) says
 * the call worked: whatever status stands near it, it is no refusal's words. A negation before the
 * word (`Message not sent`, `Payment was not accepted`) makes it a refusal again.
 */
const SUCCESS_MESSAGE =
  /^(?:(?![\w ]*\b(?:not|never|no|cannot|unable|unsuccessful\w*)\b)[\w ]{0,20} )?(?:ok|okay|success|successful(?:ly)?|succeeded|done|accepted|created|queued|sent|delivered)[.!]?$/i;

/** A platform telling how its own call to a webhook failed (`bad webhook: Failed to resolve host`). */
const ABOUT_A_WEBHOOK = /\b(?:web)?hooks?\b|\bcallback\b/i;

/**
 * A connection's failure told by the client's own error object: no receiver answered. A platform
 * reporting in words that it could not reach the writer's webhook is a receiver speaking, and
 * stays; so does a gateway telling that the service behind it took too long.
 */
const clientConnectionFailure = (message: string): boolean =>
  NETWORK_FAILURE.test(message) && !ABOUT_A_WEBHOOK.test(message.replace(URL_IN_WORDS, ' ')) && !GATEWAY_TIMEOUT_ANSWER.test(message);
/**
 * What a gateway answers when the service behind it took too long: its own words, not a failure of
 * the client's connection. AWS API Gateway sends `{"message": "Endpoint request timed out"}` with
 * its 504; Cloudflare's 522 page says the connection to the origin web server timed out.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 * https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-522/
 */
const GATEWAY_TIMEOUT_ANSWER = /\bEndpoint request timed out\b|\bbetween Cloud[Ff]lare's network and the origin web server\b/;
/** A URL in the words: its path (`…/webhook`) names what was called, not who speaks. */
const URL_IN_WORDS = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;

interface ParsedBodies {
  words: ReceiverWords[];
  /** Structured log lines (`{"level":"warn","message":…}`): they speak for the sender. */
  logRecords: Span[];
}

/** The bodies that parse as JSON, read once: the words of error bodies, and the log lines. */
function readParsedBodies(text: string): ParsedBodies {
  const found: ParsedBodies = { words: [], logRecords: [] };
  if (!MESSAGE_KEY.test(text)) return found;
  for (const { start, end, unclosed } of findBodyCandidates(text)) {
    if (unclosed || end - start > MAX_PARSED) continue;
    const value = parse(text.slice(start, end));
    if (value === undefined) continue;
    if (isObject(value) && isLogRecord(value)) {
      found.logRecords.push({ start, end });
      continue;
    }
    const said = messageOf(value);
    if (!said) continue;
    const failed = declaresFailure(value);
    const keyed = holdsErrorKey(value);
    found.words.push({
      start,
      end,
      ...said,
      errorShaped: failed || keyed || isErrorShaped(value, said.message),
      declaresFailure: failed,
      errorKeyed: keyed,
    });
  }
  return found;
}

/** How far before a finding a loose body may start (the status inside it), and after it end. */
const LOOSE_REACH_BEFORE = 400;
const LOOSE_REACH_AFTER = 2048;

/** The stretches around `findings` (sorted by start) where a body of theirs can lie, merged. */
function reachOf(findings: readonly Finding[], length: number): Span[] {
  const ranges: Span[] = [];
  for (const finding of findings) {
    const start = Math.max(0, finding.start - LOOSE_REACH_BEFORE);
    const end = Math.min(length, finding.end + LOOSE_REACH_AFTER);
    const last = ranges.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else ranges.push({ start, end });
  }
  return ranges;
}

/**
 * Gives each finding the receiver's words that belong to it: the error body that holds the
 * finding, or that follows it within a few lines with no other finding in between.
 */
export function attachReceiverWords(text: string, findings: Finding[]): void {
  // Alone, the receiver's words must say they failed: most rows of a healthy log cannot hold them.
  if (findings.length === 0 && !mayHoldReceiverWords(text)) return;
  // An error's reference page shows samples: no receiver answered anyone there.
  if (isErrorReferencePage(text)) return;
  const details = new Map(findings.map((finding) => [finding, finding.detail]));
  readReceiverWords(text, findings);
  // Nor did one on a page that only talks about errors (an explainer): it
  // quotes what receivers say in general. Asked only once words were found, which few texts hold.
  if (findings.some((finding) => finding.detail?.receiverMessage !== undefined) && onlyTalksOfErrors(text)) {
    forgetWords(findings, details);
  }
}

/** Puts `findings` back as they were before any words were read: their details, and no finding of words alone. */
function forgetWords(findings: Finding[], details: ReadonlyMap<Finding, Finding['detail']>): void {
  const kept = findings.filter((finding) => details.has(finding));
  for (const finding of kept) {
    const detail = details.get(finding);
    if (detail === undefined) delete finding.detail;
    else finding.detail = detail;
  }
  findings.splice(0, findings.length, ...kept);
}

/**
 * An explainer with no witness (see talkCue): its messages are samples. The register's reference
 * cue is not asked: it counts a body's own entries (`{"code": …, "message": …}` three times), so a
 * validation answer listing three errors would read as a reference page and lose its words;
 * reference pages are read apart (isErrorReferencePage).
 */
const onlyTalksOfErrors = (text: string): boolean => talkCue(text) === 'explainer';

/** What attachReceiverWords does past its gate: every reader, whatever the text (exported for the gate's test). */
export function readReceiverWords(text: string, findings: Finding[]): void {
  // Both lists are in text order: one walk pairs each body with its findings.
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  // Words on a status's own line are its answer before any body further down.
  // One diff search per text, shared by the three walks below.
  const diff = new DiffLines(text);
  attachPlainAnswers(text, sorted, sameLineAnswer, diff);
  const words = sorted.length > 0 ? findReceiverWords(text, sorted) : wordsOnTheirOwn(text);
  const unowned = pairWithFindings(text, words, sorted, diff);
  attachPlainAnswers(text, sorted, answerBelow, diff);
  if (unowned.length === 0 && !sorted.some((finding) => finding.detail?.receiverMessage !== undefined)) {
    const said = bareAnswer(text, sorted);
    const owner = said && statusWithoutWords(sorted, said);
    if (owner) owner.detail = { ...owner.detail, receiverMessage: said.message, ...(said.field ? { field: said.field } : {}) };
    else if (said) unowned.push(said);
  }
  if (unowned.length === 0) return;
  for (const said of unowned) findings.push(receiverAnswerFinding(said));
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The receiver's words with no body around them, when a text holds nothing else of theirs: the
 * message an API client threw (see receiver-words-thrown.ts), the words of an HTML page answered
 * with a status (see receiver-words-page.ts), a plain line the text calls the answer (see
 * receiver-words-cue.ts), an error code in snake case told as the answer (see
 * receiver-words-slug.ts), else, by their structure, a message under a key beside a code or status
 * key (see receiver-words-keyed.ts), a quote the words before it present as what came back, or an
 * issue title the body repeats as printed output (see receiver-words-quoted.ts).
 */
function bareAnswer(text: string, sorted: readonly Finding[]): ReceiverWords | null {
  const thrown = belowTheTitle(
    text,
    findThrownWords(text).filter((said) => !repeatsStatus(said.message)),
  );
  const hasStatus = sorted.some((finding) => finding.kind === 'http' && finding.code !== null);
  const said =
    thrown ??
    (hasStatus ? findPageWords(text) : null) ??
    findCueWords(text, hasStatus) ??
    findAnswerSlug(text) ??
    findKeyedMessage(text) ??
    sayingMore(findQuotedAnswer(text)) ??
    sayingMore(findTitleRepeated(text));
  return said ? { ...said, ...finish(said.message), errorShaped: true } : null;
}

/**
 * The first of the words that lies below a Markdown title, else the first: a title is the writer's
 * summary of the error (often shortened, `InvalidClientIdError: ... Tenant ... not found`), the
 * log below it what was printed.
 */
function belowTheTitle<T extends { start: number }>(text: string, words: readonly T[]): T | undefined {
  const titleEnd = /^[ \t]*#/.test(text) ? text.indexOf('\n') : 0;
  return words.find((said) => titleEnd !== -1 && said.start > titleEnd) ?? words[0];
}

/** The last status before the words that has none yet, else the first one after them. */
function statusWithoutWords(sorted: readonly Finding[], said: ReceiverWords): Finding | undefined {
  const open = sorted.filter(
    (finding) => finding.kind === 'http' && finding.code !== null && finding.detail?.receiverMessage === undefined,
  );
  return open.filter((finding) => finding.start <= said.start).at(-1) ?? open[0];
}

type AnswerReader = (text: string, end: number) => string | null;

const sameLineAnswer: AnswerReader = (text, end) =>
  plainAnswerAfter(text, end) ?? slugAfterStatus(text, end) ?? wordsRightAfterStatus(text, end) ?? wordsAfterReasonColon(text, end);
const answerBelow: AnswerReader = (text, end) =>
  answerAfterResponseWord(text, end) ?? answerLineBelow(text, end) ?? labelledBodyBelow(text, end) ?? labelledMessage(text, end);

/** Statuses still without words that have the receiver's message where `read` looks for it. */
function attachPlainAnswers(text: string, findings: readonly Finding[], read: AnswerReader, diff: DiffLines): void {
  let isList: boolean | undefined;
  for (const finding of findings) {
    if (finding.kind !== 'http' || finding.code === null || finding.detail?.receiverMessage !== undefined) continue;
    if (diff.changes(finding.start)) continue;
    const message = read(text, digitsEnd(text, finding));
    // Every reader's words pass the same test of who speaks (see isFromReceiver).
    if (message === null || !isFromReceiver(message) || (isList ??= listsStatuses(text))) continue;
    const said = finish(message);
    finding.detail = { ...finding.detail, receiverMessage: said.message, ...(said.field ? { field: said.field } : {}) };
  }
}

/**
 * Where a status finding's digits end: a finding may run on over the words that say what the
 * status means (`401 Incorrect API key`), and the plain readers read from right after the number.
 */
function digitsEnd(text: string, finding: Finding): number {
  const at = text.slice(finding.start, finding.end).indexOf(String(finding.code));
  // A status that opens the text heads it: the writer's title, read as before.
  if (at === -1 || /^[\s#]*$/.test(text.slice(0, finding.start))) return finding.end;
  const digits = finding.start + at + 3;
  // Words after the number that are only its reason phrase (`401 Unauthorized`) stay in the span.
  const words = text.slice(digits, finding.end).trim();
  return /^[A-Za-z]/.test(words) && !repeatsStatus(words) && codeForReasonPhrase(words) === undefined ? digits : finding.end;
}

/**
 * Gives each body to the findings it belongs to (see attachReceiverWords) and returns the error
 * bodies nobody owns that the text presents as an answer.
 */
function pairWithFindings(text: string, words: readonly ReceiverWords[], sorted: readonly Finding[], diff: DiffLines): ReceiverWords[] {
  const unowned: ReceiverWords[] = [];
  let next = 0;
  for (const said of words) {
    let before: Finding | undefined;
    while (next < sorted.length && sorted[next]!.start < said.start) before = sorted[next++];
    const inside: Finding[] = [];
    for (let i = next; i < sorted.length && sorted[i]!.start < said.end; i++) if (sorted[i]!.end <= said.end) inside.push(sorted[i]!);
    // A body shown as expected or as an example is nobody's answer, whatever status lies in or before
    // it; nor is code that a diff changes.
    if (
      shownAsExample(text, said.start) ||
      diff.changes(said.start) ||
      isProposedChallenge(text, said.start) ||
      builtInCode(text, said.start)
    )
      continue;
    const after = inside.length === 0 ? sorted[next] : undefined;
    // A body that does not read as an error answers the status or the failure before it; after a
    // credential finding (a stand-in token in a command) it is only what came back
    // (`{"id":4,"message":"Right Token"}`), not a refusal.
    const owners =
      inside.length > 0
        ? inside
        : before && ownsBodyAfter(text, before, said) && (said.errorShaped || before.kind !== 'credential')
          ? [before]
          : after && said.errorShaped && toldBelow(text, said, after)
            ? [after]
            : [];
    if (owners.length === 0 && said.errorShaped && (standsAsAnswer(text, said) || (sorted.length === 0 && pastedErrorBody(text, said))))
      unowned.push(said);
    for (const owner of owners) {
      if (owner.detail?.receiverMessage !== undefined) continue;
      owner.detail = { ...owner.detail, receiverMessage: said.message, ...(said.field ? { field: said.field } : {}) };
    }
  }
  return unowned;
}

/**
 * An error body pasted into a text that reports nothing else: its error key (`"error": …`,
 * `"errors": […]`, `"errmsg": …`) marks it as what came back, as a reader takes `{"error": "Invalid
 * API key"}` under "I have" or "Describe the bug", with no cue word needed. Not when it only names
 * a class of failure or restates a status (`{"error":"Unauthorized"}`), when the text's subject is
 * documentation (its bodies are samples), or when it is part of a log, a request or a printed
 * value: a body that opens the text or has log lines below it may be a CLI chunk whose status sits
 * in the chunk before, a body below a request's `>` lines is what was sent, and one glued to a
 * word is part of a value.
 */
function pastedErrorBody(text: string, said: ReceiverWords): boolean {
  if (said.errorKeyed !== true || isGeneric(said.message) || text.slice(0, said.start).trim() === '') return false;
  // Glued to a word (`preset{"errors":…}`), the body is part of a printed value, not pasted on its own.
  if (/\w/.test(text.charAt(said.start - 1))) return false;
  if (ABOUT_DOCUMENTATION.test(text.slice(0, lineEndWithin(text, 0, TITLE_REACH)))) return false;
  if (REQUEST_LINES_ABOVE.test(text.slice(Math.max(0, said.start - HEADERS_REACH), said.start))) return false;
  return !logLinesBelow(text, said.end);
}

/** How much of the first line is read as the text's title. */
const TITLE_REACH = 300;
/** A first line (an issue's title) naming documentation, a spec or examples as the text's subject. */
const ABOUT_DOCUMENTATION = /\b(?:docs?|documentation|documented|readme|spec|specification|examples?|samples?)\b/i;
/** A request's lines as curl and HTTP logs print them: `> POST /in HTTP/1.1`, `> Content-Type: …`. */
const REQUEST_LINES_ABOVE = /(?:^|\n)[ \t]*>[ \t]*(?:(?:GET|POST|PUT|PATCH|DELETE)[ \t]+\S|[\w-]+:)/;
/** How many lines below a body are read for a program's log lines. */
const LOG_LINES_BELOW = 3;

/** True when one of the few lines after `end` is a line a program logged (see isLogLineAt). */
function logLinesBelow(text: string, end: number): boolean {
  let lineStart = text.indexOf('\n', end) + 1;
  for (let line = 0; line < LOG_LINES_BELOW && lineStart > 0; line++) {
    if (isLogLineAt(text, lineStart)) return true;
    lineStart = text.indexOf('\n', lineStart) + 1;
  }
  return false;
}

/** A `WWW-Authenticate` challenge on the line of `at` or on one of the two lines above it (its continuation). */
const CHALLENGE_ABOVE = /WWW-Authenticate:[^\n]*(?:\n[^\n]*){0,2}$/i;
/** How far above the words their challenge header may start. */
const CHALLENGE_REACH = 240;
/**
 * Words that propose what a server should send rather than report what it sent: "should include",
 * "we should send … like so", "this pull request introduces a new header", "would look as follows".
 */
const PROPOSAL =
  /\bshould (?:include|send|return|contain|respond|have|add)\b|\blike so\b|\bwould look\b|\bintroduces? a (?:new )?header\b|\badd(?:s|ing)? (?:a |the )?`?WWW-Authenticate/i;

/**
 * An error description in a `WWW-Authenticate` challenge that the text proposes (an issue or a
 * pull request asking for the header, a spec's example): what a server should say, not what one
 * answered.
 */
function isProposedChallenge(text: string, at: number): boolean {
  return CHALLENGE_ABOVE.test(text.slice(Math.max(0, at - CHALLENGE_REACH), at)) && PROPOSAL.test(text);
}

/**
 * A call that builds or throws a response, opened before a body on its line and not closed:
 * `return jsonify({"error": …}), 401`, `res.status(401).json({ error: … })`, `throw new ApiError({…`.
 * After an exception's label (`UnauthorizedAccess: Response(code=401, body="b'{…}'")`) `Response(`
 * is the repr of what came back, not a call.
 */
const RESPONSE_CALL_BEFORE =
  /(?:\bjsonify|\.json|\bjson\.dumps|\bJsonResponse|(?<!\w:[ \t]?)\bResponse|\.send|\bthrow new \w+|\braise \w+|\babort)[ \t]*\([^\n()]*$/;
/** How far back on its line a body's call is looked for. */
const CALL_REACH = 120;

/** A curl data flag right before a body: the body is what the command sends. */
const REQUEST_DATA_BEFORE = /(?:^|[ \t])(?:-d|--data(?:-raw|-binary|-urlencode)?|--json)[ \t]+\$?['"]?$/;

/**
 * A body the writer's own code builds (see RESPONSE_CALL_BEFORE), what their server would send,
 * or one a curl command sends (see REQUEST_DATA_BEFORE): not what a receiver answered.
 */
function builtInCode(text: string, bodyStart: number): boolean {
  // The line break is looked for within the reach only: a one-line log of many bodies was
  // quadratic when each looked back to its line's start.
  const before = text.slice(lineStartWithin(text, bodyStart, CALL_REACH), bodyStart);
  return RESPONSE_CALL_BEFORE.test(before) || REQUEST_DATA_BEFORE.test(before);
}

/** A diff in the text: a hunk header, a diff fence or git's header. */
const DIFF_MARK = /^(?:@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@|`{3,}diff\b|diff --git )/m;
/** A line a diff adds or removes (`+ return {…}`, `-HTTP/1.1 400 BAD REQUEST`), not its file header. */
const CHANGED_LINE = /^[ \t]*[+-](?![+-])/;

/**
 * The lines a diff in the text adds or removes: code and docs being edited, whose statuses and
 * bodies are nobody's answer. The text is searched for a diff once, on the first question.
 */
class DiffLines {
  private hasDiff: boolean | undefined;
  constructor(private readonly text: string) {}

  changes(at: number): boolean {
    if (!(this.hasDiff ??= DIFF_MARK.test(this.text))) return false;
    const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
    return CHANGED_LINE.test(this.text.slice(lineStart, Math.min(this.text.length, lineStart + 8)));
  }
}

/** An error body no status or failure owns, reported on its own: the receiver refused. */
function receiverAnswerFinding(said: ReceiverWords): Finding {
  return {
    kind: 'http',
    code: null,
    problem: 'receiver-error',
    start: said.start,
    end: said.end,
    excerpt: said.message,
    detail: { receiverMessage: said.message, ...(said.field ? { field: said.field } : {}) },
  };
}

/** How much text before a body is read for the words that introduce it as an answer. */
const ANSWER_CUE_WINDOW = 160;
/**
 * Words that present what follows as what came back: "the response body", "returns", "I got",
 * "the error is:", "it fails with", "the API says", and the same words in Chinese, Japanese and
 * Korean (返回, 响应, 报错, エラー, 응답). Without them a body may be a request, a payload sample or a
 * config, which are no answer. A word of a path (`…/get-order.rst`) is no cue.
 */
const ANSWER_CUE =
  /(?<![/.-])\b(?:respon(?:se|ses|ded|ds|d|ding)|return(?:s|ed|ing)?|got|get(?:s|ting)?|receiv(?:e|es|ed|ing)|repl(?:y|ies|ied)|answer(?:s|ed)?|errors?|fail(?:s|ed|ing|ure)?|says?|said|result(?:s|ed)?|throw(?:s|n)?|gives?|giving|shows?)\b|返回|响应|響應|报错|報錯|错误|錯誤|提示|エラー|応答|レスポンス|응답|오류|에러/i;

/**
 * An error body no finding owns is still an answer when the text introduces it as one, when a
 * command printed it, or when it says itself that the call failed. A body that merely opens the
 * text is not: the CLI reads a log in chunks, and a chunk may start with a body whose status sits
 * in the chunk before, so the popup must not judge such a body differently.
 */
function standsAsAnswer(text: string, said: ReceiverWords): boolean {
  return (
    said.declaresFailure === true ||
    followsCommand(text, said.start) ||
    readsAsAnswer(text, said.start) ||
    isWholeText(text, said) ||
    relayedOnItsLine(text, said) ||
    looseBodyDeclaresFailure(text, said) ||
    titleQuotes(text, said.message)
  );
}

/**
 * A body on a line that tells it came back: an API client's exception label right before it
 * (`HttpError: {"message":"Bad credentials"}`, see followsApiErrorLabel), or a wire log's mark
 * of incoming data (`http-outgoing-0 << "{…}"`, curl's `< ` lines).
 */
function relayedOnItsLine(text: string, said: ReceiverWords): boolean {
  const opening = /[[{<]/.test(text.charAt(said.start)) ? said.start : bodyLineBefore(text, said.start);
  const lineStart = text.lastIndexOf('\n', opening - 1) + 1;
  const before = text.slice(Math.max(lineStart, opening - CALL_REACH), opening);
  return (
    followsApiErrorLabel(before) || INCOMING_MARK_BEFORE.test(before) || belowResponseHeaders(text, lineStart) || gluedToStatus(before)
  );
}

/** A status or reason phrase written right against the body, with no space: `Unauthorized{"errors":…}`, `402{"errors":…}`. */
const GLUED_BEFORE = /(?:^|[^\w])([1-5]\d\d|[A-Z][a-z]+(?: [A-Z][a-z]+){0,3})$/;

/** A body glued to the status line's words that precede it: a client printed the status, then what came back. */
function gluedToStatus(before: string): boolean {
  const words = GLUED_BEFORE.exec(before)?.[1];
  if (words === undefined) return false;
  return /^\d/.test(words) ? Number(words) >= 400 : codeForReasonPhrase(words) !== undefined;
}

/**
 * A body right below the response's header lines (curl's `< Content-Type: …`, or a delivery
 * log's `Headers` block closed by a `Body` label), with at most a blank line between: what came back.
 */
function belowResponseHeaders(text: string, lineStart: number): boolean {
  const above = text.slice(Math.max(0, lineStart - HEADERS_REACH), lineStart);
  return CURL_HEADERS_ABOVE.test(above) || BODY_BELOW_HEADERS.test(above);
}
const HEADERS_REACH = 400;
/** curl's incoming header lines (`< Name: value`) ending right above, a blank line or `<` alone between. */
const CURL_HEADERS_ABOVE = /(?:^|\n)<[ \t]+[\w-]+:[^\n]*\n(?:[ \t]*<?[ \t]*\r?\n)?$/;
/** Header lines (`Name: value`), then a line that is only `Body` or `Response body`, right above. */
const BODY_BELOW_HEADERS = /(?:^|\n)[A-Za-z][\w-]*:[ \t][^\n]*\n[ \t]*(?:response[ \t]+)?body:?[ \t]*\r?\n$/i;

/** A wire log's incoming direction (`<<`, optionally quoted) or curl's `< ` response line, right before a body. */
const INCOMING_MARK_BEFORE = /(?:^|[ \t])<<[ \t]*["']?$|^<[ \t]/;

/** True when the loosely printed body holding the words says itself that the call failed. */
const looseBodyDeclaresFailure = (text: string, said: ReceiverWords): boolean => bodyDeclaresFailure(text, said.start, said.end);

/** The title of an issue: a Markdown heading on the text's first line. */
const TITLE_LINE = /^[ \t]*#{1,3}[ \t]+([^\n]{8,300})/;
/** How much of a message its title must repeat. */
const TITLE_QUOTE_LENGTH = 24;

/**
 * True when the text's title repeats the start of the message: the writer names as their
 * problem the words the body holds, so the body is what came back to them.
 */
function titleQuotes(text: string, message: string): boolean {
  const title = TITLE_LINE.exec(text)?.[1];
  if (title === undefined || message.length < TITLE_QUOTE_LENGTH) return false;
  const fold = (words: string): string => words.toLowerCase().replace(/\s+/g, ' ');
  return fold(title).includes(fold(message.slice(0, TITLE_QUOTE_LENGTH)));
}

/** What stands before a body that is the whole text: a Markdown title line, then fences and backticks. */
const TITLE_ONLY = /^[ \t]*#[^\n]*\r?\n(?:[ \t]*(?:`{1,3}\w*)?[ \t]*(?:\r?\n|$))*[ \t`]*$/;
/** What may follow it: fences and backticks, then at most the writer's short question. */
const SHORT_TAIL = /^[\s`]*(?:[^\s{}[\]<>][^\n{}<>]{0,119}[?？])?\s*$/;

/**
 * An error body that is all the text holds under its Markdown title: someone pasted what came
 * back. Without the title a text that is only a body may be a CLI chunk that opens with the body
 * of a status in the chunk before (find-all-cli-popup.test.ts), and the two must agree.
 */
function isWholeText(text: string, said: ReceiverWords): boolean {
  if (said.start > WHOLE_TEXT_REACH || text.length - said.end > WHOLE_TEXT_REACH) return false;
  const opens = text.charAt(said.start);
  if (opens !== '{' && opens !== '[' && opens !== '<') return false;
  return TITLE_ONLY.test(text.slice(0, said.start)) && SHORT_TAIL.test(text.slice(said.end));
}

/** How much text may stand before or after a body that is the whole text. */
const WHOLE_TEXT_REACH = 160;

/** A curl or HTTPie command on the line right above: what follows is what it printed. */
const COMMAND_LINE_ABOVE = /(?:^|\n)[ \t]*(?:\$[ \t]*)?(?:curl|http|https|xh)[ \t][^\n]*\r?\n[ \t]*$/;
const followsCommand = (text: string, start: number): boolean => COMMAND_LINE_ABOVE.test(text.slice(Math.max(0, start - 600), start));

/** A line of a text that carries no words: blank, or a fence mark. */
const EMPTY_LINE = /^\s*(?:(?:```|~~~)\w*)?\s*$/;

/**
 * True when the words on the body's line or the two lines of words before it introduce it as an
 * answer; blank lines and fence marks between them do not count.
 */
export function readsAsAnswer(text: string, bodyStart: number): boolean {
  const words = sinceActual(wordsBefore(text, bodyStart));
  return ANSWER_CUE.test(words) && !HYPOTHETICAL.test(words);
}

/**
 * "Actual response:", "but instead", "actually": what follows is what happened, whatever came
 * before. "Instead of parsing messages" names what is not done, and tells nothing of what happened.
 */
const ACTUAL = /\b(?:actual(?:ly)?|instead(?! of\b))\b/gi;

/** The words from the last one that says what actually happened (see ACTUAL), else all of them. */
function sinceActual(words: string): string {
  let last = -1;
  for (const match of words.matchAll(ACTUAL)) last = match.index;
  return last === -1 ? words : words.slice(last);
}

/** The words on the body's line and the two lines of words before it (see readsAsAnswer). */
function wordsBefore(text: string, bodyStart: number): string {
  let from = Math.max(0, bodyStart - ANSWER_CUE_WINDOW);
  // Two lines back at most: a cue further up speaks of something else.
  let lines = 0;
  let lineEnd = bodyStart;
  for (let at = bodyStart - 1; at >= from; at--) {
    if (text.charCodeAt(at) !== 10) continue;
    if (!EMPTY_LINE.test(text.slice(at + 1, lineEnd)) && ++lines === 3) {
      from = at + 1;
      break;
    }
    lineEnd = at;
  }
  return text.slice(from, bodyStart);
}

/**
 * A case told as a possibility ("in case the payload fails, the response contains…"), a body
 * shown as what was expected, as an example or as documented ("Expected result:", "a custom
 * response should be returned, e.g.:", "with the given example:", "every single example of an
 * error response", "is documented as:", "Typical error response", "returned as JSON objects with the
 * following structure:", "in that format:", "a result like the following", "The structure of the error
 * response is", "Every error uses the same JSON envelope", an `Example:` label, and the Japanese,
 * Chinese and Korean words for an error format or an example: エラー形式, (例), 示例, 格式如下, 예시): not what came back. "The service will return {…}"
 * is how people report what it does, and stays an answer.
 */
const HYPOTHETICAL =
  /\bin (?:the )?case (?:of|that|the|an?)\b|\bexpected (?:result|response|output|behaviou?r|body)\b|\bshould (?:be returned|return|respond|look like)\b|\be\.g\.|\b(?:given|an?|the|this|these|every|each|single) examples?\b|\bexamples? of\b|\bdocumented as\b|\btypical\b|\bfollowing (?:example|structure|format|form)\b|\b(?:like|as) the following\b|\b(?:in|with) (?:that|this|the following) (?:format|form|structure|shape)\b|\b(?:structure|format|shape|schema) of (?:the |an? |each |every |all )?(?:\w+ )?(?:errors?|responses?|bod(?:y|ies))\b|\bsame (?:\w+ ){0,2}?(?:envelope|format|shape|structure)\b|^[ \t]*examples?[ \t]*:|エラー形式|形式[(（]?例|[(（]例[)）]|示例|格式如下|예시/im;

/** A body the words before it show as expected or as an example (see HYPOTHETICAL). */
const shownAsExample = (text: string, bodyStart: number): boolean => HYPOTHETICAL.test(sinceActual(wordsBefore(text, bodyStart)));

/**
 * A finding owns the body that follows it within a few lines, or within a dozen when the body
 * reads as an error. The finding may run into the body (`403 {"` of `403 {"message": …}`).
 */
function ownsBodyAfter(text: string, finding: Finding, said: ReceiverWords): boolean {
  const reach = said.errorShaped ? MAX_LINES_AFTER_ERROR : MAX_LINES_AFTER;
  return linesBetween(text, Math.min(finding.end, said.start), said.start, reach) <= reach;
}

/**
 * A client's line right below an error body that tells the status the body came with: .NET's "The
 * remote server returned an error: (401) Unauthorized.", a browser console's "Failed to load
 * resource: the server responded with a status of 401". The body above is that status's answer.
 */
function toldBelow(text: string, said: ReceiverWords, finding: Finding): boolean {
  if (
    finding.kind !== 'http' ||
    finding.code === null ||
    linesBetween(text, said.end, finding.start, STATUS_BELOW_LINES) > STATUS_BELOW_LINES
  )
    return false;
  const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
  return SERVER_TOLD.test(text.slice(lineStart, finding.start));
}
/** How many lines below a body the status line may stand (a blank line between). */
const STATUS_BELOW_LINES = 2;
/** Words of a client telling what the server answered, before the status on its line. */
const SERVER_TOLD = /\b(?:server|endpoint|api)\b[^\n]{0,40}\b(?:returned|responded|answered)\b/i;

/** Line breaks between two offsets, counted up to one more than `limit`. */
function linesBetween(text: string, from: number, to: number, limit: number): number {
  let lines = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to && lines <= limit; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** Keys (in lower case) only an error body has: `error`, `errors`, `fault`, `errorType`, `error_code`, `ErrorCode`, `errcode`, `errmsg`. */
const ERROR_KEY = /^(?:errors?|fault)(?:$|_|code|type|msg|message|description|detail)|^err(?:code|msg|no)$/;

/** True when a body reads as an error rather than a request or a success. */
function isErrorShaped(body: Json, message: string): boolean {
  const top = lowerKeys(Array.isArray(body) ? body[0] : body);
  if (isObject(top)) {
    const status = top.status ?? top.statuscode ?? top.code;
    if (typeof status === 'number' && status >= 400 && status <= 599) return true;
  }
  return saysError(message);
}

/**
 * True when the body's top level (or its first item) holds an error key whose value says something
 * went wrong, and the body does not declare success (`"status": "success"`, `"ok": true`).
 */
function holdsErrorKey(body: Json): boolean {
  const top = lowerKeys(Array.isArray(body) ? body[0] : body);
  return isObject(top) && !declaresSuccess(top) && Object.entries(top).some(([key, value]) => ERROR_KEY.test(key) && !saysNoError(value));
}

/**
 * An error key whose value says nothing went wrong: Postmark's `"ErrorCode": 0` beside "Message OK",
 * `"error": null`, `"errors": []` or `{}`, `"error": "none"`. Such a body is a success answer that
 * carries the key always.
 */
const saysNoError = (value: Json | undefined): boolean =>
  value === 0 ||
  value === '0' ||
  value === null ||
  value === false ||
  (typeof value === 'string' && NO_ERROR_WORD.test(value.trim())) ||
  (Array.isArray(value) && value.length === 0) ||
  (isObject(value) && Object.keys(value).length === 0);
const NO_ERROR_WORD = /^(?:|none|ok|no errors?|n\/a)$/i;

/** A body that says in its own keys that the call succeeded. */
function declaresSuccess(body: { [key: string]: Json }): boolean {
  const status = typeof body.status === 'string' ? body.status.toLowerCase() : '';
  return body.success === true || body.ok === true || SUCCEEDED_STATE.has(status);
}
const SUCCEEDED_STATE = new Set(['success', 'succeeded', 'ok', 'accepted', 'delivered']);

function parse(body: string): Json | undefined {
  try {
    return JSON.parse(body) as Json;
  } catch {
    return undefined;
  }
}

/**
 * `"success": false`, `"ok": false`, `"status": "error"`, `"type": "error"` (Anthropic's bodies): the
 * body calls itself a failure (the same values a loosely printed body is read by: FAILURE_FLAG).
 */
function declaresFailure(json: Json): boolean {
  const body = lowerKeys(json);
  if (!isObject(body)) return false;
  const status = typeof body.status === 'string' ? body.status.toLowerCase() : '';
  const type = typeof body.type === 'string' ? body.type.toLowerCase() : '';
  return body.success === false || body.ok === false || FAILED_STATES.has(status) || type === FAILED_TYPE;
}

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: Json | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Any other key that ends in a message: `full_message`, `userMessage`, `developerMessage`. */
const ANY_MESSAGE_KEY = /(?:message|msg)$/;

/**
 * The object with its keys in lower case (`Message`, `ErrorCode` → `message`, `errorcode`):
 * receivers spell keys their own way. The same object when no key has a capital.
 */
function lowerKeys(value: Json | undefined): Json | undefined {
  if (!isObject(value) || !Object.keys(value).some((key) => key !== key.toLowerCase())) return value;
  const lowered: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) lowered[key.toLowerCase()] ??= item;
  return lowered;
}
/** Keys that name the field a message blames. */
const FIELD_KEYS = ['param', 'field', 'parameter', 'property', 'attribute', 'path', 'loc', 'pointer'];

/** The message and blamed field of an error body, or null when it holds none. */
function messageOf(body: Json): { message: string; field?: string } | null {
  const top = lowerKeys(Array.isArray(body) ? body[0] : body);
  if (!isObject(top) || isLogRecord(top)) return null;
  // The most specific place first: errors[0], then error{} (nested up to three objects down), then the body itself.
  const errors =
    top.errors ?? (Array.isArray(top.detail) ? top.detail : Array.isArray(top.details) ? top.details : errorListIn(top, ERROR_LIST_DEPTH));
  const places: Json[] = [];
  if (Array.isArray(errors)) places.push(lowerKeys(errors[0]) ?? null);
  const error = isObject(top.error) ? top.error : errorObjectIn(top, ERROR_LIST_DEPTH);
  if (error) places.push(lowerKeys(error) ?? null);
  places.push(top);
  // A reason phrase alone (`"error": "Bad Request"`) is the message only when the body says nothing more.
  let reasonOnly: { message: string; field?: string } | undefined;
  for (const place of places) {
    const said = fromPlace(place);
    if (said && !repeatsStatus(said.message)) return finish(said.message, said.field);
    reasonOnly ??= said ?? undefined;
  }
  if (isObject(errors)) {
    // Rails-style {"errors": {"email": ["is invalid"]}}.
    const [field, value] = Object.entries(errors)[0] ?? [];
    const message = Array.isArray(value) ? text(value[0]) : text(value);
    if (field && message) return finish(`${field} ${message}`, field);
  }
  // A bare string under `error`, the first of a list, or Shopify's `{"errors": "[API] Invalid API key …"}`.
  const bare = text(top.error) ?? (Array.isArray(errors) ? text(errors[0]) : text(errors));
  if (bare && !(reasonOnly && repeatsStatus(bare))) return finish(bare);
  return reasonOnly ? finish(reasonOnly.message, reasonOnly.field) : null;
}

/**
 * Keys of a list of errors under another name: GraphQL's `userErrors` (nested in `data`),
 * `validationErrors`, HubSpot's `validationResults`, `violations`, `problems`, `failures`.
 */
const ERROR_LIST_KEY = /(?:errors|validationResults|violations|problems|failures)$/i;
/** How deep under the top object such a list may sit (`data.webhookSubscriptionCreate.userErrors`). */
const ERROR_LIST_DEPTH = 3;

/** The first non-empty list of errors under an error-list key, at most `depth` objects down. */
function errorListIn(object: { [key: string]: Json }, depth: number): Json[] | undefined {
  for (const [key, value] of Object.entries(object)) {
    if (Array.isArray(value) && value.length > 0 && ERROR_LIST_KEY.test(key)) return value;
  }
  if (depth <= 1) return undefined;
  for (const value of Object.values(object)) {
    const list = isObject(value) ? errorListIn(value, depth - 1) : undefined;
    if (list) return list;
  }
  return undefined;
}

/** The first `error` or `fault` object under the top object's values, at most `depth` objects down (`results.error`). */
function errorObjectIn(object: { [key: string]: Json }, depth: number): { [key: string]: Json } | undefined {
  for (const [key, value] of Object.entries(object)) {
    if (isObject(value) && /^(?:error|fault)$/i.test(key)) return value;
  }
  if (depth <= 1) return undefined;
  for (const value of Object.values(object)) {
    const found = isObject(value) ? errorObjectIn(value, depth - 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Keys that only a structured log line has. */
const LOG_KEYS = ['level', 'severity', 'lvl', 'logger', 'log_level', 'loglevel'];

/** A structured log line (`{"level":"error","msg":…}`) speaks for the sender, not the receiver. */
function isLogRecord(top: { [key: string]: Json }): boolean {
  return LOG_KEYS.some((key) => Object.hasOwn(top, key));
}

function fromPlace(place: Json): { message: string; field?: string } | null {
  if (typeof place === 'string') return text(place) ? { message: place.trim() } : null;
  if (!isObject(place)) return null;
  const messages = MESSAGE_KEYS.map((key) => text(place[key])).filter((value) => value !== undefined);
  // A key that says more wins over one that repeats the reason phrase (`title: "Unauthorized"`, `detail: "…"`).
  const message = messages.find((value) => !repeatsStatus(value)) ?? anyMessage(place) ?? messages[0];
  if (!message) return null;
  const source = isObject(place.source) ? place.source : place;
  const field = FIELD_KEYS.map((key) => fieldName(source[key] ?? place[key])).find((value) => value !== undefined);
  return { message, ...(field ? { field } : {}) };
}

/** A client's copy of the status line's reason phrase: `statusMessage`, `status_message`. */
const STATUS_TEXT_KEY = /^status_?(?:message|msg)$/;

/** The text under a key that ends in a message (see ANY_MESSAGE_KEY), if any; not a client's reason phrase. */
function anyMessage(place: { [key: string]: Json }): string | undefined {
  for (const [key, value] of Object.entries(place)) {
    const message = ANY_MESSAGE_KEY.test(key) ? text(value) : undefined;
    if (message && !(STATUS_TEXT_KEY.test(key) && repeatsStatus(message))) return message;
  }
  return undefined;
}

/** `"email"`, `["body", "email"]`, `"/data/attributes/email"` → `email`. */
function fieldName(value: Json | undefined): string | undefined {
  if (Array.isArray(value)) return fieldName(value.filter((part) => typeof part === 'string' && part !== 'body').at(-1) ?? undefined);
  const name = text(value);
  if (!name) return undefined;
  const last = name.split('/').filter(Boolean).at(-1) ?? name;
  return /^[\w.[\]-]{1,64}$/.test(last) ? last : undefined;
}

/** A field the message itself names: `campaign_id parameter is required`, `invalid x-api-key`. */
const FIELD_IN_MESSAGE = [
  /['"`]([\w.[\]-]{1,64})['"`]/,
  /(?<![\w-])((?:[a-z][a-z0-9]*_[\w.]+)|(?:[a-z]+[A-Z][\w.]*)|(?:x-[a-z0-9-]+))(?![\w-])/,
  /\b([A-Za-z_][\w.-]{0,63})[ ]+(?:parameter |field |property |attribute |header )?(?:is|are) (?:required|missing|invalid|not allowed|empty)/i,
  /\b(?:field|parameter|param|property|attribute|header)[ :]+([A-Za-z_][\w.-]{0,63})/i,
];
const NOT_FIELDS = new Set([
  'this',
  'it',
  'value',
  'request',
  'body',
  'the',
  'that',
  'which',
  'token',
  'json',
  'payload',
  'input',
  'is',
  'are',
  'was',
  'must',
  'be',
  'required',
  'missing',
  'invalid',
  'not',
  'a',
  'an',
  'field',
  'parameter',
]);

function finish(rawMessage: string, field?: string): { message: string; field?: string } {
  const inner = rawMessage.includes('{') ? bodyInMessage(rawMessage) : null;
  if (inner) return inner;
  const message = clip(redactSecretsInText(rawMessage.replace(/\s+/g, ' ')), MAX_MESSAGE);
  const named = field ?? fieldFromMessage(message);
  return named ? { message, field: named } : { message };
}

/**
 * The words of a body that a message holds whole: a gateway or a client that relays the
 * receiver's answer as its own message string (`"message": "{\"error\":{\"message\":\"Missing
 * Authentication header\"}}"`, `[\"{\"error\":\"Invalid url given\"}\"] with root cause`). The
 * inner body's message is what the receiver said when the body is an error's (an error key, or it
 * declares failure) and only a label stands around it. A message with braces that do not parse
 * (`Field {name} is invalid`), that holds a payload it talks about (`Validation failed for payload
 * {…}`), or whose sentence goes on around the body stays as it is.
 */
function bodyInMessage(message: string): { message: string; field?: string } | null {
  const open = message.indexOf('{');
  const close = message.lastIndexOf('}');
  if (close <= open || !isRelayLabel(message.slice(0, open)) || !isRelayLabel(message.slice(close + 1))) return null;
  const body = message.slice(open, close + 1);
  const value = parse(body) ?? (body.includes('\\"') ? parse(body.replace(/\\(["\\/])/g, '$1')) : undefined);
  return value === undefined || !(holdsErrorKey(value) || declaresFailure(value)) ? null : messageOf(value);
}

/** The most words a relay's label holds ("with root cause", "Upstream answered:"). */
const MAX_LABEL_WORDS = 3;
/** True when the text beside a relayed body is only quotes, brackets, marks and a short label. */
const isRelayLabel = (beside: string): boolean => (beside.match(/[\p{L}\p{N}_]+/gu) ?? []).length <= MAX_LABEL_WORDS;

function fieldFromMessage(message: string): string | undefined {
  // A bare code such as "not_found" names no field.
  if (!/\s/.test(message)) return undefined;
  for (const regex of FIELD_IN_MESSAGE) {
    const name = regex.exec(message)?.[1];
    if (name && !NOT_FIELDS.has(name.toLowerCase()) && !name.includes('…')) return name;
  }
  return undefined;
}
