// JSON anywhere in a text: every body the text holds is checked whole (checkJsonBody) and its
// syntax error placed in the text; messages in which a parser reports a body that did not parse
// are findings too. Excerpts (`{"a": 1, ...}`), Ruby hash prints (`{"a"=>1}`) and valid JSON
// (JSON Lines logs included) are not findings.
import type { Finding } from '../../types';
import { findBodyCandidates, type BodyCandidate } from './json-candidates';
import { checkJsonBody } from './json-body';
import { detectJsonParseErrors } from './json-parse-errors';
import { detectToldJsonProblems } from './json-told';
import { isLogRecord } from './json-log-record';
import { documentsJsonErrors } from './json-doc';
import { isReceivedErrorObject } from './json-received-answer';

/** Every invalid-json finding of `text`, ordered by position. */
export function detectJsonInText(text: string): Finding[] {
  const findings = [...detectJsonParseErrors(text), ...detectToldJsonProblems(text)];
  for (const candidate of findBodyCandidates(text)) findings.push(...checkCandidate(text, candidate));
  // Read only when something was found: most texts hold no invalid JSON at all.
  if (findings.length > 0 && documentsJsonErrors(text)) return [];
  return findings.sort((a, b) => a.start - b.start);
}

function checkCandidate(text: string, candidate: BodyCandidate): Finding[] {
  const stripped = shellStrippedQuote(text, candidate);
  if (stripped) return [stripped];
  if (candidate.elided || candidate.hashArrows) return [];
  // An unclosed body is judged only when a log line cut it off; elsewhere it is a quoted excerpt.
  if (candidate.unclosed && !candidate.cutAtLineEnd) return [];
  const body = text.slice(candidate.start, candidate.end);
  // A log record cut at its line's end was cut by whoever copied it.
  if (candidate.unclosed && (isLogRecord(body) || isCutCopy(text, candidate, body) || isCutTitle(text, candidate))) return [];
  // In running text only syntax errors count: template warnings are for editor fields.
  const error = checkJsonBody(body).find((finding) => finding.problem === 'invalid-json');
  if (!error) return [];
  const reason = error.detail?.reason ?? '';
  if (candidate.claim === 'shaped' && isLooseNotation(reason) && !isMixedQuotes(body, reason)) return [];
  if (isPythonPrint(text, body, reason)) return [];
  // A language's print is no body only where nothing says the body is JSON (a label, a json
  // fence, a data flag that sends it as written), or where a `json:` key names a printed field.
  const shaped = candidate.claim === 'shaped';
  if (shaped && (isTuple(body, error.excerpt, reason) || isLiteralEscape(text, candidate.start, error.excerpt))) return [];
  if ((shaped || isPrintedField(text, candidate.end)) && isJavaScriptPrint(body)) return [];
  if (!candidate.unclosed && isReceivedErrorObject(text, candidate.start, body)) return [];
  if (isWrappedLine(text, candidate, reason)) return [];
  if (reason.startsWith('a comment') && (isAnnotatedExample(text, candidate.start) || isSchemaShaped(body))) return [];
  const detail = { ...error.detail };
  if (candidate.unclosed) {
    // Cut off means the text stops mid-body; an error before the cut says it was no body at all.
    if (!/never closed|unterminated string/.test(reason)) return [];
    detail.reason = 'the body ends before its brackets close: it was cut off (truncated) or is incomplete';
  }
  return [{ ...error, start: candidate.start + error.start, end: candidate.start + error.end, detail }];
}

/** How far below a title the body it cut is looked for. */
const CUT_COPY_REACH = 64 * 1024;

/**
 * A body cut off at the end of the text's first line while the text shows the same body going on
 * below: an issue title cut at its length limit above the error it quotes whole. The cut is the
 * title's, not the body's.
 */
function isCutCopy(text: string, candidate: BodyCandidate, body: string): boolean {
  const titleEnd = text.indexOf('\n');
  if (titleEnd < 0 || candidate.end > titleEnd) return false;
  const below = text.slice(titleEnd, titleEnd + CUT_COPY_REACH);
  for (let at = below.indexOf(body); at >= 0; at = below.indexOf(body, at + 1)) {
    const next = below[at + body.length];
    if (next !== undefined && next !== '\n' && next !== '\r') return true;
  }
  return false;
}

