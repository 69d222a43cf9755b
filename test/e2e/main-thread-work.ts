// Who kept a page's main thread busy, read from a Chrome trace of its renderer.
//
// A unit of work is a top-level task, or a microtask checkpoint run outside a task. A unit is the
// extension's script work when it runs code from a chrome-extension:// script, or when it only
// runs promise continuations with no page script in it (that is how replies to extension messages
// resume; the hostile test pages use no promises of their own). A unit is rendering work when it
// runs style, layout or paint and no script: on a page that has stopped changing, such a unit
// follows a DOM change by the extension.
//
// A unit that runs page work too (a parser task of the page in which the content script's
// observer callback runs, from document_start on) counts only the extension's own script events,
// with what runs inside them (forced style and layout): the page's parsing and rendering in that
// task are the page's.
//
// Durations are thread time (the main thread's CPU time), not wall time: on a shared 2-core
// machine a 2 ms task can take 50 ms of wall time while the thread waits for a core. Garbage
// collection inside a unit is left out of its script time: it collects whatever the page and the
// extension allocated, whenever the heap says so.
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number; // microseconds
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

const UNIT_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint', 'RunMicrotasks']);
const MICROTASK_UNITS = new Set(['BlinkScheduler_PerformMicrotaskCheckpoint', 'RunMicrotasks']);
const RENDERING = /^(Layout|UpdateLayoutTree|PrePaint|Paint|Layerize|RecalculateStyles|ScheduleStyleRecalculation)$/;
const GARBAGE_COLLECTION = /GC/;

export function scriptUrl(event: TraceEvent): string {
  const args = event.args ?? {};
  for (const holder of [args.data, args.beginData, args]) {
    if (typeof holder !== 'object' || holder === null) continue;
    const fields = holder as Record<string, unknown>;
    for (const key of ['url', 'scriptName', 'fileName']) if (typeof fields[key] === 'string' && fields[key]) return fields[key];
    const stack = fields.stackTrace as { url?: unknown }[] | undefined;
    if (Array.isArray(stack) && typeof stack[0]?.url === 'string') return stack[0].url;
  }
  return '';
}

export interface WorkUnit {
  wallMs: number;
  threadMs: number;
  /** Garbage collection inside the unit (outermost GC events only). */
  gcMs: number;
  /** The extension's own script events inside the unit (outermost ones), with what they ran. */
  extensionMs: number;
  extension: boolean;
  page: boolean;
  microtasksOnly: boolean;
  rendering: boolean;
  /** The biggest pieces inside, for reports: "Event fn@script:line:column ms". */
  parts: { ms: number; what: string }[];
}

function describe(event: TraceEvent, url: string): string {
  const data = (event.args?.data ?? {}) as { functionName?: string; lineNumber?: number; columnNumber?: number };
  return url
    ? `${event.name} ${data.functionName || '(anonymous)'}@${url.replace(/^.*\//, '')}:${data.lineNumber ?? '?'}:${data.columnNumber ?? '?'}`
    : event.name;
}

const ms = (event: TraceEvent) => (event.tdur ?? event.dur ?? 0) / 1000;

/** Splits the renderer main threads' events into units and marks what ran in each. */
export function workUnits(events: readonly TraceEvent[]): WorkUnit[] {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || !mainThreads.has(key)) continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(event);
  }
  const units: WorkUnit[] = [];
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let unit: (WorkUnit & { end: number; gcEnd: number; extensionEnd: number }) | null = null;
    for (const event of list) {
      const url = scriptUrl(event);
      if (unit && event.ts < unit.end) {
        if (url.startsWith('chrome-extension://')) {
          unit.extension = true;
          if (event.ts >= unit.extensionEnd) {
            unit.extensionMs += ms(event);
            unit.extensionEnd = event.ts + (event.dur ?? 0);
          }
        } else if (/^https?:/.test(url)) unit.page = true;
        if (RENDERING.test(event.name)) unit.rendering = true;
        if (GARBAGE_COLLECTION.test(event.name) && event.ts >= unit.gcEnd) {
          unit.gcMs += ms(event);
          unit.gcEnd = event.ts + (event.dur ?? 0);
        }
        if ((event.dur ?? 0) >= 2000) unit.parts.push({ ms: ms(event), what: describe(event, url) });
        continue;
      }
      if (!UNIT_NAMES.has(event.name)) continue;
      if (unit) units.push(unit);
      unit = {
        end: event.ts + (event.dur ?? 0),
        gcEnd: 0,
        extensionEnd: 0,
        extensionMs: 0,
        wallMs: (event.dur ?? 0) / 1000,
        threadMs: ms(event),
        gcMs: 0,
        extension: url.startsWith('chrome-extension://'),
        page: /^https?:/.test(url),
        microtasksOnly: MICROTASK_UNITS.has(event.name),
        rendering: false,
        parts: [],
      };
    }
    if (unit) units.push(unit);
  }
  return units;
}

export interface MainThreadWork {
  /** Units of the extension's script work. */
  scriptUnits: number;
  /** The longest of them: thread ms without garbage collection, and its wall time. */
  longestScriptMs: number;
  longestScriptWallMs: number;
  /** What the longest one was made of. */
  longestScript: string[];
  /** Rendering-only units of `longMs` or more thread time, and the longest one. */
  longRendering: number;
  longestRenderingMs: number;
}

const isExtensionScript = (u: WorkUnit) => u.extension || (u.microtasksOnly && !u.page);
const isRenderingOnly = (u: WorkUnit) => u.rendering && !u.extension && !u.page;

/** The extension's script time in a unit: all of it, or only its own events in a page's task. */
const scriptMs = (u: WorkUnit) => (u.page ? u.extensionMs : u.threadMs - u.gcMs);

export function summarize(units: readonly WorkUnit[], longMs: number): MainThreadWork {
  const script = units.filter(isExtensionScript);
  const longest = script.reduce<WorkUnit | undefined>((a, b) => (a && scriptMs(a) >= scriptMs(b) ? a : b), undefined);
  const rendering = units.filter(isRenderingOnly);
  return {
    scriptUnits: script.length,
    longestScriptMs: longest ? scriptMs(longest) : 0,
    longestScriptWallMs: longest?.wallMs ?? 0,
    longestScript: (longest?.parts ?? [])
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 6)
      .map((p) => `${p.what} ${p.ms.toFixed(1)}`),
    longRendering: rendering.filter((u) => u.threadMs >= longMs).length,
    longestRenderingMs: Math.max(0, ...rendering.map((u) => u.threadMs)),
  };
}

/** Traces a page's renderer while `action` runs; returns its units of work. */
export async function traceWorkUnits(cdp: CDPSession, action: () => Promise<void>): Promise<WorkUnit[]> {
  const kept: TraceEvent[] = [];
  const onData = ({ value }: { value: Record<string, unknown>[] }) => {
    for (const raw of value) {
      const event = raw as unknown as TraceEvent;
      // Only what the attribution reads: thread names, units, rendering, GC, and script events.
      if (
        event.ph === 'M' ||
        UNIT_NAMES.has(event.name) ||
        RENDERING.test(event.name) ||
        GARBAGE_COLLECTION.test(event.name) ||
        scriptUrl(event)
      ) {
        kept.push(event);
      }
    }
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: '-*,devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return workUnits(kept);
}
