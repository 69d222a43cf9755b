import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { namesSecret, positionValueProblem, vendorSecretSpan } from '../../src/engine/detect/credential/credential-position';
import { redactSecretsInText } from '../../src/engine/redact';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');
const report = (line: string): string =>
  ['Every notification fails with 401 Unauthorized since yesterday.', 'What I run:', line].join('\n');

describe('names that hold a secret, in any case style', () => {
  it.each([
    'apiKey',
    'API_KEY',
    'api-key',
    'x.auth.token',
    'GOTIFY_DEFAULTUSER_PASS',
    'smtp_auth_password',
    '--api-key',
    'UptimeRobotMainApiKey',
    'key',
    'publishableKey',
    'ADMIN_PASSWORT',
    'db_contrasena',
    // Only the word right before the last can make a key data; earlier words say whose it is.
    'EVENT_WEBHOOK_SECRET',
    'ENV_API_KEY',
    'PRIMARY_KEY',
    'routing_key',
    'api_cache_key',
  ])('reads %s as a secret', (name) => {
    expect(namesSecret(name)).toBe(true);
  });

  it.each([
    'page_token',
    'nextPageToken',
    'partition_key',
    'Sec-WebSocket-Key',
    'cache_key',
    'api_key_id',
    'bypass',
    'keyboard',
    'token_type',
    'idempotencyKey',
    'user_page_token',
  ])('reads %s as data', (name) => {
    expect(namesSecret(name)).toBe(false);
  });
});

describe('every word of the list starts a key field', () => {
  it.each(['DB_CONTRASENA=xxxx', 'API_SCHLUESSEL=xxxx', 'GOTIFY_DEFAULTUSER_PASS=<pass>'])('%s', (line) => {
    expect(problemsIn(report(line))).toEqual(['placeholder-token']);
  });
});

describe('vendor URLs whose scheme documents the secret slot', () => {
  it.each([
    ['gotifys', 'gotify.example.com/<mytoken>', '<mytoken>'],
    ['gotify', 'host:8080/path/AbCdEf12345', 'AbCdEf12345'],
    ['tgram', '123456:ABCdef/12345', '123456:ABCdef'],
    ['pover', 'user@token123', 'token123'],
    ['line', 'AbCdEf12345/Uabc', 'AbCdEf12345'],
    ['dingtalk', 'AbCdEf12345/', 'AbCdEf12345'],
    ['opsgenie', 'AbCdEf12345/@team', 'AbCdEf12345'],
    ['psafer', 'AbCdEf12345', 'AbCdEf12345'],
    ['bark', 'bark.example.com/DeviceKey123/other', 'DeviceKey123'],
    ['gchat', 'workspace/KeyAbc/TokenDef', 'KeyAbc/TokenDef'],
    ['lametric', 'ApiKey123@192.168.1.3', 'ApiKey123'],
  ])('finds the slot of %s://%s', (scheme, url, slot) => {
    const span = vendorSecretSpan(scheme, url);
    expect(span && url.slice(span.start, span.end)).toBe(slot);
  });

  it.each([
    ['https', 'hooks.slack.com/services/XXX/YYY/ZZZ'],
    ['https', 'discord.com/api/webhooks/<id>/<secret>'],
    ['gotify', 'host'],
    ['ntfy', 'ntfy.sh/mytopic'],
  ])('reads no slot in %s://%s', (scheme, url) => {
    expect(vendorSecretSpan(scheme, url)).toBeNull();
  });

  it.each([
    ['a bracketed blank as the gotify token', 'apprise -b test gotifys://gotify.example.com/<mytoken>'],
    [
      'a stand-in name as the gotify token',
      `curl -X POST -d '{"urls": "gotifys://push.example.eu/MYTOKEN?priority=high"}' http://localhost:8000/notify`,
    ],
    ['an x-run as the Telegram bot token', 'apprise -b test tgram://xxxxxxxx/12345'],
  ])('finds %s in a report', (_shape, line) => {
    expect(problemsIn(report(line))).toContain('placeholder-token');
  });

  it.each([
    ['a real-looking gotify token', 'apprise -b test gotifys://gotify.example.com/AqR7vK2mZp9xLw3'],
    [
      'a docs page telling the reader to fill in the token',
      'Set the URL to gotifys://{hostname}/{token} where {token} is your app token.\nSee the wiki for details.',
    ],
    ['an env template', '# .env.example\nAPPRISE_URL=gotify://gotify.local/YOUR_TOKEN\nGOTIFY_TOKEN=\n'],
    ['an https webhook address the writer hid', report('curl https://hooks.slack.com/services/XXX/YYY/ZZZ -d @payload.json')],
  ])('leaves alone %s', (_shape, text) => {
    expect(problemsIn(text)).not.toContain('placeholder-token');
  });

  it('redacts a real secret in its slot however it looks', () => {
    const shown = redactSecretsInText('apprise tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/12345 and gotify://host/Ahqnchsk');
    expect(shown).not.toContain('AAHdqTcv');
    expect(shown).not.toContain('Ahqnchsk');
    expect(shown).toContain('tgram://');
  });

  it('redacts the key, not the server, of a bark URL and the path of a Google Chat one', () => {
    const shown = redactSecretsInText('apprise bark://bark.example.com/Xq7Pz9Lm2Kw and gchat://myspace/Kq81Zlp/Tw02Nrs');
    expect(shown).toContain('bark.example.com');
    expect(shown).not.toContain('Xq7Pz9Lm2Kw');
    expect(shown).not.toContain('Kq81Zlp');
    expect(shown).not.toContain('Tw02Nrs');
  });
});

