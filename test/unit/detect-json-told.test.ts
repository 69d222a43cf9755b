import { describe, expect, it } from 'vitest';
import { detectJsonInText } from '../../src/engine/detect/json/json-in-text';
import { detectToldJsonProblems } from '../../src/engine/detect/json/json-told';
import { isLogRecord } from '../../src/engine/detect/json/json-log-record';

const invalidIn = (text: string): boolean => detectJsonInText(text).some((finding) => finding.problem === 'invalid-json');

describe('bodies told not to parse, in words', () => {
  const TOLD: string[] = [
    // Fix titles about a JSON example's punctuation.
    '# Include missing comma in POST example',
    'fix(docs): remove trailing comma in JSON payload sample',
    'Fixes extra quote in the webhook body example',
    // A sentence saying the JSON was malformed.
    '# Fix json example\n\nProblem: the json provided in the doc to make an example was malformed',
    // Node's old message, with JSON.parse in its stack.
    'SyntaxError: Unexpected token o\n    at Object.parse (native)\n    at app.js:181:36',
    'SyntaxError: Unexpected token u\n    at JSON.parse (<anonymous>)',
    // JSON.parse named as failing.
    'Fixes JSON.parse error when the webhook body is empty',
    // A curl body in single quotes with escaped quotes inside.
    "curl -H 'Content-Type: application/json' -d '{\\\"text\\\": \\\"Hello World\\\"}' https://example.com/hook",
  ];
  it.each(TOLD)('%j is invalid JSON', (text) => {
    expect(detectToldJsonProblems(text).length).toBeGreaterThan(0);
    expect(invalidIn(text)).toBe(true);
  });

  const TRAPS: string[] = [
    // Punctuation of another language's code, or not in a title.
    '# Fix missing comma in Python example',
    'We talked about the missing comma in the example yesterday and it was fine.',
    // A condition or a requirement, not a report.
    'Check whether the json you sent was invalid before retrying.',
    'If the json in the request was malformed, the API answers 400.',
    // Node's "Unexpected token" from code, not from JSON.parse.
    'SyntaxError: Unexpected token export\n    at wrapSafe (node:internal/modules/cjs/loader:1378:20)',
    // Double quotes around the body: the shell turns \" into ".
    'curl -H "Content-Type: application/json" -d "{\\"text\\": \\"Hello\\"}" https://example.com/hook',
    // A single-quoted body without escapes is fine.
    "curl -d '{\"text\": \"Hello\"}' https://example.com/hook",
    // A PR asking for valid JSON, in Chinese: "when JSON is invalid, just show a hint".
    '# fix(webhook): RequestBody must be valid JSON\n\nJSON 无效时提示一下就完了。',
  ];
  it.each(TRAPS)('%j is not a told invalid body', (text) => {
    expect(invalidIn(text)).toBe(false);
  });
});

describe('a log record cut at its line end', () => {
  it('is known by the keys a logger writes first', () => {
    expect(isLogRecord('{"reqId":"Ia7c","level":2,"time":"2026-02-24T09:03:15+00:00","app":"x"')).toBe(true);
    expect(isLogRecord('{"event":"delivered","email":"a@b.c","timestamp":1700000000')).toBe(false);
  });

  it('is not judged as a truncated body, while a cut body still is', () => {
    const record = '```\n{"reqId":"Ia7c","level":2,"time":"2026-02-24T09:03:15+00:00","message":"Error: 401","userAgent":"Mozilla/5.0 (X11; rv:147\n```';
    expect(invalidIn(record)).toBe(false);
    const body = '2024-01-01 12:00:00 ERROR body: {"event":"delivered","email":"a@b.c","data":{"id":"12\n2024-01-01 12:00:01 INFO next';
    expect(invalidIn(body)).toBe(true);
  });
});
