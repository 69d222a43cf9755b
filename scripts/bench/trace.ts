// Attributes main-thread tasks of a Chromium trace to the extension: a top-level task of a
// renderer main thread belongs to the extension when it runs code from a chrome-extension://
// script (its evaluation, a callback, a compile) or receives an extension IPC message (the
// reply of an extension API call or a runtime message: the promise continuations that run then
// name no script in the trace). Forced style and layout inside such a task count too;
// rendering that the browser does later in its own task does not.

/** The fields of a Chrome trace event this analysis reads. */
export interface TraceEvent {
  name: string;
  /** Comma-separated categories. */
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number; // microseconds
  dur?: number; // microseconds, for complete ('X') events
  /** Thread (CPU) time of a complete event, microseconds: what the load on the machine does not stretch. */
  tdur?: number;
  args?: Record<string, unknown>;
}

export interface ExtensionTasks {
  /** Durations of the extension's top-level tasks, in ms, in time order. */
  tasksMs: number[];
  longestMs: number;
  totalMs: number;
  /** When the extension first ran, after the page's DOMContentLoaded (null if unknown). */
  firstRunAfterDclMs: number | null;
}

const RUN_TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * Work the thread's event loop runs at top level: scheduler tasks, and also what runs outside
 * them, such as a microtask checkpoint after an IPC message (a chain of MutationObserver
 * callbacks there can last hundreds of ms without any RunTask around it).
 */
export function isTopLevel(event: TraceEvent): boolean {
  return event.ph === 'X' && (RUN_TASK.has(event.name) || (event.cat ?? '').split(',').includes('toplevel'));
}

/** The script URL an event names, wherever its kind keeps it. */
export function scriptUrlOf(event: TraceEvent): string | null {
  const args = event.args ?? {};
  for (const holder of [args.data, args.beginData, args]) {
    if (typeof holder !== 'object' || holder === null) continue;
    const fields = holder as Record<string, unknown>;
    for (const key of ['url', 'scriptName', 'fileName']) {
      if (typeof fields[key] === 'string' && fields[key]) return fields[key];
    }
    const stack = fields.stackTrace;
    if (Array.isArray(stack) && typeof stack[0]?.url === 'string') return stack[0].url as string;
  }
  return null;
}

/** A message of the extension system arriving in the renderer (API replies, ports, injection). */
export function isExtensionIpc(event: TraceEvent): boolean {
  if (!event.name.startsWith('Receive mojo')) return false;
  const info = event.args?.chrome_mojo_event_info as { mojo_interface_tag?: unknown } | undefined;
  return typeof info?.mojo_interface_tag === 'string' && info.mojo_interface_tag.startsWith('extensions.mojom.');
}

export function threadKey(event: Pick<TraceEvent, 'pid' | 'tid'>): string {
  return `${event.pid}:${event.tid}`;
}

/** Renderer main threads, from the trace's thread-name metadata. */
export function rendererMainThreads(events: readonly TraceEvent[]): Set<string> {
  const threads = new Set<string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && (event.args?.name as unknown) === 'CrRendererMain') {
      threads.add(threadKey(event));
    }
  }
  return threads;
}

/**
 * Only the outermost tasks, sorted by start: a task can hold nested ones (the scheduler's
 * RunTask wraps ThreadControllerImpl::RunTask, which wraps an IPC message's handling).
 */
export function outermost(tasks: readonly TraceEvent[]): TraceEvent[] {
  const sorted = [...tasks].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: TraceEvent[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const task of sorted) {
    if (task.ts < end) continue;
    out.push(task);
    end = task.ts + (task.dur ?? 0);
  }
  return out;
}

/** The top-level task (sorted by start) that contains time `ts`, by binary search. */
function containing(tasks: readonly TraceEvent[], ts: number): TraceEvent | undefined {
  let low = 0;
  let high = tasks.length - 1;
  let found: TraceEvent | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const task = tasks[mid]!;
    if (task.ts <= ts) {
      found = task;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found && ts <= found.ts + (found.dur ?? 0) ? found : undefined;
}

/**
 * Time from the last DOMContentLoaded on the event's thread before it, to the event, in ms; when
 * the event came first (a content script at document_start), negative: to the first one after.
 */
function sinceDomContentLoaded(events: readonly TraceEvent[], event: TraceEvent): number | null {
  let before: number | null = null;
  let after: number | null = null;
  for (const candidate of events) {
    if (candidate.name !== 'MarkDOMContent' || threadKey(candidate) !== threadKey(event)) continue;
    if (candidate.ts <= event.ts && (before === null || candidate.ts > before)) before = candidate.ts;
    if (candidate.ts > event.ts && (after === null || candidate.ts < after)) after = candidate.ts;
  }
  const dcl = before ?? after;
  return dcl === null ? null : (event.ts - dcl) / 1000;
}

export function extensionTasks(events: readonly TraceEvent[], urlPrefix = 'chrome-extension://'): ExtensionTasks {
  const mainThreads = rendererMainThreads(events);
  const tasksByThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (!isTopLevel(event) || !mainThreads.has(threadKey(event))) continue;
    const key = threadKey(event);
    const list = tasksByThread.get(key) ?? [];
    list.push(event);
    tasksByThread.set(key, list);
  }
  for (const [key, list] of tasksByThread) tasksByThread.set(key, outermost(list));

  const owned = new Set<TraceEvent>();
  let first: TraceEvent | undefined;
  const own = (at: TraceEvent, runsScript: boolean): void => {
    const task = containing(tasksByThread.get(threadKey(at)) ?? [], at.ts);
    if (!task) return;
    owned.add(task);
    // The first run is the script's evaluation; IPC arrives from the navigation on.
    if (runsScript && (!first || at.ts < first.ts)) first = at;
  };
  for (const event of events) {
    if (RUN_TASK.has(event.name) || !tasksByThread.has(threadKey(event))) continue;
    const script = scriptUrlOf(event)?.startsWith(urlPrefix) ?? false;
    if (script || isExtensionIpc(event)) own(event, script);
  }
  const tasksMs = [...owned].sort((a, b) => a.ts - b.ts).map((task) => (task.dur ?? 0) / 1000);
  return {
    tasksMs,
    longestMs: tasksMs.length > 0 ? Math.max(...tasksMs) : 0,
    totalMs: tasksMs.reduce((sum, ms) => sum + ms, 0),
    firstRunAfterDclMs: first ? sinceDomContentLoaded(events, first) : null,
  };
}

