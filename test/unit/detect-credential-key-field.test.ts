import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { typedLiteralBefore } from '../../src/engine/detect/credential/credential-key-field';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');
/** A report around one quoted line: something failed, and the writer shows what they used. */
const report = (line: string): string =>
  ['Every request fails with 401 Unauthorized.', 'This is what I run:', line, 'Any idea?'].join('\n');

describe('a stand-in or a mask in a credential position that is not a header line (issue 8)', () => {
  it.each([
    ['an env line with an x-run after the vendor prefix', 'STRIPE_API_KEY=sk_test_xxxxxxxxxxxx', 'placeholder-token'],
    ['an export with an angle-bracket blank', 'export API_TOKEN=<token>', 'placeholder-token'],
    ['a compose entry with the key cut by an ellipsis', '  - API_KEY:62bce.......', 'masked-token'],
    ['a YAML key field', '  api_key: <your-api-key>', 'placeholder-token'],
    ['a JSON key field', '{"N8N_API_KEY": "<API_KEY>"}', 'placeholder-token'],
    ['a key field holding only an ellipsis', '"api_key": "...",', 'masked-token'],
    ['a code assignment with a partly masked key', 'var api_key = "key-****f7fd5";', 'masked-token'],
    [
      'a keyword argument holding a blank with spaces',
      'client = hubspot.Client.create(access_token=<my access token>)',
      'placeholder-token',
    ],
    ['a code assignment with a descriptive blank', "Stripe.publishableKey = 'pk_test_your_key';", 'placeholder-token'],
    ['a command-line flag', 'mycli --api-key=YOUR_API_KEY fetch', 'placeholder-token'],
    ['a credential query parameter', 'GET /download?token=XXXXXXXXXXXXXXX', 'placeholder-token'],
    [
      'a webhook secret in a body sent',
      '{"webhook_url": "https://example.com/hook", "webhook_secret": "your-secret-key"}',
      'placeholder-token',
    ],
    ['Bearer and a bracketed stand-in in prose', 'I send `Bearer [API_KEY]` in the header.', 'placeholder-token'],
    ['Bearer and a name in single braces in prose', 'The request goes out with Bearer {access_token} as its header.', 'placeholder-token'],
    ['Bearer and words in quotes that name the key', '2. Give a Bearer "API Key" in the header tab', 'placeholder-token'],
    ['a tag holding a stand-in phrase, which no template renders', 'Header value: Bearer {{ YOUR API KEY }}', 'placeholder-token'],
    ['a flag and a bracketed blank after a space', 'openai repl --token <my api key>', 'placeholder-token'],
    ['a flag and a quoted stand-in after a space', 'mycli --api-key "YOUR_API_KEY" fetch', 'placeholder-token'],
    ['a header value that describes itself after a vendor prefix', 'Authorization: Bearer xoxb-some-token', 'placeholder-token'],
    ['a key whose rest is told as left out', "access_token = 'pat-rest-of-token'", 'masked-token'],
    ['a blank naming the length of the key', 'Authorization: Bearer <64-char api token>', 'placeholder-token'],
    ['a stand-in passed to a constructor', "cb = CrunchBase('myapikey')", 'placeholder-token'],
    ['a stand-in as a later argument of a call', 'Slack.Bot.start_link(SlackRtm, [], "YOUR_BOT_TOKEN")', 'placeholder-token'],
    // PHP arrays and Ruby hashes assign with `=>`: a value there is set in code, as with `=`.
    ['a PHP array entry holding a stand-in word', "$client->post($url, ['api_key' => 'secret']);", 'placeholder-token'],
    ['a PHP array entry masked whole with asterisks', "$headers = array('X-Vendor-Key' => '**************');", 'masked-token'],
    ['a Ruby hash entry with an angle-bracket blank', 'headers = { "X-Access-Token" => "<access token>" }', 'placeholder-token'],
    // A password field holds a person's own data, unless its value has a blank's shape.
    ['a compose password set to a constant-like stand-in', '      - SERVICE_PASSWORD=MY_SECRET', 'placeholder-token'],
    ['a JSON password given as an angle-bracket blank', '{"user": "admin", "password": "<password>"}', 'placeholder-token'],
    // Single quotes do not interpolate in PHP, JavaScript, Ruby or a shell: the variable's name went out.
    ['a PHP variable inside single quotes', "'headers' => ['Authorization' => 'Bearer {$myToken}'],", 'placeholder-token'],
    ['a blank set on an attribute in code', 'config.api_key = <API_KEY>', 'placeholder-token'],
    ['a JavaScript template inside single quotes', "headers: { Authorization: 'Bearer ${token}' }", 'placeholder-token'],
    [
      'a login password typed as one letter over and over',
      'GET http://localhost:5000/token?username=me@x.com&password=yyy',
      'placeholder-token',
    ],
    // A short flag says nothing of what it takes; a stand-in naming a credential says it itself.
    ['a short flag with a quoted stand-in', 'backup-tool -t "token-here" -o out.tar', 'placeholder-token'],
    ['a short flag with a bracketed stand-in', 'transfer.sh -a <account_api_key> -r ord', 'placeholder-token'],
    // A flag's unquoted value counts when it is an ellipsis standing for the whole key.
    ['a flag followed by a bare ellipsis', 'sync-tool --api-key ... --dry-run', 'masked-token'],
    ['a stand-in under an options key named bearer', "request({ auth: { bearer: 'my token' } })", 'placeholder-token'],
    ['a whole mask assigned to a string in code', 'api_key = "****************************"', 'masked-token'],
    [
      'a request to example.com in the report',
      "request({ url: 'https://example.com', auth: { bearer: 'my token' } })",
      'placeholder-token',
    ],
    ['a phrase typed as the key in a YAML config', 'api-key: "my 156 key here"', 'placeholder-token'],
    ['one short word in a credential query parameter', 'GET https://api.example.org/repos?access_token=censored: 401', 'placeholder-token'],
    ['a short word quoted on an env assignment', 'OPEN_API_KEY="skxyz" docker compose up', 'placeholder-token'],
    ['a YAML line holding one word', '  client_secret: changeme', 'placeholder-token'],
    ['a login body whose password is the word password', '{"password":"password","username":"username"}', 'placeholder-token'],
    ['keyboard mash as a secret after a flag', 'mycli create --secret client_secret=lsdgwalsfgalfhpjashfpiowafhwak', 'placeholder-token'],
    ['a quoted word after a token flag', 'sem login --auth-token "adasdadas"', 'placeholder-token'],
    [
      'an x-run under a vendor key header in curl',
      'curl -G "https://help.example.org/api" -H "X-Vendor-API_key: xxxxxxxxxxxxxxxx"',
      'placeholder-token',
    ],
  ])('finds %s', (_shape, line, problem) => {
    expect(problemsIn(report(line))).toContain(problem);
  });

  it.each([
    ['a variable passed in code', 'client = Client({api_key: api_key, token: access_token})'],
    ['a keyword argument naming a variable', 'api_client = HubSpot(access_token=access_token)'],
    ['an assignment from a variable, spaced as code', 'openai_api_key = sample_key'],
    ["a tool's own redaction", '"x-api-key": "[REDACTED]",'],
    ['a whole value of mask characters (a viewer shows secrets so)', '"secret": "********"'],
    ['a receiver masking the key in its own message', 'Stripe says: Invalid API key: pk_test_************enUe'],
    ['compose interpolation', '  - API_KEY=${API_KEY}'],
    ['a template that renders when the request is sent', 'Authorization header in the editor: Bearer {{ customer.api_token }}'],
    ["a login body's password", '{"email":"a@b.c","password":"mypassword"}'],
    ["a login body's password in capitals", '{"email":"a@b.c","password":"HUNTER"}'],
    ['a schema naming the type of a key field', '  api_key: string'],
    ['a data key whose value is an ordinary word', '{"partition_key": "orders", "page_token": "next"}'],
    ['a word retyped from the name in a sentence', 'GET /report?apitoken=api key=?template=landscape'],
    ['a long random-looking key', '"api_key": "Zx81kQ0pLm3NvB7rT2yW"'],
    ['a base-32 secret of capitals only', 'totp_secret: JBSWYDPEHPKPXPQRSTUV'],
    ['a Python f-string that fills the braces in', 'headers["Authorization"] = f"Bearer: {token}"'],
    ['a field named inside a Python f-string, whose braces code fills in', 'logger.info(f"Webhook Secret Key: {webhook_secret}")'],
    ['an unquoted word passed as a keyword argument (a variable)', 'client = Client(api_key=mykey)'],
    ['a URL given as the value', 'WEBHOOK_TOKEN=https://example.com/hook'],
    ['a receiver judging the key it quotes', "{'message': 'Authentication Fails, Your api key: ****97fe is invalid'}"],
    ['a flag followed by words of a sentence', 'the --token flag is set and the --api-key option too'],
    ['an environment variable looked up by name', 'key = os.getenv("OPENAI_API_KEY")'],
    ['a PHP array entry holding a variable', "$client->post($url, ['api_key' => $apiKey]);"],
    ['a Ruby hash entry reading the environment', "headers = { 'X-Api-Key' => ENV['API_KEY'] }"],
    ['a flag followed by a word of its own', 'sync-tool --api-key abc123def456ghi789 --dry-run'],
    ["a CI log's own redaction after a flag", 'Run deploy --token *** --env prod'],
    ['a short flag with a quoted file name', 'backup-tool -f "token-store.json" -o out.tar'],
    ['a short flag with an environment variable named in quotes', 'backup-tool -e "OPENAI_API_KEY" -o out.tar'],
    [
      'a variable looked up by a lowercase name',
      'Authorization: Bearer {{js:getEnvironmentVariable("access_token")}} and the header is empty',
    ],
  ])('leaves alone %s', (_shape, line) => {
    expect(problemsIn(report(line)).filter((problem) => problem === 'placeholder-token' || problem === 'masked-token')).toEqual([]);
  });

  it('leaves alone documentation that tells the reader to put their key there', () => {
    const doc = [
      'Replace YOUR_API_KEY with your key from the dashboard:',
      'export STRIPE_API_KEY=YOUR_API_KEY',
      'A missing key gets a 401.',
    ];
    expect(problemsIn(doc.join('\n'))).toEqual([]);
  });

  it('leaves alone a stand-in when nothing in the text failed', () => {
    expect(problemsIn(['My config, for reference:', '  api_key: <your-api-key>', 'Thanks!'].join('\n'))).toEqual([]);
  });

  it('leaves alone the examples of a troubleshooting page', () => {
    const page = [
      'Common causes',
      '- an expired token gives 401',
      'How to fix it',
      'curl -H "Authorization: Bearer YOUR_TOKEN" https://api.example.com/data',
    ];
    expect(problemsIn(page.join('\n'))).toEqual([]);
  });

  it("leaves alone a doc's stand-in that the writer says they replaced with their key", () => {
    const text = [
      "The readme shows cs = CreateSend({'api_key': 'your api key'})",
      'When I run it (substituting my api key for the placeholder text) I get an error.',
    ];
    expect(problemsIn(text.join('\n'))).toEqual([]);
  });

  it('leaves alone a format stated in prose', () => {
    expect(problemsIn('Every call fails with 401: the header must be Bearer {access_token} with one space.')).toEqual([]);
  });

  it('never shows the characters a partly masked key kept', () => {
    const finding = detectCredentialProblems(report('var api_key = "key-****f7fd5";')).find((f) => f.problem === 'masked-token');
    expect(finding?.excerpt).not.toContain('f7fd5');
  });
});

