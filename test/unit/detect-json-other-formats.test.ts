// Objects that are another format's, not a body shown as sent: a TOML or HCL table assigned to a
// bare name, and a configuration file named on the line above (LABELS rule 4: local files).
import { describe, expect, it } from 'vitest';
import { detectJsonInText } from '../../src/engine/detect/json/json-in-text';

const hasInvalidJson = (text: string): boolean => detectJsonInText(text).some((finding) => finding.problem === 'invalid-json');

describe('objects of other formats', () => {
  it.each([
    ['a TOML inline table', '[[actions]]\nname = "Report"\nheaders = {"Authorization" = "Bearer {{env:TOKEN}}"}\n'],
    ['an HCL map', 'resource "x" "y" {\n  tags = {\n    "team" = "ops"\n  }\n}\n'],
    [
      'a settings file named above, with a comment and a list inside',
      'My app/settings.json:\n\n{\n  "servers": [\n    { "url": "example.com", "key": "abc" // from the db\n    }\n  ]\n}\n',
    ],
  ])('leaves alone %s', (_shape, text) => {
    expect(hasInvalidJson(`The webhook fails with 403.\n${text}`)).toBe(false);
  });

  it.each([
    ['a body after a payload label', 'payload = {"event": "ping",}\nresponse: 400 Bad Request'],
    ['a body sent with curl', `curl -X POST https://hooks.example.com -d '{"event": "ping",}'`],
    ['a body logged as sent', 'Request body:\n{"event": "ping", // test\n}\nResponse: 400'],
  ])('still finds %s', (_shape, text) => {
    expect(hasInvalidJson(text)).toBe(true);
  });
});