/** Figures of one page's main thread, from a trace taken while the page did one thing. */
export interface PageTasks {
  /** The longest top-level task from the page's marker on (the whole load when no marker). */
  longestTaskMs: number;
  /** The longest task that parsed HTML (the page's own parsing, with whatever ran inside it). */
  longestParseTaskMs: number;
  /** Per top-level task, the time spent in one extension's script (forced style and layout included). */
  longestOwnWorkMs: number;
  ownWorkMs: number;
  /** The same two in thread (CPU) time: on a loaded machine a task's wall time is mostly waiting. */
  longestOwnCpuMs: number;
  ownCpuMs: number;
}

/**
 * The page's main thread is the renderer main thread where the marker (console.timeStamp) was
 * stamped, or else the one that parsed the most HTML. `isOwn` picks the scripts (by URL) whose
 * work is summed per task: nested events are counted once.
 */
export function pageTasks(events: readonly TraceEvent[], marker: string | null, isOwn: (url: string) => boolean): PageTasks {
  const main = rendererMainThreads(events);
  const parses = new Map<string, number>();
  let markerEvent: TraceEvent | undefined;
  for (const event of events) {
    if (!main.has(threadKey(event))) continue;
    if (marker && event.name === 'TimeStamp' && (event.args?.data as { message?: string } | undefined)?.message === marker)
      markerEvent = event;
    if (event.name === 'ParseHTML') parses.set(threadKey(event), (parses.get(threadKey(event)) ?? 0) + 1);
  }
  const thread = markerEvent ? threadKey(markerEvent) : [...parses].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onThread = events.filter((e) => threadKey(e) === thread);
  const tasks = outermost(onThread.filter(isTopLevel));
  const from = markerEvent ? (containing(tasks, markerEvent.ts)?.ts ?? markerEvent.ts) : Number.NEGATIVE_INFINITY;
  const ms = (task: TraceEvent): number => (task.dur ?? 0) / 1000;
  let longestTaskMs = 0;
  for (const task of tasks) if (task.ts >= from) longestTaskMs = Math.max(longestTaskMs, ms(task));
  let longestParseTaskMs = 0;
  for (const event of onThread) {
    if (event.name !== 'ParseHTML') continue;
    const task = containing(tasks, event.ts);
    if (task) longestParseTaskMs = Math.max(longestParseTaskMs, ms(task));
  }
  // Outermost events that run one extension's script, summed per top-level task.
  const own = outermost(onThread.filter((e) => e.ph === 'X' && !RUN_TASK.has(e.name) && isOwn(scriptUrlOf(e) ?? '')));
  const perTask = new Map<TraceEvent, number>();
  const cpuPerTask = new Map<TraceEvent, number>();
  let ownWorkMs = 0;
  let ownCpuMs = 0;
  for (const event of own) {
    const task = containing(tasks, event.ts);
    if (!task || task.ts < from) continue;
    const cpuMs = (event.tdur ?? event.dur ?? 0) / 1000;
    perTask.set(task, (perTask.get(task) ?? 0) + ms(event));
    cpuPerTask.set(task, (cpuPerTask.get(task) ?? 0) + cpuMs);
    ownWorkMs += ms(event);
    ownCpuMs += cpuMs;
  }
  return {
    longestTaskMs,
    longestParseTaskMs,
    longestOwnWorkMs: Math.max(0, ...perTask.values()),
    ownWorkMs,
    longestOwnCpuMs: Math.max(0, ...cpuPerTask.values()),
    ownCpuMs,
  };
}

/** What each trace event of a main-thread task counts as, for the trace scripts' per-task sums. */
export const TASK_KINDS: Readonly<Record<string, string>> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  FunctionCall: 'script',
  EvaluateScript: 'script',
  TimerFire: 'script',
  ParseHTML: 'parse',
};

/** The trace scripts' shared arguments: a row count (10,000 by default) and `--dist DIR`. */
export function traceOptions(args: readonly string[]): { rows: number; dist: string } {
  const distFlag = args.indexOf('--dist');
  return {
    rows: Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000),
    dist: distFlag >= 0 ? args[distFlag + 1]! : 'dist',
  };
}
