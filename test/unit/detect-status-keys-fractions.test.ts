// A status in a keyed line whose next key is a counting word ("Status: 502 Attempts: 3").
import { describe, expect, it } from 'vitest';
import { detectStatusCodes } from '../../src/engine/detect/status/status';

const codesIn = (text: string): number[] => detectStatusCodes(text).map((finding) => finding.code ?? 0);

describe('a unit word that is the next key', () => {
  it.each([
    [[502], 'Status: 502 Attempts: 3 Duration: 1200 ms'],
    [[410], 'Target: hooks.example.com/a Status: 410 Requests: 1'],
    [[], 'status 500 attempts'],
    [[], 'Status: 500 recipients, 3 bounced'],
  ])('%j in %s', (codes, text) => expect(codesIn(text)).toEqual(codes));
});
