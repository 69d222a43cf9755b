// The CLI as a function: arguments and streams in, exit status out (main.ts only wires process).
import { version } from '../../package.json' with { type: 'json' };
import { diagnoseText, type DiagnoseContext } from '../engine';
import { requiredFieldsFor } from '../engine/catalog/endpoints';
import { openBodyStart } from '../engine/detect/json/json-candidates';
import { parseArgs, STDIN_NAME, USAGE, type CliOptions } from './args';
import { COLOR_PALETTE, PLAIN_PALETTE, ReadableReport, shouldUseColor, writeJsonLine } from './format';
import { InputError, readTextInput } from './input';
import { Output } from './output';
import { scanStream, type Analyse, type LocatedFinding } from './scan';

export const EXIT_NO_FINDINGS = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
}

const NAME = 'webhook-doctor';

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
  const findOptions = { requiredFields: requiredFieldsFor(options.endpointUrl) };
  const analyse: Analyse = (text) => diagnoseText(text, context, findOptions);

  const out = new Output(io.stdout);
  const report = new ReadableReport(shouldUseColor(io.stdout.isTTY, io.env) ? COLOR_PALETTE : PLAIN_PALETTE);
  // JSON lines go straight into the output's bytes: their constant parts are encoded only once.
  const render = (file: string, items: LocatedFinding[]): void => {
    if (!options.json) return out.append(report.findings(file, items));
    for (const item of items) writeJsonLine(out, file, item);
  };
  const warn = (message: string) => io.stderr.write(`${NAME}: ${message}\n`);

  let findings = 0;
  let filesRead = 0;
  let failed = false;
  for (const file of options.files) {
    if (!out.open) break;
    if (file === STDIN_NAME && io.stdin.isTTY) warn('reading log text from standard input (end with Ctrl-D)');
    try {
      const summary = await scanStream(readTextInput(file, io.stdin), analyse, {
        keepTogether: openBodyStart,
        // Flushed per chunk so findings show up while a big log is still being read.
        onFindings: async (items) => {
          render(file, items);
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
  if (!options.json && out.open && filesRead > 0) await out.write(report.summary(filesRead));
  await out.flush();
  if (out.failure !== null) {
    warn(`cannot write the output: ${out.failure}`);
    return EXIT_TROUBLE;
  }
  if (failed) return EXIT_TROUBLE;
  return findings > 0 ? EXIT_FINDINGS : EXIT_NO_FINDINGS;
}
