// Reason phrases that may follow a 4xx/5xx status code: RFC 9110 names (old and new), and the
// non-standard ones that ESPs, CDNs and proxies show (Braze 529/598/599, HubSpot 477,
// Cloudflare 52x, nginx 444/499).
import { execAt, wordBefore } from './text-match';

const REASON_PHRASES: ReadonlyArray<readonly [number, ...string[]]> = [
  [400, 'Bad Request'],
  [401, 'Unauthorized', 'Unauthorised'],
  [402, 'Payment Required'],
  [403, 'Forbidden'],
  [404, 'Not Found'],
  [405, 'Method Not Allowed'],
  [406, 'Not Acceptable'],
  [407, 'Proxy Authentication Required'],
  [408, 'Request Timeout', 'Request Time-out'],
  [409, 'Conflict'],
  [410, 'Gone'],
  [411, 'Length Required'],
  [412, 'Precondition Failed'],
  [413, 'Content Too Large', 'Payload Too Large', 'Request Entity Too Large'],
  [414, 'URI Too Long', 'Request-URI Too Long', 'Request-URI Too Large'],
  [415, 'Unsupported Media Type'],
  [416, 'Range Not Satisfiable', 'Requested Range Not Satisfiable'],
  [417, 'Expectation Failed'],
  [418, "I'm a teapot"],
  [421, 'Misdirected Request'],
  [422, 'Unprocessable Content', 'Unprocessable Entity'],
  [423, 'Locked'],
  [424, 'Failed Dependency'],
  [425, 'Too Early'],
  [426, 'Upgrade Required'],
  [428, 'Precondition Required'],
  [429, 'Too Many Requests'],
  [431, 'Request Header Fields Too Large'],
  [444, 'No Response'],
  [451, 'Unavailable For Legal Reasons'],
  [477, 'Migration in Progress'],
  [494, 'Request Header Too Large'],
  [495, 'SSL Certificate Error'],
  [496, 'SSL Certificate Required'],
  [497, 'HTTP Request Sent to HTTPS Port'],
  [499, 'Client Closed Request'],
  [500, 'Internal Server Error'],
  [501, 'Not Implemented'],
  [502, 'Bad Gateway'],
  [503, 'Service Unavailable', 'Service Temporarily Unavailable'],
  [504, 'Gateway Timeout', 'Gateway Time-out', 'Gateway Timed Out'],
  [505, 'HTTP Version Not Supported'],
  [506, 'Variant Also Negotiates'],
  [507, 'Insufficient Storage'],
  [508, 'Loop Detected'],
  [510, 'Not Extended'],
  [511, 'Network Authentication Required'],
  [520, 'Web Server Returned an Unknown Error', 'Unknown Error'],
  [521, 'Web Server Is Down'],
  [522, 'Connection Timed Out'],
  [523, 'Origin Is Unreachable'],
  [524, 'A Timeout Occurred'],
  [525, 'SSL Handshake Failed'],
  [526, 'Invalid SSL Certificate'],
  [527, 'Railgun Error'],
  [529, 'Host Overloaded', 'Site is overloaded'],
  [598, 'Host Unhealthy', 'Network Read Timeout Error'],
  [599, 'Connection Error', 'Network Connect Timeout Error'],
];

/** Lower case, one space between words, straight apostrophes: "Request-URI  Too Long" → "request uri too long". */
function normalizePhrase(phrase: string): string {
  return phrase.toLowerCase().replace(/[’]/g, "'").replace(/[\s_-]+/g, ' ');
}

