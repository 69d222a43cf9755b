// `tsx scripts/bench/row-cost.ts ROOT_A [ROOT_B ...] [--rows N] [--reps N]`: the content script's
// per-row work (hint, row lookup, row text, detection) over the bench's generated log rows, in
// happy-dom, for checkouts of this repository side by side. CPU time of this process, not wall
// clock, interleaved, minimum of the reps: on a machine shared with other jobs, a change of a few
// microseconds per row shows here when the browser figures move by seconds with the load.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { generateRowBatch, logPageHtml } from './page-generator';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const rows = option('--rows', 10_000);
const reps = option('--reps', 7);
const roots = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));

interface Pipeline {
  name: string;
  hint: (text: string) => boolean;
  rowFor: (node: Node, adapter: unknown) => Element | null;
  rowText: (row: Element, adapter: unknown) => string;
  detect: (text: string) => unknown[];
  /** With content-extras.js loaded: every detector on the rows that need them. */
  detectAll: (text: string) => unknown[];
  adapter: unknown;
  cpu: Record<'find' | 'text' | 'detect' | 'extras', number[]>;
}

async function load(root: string): Promise<Pipeline> {
  const from = (file: string) => import(pathToFileURL(path.resolve(root, file)).href);
  const rowsModule = await from('src/content/scan/rows.ts');
  const detectModule = await from('src/content/scan/row-detect.ts');
  const providers = await from('src/providers/index.ts');
  const parts = await from('src/engine/find/extra-parts.ts');
  const extras = { detectors: parts.EXTRA_DETECTORS, enrichers: [parts.RECEIVER_WORDS] };
  return {
    name: root,
    hint: (text) => rowsModule.ERROR_HINT.test(text),
    rowFor: rowsModule.rowFor,
    rowText: rowsModule.rowText,
    detect: (text) => detectModule.detectRow(text, null),
    detectAll: (text) => detectModule.detectRow(text, extras),
    adapter: providers.adapterFor('www.klaviyo.com'),
    cpu: { find: [], text: [], detect: [], extras: [] },
  };
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const win = new Window({ url: 'https://www.klaviyo.com/flow/x/activity' });
const doc = win.document as unknown as Document;
const batch = generateRowBatch(rows, 1);
doc.write(logPageHtml('rows', batch.html));
const texts: Text[] = [];
const walker = doc.createTreeWalker(doc.body, 4);
for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);

const pipelines: Pipeline[] = [];
for (const root of roots) pipelines.push(await load(root));
for (let rep = 0; rep < reps; rep++) {
  const order = rep % 2 === 0 ? pipelines : [...pipelines].reverse();
  for (const p of order) {
    let at = cpuMs();
    const found = new Set<Element>();
    for (const node of texts) {
      if (!p.hint(node.data)) continue;
      const row = p.rowFor(node, p.adapter);
      if (row) found.add(row);
    }
    p.cpu.find.push(cpuMs() - at);
    at = cpuMs();
    const rowTexts = [...found].map((row) => p.rowText(row, p.adapter));
    p.cpu.text.push(cpuMs() - at);
    at = cpuMs();
    let badged = 0;
    for (const text of rowTexts) if (p.detect(text).length > 0) badged++;
    p.cpu.detect.push(cpuMs() - at);
    at = cpuMs();
    for (const text of rowTexts) p.detectAll(text);
    p.cpu.extras.push(cpuMs() - at);
    if (rep === 0) console.log(`${p.name}: ${found.size} rows judged, ${badged} with findings`);
  }
}
const min = (xs: number[]) => Math.min(...xs);
for (const p of pipelines) {
  const perRow = (ms: number) => ((ms * 1000) / rows).toFixed(1);
  const total = min(p.cpu.find) + min(p.cpu.text) + min(p.cpu.detect);
  console.log(
    `${p.name}: per row of ${rows} (µs, CPU, min of ${reps}): find ${perRow(min(p.cpu.find))}, text ${perRow(min(p.cpu.text))}, status detection ${perRow(min(p.cpu.detect))} (total ${perRow(total)}); all detectors (extras loaded) ${perRow(min(p.cpu.extras))}`,
  );
}
