// A run of error names each carrying the same count of tries is a log of retries, not a list of
// names; a list of names with their errno numbers stays a list.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';

const networkOf = (text: string): string[] => [
  ...new Set(findAll(text).flatMap((finding) => (finding.kind === 'network' ? [finding.problem!] : []))),
];

describe('names that each carry a count of tries', () => {
  it('reports every failure of a retry log written on one line', () => {
    expect(networkOf('Delivery log: ECONNRESET on attempt 1, ETIMEDOUT on attempt 2, ECONNREFUSED on attempt 3')).toEqual([
      'connection-reset',
      'timeout',
      'connection-refused',
    ]);
  });

  it('still sets aside a list of names, with or without numbers', () => {
    expect(networkOf('We retry on ECONNRESET, ETIMEDOUT, ECONNREFUSED and EPIPE')).toEqual([]);
    expect(networkOf('Errno values: ECONNRESET 104, ETIMEDOUT 110, ECONNREFUSED 111')).toEqual([]);
  });
});
