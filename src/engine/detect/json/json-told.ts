// Bodies that did not parse, told in words rather than in a parser's message: a fix's title
// ("Include missing comma in POST example"), a sentence saying the JSON was malformed, Node's old
// "Unexpected token o" whose stack names JSON.parse, "Fixes JSON.parse error", and a curl body in
// single quotes with `\"` inside (the shell keeps the backslashes, so the body is not JSON).
import type { Finding } from '../../types';
import { looksLikeMachineLog } from '../credential/credential-prose';
import { excerptOf } from '../shared/text-excerpt';

/**
 * A title that fixes a JSON example's punctuation: a line that starts the text or is a heading,
 * with an optional conventional-commit type, then the fix verb and what was missing or extra.
 */
const PUNCTUATION_FIX_TITLE =
  /[ \t]*(?:#{1,6}[ \t]*)?(?:[\w-]{1,20}(?:\([\w./-]{1,30}\))?!?:[ \t]*)?(?:fix(?:es|ed)?|add(?:s|ed)?|include[sd]?|insert(?:s|ed)?|remove[sd]?|delete[sd]?|drop(?:s|ped)?|correct(?:s|ed)?)[ \t]+(?:(?:the|a|an)[ \t]+)?(?:missing|extra|trailing|redundant|superfluous|stray|unnecessary|extraneous|dangling)[ \t]+(?:commas?|double[ \t]+quotes?|quotes?|closing[ \t]+(?:braces?|brackets?)|braces?|brackets?|colons?)\b[^\n]{0,80}/iy;
/** A Markdown heading's start: the other place a title stands. */
const HEADING_START = /^[ \t]*#/gm;
/** What the fixed text was: a JSON body or an example of a request. */
const BODY_WORDS = /\b(?:json|body|payload|request|post|put|patch|curl|webhook|examples?|samples?|snippet)\b/i;
/** A language other than JSON named in the title: the punctuation was that code's. */
const OTHER_LANGUAGE = /\b(?:python|javascript|js|typescript|ts|ruby|go|golang|java|php|csv|ya?ml|toml|sql|css|html|bash|shell)\b/i;

/**
 * "the json provided in the doc to make an example was malformed": said of a past body. The
 * verdict is found first (rare in logs, unlike "json"), then JSON is looked for a few words back.
 */
const PAST_VERDICT = /\b(?:was|were|had[ \t]+been)[ \t]+(?:malformed|invalid|broken|not[ \t]+valid)\b/gi;
const JSON_WORDS_BEFORE = /\bjson\b(?:[ \t]+[\w-]+){0,8}[ \t]+$/i;
/** How far back of a verdict its subject is read. */
const SUBJECT_REACH = 120;
/** A condition or a requirement before it: "if the json … was invalid", "make sure the json …". */
const CONDITION_BEFORE = /\b(?:if|whether|unless|when(?:ever)?|make\s+sure|ensure|check)\b[^.!?\n]{0,80}$/i;

/** Node's message before "in JSON" was added, with the stack frame that says JSON.parse threw it. */
const OLD_NODE_MESSAGE = /\bSyntaxError:[ \t]*Unexpected token[ \t]+\S{1,12}[ \t]*\r?\n[ \t]*at[ \t]+(?:Object|JSON)\.parse\b/g;

/** "Fixes JSON.parse error", "JSON.parse() fails on the body". */
const JSON_PARSE_FAILED = /\bJSON\.parse(?:\(\))?[ \t]+(?:errors?|exceptions?|fail(?:s|ed|ure)?|crash(?:es|ed)?)\b/gi;

/**
 * curl's body in single quotes holding `\"`: the shell passes the backslashes on. The quote comes
 * first and the flag is read behind it, so only quotes cost a look.
 */
const SINGLE_QUOTED_ESCAPES = /'(?<=(?:^|[ \t])(?:-d|--data(?:-raw|-binary|-ascii)?|--json)[ \t]+')[ \t]*[{[][^'\n]{0,400}?\\"/gm;

function finding(text: string, start: number, end: number, reason: string): Finding {
  return { kind: 'json', code: null, problem: 'invalid-json', start, end, excerpt: excerptOf(text, start, end), detail: { reason } };
}

/** Where titles stand: the text's first line that holds anything, then its Markdown headings. */
function* titleStarts(text: string): Generator<number> {
  yield text.length - text.trimStart().length;
  for (const heading of text.matchAll(HEADING_START)) yield heading.index;
}

function fixTitle(text: string): Finding | null {
  for (const at of titleStarts(text)) {
    PUNCTUATION_FIX_TITLE.lastIndex = at;
    const match = PUNCTUATION_FIX_TITLE.exec(text);
    if (!match || !BODY_WORDS.test(match[0]) || OTHER_LANGUAGE.test(match[0])) continue;
    return finding(text, at, at + match[0].length, 'a fix says the JSON had a punctuation error');
  }
  return null;
}

function toldMalformed(text: string): Finding | null {
  for (const verdict of text.matchAll(PAST_VERDICT)) {
    const lineStart = Math.max(text.lastIndexOf('\n', verdict.index) + 1, verdict.index - SUBJECT_REACH);
    const before = text.slice(lineStart, verdict.index);
    const subject = JSON_WORDS_BEFORE.exec(before);
    if (!subject || CONDITION_BEFORE.test(before.slice(0, subject.index))) continue;
    const start = lineStart + subject.index;
    return finding(text, start, verdict.index + verdict[0].length, 'the text says the JSON was malformed');
  }
  return null;
}

function firstOf(text: string, pattern: RegExp, reason: string): Finding | null {
  pattern.lastIndex = 0;
  const match = pattern.exec(text);
  return match ? finding(text, match.index, match.index + match[0].length, reason) : null;
}

/** Every invalid body the text tells of in words, at most one per shape. */
export function detectToldJsonProblems(text: string): Finding[] {
  // Titles and sentences are written by people: a program's log is read for its messages only.
  const prose = !looksLikeMachineLog(text);
  const found = [
    prose ? fixTitle(text) : null,
    prose ? toldMalformed(text) : null,
    prose ? firstOf(text, JSON_PARSE_FAILED, 'JSON.parse failed on the body') : null,
    firstOf(text, OLD_NODE_MESSAGE, 'JSON.parse threw "Unexpected token": the body is not JSON'),
    firstOf(text, SINGLE_QUOTED_ESCAPES, 'the body is in single quotes, where \\" stays a backslash and a quote: the receiver gets invalid JSON'),
  ];
  return found.filter((item): item is Finding => item !== null);
}
