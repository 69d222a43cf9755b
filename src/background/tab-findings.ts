// Turns the stored frames of a tab into what the popup and the badges read: groups merged across
// frames, and one catalog diagnosis per group key with the provider and endpoint layers applied.
import { diagnose } from '../engine/diagnose';
import type { DiagnoseContext, Diagnosis, Finding, FindingKind } from '../engine/types';
import { MAX_SAMPLES, type BadgeDiagnosis, type DroppedNote, type FindingGroup, type PageSnapshot, type TabFindings } from '../shared/messages';
import type { TabFrames } from './findings-store';

/** Frames in a stable order: the top frame (id 0) first, then by frame id. */
function orderedFrames(frames: TabFrames): PageSnapshot[] {
  return Object.entries(frames)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, snapshot]) => snapshot);
}

/** Provider and endpoint for the whole tab: the first frame that knows them wins. */
export function tabContext(frames: TabFrames): DiagnoseContext {
  const context: DiagnoseContext = {};
  for (const snapshot of orderedFrames(frames)) {
    if (!context.provider && snapshot.provider) context.provider = snapshot.provider;
    if (!context.endpointUrl && snapshot.endpointUrl) context.endpointUrl = snapshot.endpointUrl;
  }
  return context;
}

/** Sums equal groups (same key and source) across frames and keeps a few distinct samples. */
export function mergeGroups(frames: TabFrames): FindingGroup[] {
  const merged = new Map<string, FindingGroup>();
  for (const snapshot of orderedFrames(frames)) {
    for (const group of snapshot.groups) {
      const id = `${group.source}\u0000${group.key}`;
      const existing = merged.get(id);
      if (!existing) {
        merged.set(id, { ...group, samples: [...new Set(group.samples)].slice(0, MAX_SAMPLES) });
        continue;
      }
      existing.count += group.count;
      existing.samples = [...new Set([...existing.samples, ...group.samples])].slice(0, MAX_SAMPLES);
    }
  }
  return [...merged.values()];
}

/** Diagnoses each distinct group key once, with the tab's context. */
export function diagnoseGroups(groups: readonly FindingGroup[], context: DiagnoseContext): Record<string, Diagnosis> {
  const diagnoses: Record<string, Diagnosis> = {};
  for (const group of groups) {
    if (!(group.key in diagnoses)) diagnoses[group.key] = diagnose(group.finding, context);
  }
  return diagnoses;
}

export function buildTabFindings(tabId: number, frames: TabFrames, dropped: DroppedNote | null = null): TabFindings {
  const top = frames['0'] ?? orderedFrames(frames)[0];
  const context = tabContext(frames);
  const groups = mergeGroups(frames);
  return {
    tabId,
    url: top?.url ?? '',
    provider: context.provider ?? null,
    endpointUrl: context.endpointUrl ?? null,
    groups,
    diagnoses: diagnoseGroups(groups, context),
    ...(dropped ? { dropped } : {}),
  };
}

/** The fields an inline badge card needs, nothing more. */
export function toBadgeDiagnosis(diagnosis: Diagnosis): BadgeDiagnosis {
  const { key, kind, code, problem, title, short, meaning, retry, steps } = diagnosis;
  return { key, kind, code, problem, title, short, meaning, retry, steps };
}

const KEY_KINDS: readonly FindingKind[] = ['http', 'network', 'credential', 'json', 'rate-limit'];

/**
 * Rebuilds the finding a diagnosis key stands for (`http:403`, `network:connection-refused`,
 * `rate-limit:rate-limited`), for badges that only know the key. Null for keys of unknown kinds.
 */
export function findingFromKey(key: string): Finding | null {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon) as FindingKind;
  const rest = key.slice(colon + 1);
  if (colon < 1 || !KEY_KINDS.includes(kind) || rest === '') return null;
  const base = { kind, start: 0, end: 0, excerpt: '' };
  if (kind === 'http') return /^\d{1,3}$/.test(rest) ? { ...base, code: Number(rest), problem: null } : null;
  // A rate limit found from headers implies a 429 (see Finding.code).
  return { ...base, code: kind === 'rate-limit' ? 429 : null, problem: rest };
}
