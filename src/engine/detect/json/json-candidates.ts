// Finds the JSON bodies a text holds: a fenced ```json block, a body after a label in a log line
// (`body: {…}`, `payload={…}`, `-d '{…}'`), an object or array whose first key is quoted
// (`{"…`, `[{"…`) in the middle of prose, on one line or many. Each candidate's extent is found
// by matching brackets outside strings, bounded in characters and lines, in one forward pass.

/**
 * A body in running text may span at most this many characters and lines; longer ones are not
 * judged (a text that is one body is checked whole, whatever its size).
 */
export const MAX_BODY_CHARS = 16 * 1024;
export const MAX_BODY_LINES = 400;

export interface BodyLimits {
  chars: number;
  lines: number;
}

const IN_TEXT: BodyLimits = { chars: MAX_BODY_CHARS, lines: MAX_BODY_LINES };

/** How strongly the text says the candidate is JSON. */
export type Claim =
  /** A ```json fence or a label naming JSON (`json=`, `JSON body:`): any JSON rule applies. */
  | 'declared'
  /**
   * A label such as `body:` or `payload=`, or a start like JSON (`{"key"`): judged too, but
   * single quotes and bare keys may be a language's print of an object, not a broken body.
   */
  | 'shaped';

export interface BodyCandidate {
  start: number;
  /** End of the body: just past its closing bracket, or where an unclosed body stops. */
  end: number;
  claim: Claim;
  /** The brackets never closed before the line, blank line or text ended. */
  unclosed: boolean;
  /**
   * Unclosed at the end of its first line while a new record follows: a body cut off in a log.
   * Any other unclosed body stops at a blank line, a backtick, the end of its fenced block or of
   * the text: an excerpt someone quoted, not judged.
   */
  cutAtLineEnd: boolean;
  /**
   * `...` or `…` outside strings, or in a string left open in a body that never closes: an
   * excerpt someone shortened, not a body.
   */
  elided: boolean;
  /** After a data flag of curl, wget or httpie: the body goes on the wire as written. */
  fromDataFlag: boolean;
  /** `"a"=>1`: Ruby's or Elixir's print of a hash, not JSON. */
  hashArrows: boolean;
  /** The brackets were still open at the end of the text (the text may go on elsewhere). */
  openAtEnd: boolean;
}

