// How the chunk runner continues work in the next task: scheduler.postTask at user-visible
// priority where the browser has it, else a MessageChannel message (no 4 ms timer clamping),
// else a timer; cancelled continuations never run, and each chunk's duration is reported.
import { describe, it, expect, vi } from 'vitest';
import { CHUNK_BUDGET_MS, createChunkRunner, QUIET_CHUNK_BUDGET_MS } from '../../src/content/scan/scheduler';

/** Work of `items` steps, each costing 1 ms on the fake clock. */
function steps(items: number, clock: { now: number }) {
  let remaining = items;
  const chunks: number[] = [];
  const work = (timeUp: () => boolean) => {
    let done = 0;
    while (remaining > 0) {
      remaining--;
      done++;
      clock.now += 1;
      if (timeUp()) break;
    }
    chunks.push(done);
    return remaining > 0;
  };
  return { work, chunks, left: () => remaining };
}

const rethrow = (error: unknown) => {
  throw error;
};

describe('continuation', () => {
  it('uses scheduler.postTask at user-visible priority when the browser has it', () => {
    const clock = { now: 0 };
    const posted: { callback: () => void; priority: string; signal?: AbortSignal }[] = [];
    const win = {
      performance: { now: () => clock.now },
      scheduler: {
        postTask: (callback: () => void, options: { priority: string; signal?: AbortSignal }) => {
          posted.push({ callback, ...options });
          return Promise.resolve();
        },
      },
      setTimeout: vi.fn(),
    } as unknown as Window;
    const job = steps(20, clock);
    const runner = createChunkRunner(win, job.work, rethrow);
    runner.runNow();
    expect(job.chunks).toEqual([CHUNK_BUDGET_MS]); // the first chunk ran at once
    expect(posted.map((p) => p.priority)).toEqual(['user-visible']);
    while (posted.length) posted.shift()!.callback();
    expect(job.left()).toBe(0);
    expect(win.setTimeout).not.toHaveBeenCalled();
  });

  it('aborts a posted task on cancel', () => {
    const posted: { signal?: AbortSignal }[] = [];
    const win = {
      performance: { now: () => 0 },
      scheduler: { postTask: (_callback: () => void, options: { signal?: AbortSignal }) => (posted.push(options), Promise.resolve()) },
    } as unknown as Window;
    const runner = createChunkRunner(win, () => true, rethrow);
    runner.runNow();
    runner.cancel();
    expect(posted[0]?.signal?.aborted).toBe(true);
  });

  it('falls back to a MessageChannel message, and a cancelled message runs nothing', async () => {
    const clock = { now: 0 };
    const win = { performance: { now: () => clock.now }, MessageChannel, setTimeout: vi.fn() } as unknown as Window;
    const job = steps(30, clock);
    const runner = createChunkRunner(win, job.work, rethrow);
    runner.runNow();
    await runner.whenIdle();
    expect(job.left()).toBe(0);
    expect(job.chunks.every((n) => n <= CHUNK_BUDGET_MS)).toBe(true);
    expect(win.setTimeout).not.toHaveBeenCalled();

    const stopped = steps(30, clock);
    const cancelled = createChunkRunner(win, stopped.work, rethrow);
    cancelled.runNow();
    cancelled.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped.chunks).toHaveLength(1);
  });

  it('uses a timer where neither exists', () => {
    const timers: (() => void)[] = [];
    const clock = { now: 0 };
    const win = {
      performance: { now: () => clock.now },
      setTimeout: (callback: () => void) => timers.push(callback),
      clearTimeout: () => undefined,
    } as unknown as Window;
    const job = steps(20, clock);
    createChunkRunner(win, job.work, rethrow).runNow();
    expect(timers).toHaveLength(1);
    while (timers.length) timers.shift()!();
    expect(job.left()).toBe(0);
  });
});

describe('chunk durations', () => {
  it('reports each chunk to onChunk', () => {
    const clock = { now: 0 };
    const timers: (() => void)[] = [];
    const win = {
      performance: { now: () => clock.now },
      setTimeout: (callback: () => void) => timers.push(callback),
      clearTimeout: () => undefined,
    } as unknown as Window;
    const job = steps(20, clock);
    const durations: number[] = [];
    createChunkRunner(win, job.work, rethrow, (ms) => durations.push(ms)).runNow();
    while (timers.length) timers.shift()!();
    expect(durations).toEqual(job.chunks); // 1 ms per step on the fake clock
    expect(durations.reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('reports a chunk that threw too, and hands the error over', () => {
    const errors: unknown[] = [];
    const durations: number[] = [];
    const win = { performance: { now: () => 0 }, setTimeout: () => 0 } as unknown as Window;
    createChunkRunner(
      win,
      () => {
        throw new Error('boom');
      },
      (error) => errors.push(error),
      (ms) => durations.push(ms),
    ).runNow();
    expect(errors).toHaveLength(1);
    expect(durations).toEqual([0]);
  });
});

describe('chunk budget while no input waits', () => {
  /** A window with timers run by hand and navigator.scheduling answering `pending()`. */
  function quietWindow(clock: { now: number }, pending: () => boolean) {
    const timers: (() => void)[] = [];
    const win = {
      performance: { now: () => clock.now },
      setTimeout: (callback: () => void) => timers.push(callback),
      clearTimeout: () => undefined,
      navigator: { scheduling: { isInputPending: pending } },
    } as unknown as Window;
    return { win, timers };
  }

  it(`a chunk of its own task goes on to ${QUIET_CHUNK_BUDGET_MS} ms when no input is pending`, () => {
    const clock = { now: 0 };
    const { win, timers } = quietWindow(clock, () => false);
    const job = steps(100, clock);
    createChunkRunner(win, job.work, rethrow).request();
    while (timers.length) timers.shift()!();
    expect(job.chunks.slice(0, 2)).toEqual([QUIET_CHUNK_BUDGET_MS, QUIET_CHUNK_BUDGET_MS]);
    expect(job.left()).toBe(0);
  });

  it(`stops at ${CHUNK_BUDGET_MS} ms once input waits, and runNow keeps the budget it was given`, () => {
    const clock = { now: 0 };
    let pending = false;
    const { win, timers } = quietWindow(clock, () => pending);
    const job = steps(100, clock);
    const runner = createChunkRunner(win, job.work, rethrow);
    runner.runNow(12);
    expect(job.chunks).toEqual([12]);
    timers.shift()!();
    expect(job.chunks[1]).toBe(QUIET_CHUNK_BUDGET_MS);
    pending = true;
    timers.shift()!();
    expect(job.chunks[2]).toBe(CHUNK_BUDGET_MS);
  });
});
