// Command-line parsing for `npm run -s diagnose`. Pure: argv in, a decision out.
import type { ProviderId } from '../engine/types';
import { isProviderId, PROVIDER_IDS } from '../providers';

export interface CliOptions {
  json: boolean;
  /** Inputs in the order given; '-' is stdin (the default when none is given). */
  files: string[];
  provider?: ProviderId;
  endpointUrl?: string;
}

export type ParsedArgs =
  { action: 'run'; options: CliOptions } | { action: 'help' } | { action: 'version' } | { action: 'usage-error'; message: string };

export const STDIN_NAME = '-';

export const USAGE = `Usage: webhook-doctor diagnose [options] [FILE ...]
   or: npm run -s diagnose -- [options] [FILE ...]

Explains webhook failures found in ESP log text (Klaviyo, Braze, Customer.io, HubSpot,
Iterable, ...). Reads each FILE, or standard input when no FILE is given or FILE is '-'.

Options:
  --json               one JSON object per finding per line
  --provider <id>      apply a provider's retry policy and advice: ${PROVIDER_IDS.join(', ')}
  --endpoint <url>     the webhook's destination URL (adds endpoint advice, e.g. Poplar)
  -h, --help           show this help
  --version            show the version

Exit status: 0 no findings, 1 findings, 2 usage error or unreadable input.
`;

const VALUE_OPTIONS = ['--provider', '--endpoint'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

const isValueOption = (name: string): name is ValueOption => (VALUE_OPTIONS as readonly string[]).includes(name);

/** The one command of the built CLI: `webhook-doctor diagnose FILE` (optional, so `npm run diagnose -- FILE` works too). */
export const COMMAND = 'diagnose';

/** The arguments after the command word, when there is one (a file named so: write ./diagnose). */
export function withoutCommand(argv: readonly string[]): string[] {
  return argv[0] === COMMAND ? argv.slice(1) : [...argv];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = { json: false, files: [] };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyFiles || arg === STDIN_NAME || !arg.startsWith('-')) {
      options.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { action: 'help' };
    if (arg === '--version') return { action: 'version' };
    if (arg === '--json') {
      options.json = true;
      continue;
    }
    // Value options accept both `--name value` and `--name=value`.
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (!isValueOption(name)) return { action: 'usage-error', message: `unknown option ${name}` };
    let value: string | undefined;
    if (equals !== -1) value = arg.slice(equals + 1);
    else value = argv[++i];
    if (value === undefined || value === '') return { action: 'usage-error', message: `${name} needs a value` };
    if (name === '--provider') {
      const provider = value.toLowerCase();
      if (!isProviderId(provider)) {
        return { action: 'usage-error', message: `unknown provider "${value}" (expected one of: ${PROVIDER_IDS.join(', ')})` };
      }
      options.provider = provider;
    } else {
      options.endpointUrl = value;
    }
  }
  if (options.files.length === 0) options.files.push(STDIN_NAME);
  return { action: 'run', options };
}
