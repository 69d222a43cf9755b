// Judges one credential header value: the problems a user can fix, each with a redacted
// preview. Shared by the editor-field check and the free-text scan.
import type { Finding } from '../../types';
import { basicCredentialProblem } from './credential-basic';
import {
  containsTemplateTag,
  isBracketRedaction,
  isCamelCaseName,
  isContentBlockReference,
  isLogViewerRedaction,
  isMaskedToken,
  isNonSecretToken,
  isPlaceholderToken,
  isWholeMask,
  templateTagRanges,
  type TagRange,
} from './credential-classify';
import { parseAuthorization, tagEndsByStart, wordEnd, type ParsedCredential } from './credential-parse';
import { KNOWN_SCHEMES, previewSecret, previewToken, showNonSecret } from './credential-preview';
import { findWhitespaceProblem, isWhitespace, type Span } from './credential-whitespace';
import { mixesLettersAndDigits } from '../../text';

export type CredentialProblem =
  | 'masked-token'
  | 'placeholder-token'
  | 'missing-bearer-prefix'
  | 'malformed-scheme'
  | 'doubled-scheme'
  | 'quoted-value'
  | 'whitespace-in-token'
  | 'malformed-basic'
  | 'empty-token';

export interface CredentialAnalysisOptions {
  /** Authorization or Proxy-Authorization: a scheme is expected before the token. */
  authorization: boolean;
  /**
   * 'field': the whole value of an editor field; every check applies.
   * 'line': a header quoted on a log line; the token is its first word, and quotes and
   *   whitespace are the log's layout, not the user's mistake.
   * 'string': a quoted string in a log (JSON); like 'line' but the whole string is the value.
   */
  source: 'field' | 'line' | 'string';
}

/** Why a Bearer glued to its token or misspelt is a missing `Bearer `: a spelling, judged like a format in a text. */
export const BEARER_MISSPELT = 'the scheme is not spelt "Bearer" followed by one space';

/** Why a blank with no scheme is also a missing Bearer: it stands or falls with the blank (credential-in-text). */
export const NO_SCHEME_BEFORE_BLANK = 'no scheme such as "Bearer " before the blank that stands for the token';

/** One bracketed name and nothing else (`[token]`, `<TOKEN>`, `{removed}`): a blank for the whole value. */
const BRACKETED_BLANK = /^(?:\[[A-Za-z][\w .-]{0,40}\]|<[A-Za-z][\w .-]{0,40}>|\{[A-Za-z][\w.-]{0,40}\})$/;

/** Schemes whose credentials are name=value parameters with quotes and spaces of their own. */
const PARAMETER_SCHEMES = new Set(['digest', 'oauth', 'aws4-hmac-sha256', 'signature', 'hoba', 'mutual', 'vapid']);
const QUOTES = new Set(['"', "'", '“', '”', '‘', '’']);

interface Problem {
  problem: CredentialProblem;
  span: Span;
  reason?: string;
}

/** All problems of one header value; offsets are relative to `value`. */
export function analyzeCredentialValue(value: string, options: CredentialAnalysisOptions): Finding[] {
  const tags = templateTagRanges(value);
  const tagEnds = tagEndsByStart([...tags, ...bracketBlanks(value)]);
  const inField = options.source === 'field';
  const trimmed = trimSpan(value, { start: 0, end: value.length });
  if (trimmed.start === trimmed.end) {
    return options.authorization ? [toFinding({ problem: 'empty-token', span: { start: 0, end: value.length } }, '(empty)')] : [];
  }
  // In a log, quotes are the log's syntax; typed into a field they are sent with the value.
  const quote = inField ? firstQuoteOutsideTags(value, trimmed, tags) : null;
  const quoteProblems: Problem[] = quote
    ? [{ problem: 'quoted-value', span: quote, reason: 'quotes become part of the header value' }]
    : [];
  const inner = quote ? stripQuotes(value, trimmed) : trimmed;
  const whole = value.slice(inner.start, inner.end);
  const firstWord = value.slice(inner.start, wordEnd(value, inner.start, inner.end, tagEnds));
  if (!inField && (isLogViewerRedaction(whole) || isLogViewerRedaction(firstWord))) return [];

  // A whole value that is only a mask or a placeholder says everything there is to say.
  const wholeProblem = inner.start === inner.end ? 'empty-token' : nonSecretProblem(whole);
  if (wholeProblem !== null) {
    // `Authorization: [token]` quoted from a request: the blank stood for a bare token, so the
    // scheme is missing too. In an editor field the blank alone is what the user has to fix.
    const noScheme: Problem[] =
      !inField && options.authorization && wholeProblem === 'placeholder-token' && BRACKETED_BLANK.test(whole)
        ? [{ problem: 'missing-bearer-prefix', span: inner, reason: NO_SCHEME_BEFORE_BLANK }]
        : [];
    return [...quoteProblems, { problem: wholeProblem, span: inner }, ...noScheme].map((p) =>
      toFinding(p, showNonSecret(whole) || '(empty)'),
    );
  }
  return analyzeParts(value, inner, { tags, tagEnds, quoteProblems }, options);
}

