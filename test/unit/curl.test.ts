// Copy as curl: the command reproduces the request, and no secret value survives in it.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCurl, placeholderName, shellQuote, shellWord } from '../../src/engine/curl';

const SECRET = 'wdtk7Q2m9XvB4pL8sR1nK6zT3yH5cJ0';

/** What a POSIX shell makes of one word (printf prints it back), with placeholders set. */
function shellRead(word: string, env: Record<string, string> = {}): string {
  return execFileSync('/bin/sh', ['-c', `printf '%s' ${word}`], { env: { PATH: process.env.PATH ?? '', ...env } }).toString();
}

describe('shell quoting', () => {
  it.each(['plain', "it's", "a 'quoted' word", '$HOME and `date` and $(id)', 'line\nbreak', '\\ back\\slash', '"double"', ''])(
    'keeps %j as typed',
    (text) => {
      expect(shellRead(shellQuote(text))).toBe(text);
    },
  );

  it('keeps any text as typed (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\0')),
        (text) => shellRead(shellQuote(text)) === text,
      ),
      { numRuns: 25 },
    );
  });

  it('expands placeholders and nothing else', () => {
    const word = shellWord([{ text: "https://x/'a'/$NOT/" }, { placeholder: 'SLACK_WEBHOOK_SECRET' }, { text: '?q=1' }]);
    expect(shellRead(word, { SLACK_WEBHOOK_SECRET: 's3cr3t' })).toBe("https://x/'a'/$NOT/s3cr3t?q=1");
  });

  it('names placeholders as shell variables', () => {
    expect(placeholderName('X-Api-Key')).toBe('X_API_KEY');
    expect(placeholderName('1st token')).toBe('V_1ST_TOKEN');
  });
});

