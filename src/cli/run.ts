// The CLI as a function: arguments and streams in, exit status out (main.ts only wires process).
import { stat } from 'node:fs/promises';
import { version } from '../../package.json' with { type: 'json' };
import type { DiagnoseContext } from '../engine';
import { requiredFieldsFor } from '../engine/catalog/endpoints';
import { openBodyStart } from '../engine/detect/json/json-candidates';
import { parseArgs, STDIN_NAME, USAGE, type CliOptions } from './args';
import type { ChunkOutput } from './chunk-report';
import { COLOR_PALETTE, PLAIN_PALETTE, ReadableReport, shouldUseColor } from './format';
import { InputError, readTextInput } from './input';
import { ChunkJudging, type WorkerPlan } from './judging';
import { Output } from './output';
import { scanChunks } from './scan';

export const EXIT_NO_FINDINGS = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Worker threads for the engine on big inputs; none means every chunk is judged in this thread. */
  workers?: WorkerPlan | null;
}

const NAME = 'webhook-doctor';

/** A file's size in bytes, or null when it cannot be told (reading it reports why). */
async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.action) {
    case 'help':
      io.stdout.write(USAGE);
      return EXIT_NO_FINDINGS;
    case 'version':
      io.stdout.write(`${NAME} ${version}\n`);
      return EXIT_NO_FINDINGS;
    case 'usage-error':
      io.stderr.write(`${NAME}: ${parsed.message}\n\n${USAGE}`);
      return EXIT_TROUBLE;
    case 'run':
      return diagnoseInputs(parsed.options, io);
  }
}

async function diagnoseInputs(options: CliOptions, io: CliIo): Promise<number> {
  const context: DiagnoseContext = {};
  if (options.provider) context.provider = options.provider;
  if (options.endpointUrl) context.endpointUrl = options.endpointUrl;
  // Bodies a JSON check must see whole: Poplar's required fields when its endpoint is given.
  const judging = new ChunkJudging({ context, requiredFields: requiredFieldsFor(options.endpointUrl) }, io.workers ?? null);

  const out = new Output(io.stdout);
  const report = new ReadableReport(shouldUseColor(io.stdout.isTTY, io.env) ? COLOR_PALETTE : PLAIN_PALETTE);
  // JSON lines come encoded (their constant parts encoded only once): straight into the output.
  const render = (file: string, output: ChunkOutput): void => {
    if ('jsonLines' in output) out.appendBytes(output.jsonLines);
    else out.append(report.findings(file, output.located));
  };
  const warn = (message: string) => io.stderr.write(`${NAME}: ${message}\n`);

  let findings = 0;
  let filesRead = 0;
  let failed = false;
  try {
    for (const file of options.files) {
      if (!out.open) break;
      if (file === STDIN_NAME && io.stdin.isTTY) warn('reading log text from standard input (end with Ctrl-D)');
      try {
        const format = { file, json: options.json };
        judging.expectInput(file === STDIN_NAME ? null : await sizeOf(file));
        const summary = await scanChunks(readTextInput(file, io.stdin), (chunk) => judging.judge(chunk, format), {
          keepTogether: openBodyStart,
          inFlight: judging.inFlight,
          // Flushed per chunk so findings show up while a big log is still being read.
          onResult: async (output) => {
            render(file, output);
            await out.flush();
            return out.open;
          },
        });
        filesRead++;
        findings += summary.findings;
        if (!summary.hasText) warn(`${file}: no text to diagnose`);
      } catch (error) {
        failed = true;
        if (error instanceof InputError) warn(error.message);
        else warn(`${file}: internal error while scanning: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await judging.close();
  }
  // For tests and benchmarks: whether worker threads took part.
  if (io.env.WEBHOOK_DOCTOR_DEBUG_WORKERS === '1') {
    warn(`${judging.judgedInWorkers} chunks judged in worker threads, ${judging.judgedBesideWorkers} beside them in the main thread`);
  }
  if (!options.json && out.open && filesRead > 0) await out.write(report.summary(filesRead));
  await out.flush();
  if (out.failure !== null) {
    warn(`cannot write the output: ${out.failure}`);
    return EXIT_TROUBLE;
  }
  if (failed) return EXIT_TROUBLE;
  return findings > 0 ? EXIT_FINDINGS : EXIT_NO_FINDINGS;
}
