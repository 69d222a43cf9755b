// Chunked work that never holds the page's main thread for long: each chunk stops at an ~8 ms
// deadline and the rest continues in the next task. `runNow` lets the start and the observer
// callback badge rows at once (within one chunk) instead of waiting for a task.

export const CHUNK_BUDGET_MS = 8;
/**
 * A chunk of its own task goes on past CHUNK_BUDGET_MS up to this while the browser says no input
 * waits (navigator.scheduling.isInputPending, Chromium): fewer, longer chunks keep pace with a
 * parser that adds rows between them, and still no task of ours reaches 50 ms.
 */
export const QUIET_CHUNK_BUDGET_MS = 40;

/** Does some work until `timeUp()` says stop; returns true while work remains. */
export type ChunkWork = (timeUp: () => boolean) => boolean;

export interface ChunkRunner {
  /** Runs one chunk now with this budget, scheduling the rest. */
  runNow(budgetMs?: number): void;
  /** Makes sure a chunk runs soon. */
  request(): void;
  /**
   * Urgent chunks run before the page's own tasks at normal priority (not before input): for
   * work that has to keep pace with the parser, which otherwise leaves one chunk per parser task.
   */
  setUrgent(urgent: boolean): void;
  /** Drops any scheduled chunk. */
  cancel(): void;
  /** Resolves when no work remains (tests, snapshot timing). */
  whenIdle(): Promise<void>;
}

interface HostScheduler {
  postTask(callback: () => void, options: { priority: 'user-visible' | 'user-blocking'; signal?: AbortSignal }): Promise<unknown>;
}

interface InputScheduling {
  isInputPending(): boolean;
}

type HostWindow = Window & {
  scheduler?: HostScheduler;
  MessageChannel?: typeof MessageChannel;
  navigator?: Navigator & { scheduling?: InputScheduling };
};

const ignore = (): undefined => undefined;

/**
 * @param onChunk told how long each chunk took (scan statistics)
 */
export function createChunkRunner(
  win: Window,
  work: ChunkWork,
  onError: (error: unknown) => void,
  onChunk: (ms: number) => void = () => undefined,
): ChunkRunner {
  const host = win as HostWindow;
  const now = () => win.performance?.now() ?? Date.now();
  const scheduling = host.navigator?.scheduling;
  const inputPending = typeof scheduling?.isInputPending === 'function' ? () => scheduling.isInputPending() : null;
  let scheduled = false;
  let cancelled: AbortController | null = null;
  let timer: number | undefined;
  let channel: MessageChannel | null = null;
  let idleWaiters: (() => void)[] = [];
  let busy = false;
  let urgent = false;

  function settle(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** @param quietBudgetMs how long the chunk may go on while no input is pending */
  function runChunk(budgetMs: number, quietBudgetMs = budgetMs): void {
    if (busy) {
      request(); // a re-entrant call: leave the new work to the next chunk
      return;
    }
    busy = true;
    let more = false;
    const start = now();
    try {
      const end = start + budgetMs;
      const quietEnd = inputPending ? start + Math.max(budgetMs, quietBudgetMs) : end;
      more = work(() => {
        const at = now();
        return at >= end && (at >= quietEnd || (inputPending?.() ?? true));
      });
    } catch (error) {
      onError(error);
    } finally {
      busy = false;
      onChunk(now() - start);
    }
    if (more) request();
    else if (!scheduled) settle();
  }

  function tick(): void {
    if (!scheduled) return; // cancelled (a channel message cannot be taken back)
    scheduled = false;
    timer = undefined;
    runChunk(CHUNK_BUDGET_MS, QUIET_CHUNK_BUDGET_MS);
  }

  function request(): void {
    if (scheduled) return;
    scheduled = true;
    // The next chunk runs in the next task at normal priority, so that badges land fast while
    // input and rendering still get their turn between chunks: postTask where the browser has it,
    // else a MessageChannel message (nested setTimeout is clamped to 4 ms), else a timer. Never
    // requestAnimationFrame or idle callbacks: they wait, or stop in background tabs.
    if (typeof host.scheduler?.postTask === 'function') {
      // One controller for every chunk until a cancel: a scan of 10,000 rows posts hundreds.
      cancelled ??= new AbortController();
      host.scheduler.postTask(tick, { priority: urgent ? 'user-blocking' : 'user-visible', signal: cancelled.signal }).catch(ignore);
    } else if (typeof host.MessageChannel === 'function') {
      if (!channel) {
        channel = new host.MessageChannel();
        channel.port1.onmessage = tick;
      }
      channel.port2.postMessage(null);
    } else {
      timer = win.setTimeout(tick, 0);
    }
  }

  return {
    runNow: (budgetMs = CHUNK_BUDGET_MS) => runChunk(budgetMs),
    request,
    setUrgent(value) {
      urgent = value;
    },
    cancel() {
      scheduled = false;
      cancelled?.abort();
      cancelled = null;
      if (timer !== undefined) win.clearTimeout(timer);
      timer = undefined;
      channel?.port1.close();
      channel = null;
      settle();
    },
    whenIdle() {
      if (!scheduled && !busy) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
