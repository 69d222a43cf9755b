// Finds credential headers quoted in free text (logs, request dumps, pasted JSON) and judges
// their values. One regex pass finds candidate names; each value is read from that spot only,
// at most 4 KB, and the scan resumes after it, so the whole scan stays linear.
import type { Finding } from '../../types';
import { analyzeCredentialValue, type CredentialAnalysisOptions } from './credential-value';
import { isWhitespace } from './credential-whitespace';
import { skipBlanks } from '../../text';
import { AUTH_LIKE, AUTH_NAMES, HEADER_NAME_AT, NAMES, nextWord, SCHEME_AS_NAME } from './credential-words';

const MAX_VALUE_LENGTH = 4096;

/**
 * Three shapes of a header name:
 *  1. a header line: `Authorization: ...`, `> X-Api-Key: ...`, or curl's `-H 'Authorization: ...'`
 *  2. a quoted key: `"authorization": ...`, `'token': ...`, `\"Authorization\": ...`
 *  3. a form or query pair: `authorization=...`, `?api_key=...`
 *  4. an Authorization header in the middle of a log line: `request failed, Authorization: Bearer ###`
 *     (only the Authorization names: `token:` mid-sentence is too often prose)
 *  5. curl's `-H 'X-Ninja-Token: …'`: after `-H` any name is a header's, so a vendor's own key or
 *     token header counts by its last word (VENDOR_KEY_NAME)
 *  6. a header set by a call in code: `.header("Authorization", "Bearer …")`, `Headers.Add("X-Api-Key", …)`
 *  7. .NET's `new AuthenticationHeaderValue("Bearer", "…")`: the scheme and the token are separate arguments
 *  8. a vendor's `X-…-Key`/`-Token`/`-Secret` header on a line of its own (`X-Redmine-API-Key: …` in a
 *     request dump, or in a list item's inline code), where shape 1 knows only the common names
 * Shape 2 takes a PHP or Ruby hash's `=>` as well as a colon.
 */
/**
 * A vendor's header named for a key, token or secret (`X-Ninja-Token`, `X-Parse-Webhook-Key`,
 * `APCA-API-SECRET-KEY`), not one that carries data under such a name (`Idempotency-Key`,
 * `X-CSRF-Token`, a socket handshake's `Sec-…-Key`).
 */
const VENDOR_KEY_NAME =
  '(?![\\w-]*(?:csrf|xsrf|idempotency|websocket|page|next|sync|cache|device|push|correlation|trace|dedup)[\\w-]*:)[A-Za-z][\\w-]{0,40}[-_](?:key|token|secret)';

const CANDIDATE = new RegExp(
  `(?:^[ \\t]{0,64}(?:[<>|*-][ \\t]{0,8})?|(?:-H|--header)[ \\t]{1,8})(['"]?)(${NAMES}|${SCHEME_AS_NAME}|${AUTH_LIKE})[ \\t]*:` +
    `|(\\\\?["'])(${NAMES}|${AUTH_LIKE})\\3[ \\t]*(?::|=>)` +
    `|(?<![\\w-])(${NAMES})[ \\t]*=` +
    `|(?<![\\w-])(${AUTH_NAMES})[ \\t]*:` +
    `|(?:-H|--header)[ \\t]{1,8}(['"]?)(${VENDOR_KEY_NAME})[ \\t]*:` +
    `|\\([ \\t]*(["'])(${NAMES})\\9[ \\t]*,` +
    `|(AuthenticationHeaderValue)\\([ \\t]*"(?:bearer|basic)"[ \\t]*,` +
    `|^[ \\t]{0,64}(?:[<>|*-][ \\t]{0,8})?([\`'"]?)(x-${VENDOR_KEY_NAME})[ \\t]*:`,
  'gim',
);

interface ValueSpan {
  start: number;
  end: number;
  source: CredentialAnalysisOptions['source'];
}

/** How far before a name its line may start and still matter: shape 1 allows ~80 characters. */
const LOOK_BACK = 256;

/**
 * Credential problems in free text; offsets are relative to `text`. Names are rare in logs, so a
 * cheap pass finds them and the full pattern runs only on a bounded window of each name's line.
 * Windows never overlap, so every character is read a bounded number of times.
 */
export function scanCredentialText(text: string): Finding[] {
  const findings: Finding[] = [];
  let scannedTo = 0;
  // Any header name, anywhere: a fast first pass (the full pattern is several times slower).
  for (let hit = nextWord(text, HEADER_NAME_AT, 0); hit !== null; hit = nextWord(text, HEADER_NAME_AT, scannedTo)) {
    const lineStart = lineStartBefore(text, hit.index);
    const from = Math.max(scannedTo, lineStart ?? hit.index - LOOK_BACK);
    const to = lineEndAfter(text, hit.index + hit[0].length);
    // A window cut inside a line must not look like a line start to the `^` of the pattern.
    const cut = from !== lineStart;
    const window = (cut ? 'x' : '') + text.slice(from, to);
    const shift = from - (cut ? 1 : 0);
    for (const finding of scanWindow(window)) {
      findings.push({ ...finding, start: finding.start + shift, end: finding.end + shift });
    }
    scannedTo = to;
  }
  return findings;
}

