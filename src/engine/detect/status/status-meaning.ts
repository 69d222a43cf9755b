// A number whose neighbouring words say what that very status means, as an error message or a
// reader does: "401 Invalid API key", `401 "API key required"`, "403 Access denied", "429 Rate
// limit exceeded", "401 auth failures", "a rate limit 429". The words must fit the code (an auth
// failure after 401, not after 500), and the nouns are singular, so counts ("401 invalid tokens",
// "500 failed jobs") stay amounts. Also a quoted message that opens with the number
// (`500 Vector store upsert failed`), and an error message that ends in one ("Failed to send
// card: 400, …"). Every pattern is anchored and reads a bounded window.
import { execAt } from '../shared/text-match';

/** Between the number and its message: spaces, then a quote, colon or dash at most. */
const LEAD = String.raw`[ \t\u00a0]{1,2}(?:[-:–][ \t\u00a0]{1,2})?["'“‘\x60]?`;
/** A few words before the meaning ("User with provided api key not found"). */
const FEW_WORDS = String.raw`(?:[\p{L}][\p{L}'’-]{0,15}[ \t\u00a0]){0,3}`;
const END = String.raw`(?![\p{L}\p{N}])`;

const CREDENTIAL = String.raw`(?:api[ _-]?key|key|token|bearer(?:[ _-]token)?|credentials?|auth(?:entication|orization)?(?:[ _-]header)?|signature|jwt|session|password|secret)`;
const BROKEN = String.raw`(?:no|missing|invalid|bad|wrong|incorrect|expired|revoked|malformed|unknown|empty)`;
const FAILED = String.raw`(?:fail(?:ed|ure|ures|s)?|errors?|issues?|problems?|invalid|required|missing|denied|rejected|not[ _-]found|expired)`;

/** What each status means, in the words error messages use. */
const MEANINGS: ReadonlyArray<readonly [ReadonlySet<number>, string]> = [
  [
    new Set([401]),
    `${BROKEN}[ _-]{1,2}(?:[\\p{L}]{2,12}[ _-])?${CREDENTIAL}|${CREDENTIAL}[ _-](?:is[ _-])?${FAILED}|unauthori[sz]ed|unauthenticated|not[ _-](?:authenticated|authori[sz]ed|logged[ _-]in)|authentication[ _-]required`,
  ],
  [
    new Set([403]),
    `forbidden|(?:access|permission)[ _-]denied|not[ _-](?:allowed|permitted|authori[sz]ed)|insufficient[ _-](?:permissions?|scopes?|privileges)|${BROKEN}[ _-]{1,2}${CREDENTIAL}`,
  ],
  [new Set([429]), String.raw`rate[ _-]?limit(?:ed|ing)?|too[ _-]many[ _-]requests|quota[ _-](?:exceeded|reached)`],
  [new Set([404]), String.raw`not[ _-]found|no[ _-]such|does[ _-]not[ _-]exist|unknown[ _-](?:route|endpoint|webhook|hook|path|url)`],
  [
    new Set([400, 422]),
    String.raw`invalid[ _-](?:request|json|payload|body|parameter|param|input|argument|field)|validation[ _-](?:error|failed)|malformed|(?:missing|required)[ _-](?:field|parameter|param|property)|unprocessable`,
  ],
];

const MEANING_AFTER = MEANINGS.map(([codes, words]) => [codes, new RegExp(`${LEAD}${FEW_WORDS}(?:${words})${END}`, 'iuy')] as const);

/** End of the words after the digits that say what this status means, or -1. */
export function meaningWordsAfter(text: string, code: number, codeEnd: number): number {
  // Cheap gate first: the message starts after a space.
  const next = text.charAt(codeEnd);
  if (next !== ' ' && next !== '\t' && next !== '\u00a0') return -1;
  for (const [codes, pattern] of MEANING_AFTER) {
    if (!codes.has(code)) continue;
    const match = execAt(pattern, text, codeEnd);
    if (match) return codeEnd + match[0].length;
  }
  return -1;
}

