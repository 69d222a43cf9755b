import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import {
  addressesOnlyTheReader,
  followsAnInstruction,
  introducesOwnBlock,
  inWishSection,
  inWritersOwnBlock,
  isRuleInDoc,
  readsAsFirstPersonReport,
  readsAsOwnReportOverDocWords,
  reportsARun,
  speaksWithoutReporting,
} from '../../src/engine/detect/credential/credential-register';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');

describe('a report told apart from a rule, a wish, a guard or an echo', () => {
  it('reads a writer telling what they ran and what came back as a report', () => {
    expect(readsAsFirstPersonReport('when i execute the command curl … i got the results: Unauthorized')).toBe(true);
    expect(readsAsFirstPersonReport('Run the command below with your token in the header.')).toBe(false);
    expect(readsAsFirstPersonReport('Using the sample from the docs I am getting this error: 401')).toBe(true);
    expect(readsAsFirstPersonReport("We're still seeing the same response after the change.")).toBe(true);
    // A vendor's doc speaks as "we": its voice does not outweigh its doc words.
    expect(readsAsOwnReportOverDocWords("I'm still seeing the same response after the change.")).toBe(true);
    expect(readsAsOwnReportOverDocWords('We send each event as a POST; we call your endpoint once per event.')).toBe(false);
  });

  it('leaves a vendor doc\'s stand-in that speaks as "we"', () => {
    const doc = [
      'Webhook documentation',
      'We send each event as a POST with the header:',
      'Authorization: Bearer YOUR_API_KEY',
      'If your endpoint answers 401 Unauthorized, the delivery is marked failed.',
    ].join('\n');
    expect(problemsIn(doc)).toEqual([]);
    expect(problemsIn(doc.replace('We send', 'We call your endpoint with'))).toEqual([]);
  });

  it('hears a run reported without a failure word', () => {
    // A bug form's sections, an outcome denied, a status a program printed.
    expect(reportsARun('**To Reproduce**\nSend the request below.')).toBe(true);
    expect(reportsARun('### Actual\nThe server answers with an empty page.')).toBe(true);
    expect(reportsARun('Copied the config from the wiki; no luck so far.')).toBe(true);
    expect(reportsARun('Whatever I change, the key is not used by the container.')).toBe(true);
    expect(reportsARun('I keep getting 403s from the gateway.')).toBe(true);
    expect(reportsARun('Output\nstatus = 429 Too Many Requests')).toBe(true);
    // A guide and a proposal tell of no run, even in the first person.
    expect(reportsARun('Set the header to Bearer <token> and send the request.')).toBe(false);
    expect(reportsARun('I use this pattern in all my projects: Bearer <token>.')).toBe(false);
  });

  it("hears a run in a program's own words: an exception's class, a status it returned, a trigger that never ran", () => {
    expect(reportsARun('# SyntaxError: Unexpected token M in JSON at position 0')).toBe(true);
    expect(reportsARun('Uncaught TelegramBot\\Api\\HttpException with message Not Found')).toBe(true);
    expect(reportsARun('The bounce endpoint returns 404 although bounces are enabled.')).toBe(true);
    expect(reportsARun('The applet never runs when the hook is called.')).toBe(true);
    // Lower-case words that end like an error, and counts that follow a verb, tell of no run.
    expect(reportsARun('A mirror of the feed, with the key in the path: /with/key/<key>.')).toBe(false);
    expect(reportsARun('The list returns 500 rows per page by default.')).toBe(false);
    expect(reportsARun('The bounce endpoint returns 404 despite the setting.')).toBe(true);
  });

  it('counts a stand-in in code whose run ended in an exception, and not in the same code in a guide', () => {
    const report =
      "# SyntaxError: Unexpected token F in JSON at position 0\nin this simple code:\nconst mg = mailgun.client({ username: 'api', key: 'xxxxxx-xxxx-xxx' });";
    expect(problemsIn(report)).toEqual(['placeholder-token']);
    const guide = "Create the client with your key:\nconst mg = mailgun.client({ username: 'api', key: 'xxxxxx-xxxx-xxx' });";
    expect(problemsIn(guide)).toEqual([]);
  });

  it("takes a first-person report over a doc's words it quotes or uses", () => {
    // "the following code", "example", "verify your" in a report do not make it a doc.
    const report = [
      "# Authentication problem\nInteractively I'm using the following code:",
      "api = Mastodon(access_token='<TOKEN>', api_base_url='https://mastodon.social')",
      'and the call fails with 401 invalid token.',
    ].join('\n');
    expect(problemsIn(report)).toEqual(['placeholder-token']);
    const guide = [
      'Use the following code, replacing the token with your own:',
      "api = Mastodon(access_token='<TOKEN>', api_base_url='https://mastodon.social')",
      'If the call fails with 401, check your token.',
    ].join('\n');
    expect(problemsIn(guide)).toEqual([]);
  });

  it('counts a stand-in in a request reported without a failure word', () => {
    const report = '1. Create a request file\n2. Add:\nX-Api-Key: MY_SECRET_KEY\n\n**Actual**\nThe call never reaches the handler.';
    expect(problemsIn(report)).toEqual(['placeholder-token']);
    const guide = 'Create a request file and add the key:\nX-Api-Key: MY_SECRET_KEY\nThen run the file from the editor.';
    expect(problemsIn(guide)).toEqual([]);
  });

  it('takes a requirement as a rule only when the text reports nothing', () => {
    const doc = 'Bearer prefix\nThe Authorization header must include the "Bearer " prefix.\nPlain tokens without it will be rejected.';
    expect(isRuleInDoc('The Authorization header must include the "Bearer " prefix.', doc)).toBe(true);
    const report = `${doc} Our client sent the token alone and every call failed.`;
    expect(isRuleInDoc('The Authorization header must include the "Bearer " prefix.', report)).toBe(false);
  });

  it('finds the heading of an "Expected behaviour" section above a sentence', () => {
    const text = 'The test fails.\n\n**Expected behavior:**\nShow the masked password as ******.';
    expect(inWishSection(text, text.indexOf('Show'))).toBe(true);
    const actual = 'The test fails.\n\n### Actual behaviour\nThe masked password ****** is saved back.';
    expect(inWishSection(actual, actual.indexOf('The masked'))).toBe(false);
  });

  it('hears guards, echoes and a mask being filled in as no report', () => {
    expect(speaksWithoutReporting('Saving with placeholder values preserves the original secret instead of overwriting it.')).toBe(true);
    expect(speaksWithoutReporting('The masked fragment echoes what you sent.')).toBe(true);
    expect(speaksWithoutReporting('I pasted my token (replacing ******** after Bearer).')).toBe(true);
    expect(speaksWithoutReporting('Please replace the asterisks with your real key.')).toBe(false);
    expect(speaksWithoutReporting('The masked password was sent to the server.')).toBe(false);
  });
});