/** Regex source for one phrase: words may be joined by spaces, `_` or `-` (NOT_FOUND, Time-out). */
function phrasePattern(phrase: string): string {
  return phrase
    .split(/[\s-]+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
    .join('[ \\t\\u00a0_-]{1,3}');
}

const CODES_BY_PHRASE = new Map<string, number>();
for (const [code, ...phrases] of REASON_PHRASES) {
  for (const phrase of phrases) CODES_BY_PHRASE.set(normalizePhrase(phrase), code);
}

// Longest first, so "Service Temporarily Unavailable" wins over a shorter prefix.
const ALL_PHRASES = [...CODES_BY_PHRASE.keys()].sort((a, b) => b.length - a.length);

const PHRASE_ALTERNATIVES = ALL_PHRASES.map(phrasePattern).join('|');
const SPACE = '[ \\t\\u00a0]';
/** The end of a word in a script with spaces; Korean and Japanese particles may follow ("Error가"). */
const NO_LATIN_AFTER = '(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{N}_])';

/**
 * Right after the digits: an optional closing bracket ("(401) Unauthorized"), an optional dash
 * or colon, then a known reason phrase, possibly in brackets ("404 (Not Found)"), ending at a
 * word boundary. Sticky (anchored at the offset it is run at), so the cost per candidate is
 * bounded by the longest phrase.
 */
const REASON_AFTER = new RegExp(
  `([)\\]\`*]?)${SPACE}{0,3}(?:(?:\\r?\\n${SPACE}{0,8}){1,2})?(?:[-:–—|]${SPACE}{0,3})?(\\(?)(${PHRASE_ALTERNATIVES})${NO_LATIN_AFTER}`,
  'iuy',
);

/**
 * Generic words after a code that also mark it as a status: "500 error", "HTTP 429 Response
 * Code", Python requests' "403 Client Error: Forbidden for url".
 */
const GENERIC_AFTER = new RegExp(
  `${SPACE}{1,3}(?:[-:]${SPACE}{0,3})?(?:(?:response|status|error|https?)[ _-]?code|https?[ _-]status|(?:client|server)${SPACE}{1,3}error|(?:\\p{L}{3,16}${SPACE}{1,2})?error(?:ed|ing)?)${NO_LATIN_AFTER}`,
  'iuy',
);

/**
 * A reason phrase right before the code: in brackets ("Forbidden (403)", "Not Found [404]") or
 * plain, with a dash or colon at most ("Payload Too Large 413", "Not Found: 404").
 */
const REASON_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(${PHRASE_ALTERNATIVES})${SPACE}{0,3}(?:[(\\[]|(?:[-:–—]${SPACE}{0,3})?(?<=[\\s:–—-]))$`,
  'iu',
);

/** The last word of every phrase: a phrase can only end before a code with one of them. */
const LAST_WORDS = new Set(ALL_PHRASES.map((phrase) => phrase.split(/[\s']/).at(-1) ?? ''));
const REASON_GAPS = new Set([' ', '\t', '\u00a0', '\n', '\r', ':', '–', '—', '(', '[', '-']);
const isReasonGap = (char: string): boolean => REASON_GAPS.has(char);

/** Longest text examined before a bracketed code: the longest phrase and its spacing. */
const REASON_BEFORE_WINDOW = Math.max(...ALL_PHRASES.map((phrase) => phrase.length)) * 2 + 8;

export interface PhraseAfter {
  /** Offset where the phrase after the code ends. */
  end: number;
  /** True when the phrase opened with a closing bracket, as in "(401) Unauthorized". */
  closesBracket: boolean;
}

/**
 * The reason phrase (or a generic "error" / "response code") that follows the digits ending at
 * `codeEnd`, when it belongs to `code`; null otherwise. A reason phrase of another code does not
 * count ("404 Forbidden" is not evidence for 404).
 */
export function phraseAfterCode(text: string, codeEnd: number, code: number): PhraseAfter | null {
  const reason = execAt(REASON_AFTER, text, codeEnd);
  if (reason && CODES_BY_PHRASE.get(normalizePhrase(reason[3] ?? '')) === code) {
    let end = codeEnd + reason[0].length;
    if (reason[2] === '(' && text.charAt(end) === ')') end += 1; // "404 (Not Found)"
    return { end, closesBracket: reason[1] !== '' };
  }
  const generic = execAt(GENERIC_AFTER, text, codeEnd);
  if (generic) return { end: codeEnd + generic[0].length, closesBracket: false };
  return null;
}

/**
 * Where the reason phrase of `code` starts when it comes first ("Forbidden (403)", "Payload Too
 * Large 413"), or -1.
 */
export function reasonStartBeforeCode(text: string, codeStart: number, code: number): number {
  if (!isReasonGap(text.charAt(codeStart - 1))) return -1;
  if (!LAST_WORDS.has(wordBefore(text, codeStart, isReasonGap).toLowerCase())) return -1;
  const windowStart = Math.max(0, codeStart - REASON_BEFORE_WINDOW);
  const reason = REASON_BEFORE.exec(text.slice(windowStart, codeStart));
  if (!reason || CODES_BY_PHRASE.get(normalizePhrase(reason[1] ?? '')) !== code) return -1;
  return windowStart + reason.index;
}

const NAMED_CODES = new Set(CODES_BY_PHRASE.values());

/** True for the codes that have a name (RFC 9110 and the common non-standard ones). */
export function isNamedStatus(code: number): boolean {
  return NAMED_CODES.has(code);
}

/** The codes a reason phrase names, for tests and the catalog ("too many requests" → 429). */
export function codeForReasonPhrase(phrase: string): number | undefined {
  return CODES_BY_PHRASE.get(normalizePhrase(phrase));
}
