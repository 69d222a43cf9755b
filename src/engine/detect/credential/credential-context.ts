// What a whole text says about the credential headers it quotes: did something fail, is it
// documentation, does the receiver take a token without a scheme, is a line one a program
// logged. One definition of each signal, read by the sentence detector and by the judgement of
// quoted headers.

/** Something went wrong: without it, a placeholder in a longer text is an example. */
export const FAILURE_SIGNAL =
  /\b(?:40[13]|unauthori[sz]ed|forbidden|invalid|not\s+a\s+valid|incorrect|wrong|denied|rejected|fail(?:s|ed|ing|ure)?|errors?|not\s+work(?:ing)?|doesn['’]?t\s+work|does\s+not\s+work|isn['’]?t\s+working|(?:not\s+able|unable)\s+to\s+(?:send|authenticate|connect|call|access|use)|bad\s+credentials|unauthenticated|not\s+authori[sz]ed|exited\s+with\s+code\s+[1-9])\b|错误|錯誤|失败|失敗|未经?授权|未授權|无效|無效|無効|エラー|에러|오류|fehler|erreur/iu;

/**
 * Documentation or advice telling the reader where their own value goes. A host such as
 * `https://example.com` in a report's request is not the word "example".
 */
export const DOCUMENTATION_SIGNAL =
  /(?<![.\w/-])(?:replace|e\.g\.|for example|example(?![.\w-])|must be accompanied|use the following|(?:setting|set|add|send|include|with|using) the following|can be found (?:in|at|under|on)|should look like|format is|substitute|your own|where\s+\S+\s+is\s+your|documentation|the docs|readme|quickstart|getting started|make sure|solutions?|verify (?:that|your)|check (?:that|your))\b/i;

/**
 * The text says the receiver takes the token without a scheme, or that the tool adds it: a bare
 * token quoted there is what is expected, not a missing Bearer.
 */
export const NO_SCHEME_EXPECTED =
  /\b(?:(?:do(?:es)?n['’]?t|do\s+not|does\s+not|never|no\s+need\s+to)\s+(?:\w+\s+){0,2}?(?:expect|require|need|want|accept|add|use)\s+(?:(?:the|a|any)\s+)?["'`“]?bearer|(?:automatic(?:ally)?|auto-?)\s*(?:\w+\s+){0,3}?["'`“]?bearer["'`”]?\s+prefix|bearer["'`”]?\s+prefix\s+(?:is\s+)?(?:added\s+)?automatically|without\s+(?:adding\s+|the\s+)?["'`“]?bearer\s*["'`”]?\s+(?:in\s+front|prefix)?[^.!?\n]{0,60}?(?:automatically|works?|fine)|(?:expected|required)(?:\/(?:expected|required))?\s+header|(?:issues?|problems?|trouble)\s+with\s+(?:the\s+)?["'`“]?bearer(?!["'`”]?\s+(?:prefix\s+)?(?:being|was|is|got)\s+(?:removed|stripped|dropped|lost|missing))|(?:do(?:es)?n['’]?t|do\s+not|does\s+not)\s+work\s+with\s+(?:the\s+)?["'`“]?bearer|bearer["'`”]?\s+(?:prefix\s+|keyword\s+)?(?:is\s+)?not\s+allowed)/i;

/** Headings of a list of causes or fixes: "## 🔎 Possible Causes:", "Troubleshooting", "How to Fix It". */
const LIST_HEADING_WORDS =
  '(?:common|possible|typical|likely|frequent)[ \\t]+(?:causes|reasons|mistakes|errors|pitfalls)|causes|troubleshooting|how[ \\t]+to[ \\t]+fix(?:[ \\t]+it)?';
/** A heading line of `words`, after an optional Markdown mark and an emoji. */
const headingOf = (words: string): RegExp =>
  new RegExp(`^[ \\t]*(?:#{1,6}[ \\t]*)?(?:[^\\w\\s]{1,4}[ \\t]*)?(?:${words})[ \\t]*:?[ \\t]*$`, 'im');
/** A list of causes or fixes, or a report's "Root Cause" section: sentences there explain. */
const CAUSES_HEADING = headingOf(`root[ \\t]+causes?|${LIST_HEADING_WORDS}`);
/** A troubleshooting page or an error catalogue: its examples are a doc's, not what someone sent. */
const TROUBLESHOOTING_HEADING = headingOf(LIST_HEADING_WORDS);

/** The last text read for each heading, and the answer (one text is judged many times). */
const headingCache = new Map<RegExp, { text: string; found: boolean }>();

function hasHeading(text: string, heading: RegExp): boolean {
  const cached = headingCache.get(heading);
  if (cached?.text === text) return cached.found;
  const found = heading.test(text);
  headingCache.set(heading, { text, found });
  return found;
}

/** True when the text has a heading that opens a list of causes or fixes, or a "Root Cause" section. */
export function hasCausesHeading(text: string): boolean {
  return hasHeading(text, CAUSES_HEADING);
}

/** True when the text is a troubleshooting page (common causes, how to fix). */
export function isTroubleshootingPage(text: string): boolean {
  return hasHeading(text, TROUBLESHOOTING_HEADING);
}

/** A log line's start: a date and time, a clock time, or a level (in brackets or not). Sticky. */
const LOG_LINE_START =
  /[ \t]*(?:\[?\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d|\[?\d\d:\d\d:\d\d|\[(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE)\]|(?:INFO|WARN|ERROR|DEBUG)\s)/y;

/** True when the line starting at `lineStart` is a line a program logged. */
export function isLogLineAt(text: string, lineStart: number): boolean {
  LOG_LINE_START.lastIndex = lineStart;
  return LOG_LINE_START.test(text);
}
