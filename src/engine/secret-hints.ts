// What makes text worth running the redactor over. Kept apart from the redactor itself so that
// content.js can tell "certainly holds no secret" without bundling the redactor (size budget).
import { LOOKALIKE_HINT } from './lookalike-letters';
import { BIDI_CONTROL } from './text';

/** Last words that make a field or parameter name secret (`accessToken`, `client_secret`, `X-Signing-Secret`, `privateKey`). */
const SECRET_LAST_WORDS = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'passcode',
  'signature',
  'sig',
  'hmac',
  'credential',
  'credentials',
  'key',
  'apikey',
  'hapikey',
  'writekey',
  'auth',
  'sid',
  'sessionid',
  'sessid',
  'jsessionid',
  'phpsessid',
  'otp',
  'pin',
  'cvc',
  'cvv',
]);
/** Last two words that do (`session_id`, `authCode`). */
const SECRET_LAST_PAIRS = new Set(['session id', 'sess id', 'auth code', 'verification code', 'security code']);
/** Names secret only on their own: OAuth's `?code=`, `pass=` (`bypass`, `status_code` are none). */
const SECRET_WHOLE_NAMES = new Set(['code', 'pass', 'bearer']);

/** A name's words: camelCase, kebab-case, snake_case and dotted names split alike, lower-cased. */
export function nameWords(name: string): string[] {
  return name
    .slice(0, 128)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/**
 * True for a query parameter or body field name whose value is a secret whatever it looks like
 * (`?sig=`, `&code=`, `?key=`, `;jsessionid=`, `"accessToken"`, `clientSecret=`). Copy as curl
 * and the URL redactor both ask here.
 */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (words.length === 1 && SECRET_WHOLE_NAMES.has(last)) return true;
  return SECRET_LAST_WORDS.has(last) || SECRET_LAST_PAIRS.has(words.slice(-2).join(' '));
}

/** Words that make a header a credential's wherever they stand in its name (`X-Forwarded-Authorization`, `X-Shopify-Hmac-Sha256`). */
const SECRET_HEADER_WORDS = new Set([...SECRET_LAST_WORDS, 'authorization', 'authorisation', 'authentication', 'cookie', 'session']);

/** True for a header name with a secret word in it: Copy as curl puts a placeholder for its value. */
export function isSecretHeaderName(name: string): boolean {
  return isSecretName(name) || nameWords(name).some((word) => SECRET_HEADER_WORDS.has(word));
}

/**
 * Invisible characters a page may put inside a long token so that it can wrap (a zero-width
 * space, a soft hyphen, a word joiner) or around its parts (direction marks and bidi controls):
 * they split it into runs that each look harmless. Every character Unicode says draws nothing
 * (Default_Ignorable_Code_Point: invisible operators, grapheme joiners, variation selectors,
 * Hangul fillers, tag characters) does the same, so all of them count; the astral ones are
 * written as surrogate pairs, as these patterns have no `u` flag.
 */
export const INVISIBLE_BREAK = new RegExp(
  `(?:[\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2060-\\u2065\\u206a-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff0-\\ufff8]|\\ud82f[\\udca0-\\udca3]|\\ud834[\\udd73-\\udd7a]|[\\udb40-\\udb43][\\udc00-\\udfff]|${BIDI_CONTROL.source})`,
);

/** Separators written with another colon or equals sign: full-width in CJK logs (`api-key：…`), small, ratio, modifier letters. */
export const SEPARATOR_LOOKALIKE: Readonly<Record<string, string>> = {
  '\uff1a': ':',
  '\ufe55': ':',
  '\u2236': ':',
  '\ua789': ':',
  '\u02d0': ':',
  '\uff1d': '=',
  '\ufe66': '=',
};
/** A key's separators: `:` and `=` and every look-alike of them, for a character class. */
const SEPARATOR_CHARS = `:=${Object.keys(SEPARATOR_LOOKALIKE).join('')}`;
/** A key's separator as a character class. */
const ANY_SEPARATOR = `[${SEPARATOR_CHARS}]`;

/**
 * Key words whose value is a secret: Authorization, X-Api-Key, X-Auth-Key, api_token, password,
 * client_secret, a signature or HMAC, credentials, any compound name ending in a key
 * (`Ocp-Apim-Subscription-Key`, `idempotency_key`), Mandrill's quoted `"key"` and a quoted
 * `"bearer"`, a bare `key` before its separator (its value must look like a key), and as people write them ("api
 * key", "pass:", "pwd", "pw=", "auth=", British "Authorisation"), and the words for token,
 * password and API key in other languages ("Passwort", "contraseña", "トークン", "비밀번호",
 * "API-Schlüssel"). The short words count only as whole words: "passed", "bypass" and "OAuth" are none.
 */
export const SECRET_KEY_WORD = new RegExp(
  String.raw`authori[sz]ation|(?:api|auth|access|private)[-_ ]?key|(?<=[A-Za-z0-9][-_])key(?![A-Za-z])|(?<=["'])(?:key|bearer)(?=["'])|(?<![A-Za-z])key(?=[ \t]*${ANY_SEPARATOR})|token|password|passwd|passwort|contrase[ñn]a|mot de passe|senha|wachtwoord|пароль|токен|パスワード|トークン|密码|密钥|令牌|비밀번호|토큰|jeton|api[-_ ]?(?:schlüssel|キー|키)|(?:clave|cl[ée]) (?:de )?api|secret|signature|hmac|credentials?|(?<![A-Za-z])(?:pass(?:code|phrase)?|pwd|pw|auth|otp|pin|cvc|cvv)(?![A-Za-z])|(?:verification|security|one[-_ ]?time|2fa|mfa)[-_ ]?code`,
);

