// Builds big alternations of phrases so that V8 runs them fast: alternatives are grouped by their
// first character (one cheap test per position instead of one per alternative); what a match
// stands for is found afterwards by testing the short matched text alone (network detector, JSON
// parsers' messages).
import type { NetworkProblem, PatternTable } from '../network/network-patterns';
import { keptPerText } from './memo';

/** The index just past the group that opens at `open` (patterns here are well formed). */
function groupEnd(pattern: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  throw new SyntaxError(`unbalanced group in ${pattern}`);
}

/** The top-level alternatives of a group's body. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

/**
 * The pattern as alternatives that each start with a literal character: a leading `(?:a|b)x`
 * becomes `ax`, `bx`; a leading optional `(?:a )?x` becomes `a x`, `x` (longer one first).
 */
export function literalStarts(pattern: string): string[] {
  if (!pattern.startsWith('(?:')) {
    if (/^[\\[(.?*+{|^$]/.test(pattern)) throw new SyntaxError(`pattern must start with a literal: ${pattern}`);
    return [pattern];
  }
  const end = groupEnd(pattern, 0);
  const body = pattern.slice(3, end - 1);
  const optional = pattern[end] === '?';
  const rest = pattern.slice(optional ? end + 1 : end);
  const heads = splitAlternatives(body).map((alternative) => alternative + rest);
  if (optional) heads.push(rest);
  return heads.flatMap(literalStarts);
}

// splitAlternation groups the same patterns again and again while it sizes its regexes; a
// pattern's literal starts are found once (this evaluation is part of loading content-extras.js).
const literalStartsOnce = keptPerText(literalStarts);

/**
 * `c(?:onnection refused|ould not connect)|t(?:imed out)`; with `foldCase` (for a case-insensitive
 * regex) "C" and "c" share a group.
 */
export function groupedByFirstChar(patterns: readonly string[], foldCase: boolean): string {
  const byFirst = new Map<string, string[]>();
  for (const pattern of patterns.flatMap(literalStartsOnce)) {
    const first = foldCase ? pattern[0]!.toLowerCase() : pattern[0]!;
    const rests = byFirst.get(first) ?? [];
    rests.push(pattern.slice(1));
    byFirst.set(first, rests);
  }
  return [...byFirst].map(([first, rests]) => `${first}(?:${rests.join('|')})`).join('|');
}

/**
 * Finds which problem a matched text stands for (the first whose patterns match it whole). A log
 * matches the same few texts over and over: each is classified once.
 */
export function problemClassifier(table: PatternTable, flags: string): (matched: string) => NetworkProblem | undefined {
  const tests = table.map(([problem, patterns]) => [problem, new RegExp(`^(?:${patterns.join('|')})$`, flags)] as const);
  return keptPerText((matched) => tests.find(([, regex]) => regex.test(matched))?.[0]);
}
