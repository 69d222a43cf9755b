// "Copy as curl": the request an ESP would send, as a shell command an engineer can run, with every
// secret replaced by a named placeholder ($SLACK_WEBHOOK_SECRET) and a note on where to find the
// real value. The text never holds a credential value: header credentials, URL-path secrets of
// Slack, Discord, Zapier and co., credentials in the URL, secret-looking query values and secret
// body fields all become placeholders.
import type { CredentialRule } from './catalog/types';
import { endpointFor } from './catalog/endpoints';
import { isCredentialHeader } from './credential-headers';
import { redactSecretsInText } from './redact';
import { looksRandom, redactPath, redactSegments } from './redact-url';
import { isSecretHeaderName, isSecretName } from './secret-hints';
import { mixesLettersAndDigits } from './text';

export interface CurlRequest {
  method: string;
  url: string;
  headers: readonly { name: string; value: string }[];
  body: string | null;
  /** Who sends it, for the comment line ("Braze"). */
  sender?: string;
}

/** A piece of the command: text taken as typed, or a placeholder the shell fills in. */
type Segment = { text: string } | { placeholder: string };

interface Placeholder {
  name: string;
  where: string;
}

/** A query value that looks like a generated secret even under an innocent name. */
const TOKEN_LIKE = /^[A-Za-z0-9_\-.~%+/=]{24,}$/;
/** Token characters a path segment is made of when it may be a piece of a secret. */
const TOKEN_SEGMENT = /^[\w-]{5,}$/;
const SCHEME = /^\s*(Bearer|Basic|Token|Bot|ApiKey|Digest)\s+/i;
const SCHEME_AND_VALUE = new RegExp(`${SCHEME.source}\\S`, 'i');

/**
 * A body value under a name that tells nothing (`webhook_url`, `note`) that still holds what the
 * text redactor hides in a sample: a URL with a secret in it, a key and its value written inside,
 * a long random run.
 */
function holdsSecret(value: string): boolean {
  return redactSecretsInText(value) !== value;
}

/** A media type (`application/vnd.github.v3+json; charset=utf-8`): never a secret, whatever its letters. */
const MEDIA_TYPE = /^\s*[\w.+-]+\/[\w.+-]+\s*(?:;[^;]*)*$/;

/** A header value under a plain name that holds what the redactor hides (`X-Client: sk_live_…`, a Slack URL). */
function headerHoldsSecret(value: string): boolean {
  return !MEDIA_TYPE.test(value) && holdsSecret(value);
}

/** A path segment that mixes letters and digits: in a URL that holds a secret, likely a piece of it. */
function isPieceOfSecret(segment: string): boolean {
  return TOKEN_SEGMENT.test(segment) && mixesLettersAndDigits(segment);
}

/** Single-quotes text for a POSIX shell: ' becomes '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Joins segments into one shell word: quoted text and "$PLACEHOLDER" side by side. */
export function shellWord(segments: readonly Segment[]): string {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const previous = merged[merged.length - 1];
    if ('text' in segment && previous && 'text' in previous) merged[merged.length - 1] = { text: previous.text + segment.text };
    else merged.push(segment);
  }
  const parts = merged.flatMap((segment) => {
    if ('placeholder' in segment) return [`"$${segment.placeholder}"`];
    return segment.text === '' ? [] : [shellQuote(segment.text)];
  });
  return parts.length > 0 ? parts.join('') : "''";
}

/** An environment-variable name from free text: "X-Api-Key" → "X_API_KEY". */
export function placeholderName(text: string): string {
  const name = text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Z_]/.test(name) ? name : `V_${name}`;
}

class Placeholders {
  readonly list: Placeholder[] = [];
  add(name: string, where: string): string {
    if (!this.list.some((p) => p.name === name)) this.list.push({ name, where });
    return name;
  }
}

