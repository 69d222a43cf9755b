// One reader of credential positions: does a key, option, header or URL slot hold a secret?
// A name holds one when its last word names a secret, in any case style and with any separator
// (`apiKey`, `API_KEY`, `api-key`, `x.auth.token`, `GOTIFY_DEFAULTUSER_PASS`), in English or
// another language. A notification URL holds one where its scheme's docs put the token (one
// table, secret-url-slots.ts, which the redactor reads too).
// What the value there is (a stand-in, a mask or a real key) is the classifier's question.
import {
  isBareRedactionWord,
  isDescriptiveStandIn,
  isMaskedToken,
  isPlaceholderToken,
  isStandInTag,
  isWholeMask,
  isWholeTemplateTag,
} from './credential-classify';
import { nameWords } from '../../secret-hints';

export { vendorSecretSpan } from '../../secret-url-slots';

/**
 * Last words of a name that hold a secret. `key` alone counts (`"key": "xxx-xxx"`); data keys are
 * told apart by the words before it (NOT_SECRET_WORDS). Narrower than the redactor's secret names
 * (secret-hints.ts), which also hide signatures, PINs and session ids: a stand-in there is no
 * credential mistake. German, Spanish, Portuguese and French words count in their ASCII spelling.
 */
const SECRET_LAST_WORDS = new Set([
  'token',
  'key',
  'secret',
  'password',
  'passwd',
  'pass',
  'apikey',
  'pat',
  'bearer',
  'credential',
  'credentials',
  'passwort',
  'kennwort',
  'schluessel',
  'clave',
  'contrasena',
  'senha',
  'chave',
  'jeton',
]);

/**
 * Words before the last that make a key or a token ordinary data: paging cursors, form nonces,
 * database and cache keys, a socket handshake's key, a public key meant to be shown.
 */
const NOT_SECRET_WORDS = new Set([
  'page',
  'next',
  'prev',
  'previous',
  'sync',
  'continuation',
  'cursor',
  'csrf',
  'xsrf',
  'idempotency',
  'cache',
  'partition',
  'sort',
  'primary',
  'foreign',
  'unique',
  'row',
  'hash',
  'map',
  'object',
  'lookup',
  'translation',
  'i18n',
  'message',
  'device',
  'push',
  'fcm',
  'websocket',
  'sec',
  'dedup',
  'trace',
  'correlation',
  'routing',
  'event',
  'group',
  'sharding',
  'entity',
  'id',
  'name',
  'type',
  'file',
  'path',
  'env',
  'var',
  'header',
  'query',
  'param',
  'field',
]);

/** Longest name read: longer runs are text, not a key's name. */
const MAX_NAME = 64;

/**
 * True when a key, option or header named `name` holds a secret: its last word names one
 * (`apiKey`, `BOT_TOKEN`, `smtp_auth_password`, `--api-key`, `X-Auth-Token`) and no word before
 * it makes it data (`page_token`, `partition_key`, `sec-websocket-key`). `apikey`, `authtoken`,
 * `accesstoken` written as one word count too.
 */
export function namesSecret(name: string): boolean {
  if (name.length === 0 || name.length > MAX_NAME) return false;
  const words = nameWords(name.replace(/^-+/, ''));
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (
    !SECRET_LAST_WORDS.has(last) &&
    !/^(?:api|access|auth|bearer|bot|app|client|private|secret|publishable)(?:key|token|secret)$/.test(last)
  )
    return false;
  return !words.slice(0, -1).some((word) => NOT_SECRET_WORDS.has(word));
}

/** A typed redaction word between asterisks (`*censored*`, `**REDACTED**`): the writer's hiding, as `<redacted>`. */
const STARRED_WORD = /^\*{1,3}([A-Za-z]+)\*{1,3}$/;

/**
 * What a value in a credential position is: a stand-in typed in place of the secret, a mask of
 * one, or null for a value that may be the secret itself. Code's variables and template tags
 * (`$TOKEN`, `${token}`, `{{ api_key }}`) fill in when they run; only a tag holding a stand-in's
 * words cannot. A whole mask (`********`) is a viewer's display unless it was assigned in code.
 */
export function positionValueProblem(value: string, assignedInCode = false): 'placeholder-token' | 'masked-token' | null {
  if (value.startsWith('$') || value.startsWith('%')) return null;
  if (isWholeTemplateTag(value)) return isStandInTag(value) ? 'placeholder-token' : null;
  if (value.includes('{{') || value.includes('${')) return null;
  const starred = STARRED_WORD.exec(value)?.[1];
  if (starred !== undefined && isBareRedactionWord(starred.toUpperCase())) return 'placeholder-token';
  if (isPlaceholderToken(value) || isDescriptiveStandIn(value)) return 'placeholder-token';
  if (isMaskedToken(value) && (assignedInCode || !isWholeMask(value)) && !/^eyJ/.test(value)) return 'masked-token';
  // A value that is only an ellipsis: the key left out of a config shown.
  if (/^(?:\.{3,}|…)$/.test(value)) return 'masked-token';
  return null;
}
