import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { looksRandom, redactUrl } from '../../src/engine/redact-url';
import { redactSecretsInText } from '../../src/engine/redact';
import { leakedPieces } from '../fuzz/vocabulary';

// Secret parts as each service documents its webhook URLs (made-up values of the real shapes).
const SLACK_SECRET = 'abcdefghijklmnopqrstuvwx';
const CASES: [string, string, string, string[]][] = [
  [
    'Slack incoming webhook',
    `https://hooks.slack.com/services/T00000000/B00000000/${SLACK_SECRET}`,
    'https://hooks.slack.com/services/…/…/…',
    [SLACK_SECRET, 'T00000000'],
  ],
  [
    'Slack workflow',
    'https://hooks.slack.com/workflows/T01ABCDEF/A02BCDEFG/123456789012345678/qwertyuiopasdfghjkl',
    'https://hooks.slack.com/workflows/…/…/…/…',
    ['qwertyuiopasdfghjkl'],
  ],
  [
    'Slack trigger',
    'https://hooks.slack.com/triggers/T01ABCDEF/5432109876/abcdefabcdefabcdefabcdef',
    'https://hooks.slack.com/triggers/…/…/…',
    ['abcdefabcdefabcdef'],
  ],
  [
    'Discord',
    'https://discord.com/api/webhooks/1234567890123456789/AbCdEfGhIjKlMnOpQrStUvWxYz_abcdefghij',
    'https://discord.com/api/webhooks/…/…',
    ['AbCdEfGhIjKlMnOp', '1234567890123456789'],
  ],
  [
    'Discord (old host, versioned)',
    'https://discordapp.com/api/v10/webhooks/123/tokentokentoken',
    'https://discordapp.com/api/v10/webhooks/…/…',
    ['tokentokentoken'],
  ],
  ['Zapier', 'https://hooks.zapier.com/hooks/catch/1234567/abcdefg/', 'https://hooks.zapier.com/hooks/catch/…/…/', ['abcdefg', '1234567']],
  ['Make', 'https://hook.eu1.make.com/abcdefghijklmnopqrstuvwxyzabcdef', 'https://hook.eu1.make.com/…', ['abcdefghijklmnop']],
  ['Integromat', 'https://hook.integromat.com/lowercaseonlysecretvalue', 'https://hook.integromat.com/…', ['lowercaseonlysecret']],
  [
    'Teams',
    'https://contoso.webhook.office.com/webhookb2/1f0e-a@2b3c/IncomingWebhook/deadbeefdeadbeef/9a8b',
    'https://contoso.webhook.office.com/webhookb2/…/…/…/…',
    ['deadbeefdeadbeef', 'IncomingWebhook'],
  ],
  [
    'Power Automate',
    'https://prod-27.westus.logic.azure.com:443/workflows/0123abcd/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=AbCdEfGh_IjKlMn',
    'https://prod-27.westus.logic.azure.com:443/workflows/…/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=…',
    ['AbCdEfGh_IjKlMn', '0123abcd'],
  ],
  [
    'Apps Script',
    'https://script.google.com/macros/s/AKfycbzSecretScriptId/exec',
    'https://script.google.com/macros/s/…/exec',
    ['AKfycbzSecretScriptId'],
  ],
  [
    'IFTTT',
    'https://maker.ifttt.com/trigger/webhook_failed/with/key/dA1b2C3d4E5f6G7h8',
    'https://maker.ifttt.com/trigger/webhook_failed/with/key/…',
    ['dA1b2C3d4E5f6G7h8'],
  ],
  [
    'query secrets',
    'https://api.example.com/hook?token=abc&key=k&code=c0de&api_key=zz&sig=s&page=2',
    'https://api.example.com/hook?token=…&key=…&code=…&api_key=…&sig=…&page=2',
    [],
  ],
  [
    'random path segment on any host',
    'https://api.example.com/v1/hooks/9f8e7d6c5b4a39281706/deliver',
    'https://api.example.com/v1/hooks/…/deliver',
    ['9f8e7d6c5b4a3928'],
  ],
  ['letters-only random segment', 'https://x.example/in/QwErTyUiOpAsDfGhJkLzXc', 'https://x.example/in/…', ['QwErTyUiOpAsDfGh']],
  ['userinfo', 'https://user:hunter2@api.example.com/x', 'https://…@api.example.com/x', ['hunter2']],
  ['fragment token', 'https://app.example.com/cb#access_token=abc&state=1', 'https://app.example.com/cb#access_token=…&state=1', []],
  // Round 11: a bare random fragment, a random step of a hash route.
  ['a bare random fragment', 'https://hooks.example.com/in#7Q2m9XvB4pL8', 'https://hooks.example.com/in#…', ['7Q2m9XvB4pL8']],
  [
    'a random step of a hash route',
    'https://app.example.com/#/keys/7Q2m9XvB4pL8?tab=1',
    'https://app.example.com/#/keys/…?tab=1',
    ['7Q2m9XvB4pL8'],
  ],
  // Round 4: a servlet session in a matrix parameter, a hash router's query.
  [
    'session in a matrix parameter',
    'https://app.example.com/log;jsessionid=ABCDEFGHIJKLMNOP/page',
    'https://app.example.com/log;jsessionid=…/page',
    ['ABCDEFGHIJKLMNOP'],
  ],
  [
    'secret-named matrix parameter',
    'https://app.example.com/log;sig=shortsig;view=2',
    'https://app.example.com/log;sig=…;view=2',
    ['shortsig'],
  ],
  // Round 13: a bare random matrix parameter (no name), first or after a named one.
  ['a bare random matrix parameter', 'https://hooks.example.com/in;7Q2m9XvB4pL8', 'https://hooks.example.com/in;…', ['7Q2m9XvB4pL8']],
  [
    'a bare random matrix parameter after a named one',
    'https://hooks.example.com/in;v=2;7Q2m9XvB4pL8/send',
    'https://hooks.example.com/in;v=2;…/send',
    ['7Q2m9XvB4pL8'],
  ],
  [
    "a hash router's query",
    'https://app.example.com/#/settings?token=abcdefghijk&tab=1',
    'https://app.example.com/#/settings?token=…&tab=1',
    ['abcdefghijk'],
  ],
  // Round 7: secret names in camelCase or with the secret word last.
  [
    'camelCase secret names',
    'https://api.example.com/cb?clientSecret=abcdefghijk&userPassword=lmnopqrstu&view=2',
    'https://api.example.com/cb?clientSecret=…&userPassword=…&view=2',
    ['abcdefghijk', 'lmnopqrstu'],
  ],
  // Review of session 19: a path segment named as a key hides the next one whatever it looks like
  // (the credential reader reads it as a key too), and Telegram's bot token after `bot`.
  [
    'a plain word after a key-named segment',
    'https://api.example.com/v1/apikey/correcthorsebatterystaple/send',
    'https://api.example.com/v1/apikey/…/send',
    ['correcthorsebatterystaple'],
  ],
  [
    'digits after a token-named segment',
    'https://api.example.com/token/81234567890123456789/',
    'https://api.example.com/token/…/',
    ['81234567890123456789'],
  ],
  [
    'a word after a secret-named segment',
    'https://vault.example.com/v1/secret/opensesame',
    'https://vault.example.com/v1/secret/…',
    ['opensesame'],
  ],
  [
    'Telegram bot token',
    'https://api.telegram.org/bot123456789:plainwordtokenplainword/sendMessage',
    'https://api.telegram.org/bot…/sendMessage',
    ['plainwordtokenplainword', '123456789'],
  ],
  [
    'Telegram file download',
    'https://api.telegram.org/file/bot123456789:plainwordtoken/photos/file_1.jpg',
    'https://api.telegram.org/file/bot…/photos/file_1.jpg',
    ['plainwordtoken'],
  ],
  ['a passphrase', 'https://api.example.com/cb?passphrase=abcdefghijk', 'https://api.example.com/cb?passphrase=…', ['abcdefghijk']],
];