/** The data flags of curl, wget and httpie: the argument after one is the body, sent as written. */
const DATA_FLAG = String.raw`(?:^|[ \t])(?:-d|--data(?:-raw|-binary|-ascii)?|--json|--post-data|--body-data|--raw)[ \t]+`;
const DATA_FLAG_LABEL = new RegExp(DATA_FLAG);
/** Labels that say "what follows is the body" in logs, curl commands and prose. */
const LABEL = new RegExp(
  String.raw`(?:\b(?:request[ _-]?body|response[ _-]?body|body|payload|json|data|request|params|content)["']?[ \t]*(?:[:=]|=>)[ \t]*['"${'`'}]?|${DATA_FLAG}['"]?|\b(?:body|payload|json)[ \t]+(?:was|is|sent|of)?[ \t]*:?[ \t]*)$`,
  'i',
);
const FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*([\w+-]*)/;
/** Fence languages whose braces are code, not bodies. */
const CODE_FENCE =
  /^(?:js|javascript|ts|typescript|jsx|tsx|python|py|go|golang|ruby|rb|java|kotlin|csharp|cs|c#|php|rust|swift|dart|c|cpp|c\+\+|sh|bash|shell|zsh|console|liquid|jinja|handlebars|hbs|graphql|yaml|yml|toml|ini|xml|html)$/i;

/** The last text looked at with the default limits: the JSON check and the receiver's words share it. */
let memo: { text: string; candidates: readonly BodyCandidate[] } | null = null;

/** Every candidate body in `text`, in order, none inside another. Treat the result as read-only. */
export function findBodyCandidates(text: string, limits: BodyLimits = IN_TEXT): readonly BodyCandidate[] {
  if (limits !== IN_TEXT) return scanCandidates(text, limits);
  if (memo?.text !== text) memo = { text, candidates: scanCandidates(text, limits) };
  return memo.candidates;
}

function scanCandidates(text: string, limits: BodyLimits): BodyCandidate[] {
  const candidates: BodyCandidate[] = [];
  const fences = fenceRegions(text);
  let fenceIndex = 0;
  let from = 0;
  // The next { and [ at or after `from`, found with indexOf (much faster than a regex here).
  let nextBrace = -2;
  let nextBracket = -2;
  for (;;) {
    if (nextBrace !== -1 && nextBrace < from) nextBrace = text.indexOf('{', from);
    if (nextBracket !== -1 && nextBracket < from) nextBracket = text.indexOf('[', from);
    if (nextBrace === -1 && nextBracket === -1) break;
    const at = nextBrace === -1 ? nextBracket : nextBracket === -1 ? nextBrace : Math.min(nextBrace, nextBracket);
    while (fenceIndex < fences.length && fences[fenceIndex]!.end <= at) fenceIndex++;
    const fence = fences[fenceIndex];
    const inFence = fence !== undefined && fence.start <= at;
    if (inFence && fence.kind === 'code') {
      from = fence.end;
      continue;
    }
    const claim = inFence && fence.kind === 'json' ? 'declared' : claimAt(text, at);
    const end = inFence ? fence.end : text.length;
    if (claim === null) {
      from = at + 1;
      continue;
    }
    if (claim === OTHER_FORMAT) {
      // A config file's or another language's table: the brackets inside it are its own, too.
      from = Math.max(measure(text, at, 'shaped', limits, end, false)?.end ?? at + 1, at + 1);
      continue;
    }
    const fromDataFlag = claim === FROM_DATA_FLAG;
    const candidate = measure(text, at, fromDataFlag ? 'declared' : claim, limits, end, fromDataFlag);
    if (candidate === null) {
      // Too long to judge: the brackets inside belong to it and are not judged either, which
      // also keeps the scan linear.
      from = Math.min(text.length, at + limits.chars);
      continue;
    }
    candidates.push(candidate);
    from = Math.max(candidate.end, at + 1);
  }
  return candidates;
}

/** How an excerpt marks what it left out. */
const ELLIPSES = ['...', '…'] as const;
const ellipsisAt = (text: string, at: number): boolean => ELLIPSES.some((ellipsis) => text.startsWith(ellipsis, at));
const holdsEllipsis = (text: string): boolean => ELLIPSES.some((ellipsis) => text.includes(ellipsis));

/** An object that is a config file or another language's table, with everything inside it. */
const OTHER_FORMAT = 'other-format';
/** A body after a data flag: declared, and sent as written. */
const FROM_DATA_FLAG = 'data-flag';

/** How the text around `at` claims that a body starts there, or null for any other bracket. */
function claimAt(text: string, at: number): Claim | typeof OTHER_FORMAT | typeof FROM_DATA_FLAG | null {
  if (!mayOpenBody(text, at)) return null;
  const before = text.slice(Math.max(0, at - 40), at);
  const label = LABEL.exec(before);
  if (label) {
    // What curl sends is the body itself, never a language's print of an object.
    if (DATA_FLAG_LABEL.test(label[0])) return FROM_DATA_FLAG;
    // The label itself (or the word just before it on its line: "JSON body:") must name JSON;
    // `require 'json'` on a line above says nothing about this object.
    const from = Math.max(label.index - 8, before.lastIndexOf('\n', label.index) + 1);
    return /json/i.test(before.slice(from)) ? 'declared' : 'shaped';
  }
  // `{{` and `${` are template tags, `{%` a Liquid tag.
  const prev = text[at - 1];
  if (prev === '{' || prev === '$' || prev === '%') return null;
  // `"{"` or `'{'`: the bracket quoted as a character ("invalid character \"{\" in host name").
  if ((prev === '"' || prev === "'") && text[at + 1] === prev && !/[\w$]/.test(text[at + 2] ?? '')) return null;
  if (CODE_DECLARATION_BEFORE.test(before) || CALL_ARGUMENT_BEFORE.test(before)) return null;
  if (ASSIGNMENT_LINE_BEFORE.test(before) || followsAConfigFileName(text, at)) return OTHER_FORMAT;
  return startsWithQuotedKey(text, at) ? 'shaped' : null;
}

/**
 * A bare name assigned on its own line or at the start of inline code (`headers = {"Authorization"
 * = "…"}` in TOML, HCL, or a Python dict, `` `self.auth = {"id": None}` ``): that language's table, not a body shown as sent. Labels (`payload = {`) are read
 * before this and still claim their object.
 */
const ASSIGNMENT_LINE_BEFORE = /(?:^|\n|`)[ \t]*[A-Za-z_][\w.-]{0,40}[ \t]*=[ \t]*$/;

/** A configuration file's name ending the line above (`My settings.json:`): the object is that file. */
const CONFIG_FILE_LINE =
  /\b(?:settings|config|configuration|appsettings(?:\.[\w-]+)?|package|tsconfig|composer|manifest|credentials|secrets)\.json5?\b[^\n]{0,20}$/i;

/** Whether the last line with words before `at` (within 200 characters) names a config file. */
function followsAConfigFileName(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 200), at);
  if (!/\n[ \t]*$/.test(before) && before.includes('\n')) return false;
  const lines = before.split('\n').filter((line) => line.trim() !== '');
  return CONFIG_FILE_LINE.test(lines.at(-1) ?? '');
}

/**
 * A variable declared in code (`const parameters = {`, `let options = {`): an object literal of
 * the language, where trailing commas and bare keys are fine, not a body that went out.
 */
const CODE_DECLARATION_BEFORE = /\b(?:const|let|var|val|final|my)[ \t]+[A-Za-z_$][\w$]*(?:[ \t]*:[ \t]*[\w$<>[\]]+)?[ \t]*=[ \t]*$/;

/**
 * An object passed to a call in code (`json!({`, `JSON.stringify({`, `dumps({`): the language's
 * literal, where trailing commas and bare keys are fine; the call makes the body, not the writer.
 */
const CALL_ARGUMENT_BEFORE = /[\w$]!?\([ \t]*$/;

/**
 * Cheap first test: only a list of objects counts as a list body (`[INFO]`, `[2024-…]` never
 * do), and a `{name}` placeholder is not an object.
 */
function mayOpenBody(text: string, at: number): boolean {
  let i = at + 1;
  while (i < text.length && i < at + 200 && /\s/.test(text[i]!)) i++;
  const next = text[i] ?? '';
  if (text[at] === '[') return next === '{';
  return next !== '' && !/^[\w$.-]+\}/.test(text.slice(i, i + 40));
}

/** `{"`, `{ \n  "`, `[{"`, `[ \n {"`: an object (or a list of objects) whose first key is quoted. */
function startsWithQuotedKey(text: string, at: number): boolean {
  let i = at + 1;
  let sawObject = text[at] === '{';
  // At most one `{` after a `[`, and whitespace only, within a short reach.
  for (const limit = at + 200; i < text.length && i < limit; i++) {
    const char = text[i];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') continue;
    if (char === '{' && !sawObject) {
      sawObject = true;
      continue;
    }
    return char === '"' && sawObject && text[i + 1] !== '{';
  }
  return false;
}

/**
 * The extent of the body that opens at `at`: brackets are counted outside strings until they
 * balance. An unclosed body ends at the end of its first line when that line holds more of it,
 * else at a blank line or the end of the text. Null when it grows past the bounds.
 */
function measure(text: string, at: number, claim: Claim, limits: BodyLimits, textEnd: number, fromDataFlag: boolean): BodyCandidate | null {
  let depth = 0;
  let lines = 1;
  let elided = false;
  // A string left open with `...` in it: an excerpt's cut only if the body stays open too.
  let openStringElided = false;
  let hashArrows = false;
  let firstLineEnd = -1;
  let firstLineHasMore = false;
  const limit = Math.min(textEnd, at + limits.chars);
  let i = at;
  const result = (end: number, unclosed: boolean, openAtEnd: boolean, cutAtLineEnd = false): BodyCandidate => ({
    start: at,
    end,
    claim,
    unclosed,
    cutAtLineEnd,
    elided: elided || (unclosed && openStringElided),
    fromDataFlag,
    hashArrows,
    openAtEnd,
  });
  while (i < limit) {
    const char = text[i]!;
    if (char === '"' || char === "'") {
      // A string runs to its closing quote or the end of the line (JSON strings hold no breaks).
      // An apostrophe counts only where a string could start, not inside a word ("don't").
      if (char === "'" && /\w/.test(text[i - 1] ?? '')) {
        i++;
        continue;
      }
      const opened = ++i;
      while (i < limit && text[i] !== char && text[i] !== '\n' && text[i] !== '\r') i += text[i] === '\\' ? 2 : 1;
      if (text[i] === char) i++;
      // A string that never closes and holds `...` was cut by whoever quoted it (`"er...'`).
      else if (holdsEllipsis(text.slice(opened, i))) openStringElided = true;
      if (firstLineEnd === -1) firstLineHasMore = true;
      continue;
    }
    if (char === '\n' || char === '\r') {
      if (firstLineEnd === -1) {
        firstLineEnd = i;
        // A body that does not close on its first line and is not continued by the next one
        // (a new log record follows) was cut off.
        if (firstLineHasMore && depth > 0 && !continuesJson(text, i + 1)) return result(i, true, false, true);
      }
      if (char === '\n' && ++lines > limits.lines) return null;
      if (isBlankLineAt(text, i + 1)) return depth > 0 ? result(i, true, false) : result(i, false, false);
      i++;
      continue;
    }
    // JSON never holds a backtick outside strings: the end of inline code or of a fence.
    if (char === '`') return result(i, true, false);
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return result(i + 1, false, false);
    } else if ((char === '.' || char === '…') && ellipsisAt(text, i)) elided = true;
    else if (char === '=' && text[i + 1] === '>') hashArrows = true;
    if (firstLineEnd === -1 && i > at && char !== ' ' && char !== '\t') firstLineHasMore = true;
    i++;
  }
  if (limit < textEnd) return null;
  return result(textEnd, true, textEnd === text.length);
}

/**
 * Where a body that is still open at the end of `text` starts, or null: a reader of a stream
 * keeps the text from there for the next piece, so the body is checked whole. Only the last
 * MAX_BODY_CHARS are looked at (a longer body is not judged anyway).
 */
export function openBodyStart(text: string): number | null {
  const from = text.length <= MAX_BODY_CHARS ? 0 : text.indexOf('\n', text.length - MAX_BODY_CHARS) + 1;
  if (from === 0 && text.length > MAX_BODY_CHARS) return null;
  const last = findBodyCandidates(text.slice(from)).at(-1);
  return last?.openAtEnd ? from + last.start : null;
}

/** The line at `from` goes on with JSON: a key, a value or a closing bracket. */
function continuesJson(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i < text.length && /["'}\]{[]/.test(text[i]!);
}

function isBlankLineAt(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '\n' || char === '\r') return true;
    if (char !== ' ' && char !== '\t') return false;
  }
  return false;
}

interface FenceRegion {
  start: number;
  end: number;
  kind: 'json' | 'code' | 'plain';
}

/** Fenced blocks (``` or ~~~), with what their language says about the braces inside. */
function fenceRegions(text: string): FenceRegion[] {
  if (!text.includes('```') && !text.includes('~~~')) return [];
  const regions: FenceRegion[] = [];
  const lineRegex = /^.*$/gm;
  let open: { start: number; marker: string; kind: FenceRegion['kind'] } | null = null;
  for (const line of text.matchAll(lineRegex)) {
    const fence = FENCE.exec(line[0]);
    if (line[0] === '' && line.index === text.length) break;
    if (!fence) continue;
    const lineEnd = line.index + line[0].length;
    if (open === null) {
      const language = fence[2] ?? '';
      // JSONC and JSON5 allow comments and trailing commas: their blocks are not judged as JSON.
      const kind = /^json$|^jsonl$/i.test(language) ? 'json' : CODE_FENCE.test(language) || /^json[c5]$/i.test(language) ? 'code' : 'plain';
      open = { start: lineEnd, marker: fence[1]![0]!, kind };
    } else if (fence[1]![0] === open.marker && (fence[2] ?? '') === '') {
      regions.push({ start: open.start, end: line.index, kind: open.kind });
      open = null;
    }
  }
  if (open !== null) regions.push({ start: open.start, end: text.length, kind: open.kind });
  return regions;
}
