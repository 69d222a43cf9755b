// What makes text worth running the redactor over. Kept apart from the redactor itself so that
// content.js can tell "certainly holds no secret" without bundling the redactor (size budget).

/** Query parameters whose value is a secret whatever it looks like (`?sig=`, `&code=`, `?key=`, `;jsessionid=`). */
export const SECRET_PARAM =
  /^(?:sig|signature|key|code|auth|password|passwd|pwd|sid|[\w-]*token|[\w-]*secret|[\w-]*api[-_]?key|access[-_]?key|[\w-]*sess(?:ion)?[-_]?id)$/i;

/**
 * Invisible characters a page may put inside a long token so that it can wrap (a zero-width
 * space, a soft hyphen, a word joiner): they split it into runs that each look harmless.
 */
export const INVISIBLE_BREAK = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

/**
 * Key words whose value is a secret: Authorization, X-Api-Key, X-Auth-Key, api_token, password,
 * client_secret, and as people write them ("api key", "pass:", "pwd"). The short words count
 * only as whole words: "passed" and "bypass" are none.
 */
export const SECRET_KEY_WORD =
  /authorization|(?:api|auth|access|private)[-_ ]?key|token|password|passwd|secret|(?<![A-Za-z])(?:pass(?:code|phrase)?|pwd|otp|pin|cvc|cvv)(?![A-Za-z])|(?:verification|security|one[-_ ]?time|2fa|mfa)[-_ ]?code/;

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
 * Everything redactSecretsInText acts on: a secret-named key, a cookie header, a URL, a
 * secret-named query parameter, a run of 20 token characters, or an invisible break. Text without any of them
 * comes back from the redactor unchanged.
 */
export const MAY_HOLD_SECRET = new RegExp(
  `${SECRET_KEY_WORD.source}|${COOKIE_HEADER.source}|passw|[\\w.=+/-]{20}|:\\/\\/|[?&;#](?:sig|signature|key|code|auth|pwd|sid|[\\w-]*sess(?:ion)?[-_]?id)=|${INVISIBLE_BREAK.source}`,
  'i',
);