function urlSegments(raw: string, rule: CredentialRule | undefined, holders: Placeholders): Segment[] {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim()) ? raw.trim() : `https://${raw.trim()}`);
  } catch {
    // Not a URL we can take apart: keep nothing of it that could be a secret.
    return [{ placeholder: holders.add('WEBHOOK_URL', "the webhook URL from the ESP's editor") }];
  }
  const segments: Segment[] = [{ text: `${url.protocol}//` }];
  if (url.username || url.password) {
    segments.push({ placeholder: holders.add('URL_CREDENTIALS', 'the user:password part of the webhook URL') }, { text: '@' });
  }
  segments.push({ text: url.host });
  const path = url.pathname;
  const secret = rule?.in === 'url' ? (rule.secretPath?.exec(path) ?? null) : null;
  if (rule?.in === 'url' && secret?.[1] !== undefined) {
    const start = secret.index + secret[0].indexOf(secret[1]);
    segments.push(
      { text: path.slice(0, start) },
      { placeholder: holders.add(rule.placeholder, rule.where) },
      { text: path.slice(start + secret[1].length) },
    );
  } else {
    // Any service may keep its key in the path (IFTTT, Teams, a random segment): the pieces the
    // sample redactor hides become placeholders, the one definition of a secret path part. When a
    // service's secret part is cut short or mangled, what is left of it is still a piece of the
    // secret, and the catalog rule, not the redactor's host rule, says which of its ids are fixed.
    const cutShort = rule?.in === 'url' && rule.secretPath ? rule : undefined;
    const masked = (cutShort ? redactSegments(path) : redactPath(url.hostname.toLowerCase(), path)).split('/');
    path.split('/').forEach((part, index) => {
      if (index > 0) segments.push({ text: '/' });
      segments.push(...pathSegmentParts(part, masked[index] ?? '', holders, cutShort));
    });
  }
  let first = true;
  for (const [name, value] of url.searchParams) {
    segments.push({ text: `${first ? '?' : '&'}${encodeURIComponent(name)}=` });
    first = false;
    if (rule?.in === 'url' && rule.secretQuery === name) {
      segments.push({ placeholder: holders.add(rule.placeholder, rule.where) });
    } else if (isSecretName(name) || TOKEN_LIKE.test(value) || looksRandom(value)) {
      segments.push({ placeholder: holders.add(`QUERY_${placeholderName(name)}`, `the ${name} value in the webhook URL's query`) });
    } else {
      segments.push({ text: encodeURIComponent(value) });
    }
  }
  return segments;
}

/**
 * One path segment against its masked form, piece by piece (the name, then each `;name=value`):
 * a piece the redactor changed becomes a placeholder, a matrix parameter keeping its name. Under a
 * cut-short secret, a name that looks like a piece of it becomes the service's placeholder.
 */
function pathSegmentParts(
  part: string,
  masked: string,
  holders: Placeholders,
  cutShort?: { placeholder: string; where: string },
): Segment[] {
  const pieces = part.split(';');
  const maskedPieces = masked.split(';');
  const segments: Segment[] = [];
  pieces.forEach((piece, index) => {
    if (index > 0) segments.push({ text: ';' });
    const equals = piece.indexOf('=');
    if (index === 0 && cutShort && isPieceOfSecret(piece))
      segments.push({ placeholder: holders.add(cutShort.placeholder, cutShort.where) });
    else if (maskedPieces[index] === piece) segments.push({ text: piece });
    else if (index > 0 && equals > 0) {
      const name = piece.slice(0, equals);
      segments.push(
        { text: `${name}=` },
        { placeholder: holders.add(`PATH_${placeholderName(name)}`, `the ${name} value in the webhook URL's path`) },
      );
    } else segments.push({ placeholder: holders.add('PATH_SECRET', "the secret part of the webhook URL's path") });
  });
  return segments;
}