/**
 * A body still open where a Markdown title (`# …`, the text's first line) ends: a title holds
 * the start of an error, and the answer went on where the writer stopped copying it.
 */
function isCutTitle(text: string, candidate: BodyCandidate): boolean {
  if (!/^[ \t]*#{1,6}[ \t]/.test(text)) return false;
  const titleEnd = text.indexOf('\n');
  return candidate.end === (titleEnd < 0 ? text.length : titleEnd);
}

/** Longest shell argument read for its closing quote. */
const MAX_SHELL_ARGUMENT = 4096;

/** Whether `body` up to `quote` is one bracketed value, closed just before the quote. */
function closesBalancedBody(body: string, quote: number): boolean {
  if (!/[}\]]/.test(body[quote - 1] ?? '')) return false;
  let depth = 0;
  for (let i = 0; i < quote; i++) {
    const char = body[i];
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return depth === 0;
}

/**
 * `curl -d "{"key":"value"}"`: the shell ends the argument at the body's first unescaped double
 * quote and drops the quotes, so what went out is `{key:value}`, whatever the text shows.
 */
function shellStrippedQuote(text: string, candidate: BodyCandidate): Finding | null {
  if (!candidate.fromDataFlag || text[candidate.start - 1] !== '"') return null;
  const body = text.slice(candidate.start, Math.min(text.length, candidate.start + MAX_SHELL_ARGUMENT));
  const quote = body.search(/(?<!\\)"/);
  // The quote that closes the argument right after the body's last bracket is the shell's own.
  if (quote < 0 || closesBalancedBody(body, quote)) return null;
  const at = candidate.start + quote;
  return {
    kind: 'json',
    code: null,
    problem: 'invalid-json',
    start: at,
    end: at + 1,
    excerpt: '"',
    detail: {
      reason: 'a double quote inside a double-quoted shell argument: the shell drops the quotes, so the body goes out without them',
    },
  };
}

/**
 * Errors that say the text is JavaScript or Python notation rather than a broken body: judged
 * only when the text declares a body (a label or a json fence).
 */
function isLooseNotation(reason: string): boolean {
  // `"url": (required, string)` and `"id": <number>` describe a body in docs.
  return /^(?:an unquoted key|a text value without quotes|single quotes|unexpected character "[(<]")/.test(reason);
}

/** Python in the text: its errors, its prompt, subscripts and calls of a parsed response. */
const PYTHON_CONTEXT =
  /\b(?:Traceback \(most recent call last\)|KeyError|ValueError|TypeError|AttributeError|IndexError)\b|^>>> |\w\[['"]\w+['"]\]|\.json\(\)|\bprint\(/m;

/**
 * A Python dict print (`{'error': 'limit exceeded'}`, no double quote in it) in a text about
 * Python code: the program printed what it parsed, even under a json fence; nobody sent it.
 */
function isPythonPrint(text: string, body: string, reason: string): boolean {
  return reason.startsWith('single quotes') && !body.includes('"') && PYTHON_CONTEXT.test(text);
}

/**
 * `{"127.0.0.1", 8080}`, `{"Content-Type", "application/xml"}`: values listed with commas and no
 * colon anywhere are an Erlang or Elixir tuple (or a set), a language's print. With a colon
 * elsewhere (`{"a": 1, "b", 2}`) the comma is a typo for one.
 */
function isTuple(body: string, excerpt: string, reason: string): boolean {
  return reason.startsWith('missing colon') && excerpt === ',' && !hasColonOutsideStrings(body);
}

function hasColonOutsideStrings(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === ':') return true;
    if (char !== '"') continue;
    for (i++; i < body.length && body[i] !== '"' && body[i] !== '\n'; i++) if (body[i] === '\\') i++;
  }
  return false;
}

/**
 * `body=b'{"error": "Field \\'x\\' …"}'`, `body: '{\\r\\n' +`: a body inside a single-quoted string
 * literal (a Python repr, a JavaScript print) whose error is at a backslash: the escape is the
 * literal's, written by the language that printed it, not a defect of the body.
 */
function isLiteralEscape(text: string, start: number, excerpt: string): boolean {
  return text[start - 1] === "'" && excerpt.startsWith('\\');
}

/**
 * A value followed by a comma that ends its line (`json: { error: 'x' },`): one field among
 * others of an object a program printed, whatever its key's name says.
 */
function isPrintedField(text: string, end: number): boolean {
  return /^[ \t]*,[ \t]*(?:\r?\n|$)/.test(text.slice(end, end + 40));
}

/** A key in double quotes, as JSON writes every key. */
const QUOTED_KEY = /"[^"\n]{0,80}"[ \t]*:/;
/** A bare key whose value is what only JavaScript prints: a single-quoted string, `undefined`, `[Object]`. */
const JAVASCRIPT_VALUE = /(?:^|[{,\s])[A-Za-z_$][\w$]*:[ \t]*(?:'|undefined\b|\[(?:Object|Array)\])/m;

/**
 * Node's print of an object (`{ error: 'invalid_grant', data: undefined }`): bare keys with values
 * only JavaScript has, and no key in double quotes. A program printed what it held; nobody sent
 * it. A bare key with a double-quoted value (`{ message: "hi" }`) may still be a body typed wrongly.
 */
function isJavaScriptPrint(body: string): boolean {
  return JAVASCRIPT_VALUE.test(body) && !QUOTED_KEY.test(body);
}

/**
 * Single quotes in a body whose keys are in double quotes: no language prints an object that way
 * (Python and JavaScript use one kind of quote throughout), so it was written as JSON, wrongly.
 */
function isMixedQuotes(body: string, reason: string): boolean {
  return reason.startsWith('single quotes') && /"[^"\n]{1,60}"[ \t]*:/.test(body);
}

/** How far before a body its "Example request body" label may stand. */
const LABEL_REACH = 200;
const EXAMPLE_LABEL = /\b(?:examples?|samples?)\b/i;
/** Words of a report: with none of them, the text shows a body, it does not tell of one that failed. */
const REPORT_WORDS = /\b(?:errors?|fail\w*|invalid|unexpected|reject\w*|[45]\d\d|(?:does\s*n['’]?t|not)\s+work\w*|got|returns?)\b/i;

/**
 * A documentation example whose comments explain its fields ("// sample event" under "Example
 * request body"), in a text that tells of no failure: the comments are the writer's notes to the
 * reader, not part of a body anyone sent.
 */
function isAnnotatedExample(text: string, start: number): boolean {
  return EXAMPLE_LABEL.test(text.slice(Math.max(0, start - LABEL_REACH), start)) && !REPORT_WORDS.test(text);
}

/** A field whose value names a type (`"event": "string"`, `"data": "object"`), as a doc's schema writes it. */
const TYPE_NAME_VALUE = /"[^"\n]{1,40}"[ \t]*:[ \t]*"(?:string|number|integer|int|float|boolean|bool|object|array|date|datetime|uuid)"/gi;
/** Fields of that kind a body needs before it reads as a schema. */
const MIN_TYPE_FIELDS = 2;

/**
 * A body that names types instead of holding values, with comments on its fields: a doc's
 * description of a payload's shape, never a body anyone sent.
 */
function isSchemaShaped(body: string): boolean {
  return (body.match(TYPE_NAME_VALUE)?.length ?? 0) >= MIN_TYPE_FIELDS;
}

/** Lines a display's wrapping may have split one body into. */
const MAX_WRAPPED_LINES = 3;

/**
 * A line break inside a string that only a display's wrapping put there: joined with the next
 * few lines, the body is valid JSON.
 */
function isWrappedLine(text: string, candidate: BodyCandidate, reason: string): boolean {
  if (!reason.startsWith('unterminated string')) return false;
  let end = candidate.end;
  for (let lines = 0; lines < MAX_WRAPPED_LINES && end < text.length; lines++) {
    const next = text.indexOf('\n', end + 1);
    end = next === -1 ? text.length : next;
  }
  const joined = text.slice(candidate.start, end).replace(/[\r\n]+/g, '');
  const [whole] = findBodyCandidates(joined);
  if (!whole || whole.start !== 0 || whole.unclosed) return false;
  try {
    JSON.parse(joined.slice(0, whole.end));
    return true;
  } catch {
    return false;
  }
}
