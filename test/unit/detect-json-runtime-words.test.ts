import { describe, expect, it } from 'vitest';
import { detectJsonInText } from '../../src/engine/detect/json/json-in-text';

const invalidIn = (text: string): boolean => detectJsonInText(text).some((finding) => finding.problem === 'invalid-json');

describe('.NET and Go words for a body that did not parse', () => {
  it.each([
    "Exception while executing function: Functions.OnHook. Newtonsoft.Json: Unexpected end when reading JSON. Path '', line 1, position 1.",
    "Unexpected end of content while loading JObject. Path 'items[3]', line 1, position 512.",
    '{"title":"One or more errors","detail":"The input does not contain any JSON tokens. Expected the input to start with a valid JSON token."}',
    '[hook] 2024/02/01 10:00:01 [a1b2c3] error parsing JSON payload EOF',
    'The login callback fails when the identity provider returns a non-JSON response',
  ])('%j tells of invalid JSON', (text) => {
    expect(invalidIn(text)).toBe(true);
  });

  it.each([
    // An argument the hook could not find, and a file's own error, are no body that failed.
    'Error "parsing JSON: couldn\'t retrieve argument for {Source:payload Name:payload}"',
    'error parsing JSON config: missing field "port"',
  ])('%j does not', (text) => {
    expect(invalidIn(text)).toBe(false);
  });
});
