// Removes secrets from text before it is stored, shown in the popup or copied into a report.
// Linear passes: URLs (redact-url.ts), secret query parameters outside URLs, values of
// secret-named keys, then long runs that look like secrets.
import { KNOWN_SCHEMES, redactSecret } from './detect/credential/credential-preview';
import { redactUrl, SECRET_HOST_START, URL_MASK } from './redact-url';
import {
  AUTH_SCHEME_WORD,
  BRACKETED_KEY_HINT,
  COOKIE_HEADER,
  DATA_URL_BASE64_MARK,
  DIGIT_SECRET_KEY_WORD,
  ESCAPED_KEY_CHARACTER,
  INVISIBLE_BREAK,
  PRIVATE_KEY_BEGIN,
  SECRET_KEY_WORD as SECRET_KEY_NAME,
  SEPARATOR_LOOKALIKE,
  USER_OPTION,
  VENDOR_KEY_PREFIX,
} from './secret-hints';
import { foldLookalikeWords } from './lookalike-letters';
import { mixesCasesAndDigits, mixesLettersAndDigits, skipSpaces as skipBlanks, withoutBidiControls } from './text';

const SECRET_KEY_WORD = new RegExp(SECRET_KEY_NAME.source, 'gi');
/** A key word of another script written in letters that also look Latin (`ТОКЕН`): read as written. */
const OWN_SCRIPT_KEY_WORD = new RegExp(`^(?:${SECRET_KEY_NAME.source})$`, 'i');
/** An invisible break between two token characters (or after a header's colon): taken out, so the token is one run again. */
const BREAK_IN_TOKEN = new RegExp(`(?<=[\\w.=+/:-])${INVISIBLE_BREAK.source}+(?=[\\w.=+/:-])`, 'g');
const NAME_CHAR = /[A-Za-z0-9_-]/;
/** A name-value pair's value after its name (`"X-Api-Key", "value":`), as HAR and Postman write headers. */
const PAIR_VALUE_AFTER = /^["'][ \t]*,[ \t]*"value"[ \t]*:/i;
/** A name that holds a key word (`X-Api-Key`, `auth_token`). */
const HEADER_NAME_WITH_KEY_WORD = new RegExp(`^[\\w-]{0,32}(?:${SECRET_KEY_NAME.source})[\\w-]{0,32}$`, 'i');
/** Key names longer than this are not looked at; bounds the work per match. */
const MAX_NAME_LENGTH = 64;
const MAX_VALUE_LENGTH = 4096;
const LONG_RUN = 20;
const SECRET_RUN = new RegExp(`[A-Za-z0-9_\\-.=+/]{${LONG_RUN},}`, 'g');
const QUERY_VALUE_END = /[&\s"'<>;,|]/;
/** Where a header's token ends: whitespace, or a delimiter a log puts after it. */
const TOKEN_END = /[\s"'`,;|<>()[\]{}→]/;
/** A URL with a scheme, up to the first character a URL in running text cannot hold. */
const URL_IN_TEXT = /\b[a-z][a-z\d+.-]*:\/\/[^\s"'<>\\`|]{1,4096}/gi;
/**
 * A `data:` URL's base64 payload: encoded bytes that may hold anything (a token, a key file) in a
 * form no other pass can read, and nothing a diagnosis needs. `data:` URLs have no `//`, so the
 * URL pass does not see them.
 */
const DATA_URL_PAYLOAD = new RegExp(`(\\bdata:[^,\\s"'<>]{0,128}${DATA_URL_BASE64_MARK.source})[A-Za-z0-9+/=_-]{1,65536}`, 'gi');
/**
 * A PEM (or PGP) private key's body, from its BEGIN line to its END line. Every line of it is the
 * key: its last line is often short, and its lines may be joined by `\n` escapes in a JSON body,
 * so no run rule hides it all. The search for END stops at the next BEGIN, so repeated BEGIN lines
 * are each read once. With no END (a sample cut short, or a BEGIN line named in an error), only
 * the run that follows goes: base64, blanks, `\n` escapes and the header lines of an encrypted key
 * (`Proc-Type: 4,ENCRYPTED`), not the words after it (`(HTTP 400)`).
 */
const PRIVATE_KEY_END = String.raw`-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----`;
const PRIVATE_KEY_BODY = new RegExp(
  `(${PRIVATE_KEY_BEGIN.source})(?:(?:(?!-----BEGIN )[\\s\\S]){0,${MAX_VALUE_LENGTH * 4}}?(${PRIVATE_KEY_END})|(?:[\\w+/=:,\\s-]|\\\\[nr])*)`,
  'g',
);
/** Hides a key's body; blanks after a key cut short stay, so the words after it keep their place. */
const hidePrivateKey = (body: string, begin: string, end: string | undefined): string =>
  end === undefined ? `${begin}${URL_MASK}${body.slice(body.trimEnd().length)}` : `${begin}${URL_MASK}${end}`;
/** `?sig=…` outside a full URL (relative paths in request lines); names the other passes miss. */
const BARE_SECRET_PARAM = /([?&;#](?:sig|signature|key|code|auth|pwd)=)([^&;#\s"'<>,|]+)/gi;

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * The text with every secret replaced by its preview ("Bearer ab12…89"): secret parts of URLs
 * (redactUrl), values after Authorization / X-Api-Key / api_key / token / password / secret keys
 * in header, JSON and query-string form (a header value ends with its token: the status after it
 * stays), and any 20+ character run of token characters mixing letters and digits (sk_live_…,
 * JWTs). Masks and placeholders are kept as they are; they hold no secret.
 */
export function redactSecretsInText(text: string): string {
  const redacted = redactPlainText(text);
  return ESCAPED_KEY_CHARACTER.test(redacted) ? redactDecoded(redacted) : redacted;
}

function redactPlainText(text: string): string {
  return redactSecretRuns(
    redactBracketedKeys(
      redactVendorKeys(
        redactSchemeTokens(
          redactKeyedValues(
            redactUserOptions(redactCookies(redactBareParams(redactBareUserinfo(redactUrlsInText(joinBrokenTokens(text)))))),
          ),
        ),
      ),
    ),
  );
}

/**
 * A key in the angle brackets placeholders are written in (`<nK6zT3yH5cJ0>`): the credential
 * detector quotes such a value as a placeholder, so it is hidden when it reads as random text
 * (capitals, small letters and digits all in one word), where `<YOUR_API_KEY>` and `<token123>` stay.
 */
const BRACKETED_KEY = new RegExp(`${BRACKETED_KEY_HINT.source}`, 'g');

function redactBracketedKeys(text: string): string {
  return text.includes('<')
    ? text.replace(BRACKETED_KEY, (whole, key: string) => (mixesCasesAndDigits(key) ? `<${redactSecret(key)}>` : whole))
    : text;
}

/** Escapes as percent-encoding, JS/C string escapes and HTML references write them. */
const ESCAPE = /%([0-9a-f]{2})|\\(?:u00|x)([0-9a-f]{2})|&#(?:x0*([0-9a-f]+)|0*(\d+));/gi;
/** The characters of a key and its separator: only these are decoded (`%20`, `%2F` stay as written). */
const KEY_CHARACTER = /^[\w:="'-]$/;

/**
 * Text that writes a key's separator, quotes, underscore or letters escaped (`api_key%3D…`,
 * `%22token%22%3A%22…%22`, `{"api\u005fkey": …}`, `token&#61;…`, `"pass\u0077ord"`, `api_k%65y=`)
 * is read again with those decoded.
 * It runs on text already redacted as written, so a value hidden there stays hidden; when the
 * decoded reading hides more, it is what is kept (decoded), else the text as written.
 */
function redactDecoded(redacted: string): string {
  const decoded = redacted.replace(ESCAPE, (escape, ...codes: (string | undefined)[]) => {
    const [percent, backslash, hex, decimal] = codes;
    const code = decimal !== undefined ? Number(decimal) : parseInt(percent ?? backslash ?? hex ?? '', 16);
    const char = String.fromCharCode(code);
    return KEY_CHARACTER.test(char) ? char : escape;
  });
  if (decoded === redacted) return redacted;
  const again = redactPlainText(decoded);
  return again === decoded ? redacted : again;
}

/**
 * A key after a prefix only its vendor gives out (`whsec_…`, `pk_test_…`, `SG.…`, `xoxb-…`): hidden
 * whatever its length once it mixes letters and digits; `key-value` and `sk-learn` stay. Its parts
 * after dots (`SG.<id>.<secret>`) belong to it: hiding only the first would leave the secret part.
 */
const VENDOR_KEY = new RegExp(
  `(${VENDOR_KEY_PREFIX.source})([A-Za-z0-9_-]{6,${MAX_VALUE_LENGTH}}(?:\\.[A-Za-z0-9_-]{1,${MAX_VALUE_LENGTH}}){0,4})`,
  'g',
);

function redactVendorKeys(text: string): string {
  // From 20 characters the run pass hides the key with its prefix (`sk_l…23`), showing less.
  return text.replace(VENDOR_KEY, (whole, prefix: string, key: string) =>
    whole.length < LONG_RUN && mixesLettersAndDigits(key) ? `${prefix}${redactSecret(key)}` : whole,
  );
}

/**
 * A scheme word and the credential after it, with no key name the keyed pass knows before them
 * (`"Authorization":["Bearer …"]`, `<td>Bearer …</td>`, `Authorization -> Bearer …`). The word
 * after it is hidden when it is shaped like a credential (digits, a case change inside, base64
 * padding): "Bearer token expired" and "Basic plan" stay.
 */
const SCHEME_TOKEN = new RegExp(
  `(${AUTH_SCHEME_WORD.source}(?:[\\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+|%20|\\+|=|:[ \t]*)[(\\[<{"'\u2018\u201c\u00ab]?)([A-Za-z0-9._~+/=-]{6,${MAX_VALUE_LENGTH}})`,
  'gi',
);
/** Digits, a case change inside, base64 padding, or a run of 20 letters or more: no word follows a scheme so long. */
const CREDENTIAL_SHAPED = /\d|[a-z][A-Z]|=$|^[A-Za-z]{20,}$/;

function redactSchemeTokens(text: string): string {
  return text.replace(SCHEME_TOKEN, (whole, scheme: string, token: string) =>
    isSchemeToken(token) ? `${scheme}${redactSecret(token)}` : whole,
  );
}

/**
 * A cookie header up to the end of its line, and each `name=value` pair in it. A header's line is
 * its own; in a one-line log entry the `key=value` fields after it are hidden too, and with them a
 * field a diagnosis would read (`Cookie: sid=… status=401` loses the 401): the price of hiding
 * every cookie whatever its name.
 */
const COOKIE_LINE = new RegExp(`${COOKIE_HEADER.source}[^\\n\\r]{0,${MAX_VALUE_LENGTH}}`, 'gi');
const COOKIE_PAIR = /(=[ \t]*)([^;,\s]+)/g;
/**
 * A first cookie with no name (`Cookie: q7Zx…`, `Set-Cookie: q7Zx…; Path=/`): browsers keep it as
 * a value of the empty name. Whatever follows it (an arrow, another header), it is hidden when it
 * is shaped like a secret; a word (`Cookie: missing`) stays.
 */
const NAMELESS_COOKIE = /^([^:]*:[ \t]*)([^;=,\s]+)(?=[;,\s]|$)/;
const MIN_UNMIXED_COOKIE_LENGTH = 16;

function hideNamelessCookie(whole: string, header: string, value: string): string {
  return mixesLettersAndDigits(value) || value.length >= MIN_UNMIXED_COOKIE_LENGTH ? `${header}${URL_MASK}` : whole;
}

/** Hides every value of a Cookie / Set-Cookie header (`sid=…; Path=…`): a session needs no secret-sounding name. */
function redactCookies(text: string): string {
  return COOKIE_HEADER.test(text)
    ? text.replace(COOKIE_LINE, (line) =>
        line.replace(NAMELESS_COOKIE, hideNamelessCookie).replace(COOKIE_PAIR, (_pair, eq: string) => `${eq}${URL_MASK}`),
      )
    : text;
}

/** The option and its password: in quotes, up to the closing quote (a passphrase may hold blanks). */
const USER_OPTION_VALUE = new RegExp(`(${USER_OPTION.source})(?:(?<=['"][^\\s:'"]{1,64}:)[^'"\\n]+|[^\\s'"]+)`, 'g');
/** `1000:1000`: a user id and a group id (`docker -u`), no password. */
const IDS_ONLY = /(?:^|[\s='"u])\d+:$/;

/** The password of a `-u user:password` option, whatever it looks like, unless both parts are ids. */
function redactUserOptions(text: string): string {
  return text.replace(USER_OPTION_VALUE, (whole: string, option: string) => {
    const password = whole.slice(option.length);
    return /^\d+$/.test(password) && IDS_ONLY.test(option) ? whole : `${option}${URL_MASK}`;
  });
}

/** A scheme or key word ending where a break stands: the break parts the word from its value. */
const WORD_BEFORE_VALUE = new RegExp(`(?:${AUTH_SCHEME_WORD.source}|${SECRET_KEY_NAME.source})$`, 'i');

/**
 * Takes bidi controls out (they only reorder what is shown, and can part a key from its value
 * anywhere) and invisible breaks out of tokens; a break between a scheme or key word and its
 * value (`Bearer\u200b…`, not `token\u200b:`) stands for a blank.
 */
function joinBrokenTokens(written: string): string {
  if (!INVISIBLE_BREAK.test(written)) return written;
  const text = withoutBidiControls(written);
  return text.replace(BREAK_IN_TOKEN, (marks: string, at: number) =>
    !/[:=]/.test(text[at + marks.length] ?? '') && WORD_BEFORE_VALUE.test(text.slice(Math.max(0, at - MAX_NAME_LENGTH), at)) ? ' ' : '',
  );
}

function redactUrlsInText(text: string): string {
  const urls = text.includes('://') ? text.replace(URL_IN_TEXT, (url) => redactUrl(url)) : text;
  const data = DATA_URL_BASE64_MARK.test(urls) ? urls.replace(DATA_URL_PAYLOAD, `$1${URL_MASK}`) : urls;
  return PRIVATE_KEY_BEGIN.test(data) ? data.replace(PRIVATE_KEY_BODY, hidePrivateKey) : data;
}

/**
 * `user:pass@host/path` written without a scheme (a git remote, a copied connection string, a
 * protocol-relative `//user:pass@host/`): the
 * user and password go as they do in a full URL. A host with a port or path after it tells it
 * from an e-mail address; with neither (`deploy:S3cr3t@db.example.com`), a password that mixes
 * letters and digits under a user that is no mail field (`to:ann@…`, `cc:bo2@…`) does.
 */
const BARE_USERINFO =
  /(?:(?<=(?<![:\w])\/\/)|(?<![\w.%+:/@-]))([\w.%+-]{1,64}):([^\s@/:"'<>]{1,128})@(?=[a-z\d-]+(?:\.[a-z\d-]+)+((?::\d{1,5})?\/|:\d{1,5}(?![\w.]))?)/gi;
/** Words a log writes before an e-mail address with a colon. */
const MAIL_FIELD = /^(?:to|from|cc|bcc|mailto|e-?mail|mail|recipients?|sender|reply-to|rcpt|for|contact|address)$/i;

function redactBareUserinfo(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(BARE_USERINFO, (whole, user: string, password: string, portOrPath: string | undefined) =>
    portOrPath !== undefined || (!MAIL_FIELD.test(user) && mixesLettersAndDigits(password)) ? `${URL_MASK}@` : whole,
  );
}

function redactBareParams(text: string): string {
  return text.replace(BARE_SECRET_PARAM, (whole, name: string, value: string) => (value === URL_MASK ? whole : `${name}${URL_MASK}`));
}

/**
 * Hides the value after each key word. Key words are looked for with look-alike letters read as
 * the Latin ones they show (`ΤOKEN:`, `ΤΟΚΕΝ:`, `ｔｏｋｅｎ:`); positions are the same in both readings.
 */
function redactKeyedValues(text: string): string {
  const replacements: Replacement[] = [];
  const read = foldLookalikeWords(text, OWN_SCRIPT_KEY_WORD);
  SECRET_KEY_WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SECRET_KEY_WORD.exec(read)) !== null) {
    const nameEnd = extendName(read, match.index + match[0].length, 1);
    const nameStart = extendName(read, match.index, -1);
    SECRET_KEY_WORD.lastIndex = nameEnd;
    if (nameEnd - nameStart > MAX_NAME_LENGTH) continue;
    const digits = DIGIT_SECRET_KEY_WORD.test(match[0]);
    const value = findValue(read, nameStart, nameEnd, digits) ?? proseValue(read, nameEnd, digits);
    if (value === null || value.start === value.end) continue;
    // `key` alone names a field as often as a key ("Duplicate key: order_id"): its value must look like one.
    const bareKey = nameEnd - nameStart === 3 && /^key$/i.test(match[0]) && quoteBefore(read, nameStart) === '';
    if (bareKey && !mixesLettersAndDigits(read.slice(value.start, value.end))) continue;
    // Postman's `{"key": "X-Api-Key", "value": "…"}`: the key's value is a header's name, and the secret is the pair's value.
    if (PAIR_VALUE_AFTER.test(read.slice(value.end, value.end + 16)) && HEADER_NAME_WITH_KEY_WORD.test(read.slice(value.start, value.end)))
      continue;
    replacements.push({ ...value, text: redactSecret(text.slice(value.start, value.end)) });
    SECRET_KEY_WORD.lastIndex = Math.max(nameEnd, value.end);
  }
  return applyReplacements(text, replacements);
}

/** Moves from `from` over name characters in `direction`, at most MAX_NAME_LENGTH + 1 steps. */
function extendName(text: string, from: number, direction: 1 | -1): number {
  let i = from;
  let steps = 0;
  if (direction === 1) {
    while (i < text.length && NAME_CHAR.test(text[i] ?? '') && steps++ <= MAX_NAME_LENGTH) i += 1;
  } else {
    while (i > 0 && NAME_CHAR.test(text[i - 1] ?? '') && steps++ <= MAX_NAME_LENGTH) i -= 1;
  }
  return i;
}

/**
 * The value that belongs to the key text[nameStart, nameEnd), or null when none follows. With
 * `digits`, a JSON number after a quoted key is a value too (`{"pin": 4829}`).
 */
function findValue(text: string, nameStart: number, nameEnd: number, digits: boolean): { start: number; end: number } | null {
  // A quote that opens a whole header line (`-H "X-Api-Key: …"`), not closed after the name, leaves the key unquoted.
  const quote = quoteBefore(text, nameStart);
  const keyQuote = quote !== '' && text.startsWith(quote, nameEnd) ? quote : '';
  let i = nameEnd;
  if (keyQuote !== '') {
    i += keyQuote.length;
    // A form field dumped as HTML (`name="password" value="…"`), a HAR header (`"name": "X-Api-Key", "value": "…"`).
    i += VALUE_ATTRIBUTE.exec(text.slice(i, i + 16))?.[0].length ?? 0;
  } else if (ELEMENT_START.test(text.slice(Math.max(0, nameStart - 66), nameStart))) {
    const element = elementText(text, nameStart, nameEnd);
    if (element !== null) return element;
    // A sample cut before the end tag (`<password>S3cr3t…`): a secret-shaped first word is the text.
    const startTagEnd = START_TAG_REST.exec(text.slice(i, i + 257))?.[0].length;
    if (startTagEnd !== undefined) return secretShapedWord(text, i + startTagEnd);
    // Else the angle bracket holds a pair (a Python repr `<Token: …>`): read its separator below.
  } else if (text[nameStart - 1] === '[' && text[i] === ']') {
    // A nested form key (`auth[token]=…`, `headers[X-Api-Key]=…`).
    i += 1;
  }
  i = skipBlanks(text, i);
  const separator = SEPARATOR_LOOKALIKE[text[i] ?? ''] ?? text[i];
  if (separator !== ':' && separator !== '=') return null;
  // Ruby's and PHP's `'token' => '…'` pairs: the arrow is the separator.
  i = skipBlanks(text, separator === '=' && text[i + 1] === '>' ? i + 2 : i + 1);
  if (keyQuote === '') {
    const below = valueBelow(text, i);
    if (below !== null) return below;
    // Svix and Standard Webhooks sign as `v1,<base64>`, several of them apart by blanks.
    const signatures = SIGNATURE_LIST.exec(text.slice(i, i + MAX_VALUE_LENGTH))?.[0];
    if (signatures !== undefined) return { start: i, end: i + signatures.length };
  }
  // Go's header map puts each value in a list: `"X-Api-Key":["…"]`.
  if (text[i] === '[' && quoteAt(text, i + 1) !== '') i += 1;

  const valueQuote = quoteAt(text, i);
  // On a header line the value is the token (after a known scheme word); what follows it on the
  // line (an arrow, the status) is not part of it.
  if (keyQuote === '' && separator === ':' && valueQuote === '') {
    return OPENING_BRACKET.test(text[i] ?? '') ? secretShapedWord(text, i) : headerValue(text, i);
  }
  if (valueQuote !== '') return quotedValue(text, i + valueQuote.length, valueQuote);
  // A quoted key with an unquoted value is JSON's number, null, object or array: no secret,
  // unless the key names a secret made of digits.
  if (keyQuote !== '') return digits ? digitRun(text, i) : null;
  const limit = Math.min(text.length, i + MAX_VALUE_LENGTH);
  let end = i;
  while (end < limit && !QUERY_VALUE_END.test(text[end] ?? '')) end += 1;
  if (!KNOWN_SCHEMES.has(text.slice(i, end).toLowerCase())) return { start: i, end };
  // `authorization=Bearer …`: the scheme word is not the credential, the token after it is. In a
  // log line the word after it may be the next field (`auth=bearer status=401`, `token_type=bearer 401`).
  const next = skipBlanks(text, end);
  return next > end && isSchemeToken(text.slice(next, tokenEnd(text, next))) ? headerValue(text, i) : { start: i, end: i };
}

/** Another `key=value` field (base64 padding aside), or a bare number such as a status. */
const LOG_FIELD = /^(?:[\w.-]+=(?!=*$)|\d+$)/;

/** A word after a scheme that is its credential: shaped like one, and no log field or status. */
function isSchemeToken(word: string): boolean {
  return CREDENTIAL_SHAPED.test(word) && !LOG_FIELD.test(word);
}

/** ` value=` or `, "value"` after a quoted name: the name is a form field's or a header's, the value is its value. */
const VALUE_ATTRIBUTE = /^(?:[ \t]+value(?=[ \t]*=)|[ \t]*,[ \t]*"value"(?=[ \t]*:))/i;

/** An element's start tag up to its name, with or without a namespace prefix (`<`, `<wsse:`). */
const ELEMENT_START = /<(?:[\w.-]{1,64}:)?$/;
/** The rest of an element's start tag, then its text up to its end tag; the text may sit in a CDATA section. */
const ELEMENT_TEXT = /^[^<>]{0,256}>(<!\[CDATA\[)?([^<\]]{1,4096})(?:\]\]>)?<\/(?:[\w.-]{1,64}:)?([\w-]{1,64})>/;

/**
 * The text of an XML or SOAP element named for a secret (`<password>…</password>`,
 * `<wsse:Password Type="…">…</wsse:Password>`, `<ApiKey><![CDATA[…]]></ApiKey>`). Only an element
 * closed by its own end tag counts: a placeholder (`Bearer <token>`) is followed by prose.
 */
function elementText(text: string, nameStart: number, nameEnd: number): { start: number; end: number } | null {
  const element = ELEMENT_TEXT.exec(text.slice(nameEnd, nameEnd + MAX_VALUE_LENGTH + 512));
  if (element === null || element[3]?.toLowerCase() !== text.slice(nameStart, nameEnd).toLowerCase()) return null;
  const start = nameEnd + element[0].indexOf('>') + 1 + (element[1]?.length ?? 0);
  return { start, end: start + (element[2]?.length ?? 0) };
}

/** `v1,<base64>` signatures, one or more apart by blanks. */
const SIGNATURE_LIST = /^v\d{1,2},[A-Za-z0-9+/=_-]{4,}(?:[ \t]+v\d{1,2},[A-Za-z0-9+/=_-]{4,})*/;

/** A key's line that ends after its separator, or after YAML's block marker (`token: |`, `key: >-`). */
/** The rest of an element's start tag: its attributes and its `>`. */
const START_TAG_REST = /^(?:[ \t][^<>]{0,255})?>/;
const VALUE_ON_NEXT_LINE = /^(?:([|>])[+-]?\d?[+-]?)?[ \t]*\r?\n/;

/**
 * The value on the line below its key, when the key's line ends at its separator (`token:` then
 * an indented value, YAML's `token: |`): the first token of the next line. Under a block marker
 * the line is the value whatever it holds; else the token must mix letters and digits, as a
 * nested key or a heading does not.
 */
function valueBelow(text: string, at: number): { start: number; end: number } | null {
  const lineEnd = VALUE_ON_NEXT_LINE.exec(text.slice(at, at + 8));
  if (lineEnd === null) return null;
  const start = skipBlanks(text, at + lineEnd[0].length);
  const end = tokenEnd(text, start);
  const block = lineEnd[1] !== undefined;
  return end > start && (block || mixesLettersAndDigits(text.slice(start, end))) ? { start, end } : null;
}

/** Words or arrows between a key word and its value in a sentence: "the secret is …", "X-Api-Key → …". */
const LINKING_WORD = /^(?:(?:is|was|of|to):?[ \t]+|(?:->|=>|\u2192|\u21d2|\u2013|\u2014)[ \t]*|-[ \t]+)/i;
const OPENING_BRACKET = /[([<{]/;
/** A value written without a separator: token characters up to a blank or a delimiter. */
const PROSE_VALUE = /^[\w.+/=~!@#$%^&*-]{6,}/;

/** A PIN or one-time code as people write it: 4 to 10 digits standing alone. */
const DIGIT_SECRET = /^\d{4,10}(?![\w.])/;

function digitRun(text: string, start: number): { start: number; end: number } | null {
  const run = DIGIT_SECRET.exec(text.slice(start, start + 11))?.[0];
  return run === undefined ? null : { start, end: start + run.length };
}

/**
 * The value after a key word in a sentence ("api key q7Zx9Wv2Lm", "pwd S3cretPw77", "the secret
 * is Zz9yY8xX7w"): the next word, when it mixes letters and digits the way a secret does, or,
 * after a key word for digit secrets ("otp 482913"), when it is 4 to 10 digits. Words ("token
 * expired", "password reset") stay.
 */
function proseValue(text: string, nameEnd: number, digits: boolean): { start: number; end: number } | null {
  let start = skipBlanks(text, nameEnd);
  // A key word alone at the end of its line: the word below may be its value (`token` then the token).
  const lineBreak = /^\r?\n/.exec(text.slice(start, start + 2))?.[0];
  if (lineBreak !== undefined) start = skipBlanks(text, start + lineBreak.length);
  if (start === nameEnd) return null;
  const linking = LINKING_WORD.exec(text.slice(start, start + 8));
  if (linking) start += linking[0].length;
  const digitValue = digits ? digitRun(text, start) : null;
  if (digitValue !== null) return digitValue;
  const quoted = quotedProseWord(text, start);
  if (quoted !== null) return quoted;
  return secretShapedWord(text, start);
}

/**
 * The word at `start` when it mixes letters and digits as a secret does, else null. A bracket
 * before it ("password (…)", `token: <…>`) marks nothing: the word must look like a secret still.
 */
function secretShapedWord(text: string, at: number): { start: number; end: number } | null {
  const start = OPENING_BRACKET.test(text[at] ?? '') ? at + 1 : at;
  const word = PROSE_VALUE.exec(text.slice(start, start + MAX_VALUE_LENGTH))?.[0];
  if (!word || !mixesLettersAndDigits(word)) return null;
  return { start, end: start + word.length };
}

/** Opening quote marks of a word quoted in running text, each with the mark that closes it. */
const PROSE_QUOTES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '`': '`',
  '\u201c': '\u201d',
  '\u2018': '\u2019',
  '\u00ab': '\u00bb',
};
/** One quoted word: no blank inside (a quoted phrase is prose), at most this long. */
const MAX_QUOTED_WORD = 128;

/**
 * A single word quoted right after a key word ("password 'dragonfly' was rejected", "token
 * `abcdefgh` expired"): quoting marks it as the literal value, so it is hidden even when it is
 * all letters, which an unquoted word after a key word is not ("password reset").
 */
function quotedProseWord(text: string, at: number): { start: number; end: number } | null {
  const close = PROSE_QUOTES[text[at] ?? ''];
  if (close === undefined) return null;
  const start = at + 1;
  const limit = Math.min(text.length, start + MAX_QUOTED_WORD + 1);
  for (let i = start; i < limit; i += 1) {
    const char = text[i] ?? '';
    if (char === close) return i > start ? { start, end: i } : null;
    if (/\s/.test(char)) return null;
  }
  return null;
}

/**
 * `Bearer <token>` or `<token>`: a known scheme word and the token after it, or the first token.
 * A scheme word with no token after it (`Bearer {{ token }}`, `Bearer` at the end) is left alone.
 */
function headerValue(text: string, start: number): { start: number; end: number } {
  const list = AUTH_PARAMS.exec(text.slice(start, start + MAX_VALUE_LENGTH))?.[0];
  if (list?.includes(',')) return { start, end: start + list.length }; // `Stripe-Signature: t=…,v1=…`
  const end = tokenEnd(text, start);
  // A log or a disclosure body may wrap a bare value onto lines of its own, as it wraps a scheme's token.
  if (!KNOWN_SCHEMES.has(text.slice(start, end).toLowerCase())) return { start, end: end > start ? wrappedTokenEnd(text, end) : end };
  const next = skipBlanks(text, end);
  if (next === end || next >= text.length || TOKEN_END.test(text[next] ?? '')) return { start, end: start };
  const params = AUTH_PARAMS.exec(text.slice(next, next + MAX_VALUE_LENGTH))?.[0];
  if (params !== undefined) return { start, end: next + params.length };
  return { start, end: wrappedTokenEnd(text, tokenEnd(text, next)) };
}

/** A scheme's `name="value", name=value` list (`Token token="…"`, Digest's `response="…"`): all of it is the credential. */
const AUTH_PARAM = `[\\w-]+=(?:"[^"\\n]{0,256}"|[^${TOKEN_END.source.slice(1, -1)}]{1,256})`;
const AUTH_PARAMS = new RegExp(`^${AUTH_PARAM}(?:[ \\t]*,[ \\t]*${AUTH_PARAM})*`);

/** A line that is one token and nothing else: the rest of a token a log hard-wrapped. */
const TOKEN_LINE = /^\r?\n([A-Za-z0-9._~+/=-]{4,})(?=\r?\n|$)/;
const MAX_WRAPPED_LINES = 16;

/**
 * True when `text` opens with a line that a header's token would be taken to go on into: after a
 * token, text that starts so cannot be told from the token's wrapped rest (the fuzz property of
 * the redactor leaves such text out).
 */
export function startsWithWrappedTokenLine(text: string): boolean {
  return wrappedTokenEnd(text, 0) > 0;
}

/**
 * Where a token ends when a log wraps it at a fixed width (`Bearer abcd…\nefgh…`): the next lines
 * continue it while each is one run of token characters mixing letters and digits, the way no
 * header line, status line or word does.
 */
function wrappedTokenEnd(text: string, end: number): number {
  let at = end;
  for (let lines = 0; lines < MAX_WRAPPED_LINES; lines += 1) {
    const line = TOKEN_LINE.exec(text.slice(at, at + MAX_VALUE_LENGTH))?.[0];
    if (line === undefined || !mixesLettersAndDigits(line)) break;
    at += line.length;
  }
  return at;
}

function tokenEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_VALUE_LENGTH);
  let end = from;
  while (end < limit && !TOKEN_END.test(text[end] ?? '')) end += 1;
  return end;
}

/** A quoted value runs to its closing quote, or to the end of the line when unterminated. */
function quotedValue(text: string, start: number, quote: string): { start: number; end: number } {
  const limit = Math.min(text.length, start + MAX_VALUE_LENGTH);
  const escapedQuote = quote.length === 2;
  const mark = quote.slice(-1);
  for (let i = start; i < limit; i += 1) {
    const char = text[i];
    if (char === '\n' || char === '\r') return { start, end: i };
    if (escapedQuote) {
      if (char === '\\' && text[i + 1] === mark) return { start, end: i };
    } else if (char === '\\') {
      i += 1;
    } else if (char === mark) {
      return { start, end: i };
    }
  }
  return { start, end: limit };
}

/** `"`, `'`, `\"` or `\'` right before a key name, else ''. */
function quoteBefore(text: string, at: number): string {
  const char = text[at - 1];
  if (char !== '"' && char !== "'") return '';
  return text[at - 2] === '\\' ? `\\${char}` : char;
}

function quoteAt(text: string, at: number): string {
  const char = text[at];
  if (char === '"' || char === "'" || char === '`') return char;
  if (char === '\\' && (text[at + 1] === '"' || text[at + 1] === "'")) return `\\${text[at + 1]}`;
  return '';
}

/** Long runs of token characters with letters and digits: keys, JWTs, signed IDs. */
function redactSecretRuns(text: string): string {
  const replacements: Replacement[] = [];
  SECRET_RUN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SECRET_RUN.exec(text)) !== null) {
    const run = match[0];
    const start = match.index;
    // Right after "://" the run is a URL's host and path, which the URL pass has redacted already.
    // After a hidden user info ("…@") it is the host and path of that URL, already redacted too.
    if ((text[start - 1] === ':' && run.startsWith('//')) || text.startsWith('://', start - 3)) continue;
    if (text.startsWith(`${URL_MASK}@`, start - 2)) continue;
    const redacted = SECRET_HOST_START.test(run) ? redactUrl(run) : redactIfSecretLooking(run);
    if (redacted !== run) replacements.push({ start, end: cutTokenEnd(text, start + run.length, run), text: redacted });
  }
  return applyReplacements(text, replacements);
}

/** The first token of the next line, after a JWT cut at one of its dots. */
const TOKEN_BELOW = /^\r?\n[ \t]*[A-Za-z0-9_-]{1,4096}/;
/**
 * A JWT cut before its signature ends: its header and payload with the dot before the signature,
 * and at most 42 characters of it (a JWT's header starts `eyJ`, `{"`; the shortest signature,
 * HS256's, is 43 characters).
 */
const JWT_HEAD = /^eyJ[\w-]*\.[\w-]+\.[\w-]{0,42}$/;

/**
 * Where a secret run ends when a log wrapped it: a JWT stopping at the end of its line before its
 * signature is whole goes on with the first token below when that token completes the signature
 * (the two reach 43 characters) or mixes letters and digits as a signature does; a word or a
 * status below ("401 Unauthorized") stays. Any other run goes on with the lines below that are one
 * token each (`wrappedTokenEnd`).
 */
function cutTokenEnd(text: string, end: number, run: string): number {
  const below = JWT_HEAD.test(run) ? TOKEN_BELOW.exec(text.slice(end, end + MAX_VALUE_LENGTH))?.[0] : undefined;
  return below !== undefined && continuesSignature(run, below.trimStart()) ? end + below.length : wrappedTokenEnd(text, end);
}

/** The shortest signature a JWT carries (HS256's, in base64url). */
const MIN_SIGNATURE_LENGTH = 43;

function continuesSignature(run: string, token: string): boolean {
  if (/^\d+$/.test(token)) return false;
  const signature = run.slice(run.lastIndexOf('.') + 1);
  return signature.length + token.length >= MIN_SIGNATURE_LENGTH || mixesLettersAndDigits(token);
}

function redactIfSecretLooking(run: string): string {
  return mixesLettersAndDigits(run) ? redactSecret(run) : run;
}

function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  if (replacements.length === 0) return text;
  const pieces: string[] = [];
  let cursor = 0;
  for (const { start, end, text: replacement } of replacements) {
    pieces.push(text.slice(cursor, start), replacement);
    cursor = end;
  }
  pieces.push(text.slice(cursor));
  return pieces.join('');
}
