// Brackets a careful reader does not take for a body that was sent or received: excerpts cut
// inside a string, a language's own notation, received answers shown broken (session 26).
import { describe, expect, it } from 'vitest';
import { detectJsonInText } from '../../src/engine/detect/json/json-in-text';

const reasons = (text: string) => detectJsonInText(text).map((finding) => finding.detail?.reason ?? '');

describe('an excerpt cut inside a string', () => {
  it.each([
    // https://github.com/TelegramBot/Api/issues/162 (shape)
    ['#0 BotApi.php(258): BotApi::curlValidate(Resource id #14, \'{"ok":false,"er...\')\n#1 next frame', 'a stack frame'],
    // https://github.com/krizalys/onedrive-php-sdk/issues/113 (shape)
    [
      'resulted in a `401 Unauthorized` response: {"error":"invalid_client","error_description":"Ensure the se (truncated...) in /x.php:113\nHow to fix it?',
      "Guzzle's cut",
    ],
    ['10:01 POST /hook body={"object":"block","type":"bull…\n10:02 next request', 'an ellipsis character'],
  ])('%s (%s) is no finding', (text) => {
    expect(reasons(text)).toEqual([]);
  });

  it('a body cut at its log line without an ellipsis is still found', () => {
    expect(reasons('10:01 POST /hook body={"a": 1, "b": "x\n10:02 next request')).toEqual([expect.stringMatching(/cut off/)]);
  });

  it('a closed string that holds an ellipsis does not hide the error', () => {
    expect(reasons('body: {"status": "Loading...", "a": 1,}')).toEqual([expect.stringMatching(/trailing comma/)]);
  });
});
