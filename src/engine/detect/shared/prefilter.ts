// Cheap yes/no tests that run before the detectors: a "no" means the detector cannot report
// anything in that text, so it need not run. They may say yes too often (that only costs a
// detector run), never too rarely: every text a detector reports on must pass its prefilter.

/**
 * A three-digit 4xx/5xx number standing alone (or as a plural, "502s", or glued to "and"/"or"),
 * as the status detector's candidates.
 */
export const STATUS_CANDIDATE = /\b[45]\d\d(?=s?\b|[A-Z]|(?:and|or)[ \t])/;
/** The word "status" as it runs into a code ("HTTP status401"); the status detector scans for it too. */
export const GLUED_STATUS_WORD = '(?:[Ss]tatus|STATUS)';
/** A code glued to the word "status": a second regex, as a look-behind would slow the first. */
export const GLUED_STATUS_CANDIDATE = new RegExp(`${GLUED_STATUS_WORD}[45]\\d\\d(?!\\d)`);

/**
 * A word without which no candidate counts as a status: a fragment of every status keyword the
 * status detector knows (in each language it reads), of every reason phrase and generic word
 * it accepts after or before a code (a reason phrase needs all its words, so one is enough), of
 * the verbs and articles that introduce a code in plain language (at a word start), of the
 * verbs a plural code takes ("503s are hit"), and the marks of its
 * other shapes: table pipes, arrows, exceptions, "5xx", dotted event keys (and SPACELESS_SCRIPT).
 */
const STATUS_CONTEXT = new RegExp(
  [
    'http|statu|c[oó]d|err|fehler|fout|код|ошибк|request|required|unauth|forbid|found|allowed|accept|conflict|gone',
    'large|long|unsupp|satisf|fail|teapot|unproc|locked|early|respon|unavail|migrat|ssl|implem|gateway|variant',
    'insuff|loop|extend|down|connection|unreach|timeout|overload|unheal|exception|denied|refused|[1-5]xx',
    // Words that say what a status means ("401 AUTH_INVALID", "429 rate limit", "401 signifie"), and
    // a request path that a console line ends with a status ("require.js?cache=12 404").
    'auth|invalid|missing|malform|validat|limit|quota|access|permission|such|exist|signif|indiq|means|indicat',
    '/[^\\s/]{0,200}[ \\t]{1,3}[45]\\d\\d',
    // Words about HTTP near which a lone well-known code reads as a status (status-default.ts).
    'api|endpoint|webhook|server|proxy|nginx|upstream|client|curl|postman|fetch|axios|header|token|bearer|credential|json|url|route',
    'repl|halt|abort|writehead|reject|deliver|solicitud|respu|petici|anfrage|requ[êe]te|r[ée]pons',
    // A plural code counted by any word ("number of 404s, 503s").
    "\\b[45]\\d\\d['’]?s\\b",
    // A Markdown heading that opens with a code ("# 503"), which the status detector reads as one.
    '(?:^|\\n)[ \\t]{0,3}#{1,6}[ \\t]+[45]\\d\\d',
    '\\||→|->|=>|⇒|[a-z]\\.[45]\\d\\d',
    `\\b(?:${[
      'get',
      'got',
      'hit',
      'return',
      'receiv',
      'see',
      'saw',
      'seen',
      'throw',
      'threw',
      'gave',
      'giv',
      'answer',
      'repl',
      'crash',
      'die',
      'reject',
      'abort',
      'rais',
      'produc',
      'yield',
      'caus',
      'trigger',
      'back',
      'show',
      'bounc',
      'includ',
      'contain',
      'came',
      'come',
      'end(?:s|ed)? (?:up )?with',
      'sen[dt] back',
      'spit',
      'emit',
      'devuel',
      'devolv',
      'retorn',
      'obten',
      'obtuv',
      'recib',
      'receb',
      'd[aá]\\b',
      'me da',
      'lanza',
      'arroja',
      'fall',
      'regres',
      'sale',
      'salta',
      'aparece',
      'tira',
      'liefer',
      'gibt',
      'gab',
      'bekomm',
      'bekam',
      'erh',
      'krieg',
      'wirft',
      'antwort',
      'scheiter',
      'schl',
      'endet',
      'kommt',
      'zur[üu]ck',
      'renvo',
      'retourn',
      're[çc]oi',
      're[çc]u',
      'recevons',
      'obtien',
      'obtenu',
      'r[ée]pond',
      '[ée]chou',
      'l[èe]ve',
      'tombe',
      "j['’]ai",
      'post',
      'put',
      'patch',
      'delete',
      'head',
      'options',
      'result',
      'avoid',
      'prevent',
      'fix',
      'an? ',
      'are',
      'were',
      'keep',
      'kept',
      'start',
      'happen',
      'occur',
      'appear',
      'should',
      'would',
      'will',
      'must',
      'retr',
      'alert',
      'alarm',
    ].join('|')})`,
  ].join('|'),
  // Not 'u': a unicode-mode alternation this long ran three times slower in V8 (7 µs against 2 µs
  // per log row); the scripts that need unicode properties have a test of their own below.
  'i',
);

