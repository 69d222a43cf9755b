// Turns a finding into a diagnosis: the catalog's base entry (status code or problem), with the
// endpoint layer (e.g. Poplar) and the provider layer (e.g. Klaviyo) applied on top.
import type { DiagnoseContext, Diagnosis, Finding, ReceiverQuote } from './types';
import { findAll, type FindOptions } from './find';
import type { Advice, EndpointLayer, ProviderLayer, RetrySubject } from './catalog/types';
import { statusEntry } from './catalog/status-entry';
import { statusTitle } from './catalog/http-status';
import { problemEntry } from './catalog/problems';
import { providerLayer } from './catalog/provider-layers';
import { endpointFor } from './catalog/endpoints';
import { topicsFor } from './catalog/topics';
import { DEFAULT_RATE_LIMIT_PROBLEM, findingKey } from './finding-model';
import { unknownEntry } from './catalog/unknown';
import { mergeSteps, mergeUnique } from './catalog/steps';
import { detailSentences, retryTiming, titleWithDetail } from './catalog/detail';
import { generalRetry } from './catalog/general-retry';
import { documentedError } from './catalog/endpoints/receiver';
import { withReceiverFindings } from './receiver-findings';

/** The catalog entry a finding starts from, before layers. */
interface BaseEntry extends Advice {
  title: string;
  /** The status the sender saw, or would most likely see if the request went out as is. */
  status: number | null;
}

function baseEntry(finding: Finding): BaseEntry {
  if (finding.kind === 'http' && finding.code !== null) {
    const entry = statusEntry(finding.code);
    return { ...entry.advice, title: entry.title, status: finding.code };
  }
  const id = finding.kind === 'rate-limit' ? (finding.problem ?? DEFAULT_RATE_LIMIT_PROBLEM) : finding.problem;
  const entry =
    (id !== null ? problemEntry(id) : undefined) ??
    (finding.kind === 'rate-limit' ? problemEntry(DEFAULT_RATE_LIMIT_PROBLEM) : undefined) ??
    unknownEntry(finding.kind, finding.problem);
  if (finding.kind === 'rate-limit') {
    const status = finding.code ?? 429;
    return { ...entry, title: `${entry.title} (${statusTitle(status)})`, status };
  }
  if (finding.kind === 'network') return { ...entry, status: null };
  return { ...entry, title: titleWithDetail(entry.title, finding.detail), status: entry.likelyStatus ?? null };
}

/** A record's own value only: topics come from findings, which may arrive from a page. */
function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function layerSteps(topics: readonly string[], lookup: (topic: string) => readonly string[] | undefined): string[] {
  return topics.flatMap((topic) => lookup(topic) ?? []);
}

function layerNotes(topics: readonly string[], lookup: (topic: string) => string | undefined): string[] {
  return topics.map(lookup).filter((note): note is string => typeof note === 'string' && note !== '');
}

/** Retry verdict from the provider (or the general rule), with the receiver's timing if known. */
function retryAnswer(finding: Finding, base: BaseEntry, provider: ProviderLayer | undefined): Diagnosis['retry'] {
  const subject: RetrySubject = { kind: finding.kind, code: base.status, problem: finding.problem };
  const answer = provider ? provider.retry(subject) : generalRetry(subject);
  const parts = [answer.text];
  // A problem in the request has not been answered yet: say which answer to expect.
  if ((finding.kind === 'credential' || finding.kind === 'json') && base.status !== null) {
    parts.unshift(`Sent as is, the receiver would most likely answer ${statusTitle(base.status)}.`);
  }
  const timing = retryTiming(finding.detail);
  if (timing) parts.push(timing);
  return { verdict: answer.verdict, text: parts.join(' ') };
}

