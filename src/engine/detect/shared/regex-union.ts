// A long alternation as several small regexes, read as the one alternation would be. V8 compiles a
// regex in one go, in the task that first runs it, and the time grows faster than its size: 226 ms
// for a 16 KB alternation of credential sentences on a loaded machine, 37 ms for the same sentences
// as nine regexes of 3 KB. In a page that first run is one long task.

/** Longest source of one regex built by splitAlternation. */
export const MAX_REGEX_SOURCE = 3 * 1024;

/** Every regex splitAlternation built: a page compiles them ahead, one per task (see row-detect.ts). */
const built: RegExp[] = [];

export function splitRegexes(): readonly RegExp[] {
  return built;
}

/**
 * Regexes (with `flags`, which must include `g`) that each hold some of `alternatives`, in order,
 * each source at most MAX_REGEX_SOURCE long (an alternative longer than that gets one of its own);
 * `join` turns the alternatives of one regex into its source.
 */
export function splitAlternation(
  alternatives: readonly string[],
  flags: string,
  join: (parts: readonly string[]) => string = (parts) => parts.map((part) => `(?:${part})`).join('|'),
): RegExp[] {
  const groups: (readonly string[])[] = [];
  const fits = (from: number, to: number) => join(alternatives.slice(from, to)).length <= MAX_REGEX_SOURCE;
  for (let from = 0; from < alternatives.length;) {
    // The longest run from `from` whose source fits (at least one alternative), found by doubling
    // then halving: a join per alternative added made this quadratic, 23 ms for the JSON
    // messages at load time, since a join (grouping by first character) is not additive.
    let fit = from + 1;
    let step = 1;
    while (fit + step <= alternatives.length && fits(from, fit + step)) {
      fit += step;
      step *= 2;
    }
    for (step = Math.floor(step / 2); step >= 1; step = Math.floor(step / 2))
      if (fit + step <= alternatives.length && fits(from, fit + step)) fit += step;
    groups.push(alternatives.slice(from, fit));
    from = fit;
  }
  const regexes = groups.map((parts) => new RegExp(join(parts), flags));
  built.push(...regexes);
  return regexes;
}

/**
 * The matches of `regexes` in `text` as their alternation would give them, from `from` on: the
 * leftmost match of any, the earlier regex on a tie, the next from the end of the last (one past
 * an empty match). Each regex's next match is kept while it still lies ahead. The regexes are
 * global and shared: their lastIndex is used and left as it falls.
 */
export function* unionMatches(regexes: readonly RegExp[], text: string, from = 0): Generator<RegExpExecArray> {
  const ahead: (RegExpExecArray | null | undefined)[] = [];
  for (let at = from; at <= text.length;) {
    let found: RegExpExecArray | null = null;
    for (let i = 0; i < regexes.length; i++) {
      let match = ahead[i];
      if (match === undefined || (match !== null && match.index < at)) {
        const regex = regexes[i]!;
        regex.lastIndex = at;
        ahead[i] = match = regex.exec(text);
      }
      if (match && (found === null || match.index < found.index)) found = match;
    }
    if (found === null) return;
    yield found;
    at = found.index + Math.max(found[0].length, 1);
  }
}