describe('buildCurl', () => {
  it('Slack: the URL secret becomes $SLACK_WEBHOOK_SECRET with a note on where it lives', () => {
    const text = buildCurl({
      method: 'POST',
      url: `https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/${SECRET}`,
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      body: '{"text": "Hi {{ first_name }}"}',
      sender: 'Braze',
    });
    expect(text).not.toContain(SECRET);
    expect(text).toContain(`'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/'"$SLACK_WEBHOOK_SECRET"`);
    expect(text).toMatch(/export SLACK_WEBHOOK_SECRET='…' +# the last part of the webhook URL/);
    expect(text).toContain('Braze sends to Slack incoming webhook');
    expect(text).toContain("-H 'Content-Type: application/json'");
    expect(text).toContain(`--data-raw '{"text": "Hi {{ first_name }}"}'`);
    expect(text).toMatch(/Template tags/);
  });

  it.each([
    ['Discord', `https://discord.com/api/webhooks/123456789012345678/${SECRET}`, 'DISCORD_WEBHOOK_TOKEN'],
    ['Zapier', `https://hooks.zapier.com/hooks/catch/1234567/${SECRET}/`, 'ZAPIER_HOOK_SECRET'],
    ['Apps Script', `https://script.google.com/macros/s/${SECRET}/exec`, 'APPS_SCRIPT_DEPLOYMENT_ID'],
    ['Make', `https://hook.eu1.make.com/${SECRET.toLowerCase()}`, 'MAKE_WEBHOOK_TOKEN'],
    [
      'Teams workflows',
      `https://prod-12.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=${SECRET}`,
      'TEAMS_WORKFLOW_SIG',
    ],
    ['a query token', `https://example.com/hook?api_key=${SECRET}&list=5`, 'QUERY_API_KEY'],
    ['a query signature', `https://example.com/workflows/abc/invoke?api-version=2016-06-01&sig=${SECRET}`, 'QUERY_SIG'],
    ['a token-like query value', `https://example.com/hook?x=${SECRET}`, 'QUERY_X'],
    ['URL credentials', `https://user:${SECRET}@example.com/hook`, 'URL_CREDENTIALS'],
  ])('%s: the secret becomes $%s', (_name, url, placeholder) => {
    const text = buildCurl({ method: 'POST', url, headers: [], body: null });
    expect(text.toLowerCase()).not.toContain(SECRET.toLowerCase());
    expect(text).toContain(`"$${placeholder}"`);
  });

  it('keeps innocent query values: api-version and a short list ID', () => {
    const text = buildCurl({ method: 'POST', url: 'https://example.com/hook?api-version=2016-06-01&list=5', headers: [], body: null });
    expect(text).toContain("'https://example.com/hook?api-version=2016-06-01&list=5'");
  });

  it('credential headers keep their scheme and name the receiver placeholder', () => {
    const text = buildCurl({
      method: 'post',
      url: 'https://acme.myshopify.com/admin/api/2025-01/customers.json',
      headers: [
        { name: 'X-Shopify-Access-Token', value: `shpat_${SECRET}` },
        { name: 'Authorization', value: `Bearer ${SECRET}` },
        { name: 'X-Api-Key', value: SECRET },
      ],
      body: null,
    });
    expect(text).not.toContain(SECRET);
    expect(text).toContain(`-H 'X-Shopify-Access-Token: '"$SHOPIFY_ACCESS_TOKEN"`);
    expect(text).toContain(`-H 'Authorization: Bearer '"$API_TOKEN"`);
    expect(text).toContain(`-H 'X-Api-Key: '"$X_API_KEY"`);
    expect(text).toMatch(/export SHOPIFY_ACCESS_TOKEN='…' +# the Admin API access token/);
    expect(text).toMatch(/^curl -i -X POST /m);
  });

  it('Twilio Basic credentials become $TWILIO_BASIC_AUTH; the form body is kept', () => {
    const text = buildCurl({
      method: 'POST',
      url: 'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json',
      headers: [{ name: 'Authorization', value: `Basic ${Buffer.from(`AC${'0'.repeat(32)}:${SECRET}`).toString('base64')}` }],
      body: 'To=%2B14155552671&From=%2B15005550006&Body=Hi',
    });
    expect(text).toContain(`-H 'Authorization: Basic '"$TWILIO_BASIC_AUTH"`);
    expect(text).toContain("--data-raw 'To=%2B14155552671&From=%2B15005550006&Body=Hi'");
    expect(text).not.toContain(Buffer.from(`AC${'0'.repeat(32)}:${SECRET}`).toString('base64'));
  });

  it('secret fields in JSON and form bodies become placeholders', () => {
    const json = buildCurl({
      method: 'POST',
      url: 'https://api.segment.io/v1/track',
      headers: [],
      body: `{"writeKey": "${SECRET}", "event": "Signed Up", "userId": "42"}`,
    });
    expect(json).not.toContain(SECRET);
    expect(json).toContain(`'{"writeKey": "'"$BODY_WRITEKEY"'", "event": "Signed Up"`);
    const form = buildCurl({ method: 'POST', url: 'https://example.com/x', headers: [], body: `user=ana&password=${SECRET}&next=1` });
    expect(form).not.toContain(SECRET);
    expect(form).toContain(`'user=ana&password='"$BODY_PASSWORD"'&next=1'`);
  });

  // Round 7: names people write in camelCase or with the secret word inside, a matrix parameter.
  it.each([
    'accessToken',
    'clientSecret',
    'userPassword',
    'privateKey',
    'passphrase',
    'credentials',
    'signingSecret',
    'sessionId',
    'hmac',
    'pass',
    'bearer',
  ])('a %s field in a JSON body, a form body and the query becomes a placeholder', (name) => {
    const short = SECRET.slice(0, 12);
    const texts = [
      buildCurl({ method: 'POST', url: 'https://api.example.com/hook', headers: [], body: `{"${name}": "${short}", "event": "x"}` }),
      buildCurl({ method: 'POST', url: 'https://api.example.com/hook', headers: [], body: `a=1&${name}=${short}` }),
      buildCurl({ method: 'POST', url: `https://api.example.com/hook?${name}=${short}&a=1`, headers: [], body: null }),
    ];
    for (const text of texts) expect(text).not.toContain(short.slice(0, 8));
  });

  it.each([
    ['Authentication', `Bearer ${SECRET.slice(0, 12)}`],
    ['X-Forwarded-Authorization', `Bearer ${SECRET.slice(0, 12)}`],
    ['Ocp-Apim-Subscription-Key', SECRET.slice(0, 12)],
    ['X-Shopify-Hmac-Sha256', SECRET.slice(0, 12)],
    ['Signature', SECRET.slice(0, 12)],
    ['X-Password', SECRET.slice(0, 12)],
    ['X-Custom', `Bearer ${SECRET.slice(0, 12)}`],
    ['X-Authorisation', SECRET.slice(0, 12)],
  ])('a %s header becomes a placeholder', (name, value) => {
    const text = buildCurl({ method: 'POST', url: 'https://api.example.com/hook', headers: [{ name, value }], body: null });
    expect(text).not.toContain(SECRET.slice(0, 8));
  });

  // Round 12: a short random query value under a name that tells nothing, as the sample redactor
  // judges it; body values whose names tell nothing but that hold a secret URL or a keyed secret.
  it('a random-looking query value under any name becomes a placeholder', () => {
    const short = SECRET.slice(0, 12);
    const text = buildCurl({ method: 'POST', url: `https://hooks.example.com/in?c=${short}&list=5#${short}`, headers: [], body: null });
    expect(text).not.toContain(short.slice(0, 8));
    expect(text).toContain(`'https://hooks.example.com/in?c='"$QUERY_C"'&list=5'`);
  });

  it.each([
    ['a Slack webhook URL', 'webhook_url', `https://hooks.slack.com/services/T0/B0/${SECRET.slice(0, 24)}`],
    ['a URL with user info', 'callback', `https://deploy:${SECRET.slice(0, 12)}@example.com/in`],
    ['a key and its value in prose', 'note', `token ${SECRET.slice(0, 12)}`],
  ])('a body value holding %s becomes a placeholder', (_what, name, value) => {
    const json = buildCurl({
      method: 'POST',
      url: 'https://api.example.com/hook',
      headers: [],
      body: `{"${name}": "${value}", "event": "x"}`,
    });
    const form = buildCurl({ method: 'POST', url: 'https://api.example.com/hook', headers: [], body: `a=1&${name}=${value}` });
    for (const text of [json, form]) {
      expect(text).not.toContain(SECRET.slice(0, 8));
      expect(text).toContain(`$BODY_${name.toUpperCase()}`);
    }
  });

  it.each([
    ['IFTTT', `https://maker.ifttt.com/trigger/sale/with/key/${SECRET.slice(0, 22)}`, 'https://maker.ifttt.com/trigger/sale/with/key/'],
    ['any host with a random path segment', `https://hooks.example.net/in/${SECRET.slice(0, 20)}/send`, 'https://hooks.example.net/in/'],
  ])('%s: a secret in the path becomes a placeholder', (_what, url, kept) => {
    const text = buildCurl({ method: 'POST', url, headers: [], body: null });
    expect(text).not.toContain(SECRET.slice(0, 8));
    expect(text).toContain(`'${kept}'"$`);
  });

  it('a secret outside any named field of the body, or in a header with a plain name, becomes a placeholder', () => {
    const slack = `https://hooks.slack.com/services/T0/B0/${SECRET.slice(0, 24)}`;
    for (const body of [
      `{"to": ["${slack}"], "event": "x"}`,
      `<hook><to>${slack}</to></hook>`,
      `{"token": "${SECRET}${'a'.repeat(4100)}"}`,
    ]) {
      const text = buildCurl({ method: 'POST', url: 'https://api.example.com/hook', headers: [], body });
      expect(text).not.toContain(SECRET.slice(0, 8));
      expect(text).not.toContain(SECRET.slice(-8));
    }
    const header = buildCurl({
      method: 'POST',
      url: 'https://api.example.com/hook',
      headers: [{ name: 'X-Target', value: slack }],
      body: null,
    });
    expect(header).not.toContain(SECRET.slice(0, 8));
    expect(header).toContain('-H \'X-Target: \'"$X_TARGET"');
    for (const value of [`sk_live_${SECRET}`, slack.replace('https://', '')]) {
      const plain = buildCurl({ method: 'POST', url: 'https://api.example.com/hook', headers: [{ name: 'X-Client', value }], body: null });
      expect(plain).not.toContain(SECRET.slice(0, 8));
    }
  });

  it('a body key with escaped letters hides its value (round 15)', () => {
    for (const body of [
      `{"pass\\u0077ord": "${SECRET.slice(0, 12)}"}`,
      `api_k%65y=${SECRET.slice(0, 12)}&v=2`,
      `{"tok\\x65n":"${SECRET.slice(0, 12)}"}`,
    ]) {
      const text = buildCurl({ method: 'POST', url: 'https://api.example.com/hook', headers: [], body });
      expect(text, body).not.toContain(SECRET.slice(0, 8));
      expect(text).toContain('$BODY_SECRET');
    }
  });

  it('a path segment with a random name and a secret-named matrix parameter hides both', () => {
    const text = buildCurl({
      method: 'POST',
      url: `https://api.example.com/in/${SECRET.slice(0, 16)};jsessionid=abc;v=${SECRET.slice(16, 28)}`,
      headers: [],
      body: null,
    });
    expect(text).not.toContain(SECRET.slice(0, 8));
    expect(text).not.toContain(SECRET.slice(16, 24));
    expect(text).toContain(`'https://api.example.com/in/'"$PATH_SECRET"';jsessionid='"$PATH_JSESSIONID"';v='"$PATH_V"`);
  });

  it('keeps innocent headers and fields as typed', () => {
    const text = buildCurl({
      method: 'POST',
      url: 'https://api.example.com/hook?monkey=1&status_code=500',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Accept', value: 'application/vnd.github.v3+json' },
        { name: 'X-Request-Id', value: 'abc123' },
      ],
      body: '{"keyword": "sale", "bypass": "yes", "author": "ana", "note": "token expired", "link": "https://example.com/docs/retries"}',
    });
    expect(text).toContain("'https://api.example.com/hook?monkey=1&status_code=500'");
    expect(text).toContain("-H 'Content-Type: application/json'");
    expect(text).toContain("-H 'Accept: application/vnd.github.v3+json'");
    expect(text).toContain("-H 'X-Request-Id: abc123'");
    expect(text).toContain(
      `'{"keyword": "sale", "bypass": "yes", "author": "ana", "note": "token expired", "link": "https://example.com/docs/retries"}'`,
    );
  });

  it('a session in a matrix parameter of the path becomes a placeholder', () => {
    const text = buildCurl({
      method: 'POST',
      url: `https://api.example.com/hook;jsessionid=${SECRET.slice(0, 12)}/send`,
      headers: [],
      body: null,
    });
    expect(text).not.toContain(SECRET.slice(0, 8));
    expect(text).toContain(`'https://api.example.com/hook;jsessionid='"$PATH_JSESSIONID"'/send'`);
  });

  it.each([
    ['a query name', { url: 'https://api.example.com/hook?x%0Aecho%20INJECTED%0Ay=' + 'A'.repeat(30), headers: [], body: null }],
    [
      'a query name with a carriage return',
      { url: 'https://api.example.com/hook?x%0Decho%20INJECTED%0Dy=' + 'A'.repeat(30), headers: [], body: null },
    ],
    ['a body key', { url: 'https://api.example.com/hook', headers: [], body: '{"x\necho INJECTED\ntoken": "abc"}' }],
    ['a header name', { url: 'https://api.example.com/hook', headers: [{ name: 'X-Api-Key\necho INJECTED', value: 'abc' }], body: null }],
  ])('pasted whole into a shell, runs only curl: line breaks in %s stay inside the comments', (_label, request) => {
    // A URL in the editor may carry %0A in a query name; the notes quote that name.
    const script = `curl() { :; }\n${buildCurl({ method: 'POST', ...request })}`;
    const out = spawnSync('/bin/sh', ['-c', script], { env: { PATH: process.env.PATH ?? '' } }).stdout.toString();
    expect(out).toBe('');
  });

  it('runs in a shell: the command line parses into the request, placeholders filled from the environment', () => {
    const text = buildCurl({
      method: 'POST',
      url: `https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/${SECRET}`,
      headers: [{ name: 'Authorization', value: `Bearer ${SECRET}` }],
      body: `{"text": "it's $5 \`now\`"}`,
    });
    const command = text
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n')
      .replace(/^curl/, 'printf "%s\\n"');
    const out = execFileSync('/bin/sh', ['-c', command], {
      env: { PATH: process.env.PATH ?? '', SLACK_WEBHOOK_SECRET: 'S', API_TOKEN: 'T' },
    }).toString();
    expect(out.split('\n')).toEqual([
      '-i',
      '-X',
      'POST',
      'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/S',
      '-H',
      'Authorization: Bearer T',
      '--data-raw',
      '{"text": "it\'s $5 `now`"}',
      '',
    ]);
  });

  it('never lets a secret through, whatever the header name or scheme (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Authorization', 'X-Api-Key', 'X-Auth-Token', 'api_key', 'X-Shopify-Access-Token', 'Proxy-Authorization'),
        fc.constantFrom('', 'Bearer ', 'Basic ', 'Token '),
        (name, scheme) => {
          const text = buildCurl({
            method: 'POST',
            url: 'https://example.com/hook',
            headers: [{ name, value: `${scheme}${SECRET}` }],
            body: null,
          });
          return !text.includes(SECRET.slice(0, 12));
        },
      ),
    );
  });

  it.each([
    ['Make', 'https://hook.us1.make.com/x7kq2m9', 'x7kq2m9', '$MAKE_WEBHOOK_TOKEN'],
    ['Zapier', 'https://hooks.zapier.com/hooks/catch/1234567/ab12c/', 'ab12c', '$ZAPIER_HOOK_SECRET'],
    ['Slack', 'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/Zq81m', 'Zq81m', '$SLACK_WEBHOOK_SECRET'],
  ])('%s: a URL secret cut short still leaves nothing of itself', (_name, url, piece, placeholder) => {
    const text = buildCurl({ method: 'POST', url, headers: [], body: null });
    expect(text).not.toContain(piece);
    expect(text).toContain(placeholder);
  });

  it.each([
    // A file ending keeps the Slack rule from matching, and the dot kept the old cut-short loop from seeing a token.
    ['a file ending', 'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/Zq81mXk29Ab.json', 'Zq81mXk29Ab'],
    ['a matrix parameter', 'https://hooks.zapier.com/hooks/catch/1234567/ab12c;session=k3Jq9Zx81mPw', 'k3Jq9Zx81mPw'],
    ['a matrix parameter after it', 'https://hooks.zapier.com/hooks/catch/1234567/ab12c;v=2', 'ab12c'],
  ])('a URL secret cut short hides a secret piece with %s too', (_name, url, piece) => {
    const text = buildCurl({ method: 'POST', url, headers: [], body: null });
    expect(text).not.toContain(piece);
  });

  it('keeps the plain parts of such a URL', () => {
    expect(buildCurl({ method: 'POST', url: 'https://hooks.zapier.com/hooks/catch/1234567/ab12c/', headers: [], body: null })).toContain(
      `'https://hooks.zapier.com/hooks/catch/1234567/'"$ZAPIER_HOOK_SECRET"'/'`,
    );
  });

  it('keeps an unparseable URL out entirely', () => {
    const text = buildCurl({ method: 'POST', url: `http://[${SECRET}`, headers: [], body: null });
    expect(text).not.toContain(SECRET);
    expect(text).toContain('"$WEBHOOK_URL"');
  });
});
