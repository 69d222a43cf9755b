// Stand-ins written into a URL rather than a header or a field: the userinfo of
// `https://{api_token}:@host/` or `http://_user_:_password_@host/`, and a path segment named as a
// key (`/forecast/TOKEN_HERE/40.7,-73.9`). Only candidates are found here; like key fields, they
// are judged by the text around them (standInsInText).
import type { Finding } from '../../types';
import { isBareRedactionWord, isFillInWord, isPlaceholderToken, isXStandIn } from './credential-classify';
import { previewToken } from './credential-preview';
import { positionValueProblem, vendorSecretSpan } from './credential-position';
import { SECRET_SEGMENT_NAME, TELEGRAM_API_HOST } from '../../secret-url-slots';

/** Longest authority and path read after `://`: a URL longer than this is not looked into. */
const MAX_URL = 300;
/** What a URL needs for either check below to have anything to read. */
const CAN_HOLD_STAND_IN = /@|[A-Z0-9]_[A-Z]/;
/** A closing bracket ends a URL only when the URL opened none of its kind. */
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '>': '<' };
/** A name wrapped in underscores, a form some tools use for blanks (`_user_`, `_ipaddress_`). */
const UNDERSCORE_BLANK = /^_[A-Za-z][A-Za-z0-9]*_$/;
/**
 * A path segment named as a key: an all-capitals name of two words or more holding a credential
 * word (`TOKEN_HERE`, `YOUR_API_KEY`). One word (`/ID/TOKEN`) is how a log hides its own values.
 */
const KEY_SEGMENT = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const KEY_SEGMENT_WORD = /TOKEN|KEY|SECRET/;

/** Candidate placeholder findings inside URLs; offsets are within `text`. */
export function urlStandIns(text: string): Finding[] {
  const findings: Finding[] = [];
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    const from = at + 3;
    const url = urlAt(text.slice(from, from + MAX_URL));
    const vendor = vendorSlotStandIn(schemeBefore(text, at), url);
    if (vendor) {
      findings.push(candidate(from + vendor.start, from + vendor.end, url.slice(vendor.start, vendor.end), vendor.problem));
      continue;
    }
    const slot = pathSlotStandIn(url);
    if (slot) {
      findings.push(candidate(from + slot.start, from + slot.end, url.slice(slot.start, slot.end), slot.problem));
      continue;
    }
    // Only a userinfo (`@`) or a capitals name with `_` can hold a stand-in: most URLs have neither.
    if (!CAN_HOLD_STAND_IN.test(url)) continue;
    const found = userinfoStandIn(url) ?? pathStandIn(url);
    if (found) findings.push(candidate(from + found.start, from + found.end, url.slice(found.start, found.end)));
  }
  return findings;
}

