// The judgement a careful reader makes on a credential header quoted inside a longer text.
// `Bearer <token>` in documentation, `****` that the writer typed to hide their own key, a
// template tag shown as configured, or a bare token where the text says none is expected are
// not mistakes; the same value in a short paste, next to the 401 it caused, or in a log line of
// what was actually sent, is.
import type { Finding } from '../../types';
import { BEARER_MISSPELT, NO_SCHEME_BEFORE_BLANK } from './credential-value';
import { isBlankShape, isStandInTag, isWholeTemplateTag } from './credential-classify';
import { CREDENTIAL_WORD_VALUE, isPersonalPasswordName, SENT_AS_WRITTEN, typedLiteralBefore } from './credential-key-field';
import { PASSWORD_WORDS } from './secret-name-words';
import { DOCUMENTATION_SIGNAL, FAILURE_SIGNAL, isTroubleshootingPage, isLogLineAt, NO_SCHEME_EXPECTED } from './credential-context';
import { lineStartWithin } from '../../text';
import { MESSAGE_KEYS } from '../shared/message-keys';
import {
  addressesOnlyTheReader,
  followsAnInstruction,
  introducesOwnBlock,
  inWishSection,
  inWritersOwnBlock,
  ranADocExample,
  readsAsOwnReportOverDocWords,
  reportsARun,
  substitutedTheExample,
} from './credential-register';

/** More than a pasted header or two: a message, an issue, a page of docs. */
function isLongText(text: string): boolean {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= 2; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines > 2 || text.length > 240;
}

