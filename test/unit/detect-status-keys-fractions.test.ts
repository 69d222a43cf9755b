// A status in a keyed line whose next key is a counting word ("Status: 502 Attempts: 3"), and
// counts over a total with a spaced slash ("502 / 1000 delivered"), and verbs that are quoted keys
// ({"received":401}), which are no statuses.
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

describe('a count over a total', () => {
  it.each([
    [[503], 'Last response 503 1.2 s 502 / 1000 delivered'],
    [[401], 'Last response 401 80 ms 0 / 500 delivered'],
    [[], 'Last response 204 500 ms 429 / 429 delivered'],
    [[500, 502, 503], 'retry on 500 / 502 / 503'],
    [[502, 503], 'HTTP 502 / 503'],
  ])('%j in %s', (codes, text) => expect(codesIn(text)).toEqual(codes));
});

describe('an amount key whose value is aligned in a column', () => {
  it.each([
    [[409], '# Handle HTTP 409 errors\nresource "volume" "data" {\n  name             = "data2"\n  size             = 500\n}'],
    [[409], 'HTTP 409 Conflict\nhttp {\n  retries          = 3\n  timeout          = 500\n}'],
    [[500], 'HTTP error\nstatus_code      = 500'],
  ])('%j in %s', (codes, text) => expect(codesIn(text)).toEqual(codes));
});

describe('a verb that is a quoted key', () => {
  it.each([
    [[], '{"ok":true,"received":401}'],
    [[], "{'returned': 503, 'ok': true}"],
    [[401], 'we received 401 from the receiver'],
    [[401], '{"status":401,"received":12}'],
    [[401], '{"status":"received 401"}'],
  ])('%j in %s', (codes, text) => expect(codesIn(text)).toEqual(codes));
});
