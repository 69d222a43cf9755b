// `tsx scripts/bench/trace-insertion.ts [rows] [--dist DIR]`: traces one page-script insertion of
// log rows with ours and with the reference scanner, and prints where the main thread's time went
// per task (script, style recalculation, layout, paint), so a change in badge commits can be seen.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension } from '../../test/e2e/harness';
import { REFERENCE_DIR, VIEWPORT, waitForBadges } from './chromium';
import { RECORDER_SCRIPT } from './in-page';
import { serveVersusPages, VARIANT_ORIGINS, type Scenario, type Variant } from './versus';
import type { TraceEvent } from './trace';
import { printAndKeepProfile, type CpuProfile } from './cpu-profile';
import { isTopLevel, outermost, rendererMainThreads, TASK_KINDS, threadKey, traceOptions } from './trace';

const CATEGORIES = '-*,devtools.timeline,toplevel';

const args = process.argv.slice(2);
const { rows, dist } = traceOptions(args);
const profile = args.includes('--profile');

const scenario: Scenario = { id: 'spa', label: 'insert', rows, heap: false, append: false };
const session = await launchWithExtension({ distDir: dist, viewport: VIEWPORT, extraExtensions: [REFERENCE_DIR] });
try {
  await session.context.addInitScript(RECORDER_SCRIPT);
  const failing = (await serveVersusPages(session.context, [scenario])).get(scenario)!;
  const only = args.filter((a): a is Variant => ['plain', 'reference', 'ours'].includes(a));
  for (const variant of only.length > 0 ? only : (['plain', 'reference', 'ours'] as Variant[])) {
    const page = await session.context.newPage();
    await page.goto(`${VARIANT_ORIGINS[variant]}/flow/Versusspa${rows}/activity`, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const cdp = await session.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const at = await page.evaluate<number>('window.__wdInsert()');
    // Until every badge is in (under load that can take seconds), then a little longer.
    if (variant !== 'plain') await waitForBadges(page, failing.length, at);
    await page.waitForTimeout(Number(process.env.TRACE_WAIT_MS ?? 1000));
    if (profile) {
      const cpu = (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
      printAndKeepProfile(cpu, path.join('/tmp', `profile-insertion-${variant}-${rows}.cpuprofile`));
    }
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(path.join('/tmp', `trace-${variant}-${rows}.json`), JSON.stringify({ traceEvents: events }));
    const marker = events.find((e) => e.name === 'TimeStamp');
    const thread = marker ? threadKey(marker) : [...rendererMainThreads(events)][0];
    const onThread = events.filter((e) => threadKey(e) === thread && e.ph === 'X');
    const tasks = outermost(onThread.filter(isTopLevel)).filter((t) => !marker || t.ts + (t.dur ?? 0) >= marker.ts);
    console.log(`\n${variant}: tasks over 2 ms after the insertion (ms from the insertion: duration, then kinds)`);
    for (const task of tasks) {
      if ((task.dur ?? 0) < 2000) continue;
      const inside = onThread.filter((e) => e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && TASK_KINDS[e.name]);
      const sums: Record<string, number> = {};
      const counts: Record<string, number> = {};
      for (const e of outermost(inside)) {
        const kind = TASK_KINDS[e.name]!;
        sums[kind] = (sums[kind] ?? 0) + (e.dur ?? 0) / 1000;
        counts[kind] = (counts[kind] ?? 0) + 1;
      }
      // Style and layout nested in script (forced) are counted apart.
      const forced = inside.filter(
        (e) =>
          (e.name === 'UpdateLayoutTree' || e.name === 'Layout') &&
          inside.some((s) => TASK_KINDS[s.name] === 'script' && s.ts <= e.ts && e.ts + (e.dur ?? 0) <= s.ts + (s.dur ?? 0)),
      );
      const parts = Object.entries(sums)
        .map(([k, v]) => `${k} ${v.toFixed(1)} (${counts[k]}×)`)
        .join(', ');
      const forcedMs = forced.reduce((s, e) => s + (e.dur ?? 0) / 1000, 0);
      console.log(
        `  +${((task.ts - (marker?.ts ?? task.ts)) / 1000).toFixed(0).padStart(5)} ms  ${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${parts}${forcedMs > 0 ? `; forced style/layout ${forcedMs.toFixed(1)}` : ''}`,
      );
    }
    await cdp.detach();
    await page.close();
  }
} finally {
  await session.close();
}