describe('redactUrl', () => {
  it.each(CASES)('%s', (_label, url, expected, secrets) => {
    const redacted = redactUrl(url);
    expect(redacted).toBe(expected);
    for (const secret of secrets) expect(redacted).not.toContain(secret);
  });

  it.each([
    'https://api.heypoplar.com/v1/mailing/',
    'https://api.example.com/webhooks/deliveries?page=2&sort=desc',
    'https://hooks.example.com/IncomingWebhookHandler/internationalization',
    'https://a.klaviyo.com/api/events/',
    'https://docs.example.com/webhooks#retry-policy',
    'https://app.example.com/#/settings/webhooks?tab=deliveries',
  ])('leaves readable URLs as they are: %s', (url) => {
    expect(redactUrl(url)).toBe(url);
  });

  it('is what the text redactor applies to URLs in a row, with or without a scheme', () => {
    const [, url, expected] = CASES[0]!;
    expect(redactSecretsInText(`POST ${url} → HTTP 404 Not Found`)).toBe(`POST ${expected} → HTTP 404 Not Found`);
    expect(redactSecretsInText(`POST ${url.replace('https://', '')} failed`)).toBe(`POST ${expected.replace('https://', '')} failed`);
    expect(redactSecretsInText('GET /v1/hook?sig=AbC123&x=1 HTTP/1.1')).toBe('GET /v1/hook?sig=…&x=1 HTTP/1.1');
    expect(redactSecretsInText('POST https://api.example.com/v1/apikey/correcthorsebatterystaple/send → 401')).toBe(
      'POST https://api.example.com/v1/apikey/…/send → 401',
    );
    expect(redactSecretsInText('POST https://api.telegram.org/bot123456789:plainwordtoken/sendMessage failed')).toBe(
      'POST https://api.telegram.org/bot…/sendMessage failed',
    );
  });

  it('never shows a random secret put where any of the services keeps it', () => {
    const secret = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'),
      minLength: 8,
      maxLength: 64,
    });
    fc.assert(
      fc.property(secret, fc.constantFrom(...CASES.slice(0, 12).map(([, url]) => url)), (value, url) => {
        // The last secret-bearing part of each URL replaced by the generated one.
        const sample = url.replace(/[^/?=]+$|[^/]+\/$|[^/]+(?=\/exec$)/, (last) => (last.endsWith('/') ? `${value}/` : value));
        expect(leakedPieces(value, redactUrl(sample))).toEqual([]);
        expect(leakedPieces(value, redactSecretsInText(`sent to ${sample}, HTTP 410`))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('looksRandom', () => {
  it.each(['9f8e7d6c', 'AKfycbz1', 'QwErTyUiOpAsDfGhJkLzXc'])('%s looks random', (part) => expect(looksRandom(part)).toBe(true));
  it.each(['mailing', 'v1', '2016-06-01', 'IncomingWebhookHandler', 'internationalization_configuration'])('%s does not', (part) =>
    expect(looksRandom(part)).toBe(false),
  );
});
