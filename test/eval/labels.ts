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

export const CORPUS_DIR = path.join(import.meta.dirname, 'corpus');

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

/** Every labelled text in the corpus folder; ids must be unique across files. */
export function loadCorpus(dir = CORPUS_DIR): LabelledText[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort();
  const items = files.flatMap((name) => parseJsonLines(readFileSync(path.join(dir, name), 'utf8'), name));
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) fail(item.id, 'duplicate id');
    seen.add(item.id);
  }
  return items;
}

export function isNegative(item: Observed): boolean {
  return item.codes.length === 0 && item.mistakes.length === 0 && item.network.length === 0 && item.receiver === null;
}
