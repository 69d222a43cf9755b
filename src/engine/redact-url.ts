// Secrets in URLs. Webhook services put the secret in the path (Slack, Discord, Zapier, Make,
// Teams, Apps Script, IFTTT) or the query (`?sig=`, `?token=`); any service may use a long random
// path segment as one. The one function for this: the content script applies it to the
// destination URL before it leaves the page, the worker again before it stores anything, and the
// text redactor to every URL in a row.
import { isSecretName } from './secret-hints';
import { SECRET_SEGMENT_NAME, TELEGRAM_API_HOST, vendorSecretSpan } from './secret-url-slots';
import { mixesLettersAndDigits } from './text';

/** What a hidden part of a URL becomes. */
export const URL_MASK = '…';

interface SecretPathRule {
  host: RegExp;
  /** The path's secret part: its first capture group (every segment in it is hidden). */
  path: RegExp;
}

/** Services that keep the secret in the URL path. Hosts are matched lower-cased, without port. */
const SECRET_PATH_RULES: readonly SecretPathRule[] = [
  { host: /^hooks\.slack\.com$/, path: /^\/(?:services|workflows|triggers)\/(.+)$/ },
  { host: /(?:^|\.)discord(?:app)?\.com$/, path: /\/webhooks\/(.+)$/ },
  { host: /^hooks\.zapier\.com$/, path: /^\/hooks\/catch\/(.+)$/ },
  { host: /^hook\.(?:[\w-]+\.)?(?:make|integromat)\.com$/, path: /^\/(.+)$/ },
  { host: /(?:^|\.)webhook\.office\.com$|^outlook\.office(?:365)?\.com$/, path: /^\/(?:webhookb2\/|webhook\/)?(.+)$/ },
  { host: /\.logic\.azure\.com$/, path: /^\/workflows\/([^/]+)/ },
  { host: /^script\.google\.com$/, path: /^\/macros\/s\/([^/]+)/ },
  { host: /^maker\.ifttt\.com$/, path: /(?:\/with\/key\/|^\/use\/)(.+)$/ },
  { host: TELEGRAM_API_HOST, path: /^\/(?:file\/)?bot([^/]+)/ },
];