describe('a blank for the whole Authorization value, and a root prompt', () => {
  it('reads `Authorization: [token]` sent in a report as a blank with no scheme', () => {
    const text = ['I always get a 401 when I call the API.', "curl -H 'Authorization: [token]' https://api.example.org/me"].join('\n');
    expect(problemsIn(text)).toEqual(expect.arrayContaining(['placeholder-token', 'missing-bearer-prefix']));
  });

  it('leaves alone the same blank in a guide, scheme and all', () => {
    const guide = [
      'Send your token in the header, for example:',
      "curl -H 'Authorization: [token]' https://api.example.org/me",
      'A wrong token gets a 401.',
    ];
    expect(problemsIn(guide.join('\n'))).toEqual([]);
  });

  it("reads a command after a root shell's # prompt as one that ran, not as a comment", () => {
    const text = [
      'The bot logs "Error: invalid_auth", but the same token works here:',
      "# curl -X POST -H 'Authorization: Bearer <REMOVED>' https://slack.com/api/chat.postMessage",
      'I use the documentation demo call for this.',
    ].join('\n');
    expect(problemsIn(text)).toContain('placeholder-token');
  });
});

describe('a variable in a string that interpolates is filled in, and a real key is no stand-in', () => {
  it.each([
    ['a JavaScript template literal', 'headers: { Authorization: `Bearer ${token}` }'],
    ['a PHP double-quoted string', "'headers' => ['Authorization' => \"Bearer {$myToken}\"],"],
    ['a Ruby double-quoted string', 'req["Authorization"] = "Bearer #{token}"'],
    ['a real-looking key in quotes after Bearer', 'curl -H "Authorization: Bearer Kx9wQ2mZ7vB4nR8tY1pL" https://api.example.org/v1'],
    // A variable in code: after a quoted key in an object, or set on an attribute.
    [
      'a variable after a quoted key in a JavaScript object',
      "headers: {\n  'Accept': 'application/json',\n  'X-Client-Auth-Token': authToken\n}",
    ],
    ['an attribute set to a variable', 'openai.api_key = OPENAI_KEY or os.getenv("OPENAI_API_KEY")'],
  ])('%s', (_name, line) => {
    expect(problemsIn(report(line))).toEqual([]);
  });
});

