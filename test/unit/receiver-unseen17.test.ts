// The receiver's words on text nobody tuned for (session 14, the blind16 and blind15 sets read):
// success bodies that carry an error key, documented error formats, an SDK's repr of the
// response it got, a client's "failed (401): …" line and a status printed before words that
// address the caller.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';

const quoted = (text: string): string | undefined =>
  findAll(text).find((finding) => finding.detail?.receiverMessage)?.detail?.receiverMessage;

const eachGives = (cases: Array<[string, string]>): void => it.each(cases)('%s', (text, message) => expect(quoted(text)).toBe(message));

const eachSilent = (cases: string[]): void => it.each(cases)('%s', (text) => expect(quoted(text)).toBe(undefined));

const blanks = ' '.repeat(60_000);
const quotes = '"'.repeat(60_000);

/** Hostile page rows: each must finish (a regex that backtracks over them hangs the test). */
const eachFinishes = (cases: string[]): void =>
  it.each(cases)('a hostile row finishes: %#', (text) => {
    expect(() => findAll(text)).not.toThrow();
  });

describe('a body inside an SDK exception’s repr of the response', () => {
  eachGives([
    [
      `pyactiveresource.connection.UnauthorizedAccess: Response(code=401, body="b'{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}'", headers={'Connection': 'close'})`,
      '[API] Invalid API key or access token (unrecognized login or wrong password)',
    ],
    [
      `"exception": "pyactiveresource.connection.UnauthorizedAccess: Response(code=401, body=\\"b'{\\"errors\\":\\"[API] Invalid API key or access token\\"}'\\", headers={})"`,
      '[API] Invalid API key or access token',
    ],
  ]);
  // Code that builds a response still builds it, whatever its body says.
  eachSilent(['    return Response(status=401, body=\'{"errors":"Invalid API key or access token"}\')']);
  eachFinishes([
    `Failure: Response(code=401, body=${'\\"errors\\"'.repeat(10_000)}`,
    `${'"errors"'.repeat(10_000)}`,
    `"errors":${blanks}x`,
  ]);
});

describe('an error key whose value says nothing failed', () => {
  eachSilent([
    // Postmark's success answer always carries ErrorCode, 0 when all went well.
    'The API responded with:\n{"To": "a@b.c", "Message": "Message OK, but will not deliver to these inactive addresses: a@b.c", "ErrorCode": 0}',
    'The service returned:\n{"id": 7, "message": "Queued, but will not deliver to the inactive recipient", "errors": []}',
  ]);
  eachGives([
    [
      'The API responded with:\n{"To": "a@b.c", "Message": "Queued, but will not deliver to the inactive recipient", "ErrorCode": 406}',
      'Queued, but will not deliver to the inactive recipient',
    ],
  ]);
  eachFinishes([`{"Message": "${quotes}", "ErrorCode": 0}`]);
});
