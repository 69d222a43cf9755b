// Finds rate-limit headers quoted in text: header lines (`Retry-After: 30`) and JSON or
// quoted pairs (`"x-ratelimit-remaining": "0"`), any case. One regex pass; values are read
// from the match only, at most a short line long.

export interface HeaderMention {
  /** Lowercase header name. */
  name: string;
  value: string;
  /** Where the mention starts and ends in the text (name through value). */
  start: number;
  end: number;
}

const MAX_VALUE_LENGTH = 512;
const NAMES = [
  'retry-after',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-rate-limit-limit',
  'x-rate-limit-remaining',
  'x-rate-limit-reset',
  'x-sib-ratelimit-limit',
  'x-sib-ratelimit-remaining',
  'x-sib-ratelimit-reset',
].join('|');
const MENTION = new RegExp(`^[ \\t]{0,64}(?:[<>|*-][ \\t]{0,8})?(${NAMES})[ \\t]*:` + `|(\\\\?["'])(${NAMES})\\2[ \\t]*:`, 'gim');

/** Every rate-limit header mentioned in `text`, in order. */
export function findRateLimitMentions(text: string): HeaderMention[] {
  const mentions: HeaderMention[] = [];
  MENTION.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = MENTION.exec(text)) !== null) {
    const name = (match[1] ?? match[3] ?? '').toLowerCase();
    const nameStart = match.index + match[0].search(/[A-Za-z"'\\]/);
    let i = match.index + match[0].length;
    while (text[i] === ' ' || text[i] === '\t') i += 1;
    // Only a quoted key (JSON) has a quoted value; on a header line quotes belong to the value.
    const value = match[2] !== undefined ? readValue(text, i) : readLine(text, i);
    mentions.push({ name, value: value.text, start: nameStart, end: value.end });
    MENTION.lastIndex = Math.max(MENTION.lastIndex, value.end);
  }
  return mentions;
}

/** A quoted value up to its closing quote (escaped quotes allowed), or an unquoted JSON value. */
function readValue(text: string, start: number): { text: string; end: number } {
  const limit = Math.min(text.length, start + MAX_VALUE_LENGTH);
  if (text.startsWith('\\"', start)) return readDoublyEscaped(text, start + 2, limit);
  const quote = text[start] === '"' || text[start] === "'" ? text[start] : '';
  if (quote !== '') return readQuoted(text, start + 1, limit, quote);
  // An unquoted JSON number ends at a comma or brace: `"x-ratelimit-remaining": 0,`.
  const line = readLine(text, start);
  const jsonNumber = /^(\d+(?:\.\d+)?)\s*[,}\]]/.exec(line.text)?.[1];
  return jsonNumber === undefined ? line : { text: jsonNumber, end: start + jsonNumber.length };
}

/** The rest of the line, trimmed. */
function readLine(text: string, start: number): { text: string; end: number } {
  const limit = Math.min(text.length, start + MAX_VALUE_LENGTH);
  let end = start;
  while (end < limit && text[end] !== '\n' && text[end] !== '\r') end += 1;
  const raw = text.slice(start, end);
  return { text: raw.trim(), end: start + raw.trimEnd().length };
}

/** A JSON string: `\x` stands for x (RateLimit values quote their policy names). */
function readQuoted(text: string, from: number, limit: number, quote: string): { text: string; end: number } {
  const chars: string[] = [];
  let i = from;
  for (; i < limit; i += 1) {
    const char = text[i] ?? '';
    if (char === '\n' || char === '\r') break;
    if (char === quote) return { text: chars.join('').trim(), end: i + 1 };
    if (char === '\\') {
      i += 1;
      chars.push(text[i] ?? '');
    } else {
      chars.push(char);
    }
  }
  return { text: chars.join('').trim(), end: Math.min(i, limit) };
}

/** JSON inside a JSON string (`\"x-ratelimit-reset\":\"30\"`): the value ends at the next `\"`. */
function readDoublyEscaped(text: string, from: number, limit: number): { text: string; end: number } {
  let i = from;
  for (; i < limit; i += 1) {
    if (text[i] === '\n' || text[i] === '\r') break;
    if (text[i] === '\\' && text[i + 1] === '"' && text[i - 1] !== '\\') {
      return { text: unescapeInner(text.slice(from, i)), end: i + 2 };
    }
  }
  return { text: unescapeInner(text.slice(from, i)), end: i };
}

function unescapeInner(value: string): string {
  return value
    .replace(/\\\\\\"/g, '"')
    .replace(/\\\\/g, '\\')
    .trim();
}
