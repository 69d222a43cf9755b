// The receiver's words of badged rows, read after their badges are in (see judgeRow): in short
// tasks of their own, so that a big insertion's callback only finds what the badges show.
import type { Finding } from '../../engine/types';
import type { Annotations } from '../badges/annotations';
import { otherFindingCount, primaryFinding } from '../badges/findings';
import { createChunkRunner } from './scheduler';

export interface DeferredWords {
  /** Completes the row's findings later, if its badge still shows `shown` then. */
  add(row: Element, shown: Finding, complete: () => Finding[]): void;
  /** The row was judged again: what waited for it is stale. */
  drop(row: Element): void;
  clear(): void;
  whenIdle(): Promise<void>;
}

interface Waiting {
  shown: Finding;
  complete: () => Finding[];
}

/**
 * @param scanIdle settles when the scan is done: the words wait for it, so that its badges are
 *   not kept waiting by them, nor committed early by a badge the words changed
 * @param onCompleted after a chunk completed rows: their findings now carry the receiver's
 *   words (the snapshot sent to the worker should say so)
 */
export function createDeferredWords(
  win: Window,
  annotations: Annotations,
  scanIdle: () => Promise<void>,
  onCompleted: () => void,
  onError: (error: unknown) => void,
): DeferredWords {
  const waiting = new Map<Element, Waiting>();
  let afterScan = false;
  const runner = createChunkRunner(
    win,
    (timeUp) => {
      let completed = false;
      let changed = false;
      for (const [row, { shown, complete }] of waiting) {
        waiting.delete(row);
        const result = completeRow(annotations, row, shown, complete);
        completed ||= result !== 'stale';
        changed ||= result === 'changed';
        if (timeUp()) break;
      }
      // A badge the words changed is re-rendered where it is; one the page had taken out goes back.
      if (changed) annotations.commit();
      if (completed) onCompleted();
      return waiting.size > 0;
    },
    onError,
  );
  const startAfterScan = () => {
    if (afterScan) return;
    afterScan = true;
    scanIdle().then(() => {
      afterScan = false;
      if (waiting.size > 0) runner.request();
    }, onError);
  };
  return {
    add(row, shown, complete) {
      waiting.set(row, { shown, complete });
      startAfterScan();
    },
    drop: (row) => void waiting.delete(row),
    clear: () => waiting.clear(),
    whenIdle: async () => {
      await scanIdle();
      await runner.whenIdle();
    },
  };
}

/** Completes a row's findings: stale when its badge no longer shows what was judged. */
function completeRow(annotations: Annotations, row: Element, shown: Finding, complete: () => Finding[]): 'stale' | 'same' | 'changed' {
  const state = annotations.get(row);
  if (!row.isConnected || state?.finding !== shown) return 'stale';
  const findings = complete();
  // The words only add findings: the row keeps one. The shown finding gained its words in place.
  const primary = primaryFinding(findings) ?? shown;
  const others = otherFindingCount(findings, primary);
  if (primary === shown && others === state.others) return 'same';
  annotations.annotate(row, primary, others, state.hash);
  return 'changed';
}
