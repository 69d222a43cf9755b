// The popup's "Diagnose text" box: whatever the user pastes (a log line, a header, a JSON body)
// goes through the same engine as the page scan, right here in the popup.
import { checkCredentialValue, checkJsonBody, diagnose, diagnoseText } from '../engine';
import { requiredFieldsFor } from '../engine/catalog/endpoints';
import { isMistakeInText } from '../engine/detect/credential-prose';
import type { DiagnoseContext, Diagnosis, Finding } from '../engine/types';
import { compareForDisplay } from './display-groups';

export interface InputDiagnosis {
  key: string;
  diagnosis: Diagnosis;
  /** How many times the text shows it. */
  count: number;
  /** Safe excerpts of what matched (detectors never put a secret in one). */
  excerpts: string[];
}

export interface DiagnoseInputOptions extends DiagnoseContext {
  /** Body fields the destination needs (JSON bodies only); by default the catalog's for endpointUrl. */
  requiredFields?: readonly string[];
  now?: Date;
}

/** Header names whose values are credentials worth checking. */
const CREDENTIAL_HEADER = /^(?:proxy-)?authori[sz]ation$|(?:^|[-_])(?:api[-_]?key|key|token|secret|auth)$/i;
const HEADER_LINE = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*:[ \t]*(.*?)\s*$/;

/** `Authorization: Bearer x` → name and value, for credential header lines only. */
export function parseCredentialHeader(line: string): { name: string; value: string } | null {
  const match = HEADER_LINE.exec(line);
  if (!match) return null;
  const [, name, value] = match as unknown as [string, string, string];
  return CREDENTIAL_HEADER.test(name) ? { name, value } : null;
}

/** A pasted body: text that starts like a JSON object or array. */
export function looksLikeJsonBody(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

function findingsOf(text: string, options: DiagnoseInputOptions): Finding[] {
  const findings: Finding[] = [];
  if (looksLikeJsonBody(text)) {
    const required = options.requiredFields ?? requiredFieldsFor(options.endpointUrl);
    findings.push(...checkJsonBody(text.trim(), required));
  }
  for (const line of text.split(/\r?\n/)) {
    const header = parseCredentialHeader(line);
    if (header) findings.push(...checkCredentialValue(header.value, header.name).filter((finding) => isMistakeInText(finding, text)));
  }
  return findings;
}

function contextOf(options: DiagnoseInputOptions): DiagnoseContext {
  return {
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
  };
}

const MAX_EXCERPTS = 3;

type Diagnosed = { finding: Finding; diagnosis: Diagnosis };

function tally(diagnosed: readonly Diagnosed[]): Map<string, InputDiagnosis> {
  const byKey = new Map<string, InputDiagnosis>();
  for (const { finding, diagnosis } of diagnosed) {
    const entry = byKey.get(diagnosis.key) ?? { key: diagnosis.key, diagnosis, count: 0, excerpts: [] };
    entry.count += 1;
    if (!entry.excerpts.includes(finding.excerpt) && entry.excerpts.length < MAX_EXCERPTS) entry.excerpts.push(finding.excerpt);
    byKey.set(diagnosis.key, entry);
  }
  return byKey;
}

/** Every problem the text shows, one entry per diagnosis key, in the popup's order. */
export function diagnoseInput(text: string, options: DiagnoseInputOptions = {}): InputDiagnosis[] {
  if (text.trim() === '') return [];
  const context = contextOf(options);
  const checked = tally(findingsOf(text, options).map((finding) => ({ finding, diagnosis: diagnose(finding, context) })));
  const scanned = tally(diagnoseText(text, context, options.now ? { now: options.now } : {}));
  // A header line is seen by both the header check and the text scan: the same spot must not
  // count twice, so each key takes the larger of the two counts.
  for (const [key, entry] of checked) {
    const other = scanned.get(key);
    if (!other) {
      scanned.set(key, entry);
      continue;
    }
    other.count = Math.max(other.count, entry.count);
    if (other.excerpts.length === 0) other.excerpts = entry.excerpts;
  }
  return [...scanned.values()].sort(compareForDisplay((entry) => entry.count));
}