interface ValueContext {
  tags: readonly TagRange[];
  tagEnds: ReadonlyMap<number, number>;
  quoteProblems: readonly Problem[];
}

/** Splits the value into scheme and token and judges each part. */
function analyzeParts(value: string, inner: Span, context: ValueContext, options: CredentialAnalysisOptions): Finding[] {
  const inField = options.source === 'field';
  const firstWordOnly = options.source === 'line';
  const parsed = options.authorization
    ? parseAuthorization(value, inner, firstWordOnly, context.tagEnds)
    : plainToken(value, inner, firstWordOnly, context.tagEnds);
  parsed.token = stripQuotes(value, parsed.token);
  const schemeWord = parsed.scheme ? value.slice(parsed.scheme.start, parsed.scheme.end).toLowerCase() : null;
  const takesParameters = schemeWord !== null && PARAMETER_SCHEMES.has(schemeWord);

  const token = value.slice(parsed.token.start, parsed.token.end);
  if (!inField && isBracketRedaction(token)) return [];
  const tokenProblems = judgeToken(token, parsed, schemeWord, options);
  const problems: Problem[] = [
    ...(takesParameters ? [] : context.quoteProblems),
    ...structureProblems(parsed, token, schemeWord, tokenProblems, options),
    ...tokenProblems,
  ];
  const tokenIsFine = tokenProblems.length === 0 && token !== '';
  if (inField && tokenIsFine && !takesParameters) {
    const space = findWhitespaceProblem(value, inner, parsed.separators, context.tags);
    if (space) problems.push({ problem: 'whitespace-in-token', span: space, reason: space.reason });
  }
  const excerpt = previewValue(value, parsed);
  return problems.sort((a, b) => a.span.start - b.span.start).map((p) => toFinding(p, excerpt));
}

/**
 * Problems of the scheme part: glued, misspelt, doubled, missing, or a scheme with no token. A
 * Bearer scheme glued to its token (`Bearer:abc`, `Bearer{abc}`) or misspelt (`Baerer abc`) leaves
 * the receiver without the `Bearer ` it looks for: the same mistake as no scheme at all.
 */
