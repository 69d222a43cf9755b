// Precision, recall and F1 of a predictor against the labelled texts, per category, with the
// misses and false alarms listed so the next person knows where to look.
import { isNegative, MISTAKE_KINDS, type LabelledText, type Observed } from './labels';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Metric extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function metricOf({ tp, fp, fn }: Counts): Metric {
  // An empty category is perfect by convention: nothing to find and nothing wrongly found.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** One wrong answer: a label the predictor missed (`miss`) or a value it made up (`false`). */
export interface WrongAnswer {
  id: string;
  category: string;
  type: 'miss' | 'false';
  value: string;
}

export interface Score {
  metric: Metric;
  errors: WrongAnswer[];
}

type Values = (item: Observed) => readonly (string | number)[];

/** Scores (text, value) pairs: each labelled value found is a true positive. */
export function scorePairs(category: string, items: readonly LabelledText[], predictions: ReadonlyMap<string, Observed>, values: Values): Score {
  const counts: Counts = { tp: 0, fp: 0, fn: 0 };
  const errors: WrongAnswer[] = [];
  for (const item of items) {
    const expected = new Set(values(item).map(String));
    const got = new Set(values(predictions.get(item.id) ?? emptyObserved()).map(String));
    for (const value of expected) {
      if (got.has(value)) counts.tp += 1;
      else {
        counts.fn += 1;
        errors.push({ id: item.id, category, type: 'miss', value });
      }
    }
    for (const value of got) {
      if (expected.has(value)) continue;
      counts.fp += 1;
      errors.push({ id: item.id, category, type: 'false', value });
    }
  }
  return { metric: metricOf(counts), errors };
}

export function emptyObserved(): Observed {
  return { codes: [], mistakes: [], network: [], receiver: null };
}

/** Case, spacing and escapes set aside: `\n` inside a quoted string is spacing, `\"` a quote. */
const normalise = (text: string): string =>
  text
    .replace(/\\[nrt]/g, ' ')
    .replace(/\\(["'\\/])/g, '$1')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** What a quote must keep of the message, elisions aside, to count as quoting it. */
const MIN_QUOTED = 12;

/**
 * The receiver's message counts as found when the predicted quote and the label share their
 * words: one contains the other once case and spacing are set aside. The engine shortens long
 * messages and previews secrets inside them ("sk-Cm…jP2n"): each "…" of the quote stands for
 * text it left out, so the pieces around it must appear in the label in order.
 */
export function sameMessage(label: string, predicted: string): boolean {
  const a = normalise(label);
  const b = normalise(predicted);
  if (a === '' || b === '') return false;
  if (a.includes(b) || b.includes(a)) return true;
  const pieces = b.split('…').map((piece) => piece.trim()).filter((piece) => piece !== '');
  if (pieces.length < 2 && !b.endsWith('…')) return false;
  if (pieces.reduce((sum, piece) => sum + piece.length, 0) < MIN_QUOTED) return false;
  let from = 0;
  for (const piece of pieces) {
    const at = a.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

export interface Report {
  texts: number;
  negatives: number;
  /** Negatives on which the predictor reported anything at all. */
  negativesWithFindings: string[];
  categories: Record<string, Score>;
}

/** Every category of the issue in one report. */
export function scoreAll(items: readonly LabelledText[], predictions: ReadonlyMap<string, Observed>): Report {
  const categories: Record<string, Score> = {
    'status codes': scorePairs('status codes', items, predictions, (o) => o.codes),
  };
  for (const kind of MISTAKE_KINDS) {
    categories[kind] = scorePairs(kind, items, predictions, (o) => o.mistakes.filter((m) => m === kind));
  }
  categories['setup mistakes (all)'] = scorePairs('setup mistakes (all)', items, predictions, (o) => o.mistakes);
  categories['network (by kind)'] = scorePairs('network (by kind)', items, predictions, (o) => o.network);
  categories['network (any)'] = scorePairs('network (any)', items, predictions, (o) => (o.network.length > 0 ? ['network'] : []));
  categories['receiver message'] = scoreReceiverMessages(items, predictions);
  const negatives = items.filter(isNegative);
  return {
    texts: items.length,
    negatives: negatives.length,
    negativesWithFindings: negatives.filter((item) => !isNegative(predictions.get(item.id) ?? emptyObserved())).map((item) => item.id),
    categories,
  };
}

/** Receiver messages: found when the prediction quotes the labelled message (see sameMessage). */
export function scoreReceiverMessages(items: readonly LabelledText[], predictions: ReadonlyMap<string, Observed>): Score {
  const counts: Counts = { tp: 0, fp: 0, fn: 0 };
  const errors: WrongAnswer[] = [];
  for (const item of items) {
    const predicted = predictions.get(item.id)?.receiver ?? null;
    if (item.receiver && predicted && sameMessage(item.receiver.message, predicted.message)) counts.tp += 1;
    else {
      if (item.receiver) {
        counts.fn += 1;
        errors.push({ id: item.id, category: 'receiver message', type: 'miss', value: item.receiver.message });
      }
      if (predicted) {
        counts.fp += 1;
        errors.push({ id: item.id, category: 'receiver message', type: 'false', value: predicted.message });
      }
    }
  }
  return { metric: metricOf(counts), errors };
}
