// Whitespace that breaks a credential: line breaks, tabs, non-breaking and zero-width spaces,
// and spaces where only the single space between scheme and token belongs.
import type { TagRange } from './credential-classify';

/** Whitespace as JavaScript sees it plus the zero-width characters it does not. */
const WHITESPACE = /[\s\u200B-\u200D\u2060]/;

export function isWhitespace(char: string | undefined): boolean {
  return char !== undefined && WHITESPACE.test(char);
}

export interface Span {
  start: number;
  end: number;
}

export interface WhitespaceProblem extends Span {
  reason: string;
}

/**
 * The first whitespace run in `value` that does not belong there. `allowed` lists the runs that
 * separate a scheme from its token: each may be exactly one plain space. Template tags are
 * skipped (`{{ api_key }}` has spaces of its own). `inner` is the trimmed value.
 */
export function findWhitespaceProblem(
  value: string,
  inner: Span,
  allowed: readonly Span[],
  tags: readonly TagRange[],
): WhitespaceProblem | null {
  let tagIndex = 0;
  let i = 0;
  while (i < value.length) {
    const tag = tags[tagIndex];
    if (tag !== undefined && i >= tag.start) {
      i = Math.max(i, tag.end);
      tagIndex += 1;
      continue;
    }
    if (!isWhitespace(value[i])) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < value.length && isWhitespace(value[i])) i += 1;
    const run = value.slice(start, i);
    const isSeparator = allowed.some((span) => span.start === start && span.end === i);
    if (isSeparator && run === ' ') continue;
    return { start, end: i, reason: `${describeRun(run)} ${describePlace(start, i, inner, isSeparator)}` };
  }
  return null;
}

function describeRun(run: string): string {
  if (/[\r\n\u2028\u2029]/.test(run)) return 'a line break';
  if (run.includes('\t')) return 'a tab';
  if (/[\u00A0\u2007\u202F]/.test(run)) return 'a non-breaking space';
  if (/[\u200B-\u200D\u2060\uFEFF]/.test(run)) return 'a zero-width character';
  if (/[^ ]/.test(run)) return 'an unusual space character';
  return run.length > 1 ? 'extra spaces' : 'a space';
}

function describePlace(start: number, end: number, inner: Span, isSeparator: boolean): string {
  if (end <= inner.start) return 'before the value';
  if (start >= inner.end) return 'after the token';
  if (isSeparator) return 'between the scheme and the token';
  return 'inside the token';
}
