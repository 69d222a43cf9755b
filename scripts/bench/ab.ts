// `tsx scripts/bench/ab.ts DIR_A DIR_B [DIR_C ...] [spa|ssr] [reps]`: builds of the extension
// compared on one scenario of the versus bench, interleaved in one process (the order turns each
// rep), each beside the reference scanner. On a shared machine the load moves between runs; the
// minimum and median of many interleaved runs, and each build's ratio to the reference of the
// same browser, say more than separate bench runs. Our script time and our share of the longest
// task come from the trace and move less with the load than wall-clock figures.
import { launchWithExtension, type ExtensionSession } from '../../test/e2e/harness';
import { REFERENCE_DIR, VIEWPORT } from './chromium';
import { generateRowBatch } from './page-generator';
import { RECORDER_SCRIPT } from './in-page';
import { runVariant, scenarios, serveVersusPages, type Variant } from './versus';

const args = process.argv.slice(2);
const dirs = args.filter((a) => a.includes('/'));
const [id = 'spa', repsArg = '5'] = args.filter((a) => !a.includes('/'));
if (dirs.length < 2) throw new Error('usage: tsx scripts/bench/ab.ts DIR_A DIR_B [DIR_C ...] [spa|ssr] [reps]');
// Without the append and heap steps: the figure compared is the last badge.
const scenario = { ...scenarios(false).find((s) => s.id === id)!, append: false, heap: false };
const reps = Number(repsArg);
const batch = generateRowBatch(100, 2);

interface Build {
  name: string;
  session: ExtensionSession;
  failing: number[];
  times: Record<'ours' | 'reference', number[]>;
  script: number[];
  referenceScript: number[];
  longestOwn: number[];
  cpu: number[];
  referenceCpu: number[];
  longestOwnCpu: number[];
  /** Main-thread, style and layout time of the page's run (Performance metrics), per variant. */
  counters: Record<'ours' | 'reference', Record<'main' | 'style' | 'layout', number[]>>;
}

async function open(name: string, dir: string): Promise<Build> {
  const session = await launchWithExtension({ distDir: dir, viewport: VIEWPORT, extraExtensions: [REFERENCE_DIR] });
  await session.context.addInitScript(RECORDER_SCRIPT);
  const failing = (await serveVersusPages(session.context, [scenario])).get(scenario)!;
  return {
    name,
    session,
    failing,
    times: { ours: [], reference: [] },
    script: [],
    referenceScript: [],
    longestOwn: [],
    cpu: [],
    referenceCpu: [],
    longestOwnCpu: [],
    counters: { ours: { main: [], style: [], layout: [] }, reference: { main: [], style: [], layout: [] } },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const builds: Build[] = [];
try {
  for (const dir of dirs) builds.push(await open(dir, dir));
  for (let rep = 0; rep < reps; rep++) {
    const shift = rep % builds.length;
    const turned = [...builds.slice(shift), ...builds.slice(0, shift)];
    const order = rep % 2 === 0 ? turned : turned.reverse();
    for (const build of order) {
      for (const variant of ['ours', 'reference'] as Variant[]) {
        const run = await runVariant(build.session.context, build.session.extensionId, scenario, build.failing, variant, batch);
        if (run.lastBadgeMs !== null) build.times[variant as 'ours' | 'reference'].push(run.lastBadgeMs);
        const counters = build.counters[variant as 'ours' | 'reference'];
        counters.main.push(run.mainThreadMs);
        counters.style.push(run.styleMs);
        counters.layout.push(run.layoutMs);
        if (variant === 'ours') {
          build.script.push(run.tasks.ownWorkMs);
          build.longestOwn.push(run.tasks.longestOwnWorkMs);
          build.cpu.push(run.tasks.ownCpuMs);
          build.longestOwnCpu.push(run.tasks.longestOwnCpuMs);
        } else {
          build.referenceScript.push(run.tasks.ownWorkMs);
          build.referenceCpu.push(run.tasks.ownCpuMs);
        }
      }
    }
    process.stdout.write(`rep ${rep + 1}/${reps}\n`);
  }
  for (const b of builds) {
    const ratios = b.times.ours.map((t, i) => t / (b.times.reference[i] ?? NaN));
    const scriptRatios = b.script.map((t, i) => t / (b.referenceScript[i] ?? NaN));
    console.log(
      `${b.name}: last badge ours min ${Math.min(...b.times.ours).toFixed(0)} median ${median(b.times.ours).toFixed(0)} ms; reference min ${Math.min(...b.times.reference).toFixed(0)} median ${median(b.times.reference).toFixed(0)} ms; ratio median ${median(ratios).toFixed(2)}×, min-over-min ${(Math.min(...b.times.ours) / Math.min(...b.times.reference)).toFixed(2)}×`,
    );
    console.log(
      `   our script min ${Math.min(...b.script).toFixed(0)} median ${median(b.script).toFixed(0)} ms (reference median ${median(b.referenceScript).toFixed(0)} ms, ratio median ${median(scriptRatios).toFixed(2)}×); our longest task share median ${median(b.longestOwn).toFixed(1)} ms`,
    );
    console.log(
      `   CPU (thread time): our script min ${Math.min(...b.cpu).toFixed(0)} median ${median(b.cpu).toFixed(0)} ms (reference median ${median(b.referenceCpu).toFixed(0)} ms); our longest task share min ${Math.min(...b.longestOwnCpu).toFixed(1)} median ${median(b.longestOwnCpu).toFixed(1)} max ${Math.max(...b.longestOwnCpu).toFixed(1)} ms`,
    );
    const figures = (v: 'ours' | 'reference') =>
      (['main', 'style', 'layout'] as const).map((k) => `${k} ${median(b.counters[v][k]).toFixed(0)}`).join(', ');
    console.log(`   main thread, style, layout (medians, ms): ours ${figures('ours')}; reference ${figures('reference')}`);
    console.log(`   ours: ${b.times.ours.map((t) => t.toFixed(0)).join(' ')}; script: ${b.script.map((t) => t.toFixed(0)).join(' ')}`);
  }
} finally {
  for (const b of builds) await b.session.close();
}
