// Checks a webhook request as typed in an editor against the rules of the receiver its URL names:
// the header and scheme of the credential, the user part of Basic credentials, a secret that
// belongs in the URL, the body's encoding and the fields it must carry. Findings hold problem ids
// and fixed words from the catalog, never a value from the request.
import { isCredentialHeader } from '../../credential-headers';
import type { Finding } from '../../types';
import type { BodyRule, CredentialRule } from '../../catalog/types';
import { endpointFor } from '../../catalog/endpoints';
import { hostAndPath } from '../../catalog/endpoints/url';

export interface DraftHeader {
  name: string;
  value: string;
}

export interface RequestDraft {
  url: string;
  headers: readonly DraftHeader[];
  body: string | null;
}

/** Which part of the request a problem is about: the URL, the body, or a header by index. */
export type RequestTarget = 'url' | 'body' | { header: number };

export interface RequestIssue {
  target: RequestTarget;
  finding: Finding;
}

const TEMPLATE_TAG = /\{\{|\{%|\$\{|<%/;
const SCHEME = /^\s*(Bearer|Basic|Token|Bot|Digest|ApiKey)\b/i;
/** Bodies larger than this are not parsed here (the JSON checker has its own limit). */
const MAX_BODY = 128 * 1024;

function finding(kind: Finding['kind'], problem: string, excerpt: string, detail?: Finding['detail']): Finding {
  return { kind, code: null, problem, start: 0, end: 0, excerpt, ...(detail ? { detail } : {}) };
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The user part of Basic credentials matches `pattern`; null when it cannot be told. */
function basicUserMatches(credentials: string, pattern: RegExp): boolean | null {
  if (TEMPLATE_TAG.test(credentials)) return null;
  let decoded: string;
  try {
    decoded = atob(credentials.trim());
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return null; // the generic Basic check reports this one
  return pattern.test(decoded.slice(0, colon));
}

function credentialIssues(rule: CredentialRule, draft: RequestDraft): RequestIssue[] {
  const issues: RequestIssue[] = [];
  const credentialHeaders = draft.headers
    .map((header, index) => ({ header, index }))
    .filter(({ header }) => header.value.trim() !== '' && isCredentialHeader(header.name));

  if (rule.in === 'url') {
    const path = hostAndPath(draft.url)?.path ?? '';
    const query = /\?([^#\s]*)/.exec(draft.url)?.[1] ?? '';
    const pathOk = !rule.secretPath || rule.secretPath.test(path);
    const queryOk = !rule.secretQuery || new RegExp(`(?:^|&)${rule.secretQuery}=[^&]{8,}`).test(query);
    if (!TEMPLATE_TAG.test(draft.url) && !(pathOk && queryOk)) {
      issues.push({ target: 'url', finding: finding('credential', 'incomplete-webhook-url', 'destination URL', { expected: rule.where }) });
    }
    if (rule.headerIgnored) {
      for (const { index } of credentialHeaders) {
        issues.push({
          target: { header: index },
          finding: finding('credential', 'secret-belongs-in-url', 'credential header', { expected: rule.where }),
        });
      }
    }
    return issues;
  }

  const expectedHeader = rule.scheme === 'none' ? rule.header : `${rule.header}: ${rule.scheme} …`;
  const own = credentialHeaders.find(({ header }) => sameName(header.name, rule.header));
  if (!own) {
    // A credential sent under another name: the receiver sees none.
    for (const { index } of credentialHeaders) {
      issues.push({
        target: { header: index },
        finding: finding('credential', 'wrong-auth-header', 'credential header', { expected: expectedHeader }),
      });
    }
    return issues;
  }
  const value = own.header.value;
  if (TEMPLATE_TAG.test(value.split(/\s+/)[0] ?? '')) return issues;
  const scheme = SCHEME.exec(value)?.[1];
  if (rule.scheme === 'none') {
    if (scheme)
      issues.push({
        target: { header: own.index },
        finding: finding('credential', 'wrong-auth-scheme', 'credential header', {
          expected: `the bare token in ${rule.header}, without ${scheme}`,
        }),
      });
    return issues;
  }
  if (scheme && scheme.toLowerCase() !== rule.scheme.toLowerCase()) {
    issues.push({
      target: { header: own.index },
      finding: finding('credential', 'wrong-auth-scheme', 'credential header', {
        expected: rule.expected ? `${rule.scheme} with ${rule.expected}` : rule.scheme,
      }),
    });
    return issues;
  }
  if (!scheme && rule.scheme === 'Basic') {
    issues.push({
      target: { header: own.index },
      finding: finding('credential', 'wrong-auth-scheme', 'credential header', {
        expected: rule.expected ? `Basic with ${rule.expected}` : 'Basic',
      }),
    });
    return issues;
  }
  if (scheme && rule.scheme === 'Basic' && rule.basicUser) {
    const credentials = value.trim().slice(scheme.length).trim();
    if (basicUserMatches(credentials, rule.basicUser) === false) {
      issues.push({
        target: { header: own.index },
        finding: finding('credential', 'basic-wrong-user', 'credential header', rule.expected ? { expected: rule.expected } : undefined),
      });
    }
  }
  return issues;
}

/** Top-level keys of a JSON object body, or null when the body is not one (or not readable yet). */
function jsonKeys(body: string): Set<string> | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? new Set(Object.keys(parsed)) : null;
  } catch {
    return null;
  }
}

function formKeys(body: string): Set<string> {
  const keys = new Set<string>();
  for (const pair of body.split(/[&\r\n]+/)) {
    const name = pair.split('=')[0]?.trim() ?? '';
    if (!name) continue;
    try {
      keys.add(decodeURIComponent(name.replace(/\+/g, ' ')));
    } catch {
      keys.add(name);
    }
  }
  return keys;
}

const LOOKS_JSON = /^\s*[[{]/;
const LOOKS_FORM = /^\s*[\w.[\]%-]+=[^\s]*(?:&[\w.[\]%-]+=[^\s]*)*\s*$/;

/** Top-level string fields longer than the receiver allows, as "content (at most 2000 characters)". */
function tooLong(rule: BodyRule, body: string, isJson: boolean): string[] {
  if (!rule.maxFieldLength) return [];
  let values: Record<string, unknown> = {};
  if (isJson) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) values = parsed as Record<string, unknown>;
    } catch {
      return [];
    }
  } else {
    for (const pair of body.split('&')) {
      const [name = '', value = ''] = pair.split('=');
      try {
        values[decodeURIComponent(name)] = decodeURIComponent(value.replace(/\+/g, ' '));
      } catch {
        // a broken escape: leave that pair out
      }
    }
  }
  return Object.entries(rule.maxFieldLength)
    .filter(([field, max]) => typeof values[field] === 'string' && [...(values[field] as string)].length > max)
    .map(([field, max]) => `${field} (at most ${max} characters)`);
}

function bodyIssues(rule: BodyRule, body: string): RequestIssue[] {
  if (body.trim() === '') return [];
  if (rule.maxBytes !== undefined && new TextEncoder().encode(body).length > rule.maxBytes) {
    return [
      {
        target: 'body',
        finding: finding('json', 'body-too-large', 'request body', { expected: `at most ${Math.floor(rule.maxBytes / 1024)} KB` }),
      },
    ];
  }
  if (body.length > MAX_BODY) return [];
  const isJson = LOOKS_JSON.test(body);
  if (rule.format === 'form' && isJson) {
    return [
      {
        target: 'body',
        finding: finding('json', 'wrong-body-format', 'request body', { expected: 'form-encoded fields (Name=value&Other=value)' }),
      },
    ];
  }
  if (rule.format === 'json' && !isJson && LOOKS_FORM.test(body)) {
    return [{ target: 'body', finding: finding('json', 'wrong-body-format', 'request body', { expected: 'a JSON object' }) }];
  }
  const issues: RequestIssue[] = [];
  const long = tooLong(rule, body, isJson);
  if (long.length > 0) issues.push({ target: 'body', finding: finding('json', 'body-too-large', 'request body', { fields: long }) });
  if (rule.anyOf.length === 0) return issues;
  const keys = isJson ? jsonKeys(body) : formKeys(body);
  if (!keys) return issues;
  const missing = rule.anyOf.filter((group) => !group.some((key) => keys.has(key))).map((group) => group.join(' or '));
  if (missing.length > 0)
    issues.push({ target: 'body', finding: finding('json', 'missing-required-field', 'request body', { fields: missing }) });
  return issues;
}

/** Problems of a request for the receiver its URL names; empty when the URL names none. */
export function checkReceiverRequest(draft: RequestDraft): RequestIssue[] {
  const layer = endpointFor(draft.url);
  const rules = layer?.request?.(draft.url.trim());
  if (!rules) return [];
  if (rules.unusableUrl && !TEMPLATE_TAG.test(draft.url)) {
    // The URL itself is the mistake: checking the rest against it would only add noise.
    return [{ target: 'url', finding: finding('credential', 'unusable-webhook-url', 'destination URL', { expected: rules.unusableUrl }) }];
  }
  return [...credentialIssues(rules.credential, draft), ...(rules.body && draft.body !== null ? bodyIssues(rules.body, draft.body) : [])];
}
