// Chunked work that never holds the page's main thread for long: each chunk stops at an ~8 ms
// deadline and the rest continues in a later low-priority task. `runNow` lets the observer
// callback badge fresh rows at once (within one chunk) instead of waiting for the next task.

export const CHUNK_BUDGET_MS = 8;

/** Does some work until `timeUp()` says stop; returns true while work remains. */
export type ChunkWork = (timeUp: () => boolean) => boolean;

export interface ChunkRunner {
  /** Runs one chunk now with this budget, scheduling the rest. */
  runNow(budgetMs?: number): void;
  /** Makes sure a chunk runs soon. */
  request(): void;
  /** Drops any scheduled chunk. */
  cancel(): void;
  /** Resolves when no work remains (tests, snapshot timing). */
  whenIdle(): Promise<void>;
}

interface HostScheduler {
  postTask(callback: () => void, options: { priority: 'background'; signal?: AbortSignal }): Promise<unknown>;
}

type HostWindow = Window & { scheduler?: HostScheduler };

export function createChunkRunner(win: Window, work: ChunkWork, onError: (error: unknown) => void): ChunkRunner {
  const host = win as HostWindow;
  const now = () => win.performance?.now() ?? Date.now();
  let scheduled = false;
  let cancelled: AbortController | null = null;
  let timer: number | undefined;
  let idleWaiters: (() => void)[] = [];
  let busy = false;

  function settle(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function runChunk(budgetMs: number): void {
    if (busy) {
      request(); // a re-entrant call: leave the new work to the next chunk
      return;
    }
    busy = true;
    let more = false;
    try {
      const end = now() + budgetMs;
      more = work(() => now() >= end);
    } catch (error) {
      onError(error);
    } finally {
      busy = false;
    }
    if (more) request();
    else if (!scheduled) settle();
  }

  function tick(): void {
    scheduled = false;
    timer = undefined;
    runChunk(CHUNK_BUDGET_MS);
  }

  function request(): void {
    if (scheduled) return;
    scheduled = true;
    // Low-priority tasks where the browser has them (no waiting for 50 ms idle periods), else a
    // plain task. Never requestAnimationFrame: it does not run in background tabs.
    if (typeof host.scheduler?.postTask === 'function') {
      cancelled = new AbortController();
      host.scheduler.postTask(tick, { priority: 'background', signal: cancelled.signal }).catch(() => undefined);
    } else {
      timer = win.setTimeout(tick, 0);
    }
  }

  return {
    runNow: (budgetMs = CHUNK_BUDGET_MS) => runChunk(budgetMs),
    request,
    cancel() {
      scheduled = false;
      cancelled?.abort();
      cancelled = null;
      if (timer !== undefined) win.clearTimeout(timer);
      timer = undefined;
      settle();
    },
    whenIdle() {
      if (!scheduled && !busy) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
