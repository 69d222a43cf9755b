// Where a network failure is named by documentation or code rather than reported: a retry policy
// that lists the failures it retries on ("reset: retries when the upstream does not answer at all
// (disconnect, reset, read timeout)"), an enumeration of allowed values under such a rule, a
// heading above such a rule ("Timeouts or Connection Failures"), a table that defines error names
// (gRPC's `DEADLINE_EXCEEDED` row), a string constant in code (`const refused string = "connection
// refused"`) and a condition written as a clause ("If the TCP connection is refused (ECONNREFUSED),
// …"). People who report a failure write in the past or the first person, or say what was
// returned; such clauses are never taken for definitions.
//
// Statuses are not read here: a status a rule or a table names is still a status the text names
// (test/eval/README.md, "one rule for statuses named without being reported").
//
// Every test reads a bounded window around the words, so the cost per finding is constant.
import { lineEndWithin, lineStartWithin } from '../../text';

/** How far the sentence around the words is read, each side. */
const SENTENCE_WINDOW = 240;
/** How far above an enumerated value its introduction may stand. */
const INTRO_WINDOW = 400;

/**
 * Words of a rule about when a sender retries or what a setting accepts: "retries", "retriable",
 * "does not trigger", "applies to", "valid values", "one of the following values". A camel-case
 * name holds the word too (`httpRetryEvents`), but not an error's class name (`MaxRetryError`) nor
 * the Retry-After header, which an answer carries.
 */
const POLICY_WORDS =
  /\b(?:retr(?:y(?!-after)|ies|iable|yable)|trigger(?:s)?|appl(?:y|ies) (?:only )?to|valid values|(?:following|allowed|possible) values)\b|[a-z]Retr(?:y|ies)(?!Error|Exception)/i;

/**
 * Words of a report: a verb in the past or in the progressive ("got", "received", "failed",
 * "seeing"), a count of attempts ("giving up", "max retries exceeded"), a time word.
 */
