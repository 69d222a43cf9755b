// The credential detector's prefilter may let noise through (a wasted run), never a finding: every
// labelled text the detector reports on must pass it, and so must generated texts it reports on.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { mayHaveCredentialProblem } from '../../src/engine/detect/credential/credential-hint';
import { loadSets } from '../eval/labels';
import { SECRET_NAME_WORDS } from '../../src/engine/detect/credential/secret-name-words';

const texts = loadSets().flatMap((set) => set.items.map((item) => [item.id, item.text] as const));
const reported = texts.filter(([, text]) => detectCredentialProblems(text).length > 0);

describe('every text of the evaluation sets the credential detector reports on passes its prefilter', () => {
  it('the sets hold such texts', () => {
    expect(reported.length).toBeGreaterThan(200);
  });

  it.each(reported)('%s', (_id, text) => {
    expect(mayHaveCredentialProblem(text)).toBe(true);
  });
});

describe('a short text whose only credential word ends a name passes the prefilter', () => {
  it.each(SECRET_NAME_WORDS)('a field named db_%s', (word) => {
    expect(mayHaveCredentialProblem(`DB_${word.toUpperCase()}=changeme`)).toBe(true);
  });
});

/** Pieces of log lines and of setup reports: header names, stand-ins, masks, variables, noise. */
const PIECES = [
  ' ',
  '\n',
  ': ',
  '=',
  '"',
  "'",
  '{',
  '}',
  '{{',
  '}}',
  '$',
  '%',
  '*',
  '****',
  '###',
  'xxxx',
  'Authorization',
  'Bearer',
  'bearer ',
  'X-Api-Key',
  'api_key',
  'token',
  'secret',
  'password',
  'YOUR_API_KEY',
  'API_TOKEN',
  'env:',
  'the',
  'was',
  'sent',
  'saved',
  'masked',
  'placeholder',
  'literally',
  'not replaced',
  'missing',
  'prefix',
  'invalid',
  'HTTP 401',
  'Unauthorized',
  'POST /v1/hooks HTTP/1.1',
  'connection refused',
  'ok',
];
const setupLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(''));

describe('generated texts', () => {
  it('a text the detector reports on passes the prefilter', () => {
    fc.assert(
      fc.property(setupLike, (text) => {
        if (detectCredentialProblems(text).length > 0) expect(mayHaveCredentialProblem(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('log rows with nothing about credentials are turned away', () => {
  it.each([
    'error: Post "https://hooks.example.com/v1/audiences/": read tcp 10.0.7.221:48341->170.227.252.215:443: read: connection reset by peer',
    'type=Webhook connected to crm.internal.example.net:443 from 162.18.96.100:42988',
    'error: Post "https://mail-api.example.org/api/v2/events": dial tcp 132.74.237.48:443: i/o timeout',
    'HTTP 500 Internal Server Error',
  ])('%j', (text) => {
    expect(mayHaveCredentialProblem(text)).toBe(false);
  });
});
