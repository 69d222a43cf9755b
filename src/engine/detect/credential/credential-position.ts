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
import { SECRET_NAME_WORDS } from './secret-name-words';

export { vendorSecretSpan } from '../../secret-url-slots';

/**
 * Last words of a name that hold a secret (secret-name-words.ts); data keys are told apart by the
 * word before it (NOT_SECRET_WORDS). The redactor's secret names (secret-hints.ts) are a different
 * question, whether a value is hidden: they also take signatures, PINs and session ids, whose
 * stand-ins are no credential mistake, and they hide a `key` without asking what it keys.
 */
const SECRET_LAST_WORDS = new Set(SECRET_NAME_WORDS);

/**
 * Words right before the last that make a key or a token ordinary data: paging cursors, form
 * nonces, database and cache keys, a socket handshake's key, a public key meant to be shown.
 * Not `routing` (PagerDuty's `routing_key` is its integration secret) nor `primary` (Azure's
 * primary key is a subscription key).
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
  'socket',
  'sec',
  'dedup',
  'trace',
  'correlation',
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

/** Words anywhere before the last that make a name a credential's whatever the data word says (`api_cache_key`). */
const SECRET_QUALIFIERS = new Set(['api', 'access', 'auth', 'webhook', 'secret']);

/**
 * True when a key, option or header named `name` holds a secret: its last word names one
 * (`apiKey`, `BOT_TOKEN`, `smtp_auth_password`, `--api-key`, `X-Auth-Token`) and the word right
 * before it does not make it data (`page_token`, `partition_key`, `sec-websocket-key`), unless a
 * credential's word comes earlier still. Words further back only say whose key it is
 * (`EVENT_WEBHOOK_SECRET`, `ENV_API_KEY`). `apikey`, `authtoken`, `accesstoken` written as one
 * word count too.
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
  const before = words[words.length - 2];
  if (before === undefined || !NOT_SECRET_WORDS.has(before)) return true;
  return words.slice(0, -2).some((word) => SECRET_QUALIFIERS.has(word));
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
