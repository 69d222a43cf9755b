// One chunk of log text judged and put in the shape the output wants: JSON lines already encoded
// (so a worker thread hands back bytes, not objects), or located findings for the readable
// report, which needs them in order on the main thread.
import { diagnoseText, type DiagnoseContext } from '../engine';
import { ByteBuffer } from './byte-buffer';
import { writeJsonLine } from './format';
import type { TextChunk } from './lines';
import { locateFindings, type ChunkVerdict, type LocatedFinding } from './scan';

/** How the engine is run for every chunk of one CLI run. */
export interface EngineSetup {
  context: DiagnoseContext;
  /** Fields a whole JSON body must hold (Poplar's, when its endpoint is given). */
  requiredFields: readonly string[];
}

export type ChunkOutput = { jsonLines: Uint8Array } | { located: LocatedFinding[] };

/** How one chunk's findings are wanted: as JSON lines naming `file`, or located. */
export interface ChunkFormat {
  file: string;
  json: boolean;
}

export function chunkReporter(setup: EngineSetup): (chunk: TextChunk, format: ChunkFormat) => ChunkVerdict<ChunkOutput> {
  const findOptions = { requiredFields: setup.requiredFields };
  const analyse = (text: string) => diagnoseText(text, setup.context, findOptions);
  const lines = new ByteBuffer();
  return (chunk, { file, json }) => {
    const located = locateFindings(chunk, analyse);
    if (!json) return { findings: located.length, result: { located } };
    for (const item of located) writeJsonLine(lines, file, item);
    return { findings: located.length, result: { jsonLines: lines.take() } };
  };
}
