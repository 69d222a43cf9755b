// CPU time per thread of this process, read from Linux's /proc (elsewhere there is none), sampled
// while the CLI runs so that worker threads count before they end. For the benchmark: the busiest
// thread's time is about how long a run takes when every thread has a core of its own, a figure
// that other load on the machine does not skew (the process's total CPU time does not show
// whether the work was shared between threads).
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) of one thread, from its /proc stat line; null when it ended. */
function threadCpuMs(task: string): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
    // After the name in parentheses (which may hold spaces): utime and stime are fields 12 and 13.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export class ThreadCpuSampler {
  /** The last CPU time seen per thread id. */
  private readonly seen = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 20) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /**
   * CPU milliseconds of every thread seen so far, busiest first (a worker's last interval may be
   * missed), or null without /proc. Besides the JavaScript threads this lists V8's helper threads,
   * which compile hot functions and collect garbage for every isolate (a quarter of the CPU time
   * on the 50 MB bench log).
   */
  stop(): number[] | null {
    clearInterval(this.timer);
    this.sample();
    return this.seen.size === 0 ? null : [...this.seen.values()].sort((a, b) => b - a);
  }

  private sample(): void {
    let tasks: string[];
    try {
      tasks = readdirSync('/proc/self/task');
    } catch {
      return;
    }
    for (const task of tasks) {
      const ms = threadCpuMs(task);
      if (ms !== null) this.seen.set(task, ms);
    }
  }
}
