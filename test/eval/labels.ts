// The labelled evaluation set: short texts other people wrote, each with what a careful reader
// finds in it. Labels are written from the text alone, before any engine output is seen.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const MISTAKE_KINDS = ['masked-token', 'placeholder-token', 'missing-bearer-prefix', 'invalid-json'] as const;
// Every problem the network detector reports (src/engine/detect/network/network-patterns.ts), so that
// none of its findings is silently left out of the scores.
export const NETWORK_KINDS = [
  'connection-refused',
  'connection-failed',
  'connection-reset',
  'timeout',
  'dns-failure',
  'host-unreachable',
  'tls-certificate',
  'tls-handshake',
  'unexpected-eof',
] as const;

export type MistakeKind = (typeof MISTAKE_KINDS)[number];
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export interface ReceiverLabel {
  message: string;
  field: string | null;
}

/** What a text shows; the same shape serves labels and predictions. */
export interface Observed {
  codes: number[];
  mistakes: MistakeKind[];
  network: NetworkKind[];
  receiver: ReceiverLabel | null;
}

export interface LabelledText extends Observed {
  id: string;
  source: string;
  shape: string;
  text: string;
}

/** The texts the detectors were tuned on: every `*.jsonl` here, scored together as one set. */
export const TRAINING_DIR = path.join(import.meta.dirname, 'corpus');
/** Sets kept apart from tuning: every `*.jsonl` here is one set, named by its file name. */
export const HELDOUT_DIR = path.join(import.meta.dirname, 'heldout');
export const TRAINING_SET = 'training';

function fail(where: string, why: string): never {
  throw new Error(`${where}: ${why}`);
}

function stringArray(value: unknown, where: string, field: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) fail(where, `${field} must be an array of strings`);
  return value as string[];
}

function oneOf<T extends string>(values: string[], allowed: readonly T[], where: string, field: string): T[] {
  for (const value of values) if (!allowed.includes(value as T)) fail(where, `${field} has unknown value "${value}"`);
  return values as T[];
}

/** Checks one parsed line and returns it typed; throws with the line's place on any defect. */
export function parseLabelled(raw: unknown, where: string): LabelledText {
  if (typeof raw !== 'object' || raw === null) fail(where, 'not an object');
  const item = raw as Record<string, unknown>;
  for (const field of ['id', 'source', 'shape', 'text'] as const) {
    if (typeof item[field] !== 'string' || item[field] === '') fail(where, `${field} must be a non-empty string`);
  }
  if (!/^https?:\/\/\S+$/.test(item.source as string)) fail(where, 'source must be a URL');
  const codes = item.codes;
  if (!Array.isArray(codes) || !codes.every((code) => Number.isInteger(code) && code >= 400 && code <= 599)) {
    fail(where, 'codes must be integers 400-599');
  }
  const receiver = item.receiver ?? null;
  if (receiver !== null) {
    const r = receiver as Record<string, unknown>;
    if (typeof r.message !== 'string' || (r.field !== null && r.field !== undefined && typeof r.field !== 'string')) {
      fail(where, 'receiver must be null or {message, field}');
    }
  }
  return {
    id: item.id as string,
    source: item.source as string,
    shape: item.shape as string,
    text: item.text as string,
    codes: [...new Set(codes as number[])],
    mistakes: oneOf(stringArray(item.mistakes, where, 'mistakes'), MISTAKE_KINDS, where, 'mistakes'),
    network: oneOf(stringArray(item.network, where, 'network'), NETWORK_KINDS, where, 'network'),
    receiver: receiver === null ? null : { message: (receiver as ReceiverLabel).message, field: (receiver as ReceiverLabel).field ?? null },
  };
}

export function parseJsonLines(content: string, file: string): LabelledText[] {
  return content
    .split('\n')
    .map((line, index) => ({ line, where: `${file}:${index + 1}` }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, where }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (error) {
        fail(where, `not JSON (${(error as Error).message})`);
      }
      return parseLabelled(raw, where);
    });
}

export interface EvalSet {
  /** `training`, or a held-out file's name without `.jsonl` (what `npm run eval -- --set` takes). */
  name: string;
  heldOut: boolean;
  /** Its files, relative to test/eval. */
  files: string[];
  items: LabelledText[];
}

const jsonlFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort();

function loadFiles(dir: string, names: readonly string[]): LabelledText[] {
  return names.flatMap((name) => parseJsonLines(readFileSync(path.join(dir, name), 'utf8'), name));
}

/**
 * Every evaluation set: the training corpus first, then each held-out file as its own set. A new
 * held-out set is one more `.jsonl` file in test/eval/heldout. Ids are unique across all sets.
 */
export function loadSets(): EvalSet[] {
  const relative = (dir: string, name: string): string => `${path.basename(dir)}/${name}`;
  const training = jsonlFiles(TRAINING_DIR);
  const sets: EvalSet[] = [
    { name: TRAINING_SET, heldOut: false, files: training.map((name) => relative(TRAINING_DIR, name)), items: loadFiles(TRAINING_DIR, training) },
    ...jsonlFiles(HELDOUT_DIR).map((name) => ({
      name: name.replace(/\.jsonl$/, ''),
      heldOut: true,
      files: [relative(HELDOUT_DIR, name)],
      items: loadFiles(HELDOUT_DIR, [name]),
    })),
  ];
  if (sets.filter((set) => set.name === TRAINING_SET).length > 1) fail(TRAINING_SET, 'is the training corpus, not a held-out file name');
  const seen = new Set<string>();
  for (const item of sets.flatMap((set) => set.items)) {
    if (seen.has(item.id)) fail(item.id, 'duplicate id');
    seen.add(item.id);
  }
  return sets;
}

export function isNegative(item: Observed): boolean {
  return item.codes.length === 0 && item.mistakes.length === 0 && item.network.length === 0 && item.receiver === null;
}
