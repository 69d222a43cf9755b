// Stand-ins and masks in credential positions that are not headers: a key field in JSON, YAML or
// code (`"api_key": "<api key>"`, `access_token = 'pat-rest-of-token'`), an env or compose line
// (`STRIPE_API_KEY=sk_test_xxxx`, `- API_KEY:62bce.......`), a command-line flag
// (`--api-key=APIKEY`), a credential query parameter (`?token=XXXX`), and `Bearer` followed by a
// bracketed stand-in anywhere in prose (`send Bearer {access_token}`). Only candidates are found
// here; mistakesInText judges them with the header findings, by the same rules.
import type { Finding } from '../../types';
import {
  isBracketRedaction,
  isMaskedToken,
  isPlaceholderToken,
  isStandInTag,
  isWholeMask,
  isWholeTemplateTag,
} from './credential-classify';
import { lineStartWithin } from './credential-context';
import { previewToken } from './credential-preview';
import { KEY_FIELD_WORD_AT, nextWord } from './credential-words';

/** Words a credential field's name ends in (`publishableKey`, `API_TOKEN`, `client_secret`). */
const CREDENTIAL_WORD =
  /(?:^|[^a-z])(?:(?:api|access|auth|secret|private|publishable|write|client|app|webhook|bearer)?(?:key|token|secret)|apikey|pat|password|passwd)$/;
/** Passwords are people's data in a login body; only a mask saved or sent in one is a mistake. */
const PASSWORD_WORD = /(?:password|passwd)$/;

/**
 * A field name, its closing quote, and `:` or `=`; then the value's opening quote. The name is a
 * word of letters, digits, `_`, `.` and `-` after a start, a quote, a flag's dashes, `?`/`&`, a
 * YAML list dash or `export`/`set`. Sticky: tried where a cheap search found a credential word.
 */
