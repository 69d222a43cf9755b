// Runs the engine over streamed text chunk by chunk and places each finding at its line.
// No Node API here: the CLI and the benchmarks feed it, and tests give it a fake engine.
import type { DiagnosedFinding } from '../engine';
import { LineChunker, PositionWalker, type ChunkLimits, type KeepTogether, type TextChunk } from './lines';

/** A diagnosed finding with its 1-based position in the whole input. */
export interface LocatedFinding extends DiagnosedFinding {
  line: number;
  column: number;
}

/** The engine as the scanner sees it: text in, diagnosed findings with offsets out. */
export type Analyse = (text: string) => DiagnosedFinding[];

export interface ScanSummary {
  findings: number;
  chars: number;
  /** False when the input held only whitespace (or nothing). */
  hasText: boolean;
}

export interface ScanOptions {
  limits?: Partial<ChunkLimits>;
  /** Where a chunk must not be cut (a JSON body spanning lines); see LineChunker. */
  keepTogether?: KeepTogether;
  /**
   * Called with the findings of each chunk, in input order; awaited, so a slow consumer (a full
   * stdout pipe) slows reading down instead of letting output pile up in memory. Returning
   * false stops the scan early (e.g. the reader of stdout went away).
   */
  onFindings: (findings: LocatedFinding[]) => void | boolean | Promise<void | boolean>;
}

const NON_WHITESPACE = /\S/;

export function locateFindings(chunk: TextChunk, analyse: Analyse): LocatedFinding[] {
  const located: LocatedFinding[] = [];
  const diagnosed = analyse(chunk.text)
    .filter(({ finding }) => finding.start >= chunk.ownFrom && finding.start < chunk.ownTo)
    .sort((a, b) => a.finding.start - b.finding.start);
  const walker = new PositionWalker(chunk);
  for (const item of diagnosed) {
    const { line, column } = walker.at(item.finding.start);
    located.push({ ...item, line, column });
  }
  return located;
}

/** What judging one chunk gave: how many findings, and what to hand on (findings, or output). */
export interface ChunkVerdict<T> {
  findings: number;
  result: T;
}

/** Judges one chunk, at once or later (in a worker thread). */
export type JudgeChunk<T> = (chunk: TextChunk) => ChunkVerdict<T> | Promise<ChunkVerdict<T>>;

export interface ChunkScanOptions<T> {
  limits?: Partial<ChunkLimits>;
  keepTogether?: KeepTogether;
  /** How many chunks may be judged at once; results are still handed on in input order. */
  inFlight?: number;
  /** Called with the result of each chunk that has findings, in input order; as onFindings. */
  onResult: (result: T) => void | boolean | Promise<void | boolean>;
}

/**
 * Cuts the input into chunks and judges them, up to `inFlight` at a time, so that reading and
 * writing overlap with the judging when it runs elsewhere. Each result is handed on as soon as
 * it and those before it are ready (while the input is still being waited for), in input order.
 */
export async function scanChunks<T>(
  pieces: AsyncIterable<string> | Iterable<string>,
  judge: JudgeChunk<T>,
  options: ChunkScanOptions<T>,
): Promise<ScanSummary> {
  const chunker = new LineChunker(options.limits, options.keepTogether ?? null);
  const summary: ScanSummary = { findings: 0, chars: 0, hasText: false };
  const inFlight = Math.max(1, options.inFlight ?? 1);
  // One link per chunk not yet handed on; each link waits for the one before it.
  const links: Promise<void>[] = [];
  let last: Promise<void> = Promise.resolve();
  let wanted = true;
  const handOn = async (verdict: Promise<ChunkVerdict<T>>): Promise<void> => {
    const { findings, result } = await verdict;
    if (!wanted) return;
    summary.findings += findings;
    if (findings > 0 && (await options.onResult(result)) === false) wanted = false;
  };
  const submit = async (chunks: TextChunk[]): Promise<boolean> => {
    for (const chunk of chunks) {
      if (!wanted) return false;
      let verdict: Promise<ChunkVerdict<T>>;
      try {
        verdict = Promise.resolve(judge(chunk));
      } catch (error) {
        verdict = Promise.reject(error);
      }
      const link = last
        .then(() => handOn(verdict))
        .finally(() => {
          links.shift();
        });
      // A failure surfaces where the link is awaited; until then it must not count as unhandled.
      link.catch(() => undefined);
      links.push(link);
      last = link;
      while (links.length >= inFlight) await links[0];
    }
    return wanted;
  };
  for await (const piece of pieces) {
    summary.chars += piece.length;
    if (!summary.hasText && NON_WHITESPACE.test(piece)) summary.hasText = true;
    if (!(await submit(chunker.push(piece)))) return summary;
  }
  if (await submit(chunker.end())) await last;
  return summary;
}

/** Every finding of the input, located, judged chunk by chunk in this thread. */
export function scanStream(pieces: AsyncIterable<string> | Iterable<string>, analyse: Analyse, options: ScanOptions): Promise<ScanSummary> {
  const judge = (chunk: TextChunk): ChunkVerdict<LocatedFinding[]> => {
    const located = locateFindings(chunk, analyse);
    return { findings: located.length, result: located };
  };
  const { onFindings, ...rest } = options;
  return scanChunks(pieces, judge, { ...rest, onResult: onFindings });
}
