// Splits a credential header value into scheme and token without judging it.
// Understands the usual mistakes: "Bearer{token}", "Bearer:abc", "Bearer Bearer abc", no scheme.
import type { TagRange } from './credential-classify';
import { KNOWN_SCHEMES } from './credential-preview';
import { isWhitespace, type Span } from './credential-whitespace';

export interface ParsedCredential {
  /** The scheme word ("Bearer"), or null when the value has none. */
  scheme: Span | null;
  /** True when the token follows the scheme without a space: "BearerABC", "Bearer:abc". */
  glued: boolean;
  /** The character glued between scheme and token in "Bearer:abc" / "Bearer{abc}", else ''. */
  glue: string;
  /** The closing bracket that matched a glued opening bracket, else ''. */
  closer: string;
  /** "Bearer Bearer": from the first scheme word to the end of the second. */
  doubled: Span | null;
  /** The token; empty (start === end) when nothing follows the scheme. */
  token: Span;
  /** Whitespace runs that separate scheme words from the token (one plain space is right). */
  separators: Span[];
}

/** Characters people put between "Bearer" and the token instead of a space. */
const GLUE_CLOSERS: Readonly<Record<string, string>> = {
  ':': '',
  '=': '',
  ',': '',
  ';': '',
  '"': '',
  "'": '',
  '{': '}',
  '(': ')',
  '[': ']',
  '<': '>',
};
const GLUED_SCHEME = /^(?:(bearer)(?=.)|(basic|token)(?=[:={([<,;"']))/i;
const SCHEME_LIKE = /^[A-Za-z][A-Za-z-]{0,29}$/;

/** Where a word (a run of non-whitespace, template tags counted whole) ends. */
export function wordEnd(value: string, from: number, limit: number, tagEnds: ReadonlyMap<number, number>): number {
  let i = from;
  while (i < limit && !isWhitespace(value[i])) {
    const tagEnd = tagEnds.get(i);
    i = tagEnd !== undefined ? Math.min(tagEnd, limit) : i + 1;
  }
  return i;
}

export function skipWhitespace(value: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && isWhitespace(value[i])) i += 1;
  return i;
}

export function tagEndsByStart(tags: readonly TagRange[]): Map<number, number> {
  return new Map(tags.map((tag) => [tag.start, tag.end]));
}

/**
 * Parses the value of an Authorization header inside `inner` (already trimmed and unquoted).
 * With `firstWordOnly` the token ends at the first whitespace (a header quoted in a log line
 * may be followed by other words).
 */
export function parseAuthorization(
  value: string,
  inner: Span,
  firstWordOnly: boolean,
  tagEnds: ReadonlyMap<number, number>,
): ParsedCredential {
  const at = inner.start;
  const tokenEnd = (from: number): number => (firstWordOnly ? wordEnd(value, from, inner.end, tagEnds) : inner.end);

  const glued = GLUED_SCHEME.exec(value.slice(at, Math.min(inner.end, at + 8)));
  const gluedWord = glued?.[1] ?? glued?.[2];
  if (gluedWord !== undefined && !isWhitespace(value[at + gluedWord.length])) {
    return parseGlued(value, inner, at + gluedWord.length, tokenEnd, tagEnds);
  }

  const firstEnd = wordEnd(value, at, inner.end, tagEnds);
  const first = value.slice(at, firstEnd);
  if (firstEnd === inner.end) {
    if (KNOWN_SCHEMES.has(first.toLowerCase())) {
      return plain({ start: at, end: firstEnd }, { start: inner.end, end: inner.end }, []);
    }
    return plain(null, { start: at, end: inner.end }, []);
  }
  if (!isSchemeLike(first)) return plain(null, { start: at, end: tokenEnd(at) }, []);

  const scheme = { start: at, end: firstEnd };
  const separator = { start: firstEnd, end: skipWhitespace(value, firstEnd, inner.end) };
  const secondEnd = wordEnd(value, separator.end, inner.end, tagEnds);
  const second = value.slice(separator.end, secondEnd);
  if (isDoubledScheme(first, second, secondEnd < inner.end)) {
    const secondSeparator = { start: secondEnd, end: skipWhitespace(value, secondEnd, inner.end) };
    const tokenStart = secondSeparator.end;
    return {
      ...plain(scheme, { start: tokenStart, end: tokenEnd(tokenStart) }, [separator, secondSeparator]),
      doubled: { start: at, end: secondEnd },
    };
  }
  return plain(scheme, { start: separator.end, end: tokenEnd(separator.end) }, [separator]);
}

function parseGlued(
  value: string,
  inner: Span,
  schemeEnd: number,
  tokenEnd: (from: number) => number,
  tagEnds: ReadonlyMap<number, number>,
): ParsedCredential {
  const scheme = { start: inner.start, end: schemeEnd };
  const next = value[schemeEnd] ?? '';
  // "Bearer{{ api_key }}": the brace opens a template tag, not a wrapper around the token.
  const opensTag = tagEnds.has(schemeEnd);
  const glue = !opensTag && next in GLUE_CLOSERS ? next : '';
  const separators: Span[] = [];
  let tokenStart = schemeEnd + glue.length;
  if (glue === ':' || glue === '=') {
    const after = skipWhitespace(value, tokenStart, inner.end);
    if (after > tokenStart) separators.push({ start: tokenStart, end: after });
    tokenStart = after;
  }
  let end = tokenEnd(tokenStart);
  const expectedCloser = glue === '' ? '' : (GLUE_CLOSERS[glue] ?? '');
  const closed = expectedCloser !== '' && end > tokenStart && value[end - 1] === expectedCloser;
  if (closed) end -= 1;
  return {
    scheme,
    glued: true,
    glue,
    closer: closed ? expectedCloser : '',
    doubled: null,
    token: { start: tokenStart, end },
    separators,
  };
}

function plain(scheme: Span | null, token: Span, separators: Span[]): ParsedCredential {
  return { scheme, glued: false, glue: '', closer: '', doubled: null, token, separators };
}

function isSchemeLike(word: string): boolean {
  return KNOWN_SCHEMES.has(word.toLowerCase()) || SCHEME_LIKE.test(word);
}

/** "Bearer Bearer abc", "Token Basic abc", "Basic basic abc". */
function isDoubledScheme(first: string, second: string, moreFollows: boolean): boolean {
  const word = second.toLowerCase();
  if (word === 'bearer' || word === 'basic') return true;
  return moreFollows && word === first.toLowerCase() && KNOWN_SCHEMES.has(word);
}