const FIELD = /(?<![\w.$-])(-{1,2})?(["']?)([A-Za-z_][\w.-]{0,60})\2([ \t]*)([:=])([ \t]*)(["'`]?)/y;
/** Where a field's name may start, looking back from a credential word. */
const NAME_REACH = 64;
/** Longest value read. */
const MAX_VALUE = 200;
/** Characters that end an unquoted value. */
const VALUE_END = /[\s,;&)}\]>"'`]/;
/** A bracketed stand-in after `Bearer` in prose: `[API_KEY]`, `{access_token}`, `<token>`, `{{ x }}`. */
const BEARER_STAND_IN = /\bbearer[ \t]+(\[[A-Za-z][^\]\n]{0,40}\]|\{\{?[^{}\n]{1,40}\}\}?|<[A-Za-z][^<>\n]{0,40}>)/giy;
/** A receiver echoing the key it got (`Invalid API key: pk_test_****enUe`): its mask, not the sender's. */
const ECHO_BEFORE = /\b(?:invalid|incorrect|wrong|unknown|bad|provided|received)\b[^\n]{0,24}$/i;
/** Bare words a program's variable is called by (`api_key: api_key`, `access_token=access_token`). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An interpolated string (Python f-string, C# `$"…"`) still open before a spot on its line. */
const CODE_STRING_BEFORE = /[f$]["'][^"'\n]*$/;

/**
 * Candidate findings (placeholder-token, masked-token) in free text; offsets are within `text`.
 * Each hit reads a bounded window, and a value that runs past its bound is skipped whole.
 */
export function keyFieldStandIns(text: string): Finding[] {
  const findings: Finding[] = [];
  let readTo = 0;
  // The cheap first pass: any spot worth a closer look; the next one is looked for from `next`.
  let next = 0;
  for (let hit = nextWord(text, KEY_FIELD_WORD_AT, next); hit; hit = nextWord(text, KEY_FIELD_WORD_AT, next)) {
    next = hit.index + hit[0].length;
    const found = hit[0].toLowerCase() === 'bearer' ? bearerStandInAt(text, hit.index) : fieldAt(text, hit.index, readTo);
    if (typeof found === 'number') {
      // A run with no end in reach is no value; the hits inside it need no second look.
      next = Math.max(next, found);
    } else if (found) {
      findings.push(found);
      readTo = found.end;
      next = Math.max(next, found.end);
    }
  }
  return findings;
}

function bearerStandInAt(text: string, at: number): Finding | null {
  BEARER_STAND_IN.lastIndex = at;
  const match = BEARER_STAND_IN.exec(text);
  const value = match?.[1];
  if (!match || value === undefined) return null;
  // `f"Bearer {token}"`, `$"Bearer {token}"`: code fills the braces in when it runs.
  if (CODE_STRING_BEFORE.test(text.slice(lineStartWithin(text, at, NAME_REACH), at))) return null;
  // `Bearer {{ customer.api_token }}` renders when sent; only a stand-in's words inside do not.
  if (value.startsWith('{{') && !isStandInTag(value)) return null;
  if (value.startsWith('{') && !value.startsWith('{{') && !isPlaceholderToken(value)) return null;
  return candidate('placeholder-token', at + match[0].length - value.length, at + match[0].length, value);
}

/** A field whose name ends at the credential word near `at` (looked for backwards on its line). */
function fieldAt(text: string, at: number, readTo: number): Finding | number | null {
  const lineStart = lineStartWithin(text, at, NAME_REACH);
  const from = Math.max(lineStart, readTo);
  // The name holding the word starts after the last character that cannot be in a name.
  let start = at;
  while (start > from && /[\w.-]/.test(text[start - 1] ?? '')) start -= 1;
  if (start > 0 && /["'-]/.test(text[start - 1] ?? '')) start -= text[start - 2] === '-' && text[start - 1] === '-' ? 2 : 1;
  FIELD.lastIndex = start;
  const match = FIELD.exec(text);
  if (!match) return null;
  const [whole, , , name = '', spacesBefore = '', sign, spacesAfter = '', quote = ''] = match;
  const lower = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  if (!CREDENTIAL_WORD.test(lower)) return null;
  // `api_key = sample_key` in code names a variable; a bare value counts in `NAME=value` (an env
  // line, a flag, a query).
  if (sign === '=' && quote === '' && (spacesBefore !== '' || spacesAfter !== '')) return null;
  if (ECHO_BEFORE.test(text.slice(Math.max(lineStart, start - 40), start))) return null;
  const valueStart = match.index + whole.length;
  const valueEnd = quote === '' ? unquotedEnd(text, valueStart) : closingWithin(text, valueStart, quote, MAX_VALUE + 1);
  if (valueEnd - valueStart > MAX_VALUE) return valueStart + MAX_VALUE;
  if (valueEnd <= valueStart) return null;
  const value = text.slice(valueStart, valueEnd);
  if (value.includes('\n') || value.includes('://') || isBracketRedaction(value)) return null;
  // Unquoted, a bare word is a variable in code (`{api_key: api_key}`); only a stand-in's shape counts.
  if (quote === '' && IDENTIFIER.test(value) && !isDescriptiveStandIn(value) && !/x{3}/i.test(value)) return null;
  const problem = standInProblem(value);
  if (problem === null || (problem === 'placeholder-token' && PASSWORD_WORD.test(lower))) return null;
  return candidate(problem, valueStart, valueEnd, value);
}

/** Closers of a bracketed blank read whole though it holds spaces (`<my access token>`). */
const BRACKET_CLOSERS: Readonly<Record<string, string>> = { '<': '>', '[': ']', '{': '}' };

/** Where `closer` next occurs within `reach` characters of `from`, else the end of that reach. */
function closingWithin(text: string, from: number, closer: string, reach: number): number {
  const at = text.slice(from, from + reach).indexOf(closer);
  return at < 0 ? from + reach : from + at;
}

function unquotedEnd(text: string, from: number): number {
  const closer = BRACKET_CLOSERS[text[from] ?? ''];
  if (closer !== undefined) {
    const end = closingWithin(text, from + 1, closer, 61) + 1;
    if (text[end - 1] === closer && !text.slice(from, end).includes('\n')) return end;
  }
  const limit = Math.min(text.length, from + MAX_VALUE + 1);
  let end = from;
  while (end < limit && !VALUE_END.test(text[end] ?? ' ')) end += 1;
  // A sentence's full stop is not part of the value; an ellipsis is.
  while (end > from && text[end - 1] === '.' && text[end - 2] !== '.') end -= 1;
  return end;
}

/** What kind of non-secret a field's value is, or null for a value that may be real. */
function standInProblem(value: string): 'placeholder-token' | 'masked-token' | null {
  if (value.startsWith('$') || value.startsWith('%')) return null;
  if (isWholeTemplateTag(value)) return isStandInTag(value) ? 'placeholder-token' : null;
  if (value.includes('{{') || value.includes('${')) return null;
  if (isPlaceholderToken(value) || isDescriptiveStandIn(value)) return 'placeholder-token';
  if (isMaskedToken(value) && !isWholeMask(value) && !/^eyJ/.test(value)) return 'masked-token';
  // A value that is only an ellipsis: the key left out of a config shown.
  if (/^(?:\.{3,}|…)$/.test(value)) return 'masked-token';
  return null;
}

/**
 * Words that describe the value instead of being it (`YOUR_API_KEY`): `my_token`, `your-secret-key`,
 * `api_key_here`, `pat-rest-of-token`, `some_token_227_letters`.
 */
function isDescriptiveStandIn(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+){1,6}$/.test(value)) return false;
  const words = value.toLowerCase().split(/[-_]/);
  const describes = words.some((word) => /^(?:my|your|some|the|insert|put|paste|here|actual|real|rest|of|goes)$/.test(word));
  const names = words.some((word) => /^(?:token|key|secret|apikey|password|credentials?)$/.test(word));
  return describes && names;
}

function candidate(problem: 'placeholder-token' | 'masked-token', start: number, end: number, value: string): Finding {
  return { kind: 'credential', code: null, problem, start, end, excerpt: previewToken(value) };
}
