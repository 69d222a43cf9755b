// A careful reader's default: a well-known status number that stands alone, near words about HTTP
// and among few other numbers, is a status ("Shouldn't we 400 if …", "401 is used by the API, I
// move it to 403", "`404` when unset", `halt 400`, `createFastifyError(…, 401)`) unless something
// says it is another kind of number. The checks for that are the traps issue 8 lists: a size or
// an ID in a field, a column of amounts, a port, a call that takes a timeout, mail servers' reply
// codes, another system's error numbers. Every check reads a bounded window around the number.
import { firstAtOrAfter } from '../shared/sorted-search';
import { execAt } from '../shared/text-match';
import { lineEndWithin, lineStartWithin } from '../../text';
import { isNearMailDelivery, isSmtpCode } from './status-context';
import { hasAnyPhraseAfter, hasAnyPhraseBefore, isNamedStatus } from './status-reasons';

/** Words that put a number among HTTP requests and answers. */
const HTTP_WORDS =
  /(?<![\p{L}\p{N}])(?:https?|api|apis|endpoints?|webhooks?|requests?|responses?|respond\p{L}*|reply|server|proxy|gateway|nginx|upstream|client|curl|postman|fetch|axios|status|header|headers|auth\p{L}*|token|bearer|credentials?|json|url|route|retr(?:y|ies|ied|yable)|rate[ _-]?limit\p{L}*|forbidden|unauthori[sz]ed|error|errors|fail\p{L}*|halt|abort|reject\p{L}*|delivery|deliveries|solicitud|respuesta|petici[óo]n|resposta|requisi[çc][ãa]o|servidor|risposta|richiesta|anfrage|antwort|requête|réponse|сервер\p{L}*|ответ\p{L}*|запрос\p{L}*|请求|响应|接口|リクエスト|レスポンス|요청|응답)(?![\p{L}\p{N}])/iu;
/** How far on each side of the number such a word may stand. */
const HTTP_WORD_WINDOW = 300;

/** Another system's numbers named on the number's line just before it. */
const OTHER_SYSTEM_BEFORE =
  /(?<![\p{L}])(?:grpc|twilio|marketo|smtp|errno|exit(?:[ _-]?code)?|sqlstate|ora|winerror|signal|pid|port|line|column|ln|col)(?![\p{L}])[^\n]{0,24}$/iu;

/**
 * Numbers that make a line a row of amounts, sizes, times or IDs: four or more digits ("1000", a
 * year, a PID), or three from 600 up.
 */
const OTHER_NUMBER = /(?<![\p{L}\p{N}_.])(?:\d{4,}|[6-9]\d\d)(?!\p{N})/u;
/** How far along its own line the number's neighbours are read. */
const LINE_WINDOW = 100;

/** Farthest a line is read back or forth from the number. */
const LINE_READ = 240;

/** Start of the number's line, or where reading back stopped. */
const lineStartBefore = (text: string, at: number): number => lineStartWithin(text, at, LINE_READ);

/** End of the number's line, or where reading on stopped. */
const lineEndAfter = (text: string, at: number): number => lineEndWithin(text, at, LINE_READ);

/**
 * The name of the field or key a value belongs to: `"content-length"=>["499"]`, `userId: 523`, or
 * a key/value table's key cell (`| retries | 500 |`).
 */