/** Scheme (optional), authority, path, query, fragment: plain string work, no normalising. */
const URL_PARTS = /^([a-z][a-z\d+.-]*:\/\/)?([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/is;

/** Hosts of SECRET_PATH_RULES as they start a URL written without a scheme. */
export const SECRET_HOST_START =
  /^(?:hooks\.slack\.com|(?:[\w-]+\.)?discord(?:app)?\.com|hooks\.zapier\.com|hook\.(?:[\w-]+\.)?(?:make|integromat)\.com|[\w-]+\.webhook\.office\.com|[\w.-]+\.logic\.azure\.com|script\.google\.com|maker\.ifttt\.com|api\.telegram\.org)\//i;

/**
 * The URL with every secret part replaced by "…": userinfo, the secret path of known webhook
 * services, random-looking path segments on any host, secret or random-looking query and fragment
 * values, and random-looking parts of a fragment. Everything else stays exactly as written.
 */
export function redactUrl(url: string): string {
  return redactUrlParts(withoutSchemeSecret(url));
}

/** `tgram://{bot_token}/…`, `gotify://host/{token}`: the scheme's own secret part hidden, whatever it looks like. */
function withoutSchemeSecret(url: string): string {
  const schemeEnd = url.indexOf('://');
  if (schemeEnd <= 0) return url;
  const rest = url.slice(schemeEnd + 3);
  const slot = vendorSecretSpan(url.slice(0, schemeEnd), rest);
  return slot ? `${url.slice(0, schemeEnd + 3)}${rest.slice(0, slot.start)}${URL_MASK}${rest.slice(slot.end)}` : url;
}

function redactUrlParts(url: string): string {
  const parts = URL_PARTS.exec(url);
  if (!parts) return url;
  const [, scheme = '', authority = '', path = '', query, fragment] = parts;
  const at = authority.lastIndexOf('@');
  const host = (at >= 0 ? authority.slice(at + 1) : authority).replace(/:\d*$/, '').toLowerCase();
  return [
    scheme,
    at >= 0 ? `${URL_MASK}@${authority.slice(at + 1)}` : authority,
    redactPath(host, path),
    query === undefined ? '' : `?${redactParams(query.slice(1))}`,
    fragment === undefined ? '' : `#${redactFragment(fragment.slice(1))}`,
  ].join('');
}

/**
 * A fragment's parameters (or a path segment's matrix parameters) as a query's, and its other
 * parts (a bare `#…`, the steps of a hash route `#/keys/…`, a bare `;…`) as path segments: an app
 * may put a key there with no name before it.
 */
function redactFragment(fragment: string): string {
  return redactParams(fragment).replace(
    /(^|[/?&;])([^/?&;=]+)(?=$|[/?&;])/g,
    (_whole, lead: string, part: string) => lead + redactParts(part),
  );
}

/** A URL's path with its secret parts masked, segment by segment ("/" is never masked). */
export function redactPath(host: string, path: string): string {
  for (const rule of SECRET_PATH_RULES) {
    if (!rule.host.test(host)) continue;
    const match = rule.path.exec(path);
    const secret = match?.[1];
    if (match && secret !== undefined) {
      const start = match.index + match[0].length - secret.length;
      const masked = secret.replace(/[^/]+/g, URL_MASK);
      // The part before the secret is the service's own fixed path ("webhookb2" is no key).
      return path.slice(0, start) + masked + redactSegments(path.slice(start + secret.length));
    }
  }
  return redactSegments(path);
}

/**
 * Path segments with their secret parts hidden: the whole segment after one named as a key
 * (`/apikey/…`), random-looking parts of the others (split at "/" and ".") one by one, and the
 * values of matrix parameters (`/log;jsessionid=…`) as a query's are: servlet containers put the
 * session there, and it reaches the page's own address.
 */
export function redactSegments(path: string): string {
  return path
    .split('/')
    .map((segment, index, segments) =>
      segment !== '' && index > 0 && SECRET_SEGMENT_NAME.test(segments[index - 1]!) ? URL_MASK : redactSegment(segment),
    )
    .join('/');
}

function redactSegment(segment: string): string {
  const params = segment.indexOf(';');
  if (params < 0) return redactParts(segment);
  // A bare parameter (`/in;7Q2m…`) is judged as a fragment's bare part is.
  return redactParts(segment.slice(0, params)) + redactFragment(segment.slice(params));
}

function redactParts(segment: string): string {
  return segment.replace(/[^.]+/g, (part) => (looksRandom(part) ? URL_MASK : part));
}

/** `a=1&sig=…`: secret-named or random-looking values hidden; names and order kept. */
function redactParams(params: string): string {
  // A name starts after "?" or "/" too: hash routers write `#/settings?token=…`.
  return params.replace(/([^&;=?/]*)=([^&;]*)/g, (whole: string, name: string, value: string) =>
    value !== '' && (isSecretName(name) || looksRandom(value)) ? `${name}=${URL_MASK}` : whole,
  );
}

/**
 * A part that looks like a key rather than a word or a number: 8+ characters mixing letters and
 * digits, or 20+ letters mixing cases the way random text does (camelCase words have few capitals).
 */
export function looksRandom(text: string): boolean {
  const part = text.replace(/%[\dA-Fa-f]{2}/g, '-'); // "%2Ftriggers%2Frun" is words
  if (part.length >= 8 && mixesLettersAndDigits(part)) return true;
  if (part.length < 20 || !/^[A-Za-z_~-]+$/.test(part)) return false;
  const upper = part.replace(/[^A-Z]/g, '').length;
  const letters = part.replace(/[^A-Za-z]/g, '').length;
  return upper / letters >= 0.25 && upper / letters <= 0.75;
}
