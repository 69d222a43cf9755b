// A CPU profile of the page's main thread, as the trace scripts print it (`--profile`): self time
// per function, then the total time of the extension's own functions.
import { writeFileSync } from 'node:fs';

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

const frameKey = (frame: CpuProfile['nodes'][number]['callFrame']): string =>
  `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\//, '')}:${frame.lineNumber}`;

/**
 * Self time per function (ms), the top 30, from a CPU profile; then the total time (self and
 * callees, each sample counted once per function) of the extension's functions, so that the
 * cost of a step (judging a row, placing badges) is seen whole. Build with `--minify false`
 * for readable names.
 */
export function printProfile(cpu: CpuProfile): void {
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  cpu.samples.forEach((id, i) => {
    const ms = (cpu.timeDeltas[i] ?? 0) / 1000;
    const key = frameKey(byId.get(id)!.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!frame.url.startsWith('chrome-extension://')) continue;
      const name = frameKey(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  console.log('  CPU profile, self time:');
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${key}`);
  console.log('  CPU profile, total time of extension functions:');
  for (const [key, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${key}`);
}

/**
 * Prints the profile and keeps it whole in `file`, so that a window of the run (after the page's
 * insertion, after DOMContentLoaded) can be read alone: a sum over the whole run hides when work ran.
 */
export function printAndKeepProfile(cpu: CpuProfile, file: string): void {
  printProfile(cpu);
  writeFileSync(file, JSON.stringify(cpu));
}
