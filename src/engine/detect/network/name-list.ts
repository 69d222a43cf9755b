// Error names written as a list: a retry policy's errno list ("ECONNRESET, ECONNREFUSED, EPIPE,
// EHOSTUNREACH"), an array in code spread over lines, a changelog's "add ECONNRESET, ENOTFOUND,
// ETIMEDOUT", a parenthesis of kinds ("e.g. host not found, tcp connection refused, TLS handshake
// failed"). A runtime reports one failure at a time; several different names separated by commas,
// slashes, pipes or line breaks (between commas, up to four words may trail an item) are names,
// unless the words right before the list say that someone got them ("I get ECONNRESET, ETIMEDOUT
// and EPIPE") or each item carries the same count of tries ("ECONNRESET on attempt 1, ETIMEDOUT on
// attempt 2"): a log of retries, one failure each.
import { isFirstHandReport } from '../shared/definition-context';

export interface ListedMatch {
  start: number;
  end: number;
  /** Already known to name rather than report (a rule, code or condition around it). */
  mention: boolean;
}

/** Distinct names that make a list by themselves. */
const MIN_LIST_NAMES = 3;
/** The longest gap between two items of one list. */
const MAX_GAP = 40;
/** How far before a list its introduction is read for words of a report. */
const INTRO_WINDOW = 120;

/**
 * A separator between items: a comma (Latin, ideographic or the enumeration comma `、`), semicolon,
 * slash, pipe or ampersand, a line break, "and", "or".
 */
const SEPARATOR = /[,;/|&\n、，]|\b(?:and|or)\b/i;
/**
 * What a gap may hold besides separators: quotes of any script (`«ETIMEDOUT», «ENOTFOUND»`),
 * brackets and braces, bullets, colons, a diff's `+` at a line's start, and at most two short
 * words ("tcp", "EBUSY", `{ code: '…' }`).
 */
const GAP = /^[\s'"`*()[\]{},:;/|&#+\-«»„“”‘’「」、，]*(?:[A-Za-z_]{1,15}[\s'"`*()[\]{},:;/|&#+\-«»„“”‘’「」、，]+){0,2}$/;
/**
 * A gap inside a sentence's enumeration, between commas: up to four words or numbers, the tail of
 * an item ("connection refused at port 443, …") or another item that names no failure ("expired
 * SSL Cert, incorrect DNS record, connection refused"). No line break, colon or bracket: a log's
 * prefix (`[ERROR] OpenSSL::SSL::`) is no list item.
 */
const INLINE_ITEMS_GAP = /^[ \t,、，'"`«»„“”]*(?:[A-Za-z0-9_]{1,15}[ \t,、，'"`«»„“”]+){0,4}$/;
const COMMA = /[,、，]/;
/** Two names compared: "ECONNABORTED for timeouts instead of ETIMEDOUT", "`ETIMEDOUT` vs `ECONNRESET`". */
const COMPARISON_GAP = /^[\s'"`*]*(?:[A-Za-z_]{1,15}[ \t]+){0,2}(?:instead of|rather than|vs\.?|versus)[\s'"`*]*$/i;

function isListGap(gap: string): boolean {
  if (gap.length > MAX_GAP || !SEPARATOR.test(gap)) return false;
  const padded = gap.endsWith(' ') ? gap : `${gap} `;
  return GAP.test(padded) || (COMMA.test(gap) && INLINE_ITEMS_GAP.test(padded));
}

/** Marks both names of a comparison ("X instead of Y") as mentions: a runtime reports one name, not two. */
function markComparisons(text: string, sorted: ListedMatch[]): void {
  for (let i = 1; i < sorted.length; i++) {
    const gap = text.slice(sorted[i - 1]!.end, sorted[i]!.start);
    if (gap.length > MAX_GAP || !COMPARISON_GAP.test(gap)) continue;
    sorted[i - 1]!.mention = true;
    sorted[i]!.mention = true;
  }
}

/**
 * Marks as mentions the matches that are items of a list of names: every item of a run of three or
 * more different names, and the items that follow one already known to be a mention ("retries on
 * ECONNRESET, ETIMEDOUT": the rule before the first covers the rest). `sorted` is ordered by start.
 */
export function markNameLists<T extends ListedMatch>(text: string, sorted: T[]): T[] {
  markComparisons(text, sorted);
  let runStart = 0;
  for (let i = 1; i <= sorted.length; i++) {
    const continues = i < sorted.length && isListGap(text.slice(sorted[i - 1]!.end, sorted[i]!.start));
    if (continues) continue;
    markRun(text, sorted.slice(runStart, i));
    runStart = i;
  }
  return sorted;
}

/** An item's tail that counts tries: "on attempt 2", "(retry #3)", "try 1 of 5". */
const TRY_COUNT = /\b(?:attempts?|tries|try|retry|retries|delivery|request|call)[ \t#]{0,3}\d/i;

/**
 * True when every item of the run carries the same tail but for its numbers, and that tail counts
 * tries: each name is what one try got, so the run reports failures rather than listing names.
 */
function countsTries(text: string, run: readonly ListedMatch[]): boolean {
  const gaps = run.slice(1).map((match, i) => text.slice(run[i]!.end, match.start).replace(/\d+/g, '#'));
  return TRY_COUNT.test(text.slice(run[0]!.end, run[1]!.start)) && gaps.every((gap) => gap === gaps[0]);
}

function markRun(text: string, run: ListedMatch[]): void {
  if (run.length < 2 || countsTries(text, run)) return;
  const names = new Set(run.map(({ start, end }) => text.slice(start, end).toLowerCase()));
  if (names.size < 2) return;
  const firstMention = run.findIndex((match) => match.mention);
  const intro = introBefore(text, run[0]!.start);
  if (names.size < MIN_LIST_NAMES || (isFirstHandReport(intro) && !isAskingWhatTheyMean(intro))) {
    if (firstMention < 0) return;
    for (const match of run.slice(firstMention)) match.mention = true;
    return;
  }
  for (const match of run) match.mention = true;
}

/**
 * Someone asking what the names mean ("looking for explanation on these error and when it is
 * thrown"), with no word of having got them: the list is what they ask about, not what they got.
 */
const ASKING_MEANING = /\b(?:explanation|explain|documentation|what (?:do|does|is|are)|meaning|difference between)\b/i;
const GOT_WORDS = /\b(?:got|get|gets|getting|received|receiving|seeing|saw|see)\b/i;
const isAskingWhatTheyMean = (intro: string): boolean => ASKING_MEANING.test(intro) && !GOT_WORDS.test(intro);

/** The words before a list on its own line and the line above (a list often opens its own line). */
function introBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - INTRO_WINDOW), start);
  const lines = before.split('\n');
  return lines.slice(-2).join('\n');
}