/** The start of the line holding `at` when it lies within LOOK_BACK characters, else null. */
function lineStartBefore(text: string, at: number): number | null {
  const from = Math.max(0, at - LOOK_BACK);
  const before = text.slice(from, at);
  const newline = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  if (newline >= 0) return from + newline + 1;
  return from === 0 ? 0 : null;
}

/** The end of the line after `at`, or where a value could no longer reach. */
function lineEndAfter(text: string, at: number): number {
  const limit = Math.min(text.length, at + MAX_VALUE_LENGTH + 64);
  const after = text.slice(at, limit);
  const newline = after.search(/[\n\r]/);
  return newline >= 0 ? at + newline : limit;
}

/** The full pattern over one window (a line or part of one). */
function scanWindow(text: string): Finding[] {
  const findings: Finding[] = [];
  CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CANDIDATE.exec(text)) !== null) {
    // Shape 7 names no header: its scheme is an argument of its own, so the value is the token alone.
    const schemeGiven = match[11] !== undefined;
    const name = schemeGiven
      ? 'authorization'
      : (match[2] ?? match[4] ?? match[5] ?? match[6] ?? match[8] ?? match[10] ?? match[13] ?? '').toLowerCase();
    const vendorKey = match[8] !== undefined || match[13] !== undefined;
    const misspelt = !vendorKey && name !== SCHEME_AS_NAME && !KNOWN_NAME.test(name);
    // A long word before a colon is read only when it is Authorization misspelt.
    if (misspelt && !isMisspeltAuthorization(name)) continue;
    const midLine = match[6] !== undefined;
    const afterName = skipBlanks(text, match.index + match[0].length);
    // `bearer: 'abc'` is a key in code (an options object), not a header line.
    if (name === SCHEME_AS_NAME && /["'`]/.test(text[afterName] ?? '')) continue;
    // `openai.api_key = OPENAI_KEY`: an attribute set in code to a variable, not a form pair
    // (a blank such as `config.api_key = <API_KEY>` still stands where the key goes).
    if (match[5] !== undefined && text[match.index - 1] === '.' && /[A-Za-z_$]/.test(text[afterName] ?? '')) continue;
    const value = readValue(text, afterName, match, midLine);
    if (value === null) continue;
    CANDIDATE.lastIndex = Math.max(CANDIDATE.lastIndex, value.end);
    if (CODE_INTERPOLATION.test(text.slice(value.start, value.end))) continue;
    const schemeAsName = name === SCHEME_AS_NAME;
    const authorization =
      schemeAsName || misspelt || name === 'authorization' || name === 'proxy-authorization' || name === 'authentication';
    const analyzed = analyzeCredentialValue(text.slice(value.start, value.end), {
      authorization: authorization && !schemeGiven,
      source: value.source,
    });
    const local = schemeAsName ? schemeAsNameFindings(analyzed) : analyzed;
    for (const finding of local) {
      findings.push({ ...finding, start: finding.start + value.start, end: finding.end + value.start });
    }
  }
  return findings;
}

/**
 * The value after a name: a string after a quoted name or a call's first argument; on a line, a
 * string when one opens right after the name (`Authorization: 'Bearer …'` in a JavaScript object,
 * `X-Api-Key: "…"` in YAML), else the line's words.
 */
function readValue(text: string, from: number, match: RegExpExecArray, midLine: boolean): ValueSpan | null {
  const keyQuote = match[3] ?? match[9] ?? (match[11] !== undefined ? '"' : undefined);
  if (keyQuote !== undefined) return readQuotedValue(text, from, match[3] !== undefined ? keyQuote : keyQuote.slice(-1));
  const lineQuote = match[1] ?? match[7] ?? match[12] ?? '';
  const opening = text[from] ?? '';
  if ((opening === '"' || opening === "'") && opening !== lineQuote) {
    const quoted = readQuotedValue(text, from, opening);
    if (quoted) return quoted;
  }
  return readPlainValue(text, from, match[5] !== undefined, lineQuote, midLine);
}

/** A header name the scan knows by its exact spelling. */
const KNOWN_NAME = new RegExp(`^(?:${NAMES})$`, 'i');

/** Most edits between a header's name and Authorization for it to be read as Authorization misspelt. */
const MAX_NAME_EDITS = 2;

/** `Autorization`, `Authoriaztion`, `Authorisation`: Authorization within two edits (a swap counts one). */
export function isMisspeltAuthorization(name: string): boolean {
  return name !== 'authorization' && editDistance(name, 'authorization') <= MAX_NAME_EDITS;
}

/** Edits (insert, delete, replace, swap of neighbours) between two short words. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Under a header named `Bearer:`, the Authorization scheme is missing whatever the value: a bare
 * token (already reported so) or a stand-in (`Bearer: {ACCESS_TOKEN_VALUE}`), which is reported as
 * both. Other readings of the value (a scheme it seems to lack, quotes) do not apply to it.
 */
function schemeAsNameFindings(findings: readonly Finding[]): Finding[] {
  const placeholder = findings.find((finding) => finding.problem === 'placeholder-token');
  const missing = findings.filter((finding) => finding.problem === 'missing-bearer-prefix');
  if (!placeholder) return missing;
  return [{ ...placeholder, problem: 'missing-bearer-prefix' }, placeholder];
}

/**
 * A value that code builds when it runs: a JavaScript template literal (`` `${token}` ``,
 * `` `Bearer ${token}` ``), a Python f-string (`f"Bearer {token}"`) or a C# one (`$"Bearer {token}"`). Its `${…}` is the
 * program's variable, not a stand-in someone forgot to fill in.
 */
const CODE_INTERPOLATION = /^(?:`[^`\n]*\$\{|[f$]["'][^"'\n]*\{[^"'\n]*["'])/;

/** A quoted value after a quoted key: `"Bearer ###"` or `\"Bearer ###\"`; null when not a string. */
function readQuotedValue(text: string, from: number, keyQuote: string): ValueSpan | null {
  if (!text.startsWith(keyQuote, from)) return null;
  const quote = keyQuote.slice(-1);
  const escapedQuote = keyQuote.length === 2;
  const start = from + keyQuote.length;
  const limit = Math.min(text.length, start + MAX_VALUE_LENGTH);
  for (let i = start; i < limit; i += 1) {
    const char = text[i];
    if (char === '\n' || char === '\r') return null;
    if (escapedQuote) {
      if (char === '\\' && text[i + 1] === quote) return { start, end: i, source: 'string' };
    } else if (char === '\\') {
      i += 1;
    } else if (char === quote) {
      return { start, end: i, source: 'string' };
    }
  }
  return null;
}

/**
 * The value on a header line or in a form pair: up to two words (scheme and token), never past
 * the end of the line. A curl `-H '...'` quote or a form's `&` ends it too.
 */
function readPlainValue(text: string, from: number, isFormPair: boolean, lineQuote: string, midLine = false): ValueSpan {
  const limit = Math.min(text.length, from + MAX_VALUE_LENGTH);
  let end = from;
  let words = 0;
  while (end < limit && words < 2) {
    while (end < limit && isWhitespace(text[end]) && !isLineBreak(text[end])) end += 1;
    if (end >= limit || isLineBreak(text[end]) || isValueEnd(text[end], isFormPair, lineQuote, midLine)) break;
    while (end < limit && !isWhitespace(text[end]) && !isValueEnd(text[end], isFormPair, lineQuote, midLine)) {
      end = tagEndAt(text, end, limit) ?? blankEndAt(text, end, limit) ?? end + 1;
    }
    words += 1;
  }
  while (end > from && isWhitespace(text[end - 1])) end -= 1;
  return { start: from, end, source: 'line' };
}

const TAG_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['{{', '}}'],
  ['{%', '%}'],
  ['${', '}'],
  ['<%', '%>'],
];
/** Longest template tag looked for on a log line; keeps the scan linear on adversarial text. */
const MAX_TAG_LENGTH = 256;

/** The end of a template tag that opens at `at` and closes on the same line, else null. */
function tagEndAt(text: string, at: number, limit: number): number | null {
  for (const [opener, closer] of TAG_PAIRS) {
    if (!text.startsWith(opener, at)) continue;
    const nearby = text.slice(at, Math.min(limit, at + MAX_TAG_LENGTH));
    const close = nearby.indexOf(closer, opener.length);
    if (close < 0) return null;
    const tag = nearby.slice(0, close);
    return tag.includes('\n') || tag.includes('\r') ? null : at + close + closer.length;
  }
  return null;
}

/** Longest blank in angle brackets read as one word (`<my api key>`). */
const MAX_BLANK_LENGTH = 64;

/** The end of an angle-bracket blank with spaces inside that opens at `at` on this line, else null. */
function blankEndAt(text: string, at: number, limit: number): number | null {
  if (text[at] !== '<') return null;
  const nearby = text.slice(at, Math.min(limit, at + MAX_BLANK_LENGTH));
  const close = nearby.indexOf('>');
  if (close < 0) return null;
  const blank = nearby.slice(0, close);
  return /^<[A-Za-z0-9][^<\n\r]* /.test(blank) ? at + close + 1 : null;
}

function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r';
}

function isValueEnd(char: string | undefined, isFormPair: boolean, lineQuote: string, midLine: boolean): boolean {
  if (isFormPair && char === '&') return true;
  // In running text a comma or semicolon ends the value; tokens never contain them.
  if (midLine && (char === ',' || char === ';')) return true;
  return lineQuote !== '' && char === lineQuote;
}
