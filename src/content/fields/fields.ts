// Editor fields (destination URL, header key/value rows, body): found through the site adapter,
// or by shape when its selectors miss, checked as the user types, and warned about right after the
// field. What the user typed stays here: warnings and snapshots carry problem ids and fixed labels.
import { checkCredentialValue } from '../../engine/detect/credential/credential';
import { checkJsonBody } from '../../engine/detect/json/json-body';
import { isCredentialHeader } from '../../engine/credential-headers';
import { checkReceiverRequest, type RequestTarget } from '../../engine/detect/receiver/receiver-request';
import type { Finding } from '../../engine/types';
import type { SiteAdapter } from '../../providers/site-adapter';
import { isEditable, queryAll } from '../page/dom';
import { redactUrl } from '../../engine/redact-url';
import { endpointRules } from './endpoint';
import { createFieldWarning, renderFieldWarning, warningText } from './field-warning';
import { groupEditors } from './editor-groups';

export type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLElement;

export interface HeaderField {
  name: string;
  value: FieldElement;
}

export interface EditorFields {
  url: FieldElement | null;
  headers: HeaderField[];
  body: FieldElement | null;
}

/** One problem of one field. `finding` holds no text taken from the field. */
export interface FieldIssue {
  field: FieldElement;
  /** A fixed label for the popup, e.g. "Authorization header". */
  label: string;
  finding: Finding;
}

const URL_HINT = /url|endpoint|destination|webhook/i;
const LOOKS_LIKE_URL = /^\s*https?:\/\/\S+\s*$/i;
/** Bodies larger than this are not checked: the check runs in one go and must stay short. */
const MAX_BODY_CHECK = 128 * 1024;

/** The text of a field: value of inputs and textareas, text of an editing host. */
export function fieldValue(field: Element): string {
  if ('value' in field && typeof (field as HTMLInputElement).value === 'string') return (field as HTMLInputElement).value;
  return field.textContent ?? '';
}

function isTextField(el: Element): el is FieldElement {
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return type === 'text' || type === 'url' || type === 'password' || type === 'search' || type === '';
  }
  return isEditable(el);
}

function hintsOf(el: Element): string {
  return ['name', 'id', 'aria-label', 'placeholder'].map((a) => el.getAttribute(a) ?? '').join(' ');
}

/**
 * Finds the page's request editors in the document (and open shadow roots given): every URL,
 * header and body field, grouped into one editor per request (editor-groups.ts).
 */
