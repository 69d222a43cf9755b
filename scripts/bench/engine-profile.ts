// A CPU profile of one engine bundle over the bench chunks, taken in this process through the
// inspector, and where its time goes: self time per function, and total time per source file of
// the engine (esbuild marks each module of a bundle with a `// src/...` comment line, so a
// frame's line in the bundle names its file). Used by engine-ab.ts `--profile NAME`.
import { readFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

/** For each line of a bundle, the source module it came from ('' before the first marker). */
function modulesByLine(bundlePath: string): string[] {
  let current = '';
  return readFileSync(bundlePath, 'utf8')
    .split('\n')
    .map((line) => {
      const marker = /^\/\/ (src\/\S+)$/.exec(line);
      if (marker) current = marker[1]!;
      return current;
    });
}

function share(ms: number, all: number): string {
  return `${((100 * ms) / all).toFixed(1).padStart(5)}%`;
}

function top(title: string, times: Map<string, number>, all: number, count: number): string[] {
  const rows = [...times].sort((a, b) => b[1] - a[1]).slice(0, count);
  return [title, ...rows.map(([name, ms]) => `  ${share(ms, all)}  ${name.slice(0, 140)}`)];
}

/** Self time per function and total time per engine source file, as printable lines. */
export function profileReport(profile: Profiler.Profile, bundleUrl: string): string[] {
  const lines = modulesByLine(fileURLToPath(bundleUrl));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const moduleOf = (frame: Profiler.ProfileNode['callFrame']): string | undefined =>
    frame.url === bundleUrl ? lines[frame.lineNumber] || undefined : undefined;
  const self = new Map<string, number>();
  const perFile = new Map<string, number>();
  let all = 0;
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  profile.samples!.forEach((id, index) => {
    const ms = (profile.timeDeltas![index] ?? 0) / 1000;
    const frame = byId.get(id)!.callFrame;
    // Each file once per sample, however deep its frames nest.
    const files = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const file = moduleOf(byId.get(at)!.callFrame);
      if (file) files.add(file);
    }
    // Samples outside the engine are the profiler's own work (its message dispatch), but for
    // the garbage collector, which the engine's allocations call for.
    if (files.size === 0 && frame.functionName !== '(garbage collector)') return;
    all += ms;
    add(self, `${frame.functionName || '(anonymous)'} ${moduleOf(frame) ?? frame.url.replace(/^.*\//, '')}`, ms);
    for (const file of files) add(perFile, file, ms);
  });
  return [
    `profile: ${all.toFixed(0)} ms sampled in the engine and the garbage collector`,
    ...top('self time per function (a regex counts to the function that runs it):', self, all, 30),
    ...top('total time per engine source file (with its callees):', perFile, all, 30),
  ];
}

/** Runs `work` under the CPU profiler and returns the profile. */
export async function profiled(work: () => void): Promise<Profiler.Profile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await session.post('Profiler.start');
    work();
    const { profile } = await session.post('Profiler.stop');
    return profile;
  } finally {
    session.disconnect();
  }
}
