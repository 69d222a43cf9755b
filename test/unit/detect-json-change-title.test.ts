import { describe, expect, it } from 'vitest';
import { describesACodeChange } from '../../src/engine/detect/json/json-change-title';
import { detectJsonInText } from '../../src/engine/detect/json/json-in-text';

const invalidIn = (text: string): boolean => detectJsonInText(text).some((finding) => finding.problem === 'invalid-json');

describe('titles that describe a code change or ask for one', () => {
  it.each([
    'fix(api): answer 400 on malformed bodies',
    '# feat: validate incoming payloads',
    'Reject non-JSON requests early',
    'Handles empty bodies in the receiver',
    '[Feature] Is it possible to accept JSON5?',
    'Feature request: better parse errors',
  ])('%j describes a change', (text) => {
    expect(describesACodeChange(`${text}\nsome body text`)).toBe(true);
  });

  it.each(['# Webhook returns 400 since yesterday', 'Added a trailing comma and got a 400', 'Unexpected token } in JSON at position 12'])(
    '%j reports',
    (text) => {
      expect(describesACodeChange(text)).toBe(false);
    },
  );
});

describe('invalid JSON named as a case the changed code handles', () => {
  it.each([
    'fix(hooks): show an error message on invalid JSON\n\nThe form used to throw a traceback.',
    '# Reject malformed JSON bodies\n\nThe handler now stops before the queue.',
    'chore: input errors should be 4xx\n\nErrors such as invalid JSON end up as a 500 today.',
    'fix: answer 400 for malformed JSON\n\nThe route now returns `400` with a clear `Invalid JSON` message.',
  ])('%j reports no body', (text) => {
    expect(invalidIn(text)).toBe(false);
  });

  it.each([
    // A change text that tells a body was broken, or quotes a runtime's message.
    'fix(notify): escape newlines in the template\n\nThe provider was sending broken JSON payloads when the message had line breaks.',
    'fix: decode the payload once\n\nDelivery fails with "[object Object]" is not valid JSON for raw payloads.',
    'fix(api): parse the body once\n\nSyntaxError: Unexpected token } in JSON at position 33',
    // The same words in a report, not a change.
    '# Slack answers invalid JSON\n\nI post the hook and get back: invalid JSON payload',
  ])('%j still reports invalid JSON', (text) => {
    expect(invalidIn(text)).toBe(true);
  });
});