function structureProblems(
  parsed: ParsedCredential,
  token: string,
  schemeWord: string | null,
  tokenProblems: readonly Problem[],
  options: CredentialAnalysisOptions,
): Problem[] {
  const problems: Problem[] = [];
  if (!options.authorization) return problems;
  const { scheme } = parsed;
  if (scheme && parsed.glued) {
    // A quote or backtick right after the word closes the writer's inline code (`Bearer` is …).
    const bearer = schemeWord === 'bearer' && /^[^\s"'`“”‘’]/.test(token);
    const reason = parsed.glue === '' ? 'no space after the scheme' : `"${parsed.glue}" instead of a space after the scheme`;
    const span = { start: scheme.start, end: parsed.token.start };
    problems.push(
      bearer ? { problem: 'missing-bearer-prefix', span, reason: BEARER_MISSPELT } : { problem: 'malformed-scheme', span, reason },
    );
  } else if (scheme && schemeWord !== null && isMisspeltBearer(schemeWord)) {
    problems.push({ problem: 'missing-bearer-prefix', span: scheme, reason: BEARER_MISSPELT });
  }
  if (parsed.doubled) {
    problems.push({ problem: 'doubled-scheme', span: parsed.doubled, reason: 'the scheme word appears twice' });
  }
  const bare = tokenProblems.length === 0 ? options.source === 'field' || looksLikeToken(token) : isMaskedKeyShape(token, tokenProblems);
  if (scheme === null && bare) {
    problems.push({ problem: 'missing-bearer-prefix', span: parsed.token, reason: 'no scheme such as "Bearer " before the token' });
  }
  if (scheme && token === '') {
    problems.push({ problem: 'empty-token', span: parsed.doubled ?? scheme, reason: 'no token after the scheme' });
  }
  return problems;
}

/**
 * A scheme word made of Bearer's letters that is not Bearer (`Baerer`, `Bearar`, `Beara`): a
 * misspelling. Other words (`Token`, `Basic`, a vendor's own scheme) are schemes in their own right.
 */
function isMisspeltBearer(word: string): boolean {
  return word !== 'bearer' && /^b[bear]{3,7}$/.test(word) && /e/.test(word) && /a/.test(word) && /r/.test(word);
}

/** Problems of the token itself: masked, placeholder, or a Basic credential that cannot work. */
function judgeToken(token: string, parsed: ParsedCredential, schemeWord: string | null, options: CredentialAnalysisOptions): Problem[] {
  if (token === '') return [];
  const span = parsed.token;
  if (isMaskedToken(token)) return [{ problem: 'masked-token', span }];
  if ((isPlaceholderToken(token) || isCamelCaseName(token) || containsTemplateTag(token)) && !isContentBlockReference(token)) {
    return [{ problem: 'placeholder-token', span }];
  }
  if (options.authorization && schemeWord === 'basic') {
    const reason = basicCredentialProblem(token.replace(/[\s\u200B-\u200D\u2060]/g, ''));
    if (reason !== null) return [{ problem: 'malformed-basic', span, reason }];
  }
  return [];
}

function nonSecretProblem(whole: string): CredentialProblem | null {
  if (isWholeMask(whole)) return 'masked-token';
  if (isPlaceholderToken(whole) && !isContentBlockReference(whole)) return 'placeholder-token';
  return null;
}

/** A header without a scheme (X-Api-Key): the whole value, or its first word on a log line. */
function plainToken(value: string, inner: Span, firstWordOnly: boolean, tagEnds: ReadonlyMap<number, number>): ParsedCredential {
  const end = firstWordOnly ? wordEnd(value, inner.start, inner.end, tagEnds) : inner.end;
  return { scheme: null, glued: false, glue: '', closer: '', doubled: null, token: { start: inner.start, end }, separators: [] };
}

/** A blank in angle brackets with spaces inside (`<my api key>`, `<64-char api token>`): one word, not several. */
const BRACKET_BLANK = /<[A-Za-z0-9][^<>\n]{0,60}>/g;

function bracketBlanks(value: string): TagRange[] {
  if (!value.includes('<')) return [];
  return [...value.matchAll(BRACKET_BLANK)].filter((m) => m[0].includes(' ')).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Prefixes that make a key a bearer credential whatever the rest of it: `sk-`, `ghp_`, `xoxb-`, a JWT's `eyJ`. */
const BEARER_KEY_PREFIX = /^(?:(?:sk|rk|ghp|gho|ghu|github_pat|glpat|xox[abpe]|pat)[-_]|eyJ)/;

/** A masked key that still shows a bearer key's prefix (`sk-...`, `ghp_****`): sent bare, it lacks the scheme. */
function isMaskedKeyShape(token: string, tokenProblems: readonly Problem[]): boolean {
  return tokenProblems.every((p) => p.problem === 'masked-token') && BEARER_KEY_PREFIX.test(token);
}

/** On a log line a bare word is only called a token when it looks like one. */
function looksLikeToken(word: string): boolean {
  return (word.length >= 16 && mixesLettersAndDigits(word)) || /^eyJ[\w-]{10,}/.test(word);
}

/** "Bearer ab12…89", "Bearer{…}", "Bearer Bearer …": what the user may see of the value. */
function previewValue(value: string, parsed: ParsedCredential): string {
  const token = value.slice(parsed.token.start, parsed.token.end);
  // A mask or placeholder is shown as typed; a secret is previewed without its stray whitespace.
  const tokenPreview =
    token === '' ? '' : isNonSecretToken(token) ? showNonSecret(token) : previewToken(token.replace(/[\s\u200B-\u200D\u2060]/g, ''));
  if (!parsed.scheme) return tokenPreview || '(empty)';
  const word = value.slice(parsed.scheme.start, parsed.scheme.end);
  // Only a known scheme word is surely not part of the secret.
  const scheme = KNOWN_SCHEMES.has(word.toLowerCase()) ? word : previewSecret(word);
  const doubledWord = parsed.doubled ? value.slice(parsed.scheme.end, parsed.doubled.end).trim() : '';
  const schemeText = parsed.doubled ? `${scheme} ${KNOWN_SCHEMES.has(doubledWord.toLowerCase()) ? doubledWord : '…'}` : scheme;
  if (parsed.glued) {
    return `${schemeText}${parsed.glue}${tokenPreview}${parsed.closer}`;
  }
  return tokenPreview === '' ? schemeText : `${schemeText} ${tokenPreview}`;
}

function toFinding(problem: Problem, excerpt: string): Finding {
  const finding: Finding = {
    kind: 'credential',
    code: null,
    problem: problem.problem,
    start: problem.span.start,
    end: problem.span.end,
    excerpt,
  };
  if (problem.reason !== undefined) finding.detail = { reason: problem.reason };
  return finding;
}

function trimSpan(value: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isWhitespace(value[start])) start += 1;
  while (end > start && isWhitespace(value[end - 1])) end -= 1;
  return { start, end };
}

/** Drops quote characters (and the whitespace next to them) from both ends of a span. */
function stripQuotes(value: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && QUOTES.has(value[start] ?? '')) start += 1;
  while (end > start && QUOTES.has(value[end - 1] ?? '')) end -= 1;
  return start === span.start && end === span.end ? span : trimSpan(value, { start, end });
}

/** The first quote character that is not inside a template tag (`{{ x | default: "" }}`). */
function firstQuoteOutsideTags(value: string, inner: Span, tags: readonly TagRange[]): Span | null {
  let tagIndex = 0;
  for (let i = inner.start; i < inner.end; i += 1) {
    while (tagIndex < tags.length && (tags[tagIndex]?.end ?? 0) <= i) tagIndex += 1;
    const tag = tags[tagIndex];
    if (tag !== undefined && i >= tag.start) {
      i = tag.end - 1;
      continue;
    }
    if (QUOTES.has(value[i] ?? '')) return { start: i, end: i + 1 };
  }
  return null;
}
