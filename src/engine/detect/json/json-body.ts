// JSON body checker: syntax errors with line, column and a plain reason; template tags that
// would break the rendered JSON; required fields that are missing or empty.
import type { Finding, FindingDetail } from '../../types';
import { checkJsonSyntax, type JsonKeyFacts } from './json-parser';
import { LineLocator } from './json-position';

/**
 * Checks a webhook's JSON body. `requiredFields` are key names that must appear somewhere in
 * the object tree with a non-empty value (Poplar's Mailing API needs address_1, city, state and
 * postal_code on the recipient). Offsets point at the problem in `body`.
 */
export function checkJsonBody(body: string, requiredFields: readonly string[] = []): Finding[] {
  const locator = new LineLocator(body);
  const result = checkJsonSyntax(body, (offset) => locator.describe(offset));
  const toFinding = (problem: string, start: number, end: number, excerpt: string, detail: FindingDetail): Finding => {
    const safeStart = Math.min(start, body.length);
    return {
      kind: 'json',
      code: null,
      problem,
      start: safeStart,
      end: Math.max(safeStart, Math.min(end, body.length)),
      excerpt,
      detail: { ...locator.at(safeStart), ...detail },
    };
  };
  const findings = result.problems.map((p) => toFinding(p.problem, p.start, p.end, p.excerpt, { reason: p.reason }));
  if (result.parsed) findings.push(...requiredFieldFindings(result.facts, requiredFields, toFinding));
  return findings.sort((a, b) => a.start - b.start);
}

type MakeFinding = (problem: string, start: number, end: number, excerpt: string, detail: FindingDetail) => Finding;

function requiredFieldFindings(facts: JsonKeyFacts, requiredFields: readonly string[], make: MakeFinding): Finding[] {
  const fields = [...new Set(requiredFields)];
  const findings: Finding[] = [];
  // When a tag renders part of the tree (`{{ person | json }}`) absent keys may still arrive.
  const missing = facts.structureUnknown ? [] : fields.filter((field) => !facts.keys.has(field));
  if (missing.length > 0) {
    findings.push(
      make('missing-required-field', facts.rootStart, facts.rootStart + 1, `missing: ${missing.join(', ')}`, {
        fields: missing,
        reason: `required ${missing.length === 1 ? 'field is' : 'fields are'} not in the body: ${missing.join(', ')}`,
      }),
    );
  }
  const empty = fields.filter((field) => facts.emptyAt.has(field));
  const first = empty
    .map((field) => facts.emptyAt.get(field))
    .reduce<{ start: number; end: number } | undefined>(
      (a, b) => (a === undefined || (b !== undefined && b.start < a.start) ? b : a),
      undefined,
    );
  if (first !== undefined) {
    findings.push(
      make('empty-required-field', first.start, first.end, `empty: ${empty.join(', ')}`, {
        fields: empty,
        reason: `required ${empty.length === 1 ? 'field is' : 'fields are'} empty or null: ${empty.join(', ')}`,
      }),
    );
  }
  return findings;
}
