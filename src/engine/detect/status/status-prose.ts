// Plain-language context around a candidate status code, as people write it in issues, chats and
// docs: a verb of failing or receiving before it ("failed with 401", "I only ever get a 503
// back", "devuelve un 403", "liefert einen 403", "返回403"), and words after it that make it a
// status ("502 errors", "a 404 response", "403エラー", "403 에러", "403-Fehler"). A verb alone is
// weak evidence: the words after the number must not make it an amount ("got 500 recipients").
// Every pattern reads a bounded window, so the cost per candidate is constant.
import { execAt, wordBefore } from '../shared/text-match';

/** Verbs of failing, answering or receiving, in the languages people paste logs in. */
const VERBS = [
  // en
  'fail(?:s|ed|ing)?',
  'error(?:ed|ing)',
  'errors\\s+(?:out\\s+)?with',
  'crash(?:es|ed|ing)?',
  'die[sd]',
  'reject(?:s|ed|ing)?',
  'abort(?:s|ed|ing)?',
  'return(?:s|ed|ing)?',
  'respond(?:s|ed|ing)?',
  'answer(?:s|ed|ing)?',
  'repl(?:y|ies|ied|ying)',
  'throw(?:s|n|ing)?',
  'threw',
  'giv(?:e|es|en|ing)',
  'gave',
  'get(?:s|ting)?',
  'got(?:ten)?',
  'receiv(?:e|es|ed|ing)',
  'see(?:s|ing|n)?',
  'saw',
  'hit(?:s|ting)?',
  'encounter(?:s|ed|ing)?',
  'experienc(?:e|es|ed|ing)',
  'result(?:s|ed|ing)?\\s+in',
  'c(?:o|a)m(?:e|es|ing)\\s+back',
  'end(?:s|ed)?\\s+(?:up\\s+)?with',
  'rais(?:e|es|ed|ing)',
  'produc(?:e|es|ed|ing)',
  'yield(?:s|ed|ing)?',
  'caus(?:e|es|ed|ing)',
  'trigger(?:s|ed|ing)?',
  'sen(?:d|ds|t|ding)\\s+back',
  'sen(?:d|ds|ding)',
  'spit(?:s|ting)?\\s+out',
  'emit(?:s|ted|ting)?',
  'show(?:s|ed|ing|n)?',
  'bounc(?:e|es|ed)',
  'denied',
  'refused',
  'includ(?:e|es|ed|ing)',
  'contain(?:s|ed|ing)?',
  'expected',
  'avoid(?:s|ed|ing)?',
  'prevent(?:s|ed|ing)?',
  'fix(?:es|ed|ing)?',
  // A code used as a verb after a modal ("should 401 or 400", "will 404 unless"), and a retry
  // rule's condition ("retries on 400", "retry by default on 504").
  'should',
  'would',
  'will',
  'must',
  'retr(?:y|ies|ied|ying)(?:[ \\t]{1,3}[a-z]{1,12}){0,2}[ \\t]{1,3}on',
  // A monitoring rule on a code: "alert on 503".
  'alert(?:s|ing)?\\s+on',
  // es, pt
  'devuelv(?:e|en)',
  'devolvi[óo]',
  'devolviendo',
  'devolver',
  'retorn(?:a|an|[óo]|ou|ando)',
  'respond(?:e|en|i[óo]|iendo|[íi]a)',
  'obteng[oa]',
  'obtenemos',
  'obtuve',
  'obtiene',
  'recib(?:o|imos|[íi]|e|en|iendo)',
  'receb(?:o|i|e)',
  'me\\s+da',
  'da',
  'd[áa]',
  'lanza',
  'arroja',
  'fall(?:a|an|[óo])',
  'devolve',
  'regres(?:a|an|[óo])',
  'sale',
  'salta',
  'aparece',
  'tira',
  // de
  'liefer(?:t|te|n)',
  'gibt',
  'gab',
  'bekomm(?:e|en|t)',
  'bekam',
  'erhalt(?:e|en)',
  'erh[äa]lt',
  'erhielt',
  'wirft',
  'antwortet',
  'scheitert',
  'schl[äa]gt\\s+fehl',
  'endet',
  'kommt',
  // fr
  'renvoi(?:e|ent)',
  'renvoy(?:[ée]|er)',
  'retourner',
  'retourn(?:e|ent|é)',
  're[çc]oi[st]',
  'recevons',
  're[çc]u',
  'obtien[st]',
  'obtenu',
  'r[ée]pond(?:u|ent)?',
  '[ée]choue',
  '[ée]chou[ée]',
  'l[èe]ve',
  'tombe\\s+sur',
  "j['’]ai",
  // it, nl
  'restituisce',
  'restituito',
  'ricev(?:o|iamo|uto)',
  'rispond(?:e|ono)',
  'geeft',
  'gaf',
  'retourneert',
  'krijg(?:en)?',
  'kreeg',
  // ru
  'вернул(?:а|и|о)?',
  'возвраща(?:ет|ют)',
  'получ(?:аю|аем|ил|или|ила)',
  'отда[её]т',
  'выда[её]т',
  'пада(?:ет|ют)',
];