/**
 * An HTTP authentication scheme word with the credential right after it (`Bearer eyJ0…`,
 * `Basic dXNlcjpwYXNz`), wherever it stands: in a Go or Ruby header map, a table cell, after an
 * arrow. The word says the next one is a credential, whatever name (if any) comes before it.
 */
export const AUTH_SCHEME_WORD = /(?<![A-Za-z])(?:bearer|basic)(?![A-Za-z])/;

/**
 * Text that ends with a key name or an auth scheme word, then at most quotes and a separator
 * (`Authorization: Bearer`, `X-Api-Key:`, `token=`): what comes after it is a secret. Text that
 * goes on with a value after the name does not match.
 */
export const ENDS_WITH_KEY_NAME = new RegExp(`(?:${SECRET_KEY_WORD.source}|${AUTH_SCHEME_WORD.source})["'\\s${SEPARATOR_CHARS}-]*$`, 'i');

/**
 * Prefixes only keys carry (Stripe `sk_`/`pk_`/`rk_`/`whsec_`, SendGrid `SG.`, Slack `xoxb-`,
 * GitHub `ghp_`, GitLab `glpat-`, Mailgun `key-`), standing at the start of a word: the value after
 * one is a key however short, where an unnamed run is one only from 20 characters.
 */
export const VENDOR_KEY_PREFIX =
  /(?<![\w.-])(?:(?:sk|pk|rk)(?:[-_](?:live|test))?[-_]|whsec_|SG\.|xox[abpe]-|gh[pousr]_|github_pat_|glpat-|key-)/;

/**
 * Escapes of the characters a key is written with: separators, quotes, `_`, `-`, letters and
 * digits (`%3D`, `%22`, `\u005f`, `\x3d`, `&#61;`, `%65`, `\u0077`, `&#101;`). A key written with
 * them (`api_key%3D…`, `{"api\u005fkey": …}`, `"pass\u0077ord"`) is read again with them decoded.
 */
export const ESCAPED_KEY_CHARACTER =
  /%(?:2[27d]|3[\dad]|4[1-9a-f]|5[\daf]|6[1-9a-f]|7[\da])|\\(?:u00|x)(?:2[27d]|3[\dad]|4[1-9a-f]|5[\daf]|6[1-9a-f]|7[\da])|&#(?:0*(?:3[49]|4[589]|5[0-8]|6[15-9]|[78]\d|9[05789]|1[01]\d|12[0-2])|x0*(?:2[27d]|3[\dad]|4[1-9a-f]|5[\daf]|6[1-9a-f]|7[\da]));/i;

/** A word of 8 to 64 letters and digits in angle brackets, as placeholders are written (`<…>`): it may be a key put there. */
export const BRACKETED_KEY_HINT = /<([A-Za-z0-9]{8,64})>/;

/**
 * Key words whose value is usually all digits (`otp 482913`, `{"pin":"4829"}`): for them a
 * number of 4 to 10 digits is the secret, where after other key words it is a count or an ID.
 */
export const DIGIT_SECRET_KEY_WORD = /^(?:otp|pin|cvc|cvv|passcode|(?:verification|security|one[-_ ]?time|2fa|mfa)[-_ ]?code)$/i;

/**
 * A Cookie or Set-Cookie header: every value in it may be a session (`sid=…`, whatever its name
 * or length), so each is hidden, not only those under a secret-sounding name.
 */
export const COOKIE_HEADER = /\b(?:set-)?cookie[ \t]*:/i;

/**
 * curl's and wget's user option with a password after the user (`-u api:…`, `-uapi:…`, `--user
 * 'admin:…'`, `--proxy-user=…`): the option names the part after the colon a password, whatever it
 * looks like.
 */
export const USER_OPTION = /(?<![\w-])(?:(?:-u|--(?:proxy-)?user)(?:[ \t]+|=|(?=['"]))|-u(?=[^\s:'"=-]))(['"]?)[^\s:'"]{1,64}:/;

/** The mark before a `data:` URL's base64 payload (browsers read it in any case, blanks allowed). */
export const DATA_URL_BASE64_MARK = /;[ \t]*base64,/i;

/** The first line of a PEM private key (`-----BEGIN RSA PRIVATE KEY-----`, `… OPENSSH PRIVATE KEY-----`). */
export const PRIVATE_KEY_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;

/**
 * Everything redactSecretsInText acts on: a secret-named key (or one in look-alike letters), an auth scheme word, a vendor's key
 * prefix, an escaped separator, a cookie header, a URL,
 * user info without a scheme, a `data:` URL's base64 payload, a PEM private key, a secret-named query parameter, a run of 20 token characters, or an invisible break. Text without any of them
 * comes back from the redactor unchanged.
 */
export const MAY_HOLD_SECRET = new RegExp(
  `${SECRET_KEY_WORD.source}|${LOOKALIKE_HINT.source}|${AUTH_SCHEME_WORD.source}|${VENDOR_KEY_PREFIX.source}|${ESCAPED_KEY_CHARACTER.source}|${COOKIE_HEADER.source}|${USER_OPTION.source}|${BRACKETED_KEY_HINT.source}|${DATA_URL_BASE64_MARK.source}|${PRIVATE_KEY_BEGIN.source}|passw|[\\w.=+/-]{20}|:\\/\\/|:[^\\s@/:"'<>]{1,128}@|[?&;#](?:sig|signature|key|code|auth|pwd|sid|[\\w-]*sess(?:ion)?[-_]?id)=|${INVISIBLE_BREAK.source}`,
  'i',
);
