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
 * @param onCompleted after a chunk completed rows: their findings now carry the receiver's
 *   words (the snapshot sent to the worker should say so)
 */
export function createDeferredWords(
  win: Window,
  annotations: Annotations,
  onCompleted: () => void,
  onError: (error: unknown) => void,
): DeferredWords {
  const waiting = new Map<Element, Waiting>();
  const runner = createChunkRunner(
    win,
    (timeUp) => {
      let completed = false;
      for (const [row, { shown, complete }] of waiting) {
        waiting.delete(row);
        completed = completeRow(annotations, row, shown, complete) || completed;
        if (timeUp()) break;
      }
      if (completed) {
        // A badge whose look changed enters the page with the others of this chunk.
        annotations.commit();
        onCompleted();
      }
      return waiting.size > 0;
    },
    onError,
  );
  return {
    add(row, shown, complete) {
      waiting.set(row, { shown, complete });
      runner.request();
    },
    drop: (row) => void waiting.delete(row),
    clear: () => waiting.clear(),
    whenIdle: () => runner.whenIdle(),
  };
}

/** True when the row's findings were completed (its badge still showed what was judged). */
function completeRow(annotations: Annotations, row: Element, shown: Finding, complete: () => Finding[]): boolean {
  const state = annotations.get(row);
  if (!row.isConnected || state?.finding !== shown) return false;
  const findings = complete();
  // The words only add findings: the row keeps one. The shown finding gained its words in place.
  const primary = primaryFinding(findings) ?? shown;
  const others = otherFindingCount(findings, primary);
  if (primary !== shown || others !== state.others) annotations.annotate(row, primary, others, state.hash);
  return true;
}
