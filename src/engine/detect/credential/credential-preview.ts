// Safe previews of credential values. The only place that decides how much of a secret a user
// may see: at most the first 4 and last 2 characters of a value of 16 or more characters.
import { isBlankShape, isNonSecretToken } from './credential-classify';

/**
 * A value shaped like a word someone may choose as a password (`Glühwein`, `Señorita`, `hunter2`):
 * letters of any script, perhaps with digits, and nothing that marks a blank (no bracket, `_`,
 * `*`, `.`). Or any value with a letter outside ASCII that is not bracketed. Such a value may be
 * the secret itself, whatever the classifier thought of it, so it is never shown as typed.
 */
const WORD_SHAPED = /^[\p{L}\p{M}][\p{L}\p{M}\p{N}]*$|^[^<[{]*[^\p{ASCII}\p{P}\p{S}\s][^>\]}]*$/u;

export const ELLIPSIS = '…';
/** Masks and placeholders are shown as typed, but never longer than this. */
const NON_SECRET_MAX = 40;
/** Shorter secrets are never previewed: 6 of 12 characters would leave too little to guess. */
const MIN_LENGTH_FOR_EDGES = 16;

/**
 * Auth schemes whose word is not secret and may stay in a preview. Only known words: a random
 * first word could be part of the secret.
 */
export const KNOWN_SCHEMES = new Set([
  'bearer',
  'basic',
  'token',
  'apikey',
  'api-key',
  'klaviyo-api-key',
  'digest',
  'key',
  'bot',
  'oauth',
  'sso-key',
  'ssws',
  'negotiate',
  'hmac',
  'signature',
  'aws4-hmac-sha256',
  'jwt',
  'dpop',
  'zoho-oauthtoken',
]);

/** "ab12…89" for a secret of 16+ characters, "…" for anything shorter. Counts code points. */
export function previewSecret(secret: string): string {
  const chars = Array.from(secret);
  if (chars.length < MIN_LENGTH_FOR_EDGES) return ELLIPSIS;
  return `${chars.slice(0, 4).join('')}${ELLIPSIS}${chars.slice(-2).join('')}`;
}

/** A non-secret value (mask, placeholder, template tag) as typed, cut to 40 characters. */
export function showNonSecret(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= NON_SECRET_MAX) return value;
  return `${chars.slice(0, NON_SECRET_MAX - 1).join('')}${ELLIPSIS}`;
}

/**
 * The preview of one token: shown as typed when it is a mask or a blank's shape (a bracket, an
 * x-run, a template tag, a constant's name), else redacted; a word-shaped value always is.
 */
export function previewToken(token: string): string {
  return isNonSecretToken(token) && (isBlankShape(token) || !WORD_SHAPED.test(token)) ? showNonSecret(token) : previewSecret(token);
}

/**
 * A safe preview of a secret or of a whole header value. A known scheme word stays
 * ("Bearer ab12…89"); masks and placeholders are shown as typed (they hold no secret).
 */
export function redactSecret(value: string): string {
  const trimmed = value.trim();
  const scheme = /^([A-Za-z][A-Za-z0-9-]*)\s+(\S[\s\S]*)$/.exec(trimmed);
  if (scheme?.[1] !== undefined && scheme[2] !== undefined && KNOWN_SCHEMES.has(scheme[1].toLowerCase())) {
    return `${scheme[1]} ${previewToken(scheme[2])}`;
  }
  return previewToken(trimmed);
}
