// The receiver's words written as a plain line under the words that call it the answer: "Then
// the server will respond:" / "error evaluating hook: invalid payload signature", "And getting
// back:" / "Request body must be a valid JSON array.", "I get this response :" / "_x is already
// a list member._", or quoted on the same line ("an error occurs: \"…\""). The line must stand
// alone (a blank line, a fence or the end follows it), report a failure, and be no body, no
// command, no code and no runtime or connection error of the sender's own.
import { RUNTIME_PARSE_FAILURE } from '../json/json-parse-errors';
import { execAt } from '../shared/text-match';
import { ERROR_WORDS, isFromReceiver } from './receiver-words-loose';
import { repeatsStatus } from './receiver-words-plain';
import { isClientsOwnError } from './receiver-words-thrown';

export interface CueWords {
  start: number;
  end: number;
  message: string;
}

/**
 * Words that end a line and call what follows the answer: a noun or verb with a colon
 * ("respond:", "getting back:", "this response :", "My error:", "an error occurs:", "The error
 * is:", "Result:", "the following:"), or a verb of speaking without one ("it will read", "the
 * server says"), all of them before a line break or a quote; and, before a line break only,
 * words that announce a block ("is coming back with", "I am getting the error", "the error
 * below"); and, before a quote only, words that name it the message ("I only ever get the message
 * "…"", "a 500 with a message `…`"). Without the colon a noun only names a topic ("Error Response" as a heading, "… and
 * return an error"); a quote after "I get the error" is as often the writer's tool speaking.
 */