const REPORT_WORDS =
  /\b(?:got|getting|gets|received|receiving|seeing|saw|failed|failing|threw|happen(?:s|ed|ing)|occurr(?:ed|ing)|keeps?|kept|giving up|gave up|attempted|attempt #?\d+|exceeded|retrying|retried|today|yesterday|suddenly|randomly)\b/i;
/** A log's or a traceback's own marks: an upper-case level, a time of day, a cause chain. */
const LOG_MARKS = /\b(?:ERROR|WARN(?:ING)?|FATAL|CRITICAL)\b|\d\d:\d\d|Traceback|Caused by|Exception:/;
/** A first person word, case-sensitive: "I" is a pronoun, "i" in "i/o timeout" is not. */
const FIRST_PERSON = /(?:^|[^\w/])(?:I|I'm|I've|we|We|we're|my|My|our|Our)(?![\w/])/;

/** True when the words hold a first person: someone telling what happened to them. */
export const hasFirstPerson = (words: string): boolean => FIRST_PERSON.test(words);

/** True when the words hold a log's or a traceback's marks (a level, a time of day, a cause chain). */
export const hasLogMarks = (words: string): boolean => LOG_MARKS.test(words);

/**
 * A verb right before the words that says what was answered or how a call ended ("fails with a
 * timeout", "returned ECONNRESET"): a report, whatever the rule around it.
 */
const ANSWER_BEFORE =
  /(?:\b(?:returns?|returned|respond(?:s|ed)? with|answers?(?: with)?|fails? with|sends?|receives?)(?:[ \t]+(?:a|an|the|http|status|code|response))*|\b(?:a|an))[ \t(`'"*]*$/i;

/** Where a sentence ends: a full stop, a question or exclamation mark before a space, or a line break. */
const SENTENCE_END = /[.!?](?=[\s|]|$)|\r?\n|\|/g;

/**
 * A definition term at the start of a clause: a hyphenated or snake-case name, or one lower-case
 * word that opens a bullet, then a dash or a colon ("server-error – HTTP status codes 500, 501",
 * "gateway-error: Similar to 5xx", "- conflict – HTTP status code 409").
 */
const DEFINITION_TERM =
  /^[ \t]*(?:(?:[-*•][ \t]*)?`?(?:[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)|[-*•][ \t]*`?[a-z]+)`?[ \t]*[–—:-][ \t]/;

/** A short line that only names a topic ("500 Errors", "Timeouts or Connection Failures"). */
const HEADING_LINE = /^[ \t#*]*[^\s.!?:;,|][^.!?:;|\n]{0,38}$/;

/** A table cell that holds only an upper-case error name (`| DEADLINE_EXCEEDED |`). */
const NAME_CELL = /\|[ \t]*`?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)`?[ \t]*(?=\|)/g;
/** Distinct names a table needs before it counts as a table of definitions. */
const MIN_TABLE_NAMES = 4;
/** How far around the words the table's rows are read. */
const TABLE_WINDOW = 1200;

/** A string constant declared in code, right before the words: `const reset string = "`. */
const STRING_CONSTANT_BEFORE =
  /(?:\b(?:const|final|static|val|var|let)\b[^=\n;]{0,60}|\b\w+[ \t]*:[ \t]*[A-Z]\w*\??[ \t]*)(?<![=!<>])=[ \t]*["'`][^"'`\n]{0,40}$/;

/** A condition at the start of a clause, before its first comma or colon: "If the connection is refused (…),". */
const CONDITION_START = /^[ \t]*(?:[-*•][ \t]*)?(?:if|when|whenever|unless|in case)\b[^,:;\n]*$/i;

/**
 * Where the line holding `at` starts, looking back at most SENTENCE_WINDOW characters: every
 * search here is bounded, because a log of one long line can hold a finding every few characters.
 */
const lineStartBefore = (text: string, at: number): number => lineStartWithin(text, at, SENTENCE_WINDOW);

/** Where the line holding `at` ends, looking ahead at most SENTENCE_WINDOW characters. */
const lineEndAfter = (text: string, at: number): number => lineEndWithin(text, at, SENTENCE_WINDOW);

export interface Sentence {
  start: number;
  end: number;
}

/** The sentence (or line, or table cell) around [start, end), read at most SENTENCE_WINDOW each side. */
export function sentenceAround(text: string, start: number, end: number): Sentence {
  const from = Math.max(0, start - SENTENCE_WINDOW);
  let sentenceStart = from;
  // One character past `start`, so that a full stop right before the words sees what follows it.
  const before = text.slice(from, start + 1);
  SENTENCE_END.lastIndex = 0;
  for (let mark = SENTENCE_END.exec(before); mark !== null && mark.index < start - from; mark = SENTENCE_END.exec(before)) {
    sentenceStart = from + mark.index + mark[0].length;
  }
  const to = Math.min(text.length, end + SENTENCE_WINDOW);
  SENTENCE_END.lastIndex = 0;
  const next = SENTENCE_END.exec(text.slice(end, to));
  const sentenceEnd = next !== null ? end + next.index + 1 : to;
  return { start: sentenceStart, end: sentenceEnd };
}

/**
 * An option's name quoted in a message ("consider setting the 'Retry on Fail' option"): its words
 * name a setting the reader may turn on, they state no rule.
 */
const QUOTED_OPTION_NAME = /['"‘“][A-Z][\w -]{0,40}['"’”][ \t]+(?:option|setting|toggle|flag)/g;

/** True when the sentence states a rule and nothing in it reports that the failure happened. */
function isPolicySentence(sentence: string): boolean {
  return POLICY_WORDS.test(sentence.replace(QUOTED_OPTION_NAME, '')) && !isReport(sentence);
}

export function isReport(words: string): boolean {
  return REPORT_WORDS.test(words) || LOG_MARKS.test(words) || FIRST_PERSON.test(words);
}

/** Words of someone who got an error: "I get", "we see", "threw", "fails with". */
const RECEIVED_WORDS = /\b(?:got|getting|gets|received|receiving|seeing|saw|threw|throws|thrown|(?:fails|failed|failing) with)\b/i;

/**
 * True when the words say first hand that errors came: a first person, a log's or a traceback's
 * marks, a verb of receiving. A rule's words ("when retrying requests:") are not enough.
 */
export function isFirstHandReport(words: string): boolean {
  return RECEIVED_WORDS.test(words) || LOG_MARKS.test(words) || FIRST_PERSON.test(words);
}

/** The line that follows the one holding `at` (up to SENTENCE_WINDOW characters). */
function nextLine(text: string, at: number): string {
  const lineEnd = lineEndAfter(text, at);
  if (text[lineEnd] !== '\n') return '';
  const after = text.slice(lineEnd + 1, lineEnd + 1 + SENTENCE_WINDOW);
  const end = after.indexOf('\n');
  return end < 0 ? after : after.slice(0, end);
}

/**
 * The line holding [start, end), cut at SENTENCE_WINDOW each side: enough to tell a heading (a
 * short line) or a table row, which is all it is read for.
 */
function lineAround(text: string, start: number, end: number): string {
  return text.slice(lineStartBefore(text, start), lineEndAfter(text, end));
}

/** True when [start, end) is a cell's name, or sits on a row, of a table that defines several error names. */
function isInDefinitionTable(text: string, start: number, end: number): boolean {
  const line = lineAround(text, start, end);
  if (!line.includes('|')) return false;
  const window = text.slice(Math.max(0, start - TABLE_WINDOW), Math.min(text.length, end + TABLE_WINDOW));
  const names = new Set<string>();
  for (const cell of window.matchAll(NAME_CELL)) {
    if ((cell[1] ?? '').length >= 4) names.add(cell[1]!);
    if (names.size >= MIN_TABLE_NAMES) return true;
  }
  return false;
}

/** True when the network failure's words at [start, end) are named by a rule, a definition or code, not reported. */
export function isNamedNotReported(
  text: string,
  start: number,
  end: number,
  sentence: Sentence = sentenceAround(text, start, end),
): boolean {
  const lineStart = lineStartBefore(text, start);
  if (STRING_CONSTANT_BEFORE.test(text.slice(Math.max(lineStart, start - 80), start))) return true;
  if (isInDefinitionTable(text, start, end)) return true;
  const clauseBefore = text.slice(sentence.start, start);
  if (CONDITION_START.test(clauseBefore) && !FIRST_PERSON.test(clauseBefore)) return true;
  if (ANSWER_BEFORE.test(text.slice(Math.max(sentence.start, start - 60), start))) return false;
  const words = text.slice(sentence.start, sentence.end);
  if (isPolicySentence(words)) return true;
  if (DEFINITION_TERM.test(clauseBefore) && !isReport(words)) {
    return POLICY_WORDS.test(text.slice(Math.max(0, start - INTRO_WINDOW), start));
  }
  const line = lineAround(text, start, end);
  return HEADING_LINE.test(line) && isPolicySentence(nextLine(text, end));
}
