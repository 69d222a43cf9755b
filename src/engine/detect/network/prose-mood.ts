// Whether prose tells that a network failure happened or only talks about it. A report has a
// witness: a first person, a verb in the past or the progressive ("got", "failed", "seeing"), a
// log's or a traceback's marks. Prose without one that speaks in the general mood (a modal, the
// reader addressed, a default, a rule of when an exception is raised, a definition) describes what
// can happen, as documentation and tutorials do; a line that opens with a change verb ("Fix …",
// "adds a clause for …", "Raise X for Y errors") describes code, as pull requests and changelogs do.
// The error's own words are cut out before the sentence is read, so that "could not connect" or
// "Connection failed" never count as a modal or a witness.
import { hasLogMarks, isReport, sentenceAround, type Sentence } from '../shared/definition-context';
import { listIntroAbove } from './network-context';

/**
 * The general mood: a modal that is not negated ("may raise", "will throw"; "can't connect" is a
 * runtime's message), the reader told what they would get ("you get", "you may see"; "let you
 * know" is not), a rule of when something is raised, a definition.
 */
const GENERIC_WORDS =
  /\b(?:will|may|might|can|could|would)\b(?!['’]t|[ \t]+not\b)|\byou(?:'ll)?[ \t]+(?:get|see|receive|try|need)\b|\b(?:is|are|be|gets?) (?:raised|thrown|returned)\b|\bmeans\b|\bindicates\b|\bmost common\b/i;

/**
 * A default or a usual case, read before the words only: "By default, HttpClient times out after
 * 100 seconds" is general, but a message's own explanation after them ("The connection cannot be
 * established, this usually occurs due to …") is not.
 */
const USUAL_BEFORE = /\bby default\b|\b(?:typically|usually|generally|normally)\b/i;

/** A lower-case "i" used as the pronoun ("when i try"), which the shared test leaves to "I". */
const LOWER_CASE_I = /(?:^|[^\w/])i[ \t]+[a-z]/;
/** Someone asking about the error they have ("help me"), or a past tense a report uses ("errored:", "had a TLS error"). */
const ASKING_OR_PAST = /\b(?:me|help|had|errored)\b/i;

/**
 * A line that describes a code change: after a heading mark, a bullet or a task box, and a
 * conventional-commit prefix (`fix:`, `feat(http):`), a change verb in the imperative or the third
 * person. Past forms are left out: "I added a retry and got ECONNRESET" reports.
 */
const CHANGE_LINE =
  /^[ \t>]*(?:#{1,6}[ \t]*)?(?:[-*•][ \t]+)?(?:\[[ xX]\][ \t]*)?(?:\w+(?:\([^)\n]{1,30}\))?!?:[ \t]*)?(?:(?:add|fix|handle|raise|support|implement|catch|map|treat|ignore|allow|wrap|detect|expose|surface|propagate|translate|convert|distinguish|differentiate|avoid|prevent|document|mock|simulate|introduce)(?:e?s)?|resolve[sd]?)\b/i;

/** Double quotes, straight or curly, around a runtime's message. */
const QUOTE = /["“”]/g;

/**
 * The writer's words in the sentence [from, to) around the error's words [start, end): when the
 * error is quoted, the rest of the quotation ("No connection could be made, because …") is the
 * runtime's message, not the writer's mood, and is left out.
 */
function writersWords(text: string, from: number, start: number, end: number, to: number): string {
  const before = [...text.slice(from, start).matchAll(QUOTE)];
  const close = before.length % 2 === 1 ? text.slice(end, to).search(QUOTE) : -1;
  if (close < 0) return `${text.slice(from, start)} ${text.slice(end, to)}`;
  return `${text.slice(from, from + before.at(-1)!.index)} ${text.slice(end + close + 1, to)}`;
}

/**
 * Advice opening the sentence ("Ensure your server supports TLS 1.2; older versions cause a
 * handshake failure", "Check that …"): what the reader should do about what may happen.
 */
const ADVICE_START = /^[\s*_>#-]*(?:ensure|make sure|be sure|check that|verify that|note that|remember that)\b/i;

/** A conditional clause opening the sentence: "If the destination server fails …, then the request is timed out." */
const CONDITIONAL_START = /^[\s*_>#-]*(?:if|unless|in case|whenever)\b/i;
/** A clause of condition right before the words: "to be shown when our servers were unreachable", "to fail earlier when a host is not reachable". */
const CONDITION_CLAUSE_BEFORE = /\b(?:when|whenever|if|unless|in case)\b[^,.;:!?\n]{0,60}$/i;

/**
 * A supposition opening the sentence ("lets say i have a bot … and my internet goes down"): what
 * follows is imagined, even in the first person.
 */
const SUPPOSITION_START = /^[\s*_>#-]*(?:let(?:'|’)?s say|say|suppose|supposing|imagine|assume|assuming)\b/i;

/** A bullet, and the introduction of a list of conditions or examples ("… unsuccessful if:", "errors include:"). */
const BULLET = /^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]/;
const CONDITIONS_INTRO = /\b(?:if|when|whenever|unless|include|includes|such as|like|e\.g\.)[ \t]*:[ \t]*$/i;

/** Where the line holding `at` starts and ends, read at most `reach` characters each side. */
function lineBounds(text: string, at: number, reach: number): [number, number] {
  const from = Math.max(0, at - reach);
  const start = from + text.slice(from, at).lastIndexOf('\n') + 1;
  const after = text.slice(at, at + reach);
  const lineBreak = after.indexOf('\n');
  return [start, lineBreak < 0 ? at + after.length : at + lineBreak];
}

/** How far the line of a change is read each side. */
const LINE_REACH = 240;

/**
 * What a witness is not: a passive in the present ("if no response is received") states a
 * condition, and a short quotation ("yes, I'm here, let's talk") is someone else's words.
 */
const NOT_WITNESS = /\b(?:is|are|be|being)[ \t]+(?:not[ \t]+)?\w+ed\b|["“][^"“”\n]{1,80}["”]/gi;

const hasWitness = (words: string): boolean => {
  const own = words.replace(NOT_WITNESS, ' ');
  return isReport(own) || LOWER_CASE_I.test(own) || ASKING_OR_PAST.test(own);
};

/**
 * Someone telling what happened in a pull request or a feature request: a person who got or saw
 * it ("I ran into", "we're seeing"; not "we can get", which says what the code may meet), a
 * frequency or an occurrence ("intermittently reset", "sometimes … occurs", "fails with"; not the
 * generic "a webhook that fails with a network error"), a
 * pasted message (`Error: …`, `…Exception:`, `requests.exceptions.ReadTimeout: …`).
 */
const HAPPENED_WITNESS =
  /\b(?:I|i|we)(?:'m|’m|'ve|'re| am| have| are| were| was| had| keep| still)?[ \t]+(?:(?!can\b|could\b|may\b|might\b|would\b|will\b|should\b|need\b|want\b)\w+[ \t]+)?(?:got|get|gets|getting|see|seeing|saw|ran into|run into|running into|hit|hitting|encounter\w*|receiv\w+|experienc\w+|noticed|observed|faced?)\b|\b(?:intermittent(?:ly)?|occasional(?:ly)?|sometimes|randomly|frequently|often|constantly|repeatedly|suddenly|occurs|occurred|happens|happened)\b|(?<!\b(?:that|which)[ \t]+)\bfail(?:s|ed|ing)?[ \t]+(?:with|due to|because)\b|(?<=\b(?:that|which)[ \t]+)\bfail(?:ed|ing)[ \t]+(?:with|due to|because)\b|(?:^|\s)[\w.$]*(?:Error|Exception)\b[^:\n]{0,20}:|(?:^|[\s`'"(])[a-z_]\w*(?:\.\w+)+:[ \t]/i;

/** How far into a pull request or feature request its prose is read as such: a description is short, a log that follows it is not. */
const DESCRIPTION_REACH = 4096;

/** True when `at` lies inside a fenced code block (pasted output) of the text's first part. */
function isInFence(text: string, at: number): boolean {
  let fences = 0;
  for (let found = text.indexOf('```'); found >= 0 && found < at; found = text.indexOf('```', found + 3)) fences += 1;
  return fences % 2 === 1;
}

/**
 * True when, in a pull request or a feature request, the words at [start, end) sit in its prose
 * (not a pasted log or fenced output) on a line that tells nothing happened: the page names the
 * error it handles or wants handled.
 */
function isNamedInChangeOrRequest(text: string, start: number, end: number): boolean {
  if (start > DESCRIPTION_REACH || isInFence(text, start)) return false;
  // The whole line, the words included: a pasted message's name is part of its witness.
  const [lineStart, lineEnd] = lineBounds(text, start, LINE_REACH);
  const line = text.slice(lineStart, Math.max(end, lineEnd));
  return !hasLogMarks(line) && !HAPPENED_WITNESS.test(line);
}

/** A modal not negated in the line that introduces a block: "will look like:", "would throw:". */
const MODAL_INTRO = /\b(?:will|would|may|might|could|can)\b(?!['’]t|[ \t]+not\b)/i;
/** A wish, whose modal is the writer's, not the block's: "It would be nice to have a way to check if it is dns error:". */
const WISH = /\b(?:would|could)[ \t]+be[ \t]+(?:really[ \t]+|very[ \t]+)?(?:nice|great|good|helpful|useful|cool|better|awesome|handy)\b/gi;
/** "as you can see": the writer points at what the block shows, which happened. */
const CAN_SEE = /\b(?:you|we|one)[ \t]+can[ \t]+see\b/gi;
const hasModal = (intro: string): boolean => MODAL_INTRO.test(intro.replace(WISH, ' ').replace(CAN_SEE, ' '));

/** An introduction that calls the block an example: "Example output when the host is down:", "A sample error:". */
const EXAMPLE_INTRO = /\b(?:examples?|sample|for instance)\b/i;

/** How far back the line that introduces a fenced block is looked for. */
const FENCE_INTRO_REACH = 400;

/**
 * The prose line right above the fenced block that holds `at`, when it introduces the block with
 * a colon ("the error message will look like:"); empty when `at` is in no fence or the block
 * opens the text.
 */
function fenceIntro(text: string, at: number): string {
  if (!isInFence(text, at)) return '';
  const open = text.lastIndexOf('```', at);
  const above = text.slice(Math.max(0, open - FENCE_INTRO_REACH), open).trimEnd();
  const line = above.slice(above.lastIndexOf('\n') + 1);
  return line.endsWith(':') ? line : '';
}

/** How far above its message an unfenced example's introduction may stand. */
const UNFENCED_INTRO_REACH = 300;
/** A short label line between an introduction and its example, as docs print a code block's language ("JSON"). */
const BLOCK_LABEL = /^[ \t]*[\w-]{1,12}[ \t]*$/;

/**
 * The same introduction above a message that a page shows without a fence ("…the response
 * message within the activity logs will be displayed as:" / "JSON" / the message): the nearest
 * non-blank line above the message's line, past one block label, when it ends with a colon.
 */
function unfencedIntro(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lines = text.slice(Math.max(0, lineStart - UNFENCED_INTRO_REACH), lineStart).split('\n');
  let labels = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trimEnd();
    if (line.trim() === '') continue;
    if (line.endsWith(':')) return line;
    if (!BLOCK_LABEL.test(line) || ++labels > 1) return '';
  }
  return '';
}

/**
 * True when the words at [start, end) are named in general prose or a change description, not
 * reported. `inChangeOrRequest`: the page is a pull request or a feature request (its title says so).
 */
export function isToldNotReported(
  text: string,
  start: number,
  end: number,
  sentence: Sentence = sentenceAround(text, start, end),
  inChangeOrRequest = false,
): boolean {
  // A log's line is a witness: the common case in a large log, settled before anything else is read.
  if (hasLogMarks(text.slice(sentence.start, start)) || hasLogMarks(text.slice(end, sentence.end))) return false;
  const rest = writersWords(text, sentence.start, start, end, sentence.end);
  // A question ("Can ECONNRESET errors be retried?") asks about an error the writer may have hit.
  const isQuestion = text[sentence.end - 1] === '?';
  const before = text.slice(sentence.start, start);
  if (SUPPOSITION_START.test(before)) return true;
  if (inChangeOrRequest && isNamedInChangeOrRequest(text, start, end)) return true;
  // A block shown as what a message will or would look like ("When `fetch` fails, the error
  // message will look like:", "URLSession will throw this error on timeout:", a vendor's "If the
  // endpoint fails …, the message will be displayed as:") is an example, fenced or not.
  const intro = start <= DESCRIPTION_REACH ? fenceIntro(text, start) || unfencedIntro(text, start) : '';
  const exampleIntro = (hasModal(intro) || EXAMPLE_INTRO.test(intro)) && !hasWitness(intro);
  if (intro !== '' && (exampleIntro || (CONDITIONAL_START.test(intro) && hasModal(intro)))) return true;
  const general =
    CONDITIONAL_START.test(before) ||
    CONDITION_CLAUSE_BEFORE.test(before) ||
    ADVICE_START.test(before) ||
    (!isQuestion && GENERIC_WORDS.test(rest)) ||
    USUAL_BEFORE.test(before);
  if (general && !hasWitness(rest)) return true;
  const [lineStart, lineEnd] = lineBounds(text, start, LINE_REACH);
  const lineBefore = text.slice(lineStart, start);
  const isCondition = BULLET.test(lineBefore) && CONDITIONS_INTRO.test(listIntroAbove(text, start));
  if (!isCondition && !CHANGE_LINE.test(lineBefore)) return false;
  return !hasWitness(`${lineBefore} ${text.slice(end, lineEnd)}`);
}