function headerSegments(name: string, value: string, rule: CredentialRule | undefined, holders: Placeholders): Segment[] {
  const label = name.trim();
  // A secret word in the name, or a scheme and a credential as the value (`X-Custom: Bearer …`).
  if (!isCredentialHeader(label) && !isSecretHeaderName(label) && !SCHEME_AND_VALUE.test(value) && !headerHoldsSecret(value)) {
    return [{ text: `${label}: ${value}` }];
  }
  const ruled = rule?.in === 'header' && rule.header.toLowerCase() === label.toLowerCase() ? rule : undefined;
  const placeholder = holders.add(
    ruled?.placeholder ?? placeholderName(/^authorization$/i.test(label) ? 'API_TOKEN' : label),
    ruled?.where ?? `the value of the ${label} header in the ESP's webhook editor`,
  );
  const scheme = SCHEME.exec(value)?.[1];
  return [{ text: `${label}: ${scheme ? `${scheme} ` : ''}` }, { placeholder }];
}

/** The body with the values of secret-named fields (JSON strings or form pairs), or that hold a secret, as placeholders. */
function bodySegments(body: string, holders: Placeholders): Segment[] {
  const segments: Segment[] = [];
  const field = /("([\w.-]{1,64})"\s*:\s*")((?:[^"\\\r\n]|\\.){1,4096})(")|((?:^|&)([\w.-]{1,64})=)([^&\r\n]{1,4096})/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = field.exec(body)) !== null) {
    const key = match[2] ?? match[6] ?? '';
    if (!isSecretName(key) && !holdsSecret(match[3] ?? match[7] ?? '')) continue;
    const prefix = match[1] ?? match[5] ?? '';
    const valueStart = match.index + prefix.length;
    const valueEnd = valueStart + (match[3] ?? match[7] ?? '').length;
    segments.push(
      { text: body.slice(last, valueStart) },
      { placeholder: holders.add(`BODY_${placeholderName(key)}`, `the ${key} value in the webhook body`) },
    );
    last = valueEnd;
  }
  segments.push({ text: body.slice(last) });
  // What no field pair holds (an array's items, XML, plain text, a value too long for a pair):
  // a run that holds a secret goes whole.
  return segments.map((segment) =>
    'text' in segment && holdsSecret(segment.text)
      ? { placeholder: holders.add('BODY_SECRET', 'a secret in the webhook body outside a named field') }
      : segment,
  );
}

/**
 * Text from the request (a query name, a body key) made safe for a comment line: a line break or
 * carriage return in it (`?x%0Arm…`) would start a command of its own in a pasted script.
 */
function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ');
}

/** The whole command with its comment lines; every secret is a placeholder. */
export function buildCurl(request: CurlRequest): string {
  const layer = endpointFor(request.url);
  const rule = layer?.request?.(request.url.trim())?.credential;
  const holders = new Placeholders();
  const method = /^[A-Za-z]{3,10}$/.test(request.method.trim()) ? request.method.trim().toUpperCase() : 'POST';

  const lines = [`curl -i -X ${method} ${shellWord(urlSegments(request.url, rule, holders))}`];
  for (const header of request.headers) {
    if (header.name.trim() === '') continue;
    lines.push(`  -H ${shellWord(headerSegments(header.name, header.value, rule, holders))}`);
  }
  const body = request.body ?? '';
  if (body.trim() !== '' && method !== 'GET') lines.push(`  --data-raw ${shellWord(bodySegments(body, holders))}`);

  const comments = [
    `# The webhook request${request.sender ? ` ${request.sender} sends` : ''}${layer ? ` to ${layer.name}` : ''}, made by Webhook Doctor.`,
  ];
  if (holders.list.length > 0) {
    comments.push('# Secrets are placeholders: set each one in your shell before running the command.');
    for (const { name, where } of holders.list) comments.push(`#   export ${name}='…'   # ${commentText(where)}`);
  }
  if (/\{\{|\{%|\$\{/.test(body)) comments.push('# Template tags ({{ … }}) are sent as typed here: replace them with sample values.');
  comments.push('# Like most ESPs, this does not follow redirects: add -L to see where a 3xx leads.');
  return `${comments.join('\n')}\n${lines.join(' \\\n')}\n`;
}
