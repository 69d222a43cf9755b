// `tsx scripts/bench/trace-ssr.ts [rows] [ours|reference|plain] [--dist DIR] [--profile]`: traces the load of a
// server-rendered log page and prints the main thread's tasks around DOMContentLoaded (parse,
// script, style, layout, paint per task, and whether the extension ran in it), then when the
// last badge entered, so the parser-following scan and its gaps can be seen.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { launchWithExtension } from '../../test/e2e/harness';
import { REFERENCE_DIR, VIEWPORT, waitForBadges } from './chromium';
import { READ_STATE, RECORDER_SCRIPT, type RecorderState } from './in-page';
import { serveVersusPages, VARIANT_ORIGINS, type Scenario, type Variant } from './versus';
import { printAndKeepProfile, type CpuProfile } from './cpu-profile';
import { isTopLevel, outermost, rendererMainThreads, scriptUrlOf, TASK_KINDS, threadKey, traceOptions, type TraceEvent } from './trace';

const CATEGORIES = '-*,devtools.timeline,toplevel,blink.user_timing,loading';

const args = process.argv.slice(2);
const { rows, dist } = traceOptions(args);
const profile = args.includes('--profile');
const scenario: Scenario = { id: 'ssr', label: 'ssr', rows, heap: false, append: false };
const session = await launchWithExtension({ distDir: dist, viewport: VIEWPORT, extraExtensions: [REFERENCE_DIR] });
try {
  await session.context.addInitScript(RECORDER_SCRIPT);
  const failing = (await serveVersusPages(session.context, [scenario])).get(scenario)!;
  const only = args.filter((a): a is Variant => ['plain', 'reference', 'ours'].includes(a));
  for (const variant of only.length > 0 ? only : (['reference', 'ours'] as Variant[])) {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    if (profile) {
      // Started on the blank page: the profiler follows the renderer into the log page's load.
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(`${VARIANT_ORIGINS[variant]}/flow/Versusssr${rows}/activity`, { waitUntil: 'load' });
    if (variant !== 'plain') await waitForBadges(page, failing.length, null);
    await page.waitForTimeout(500);
    const state = await page.evaluate<RecorderState>(`(${READ_STATE})()`);
    if (profile) {
      const cpu = (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
      printAndKeepProfile(cpu, path.join('/tmp', `profile-ssr-${variant}-${rows}.cpuprofile`));
    }
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(path.join('/tmp', `trace-ssr-${variant}-${rows}.json`), JSON.stringify({ traceEvents: events }));
    const dcl = events.find((e) => e.name === 'MarkDOMContent');
    const thread = dcl ? threadKey(dcl) : [...rendererMainThreads(events)][0];
    const onThread = events.filter((e) => threadKey(e) === thread && e.ph === 'X');
    const tasks = outermost(onThread.filter(isTopLevel));
    const at = (ts: number) => ((ts - (dcl?.ts ?? 0)) / 1000).toFixed(0).padStart(6);
    const last = state.badgeTimes.length > 0 ? Math.max(...state.badgeTimes) - state.domContentLoaded : null;
    console.log(`\n${variant}: ${state.badgeTimes.length} badges, DCL → last badge ${last?.toFixed(0)} ms; tasks over 2 ms (ms from DCL)`);
    for (const task of tasks) {
      if ((task.dur ?? 0) < 2000) continue;
      const inside = onThread.filter((e) => e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0));
      const sums: Record<string, number> = {};
      for (const e of outermost(inside.filter((x) => TASK_KINDS[x.name])))
        sums[TASK_KINDS[e.name]!] = (sums[TASK_KINDS[e.name]!] ?? 0) + (e.dur ?? 0) / 1000;
      const ext = inside.filter((e) => (scriptUrlOf(e) ?? '').startsWith('chrome-extension://') && TASK_KINDS[e.name] === 'script');
      const extMs = outermost(ext).reduce((s, e) => s + (e.dur ?? 0) / 1000, 0);
      const parts = Object.entries(sums)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ');
      console.log(
        `  ${at(task.ts)} ms ${((task.dur ?? 0) / 1000).toFixed(1).padStart(7)} ms  ${parts}${extMs > 0 ? `; extension ${extMs.toFixed(1)}` : ''}`,
      );
    }
    await cdp.detach();
    await page.close();
  }
} finally {
  await session.close();
}
