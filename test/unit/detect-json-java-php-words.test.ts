// Parse failures in the words of Gson, org.json and PHP: a body that did not parse as JSON.
import { describe, expect, it } from 'vitest';
import { detectJsonInText } from '../../src/engine/detect/json/json-in-text';

const hasInvalidJson = (text: string): boolean => detectJsonInText(text).some((finding) => finding.problem === 'invalid-json');
const logged = (message: string): string => `The webhook call fails, our log says:\n${message}`;

describe('JSON parse failures in Java and PHP words', () => {
  it.each([
    'com.google.gson.stream.MalformedJsonException: Use JsonReader.setLenient(true) to accept malformed JSON at line 1 column 1',
    "org.json.JSONException: A JSONObject text must begin with '{' at 1 [character 2 line 1]",
    'org.json.JSONException: Value <!DOCTYPE of type java.lang.String cannot be converted to JSONObject',
    'PHP Fatal error:  Uncaught JsonException: Syntax error in /var/www/hook.php:12',
    'json_last_error_msg() returned: Syntax error',
  ])('finds %s', (message) => {
    expect(hasInvalidJson(logged(message))).toBe(true);
  });

  it.each([
    'json: cannot unmarshal string into Go value of type main.Payload',
    'PHP Parse error: syntax error, unexpected token "}" in /var/www/hook.php on line 12',
  ])('leaves alone %s (a type mismatch, a program that did not compile)', (message) => {
    expect(hasInvalidJson(logged(message))).toBe(false);
  });
});
