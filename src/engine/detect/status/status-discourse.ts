// Once a text is known to talk about HTTP statuses (it names one in context, or speaks of "5xx"
// or "status codes"), a careful reader takes the other well-known codes in it as statuses too:
// "return 404 rather than 503", "exclude 503 from the 5xx alert", "should it be `404`?". Such a
// number still has to stand on its own: not an amount ("400 of 1000", "500 per minute"), not a
// range ("between 400 and 499"), not a port, line or size.
import { execAt, wordBefore } from '../shared/text-match';

/** Words that make a whole text about HTTP statuses, even before any code is found. */
const HTTP_STATUS_TALK =
  /(?<![\p{L}\p{N}_])(?:[1-5]xx|https?[ _-]?(?:status|code|response|error)s?|status[ _-]?codes?|response[ _-]?codes?|http[ _-]?codes?|codes? http|c[óo]digos? (?:de )?(?:estado|http)|codes? (?:d['’]erreur |de statut )?http|statuscodes?|ステータスコード|状态码|狀態碼|상태 ?코드)(?![\p{L}\p{N}_])/iu;

export function talksAboutHttpStatus(text: string): boolean {
  return HTTP_STATUS_TALK.test(text);
}

/** What may sit right before such a number: the text's start, a space, a bracket or a mark. */
const OPEN_BEFORE = /[\s([{"'`*,;|>“‘（「]/u;

/** The second of two statuses written with a slash: the 403 of "401/403". */
const SLASHED_STATUS_BEFORE = /(?<![\p{N}/.])[45]\d\d\/$/u;

function followsSlashedStatus(text: string, codeStart: number): boolean {
  return text.charAt(codeStart - 1) === '/' && SLASHED_STATUS_BEFORE.test(text.slice(Math.max(0, codeStart - 6), codeStart));
}

/** Words before a number that make it an amount, a position or a limit. */
const AMOUNT_WORDS = new Set([
  'limit',
  'limits',
  'max',
  'maximum',
  'min',
  'minimum',
  'over',
  'under',
  'about',
  'around',
  'approx',
  'approximately',
  'top',
  'first',
  'last',
  'every',
  'each',
  'page',
  'line',
  'lines',
  'row',
  'rows',
  'col',
  'column',
  'port',
  'pid',
  'id',
  'no',
  'number',
  'version',
  'step',
  'attempt',
  'size',
  'length',
  'width',
  'height',
  'batch',
  'chunk',
  'timeout',
  'delay',
  'wait',
  'after',
  'within',
  'total',
  'count',
  'sum',
  'range',
  'between',
  'x',
  'per',
  'cost',
  'price',
  'rank',
  'ranked',
  'score',
  'level',
  'room',
  'floor',
  'bus',
  'route',
  'flight',
  'highway',
  'item',
  'issue',
  'issues',
  'pr',
  'prs',
  'pull',
  'pulls',
  'ticket',
  'tickets',
  'order',
  'orders',
  'ports',
  'invoice',
  'build',
  'job',
  'run',
  'case',
  'test',
  'chapter',
  'section',
  'part',
  'figure',
  'fig',
  'table',
  'lesson',
  'episode',
  'volume',
  'vol',
  'appendix',
]);
/** Two-word amounts and bounds: "up to 500", "more than 400", "greater than or equal to 400", "at least 429". */
const AMOUNT_PAIRS =
  /(?:up\s+to|(?:more|less|fewer|greater|lower|higher)\s+than(?:\s+or\s+equal\s+to)?|at\s+(?:least|most))[\s:=#-]{0,3}$/i;
const isAmountGap = (char: string): boolean =>
  char === ' ' || char === '\t' || char === ':' || char === '=' || char === '#' || char === '-';

/** A constant or key whose name speaks of statuses: `_STATUS_CODE_GATEWAY_TIMEOUT = 504`. */
const STATUS_NAME_BEFORE = /(?:status|code)_\w{0,40}$/i;

/**
 * How far back the amount's name is looked for over blanks and separators: configs align their
 * values in a column (Terraform's `size             = 500`).
 */
const MAX_AMOUNT_GAP = 24;

function amountWordBefore(text: string, codeStart: number): boolean {
  const raw = wordBefore(text, codeStart, isAmountGap, MAX_AMOUNT_GAP);
  const word = raw.toLowerCase();
  // The last part of a snake_case name: the name decides.
  const nameEnd = text.lastIndexOf(raw, codeStart);
  if (text.charAt(nameEnd - 1) === '_' && STATUS_NAME_BEFORE.test(text.slice(Math.max(0, nameEnd - 40), nameEnd))) return false;
  if (AMOUNT_WORDS.has(word) || word === 'content-length') return true;
  return (
    (word === 'to' || word === 'than' || word === 'least' || word === 'most') &&
    AMOUNT_PAIRS.test(text.slice(Math.max(0, codeStart - 40), codeStart))
  );
}

/** Words after a number that make it an amount (units and counted things) or a class ("the 400 range"). */
const AMOUNT_AFTER =
  /[ \t\u00a0]{0,2}(?:of|per|x|×|\+|more|other|new|total|out|extra|additional|range|series|class|family|[kmgt]i?b|bytes?|ms|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|days?|px|%|[\p{L}]+s)(?![\p{L}\p{N}_])/iuy;

/** Plural-looking words after a code that still describe it ("errors", "responses", "codes"). */
const STATUS_PLURALS =
  /^[ \t\u00a0]{0,2}(?:errors|responses|codes|statuses|is|was|has|does|as|its|this|thus|us|always|sometimes|perhaps|plus|across|towards|unless|yes|was)(?![\p{L}\p{N}_])/iu;

/**
 * A range "400-499" or "between 400 and 499" is a class, not one status. "and" alone joins a
 * range only after "between": in "500, 502, 503 and 504" it closes a list.
 */
const RANGE_AFTER = /[ \t\u00a0]{0,2}(?:-|–|to|through|thru)[ \t\u00a0]{0,2}[1-5]\d\d(?!\d)/iy;
const BETWEEN_BEFORE = /between[ \t\u00a0]+$/i;
const RANGE_BEFORE = /(?:between[ \t\u00a0]+[1-5]\d\d[ \t\u00a0]+and|[1-5]\d\d[ \t\u00a0]*(?:-|–|to|through|thru))[ \t\u00a0]*$/i;

/**
 * True when a well-known code with no context of its own reads as a status in a text that talks
 * about statuses: it stands alone and nothing around it makes it an amount or a range.
 */
export function readsAsStatusInContext(text: string, codeStart: number, codeEnd: number): boolean {
  if (codeStart > 0 && !OPEN_BEFORE.test(text.charAt(codeStart - 1)) && !followsSlashedStatus(text, codeStart)) return false;
  if (amountWordBefore(text, codeStart)) return false;
  // A value after a closing brace or bracket: a metric sample such as `{status="200"} 429`.
  if (/[}\]][ \t]*$/.test(text.slice(Math.max(0, codeStart - 4), codeStart))) return false;
  if (execAt(RANGE_AFTER, text, codeEnd) !== null) return false;
  if (BETWEEN_BEFORE.test(text.slice(Math.max(0, codeStart - 12), codeStart))) return false;
  if (RANGE_BEFORE.test(text.slice(Math.max(0, codeStart - 20), codeStart))) return false;
  const after = text.slice(codeEnd, codeEnd + 24);
  // The second code of a pair is no count whatever follows: "502/504 timeouts".
  if (followsSlashedStatus(text, codeStart)) return true;
  return STATUS_PLURALS.test(after) || execAt(AMOUNT_AFTER, text, codeEnd) === null;
}
