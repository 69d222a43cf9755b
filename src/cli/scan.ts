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

export async function scanStream(
  pieces: AsyncIterable<string> | Iterable<string>,
  analyse: Analyse,
  options: ScanOptions,
): Promise<ScanSummary> {
  const chunker = new LineChunker(options.limits, options.keepTogether ?? null);
  const summary: ScanSummary = { findings: 0, chars: 0, hasText: false };
  const handle = async (chunks: TextChunk[]): Promise<boolean> => {
    for (const chunk of chunks) {
      const located = locateFindings(chunk, analyse);
      summary.findings += located.length;
      if (located.length > 0 && (await options.onFindings(located)) === false) return false;
    }
    return true;
  };
  for await (const piece of pieces) {
    summary.chars += piece.length;
    if (!summary.hasText && NON_WHITESPACE.test(piece)) summary.hasText = true;
    if (!(await handle(chunker.push(piece)))) return summary;
  }
  await handle(chunker.end());
  return summary;
}