describe('what a value in a credential position is', () => {
  it.each([
    ['<mytoken>', 'placeholder-token'],
    ['MYTOKEN', 'placeholder-token'],
    ['*censored*', 'placeholder-token'],
    ['<redacted>', 'placeholder-token'],
    ['REDACTED', null],
    ['xxxx', 'placeholder-token'],
    ['sk_test****JhB', 'masked-token'],
    ['AqR7vK2mZp9xLw3', null],
    ['${token}', null],
  ])('reads %s as %s', (value, problem) => {
    expect(positionValueProblem(value)).toBe(problem);
  });
});

describe('config lines and calls that hold a secret', () => {
  it.each([
    ['an ini line with spaces around its sign', '[uptimeRobot]\nUptimeRobotMainApiKey = XXXX\nCachetUrl = https://status.example.com/'],
    [
      'a builder call named for the key',
      'MailjetClient client = new MailjetClient(ClientOptions.builder()\n    .apiKey("xxxxxxxxxxx")\n    .build());',
    ],
    ['a setter given a stand-in', 'sgMail.setApiKey("YOUR_KEY");\nsgMail.send(msg);'],
  ])('finds %s', (_shape, block) => {
    expect(problemsIn(`I always get 401 Unauthorized from the API. My code:\n${block}\nThe error comes back every time.`)).toContain(
      'placeholder-token',
    );
  });

  it.each([
    ['a getter asked for a named key', 'const key = config.getApiKey("YOUR_KEY");'],
    ['a setter given a real-looking key', 'client.setToken("AqR7vK2mZp9xLw3");'],
    ['a setter given a variable', 'client.setToken(token);'],
  ])('leaves alone %s', (_shape, block) => {
    expect(problemsIn(`I always get 401 Unauthorized from the API. My code:\n${block}\nThe error comes back every time.`)).not.toContain(
      'placeholder-token',
    );
  });

  it('leaves alone a reply telling the format on the line above', () => {
    const text =
      'Do you have quotes around your token in the config file? It should just be\n```facebook_token = xxxxxxxxxxxxxxxxxxxx```\nThat fixed it.';
    expect(problemsIn(text)).not.toContain('placeholder-token');
  });
});