describe("a service's password is a credential, not a person's login (setup18)", () => {
  it.each([
    ['a query parameter named api_password', 'POST https://home.example.org:8123/api/services/alarm?api_password=MYPASSWORD'],
    ['a config line named smtp_auth_password', "  smtp_auth_password: 'your_password'"],
  ])('%s holding a stand-in is a mistake', (_name, line) => {
    expect(problemsIn(report(line))).toContain('placeholder-token');
  });

  it("leaves a login body's own password alone", () => {
    expect(problemsIn(report('{"email":"a@b.c","password":"mypassword"}'))).toEqual([]);
  });
});

describe('the writer introducing their own request on its line is no format statement (setup18)', () => {
  it('a stand-in after "the request that I send is like this:" was sent', () => {
    const text = [
      'Calls from the webhook get unauthorized since the update.',
      'The request that I send is like this: https://x.example.org/api?api_key=MY_API_KEY',
    ].join('\n');
    expect(problemsIn(text)).toContain('placeholder-token');
  });

  it('"the request should look like this:" still states a format', () => {
    const text = [
      'Calls from the webhook get unauthorized since the update.',
      'The request I send should look like this: https://x.example.org/api?api_key=MY_API_KEY',
    ].join('\n');
    expect(problemsIn(text)).toEqual([]);
  });
});