/** Scripts written without spaces between words, where a code needs no keyword around it. */
const SPACELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** False when the status detector cannot find a status code in `text`. */
export function mayHaveStatusCode(text: string): boolean {
  return (STATUS_CANDIDATE.test(text) || GLUED_STATUS_CANDIDATE.test(text)) && (STATUS_CONTEXT.test(text) || SPACELESS_SCRIPT.test(text));
}

/**
 * A fragment of every phrase and error code the network detector knows ("econn" for ECONNREFUSED
 * and ECONNRESET, "err_" for Chrome's ERR_* codes, "resol" for resolve/resolution, ...).
 */
export const NETWORK_HINT =
  /refus|reset|hang up|pipe|forcibly|no such host|unknown ?host|host not found|misbehav|getaddrinfo|name or service|servname|resol|dns|nxdomain|x509|cert|mismatch|untrusted|handshake|wrong.version|tls|ssl|tim(?:e[ds_ -]{0,2}|ing )out|long to (?:respond|answer|reply)|deadline|eof|empty reply|without response|reach|route|econn|enotfound|eai_|err_|eproto|unable_to|connect|wsa|winsock|winerror|socket|os error|tcp open|curl|fetch|network|retries|maxretry|this payload|peer|disconnect|alert|pkix|incompleteread|premature|lookup|nsurl|transporterror|reason: :closed|specified hostname|remote name|trust relationship|secure channel|underlying connection|offline|failedtoopensocket|deneg|gaierror|zeit|abgelehnt|zur[üu]ckgesetzt|unbekannt|inconnu|d[ée]lai|r[ée]-?initialis|address associated|tiempo|rechazada|restablecida|sending request|end of stream|returned nothing|closed idle|other side closed|closed while receiving|end of file|end_of_file|transfer closed|incompletemessage|nohttpresponse|ns_error|sec_error|mozilla_pkix|rifiutata|odrzucone|reddedildi|geweigerd|przekroczono|zaman a|отказано|연결이 거부|connection is unavailable|statuscode\.unavailable|transport stream|recus|for[çc]ado|forzado|remotehost|reagiert|convenablement|esgotado|хост|отверг|сброшено|разорвал|积极|没有这样|没有正确|切断|応答しな|연결을 거부|응답이 없어|강제로 끊|拒否|タイムアウト|接続|连接|强迫|强制关闭|拒绝|超时|逾時|連線|解決|解析|resource temporarily|parser received|bad host|assign requested|live upstreams|tempo limite|scadut|expir|rehusada|reinicializada|dienst nicht|namensaufl|interrotta dal|sconosciuto|took longer|リセット|没有到主机|未知的名称|초과|타임|재설정|호스트를|разорвано|ремя ожидания/i;

/** False when the network detector cannot find a network failure in `text`. */
export function mayHaveNetworkError(text: string): boolean {
  return NETWORK_HINT.test(text);
}

/**
 * An object's brace, or a word of a parser's message about JSON that did not parse (a list body
 * holds a brace too).
 */
export const JSON_HINT = /\{|json|invalid|expect|unrecogni|unterminated|encountered|formatexception|extra data|comma|parse|interpr/i;

/** False when the JSON detector cannot find a body or a parser's message in `text`. */
export function mayHaveJson(text: string): boolean {
  return JSON_HINT.test(text);
}

/** A header name the credential and rate-limit detectors start from (any case). */
export const CREDENTIAL_OR_RATE_LIMIT_HINT =
  /authori[sz]ation|api[-_ ]?key|bearer|basic |token|secret|passw|private_key|ratelimit|rate-limit|retry-after/i;

/** False when neither the credential nor the rate-limit detector can report anything in `text`. */
export function mayHaveCredentialOrRateLimit(text: string): boolean {
  return CREDENTIAL_OR_RATE_LIMIT_HINT.test(text);
}
