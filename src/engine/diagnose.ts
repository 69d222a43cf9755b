import type { DiagnoseContext, Diagnosis, Finding } from './types';
import { detectAll, type DetectOptions } from './detect';
// PLACEHOLDER: replaced by the catalog-backed implementation.
export function diagnose(finding: Finding, _ctx: DiagnoseContext = {}): Diagnosis {
  return {
    key: finding.code !== null ? `http:${finding.code}` : `${finding.kind}:${finding.problem}`,
    kind: finding.kind, code: finding.code, problem: finding.problem,
    title: finding.excerpt, short: '', meaning: '', side: 'unknown',
    retry: { verdict: 'unknown', text: '' }, steps: [], sources: [],
  };
}
export interface DiagnosedFinding { finding: Finding; diagnosis: Diagnosis }
export function diagnoseText(text: string, ctx: DiagnoseContext = {}, options: DetectOptions = {}): DiagnosedFinding[] {
  return detectAll(text, options).map((finding) => ({ finding, diagnosis: diagnose(finding, ctx) }));
}
