// An entry of a glossary of error kinds: a list whose items each give a term, a colon and what the
// term means ("- ETIMEDOUT:连接尝试超时。", "- **`UNDELIVERABLE`**: The webhook URL was not reachable,
// or timed out.", "- Timeout: The destination server took too long to respond."). Such a list
// defines the failures; a log's "ERROR: connection refused" or a report's "Actual: Connection
// refused" does not, because its term is a log level or a field, not the name of a failure.
import { isFirstHandReport } from '../shared/definition-context';

/** How far around the words the glossary's other items are looked for. */
const WINDOW = 800;
/** Distinct terms a list needs before it counts as a glossary. */
const MIN_TERMS = 3;

/**
 * An item's head: at a line's start, or after a bullet inside a line (a list flattened into one
 * line); an optional bullet or item number and bold, code or quote marks (a status badge "Failed to
 * connect"); a term of up to six words; an optional
 * parenthesis ("(404 Not Found)"); a colon.
 */
const ITEM =
  /(?:^|[ \t][-*•][ \t]+)[ \t]*([-*•][ \t]+|\d{1,2}\.[ \t]+)?(\*\*)?[`"“]?([A-Z]\w*(?:[ \t]+[A-Za-z]\w*){0,5})[`"”]?(?:\*\*)?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:\*\*)?(?=[:：](?!:))/gm;

/**
 * A line that can hold an item: it opens with a capital (after marks) and has a colon soon after,
 * or has a bullet inside.
 */
const ITEM_LINE = /^[ \t]*(?:[-*•][ \t]+)?(?:\*\*)?`?[A-Z][^:：\n]{0,80}[:：]|[ \t][-*•][ \t]/;

/** An error's identifier: `ETIMEDOUT`, `UNDELIVERABLE`, `DEADLINE_EXCEEDED`. */
const IDENTIFIER = /^[A-Z][A-Z0-9_]{2,}$/;
/** Log levels head a log's lines, not a glossary's. */
const LOG_LEVEL = /^(?:ERROR|ERR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|CRITICAL|SEVERE|NOTICE|ALERT|EMERG)$/;
/** A term in words that names a kind of network failure ("Timeout", "Destination is unreachable"). */
const FAILURE_WORD = /time[ -]?out|unreachable|refused|reset|dns|tls|ssl|certificate|handshake|eof|connect/i;

/** A description in words, as a glossary gives it: four words or more, or a CJK sentence. */
const PROSE = /^[\s*`]*[A-Za-z\u3040-\u9fff](?:[^\s]*\s+\S){3}|^[\s*`]*[\u3040-\u9fff]/;

interface Item {
  /** Where the item's head starts in the text. */
  at: number;
  term: string;
  /** Where the item's head ends (the term and a parenthesis after it): the definition follows. */
  termEnd: number;
  /** Written as a Markdown list item (a bullet or a bold term). */
  marked: boolean;
}

function itemsAround(text: string, from: number, to: number): Item[] {
  const items: Item[] = [];
  ITEM.lastIndex = 0;
  const window = text.slice(from, to);
  for (let match = ITEM.exec(window); match !== null; match = ITEM.exec(window)) {
    const term = match[3]!;
    if (LOG_LEVEL.test(term)) continue;
    const marked = match[1] !== undefined || match[2] !== undefined || /[-*•]/.test(match[0].slice(0, 3));
    items.push({ at: from + match.index, term, termEnd: from + match.index + match[0].length, marked });
  }
  return items;
}

/** True when the words at [start, end) belong to an item of a glossary of failures. */
export function isInGlossaryItem(text: string, start: number, end: number): boolean {
  // The item is read on the words' own line first; the rest of the list only when the line is an item.
  const from = Math.max(0, start - WINDOW);
  const lineStart = from + text.slice(from, start).lastIndexOf('\n') + 1;
  const lineEnd = lineEndAfter(text, end);
  if (!ITEM_LINE.test(text.slice(lineStart, lineEnd))) return false;
  const lineItems = itemsAround(text, lineStart, lineEnd);
  const ownerIndex = lineItems.findLastIndex(({ at }) => at <= start);
  const owner = lineItems[ownerIndex];
  if (owner === undefined) return false;
  const namesFailure = IDENTIFIER.test(owner.term) || (owner.marked && FAILURE_WORD.test(owner.term));
  if (!namesFailure) return false;
  // The item runs to the next item or its line's end, whichever comes first.
  const item = text.slice(owner.at, lineItems[ownerIndex + 1]?.at ?? lineEnd);
  if (isFirstHandReport(item)) return false;
  if (end > owner.termEnd) {
    // The words are in the definition: only a Markdown glossary's prose, not a log record's
    // upper-case fields (`CODE: ETIMEDOUT`).
    const colon = item.slice(owner.termEnd - owner.at).search(/[:：]/);
    if (!owner.marked || !PROSE.test(item.slice(owner.termEnd - owner.at + colon + 1))) return false;
  }
  const items = itemsAround(text, Math.max(0, start - WINDOW), Math.min(text.length, end + WINDOW));
  return new Set(items.map(({ term }) => term.toLowerCase())).size >= MIN_TERMS;
}

/** Where the line holding `at` ends, looking at most WINDOW characters ahead. */
function lineEndAfter(text: string, at: number): number {
  const to = Math.min(text.length, at + WINDOW);
  const lineBreak = text.slice(at, to).indexOf('\n');
  return lineBreak < 0 ? to : at + lineBreak;
}