export function findEditors(roots: readonly ParentNode[], adapter: SiteAdapter): EditorFields[] {
  const { editor } = adapter;
  const inputs = roots.flatMap((root) => queryAll(root, 'input, textarea, [contenteditable]')).filter(isTextField);
  const all = (selector: string) => roots.flatMap((root) => queryAll(root, selector)).filter(isTextField);

  let urls = all(editor.url);
  if (urls.length === 0)
    urls = inputs.filter((el) => el.tagName !== 'TEXTAREA' && LOOKS_LIKE_URL.test(fieldValue(el)) && URL_HINT.test(hintsOf(el)));

  let headers: HeaderField[] = [];
  if (editor.headerRow) {
    for (const row of roots.flatMap((root) => queryAll(root, editor.headerRow))) {
      const name = queryAll(row, editor.headerName)[0];
      const value = queryAll(row, editor.headerValue).find(isTextField);
      if (name && value) headers.push({ name: fieldValue(name), value });
    }
  }
  if (headers.length === 0) headers = headersByShape(inputs);

  let bodies = all(editor.body);
  if (bodies.length === 0) bodies = inputs.filter((el) => el.tagName === 'TEXTAREA' && /^\s*[[{]/.test(fieldValue(el)));
  return groupEditors(urls, headers, bodies);
}

/** A key input holding a credential header name, and the next text field beside it. */
function headersByShape(inputs: FieldElement[]): HeaderField[] {
  const headers: HeaderField[] = [];
  inputs.forEach((input, index) => {
    if (input.tagName !== 'INPUT' || !isCredentialHeader(fieldValue(input))) return;
    const next = inputs[index + 1];
    if (next && sharesRow(input, next)) headers.push({ name: fieldValue(input), value: next });
  });
  return headers;
}

/** True when two fields sit in the same small container (a key/value row). */
function sharesRow(a: Element, b: Element): boolean {
  let container = a.parentElement;
  for (let i = 0; container && i < 3; i++, container = container.parentElement) {
    if (container.contains(b)) return true;
  }
  return false;
}

/** Every problem of the editor's fields, one per field and problem. */
export function checkEditorFields(fields: EditorFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: FieldElement, label: string, finding: Finding) => {
    if (issues.some((issue) => issue.field === field && issue.finding.problem === finding.problem)) return;
    issues.push({ field, label, finding: safeFinding(finding, label) });
  };
  const url = fields.url ? fieldValue(fields.url) : null;
  const rules = endpointRules(url);
  // The receiver's own rules come first: they know which header and scheme it takes.
  const receiverIssues = url ? receiverRequestIssues(fields, url) : [];
  const receiverCredentialFields = new Set(
    receiverIssues.filter((issue) => issue.finding.kind === 'credential').map((issue) => issue.field),
  );
  for (const issue of receiverIssues) add(issue.field, issue.label, issue.finding);

  let tokenField: HeaderField | undefined;
  for (const header of fields.headers) {
    const value = fieldValue(header.value);
    if (!value.trim() || !isCredentialHeader(header.name)) continue;
    tokenField ??= header;
    const label = `${header.name.trim()} header`;
    for (const finding of safely(() => checkCredentialValue(value, header.name.trim()))) {
      // "Add Bearer" would contradict the receiver's own advice for this field.
      if (receiverCredentialFields.has(header.value) && GENERIC_SCHEME_PROBLEMS.has(finding.problem ?? '')) continue;
      add(header.value, label, finding);
    }
  }

  if (rules?.productionTokenOnly) {
    const field = tokenField?.value ?? fields.url;
    const label = tokenField ? `${tokenField.name.trim()} header` : 'destination URL';
    if (field) {
      add(field, label, { kind: 'credential', code: null, problem: 'test-token-wrong-endpoint', start: 0, end: 0, excerpt: label });
    }
  }

  if (fields.body) {
    const body = fieldValue(fields.body);
    if (body.trim() && body.length <= MAX_BODY_CHECK) {
      for (const finding of safely(() => checkJsonBody(body, rules?.requiredFields ?? []))) add(fields.body, 'request body', finding);
    }
  }
  return issues;
}

const GENERIC_SCHEME_PROBLEMS = new Set(['missing-bearer-prefix', 'malformed-scheme']);

/** The receiver's request rules applied to the editor's fields, each problem on its field. */
function receiverRequestIssues(fields: EditorFields, url: string): FieldIssue[] {
  const draft = {
    url,
    headers: fields.headers.map((header) => ({ name: header.name, value: fieldValue(header.value) })),
    body: fields.body ? fieldValue(fields.body) : null,
  };
  const located = (target: RequestTarget): { field: FieldElement; label: string } | null => {
    if (target === 'url') return fields.url ? { field: fields.url, label: 'destination URL' } : null;
    if (target === 'body') return fields.body ? { field: fields.body, label: 'request body' } : null;
    const header = fields.headers[target.header];
    return header ? { field: header.value, label: `${header.name.trim()} header` } : null;
  };
  return safely(() => checkReceiverRequest(draft)).flatMap(({ target, finding }) => {
    const place = located(target);
    return place ? [{ field: place.field, label: place.label, finding }] : [];
  });
}

/** Keeps kind, problem and structural detail; drops anything that could quote the field. */
function safeFinding(finding: Finding, label: string): Finding {
  const detail = finding.detail
    ? {
        ...(finding.detail.line !== undefined ? { line: finding.detail.line } : {}),
        ...(finding.detail.column !== undefined ? { column: finding.detail.column } : {}),
        ...(finding.detail.reason !== undefined && finding.kind === 'json' ? { reason: finding.detail.reason } : {}),
        ...(finding.detail.fields ? { fields: [...finding.detail.fields] } : {}),
        ...(finding.detail.expected !== undefined ? { expected: finding.detail.expected } : {}),
      }
    : undefined;
  return {
    kind: finding.kind,
    code: finding.code,
    problem: finding.problem,
    start: 0,
    end: 0,
    excerpt: label,
    ...(detail ? { detail } : {}),
  };
}

function safely<T>(check: () => T[]): T[] {
  try {
    return check();
  } catch {
    return [];
  }
}

/**
 * The destination URL without query or fragment, its secret path parts hidden (Slack, Discord,
 * Zapier... keep the secret in the path; redactUrl), or null.
 */
export function safeEndpointUrl(fields: EditorFields): string | null {
  if (!fields.url) return null;
  try {
    const url = new URL(fieldValue(fields.url).trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? redactUrl(`${url.origin}${url.pathname}`) : null;
  } catch {
    return null;
  }
}

/** The warnings on the page: one element per field and problem, right after the field. */
export class FieldWarnings {
  private byField = new Map<FieldElement, Map<string, HTMLElement>>();
  private current: FieldIssue[] = [];

  /** Shows exactly these issues; returns true when the set of problems changed. */
  apply(issues: FieldIssue[]): boolean {
    const before = signatureOf(this.current);
    const wanted = new Map<FieldElement, FieldIssue[]>();
    for (const issue of issues) {
      const list = wanted.get(issue.field) ?? [];
      list.push(issue);
      wanted.set(issue.field, list);
    }
    for (const [field, warnings] of this.byField) {
      const keep = new Set((wanted.get(field) ?? []).map((issue) => issue.finding.problem ?? ''));
      for (const [problem, host] of warnings) {
        if (!keep.has(problem) || !field.isConnected) {
          host.remove();
          warnings.delete(problem);
        }
      }
      if (warnings.size === 0) this.byField.delete(field);
    }
    for (const [field, fieldIssues] of wanted) {
      if (!field.isConnected) continue;
      const warnings = this.byField.get(field) ?? new Map<string, HTMLElement>();
      this.byField.set(field, warnings);
      let previous: Element = field;
      for (const issue of fieldIssues) {
        const problem = issue.finding.problem ?? '';
        let host = warnings.get(problem);
        if (!host) {
          host = createFieldWarning(field.ownerDocument, problem);
          warnings.set(problem, host);
        }
        renderFieldWarning(host, warningText(issue.finding));
        if (previous.nextElementSibling !== host) previous.after(host);
        previous = host;
      }
    }
    this.current = issues.filter((issue) => issue.field.isConnected);
    return signatureOf(this.current) !== before;
  }

  issues(): readonly FieldIssue[] {
    return this.current;
  }

  clear(): void {
    for (const warnings of this.byField.values()) for (const host of warnings.values()) host.remove();
    this.byField.clear();
    this.current = [];
  }
}

function signatureOf(issues: readonly FieldIssue[]): string {
  return issues
    .map((issue) => `${issue.label}|${issue.finding.problem}|${issue.finding.detail?.line ?? ''}:${issue.finding.detail?.column ?? ''}`)
    .join('\n');
}