/** A URL's characters up to a space or a quote, read in one step; brackets are looked at after. */
const URL_RUN = /[^\s"'`]*/y;

/** The URL at the start of `window`: up to a space, a quote, or a bracket it did not open. */
function urlAt(window: string): string {
  URL_RUN.lastIndex = 0;
  const run = URL_RUN.exec(window)?.[0] ?? '';
  // Most URLs hold no bracket at all: nothing to balance.
  if (!/[()[\]{}<>]/.test(run)) return run;
  const open = new Set<string>();
  for (let i = 0; i < run.length; i++) {
    const char = run[i]!;
    const opener = CLOSERS[char];
    if (opener === undefined) {
      if ('([{<'.includes(char)) open.add(char);
      continue;
    }
    if (!open.has(opener)) return run.slice(0, i);
  }
  return run;
}

interface Part {
  start: number;
  end: number;
}

/** `{api_token}:` or `_user_:_password_` before the `@` of the authority. */
function userinfoStandIn(url: string): Part | null {
  const authorityEnd = url.search(/[/?#]|$/);
  const at = url.lastIndexOf('@', authorityEnd);
  if (at <= 0) return null;
  const userinfo = url.slice(0, at);
  const colon = userinfo.indexOf(':');
  const parts = colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
  // Plain words (`user:password@`) are a doc's or a test's own login; only a blank's shape counts,
  // or a value nobody would log in with (`api:xxxxxxxx@`, `api:REPLACE_ME@`).
  const blank = (part: string): boolean =>
    UNDERSCORE_BLANK.test(part) || (/^[{<[]/.test(part) && isPlaceholderToken(part)) || isXStandIn(part) || isFillInWord(part);
  return parts.some(blank) ? { start: 0, end: at } : null;
}

/** A path segment named as a key, before any query. */
function pathStandIn(url: string): Part | null {
  const pathStart = url.indexOf('/');
  if (pathStart < 0) return null;
  const pathEnd = url.slice(pathStart).search(/[?#]|$/) + pathStart;
  let start = pathStart + 1;
  for (const segment of url.slice(pathStart + 1, pathEnd).split('/')) {
    if (KEY_SEGMENT.test(segment) && KEY_SEGMENT_WORD.test(segment) && isPlaceholderToken(segment)) {
      return { start, end: start + segment.length };
    }
    start += segment.length + 1;
  }
  return null;
}

/** A stand-in or a mask in a path slot that https APIs keep their secret in. */
function pathSlotStandIn(url: string): (Part & { problem: Problem }) | null {
  const pathStart = url.indexOf('/');
  if (pathStart < 0) return null;
  const pathEnd = url.slice(pathStart).search(/[?#]|$/) + pathStart;
  const segments = url.slice(pathStart + 1, pathEnd).split('/');
  const telegram = TELEGRAM_API_HOST.test(url.slice(0, pathStart));
  let start = pathStart + 1;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const named = i > 0 && SECRET_SEGMENT_NAME.test(segments[i - 1]!);
    if (named || (telegram && i === 0)) {
      // The `bot` that opens Telegram's slot is the API's own word, not part of the token.
      const skip = telegram && i === 0 && /^bot./i.test(segment) ? 3 : 0;
      const value = segment.slice(skip);
      // A log's own `bot<redacted>` hides the token it sent; a writer's blank stands where it went.
      const problem = isRedactionTag(value) || isRouteParameter(value) ? null : positionValueProblem(value);
      if (problem) return { start: start + skip, end: start + segment.length, problem };
    }
    start += segment.length + 1;
  }
  return null;
}

/**
 * A route template's parameter that names an id, a name or a path (`{apikey_id}`, `<token_id>`,
 * `{keyId}`, `{path}`, `:id`): a reference page's route to the key object, not the key left blank.
 */
const ROUTE_PARAMETER = /^(?::[A-Za-z_]\w*|\{\w*(?:[_-]?(?:[Ii]d|[Nn]ame|[Pp]ath))\}|<\w*(?:[_-]?(?:[Ii]d|[Nn]ame|[Pp]ath))>)$/;

function isRouteParameter(value: string): boolean {
  return ROUTE_PARAMETER.test(value);
}

/** A redaction word in brackets (`<redacted>`, `[REDACTED]`, `{hidden}`): a tool's hiding, not a blank. */
function isRedactionTag(value: string): boolean {
  const inner = /^[<[{(]([A-Za-z]+)[>\]})]$/.exec(value)?.[1];
  return inner !== undefined && isBareRedactionWord(inner.toUpperCase());
}

/** The scheme's letters just before `://` at `at` (`gotifys`, `https`). */
function schemeBefore(text: string, at: number): string {
  let start = at;
  while (start > 0 && start > at - 16 && /[A-Za-z0-9+.-]/.test(text[start - 1] ?? '')) start -= 1;
  return text.slice(start, at);
}

/** A stand-in or a mask in the slot a vendor's URL keeps its secret in (`gotify://host/<mytoken>`). */
function vendorSlotStandIn(scheme: string, url: string): (Part & { problem: Problem }) | null {
  const span = vendorSecretSpan(scheme, url);
  const problem = span && positionValueProblem(url.slice(span.start, span.end));
  return span && problem ? { ...span, problem } : null;
}

type Problem = 'placeholder-token' | 'masked-token';

function candidate(start: number, end: number, value: string, problem: Problem = 'placeholder-token'): Finding {
  return { kind: 'credential', code: null, problem, start, end, excerpt: previewToken(value) };
}