// LABELS.md, session 22: a redaction word the writer typed where the key went is a stand-in word.
describe("the writer's redaction word in a credential position (setup22)", () => {
  it.each([
    ['an env line with an angle-bracket redaction', 'NTFY_TOKEN=<redacted>'],
    ["an ini service's password", 'password = REDACTED'],
    [
      'a credential query parameter named key',
      'Error: call to URL https://chat.example.com/v1/messages?key=REDACTED failed with status 403',
    ],
    ['a header value in a command', 'curl -H "Authorization: Bearer <removed>" https://api.example.com/v1/user'],
  ])('reads %s as a placeholder', (_shape, line) => {
    expect(problemsIn(report(line))).toEqual(['placeholder-token']);
  });

  it.each([
    ["a tool's square-bracket redaction in a header", 'x-api-key: [REDACTED]'],
    ["a tool's filtered parameter", 'Parameters: {"authenticity_token"=>"[FILTERED]"}'],
    ['a redaction word in a field that holds no credential', '"remoteAddr": "REDACTED", "user": "REDACTED"'],
  ])('leaves alone %s', (_shape, line) => {
    expect(problemsIn(report(line))).toEqual([]);
  });

  it("does not read a receiver's quoted message as a guide that shows the format", () => {
    const log = report(
      'Error: call to URL https://chat.example.com/v1/messages?key=REDACTED failed with status 403, response ' +
        '{ "error": { "code": 403, "message": "Called without a valid token. Instructions can be found at https://example.com/docs" } }',
    );
    expect(problemsIn(log)).toEqual(['placeholder-token']);
    // A guide that says where its instructions are found in its own words stays a guide.
    expect(problemsIn('Set the key as shown below. Instructions can be found at https://example.com/docs\n`?key=REDACTED`')).toEqual([]);
  });
});