const CUE =
  /\b(?:(?:(?:respon(?:se|d|ds|ded)|return(?:s|ed)?|(?:get|got|getting) back|answer(?:s|ed)?|results?|following (?:error|response|message|output)s?|(?:respon\w*|return\w*|repl\w*|says?|gets?|got|getting|receiv\w*|shows?)\b[^\n:]{0,30}?\bthe following|(?:my|the|this|an?) error(?: message)?(?: (?:occurs|is|was))?)[ \t]*:|(?:respon(?:d|ds|ded)|says?|reads?|repl(?:y|ies|ied))[ \t]*:?)[ \t]*(?=\r?\n|[ \t]*["“])|(?:coming back(?: with)?|(?:get|got|getting|receiv(?:e|ed|ing)|see|seeing) the (?:following )?(?:error|response|message)|(?:error|response|message)s? (?:as )?below)[ \t]*:?[ \t]*(?=\r?\n)|((?:get|got|getting|receiv(?:e|ed|ing)|see|seeing|with)(?: (?:the|a|this))?(?: generic)? message)[ \t]*:?(?=[ \t]*["“`]))/gi;
/** Blank lines and fence marks between the cue and the answer, at most two of them. */
const GAP = /(?:[ \t]*\r?\n(?:[ \t]*(?:```|~~~)\w*[ \t]*(?=\r?\n))?){1,3}/y;
/** The answer's line and what must follow it: a blank line, a fence mark or the end. */
const ANSWER_LINE = /[ \t]*([^\s{[<$#>|-][^\n\r]{2,300})\r?(?=\n[ \t]*(?:\r?\n|```|~~~)|\n?$)/y;
/** A quoted answer right after the cue on its own line. */
const QUOTED_ON_LINE = /[ \t]*["“`]([^"”`\n\r]{3,300})["”`]/y;
/** Quote and emphasis marks around the words, and an `Error:` label before them. */
const MARKS = /^[`"“'_*]+|[`"”'_*]+$/g;
const ERROR_LABEL = /^(?:error|err)[ \t]*:[ \t]*/i;
/** An OAuth-style code before the description it names (`invalid_grant: The provided …`). */
const CODE_LABEL = /^[a-z]+(?:_[a-z]+)+:[ \t]+(?=[A-Z])/;
/**
 * The writer, a command or a mail server (`5.7.8 Error: …`) speaking, not the receiver. The
 * writer's own JSON parser (RUNTIME_PARSE_FAILURE) is no receiver either: with no status beside
 * it, a parse error is the script's own.
 */
const NOT_AN_ANSWER = /\b(?:I|we|my|our|me)\b|^(?:curl|wget|http|POST|GET|PUT)\b|[;{}]\s*$|^[245]\d\d[ -]\d\.\d|^\d\.\d{1,3}\.\d/;

/**
 * The first plain line the text calls the receiver's answer, or null. A quote only named "the
 * message" counts beside a status (`withStatus`): without one, it is as often an app's own notice.
 */
export function findCueWords(text: string, withStatus = false): CueWords | null {
  CUE.lastIndex = 0;
  for (let cue = CUE.exec(text); cue !== null; cue = CUE.exec(text)) {
    if ((cue[1] !== undefined && !withStatus) || proposes(text, cue.index)) continue;
    const after = cue.index + cue[0].length;
    const quoted = execAt(QUOTED_ON_LINE, text, after);
    const gap = quoted ? null : execAt(GAP, text, after);
    const line = quoted ?? (gap ? execAt(ANSWER_LINE, text, after + gap[0].length) : null);
    if (!line) continue;
    const message = asAnswer(line[1]!);
    if (message === null) continue;
    return { start: line.index, end: line.index + line[0].length, message };
  }
  return quoteNamedError(text) ?? cjkCueWords(text);
}

/**
 * Words in quotes, right after a verb of getting, that the text then calls an error, a response
 * or a message (`it give me "Bad payload received by generic incoming webhook." error`, `I get
 * "Invalid server token" message`): the writer naming what came back by quoting it. Without the
 * verb a quote is as often the writer's own wording (`a clean "Access denied" message instead`).
 */
const QUOTE_NAMED =
  /\b(?:get|gets|got|getting|gives?(?: me| us)?|giving(?: me| us)?|receiv(?:e|es|ed|ing)|results? in|returns?|returned|throws?|threw)(?:[ \t]+(?:an?|the|this|that))?[ \t]+["“](?![45]\d\d\b)([^"”\n]{6,200})["”][ \t]+(?:error|response|message)\b/gi;

/** The first quote the text names an error (see QUOTE_NAMED) that reads as the receiver's answer. */
function quoteNamedError(text: string): CueWords | null {
  if (!text.includes('"') && !text.includes('“')) return null;
  for (const match of text.matchAll(QUOTE_NAMED)) {
    const message = asAnswer(match[1]!);
    if (message !== null) return { start: match.index, end: match.index + match[0].length, message };
  }
  return null;
}

/**
 * A Chinese cue that what follows came back (报错 "reports the error", 报了以下错误 "reported
 * the following error", 一直报 "keeps reporting", 收到 "received", 提示 "prompts", 返回
 * "returns"), then the receiver's words in Latin script, which end where Chinese resumes. They
 * open with a capital, after the slug of their code if any (`invalid_api_key Incorrect API key
 * provided`); a writer's paraphrase is in lower case, and "should" (应该) before the cue tells
 * what the system would say.
 */
const CJK_CUE =
  /(?<!应该|应|会|应当)(?:报错|报了?(?:以下|如下)?的?错误|一直报|收到|提示|返回)[：:]?[ \t]*[`"“]?(?:[a-z]+(?:_[a-z]+)+[ \t]+)?([A-Z][\x20-\x7E]{3,200})/g;

/** The first words a Chinese cue presents as the answer (see CJK_CUE). */
function cjkCueWords(text: string): CueWords | null {
  if (!CJK_CUE_MARK.test(text)) return null;
  for (const match of text.matchAll(CJK_CUE)) {
    const message = asAnswer(match[1]!.replace(/[`"”]+[ \t]*$/, '').trim());
    // A status number in the words: the writer's tool or a status line, not the receiver's words.
    if (message !== null && !/\b[45]\d\d\b/.test(message)) return { start: match.index, end: match.index + match[0].length, message };
  }
  return null;
}
const CJK_CUE_MARK = /报|收到|提示|返回/;

/**
 * A modal or a suggestion right before the cue ("Shouldn't we say", "it could read", "how about
 * we say"): the writer proposing wording, not reporting an answer.
 */
const PROPOSAL_BEFORE = /\b(?:should(?:n't| not)?|could(?:n't)?|would(?:n't)?|let's|let us|how about|maybe)\b[^.!?\n]{0,24}$/i;
/** How much of the line before a cue is read for a proposal. */
const PROPOSAL_REACH = 48;

const proposes = (text: string, cueStart: number): boolean =>
  PROPOSAL_BEFORE.test(text.slice(Math.max(0, cueStart - PROPOSAL_REACH), cueStart));

function asAnswer(line: string): string | null {
  const words = line.trim().replace(MARKS, '').replace(ERROR_LABEL, '').replace(CODE_LABEL, '').trim();
  if (words.length < 3 || NOT_AN_ANSWER.test(words) || RUNTIME_PARSE_FAILURE.test(words) || isClientsOwnError(words)) return null;
  if (!ERROR_WORDS.test(words) || !isFromReceiver(words) || repeatsStatus(words)) return null;
  return words;
}
