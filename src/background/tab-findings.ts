// Turns the stored frames of a tab into what the popup and the badges read: groups merged across
// frames, and one catalog diagnosis per group key with the provider and endpoint layers applied.
import { diagnose } from '../engine/diagnose';
import { FindingGroups } from '../engine/finding-model';
import type { DiagnoseContext, Diagnosis } from '../engine/types';
import type { BadgeDiagnosis, DroppedNote, FindingGroup, PageSnapshot, TabFindings } from '../shared/messages';
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
  const merged = new FindingGroups();
  for (const snapshot of orderedFrames(frames)) {
    for (const group of snapshot.groups)
      merged.add(
        group.key,
        group.source,
        group.count,
        () => group.finding,
        () => group.samples,
      );
  }
  return merged.list();
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
