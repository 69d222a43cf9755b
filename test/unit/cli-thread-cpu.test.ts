// The benchmark's per-thread CPU figure: the busiest thread of this process, read from /proc.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { ThreadCpuSampler } from '../../src/cli/thread-cpu';

describe.runIf(existsSync('/proc/self/task'))('ThreadCpuSampler', () => {
  it('counts the CPU time this thread spends', () => {
    const sampler = new ThreadCpuSampler();
    const started = process.cpuUsage();
    let spin = 0;
    // Busy until this process has used 200 ms of CPU (a clock tick is 10 ms).
    while (process.cpuUsage(started).user < 200_000) spin += Math.sqrt(spin + 1);
    const byThread = sampler.stop();
    expect(spin).toBeGreaterThan(0);
    expect(byThread).not.toBeNull();
    // This thread's whole life so far: at least the 200 ms just spent, less a tick of rounding.
    expect(byThread![0]).toBeGreaterThanOrEqual(190);
    // Busiest first: the list is in descending order.
    expect(byThread).toEqual([...byThread!].sort((a, b) => b - a));
  });
});
