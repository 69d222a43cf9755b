import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { urlStandIns } from '../../src/engine/detect/credential/credential-url';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');
const report = (line: string): string => ['Every call fails with 401 Unauthorized.', 'The URL I call:', line].join('\n');

describe('stand-ins written into a URL (issue 8)', () => {
  it.each([
    ['blanks wrapped in underscores as userinfo', 'http://_user_:_password_@_ipaddress_/fcgi/OpenDoor?action=OpenDoor'],
    ['a braced name as userinfo', 'https://{api_token}:@api.example.org/v2/'],
    ['a path segment named as the key', 'https://api.example.net/forecast/TOKEN_HERE/40.73,-73.93'],
  ])('finds %s', (_shape, line) => {
    expect(problemsIn(report(line))).toContain('placeholder-token');
  });

  it.each([
    ["a test login's plain words", 'https://user:password@example.com'],
    ['one capitalised word a log put in place of its values', 'https://discordapp.com/api/webhooks/ID/TOKEN'],
    ['a real-looking key in the path', 'https://cdn.example.com/1/q8Zk3mP0vX7aL2/lib.js'],
    ['a route template in the path', 'https://api.example.com/users/{id}/orders'],
  ])('leaves alone %s', (_shape, line) => {
    expect(urlStandIns(line)).toEqual([]);
  });

  it.each([
    ["IFTTT's key after /with/key/, cut to dots", 'https://maker.ifttt.com/trigger/motion/with/key/fahShb........', 'masked-token'],
    ["a Telegram bot's token as a blank after bot", 'https://api.telegram.org/bot<API-token>/getUpdates', 'placeholder-token'],
    ["a Telegram bot's token slot holding a name", 'https://api.telegram.org/my_token/getWebhookInfo', 'placeholder-token'],
    ['a key named by the segment before it', 'https://api.example.com/v1/apikey/YOUR-KEY/items', 'placeholder-token'],
  ])('finds %s in the path slot that holds the secret', (_shape, line, problem) => {
    expect(problemsIn(report(line))).toContain(problem);
  });

  it.each([
    ['a real-looking Telegram token', 'https://api.telegram.org/bot123456:AAEvrirNoTAUDxZVybi/sendMessage'],
    ['a variable that fills in the token', 'https://api.telegram.org/bot${TOKEN}/sendMessage'],
    ["a log's own redaction in the slot", 'https://api.telegram.org/bot<redacted>/sendMessage'],
    ['a method name after the Telegram slot', 'https://api.telegram.org/bot123456:AAEvrirNoTAUDxZVybi/getUpdates'],
    ['a stand-in in a path segment no key name precedes', 'https://api.example.com/users/my_token/orders'],
  ])('leaves alone %s', (_shape, line) => {
    expect(urlStandIns(line)).toEqual([]);
  });

  // Review of session 19: a route template names an id, a name or a path, not the key itself.
  it.each([
    ['an id in braces', 'DELETE https://api.example.com/v2/apikey/{apikey_id}'],
    ['an id in angle brackets', 'GET https://api.example.com/v1/token/<token_id>'],
    ['a camelCase id', 'GET https://api.example.com/v1/key/{keyId}/usage'],
    ["a secret store's path", 'GET https://vault.example.com/v1/secret/{path}'],
    ['an Express-style parameter', 'GET https://api.example.com/v1/apikey/:id'],
  ])('reads a route template after a key-named segment as a route: %s', (_shape, line) => {
    expect(urlStandIns(line)).toEqual([]);
    expect(problemsIn(`${line} returns 404 even though the key exists`)).toEqual([]);
  });

  it("reads a reference page's conditional status as no run", () => {
    expect(problemsIn('GET https://api.example.com/v1/apikey/YOUR_API_KEY\nReturns 404 if the key does not exist.')).toEqual([]);
    expect(problemsIn('GET https://api.example.com/v1/apikey/YOUR_API_KEY\nReturns 404 when the key was revoked.')).toEqual([]);
  });

  it('leaves a guide that shows where the bot token goes', () => {
    const guide = 'Open this address in the browser, with your bot token in place of <token>:\nhttps://api.telegram.org/bot<token>/getMe';
    expect(problemsIn(guide)).toEqual([]);
  });

  it('shows the stand-in, which is no secret, and nothing of the rest of the URL', () => {
    const [finding] = urlStandIns('GET https://api.example.net/forecast/YOUR_API_KEY/1,2');
    expect(finding?.excerpt).toBe('YOUR_API_KEY');
  });
});