describe('credential mistakes spoken of without being reported (traps)', () => {
  const TRAPS: string[] = [
    // A doc's rule with its "Correct / Incorrect" examples.
    'Bearer Prefix Required\nThe Authorization header must include the "Bearer " prefix (case-sensitive, with space). Plain tokens without the prefix will be rejected.\n# Correct\nAuthorization: Bearer my_secret_token\n# Incorrect - will fail\nAuthorization: my_secret_token',
    // What should happen, under its heading.
    'Test Connection is not working as the password is not provided.\n\n**Expected behavior:**\nShow Masked value of userstore password as ******. Test connection should work without typing the password again.',
    // A feature that keeps a placeholder from overwriting the secret.
    '* Updating settings with placeholder values preserves original secret values instead of overwriting them.',
    // A provider masking the key in its own error text.
    'HTTP/1.1 401 Unauthorized\n{"error": {"message": "Incorrect API key provided: sk-abc***."}}\nThe masked fragment echoes what you sent: if it does not match the key you meant to load, the environment is the bug.',
    // The writer filling in a doc's stars with their token.
    'When executing the second command with the token I get "Authorization has been denied". I tried to paste the following as token (replacing ******** directly after Authorization Bearer:\n- token with quotes',
    // A guard that refuses a docs key before any request.
    '**A docs placeholder key never leaves the machine.** If the configured key is certainly an example value, the server refuses the call before any request is made.',
  ];
  it.each(TRAPS)('finds no mistake in %#', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('still reports the same mistakes told as events', () => {
    expect(problemsIn('The settings form sent the masked password (*****) back to the server.')).toEqual(['masked-token']);
    expect(problemsIn('Our Authorization header had no Bearer prefix: we sent the token alone and got 401.')).toContain(
      'missing-bearer-prefix',
    );
  });
});

describe('a requirement pasted alone', () => {
  it('is not taken for a doc page', () => {
    expect(isRuleInDoc('The token must be prefixed with Bearer.', 'The token must be prefixed with Bearer.')).toBe(false);
  });
});

describe('a guide or a reply that tells the reader where their value goes', () => {
  it('reads a page that speaks only to its reader as a guide', () => {
    const guide = 'Create a .env file next to your script with your key on one line:\nOPENAI_API_KEY=sk-your-real-key-goes-here';
    expect(addressesOnlyTheReader(guide)).toBe(true);
  });

  it('does not take a report for a guide, in English or in Chinese', () => {
    expect(addressesOnlyTheReader('I set my key in your config file as you said, and it still fails.')).toBe(false);
    expect(addressesOnlyTheReader('我配置了 key，但是一直报错。你们的文档里写的 your key 也试过了')).toBe(false);
  });

  it('does not hear the reader addressed in a stand-in value', () => {
    // `your-api-key-1` and `YOUR_TOKEN` are values someone left in, not a guide's voice.
    const report =
      'The api-keys field still holds the sample values and every call fails:\napi-keys:\n  - "your-api-key-1"\n  - "your-api-key-2"';
    expect(addressesOnlyTheReader(report)).toBe(false);
    expect(addressesOnlyTheReader('Run it with YOUR_TOKEN set.\nThe call fails with your_token_here.')).toBe(false);
  });

  it('reads a value alone on its line in a guide as the reader’s, not a stand-in sent', () => {
    const guide = [
      'When Postman shows 401 Unauthorized, it simply means the server does not know who you are.',
      'Go to the Authorization tab',
      'Paste your API token',
      'Postman then adds the header for you.',
    ].join('\n');
    expect(problemsIn(guide)).toEqual([]);
  });

  it("does not count a program's error that speaks to the reader", () => {
    const report =
      '配置内容:\n[API Error: 401 Incorrect API key provided. You can find your API key at the dashboard.]\nOPENAI_API_KEY=xxxx';
    expect(addressesOnlyTheReader(report)).toBe(false);
  });

  it('finds an instruction just above a value, but not steps to reproduce', () => {
    const reply = 'Can you run\n```\ncurl -H "Authorization: Bearer YOUR_MASTER_KEY" localhost:7700/keys\n```';
    expect(followsAnInstruction(reply, reply.indexOf('YOUR_MASTER_KEY'))).toBe(true);
    const steps = '1. Generate a token\n2. Run this command:\ncurl -H "Authorization: Bearer token_here" https://api.example.org';
    expect(followsAnInstruction(steps, steps.indexOf('token_here'))).toBe(false);
  });

  it("leaves alone a maintainer's example in a reply to a report", () => {
    const thread = [
      'I keep getting 401 "The Authorization header is missing".',
      'Can you run',
      '```',
      'docker compose exec app curl -H "Authorization: Bearer YOUR_MEILI_MASTER_KEY" meilisearch:7700/keys',
      '```',
    ].join('\n');
    expect(problemsIn(thread)).not.toContain('placeholder-token');
  });
});

describe('an outcome denied in other words', () => {
  it('hears a setting that had no effect as a run', () => {
    expect(reportsARun('I tried the scheme field but it does not have any impact on the request.')).toBe(true);
    expect(reportsARun('The custom header has no effect at all.')).toBe(true);
    expect(reportsARun('Whatever I put there is silently ignored by the sender.')).toBe(true);
    // A doc saying what an option does tells of no run.
    expect(reportsARun('Set the scheme field to change how the header starts.')).toBe(false);
  });

  it('counts a stand-in in a captured request when the setting had no effect', () => {
    const capture = [
      'The scheme field does not have any impact on what goes out.',
      'A listening netcat instance saw the following request:',
      '```',
      'POST / HTTP/1.1',
      'Host: localhost:8080',
      'Authorization: Bearer <API-Key>',
      '```',
    ].join('\n');
    expect(problemsIn(capture)).toEqual(['placeholder-token']);
  });
});

describe('a block the writer shows as their own', () => {
  it('tells the line that introduces the writer’s own config from a format', () => {
    expect(introducesOwnBlock('My config file looks like this:')).toBe(true);
    expect(introducesOwnBlock('Here is what I have in my widgets.yaml file:')).toBe(true);
    expect(introducesOwnBlock('I sent the following headers:')).toBe(true);
    expect(introducesOwnBlock('Your config file should look like this:')).toBe(false);
    expect(introducesOwnBlock('The header looks like this:')).toBe(false);
  });

  it('counts a mask in a config the writer shows as theirs, not in a format', () => {
    const own = [
      'The widget only shows API Error.',
      'Here is what I have in my widgets.yaml file:',
      '```yaml',
      '- unifi:',
      '    username: homepage',
      '    password: ****',
      '```',
    ];
    expect(inWritersOwnBlock(own.join('\n'), own.join('\n').indexOf('****'))).toBe(true);
    expect(problemsIn(own.join('\n'))).toEqual(['masked-token']);
    // One header line under "My config:" may be copied from a screen that masked it.
    const quoted = ['Every call fails with 401.', 'My config:', 'X-Api-Key: ****', 'What am I missing?'].join('\n');
    expect(inWritersOwnBlock(quoted, quoted.indexOf('****'))).toBe(false);
    const viewer = [
      'The widget only shows API Error.',
      'The settings page shows:',
      '```yaml',
      '- unifi:',
      '    username: homepage',
      '    password: ****',
      '```',
    ];
    expect(problemsIn(viewer.join('\n'))).toEqual([]);
    const partly = [
      'Authentication error is returned.',
      'My config file looks like this:',
      '',
      'notif:',
      '  ntfy:',
      '    token: QmFzaWXXXXXXZjSEp2WjXXXXXXXX',
    ];
    expect(problemsIn(partly.join('\n'))).toEqual(['masked-token']);
    const format = [
      'Authentication error is returned.',
      'The config should look like this:',
      '',
      'notif:',
      '  ntfy:',
      '    token: QmFzaWXXXXXXZjSEp2WjXXXXXXXX',
    ];
    expect(problemsIn(format.join('\n'))).toEqual([]);
  });
});

describe("a doc's labelled examples", () => {
  it('reads a header under a counter-example label as a format, not a request', () => {
    const wrong = [
      'Every call fails with 401 Invalid API key when the header is wrong.',
      'Wrong way:',
      'Authorization: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.abc',
    ];
    expect(problemsIn(wrong.join('\n'))).toEqual([]);
    const sent = [
      'Every call fails with 401 Invalid API key.',
      'Header sent:',
      'Authorization: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.abc',
    ];
    expect(problemsIn(sent.join('\n'))).toEqual(['missing-bearer-prefix']);
  });

  it('reads a stand-in value under "# Correct" as the format, however it was found', () => {
    const page = ['HTTP 401 with "Invalid API key" means the key did not match.', 'Terminal', '# Correct', '-H "X-API-Key: your-key"'];
    expect(problemsIn(page.join('\n'))).toEqual([]);
  });
});

describe('a change or a request that redacts secrets shows its own masks (issue 8)', () => {
  const exposed = 'Every 401 attempt failed and was logged with its header:\n`Authorization: Bearer <secret>`';
  it.each([
    ['a fix PR title after a bracketed tag', `# [GSSoC'26] fix: redact authorization header from webhook logs\n${exposed}`],
    ['a scoped fix title', `# fix(sse): redact api key in debug log when an invalid apiKey is sent\n${exposed}`],
    ['a request in the imperative', `# Mask the ApiKey to not be logged completely\n${exposed}`],
  ])('reports nothing under %s', (_name, text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('still reads a title whose verb is not a redaction, and the same lines under a report', () => {
    expect(
      problemsIn('# fix(ui): stop credential edit from persisting the masked api key\nThe masked key ****** was saved back and sent.'),
    ).toEqual(['masked-token']);
    expect(problemsIn(`# Every webhook call fails with 401\nI send \`Authorization: Bearer <secret>\` and it fails.`)).toEqual([
      'placeholder-token',
    ]);
  });
});

describe("an issue about the writer's own run, and doc words around a stand-in", () => {
  it("leaves a doc's example alone when only a reply or a guide shows it", () => {
    // The same stand-in in an issue, introduced by a helper's "if your config looks like this".
    const reply = [
      'My key is right, yet the API keeps answering 401.',
      '',
      'maintainer · comment · 2024-01-02',
      'If your config looks like this:',
      '```',
      'token = "YOUR_TOKEN"',
      '```',
      'then paste exactly that value into the app, as the documentation says.',
    ].join('\n');
    expect(problemsIn(reply)).toEqual([]);
    // A guide about errors: doc words, a status, no writer.
    const guide = '## Errors\nIf the call returns 401, check your key. For example:\n```\ntoken = "YOUR_TOKEN"\n```';
    expect(problemsIn(guide)).toEqual([]);
  });
});