export function diagnose(finding: Finding, ctx: DiagnoseContext = {}): Diagnosis {
  const base = baseEntry(finding);
  const topics = topicsFor(finding);
  const provider = providerLayer(ctx.provider);
  const providerId = provider ? ctx.provider : undefined;
  const endpointUrl = ctx.endpointUrl ?? '';
  const endpoint: EndpointLayer | undefined = endpointFor(endpointUrl);

  const endpointSteps = endpoint ? layerSteps(topics, (topic) => endpoint.steps(topic, endpointUrl, providerId)) : [];
  const endpointNotes = endpoint ? layerNotes(topics, (topic) => endpoint.note(topic, endpointUrl)) : [];
  const providerSteps = provider ? layerSteps(topics, (topic) => ownValue(provider.steps, topic)) : [];
  const providerNotes = provider ? layerNotes(topics, (topic) => ownValue(provider.notes, topic)) : [];
  // The error string the receiver put in its answer ("no_service") says more than the code.
  const documented = documentedError(endpoint, finding.detail?.receiverError);
  const endpointUsed = endpoint !== undefined && (documented !== undefined || endpointSteps.length > 0 || endpointNotes.length > 0);
  // Line, column and field names only describe body problems.
  const jsonDetail = finding.kind === 'json' ? finding.detail : undefined;

  const diagnosis: Diagnosis = {
    key: findingKey(finding),
    kind: finding.kind,
    code: finding.code,
    problem: finding.problem,
    title: documented ? `${base.title}: ${documented.id}` : base.title,
    short: base.short,
    meaning: [
      ...(documented && endpoint ? [`${endpoint.name}: ${documented.meaning}`] : []),
      base.meaning,
      ...detailSentences(jsonDetail),
      ...providerNotes,
      ...endpointNotes,
    ].join(' '),
    side: base.side,
    retry: retryAnswer(finding, base, provider),
    steps: mergeSteps([documented?.steps ?? [], endpointSteps, providerSteps, base.steps]),
    sources: mergeUnique([
      documented?.source ? [documented.source] : [],
      endpointUsed ? endpoint.sources : [],
      provider?.sources ?? [],
      base.sources,
    ]),
  };
  const receiver = receiverWordsOf(finding);
  if (receiver) diagnosis.receiver = receiver;
  if (provider) {
    const inEditor = finding.kind === 'credential' || finding.kind === 'json';
    diagnosis.whereToLook = inEditor ? provider.whereToLook.editor : provider.whereToLook.log;
  }
  return diagnosis;
}

/** The receiver's words a finding carries, checked: findings may arrive from a page. */
function receiverWordsOf(finding: Finding): ReceiverQuote | undefined {
  const message = finding.detail?.receiverMessage;
  if (typeof message !== 'string' || message.trim() === '') return undefined;
  const field = finding.detail?.field;
  return typeof field === 'string' && field.trim() !== '' ? { message, field } : { message };
}

export interface DiagnosedFinding {
  finding: Finding;
  diagnosis: Diagnosis;
}

/**
 * Diagnoses of findings without details, kept across calls: a log scanned chunk by chunk repeats
 * the same few keys in every chunk, and building one costs far more than finding it. Bounded,
 * since contexts (endpoint URLs) come from the text; frozen, since every caller shares them.
 */
const SHARED_LIMIT = 256;
const sharedDiagnoses = new Map<string, Diagnosis>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function sharedDiagnosis(finding: Finding, ctx: DiagnoseContext): Diagnosis {
  const key = `${findingKey(finding)} ${ctx.provider ?? ''} ${ctx.endpointUrl ?? ''}`;
  let diagnosis = sharedDiagnoses.get(key);
  if (!diagnosis) {
    if (sharedDiagnoses.size >= SHARED_LIMIT) sharedDiagnoses.clear();
    diagnosis = deepFreeze(diagnose({ ...finding, detail: undefined }, ctx));
    sharedDiagnoses.set(key, diagnosis);
  }
  return diagnosis;
}

/**
 * Every finding in a piece of log text, each with its diagnosis. Findings without details share
 * one diagnosis per key: a log repeats the same few failures thousands of times.
 */
export function diagnoseText(text: string, ctx: DiagnoseContext = {}, options: FindOptions = {}): DiagnosedFinding[] {
  const located = withReceiverFindings(text, findAll(text, options), ctx.endpointUrl);
  return located.map(({ finding, lineEndpointUrl }) => {
    // Without a destination in the context, a receiver URL on the finding's line names it.
    const local = lineEndpointUrl ? { ...ctx, endpointUrl: lineEndpointUrl } : ctx;
    // The receiver's words do not make a diagnosis of their own: they are added to a shared one.
    const { receiverMessage: _message, field: _field, ...ownDetail } = finding.detail ?? {};
    if (Object.keys(ownDetail).length > 0) return { finding, diagnosis: diagnose(finding, local) };
    const diagnosis = sharedDiagnosis(finding, local);
    // The receiver's words are the only difference: copy the shared diagnosis and add them.
    const receiver = receiverWordsOf(finding);
    return { finding, diagnosis: receiver ? { ...diagnosis, receiver } : diagnosis };
  });
}