/** Words that may stand between such a verb and the number. */
const FILLERS = [
  'a',
  'an',
  'the',
  'with',
  'w\\/',
  'you',
  'him',
  'her',
  'status',
  'code',
  'https?',
  'https?\\/\\d(?:\\.\\d)?',
  'error',
  'back',
  'me',
  'us',
  'them',
  'it',
  'only',
  'always',
  'still',
  'just',
  'ever',
  'again',
  'now',
  'suddenly',
  'immediately',
  'constantly',
  'consistently',
  'intermittently',
  'randomly',
  'occasionally',
  'sometimes',
  'frequently',
  'lots',
  'lot',
  'bunch',
  'tons',
  'plenty',
  'hundreds',
  'thousands',
  'of',
  'some',
  'many',
  'several',
  'multiple',
  'same',
  'these',
  'those',
  'this',
  'that',
  'another',
  'repeated',
  'occasional',
  'frequent',
  'sporadic',
  'persistent',
  'intermittent',
  'random',
  'numerous',
  'few',
  'constant',
  'response',
  'nothing',
  'but',
  'instead',
  'all',
  'either',
  'mostly',
  'usually',
  'also',
  'is',
  'was',
  // es, pt, de, fr
  'un',
  'una',
  'uma',
  'um',
  'el',
  'la',
  'o',
  'con',
  'com',
  'siempre',
  'sempre',
  'solo',
  's[óo]lo',
  'de',
  'do',
  'c[óo]digo',
  'estado',
  'einen',
  'ein',
  'eine',
  'den',
  'die',
  'das',
  'mit',
  'immer',
  'nur',
  'fehler',
  'une',
  'le',
  "l['’]",
  'erreur',
  'statut',
  'avec',
  'toujours',
  'seulement',
  "d['’]erreur",
  'en',
  'ai',
  // ru: "вернул ошибку 503", "ответил кодом 401", "со статусом 500".
  'ошибк(?:у|а|ой)',
  'код(?:ом)?',
  'статус(?:ом)?',
];

const WORD_GAP = '[\\s,:;]{1,3}';
/** Quotes, backticks, emphasis and brackets that may wrap the number. */
const OPENING_MARKS = '[\\s"\'`*(\\[:=]{0,4}';

const VERB_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${VERBS.join('|')})(?:${WORD_GAP}(?:${FILLERS.join('|')}))*?${OPENING_MARKS}$`,
  'iu',
);

/**
 * Verbs written without spaces before the number (zh, ja), and the adverbs and question word that
 * stand for one in a short report: "总是401" (always 401), "一直502", "都是403", "为什么401" (why 401).
 */
const UNSPACED_VERB_BEFORE =
  /(?:总是|總是|老是|一直|都是|全是|为什么|為什麼|还是|還是|报错|報錯|返回了?|返了|报了?|報了?|出现了?|出現了?|发生了?|發生了?|发现|發現|遇到了?|收到了?|得到了?|拿到了?|提示|响应了?|響應了?|回了|抛出了?|拋出了?|爆|返却され|返され|が返る)[\s"'`：:(（「]{0,3}$/u;

