// npm run eval: the engine against every labelled evaluation set (test/eval/README.md), beside
// the naive baselines: one table for the training corpus, then one per held-out set, each with its
// misses and false alarms. `--set NAME` scores one set; `--json FILE` also writes the figures.
import { writeFileSync } from 'node:fs';
import { isNegative, loadSets, type EvalSet, type LabelledText, type Observed } from '../test/eval/labels';
import { predictNaiveCodes, predictNaiveNetwork, predictWithEngine } from '../test/eval/predict';
import { scoreAll, type Metric, type Report } from '../test/eval/score';
import { formatTable } from './text-table';

function predictAll(items: readonly LabelledText[], predict: (text: string) => Observed): Map<string, Observed> {
  return new Map(items.map((item) => [item.id, predict(item.text)]));
}

const figure = (value: number): string => value.toFixed(2);
const cells = (metric: Metric | undefined): string[] =>
  metric
    ? [figure(metric.precision), figure(metric.recall), figure(metric.f1), `${metric.tp}/${metric.fp}/${metric.fn}`]
    : ['', '', '', ''];

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 110 ? `${flat.slice(0, 107)}...` : flat;
}

function printReport(items: readonly LabelledText[], engine: Report, naiveCodes: Report, naiveNetwork: Report): void {
  const shapes = new Map<string, number>();
  for (const item of items) shapes.set(item.shape, (shapes.get(item.shape) ?? 0) + 1);
  console.log(
    `${engine.texts} labelled texts, ${engine.negatives} negatives; shapes: ${[...shapes].map(([s, n]) => `${s} ${n}`).join(', ')}\n`,
  );
  const naiveFor: Record<string, Report> = {
    'status codes': naiveCodes,
    'network (by kind)': naiveNetwork,
    'network (any)': naiveNetwork,
  };
  const rows = Object.entries(engine.categories).map(([name, score]) => [
    name,
    ...cells(score.metric),
    ...cells(naiveFor[name]?.categories[name]?.metric),
  ]);
  console.log(formatTable(['category', 'P', 'R', 'F1', 'tp/fp/fn', 'naive P', 'naive R', 'naive F1', 'naive tp/fp/fn'], rows));
  console.log(
    `\nnegatives with any finding: ${engine.negativesWithFindings.length} of ${engine.negatives}` +
      (engine.negativesWithFindings.length > 0 ? ` (${engine.negativesWithFindings.join(', ')})` : ''),
  );
  const byId = new Map(items.map((item) => [item.id, item]));
  const errors = Object.values(engine.categories)
    .flatMap((score) => score.errors)
    .filter((error) => !error.category.endsWith('(all)') && error.category !== 'network (any)');
  if (errors.length === 0) return;
  console.log('\nmisses and false alarms:');
  for (const error of errors) {
    const item = byId.get(error.id);
    console.log(
      `  ${error.id.padEnd(7)} ${error.type === 'miss' ? 'MISSED' : 'FALSE '} ${error.category}: ${error.value}  | ${excerpt(item?.text ?? '')}`,
    );
  }
}

/** The value after `flag` on the command line, if any. */
function optionValue(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

interface SetFigures {
  texts: number;
  negatives: number;
  metrics: Record<string, Metric>;
  negativesWithFindings: string[];
}

function scoreSet(set: EvalSet): SetFigures {
  const { items } = set;
  const engine = scoreAll(items, predictAll(items, predictWithEngine));
  const naiveCodes = scoreAll(items, predictAll(items, predictNaiveCodes));
  const naiveNetwork = scoreAll(items, predictAll(items, predictNaiveNetwork));
  console.log(`== ${set.name} (${set.heldOut ? 'held out' : 'tuned on'}: ${set.files.join(', ')})`);
  printReport(items, engine, naiveCodes, naiveNetwork);
  console.log('');
  const metrics = Object.fromEntries(Object.entries(engine.categories).map(([name, score]) => [name, score.metric]));
  return { texts: items.length, negatives: items.filter(isNegative).length, metrics, negativesWithFindings: engine.negativesWithFindings };
}

function main(argv: readonly string[]): void {
  const sets = loadSets();
  const wanted = optionValue(argv, '--set');
  const chosen = wanted === undefined ? sets : sets.filter((set) => set.name === wanted);
  if (chosen.length === 0) {
    console.error(`eval: no set named "${wanted}"; the sets are ${sets.map((set) => set.name).join(', ')}`);
    process.exit(2);
  }
  const figures = Object.fromEntries(chosen.map((set) => [set.name, scoreSet(set)]));
  const jsonFile = optionValue(argv, '--json');
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ sets: figures }, null, 2)}\n`);
}

main(process.argv.slice(2));