/** An n8n expression that went out unrendered (`={{ … }}`): never what anyone meant to send. */
const UNRENDERED_EXPRESSION = /^(?:\S+\s+)?=\{\{/;
/**
 * A password field's name and its `:`/`=` just before a value: a login form's password is the
 * user's data, not a credential; the name tells whose password it is.
 */
const PASSWORD_BEFORE = new RegExp(`([\\w.-]*(?:${PASSWORD_WORDS.join('|')}))["']?\\s*[:=]\\s*["']?$`, 'i');
/**
 * Words that make a quoted value the shape a header should have ("should be", "the format is",
 * "Expected 'Authorization: Bearer <JWT>'", "set the header as such:", a "# Correct" heading),
 * not a value someone sent.
 */
const STATES_A_FORMAT =
  /\b(?:should|must|needs?\s+to|has\s+to|have\s+to|format(?:ted)?|expect(?:s|ed)?|requires?|required|correct|incorrect|proper|standard|conventional|such\s+as|documented|(?:looks?|something|anything)\s+like|as\s+such|as\s+follows|like\s+(?:this|so)|following|remember|make\s+sure|ensure|look(?:ing)?\s+for|show\s+up\s+as|defaults?\s+to|(?:interpolated|expanded|rendered|resolved)\s+into|shape|usually|typically|of\s+the\s+form)\b|\b(?:e\.g|i\.e)\./i;
/** Words of a format statement that say what a value must be, whoever's value it is. */
const REQUIREMENT_WORDS = /\b(?:should|must|needs?\s+to|has\s+to|have\s+to|expect(?:s|ed)?|requires?|required|correct|proper)\b/i;
/** How far back on its line the words of a format statement are looked for. */
const FORMAT_REACH = 120;
/**
 * A comment in code before the value: a note about the header, not a request. A root shell's `#`
 * prompt before a command (`# curl -H …`) is a command that ran.
 */
const COMMENT_BEFORE = /(?:^|\s)(?:\/\/|#)\s(?![ \t]*(?:curl|wget|http|https|sudo|docker|kubectl)\b)/;
/** A line that is itself a header (`Authorization: …`, `- X-Api-Key: …`) or a curl line of one. */
const HEADER_LINE = /^[ \t>*-]{0,8}(?:(?:curl\b[^\n]{0,200}?|-H|--header)[ \t]+["']?)?["']?[A-Za-z][\w-]{0,40}["']?[ \t]*:|^[ \t]*curl\b/;
/**
 * An instruction or a list of contents that introduces a block: "Include a valid token using the
 * Bearer scheme:", "Headers include:".
 */
const IMPERATIVE_INTRO =
  /^[ \t]*(?:include|use|add|set|send|pass|put|provide|specify)\b[^\n]*:[ \t]*$|\b(?:includes?|contains?)[ \t]*:[ \t]*$/i;
/**
 * A doc's label for a counter-example on its own line: "# Wrong", "Wrong way:", "❌ Bad (has a
 * trailing space)", "// Don't". The header under it is what not to send, shown as a format.
 */
const COUNTER_EXAMPLE_LABEL =
  /^[ \t]*(?:#{1,6}|\/\/|--|\*\*)?[ \t]*(?:[❌✗✘⛔][ \t]*)?(?:wrong|bad|incorrect|don['’]t|avoid|not[ \t]+this)(?:[ \t]+(?:way|example|usage|format|request|header))?\b[^\n]{0,40}?:?[ \t]*(?:\*\*)?[ \t]*$/i;
/** How far back a line above is read for its start. */
const LINE_REACH = 400;
/** Header lines walked over, up to the words that introduce them. */
const MAX_HEADER_LINES_ABOVE = 4;

/**
 * True when the value at `at` is stated as a format: by words before it on its line, by a comment
 * it sits in, or, for a header on a line of its own, by the line that introduces the block.
 */
export function statesAFormat(text: string, at: number): boolean {
  const lineStart = lineStartWithin(text, at, FORMAT_REACH);
  const before = text.slice(lineStart, at);
  if (COMMENT_BEFORE.test(before)) return true;
  // "The request that I send is like this: …" shows the writer's own value, unless it says what it must be.
  if (
    STATES_A_FORMAT.test(before) &&
    (REQUIREMENT_WORDS.test(before) || !introducesOwnBlock(text.slice(lineStartWithin(text, at, LINE_REACH), at)))
  )
    return true;
  // An inline value opening its line (`` `Authorization: Bearer <key>` ``, ```` ```token = xxxx``` ````)
  // ends the sentence above it.
  if (
    lineStart > 0 &&
    /^[ \t]*[`'"]{1,3}[\w.-]*[ \t]*[:=]?[ \t]*(?:bearer[ \t]+)?$/i.test(before) &&
    continuesSentence(text, lineStart - 1)
  )
    return true;
  const wholeLine = lineStart === 0 || text[lineStart - 1] === '\n';
  if (!wholeLine || !HEADER_LINE.test(before)) return false;
  const line = blockIntroAbove(text, lineStart);
  if (line === null) return false;
  // "My config file looks like this:" shows the writer's own values, whatever its words.
  if (introducesOwnBlock(line)) return false;
  if (COUNTER_EXAMPLE_LABEL.test(line)) return true;
  return IMPERATIVE_INTRO.test(line) || (STATES_A_FORMAT.test(line) && /:\s*$|^\s*#/.test(line));
}

/**
 * The line that introduces the block of header lines ending above `lineStart` (the first line
 * above that is no header, or a comment), or null when the block runs out of reach.
 */
function blockIntroAbove(text: string, lineStart: number): string | null {
  let end = lineStart - 1;
  for (let count = 0; end > 0 && count <= MAX_HEADER_LINES_ABOVE; count++) {
    const start = lineStartWithin(text, end, LINE_REACH);
    // A line longer than the reach is no header block's line.
    if (start > 0 && text[start - 1] !== '\n') return null;
    const line = text.slice(start, end);
    if (line.trim() === '') {
      end = start - 1;
      continue;
    }
    if (!HEADER_LINE.test(line) || /^\s*#/.test(line)) return line;
    end = start - 1;
  }
  return null;
}

/** A header line under a doc's counter-example label ("# Wrong", "Wrong way:"): what not to send. */
function underCounterExample(text: string, at: number): boolean {
  const lineStart = lineStartWithin(text, at, FORMAT_REACH);
  if (lineStart > 0 && text[lineStart - 1] !== '\n') return false;
  const line = blockIntroAbove(text, lineStart);
  return line !== null && COUNTER_EXAMPLE_LABEL.test(line);
}

/** The line ending at `end` runs into the next one: its last words state a format ("… sending the token as"). */
function continuesSentence(text: string, end: number): boolean {
  // One blank line may part the sentence from its value (Markdown puts one around inline code).
  const last = /\n[ \t]*$/.test(text.slice(Math.max(0, end - FORMAT_REACH), end)) ? text.lastIndexOf('\n', end - 1) : end;
  // A trailing ellipsis or colon ("something like...", "like so:") still runs into the next line.
  const tail = text
    .slice(lineStartWithin(text, last, FORMAT_REACH), last)
    .trimEnd()
    .replace(/(?:\.{2,}|…|:)$/, '');
  return /[A-Za-z,]$/.test(tail) && (STATES_A_FORMAT.test(tail) || /\bas$/i.test(tail));
}

/** A JWT shown cut at its end (`eyJhbGc...`, issue 8's own `eyJ…`): a display, not a mask. */
const CUT_JWT = /^(?:\S+\s+)?eyJ[\w.-]*(?:\.{2,}|…+)[.…]*[`'"]?$/;

/** Whether `at` lies on a line a program logged (a log of what went out). */
function onLogLine(text: string, at: number): boolean {
  return isLogLineAt(text, text.lastIndexOf('\n', at - 1) + 1);
}

/** Whether a placeholder quoted in a longer text is one the writer really sent. */
function placeholderWasSent(finding: Finding, text: string): boolean {
  // The span may end in the backtick or quote that closed the writer's inline code.
  const value = text
    .slice(finding.start, finding.end)
    .trim()
    .replace(/[`'",;.)]+$/, '');
  if (
    isPersonalPasswordName(PASSWORD_BEFORE.exec(text.slice(Math.max(0, finding.start - 40), finding.start))?.[1] ?? '') &&
    !CREDENTIAL_WORD_VALUE.test(value) &&
    !isBlankShape(value)
  )
    return false;
  if (UNRENDERED_EXPRESSION.test(value)) return true;
  // A variable in a string that does not interpolate went out as written, unless a doc states it.
  if (finding.detail?.reason === SENT_AS_WRITTEN) return !statesAFormat(text, finding.start);
  if (onLogLine(text, finding.start)) return true;
  // A reporter's own blank (`<my key>`, `Bearer [token]`) still stands where the key went (issue 8).
  if (statesAFormat(text, finding.start)) return false;
  const tag = value.replace(/^\S+\s+(?=\{\{|\$\{)/, '');
  if (isStandInTag(tag)) return true;
  // A template tag renders when the request is sent: only a log of what went out shows it did not.
  return isWholeTemplateTag(tag) ? loggedUnrendered(tag, text) : true;
}

/**
 * Whether a mask quoted in a longer text is the writer's value: one that keeps some of the key
 * (`key-****f7fd5`, `<pat-....>`), not a tool's display of the whole value as `****` or `••••`,
 * a JWT cut at its end, or a format.
 */
function maskWasSent(finding: Finding, text: string): boolean {
  const value = text.slice(finding.start, finding.end).trim();
  const before = text.slice(Math.max(0, finding.start - 64), finding.start);
  const assignedInCode = /=>?[ \t]*["'`]$/.test(before) || typedLiteralBefore(before);
  const wholeMask = /^(?:\S+\s+)?[*•●·]+$/.test(value);
  if ((wholeMask && !assignedInCode && !inWritersOwnBlock(text, finding.start)) || CUT_JWT.test(value)) return false;
  return !statesAFormat(text, finding.start);
}

/** The tag (`{{$vars.bearer}}`, spaces inside aside) appears on a log line of the text. */
function loggedUnrendered(tag: string, text: string): boolean {
  const inner = tag.replace(/^(?:\{\{|\$\{)\s*|\s*\}{1,2}$/g, '');
  if (inner === '') return false;
  for (let at = text.indexOf(inner); at >= 0; at = text.indexOf(inner, at + inner.length)) {
    if (onLogLine(text, at)) return true;
  }
  return false;
}

/** A short text that shows where the reader's value goes and tells of no failure: a doc's example. */
function readsAsDocumentation(text: string): boolean {
  return DOCUMENTATION_SIGNAL.test(text) && !FAILURE_SIGNAL.test(text);
}

/**
 * Which header findings in free text are the writer's mistakes. In a short paste all are, but a
 * placeholder under a doc's words ("with the following header") is its example. In a longer
 * text, `###` always is (the copy artefact of a duplicated webhook); a mask or a placeholder is
 * when something failed, the text is not documentation, the line does not state a format and the
 * value is not a tag shown as configured, even when it is the writer's own blank (`<my key>`,
 * `sk-ab…yz`): issue 8 counts those. A bare token is expected when the text says so. The text is
 * judged once, however many findings it holds.
 */
export function mistakesInText(findings: readonly Finding[], text: string): Finding[] {
  if (findings.length === 0) return [];
  if (!isLongText(text)) return findings.filter((finding) => !isExampleInShortText(finding, text));
  let schemeExpected: boolean | undefined;
  const standIns = standInJudge(text);
  const kept = findings.filter((finding) => {
    if (finding.problem === 'missing-bearer-prefix') {
      // A masked key with no scheme (`Authorization: eyJhbGci...`) shown under "like this:" is a doc's example.
      if (findings.some((other) => other.problem === 'masked-token' && other.start === finding.start) && statesAFormat(text, finding.start))
        return false;
      // `Bearer: XXXXX` under "the header is expecting something like…": a format, not a request.
      if (finding.detail?.reason === BEARER_MISSPELT && statesAFormat(text, finding.start)) return false;
      if (underCounterExample(text, finding.start)) return false;
      return (schemeExpected ??= !NO_SCHEME_EXPECTED.test(text));
    }
    if (finding.problem === 'masked-token' && finding.excerpt.includes('#')) return true;
    if (finding.problem !== 'placeholder-token' && finding.problem !== 'masked-token') return true;
    return standIns(finding);
  });
  // A missing scheme found on a blank (`Authorization: [token]`) stands or falls with the blank.
  return kept.filter(
    (finding) =>
      finding.detail?.reason !== NO_SCHEME_BEFORE_BLANK ||
      kept.some((other) => other.problem === 'placeholder-token' && other.start === finding.start),
  );
}

/** In a short paste, a placeholder under a doc's words, or a stand-in on a line that states a format. */
function isExampleInShortText(finding: Finding, text: string): boolean {
  if (finding.problem !== 'placeholder-token' && finding.problem !== 'masked-token') return false;
  return (
    (finding.problem === 'placeholder-token' && readsAsDocumentation(text)) ||
    substitutedTheExample(text) ||
    statesAFormat(text, finding.start)
  );
}

/**
 * Which stand-ins found outside a header line (key fields, prose `Bearer {token}`) are mistakes:
 * judged as in a longer text whatever the text's length, since a sentence quoting one is prose.
 */
export function standInsInText(findings: readonly Finding[], text: string): Finding[] {
  if (findings.length === 0) return [];
  return findings.filter(standInJudge(text));
}

/**
 * Keys of a receiver's message that a document also uses for its own words: OpenAPI and Postman
 * keep their documentation in `description` and `title` (`"description": "Replace YOUR_API_KEY …"`).
 */
const DOCUMENT_KEYS = new Set(['description', 'title']);

/**
 * A receiver's message quoted in its JSON answer (`"message": "… can be found at https://…"`,
 * `"error": "…"`): the API's words, not a guide the writer wrote, so they say nothing about
 * whether the text is one. The message keys are the receiver reader's, in any case.
 */
const ANSWER_MESSAGE_FIELD = new RegExp(
  `"(?:error|${MESSAGE_KEYS.filter((key) => !DOCUMENT_KEYS.has(key)).join('|')})"\\s*:\\s*"(?:[^"\\\\\\n]|\\\\.){0,400}"`,
  'gi',
);

function withoutAnswerMessages(text: string): string {
  return text.includes('":') || text.includes('" :') ? text.replace(ANSWER_MESSAGE_FIELD, '""') : text;
}

/** The judgement of one stand-in or mask in `text`; the text's own signals are read once. */
function standInJudge(text: string): (finding: Finding) => boolean {
  let standInsCount: boolean | undefined;
  let readerOnly: boolean | undefined;
  return (finding) => {
    // A writer who ran a doc's example, or tells in the first person what they ran and got ("I'm
    // using the following code", "I am getting"), reports, whatever doc words the text holds.
    standInsCount ??=
      reportsARun(text) &&
      !substitutedTheExample(text) &&
      (!(DOCUMENTATION_SIGNAL.test(withoutAnswerMessages(text)) || isTroubleshootingPage(text)) ||
        ranADocExample(text) ||
        readsAsOwnReportOverDocWords(text));
    if (!standInsCount) return false;
    // "Expected behaviour: requests with the key directly should work": a wish, not what was sent.
    if (inWishSection(text, finding.start)) return false;
    // A guide's or a reply's example: the reader is told where their own value goes.
    if ((readerOnly ??= addressesOnlyTheReader(text)) || followsAnInstruction(text, finding.start)) return false;
    return finding.problem === 'masked-token' ? maskWasSent(finding, text) : placeholderWasSent(finding, text);
  };
}