const FIELD_NAME_BEFORE = /([\p{L}_][\p{L}\p{N}_-]{0,30})["'`\]]?[ \t]{0,2}(?:=>|[:=|])[ \t]{0,2}[[("'`]{0,2}$/u;
/** Name parts that hold amounts, sizes, times and IDs, never statuses. */
const AMOUNT_NAME =
  /^(?:length|size|count|total|limit|max|min|id|ids|port|timeout|delay|interval|ms|millis|seconds?|secs|sleep|wait|width|height|offset|index|page|line|version|year|age|price|amount|number|num|qty|quantity|capacity|ttl|duration|retries|attempts)$/i;
/** The last part of a snake, kebab or camel case name: `content-length` → `length`, `userId` → `Id`. */
const LAST_NAME_PART = /(?:[A-Z]?[a-z]+|[A-Z]+|\p{L}+)$/u;
/** Names that speak of statuses, whatever their last part (`_STATUS_CODE_GATEWAY_TIMEOUT`). */
const STATUS_NAME =
  /status|code|error|err|http|halt|abort|fail|reply|respond|response|send|raise|throw|exception|problem|result|return|writehead/i;

/** A plural noun names what is counted: "Errors: 500", "Failed jobs: 400" (not "status", "bus"). */
const PLURAL_NOUN = /\p{L}{2}[^su]s$/iu;

function namesAmount(name: string): boolean {
  const last = LAST_NAME_PART.exec(name)?.[0] ?? '';
  return !STATUS_NAME.test(name) && AMOUNT_NAME.test(last);
}

/** The label before a colon counts things when it is a plural noun: "Errors: 500", "Failed jobs: 400". */
function namesCount(name: string): boolean {
  return PLURAL_NOUN.test(name);
}

/**
 * A call whose argument the number is, on its line: `setReadTimeout(500)`, `createError('x', 401)`.
 * The number comes right after the bracket or after a comma, within this many characters.
 */
const CALL_ARGUMENTS = 122;
const ARGUMENT_SEPARATOR_END = /,[ \t]*$/;
const CALL_NAME_END = /[\p{L}_$][\p{L}\p{N}_$.]{0,40}$/u;

/** Calls that answer a request with a status (Node's `res.writeHead(503, …)`, Go's `w.WriteHeader(502)`). */
const ANSWER_CALL = /status|halt|abort|http|writehead/i;

/** An opening tag and its name, right before the number: `<userId>523`. */
const ELEMENT_BEFORE = /<([A-Za-z][\w:-]{0,30})[^<>\n]{0,40}>$/;

/** Words that join a number to what follows without being what it counts. */
const FUNCTION_WORD =
  '(?:a|an|the|for|on|in|to|of|when|if|and|or|but|with|from|by|at|is|was|are|were|as|so|then|than|because|since|until|while|instead|not|no|en|de|el|la|con|por|para|y|o|und|oder|mit|bei|et|ou|avec|pour|sur)';
/**
 * One or two words, then a plural noun: what the number counts ("500 failed deliveries", "500
 * webhook requests"), unless a joining word comes first ("401 for all requests").
 */
const COUNTED_AFTER = new RegExp(
  `(?:[ \\t\\u00a0]{1,2}(?!${FUNCTION_WORD}[ \\t])\\p{L}[\\p{L}-]{1,20}){1,2}[ \\t\\u00a0]{1,2}(?!(?:errors|responses|codes|statuses)(?![\\p{L}]))\\p{L}{1,20}[^su\\P{L}]s(?![\\p{L}\\p{N}])`,
  'iuy',
);

/** A size in bytes or a count of people right after the number: "404 B", "500 people". */
const UNIT_OR_PEOPLE_AFTER = /[ \t\u00a0]?(?:B|people|persons)(?![\p{L}\p{N}_])/uy;

/**
 * A label that counts, right before the number on its line: a card's "Events 500", or a counted
 * noun ("recipients 404").
 */
const COUNT_LABEL_LINE = /^[ \t]*\p{L}[\p{L}-]{1,24}[^\P{L}su]s[ \t:]{1,3}$/u;
const COUNTED_NOUN_BEFORE =
  /(?<![\p{L}])(?:events|users|people|contacts|recipients|subscribers|customers|profiles|deliveries|messages|emails|items|records|rows|jobs)[ \t:]{1,3}$/iu;

/** A noun, then a word of limits: "500 request limit", "400 event batch". */
const LIMIT_AFTER =
  /[ \t\u00a0]{1,2}\p{L}{2,20}[ \t\u00a0]{1,2}(?:limit|limits|cap|quota|max(?:imum)?|budget|threshold|window|batch|batches)(?![\p{L}\p{N}])/iuy;

/**
 * An amount, a limit or a time right before the number, maybe joined by a small word: "timeout
 * to 500", "expires in 500", "limit of 429", "after 500".
 */
const AMOUNT_BEFORE =
  /(?<![\p{L}\p{N}_])(?:(?:timeout|time-?out|limit|max(?:imum)?|min(?:imum)?|delay|interval|size|length|ttl|sleep|wait|budget|threshold|quota|capacity|expires?|expir(?:y|ation)|lasts?|takes?|took|increase[sd]?|decrease[sd]?|reduce[sd]?|double[sd]?)(?:[ \t]{1,2}(?:to|of|at|is|in|after|by|=|:))?|in|after|within|every|each)[ \t]{1,2}[`"']?$/iu;

/** A thousands group after the number ("500 000") or a decimal comma ("400,5"). */
const NUMBER_GOES_ON = /[ \u00a0\u202f]\d{3}(?!\d)|,\d(?!\d)/y;
/** The rest of a list of codes written with spaces between (`error_page 500 502 504`). */
const MORE_CODES = /(?: [45]\d\d(?!\d))+/y;
/** Where such a list ends: a mark, the line's end, or "and"/"or" before its last member. */
const LIST_END = /[ \t]*(?:$|[^\p{L}\p{N}\s]|(?:and|or|und|oder|et|ou|y|o|e)(?![\p{L}\p{N}]))/muy;

/**
 * True when what follows the number is a list of named failing statuses with plain spaces between
 * ("retry on 500 502 503 504"), not a thousands group: every member is a status with a name, and
 * the list ends at a mark or "and"/"or" ("400 500 times" stays a count).
 */
function listOfCodesAfter(text: string, codeEnd: number): boolean {
  const more = execAt(MORE_CODES, text, codeEnd);
  if (more === null) return false;
  for (const member of more[0].trim().split(' ')) if (!isNamedStatus(Number(member))) return false;
  return execAt(LIST_END, text, codeEnd + more[0].length) !== null;
}

/** The number that opens a line, after a list or table mark: "% 170: MAILBOX NOT FOUND", "| 1000 |". */
const LEADING_NUMBER = /^[^\p{L}\p{N}\n]{0,4}(\d+)(?!\p{N})/u;
/** Statuses below 400 that a list of statuses may hold beside failures. */
const NAMED_BELOW_400 = new Set([100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 307, 308]);

/**
 * True when a line next to the number's line opens with a number that is no status: the number is
 * one of a list or column of other things ("% 170: MAILBOX NOT FOUND", "| records | 1000 |").
 */
function hasOtherNumberBeside(text: string, lineStart: number, lineEnd: number): boolean {
  const lines: string[] = [];
  if (lineStart > 0 && text.charAt(lineStart - 1) === '\n') lines.push(text.slice(lineStartBefore(text, lineStart - 1), lineStart - 1));
  if (text.charAt(lineEnd) === '\n') lines.push(text.slice(lineEnd + 1, lineEndAfter(text, lineEnd + 1)));
  for (const row of lines) {
    const leading = LEADING_NUMBER.exec(row)?.[1];
    if (leading !== undefined && leading.length === 3 && !isNamedStatus(Number(leading)) && !NAMED_BELOW_400.has(Number(leading)))
      return true;
    if (row.includes('|') && OTHER_NUMBER.test(row)) return true;
  }
  return false;
}

/** HTTP_WORDS for a pass over a whole text (one regex for every text: building it per text cost more than the pass). */
const EVERY_HTTP_WORD = new RegExp(HTTP_WORDS.source, 'giu');

/** Offsets where words about HTTP start, found in one pass over the text. */
function httpWordOffsets(text: string): number[] {
  const offsets: number[] = [];
  EVERY_HTTP_WORD.lastIndex = 0;
  for (let word = EVERY_HTTP_WORD.exec(text); word !== null; word = EVERY_HTTP_WORD.exec(text)) offsets.push(word.index);
  return offsets;
}

/** True when a sorted offset falls in [from, to). */
function hasOffsetIn(offsets: readonly number[], from: number, to: number): boolean {
  const first = firstAtOrAfter(offsets, from);
  return first < offsets.length && offsets[first]! < to;
}

/** Right after a call's opening bracket or an argument's comma (spaces aside). */
function isArgumentPlace(text: string, codeStart: number): boolean {
  let at = codeStart - 1;
  while (at > codeStart - 4 && (text.charAt(at) === ' ' || text.charAt(at) === '\t')) at -= 1;
  const char = text.charAt(at);
  return char === '(' || char === ',';
}

/** The call whose argument list the number opens or continues on its line: its name, or null. */
function callNameBefore(lineBefore: string): string | null {
  const paren = lineBefore.lastIndexOf('(');
  if (paren < 0) return null;
  const inside = lineBefore.slice(paren + 1);
  if (inside !== '' && (inside.length > CALL_ARGUMENTS || inside.includes(')') || !ARGUMENT_SEPARATOR_END.test(inside))) return null;
  return CALL_NAME_END.exec(lineBefore.slice(Math.max(0, paren - 41), paren))?.[0] ?? null;
}

/**
 * Reads lone well-known codes of one text by the default (see the top of this file). One reader
 * serves one scan: the words about HTTP are found once, when the first number needs them.
 */
export class StatusDefault {
  private httpWords: number[] | null = null;

  constructor(private readonly text: string) {}

  reads(codeStart: number, codeEnd: number): boolean {
    const text = this.text;
    this.httpWords ??= httpWordOffsets(text);
    const nearHttp = hasOffsetIn(this.httpWords, codeStart - HTTP_WORD_WINDOW, codeEnd + HTTP_WORD_WINDOW);
    // Cheap gate first: with no HTTP word near, only a call's argument may still be a status.
    if (!nearHttp && !isArgumentPlace(text, codeStart)) return false;
    const lineStart = lineStartBefore(text, codeStart);
    const lineBefore = text.slice(Math.max(lineStart, codeStart - 160), codeStart);
    const call = isArgumentPlace(text, codeStart) ? callNameBefore(lineBefore) : null;
    // A call that answers with a status is HTTP enough on its own: `res.sendStatus(404)`, `abort(403)`.
    if (!nearHttp && (call === null || !ANSWER_CALL.test(call))) return false;
    if (call !== null && !STATUS_NAME.test(call)) return false;
    return !this.saysOtherNumber(codeStart, codeEnd, lineStart, lineBefore);
  }

  /** True when something around the number says it is another kind of number. */
  private saysOtherNumber(codeStart: number, codeEnd: number, lineStart: number, lineBefore: string): boolean {
    const text = this.text;
    const previous = text.charAt(codeStart - 1);
    // An nginx connection number (`*421 upstream timed out`), a port (`host:443`).
    if (previous === '*' && text.charAt(codeEnd) !== '*') return true;
    if (previous === ':' && /[\p{L}\p{N}]/u.test(text.charAt(codeStart - 2))) return true;
    if (execAt(NUMBER_GOES_ON, text, codeEnd) !== null && !listOfCodesAfter(text, codeEnd)) return true;
    if (execAt(COUNTED_AFTER, text, codeEnd) !== null) return true;
    if (execAt(LIMIT_AFTER, text, codeEnd) !== null || execAt(UNIT_OR_PEOPLE_AFTER, text, codeEnd) !== null) return true;
    if (COUNT_LABEL_LINE.test(lineBefore) || COUNTED_NOUN_BEFORE.test(lineBefore.slice(-24))) return true;
    if (AMOUNT_BEFORE.test(lineBefore.slice(-24))) return true;
    // Another code's reason phrase beside it ("we have 404 Unauthorized users"): a muddle, not a default.
    if (hasAnyPhraseAfter(text, codeEnd) || hasAnyPhraseBefore(text, codeStart)) return true;
    if (OTHER_SYSTEM_BEFORE.test(lineBefore.slice(-40))) return true;
    const tail = lineBefore.slice(-8);
    if (tail.includes(':') || tail.includes('=') || tail.includes('|')) {
      const field = FIELD_NAME_BEFORE.exec(lineBefore.slice(-48))?.[1] ?? '';
      if (namesAmount(field) || namesCount(field)) return true;
    }
    if (lineBefore.endsWith('>')) {
      const element = ELEMENT_BEFORE.exec(lineBefore.slice(-80));
      if (element && !STATUS_NAME.test(element[1] ?? '')) return true;
    }
    const lineEnd = lineEndAfter(text, codeEnd);
    const line = text.slice(Math.max(lineStart, codeStart - LINE_WINDOW), Math.min(lineEnd, codeEnd + LINE_WINDOW));
    if (OTHER_NUMBER.test(line) || hasOtherNumberBeside(text, lineStart, lineEnd)) return true;
    return isSmtpCode(text, codeStart, codeEnd) && isNearMailDelivery(text, codeStart, codeEnd);
  }
}