/**
 * An arrow between a request and its answer ("POST /hook → 401"), or an exception class that
 * carries the status ("RateLimitExceededException: 403", "HTTPError: 500", "HTTPException(401, …)"),
 * also one named by its reason phrase (`pygithub3.exceptions.BadRequest: 400 - …`).
 */
const ARROW_BEFORE =
  /(?:→|⇒|->|=>|[A-Za-z0-9](?:Exception|Error)(?:[ \t]{0,2}:|\()|(?<![A-Za-z])(?:BadRequest|Unauthori[sz]ed|Forbidden|NotFound|MethodNotAllowed|Conflict|PayloadTooLarge|UnprocessableEntity|TooManyRequests|ServiceUnavailable|BadGateway|GatewayTimeout)[ \t]{0,2}:)[ \t(]{0,3}$/;

/** Longest text read before a candidate: a long verb, a few fillers and the marks. */
const VERB_WINDOW = 64;

/**
 * One verb or filler word: the word right before the number must be one of them, or the last
 * word of a verb written in two ("result in", "retries on").
 */
const VERB_OR_FILLER = new RegExp(`^(?:${[...VERBS, ...FILLERS, 'in', 'on'].join('|')})$`, 'iu');
const isOpeningMark = (char: string): boolean => /[\s"'`*([:=/]/.test(char);
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}「（：]/u;

/** True when the number opens a quoted message ("answered `422 Unable to validate`"). */
export function opensQuote(text: string, codeStart: number): boolean {
  return /["'`“‘]/.test(text.charAt(codeStart - 1));
}

/** Last characters of an arrow or of "SomeError:" (then spaces or an opening bracket). */
const ARROW_ENDS = /[>→⇒:(]/;

/** A quoted key and its colon or equals sign right before the number: `"received":`, `'got' =`. */
const QUOTED_KEY_BEFORE = /["'][\p{L}_]{1,24}["'][ \t]*[:=][ \t]*$/u;

/**
 * True when a verb of failing or receiving introduces the number at `codeStart`. A verb that is a
 * quoted key (`{"received":401}`) names a field, a count of what came in: its key decides.
 */
export function hasVerbBefore(text: string, codeStart: number): boolean {
  // Cheap gate first: a key ends in a colon or an equals sign, maybe then a space.
  const previous = text.charAt(codeStart - 1);
  const keyed = previous === ':' || previous === '=' || previous === ' ';
  if (keyed && QUOTED_KEY_BEFORE.test(text.slice(Math.max(0, codeStart - 32), codeStart))) return false;
  let end = codeStart;
  while (end > 0 && end > codeStart - 4 && /[ \t(]/.test(text.charAt(end - 1))) end -= 1;
  const last = text.charAt(end - 1);
  const windowStart = Math.max(0, codeStart - VERB_WINDOW);
  // The bracket of a call is skipped with the spaces above; it still ends an exception's name.
  const arrowEnd = ARROW_ENDS.test(last) || text.charAt(codeStart - 1) === '(';
  if (arrowEnd && ARROW_BEFORE.test(text.slice(windowStart, codeStart))) return true;
  if (UNSPACED_SCRIPT.test(last)) return UNSPACED_VERB_BEFORE.test(text.slice(windowStart, codeStart));
  // Cheap gate first: the word right before must itself be a verb or a filler.
  const word = wordBefore(text, codeStart, isOpeningMark);
  return word !== '' && VERB_OR_FILLER.test(word) && VERB_BEFORE.test(text.slice(windowStart, codeStart));
}

/** Words that count occurrences of a status: "lots of 404s", "several 503s", "no more 500s". */
const QUANTIFIER_BEFORE =
  /(?<![\p{L}\p{N}_])(?:lots\s+of|a\s+lot\s+of|bunch\s+of|tons\s+of|plenty\s+of|hundreds\s+of|thousands\s+of|many|several|some|multiple|more|few|these|those|all\s+the|random|intermittent|occasional|frequent|constant|sporadic|persistent|only|no|any|of|throwing|getting|seeing)[ \t\u00a0]{1,2}$/iu;

export function hasQuantifierBefore(text: string, codeStart: number): boolean {
  return QUANTIFIER_BEFORE.test(text.slice(Math.max(0, codeStart - 24), codeStart));
}

/**
 * Words right after the number that make it a status on their own: "502 errors", "a 404
 * response", "403エラー", "403 错误", "403 에러", "403-Fehler", "403が返ってくる".
 */
const STRONG_AFTER =
  /[`*'"’]{0,2}(?:[ \t\u00a0]{1,2}[{[][ \t]{0,2}["'{]|[ \t\u00a0]{1,2}(?:\p{L}{3,16}[ \t\u00a0]{1,2})?(?:errors|errored|erroring|responses?(?![ \t]+(?:times?|bodies))|status(?:es)?|alert(?!s)|alerting|alarm(?!s)|means|indicates|signifie|indique|bedeutet|significa|bekomm\p{L}*|erh[äa]lt\p{L}*|erhalten|krieg\p{L}*|zur[üu]ck\p{L}*)(?![\p{L}\p{N}_])|[ \t\u00a0]?-?(?:Fehler(?:code|meldung)?|エラー|错误|錯誤|报错|報錯|에러|오류|응답|レスポンス|が返|を返|が発生|が出|になり|になる)|(?:の|的)(?:エラー|レスポンス|応答|错误|錯誤|报错|報錯|响应|響應)|[ \t\u00a0]?(?:이|가|을|를)[ \t]?(?:반환|발생|떠|뜨|뜹|나)|(?:으로|로)[ \t]?(?:나와|나오|나옵|응답|반환|떨어|와|옵|리턴|내려))/uy;

export function strongWordAfter(text: string, codeEnd: number): number {
  const match = execAt(STRONG_AFTER, text, codeEnd);
  return match ? codeEnd + match[0].length : -1;
}

/**
 * What may follow a number that only a verb introduced: the end of the text or of a clause,
 * a preposition or conjunction, "back", a status word, or a script without spaces. A noun
 * ("recipients", "users", "times") makes it an amount.
 */
const AFTER_WEAK = new RegExp(
  [
    "(?:['’]?s(?![\\p{L}\\p{N}_]))?", // "502s", "getting 404s", "502's"
    '(?:',
    '$|[ \\t\\u00a0]*(?:[\\r\\n.,;:!?)\\]}"\'`*…“”’。、，！？）]|$)',
    '|[ \\t\\u00a0]*(?:→|->|=>|—|–|-(?!\\d))',
    // The next member of a list of statuses: "returns 401/403".
    '|[ \\t\\u00a0]{0,2}[/|][ \\t\\u00a0]{0,2}[45]\\d\\d(?!\\d)',
    '|[ \\t\\u00a0]{0,2}[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]',
    '|[ \\t\\u00a0]{1,3}[{[(<]',
    `|[ \\t\\u00a0]{1,3}(?:${[
      'error',
      'errors',
      'response',
      'responses',
      'status',
      'code',
      'back',
      'from',
      'when',
      'whenever',
      'on',
      'for',
      'with',
      'and',
      'or',
      'again',
      'instead',
      'too',
      'every',
      'each',
      'all',
      'at',
      'in',
      'after',
      'because',
      'since',
      'while',
      'if',
      'but',
      'so',
      'then',
      'which',
      'that',
      'as',
      'by',
      'to',
      'is',
      'was',
      'were',
      'are',
      'even',
      'only',
      'sometimes',
      'always',
      'now',
      'today',
      'yesterday',
      'until',
      'page',
      'https?',
      'upon',
      'via',
      'during',
      'before',
      'trying',
      'calling',
      'posting',
      'sending',
      'without',
      'zur[üu]ck',
      'mit',
      'bei',
      'beim',
      'wenn',
      'und',
      'oder',
      'als',
      'de',
      'en',
      'con',
      'cuando',
      'al',
      'y',
      'o',
      'et',
      'ou',
      'avec',
      'quand',
      'lors',
      'pour',
      'par',
      'sur',
      'respuesta',
      'r[ée]ponse',
      // The same prepositions and time words in es, pt, fr, de, it: "renvoie une 502 depuis hier".
      'depuis',
      'desde',
      'seit',
      'ao',
      'au',
      'dal',
      'dalla',
      'quando',
      'chaque',
      'cada',
      'ogni',
      'hier',
      'ayer',
      'ontem',
      'ieri',
      'gestern',
      'heute',
      'hoy',
      'hoje',
      'oggi',
      "aujourd['’]hui",
      // A hedge after the number: "respondiendo con 500 creo", "it returned 500 I think".
      'creo',
      'acho',
      'glaube',
      'crois',
      'i\\s+(?:think|guess|believe)',
      'antwort',
      'errores',
      'erreurs',
      'erreur',
      'en\\s+retour',
      'como',
      'comme',
      'due',
      'rather',
      'than',
      'not',
      'json',
      'html',
      'body',
      'gateway',
      'proxy',
      'server',
      'internal',
      'bad',
      'service',
      'upstream',
      'among',
      'like',
      'vs',
      'versus',
      'also',
      'here',
      'there',
      'anymore',
      'though',
      'however',
      'either',
      'nor',
      'unless',
      'whereas',
      'code',
      'codes',
      'http',
      'en\\s+vez',
      'au\\s+lieu',
      'statt',
      'anstatt',
      'es',
      'est',
      'está',
      'era',
      'était',
      'ist',
      'war',
      'sind',
      'si',
      'falls',
      'lorsque',
      'porque',
      'parce',
      'weil',
      'pero',
      'mais',
      'aber',
      'sin',
      'sans',
      'ohne',
      'tras',
      'après',
      'nach',
      'se',
      'no',
      'ne',
      'nicht',
    ].join('|')})(?![\\p{L}\\p{N}_])`,
    ')',
  ].join(''),
  'iuy',
);

/** The end of what follows a verb-introduced number (its plural "s" included), or -1. */
export function weakContextEnd(text: string, codeEnd: number): number {
  const match = execAt(AFTER_WEAK, text, codeEnd);
  if (!match) return -1;
  return codeEnd + (/^['’]?s/i.exec(text.slice(codeEnd, codeEnd + 2))?.[0].length ?? 0);
}

/** The next line opens a JSON body: `{"`, `[{`, `{ '`. */
const BODY_ON_NEXT_LINE = /[ \t]*\r?\n[ \t]*[{[][ \t]*["'{[]/y;

/**
 * A status alone on its line right above the body that came with it, as people paste an answer:
 * "403\n{"errors":[…]}". A number alone above a body is rarely anything else.
 */
export function standsAboveBody(text: string, codeStart: number, codeEnd: number): boolean {
  let lineStart = codeStart;
  while (lineStart > 0 && (text.charAt(lineStart - 1) === ' ' || text.charAt(lineStart - 1) === '\t')) lineStart -= 1;
  if (lineStart > 0 && text.charAt(lineStart - 1) !== '\n') return false;
  return execAt(BODY_ON_NEXT_LINE, text, codeEnd) !== null;
}

/**
 * Key paths and event names that end in a status: `webhook.failed.403`, `http.status.500`,
 * `delivery.error.429`. Read before the dot that precedes the digits.
 */
const EVENT_KEY_BEFORE = /(?:^|[^\p{L}\p{N}])(?:fail(?:ed|ure|ures)?|errors?|status(?:es)?|https?|code|response|rejected|denied)\.$/iu;

export function isEventKeyStatus(text: string, codeStart: number): boolean {
  if (text.charAt(codeStart - 1) !== '.') return false;
  return EVENT_KEY_BEFORE.test(text.slice(Math.max(0, codeStart - 12), codeStart));
}

/** An article right before the number, maybe quoted: "the result is a 401 from the SDK", "in a `422`". */
const ARTICLE_BEFORE = /(?<![\p{L}\p{N}_])an?[ \t\u00a0]{1,2}[`"“]?$/iu;
/**
 * An article, one or two describing words, then a quoted number: "returns a clear, field-level
 * `422`". The quote keeps amounts out ("a total of 500" has none).
 */
const ARTICLE_WORDS_BEFORE = /(?<![\p{L}\p{N}_])an?((?:[ \t\u00a0]{1,2}\p{L}[\p{L}-]{1,24},?){1,2})[ \t\u00a0]{1,2}[`"“]$/iu;
/** Words that make what follows an amount or a setting, not a status. */
const AMOUNT_WORDS = /^(?:of|to|than|per|about|around|total|max(?:imum)?|min(?:imum)?|limit|value|size|number|default|timeout|port)$/i;

/** True when an article (maybe with a few describing words before a quoted number) introduces it. */
export function hasArticleBefore(text: string, codeStart: number): boolean {
  const before = text.slice(Math.max(0, codeStart - 60), codeStart);
  if (ARTICLE_BEFORE.test(before)) return true;
  const match = ARTICLE_WORDS_BEFORE.exec(before);
  if (!match) return false;
  const words = (match[1] ?? '').split(/[\s,]+/).filter((word) => word !== '');
  return !words.some((word) => AMOUNT_WORDS.test(word));
}

/**
 * A plural status that is the subject or the verb of what follows: "503s are hit in nginx",
 * "omitting it 400s with `…`". Read from the end of the digits.
 */
const PLURAL_VERB_AFTER =
  /['’]?s[ \t\u00a0]{1,2}(?:are|were|keep|kept|with|start(?:s|ed)?|happen(?:s|ed)?|occur(?:s|red)?|appear(?:s|ed)?|c[oa]me|returned|thrown|raised)(?![\p{L}\p{N}_])/iuy;
/** Words before a number of seconds ("after 500s", "timeout 500s are"). */
const DURATION_BEFORE =
  /(?<![\p{L}\p{N}_])(?:after|in|for|within|every|wait|sleep|timeout|delay|ttl|interval|of|takes?|took)[ \t\u00a0]{1,2}$/iu;

export function pluralActsAsStatus(text: string, codeStart: number, codeEnd: number): boolean {
  if (execAt(PLURAL_VERB_AFTER, text, codeEnd) === null) return false;
  return !isDurationPlural(text, codeStart, codeEnd);
}

/** Words after a plural that make it a number of seconds: "500s timeout", "400s later". */
const DURATION_AFTER =
  /['’]?s[ \t\u00a0]{1,2}(?:timeout|delay|wait|later|ago|left|elapsed|interval|window|ttl|max|each|per)(?![\p{L}\p{N}_])/iuy;

/** True when a plural such as "500s" reads as seconds: "after 500s", "a 500s timeout". */
export function isDurationPlural(text: string, codeStart: number, codeEnd: number): boolean {
  return DURATION_BEFORE.test(text.slice(Math.max(0, codeStart - 12), codeStart)) || execAt(DURATION_AFTER, text, codeEnd) !== null;
}

/** Words of failure earlier on the line: "Error sending Discord notification (400): …". */
const FAILURE_ON_LINE = /\b(?:error|errors|failed|failure|unable|could not|couldn't|cannot|can't|rejected)\b[^\n]{0,80}$/i;

/**
 * A code in round brackets right after a failure told in words, and then a colon with the answer:
 * "Error sending Discord notification (400): {…}", "Upload failed (502): Bad Gateway".
 */
export function isBracketedAfterFailure(text: string, codeStart: number, codeEnd: number): boolean {
  if (text.charAt(codeStart - 1) !== '(' || text.charAt(codeEnd) !== ')' || text.charAt(codeEnd + 1) !== ':') return false;
  const before = text.slice(Math.max(0, codeStart - 100), codeStart - 1);
  return FAILURE_ON_LINE.test(before.slice(before.lastIndexOf('\n') + 1));
}
