// The popup's "Diagnose text" box: whatever the user pastes (a log line, a header, a JSON body)
// goes through the same engine as the page scan, right here in the popup.
import { diagnose, diagnoseText } from '../engine';
import { requiredFieldsFor } from '../engine/catalog/endpoints';
import { checkReceiverRequest } from '../engine/detect/receiver/receiver-request';
import type { DiagnoseContext, Diagnosis, Finding } from '../engine/types';
import { LineLocator } from '../engine/detect/json/json-position';
import { compareForDisplay } from './display-groups';

export interface InputDiagnosis {
  key: string;
  diagnosis: Diagnosis;
  /** How many times the text shows it. */
  count: number;
  /** Safe excerpts of what matched (detectors never put a secret in one). */
  excerpts: string[];
  /** The 1-based line of the text where each excerpt is first seen. */
  lines: number[];
}

export interface DiagnoseInputOptions extends DiagnoseContext {
  /** Body fields the destination needs (JSON bodies only); by default the catalog's for endpointUrl. */
  requiredFields?: readonly string[];
  now?: Date;
}

function contextOf(options: DiagnoseInputOptions): DiagnoseContext {
  return {
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
  };
}

const MAX_EXCERPTS = 3;

type Diagnosed = { finding: Finding; diagnosis: Diagnosis };

function tally(text: string, diagnosed: readonly Diagnosed[]): Map<string, InputDiagnosis> {
  const byKey = new Map<string, InputDiagnosis>();
  let locator: LineLocator | undefined;
  for (const { finding, diagnosis } of diagnosed) {
    const entry = byKey.get(diagnosis.key) ?? { key: diagnosis.key, diagnosis, count: 0, excerpts: [], lines: [] };
    entry.count += 1;
    // The receiver's own words are worth showing even when they come with a later occurrence.
    if (!entry.diagnosis.receiver && diagnosis.receiver) entry.diagnosis = diagnosis;
    if (!entry.excerpts.includes(finding.excerpt) && entry.excerpts.length < MAX_EXCERPTS) {
      entry.excerpts.push(finding.excerpt);
      entry.lines.push((locator ??= new LineLocator(text)).at(finding.start).line);
    }
    byKey.set(diagnosis.key, entry);
  }
  return byKey;
}

/** The destination's own rules for a pasted body: Slack's text or blocks, Twilio's form fields, ... */
function receiverBodyFindings(text: string, endpointUrl: string | undefined): Finding[] {
  if (!endpointUrl || !/^\s*[[{]/.test(text)) return [];
  const issues = checkReceiverRequest({ url: endpointUrl, headers: [], body: text.trim() });
  return issues.filter(({ target }) => target === 'body').map(({ finding }) => finding);
}

/** Every problem the text shows, one entry per diagnosis key, in the popup's order. */
export function diagnoseInput(text: string, options: DiagnoseInputOptions = {}): InputDiagnosis[] {
  if (text.trim() === '') return [];
  const requiredFields = options.requiredFields ?? requiredFieldsFor(options.endpointUrl);
  const context = contextOf(options);
  const found = diagnoseText(text, context, { requiredFields, ...(options.now ? { now: options.now } : {}) });
  const bodyRules = receiverBodyFindings(text, options.endpointUrl).map((finding) => ({ finding, diagnosis: diagnose(finding, context) }));
  return [...tally(text, [...found, ...bodyRules]).values()].sort(compareForDisplay((entry) => entry.count));
}
