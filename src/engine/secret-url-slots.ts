// Where notification URLs written with a service's own scheme keep their secret. One table for
// the redactor, which hides that part, and the credential reader, which asks whether a stand-in
// was written there. Kept free of imports: the content script bundles the redactor.

/**
 * Notification URLs that carry the secret as the address's own part: apprise's scheme forms
 * (github.com/caronc/apprise/wiki: `tgram://{bot_token}/…`, `discord://{webhook_id}/{webhook_token}`,
 * `pbul://{accesstoken}`, …) hold it as the host, gotify's (`gotify://{host}/{token}`) as the last
 * path segment. An https webhook address (`hooks.slack.com/services/…`, `/api/webhooks/…`) is not
 * read here: a writer hiding it hides the address they posted to, which the labels do not count
 * as a credential position (LABELS.md rule 3; sb13-123, sb15-021, mb22-180).
 */
const HOST_IS_SECRET = /^(?:tgram|pbul|prowl|join|discord|slack|msteams|pover|pushed|gchat|bark|lametric)$/;
const LAST_SEGMENT_IS_SECRET = /^gotifys?$/;

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
  if (!LAST_SEGMENT_IS_SECRET.test(lowerScheme)) return null;
  const pathEnd = url.slice(pathStart).search(/[?#]|$/) + pathStart;
  const slash = url.lastIndexOf('/', pathEnd - 1);
  return slash >= pathStart && slash + 1 < pathEnd ? { start: slash + 1, end: pathEnd } : null;
}
