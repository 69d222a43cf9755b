// Bodies that did not parse, told in words rather than in a parser's message: a fix's title
// ("Include missing comma in POST example"), a sentence saying the JSON was malformed, Node's old
// "Unexpected token o" whose stack names JSON.parse, "Fixes JSON.parse error", and a curl body in
// single quotes with `\"` inside (the shell keeps the backslashes, so the body is not JSON).
import type { Finding } from '../../types';
import { excerptOf } from '../shared/text-excerpt';

/**
 * A title that fixes a JSON example's punctuation: a line that starts the text or is a heading,
 * with an optional conventional-commit type, then the fix verb and what was missing or extra.
 */
const PUNCTUATION_FIX_TITLE =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:[\w-]{1,20}(?:\([\w./-]{1,30}\))?!?:[ \t]*)?(?:fix(?:es|ed)?|add(?:s|ed)?|include[sd]?|insert(?:s|ed)?|remove[sd]?|delete[sd]?|drop(?:s|ped)?|correct(?:s|ed)?)[ \t]+(?:(?:the|a|an)[ \t]+)?(?:missing|extra|trailing|redundant|superfluous|stray|unnecessary|extraneous|dangling)[ \t]+(?:commas?|double[ \t]+quotes?|quotes?|closing[ \t]+(?:braces?|brackets?)|braces?|brackets?|colons?)\b[^\n]{0,80}/gim;
/** What the fixed text was: a JSON body or an example of a request. */
const BODY_WORDS = /\b(?:json|body|payload|request|post|put|patch|curl|webhook|examples?|samples?|snippet)\b/i;
/** A language other than JSON named in the title: the punctuation was that code's. */
const OTHER_LANGUAGE = /\b(?:python|javascript|js|typescript|ts|ruby|go|golang|java|php|csv|ya?ml|toml|sql|css|html|bash|shell)\b/i;

/** "the json provided in the doc to make an example was malformed": said of a past body. */
const TOLD_MALFORMED =
  /\bjson\b(?:[ \t]+[\w-]+){0,8}?[ \t]+(?:was|were|had[ \t]+been)[ \t]+(?:malformed|invalid|broken|not[ \t]+valid)\b/gi;
/** A condition or a requirement before it: "if the json … was invalid", "make sure the json …". */
const CONDITION_BEFORE = /\b(?:if|whether|unless|when(?:ever)?|make\s+sure|ensure|check)\b[^.!?\n]{0,80}$/i;

/** Node's message before "in JSON" was added, with the stack frame that says JSON.parse threw it. */
const OLD_NODE_MESSAGE = /\bSyntaxError:[ \t]*Unexpected token[ \t]+\S{1,12}[ \t]*\r?\n[ \t]*at[ \t]+(?:Object|JSON)\.parse\b/g;

/** "Fixes JSON.parse error", "JSON.parse() fails on the body". */
const JSON_PARSE_FAILED = /\bJSON\.parse(?:\(\))?[ \t]+(?:errors?|exceptions?|fail(?:s|ed|ure)?|crash(?:es|ed)?)\b/gi;

/** curl's body in single quotes holding `\"`: the shell passes the backslashes on. */
const SINGLE_QUOTED_ESCAPES = /(?<![\w-])(?:-d|--data(?:-raw|-binary|-ascii)?|--json)[ \t]+'[ \t]*[{[][^'\n]{0,400}?\\"/g;

function finding(text: string, start: number, end: number, reason: string): Finding {
  return { kind: 'json', code: null, problem: 'invalid-json', start, end, excerpt: excerptOf(text, start, end), detail: { reason } };
}

function fixTitle(text: string): Finding | null {
  for (const match of text.matchAll(PUNCTUATION_FIX_TITLE)) {
    const atStart = text.slice(0, match.index).trim() === '';
    if (!atStart && !/^[ \t]*#/.test(match[0])) continue;
    if (!BODY_WORDS.test(match[0]) || OTHER_LANGUAGE.test(match[0])) continue;
    return finding(text, match.index, match.index + match[0].length, 'a fix says the JSON had a punctuation error');
  }
  return null;
}

function toldMalformed(text: string): Finding | null {
  for (const match of text.matchAll(TOLD_MALFORMED)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    if (CONDITION_BEFORE.test(text.slice(lineStart, match.index))) continue;
    return finding(text, match.index, match.index + match[0].length, 'the text says the JSON was malformed');
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
  const found = [
    fixTitle(text),
    toldMalformed(text),
    firstOf(text, OLD_NODE_MESSAGE, 'JSON.parse threw "Unexpected token": the body is not JSON'),
    firstOf(text, JSON_PARSE_FAILED, 'JSON.parse failed on the body'),
    firstOf(text, SINGLE_QUOTED_ESCAPES, 'the body is in single quotes, where \\" stays a backslash and a quote: the receiver gets invalid JSON'),
  ];
  return found.filter((item): item is Finding => item !== null);
}