// A bare redaction word is also what tools print: the writer's only where their own `****` would be.
describe('a bare redaction word a tool printed', () => {
  it.each([
    ["kubectl's view of a config", '$ kubectl config view\nusers:\n- name: admin\n  user:\n    token: REDACTED'],
    ['a logged header in JSON', 'Request headers: {"Content-Type": "application/json", "Authorization": "REDACTED"}'],
    ['a lower-case word of a sentence after a flag', 'I ran it with --api-key omitted'],
  ])('leaves alone %s', (_shape, line) => {
    expect(problemsIn(report(line))).toEqual([]);
  });

  it.each([
    ['a string assigned in code', 'api_key = "REDACTED"'],
    ["a key in the writer's own config block", 'My config:\n```yaml\nwebhook:\n  url: https://x.example\n  token: REDACTED\n```'],
    ['a capitalised word in a URL the writer quotes', 'GET https://api.example.com/v1/hook?token=REMOVED'],
    ['an angle-bracketed lower-case word', 'API_TOKEN=<removed>'],
  ])('reads %s as a placeholder', (_shape, line) => {
    expect(problemsIn(report(line))).toEqual(['placeholder-token']);
  });
});

// OpenAPI and Postman keep their documentation in `description`: its words are the document's.
describe("a document's description field beside a receiver's message field", () => {
  const collection = (key: string): string =>
    'Every request fails with 401 Unauthorized.\n' +
    `{"name": "Send", "request": {"url": "https://api.example.com/v1/send?api_key=YOUR_API_KEY", "${key}": "Replace YOUR_API_KEY with your own key"}}`;

  it('reads a description as the document telling the reader what to replace', () => {
    expect(problemsIn(collection('description'))).toEqual([]);
  });

  it("still sets a receiver's message aside, whatever its case", () => {
    expect(problemsIn(collection('message'))).toEqual(['placeholder-token']);
    expect(problemsIn(collection('Message'))).toEqual(['placeholder-token']);
  });
});

describe('a whole mask typed as a literal in code or YAML (setup26)', () => {
  it.each([
    [
      "a transport's password in a JavaScript object",
      "const smtp = nodemailer.createTransport({\n  auth: {\n    user: 'me@example.com',\n    pass: '*****'\n  }\n});",
    ],
    ['a service password in a YAML file', "smtp_auth_password: '***'"],
  ])('%s is the writer hiding what they sent', (_shape, code) => {
    expect(problemsIn(report(code))).toContain('masked-token');
  });

  it.each([
    ['a JSON answer whose quoted key holds what the API printed', '{"api_key": "********", "name": "main"}'],
    ['a CI log line printing the secret unquoted', 'API_KEY: ***'],
  ])('leaves alone %s', (_shape, line) => {
    expect(problemsIn(report(line))).toEqual([]);
  });
});

describe('an unquoted key before a quoted value reads as a typed literal (one rule for both readers)', () => {
  it.each([
    ['code', "auth: { user: 'apikey', pass: '"],
    ['YAML', "smtp_auth_password: '"],
    ['a dotted key', 'spring.mail.password: "'],
  ])('reads %s as typed', (_shape, before) => {
    expect(typedLiteralBefore(before)).toBe(true);
  });

  it.each([
    ["JSON's quoted key", '{"password": "'],
    ['a template literal', 'pass: `'],
    ['an unquoted value', 'password: '],
  ])('does not read %s as typed', (_shape, before) => {
    expect(typedLiteralBefore(before)).toBe(false);
  });
});
