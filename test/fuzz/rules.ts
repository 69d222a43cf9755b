// What every finding of each detector must look like, whatever the input: the kind, the codes and
// problem ids the detector is allowed to report, offsets inside the text, a bounded excerpt.
// Each check throws an Error that names the broken rule (fast-check shows it with the input).
import type { Finding, FindingKind } from '../../src/engine/types';

export const NETWORK_PROBLEMS = [
  'connection-refused',
  'connection-reset',
  'connection-failed',
  'dns-failure',
  'tls-certificate',
  'tls-handshake',
  'timeout',
  'unexpected-eof',
  'host-unreachable',
] as const;

export const CREDENTIAL_PROBLEMS = [
  'masked-token',
  'placeholder-token',
  'missing-bearer-prefix',
  'malformed-scheme',
  'doubled-scheme',
  'quoted-value',
  'whitespace-in-token',
  'malformed-basic',
  'empty-token',
] as const;

export const JSON_PROBLEMS = ['invalid-json', 'template-breaks-json', 'missing-required-field', 'empty-required-field'] as const;

/** Longest excerpt any detector may put in a finding (text excerpts are cut at 80 characters). */
export const MAX_EXCERPT = 120;

function fail(rule: string, finding: Finding): never {
  throw new Error(`${rule}: ${JSON.stringify(finding)}`);
}

function expectRule(ok: boolean, rule: string, finding: Finding): void {
  if (!ok) fail(rule, finding);
}

/** Offsets inside the text, a non-empty span unless allowed, a short excerpt. */
function checkShape(text: string, finding: Finding, allowEmptySpan: boolean): void {
  const { start, end } = finding;
  expectRule(Number.isInteger(start) && Number.isInteger(end), 'offsets are integers', finding);
  expectRule(start >= 0 && end <= text.length && start <= end, 'offsets lie inside the text', finding);
  expectRule(allowEmptySpan || end > start, 'the span is not empty', finding);
  expectRule(typeof finding.excerpt === 'string' && [...finding.excerpt].length <= MAX_EXCERPT, 'the excerpt is short', finding);
}

export function checkStatusFinding(text: string, finding: Finding): void {
  checkShape(text, finding, false);
  expectRule(finding.kind === 'http' && finding.problem === null, 'an http finding without problem id', finding);
  const code = finding.code;
  expectRule(Number.isInteger(code) && code !== null && code >= 400 && code <= 599, 'a failing status 400-599', finding);
  // A status needs its number written (test/eval/README.md): its span holds the digits.
  expectRule(text.slice(finding.start, finding.end).includes(String(code)), 'the code is in the span', finding);
}

export function checkNetworkFinding(text: string, finding: Finding): void {
  checkShape(text, finding, false);
  expectRule(finding.kind === 'network' && finding.code === null, 'a network finding without code', finding);
  expectRule((NETWORK_PROBLEMS as readonly (string | null)[]).includes(finding.problem), 'a known network problem', finding);
}

export function checkCredentialFinding(text: string, finding: Finding): void {
  checkShape(text, finding, true);
  expectRule(finding.kind === 'credential' && finding.code === null, 'a credential finding without code', finding);
  expectRule((CREDENTIAL_PROBLEMS as readonly (string | null)[]).includes(finding.problem), 'a known credential problem', finding);
}

export function checkJsonFinding(body: string, finding: Finding): void {
  checkShape(body, finding, true);
  expectRule(finding.kind === 'json' && finding.code === null, 'a json finding without code', finding);
  expectRule((JSON_PROBLEMS as readonly (string | null)[]).includes(finding.problem), 'a known json problem', finding);
  const { line, column } = finding.detail ?? {};
  expectRule(line === undefined || (Number.isInteger(line) && line >= 1), 'a 1-based line', finding);
  expectRule(column === undefined || (Number.isInteger(column) && column >= 1), 'a 1-based column', finding);
}

export function checkRateLimitFinding(text: string, finding: Finding): void {
  checkShape(text, finding, false);
  expectRule(finding.kind === 'rate-limit' && finding.problem === 'rate-limited', 'a rate-limited finding', finding);
  expectRule(finding.code === null || finding.code === 429, 'code 429 or none', finding);
  const seconds = finding.detail?.retryAfterSeconds;
  expectRule(seconds === undefined || (Number.isInteger(seconds) && seconds >= 0), 'a whole, non-negative wait', finding);
}

const CHECK_BY_KIND: Record<FindingKind, (text: string, finding: Finding) => void> = {
  http: checkStatusFinding,
  network: checkNetworkFinding,
  credential: checkCredentialFinding,
  json: checkJsonFinding,
  'rate-limit': checkRateLimitFinding,
};

/** Any finding, checked by the rules of its kind. */
export function checkAnyFinding(text: string, finding: Finding): void {
  const check = CHECK_BY_KIND[finding.kind] as ((text: string, finding: Finding) => void) | undefined;
  if (!check) fail('a known kind', finding);
  check(text, finding);
}

export function checkAll(text: string, findings: readonly Finding[], check: (text: string, finding: Finding) => void): void {
  if (!Array.isArray(findings)) throw new Error('detectors return an array');
  for (const finding of findings) check(text, finding);
}