/** Words right before 429 that say what it means: "not a rate limit 429", "rate-limited: 429". */
const RATE_LIMIT_BEFORE = /(?<![\p{L}])(?:rate[ _-]?limit(?:ed|ing)?)[ \t\u00a0:(]{1,3}$/iu;
const MEANING_BEFORE_WINDOW = 24;

export function hasMeaningBefore(text: string, code: number, codeStart: number): boolean {
  return code === 429 && RATE_LIMIT_BEFORE.test(text.slice(Math.max(0, codeStart - MEANING_BEFORE_WINDOW), codeStart));
}

/** Words of failure that make a quoted "NNN words" a status message. */
const FAILURE_WORD =
  /(?<![\p{L}])(?:fail\p{L}*|error|invalid|missing|required|denied|exceeded|expired|unavailable|not[ _-]found|unauthori[sz]ed|forbidden|refused|timed?[ _-]?out|limit)(?![\p{L}])/iu;
/** Longest quoted message read after the number. */
const QUOTED_MESSAGE = /(?::[ \t]?|[ \t]{1,2}(?:-[ \t])?)([^\n"'`”’]{3,80})["'`”’]/y;
const OPENING_QUOTE = /["'`“‘]/;

/**
 * End of a quoted message that opens with the number and says something failed, or -1:
 * `500 Vector store upsert failed`, `500: Failed sending HTTP POST request`.
 */
export function quotedMessageEnd(text: string, codeStart: number, codeEnd: number): number {
  if (!OPENING_QUOTE.test(text.charAt(codeStart - 1))) return -1;
  const match = execAt(QUOTED_MESSAGE, text, codeEnd);
  if (!match || !FAILURE_WORD.test(match[1] ?? '')) return -1;
  return codeEnd + match[0].length;
}

/**
 * An error message whose last word is the number: "Failed to send card: 400, Summary or Text is
 * required.", "Erreur API OpenAI: 401". Singular "error" only: "Errors: 400" is a count.
 */
const FAILURE_PREFIX =
  /(?<![\p{L}])(?:error|erreur|fehler|failed[ \t]to|unable[ \t]to|could[ \t]not|couldn['’]t|[ée]chec)(?:[ \t][\p{L}][\p{L}\p{N}._-]{0,20}){1,4}[ \t]?:[ \t]{1,2}$/iu;
/** A cheap test for one of those words, before the costlier pattern. */
const FAILURE_GATE = /err|fehl|fail|unabl|could|chec/i;
/** Words in such a prefix that make the number an amount: "Error count: 400". */
const AMOUNT_IN_PREFIX =
  /(?<![\p{L}])(?:count|total|number|rows|items|records|size|length|line|lines|col|column|offset|limit|max|min)(?![\p{L}])/iu;
const MESSAGE_END_AFTER = /[ \t]{0,2}(?:$|[\r\n,.;"'`)\]]|[ \t][-–—][ \t])/y;
const PREFIX_WINDOW = 80;

export function endsFailureMessage(text: string, codeStart: number, codeEnd: number): boolean {
  // Cheap gate first: a colon right before the number (maybe two spaces between).
  let colon = codeStart - 1;
  while (colon > codeStart - 3 && (text.charAt(colon) === ' ' || text.charAt(colon) === '\t')) colon -= 1;
  if (text.charAt(colon) !== ':') return false;
  const before = text.slice(Math.max(0, codeStart - PREFIX_WINDOW), codeStart);
  const lineBefore = before.slice(before.lastIndexOf('\n') + 1);
  if (!lineBefore.includes(':') || !FAILURE_GATE.test(lineBefore)) return false;
  const match = FAILURE_PREFIX.exec(lineBefore);
  return match !== null && !AMOUNT_IN_PREFIX.test(match[0]) && execAt(MESSAGE_END_AFTER, text, codeEnd) !== null;
}
