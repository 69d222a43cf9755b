import { describe, it, expect } from 'vitest';
import { parseArgs, USAGE, withoutCommand, type ParsedArgs } from '../../src/cli/args';

describe('parseArgs', () => {
  const accepted: { argv: string[]; expected: ParsedArgs }[] = [
    { argv: [], expected: { action: 'run', options: { json: false, files: ['-'] } } },
    { argv: ['--json'], expected: { action: 'run', options: { json: true, files: ['-'] } } },
    { argv: ['a.log', 'b.log'], expected: { action: 'run', options: { json: false, files: ['a.log', 'b.log'] } } },
    { argv: ['a.log', '-', '--json'], expected: { action: 'run', options: { json: true, files: ['a.log', '-'] } } },
    { argv: ['--', '--json', '-x'], expected: { action: 'run', options: { json: false, files: ['--json', '-x'] } } },
    {
      argv: ['--provider', 'braze', 'x.log'],
      expected: { action: 'run', options: { json: false, files: ['x.log'], provider: 'braze' } },
    },
    { argv: ['--provider=Klaviyo'], expected: { action: 'run', options: { json: false, files: ['-'], provider: 'klaviyo' } } },
    {
      argv: ['--endpoint', 'https://api.heypoplar.com/v1/mailing/', '--json'],
      expected: { action: 'run', options: { json: true, files: ['-'], endpointUrl: 'https://api.heypoplar.com/v1/mailing/' } },
    },
    {
      argv: ['--endpoint=https://x.example/a=b'],
      expected: { action: 'run', options: { json: false, files: ['-'], endpointUrl: 'https://x.example/a=b' } },
    },
    { argv: ['--help'], expected: { action: 'help' } },
    { argv: ['a.log', '-h'], expected: { action: 'help' } },
    { argv: ['--version'], expected: { action: 'version' } },
  ];
  it.each(accepted)('accepts $argv', ({ argv, expected }) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  const rejected: { argv: string[]; message: RegExp }[] = [
    { argv: ['--bogus'], message: /unknown option --bogus/ },
    { argv: ['-x', 'a.log'], message: /unknown option -x/ },
    { argv: ['--jsonx'], message: /unknown option --jsonx/ },
    { argv: ['--provider'], message: /--provider needs a value/ },
    { argv: ['--provider='], message: /--provider needs a value/ },
    { argv: ['--endpoint'], message: /--endpoint needs a value/ },
    { argv: ['--provider', 'mailchimp'], message: /unknown provider "mailchimp".*klaviyo/ },
  ];
  it.each(rejected)('rejects $argv', ({ argv, message }) => {
    const parsed = parseArgs(argv);
    expect(parsed.action).toBe('usage-error');
    expect(parsed.action === 'usage-error' && parsed.message).toMatch(message);
  });

  it('documents every option in the usage text', () => {
    for (const option of ['--json', '--provider', '--endpoint', '--help', '--version']) expect(USAGE).toContain(option);
  });
});

describe('withoutCommand', () => {
  it.each([
    [
      ['diagnose', '--json', 'a.log'],
      ['--json', 'a.log'],
    ],
    [
      ['--json', 'a.log'],
      ['--json', 'a.log'],
    ],
    [
      ['a.log', 'diagnose'],
      ['a.log', 'diagnose'],
    ],
    [['./diagnose'], ['./diagnose']],
    [[], []],
  ])('%j → %j', (argv, expected) => {
    expect(withoutCommand(argv)).toEqual(expected);
  });
});
