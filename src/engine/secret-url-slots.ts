// Where notification URLs written with a service's own scheme keep their secret. One table for
// the redactor, which hides that part, and the credential reader, which asks whether a stand-in
// was written there. Kept free of imports: the content script bundles the redactor.

/**
 * Notification URLs that carry the secret as the address's own part, per apprise's scheme forms
 * (github.com/caronc/apprise/wiki). Most hold it as the host: `tgram://{bot_token}/…`,
 * `pbul://{accesstoken}`, `line://{token}/…`, `dingtalk://{token}/`, `opsgenie://{apikey}/`,
 * `psafer://{private_key}`, `pover://{user_key}@{token}` (the host after the user). Some keep it
 * in the path: gotify's (`gotify://{host}/{token}`) as the last segment, bark's
 * (`bark://{host}/{device_key}`) as the first, Google Chat's (`gchat://{workspace}/{key}/{token}`)
 * as the whole path. LaMetric's (`lametric://{apikey}@{device}`) is the user part. An https
 * webhook address (`hooks.slack.com/services/…`, `/api/webhooks/…`) is not read here: a writer
 * hiding it hides the address they posted to, which the labels do not count as a credential
 * position (LABELS.md rule 3; sb13-123, sb15-021, mb22-180).
 */
const HOST_IS_SECRET = /^(?:tgram|pbul|prowl|join|discord|slack|msteams|pover|pushed|line|dingtalk|opsgenie|psafer)$/;
const LAST_SEGMENT_IS_SECRET = /^gotifys?$/;
const FIRST_SEGMENT_IS_SECRET = /^barks?$/;
const PATH_IS_SECRET = /^gchat$/;
const USER_IS_SECRET = /^lametrics?$/;

/**
 * A path segment that names the next one as a secret (IFTTT's `/with/key/{key}`, a `/token/…` or
 * `/apikey/…` route): the reader asks whether a stand-in was written after it, and the redactor
 * hides what follows it whatever it looks like (a plain word or a number is still the key;
 * `/oauth/token/revoke` losing its last word is the price).
 */
export const SECRET_SEGMENT_NAME = /^(?:key|token|apikey|api_key|api-key|secret|access_token)$/i;
/** Telegram's Bot API keeps the bot's token as the first path segment, after `bot` (`/bot123:AA…/sendMessage`). */
export const TELEGRAM_API_HOST = /^api\.telegram\.org$/i;

/** A secret's place inside a URL, relative to the URL's first character after `://`. */
export interface SlotSpan {
  start: number;
  end: number;
}

/** The span of `url` (the part after `scheme://`) that its scheme documents as the secret, if any. */
export function vendorSecretSpan(scheme: string, url: string): SlotSpan | null {
  const lowerScheme = scheme.toLowerCase();
  const pathStart = url.search(/[/?#]|$/);
  if (HOST_IS_SECRET.test(lowerScheme)) {
    const hostStart = url.lastIndexOf('@', pathStart) + 1;
    return hostStart < pathStart ? { start: hostStart, end: pathStart } : null;
  }
  if (USER_IS_SECRET.test(lowerScheme)) {
    const at = url.lastIndexOf('@', pathStart);
    return at > 0 ? { start: 0, end: at } : null;
  }
  const pathEnd = url.slice(pathStart).search(/[?#]|$/) + pathStart;
  if (url[pathStart] !== '/' || pathStart + 1 >= pathEnd) return null;
  if (PATH_IS_SECRET.test(lowerScheme)) return { start: pathStart + 1, end: pathEnd };
  if (FIRST_SEGMENT_IS_SECRET.test(lowerScheme)) {
    const slash = url.indexOf('/', pathStart + 1);
    return { start: pathStart + 1, end: slash === -1 || slash > pathEnd ? pathEnd : slash };
  }
  if (!LAST_SEGMENT_IS_SECRET.test(lowerScheme)) return null;
  const slash = url.lastIndexOf('/', pathEnd - 1);
  return slash + 1 < pathEnd ? { start: slash + 1, end: pathEnd } : null;
}

/**
 * A URL whose secret slot no secret word names: a scheme of the table above, or Telegram's bot
 * path. Page rows that hold one must reach the credential reader, which the usual word hints
 * (token, key, secret) would not send them to.
 */
const UNNAMED_SLOT_URL = new RegExp(
  `\\b(?:${[HOST_IS_SECRET, LAST_SEGMENT_IS_SECRET, FIRST_SEGMENT_IS_SECRET, PATH_IS_SECRET, USER_IS_SECRET]
    .map((scheme) => scheme.source.slice(1, -1))
    .join('|')})://|${TELEGRAM_API_HOST.source.slice(1, -1)}/(?:file/)?bot`,
  'i',
);

/** False when `text` holds no URL whose secret slot goes unnamed (see UNNAMED_SLOT_URL). */
export function mayHoldUnnamedSecretSlot(text: string): boolean {
  return UNNAMED_SLOT_URL.test(text);
}
