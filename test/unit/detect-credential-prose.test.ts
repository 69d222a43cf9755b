import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { detectCredentialSentences } from '../../src/engine/detect/credential/credential-prose';
import { TOLD_SENTENCES } from '../../src/engine/detect/credential/credential-told';
import { MAX_REGEX_SOURCE } from '../../src/engine/detect/shared/regex-union';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');

describe('credential mistakes told in sentences', () => {
  const TOLD: Array<[string, string]> = [
    ['An Authorization header that is missing the Bearer prefix gets a 401.', 'missing-bearer-prefix'],
    ["Fixed it: I forgot to add 'Bearer ' before the token.", 'missing-bearer-prefix'],
    ['The Bearer prefix was missing from the header.', 'missing-bearer-prefix'],
    ['fix: add Bearer prefix to Authorization header', 'missing-bearer-prefix'],
    ['fix: add Bearer in Headers Authorization', 'missing-bearer-prefix'],
    ['try Bearer instead of token in the header', 'missing-bearer-prefix'],
    ['请求头的内容前缀没有加 Bearer，所以一直 401', 'missing-bearer-prefix'],
    ['인증 토큰에 Bearer 추가를 빼먹었습니다', 'missing-bearer-prefix'],
    ['Faltaba el prefijo Bearer en la cabecera', 'missing-bearer-prefix'],
    ['After re-saving, the API key is saved as asterisks and every call fails.', 'masked-token'],
    ['密码保存了******，点击测试连接失败', 'masked-token'],
    ['The settings form sent the masked password (*****) back to the server.', 'masked-token'],
    ['Error: Incorrect API key provided: YOUR_API_KEY. You can find your key in settings.', 'placeholder-token'],
    ['openai.AuthenticationError: 401 Incorrect API key provided: sk-xxxxxxxx', 'placeholder-token'],
    ['I get "Bearer ={{$credentials.token}}" in the Authorization header: the expression is not rendered.', 'placeholder-token'],
    ['error 401 GET https://api.example.com/weather?appid=API%20KEY%20GOES%20HERE', 'placeholder-token'],
    ['docker-compose hardcodes placeholder credentials that win over the .env file', 'placeholder-token'],
    ["curl -H 'Authorization: Bearer $API_TOKEN' https://api.example.com/v1 answers 401", 'placeholder-token'],
    ['The variable is sent as the string literal {{apitoken}} rather than the value.', 'placeholder-token'],
    ['The env var was set to "YOUR_API_KEY" and every call failed with 401.', 'placeholder-token'],
    ['Ya that was my bad, I forgot to add bearer, closing it', 'missing-bearer-prefix'],
    ['Resolved by passing the API key as Bearer token.', 'missing-bearer-prefix'],
    ['UnauthorizedError: Format is Authorization: Bearer [token]', 'missing-bearer-prefix'],
    ['the backend receives a password in the format "******" and the test fails', 'masked-token'],
    // A mask, then what was done with it one sentence later.
    ['The settings page shows `********` for the key. Saving the form then used this value as the api key.', 'masked-token'],
    ['Our edit dialog was posting the display mask as the SMTP password.', 'masked-token'],
    ['Every truncated key we copied from the console (sk-ab1...9xyz) returns 401.', 'masked-token'],
    ['The relay password is overwritten with five * on every save, so mail cannot be sent any more.', 'masked-token'],
    ['Please replace the asterisks with your real key before running the command.', 'masked-token'],
    // Missing Bearer told in other words.
    ['There must be a space between the Bearer keyword and the token, we sent BearereyJhb…', 'missing-bearer-prefix'],
    ['The client was sending a bare JWT and the gateway rejected every call.', 'missing-bearer-prefix'],
    [
      "curl -H 'Authorization: abc123' http://localhost/api\nThat header has no scheme at all and the server answers 401.",
      'missing-bearer-prefix',
    ],
    ["The token must be prefixed with 'Bearer' instead of 'JWT' since the upgrade.", 'missing-bearer-prefix'],
    // Placeholders told in other words.
    ['The service kept picking the default "changeme-api-key" value from the image, so every call got 401.', 'placeholder-token'],
    ['When I paste a sample string as the key it says invalid API key.', 'placeholder-token'],
    ['Got it: you have to remove the <> around the key.', 'placeholder-token'],
    ['The docs used single quotes, so the shell never did the variable expansion and the API answered 401.', 'placeholder-token'],
    ['core:~# curl -H "Authorization: Bearer SUPERVISOR_TOKEN" http://supervisor/core/api/states\n401: Unauthorized', 'placeholder-token'],
    ['Turns out I forgot to replace YOUR_API_KEY in the node settings.', 'placeholder-token'],
    ['Our webhook still had <YOUR_TOKEN> in the Authorization header when we went live; the API answered 401.', 'placeholder-token'],
    ['The API key field shows sk-...abcd; when I hit save it stores that instead of the key.', 'masked-token'],
    ['After duplicating the flow, the Authorization header contains ### and every call is rejected.', 'masked-token'],
    ['Nach dem Speichern steht im Feld nur noch ******** und die API antwortet mit 401.', 'masked-token'],
    ['We pasted only the token in the Authorization header, without the word Bearer, and got 401.', 'missing-bearer-prefix'],
    ['Postman worked because it adds Bearer; our webhook sent just the raw token.', 'missing-bearer-prefix'],
    ['The key in the compose file was still the placeholder, hence the 401s.', 'placeholder-token'],
    // The same mistakes in other languages.
    ['Ich hatte Bearer vergessen, deshalb kam immer 401.', 'missing-bearer-prefix'],
    ['Mandavo il token senza il prefisso Bearer e ricevevo 401.', 'missing-bearer-prefix'],
    ['Ik stuurde het token zonder Bearer en kreeg 401 terug.', 'missing-bearer-prefix'],
    ['Я забыл добавить Bearer перед токеном, отсюда 401.', 'missing-bearer-prefix'],
    ['Depois de salvar, a senha é salva como ****** e o teste falha.', 'masked-token'],
    ['Dopo il salvataggio la password viene salvata come ****** e il test fallisce.', 'masked-token'],
    ['После сохранения пароль сохраняется как ****** и письма не уходят.', 'masked-token'],
    ['请求头里的模板变量没有被替换，服务器收到的就是 {{token}}', 'placeholder-token'],
    ['ヘッダーの変数が置き換えられていない。{{token}} のまま送信されていた', 'placeholder-token'],
    ['Der Platzhalter {{api_key}} wurde nicht ersetzt und so an die API gesendet.', 'placeholder-token'],
    ['La variable {{token}} no se reemplazó y se envió tal cual.', 'placeholder-token'],
  ];
  it.each(TOLD)('%j → %s', (text, problem) => {
    expect(problemsIn(text)).toContain(problem);
  });

  const NOT_TOLD = [
    'Automatic "Bearer" prefix: you can now paste your token directly.',
    'We use a Bearer token for every call.',
    'Incorrect API key provided: sk-ab12****************************89xy. You can find your API key at the dashboard.',
    'The dashboard shows the key masked for safety.',
    'Use the API_KEY environment variable; the value ${API_KEY} is read at start.',
    'Authorization: Klaviyo-API-Key pk_live_abcdef1234567890',
    // Guards against saving the mask back, and correct masking: no mistake happened.
    'To stop the UI re-saving its own masked value, the API keeps the stored key when it receives ****.',
    'If the submitted key is masked, keep the existing stored key instead of overwriting it.',
    // A tool that adds the scheme for you, or a receiver that wants none.
    'New: automatic Bearer prefix. Paste the JWT without adding "Bearer " and it is added for you.',
    'Our legacy gateway does not expect the "Bearer" prefix at all; send the token alone.',
    'If you do not include Bearer you may get a 401.',
    'Requests are refused when there is no space between "Bearer" and the token, e.g. Bearer{token}.',
    // Receivers echoing a key that was never set, or a label before a key they mask themselves.
    'Incorrect API key provided: undefined. You can find your API key at https://platform.openai.com/account/api-keys.',
    '401 Incorrect API key provided: apiKey: ************************wxyz. You can find your API key in settings.',
    // Documentation naming a placeholder in a curl line.
    'Test your key from a shell:\ncurl https://api.example.com/v1/me \\\n  -H "Authorization: Bearer YOUR_API_KEY"\nReplace YOUR_API_KEY with your key.',
    // A sentence is not a value: "- Your API key is incorrect".
    '**"Invalid API key" (401 error)**\n- Your API key is incorrect or expired\n- Solution: generate a new key',
    '{"code": 20003, "detail": "Your AccountSid or AuthToken was incorrect.", "status": 401}',
    'For security the dashboard only shows the last 4 characters (••••abcd) of your key.',
    'Set the header to Bearer {{ event.token }}; Klaviyo fills it in when it sends.',
    'The API accepts the key in the Authorization header without any prefix.',
    // Other languages, speaking of the mistake without saying it happened.
    'Die API erwartet das Präfix Bearer vor dem Token; bitte ohne Anführungszeichen.',
    'Le mot de passe est masqué dans le formulaire.',
    // "masked" inside a name or another word is no mask: a field called `api_key_masked`, an unmasked key.
    'The Web config API returns the raw API key and may write `api_key_masked` back into `config.yaml`',
    'The unmasked API key was saved to the log file and sent to the support team.',
    // A wish that a program mask the value: the mask is what should replace it, not what went out.
    'When debug logging is on, the ping method leaks the API key in the logs. The password there should be replaced with `******`',
    // A reply's advice: the stand-in is where the reader's key goes.
    'Every request fails with 401. Right, the API likely does not see your API key. If you already have a key, do this instead:\n```curl https://api.example.gov/v3/member?api_key=YOUR_API_KEY```',
  ];
  it.each(NOT_TOLD)('%j → nothing', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  describe('general shapes of a report, each with its trap', () => {
    const PAIRS: Array<[string, string, string]> = [
      // A key that "became" its shortened display, against a display that merely shows it short.
      [
        'After the import every key became `sk-ab1...wxyz` in the file and calls fail with 401.',
        'masked-token',
        'The key list shows each key as `sk-ab1...wxyz` so you can tell them apart.',
      ],
      // A fix that sends the real secret instead of a sentinel, against the plain word "instead".
      [
        'fix: pass the stored password instead of SECRET_MASK_VALUE when testing the SMTP relay',
        'masked-token',
        'You can pass the stored password instead of typing it again.',
      ],
      // A stand-in and the words "sent literally" on either side of a fence's end.
      [
        'The SDK sent this header:\n```\nAuthorization: Bearer ${apiToken}\n```\n\nliterally, the variable was never filled in.',
        'placeholder-token',
        'The SDK reads `${apiToken}` from the environment at start-up and sends the value.',
      ],
      // Substitution that never happened, against substitution documented as working.
      [
        'Variable substitution does not work in the `headers.Authorization` field of the client config.',
        'placeholder-token',
        'Variable substitution works in every field of the client config, headers included.',
      ],
      [
        'Using an env placeholder in `apiKey` fails with 401 while the literal key works.',
        'placeholder-token',
        'Using an env placeholder in `apiKey` keeps the key out of the repository.',
      ],
      // An angle-bracket stand-in said to go out as is, against the same header stated as a format.
      [
        'The CLI falls back to the literal placeholder and sends `Authorization: Bearer <TOKEN>` each time.',
        'placeholder-token',
        'The header should be `Authorization: Bearer <TOKEN>`, or it returns 403.',
      ],
      // The scheme put in front of the credential, as a change or a title, against a doc's instruction.
      [
        'Appending Bearer keyword to the authkey',
        'missing-bearer-prefix',
        'To call the API:\nAdd Bearer to the Authorization header, followed by your key.',
      ],
      [
        'fix(client): add Bearer to authorization',
        'missing-bearer-prefix',
        'Get a key from the dashboard.\n- Prepend Bearer to the token before sending it.',
      ],
      [
        'The token needs `Bearer ` in front, otherwise the gateway answers 401.',
        'missing-bearer-prefix',
        'The gateway reads the token with or without `Bearer ` in front.',
      ],
      // A reply that tells what to add, next to the bare header it corrects.
      [
        'headers: { Authorization: access_token }\nI get an error.\nAnswer: we need to send the token by adding the ```Bearer```.',
        'missing-bearer-prefix',
        'headers: { Authorization: `Bearer ${access_token}` }\nWorks fine: we need to send the token by adding the ```Bearer```, as above.',
      ],
      // A redaction word written as the value that was kept or sent, against a log that redacts.
      [
        'The API key and the SSL password are both gone, replaced by the literal string `REDACTED`.',
        'masked-token',
        'Our logs print the API key as `REDACTED` so nobody can read it.',
      ],
      [
        'To see the password we can see `***REDACTED***` and I believe your app is trying to pass this to the server.',
        'masked-token',
        'The audit record shows "authorization": "Basic [REDACTED]" for every request.',
      ],
      // The mask first, then what was done with it, then the secret; and the secret replaced by the mask.
      [
        'Editing any field silently replaces the stored `client_secret` with the masked placeholder shown in the form.',
        'masked-token',
        'Editing any field keeps the stored `client_secret`; the form only shows the masked placeholder.',
      ],
      [
        'The masked value was written back over the real secret on every save.',
        'masked-token',
        'The masked value is shown instead of the real secret on the settings page.',
      ],
      // A doc's stand-in variable in the header that was sent, against a real shell variable.
      [
        'curl https://api.example.com/ping -H "Authorization: Bearer $your_access_token"\n{"errors":[{"status":"401"}]}',
        'placeholder-token',
        'export TOKEN=f3a9c1d27b84e6a0\ncurl https://api.example.com/ping -H "Authorization: Bearer $TOKEN"\n{"errors":[{"status":"401"}]}',
      ],
      [
        'Got 401 with my token. Did you replace `$your_access_token` with your access token?',
        'placeholder-token',
        'Got 401 with my token. Did you regenerate the token after rotating the key?',
      ],
      // The scheme seen absent in what went out, in bold, against a key that goes in front of a name.
      [
        'Looking at the query sent in the dev tools we can see the missing **Bearer** key in front :)',
        'missing-bearer-prefix',
        'Looking at the query sent in the dev tools we can see the **Bearer** key in front :)',
      ],
      [
        'fix issue with "Bearer" being removed from the header',
        'missing-bearer-prefix',
        'fix issue with "Bearer" being shown twice in the docs',
      ],
      ['调用返回401，大概是缺少了Bearer前缀的缘故', 'missing-bearer-prefix', '调用返回401，Bearer前缀是对的'],
      // A fix that puts the scheme in now, against one that adds something else.
      ['Now includes the Bearer prefix for every token.', 'missing-bearer-prefix', 'Now includes the token in every request.'],
      ['Prefix auth token with Bearer.', 'missing-bearer-prefix', 'Prefix the log line with the date.'],
      // A tool that leaves the word out and a call that fails, against a checklist's question.
      [
        'The editor does not add the word "Bearer" after the header name, so every call fails.',
        'missing-bearer-prefix',
        'Checklist for 401s:\n- No “Bearer” prefix in Authorization header? → add it',
      ],
      // A token sent without the scheme, against a question asked without its mark ("… or not").
      [
        'Every call failed with 401: I sent the token without the Bearer prefix in the header.',
        'missing-bearer-prefix',
        'Question: Without Bearer before the token in the header in aws-amplify-react-native the request works or not (no 401 error)',
      ],
      // A mask posted back over the key, against a masked input shown as a feature.
      [
        'Connector keys are masked in settings responses, so posting the response back stores the mask and calls fail with 401.',
        'masked-token',
        'Show saved API keys as a masked input: focusing the field clears the mask so a new key can be typed.',
      ],
      // A request to mask a key in the UI, against a mask that was saved back.
      [
        'After saving, the key field holds ******** and every call fails with 401.',
        'masked-token',
        'Please add an option to mask the key after saving; it should be hidden (e.g. replaced by asterisks) so others cannot copy it, or calls fail with 401 when it leaks.',
      ],
      // A scheme-less JWT shown as what was sent, against the same line under "like this:" in a guide.
      [
        'We get 401 on every call. The logged request shows\nAuthorization: eyJhbGciOiJIUzI1NiI...\nso the prefix never made it.',
        'missing-bearer-prefix',
        'A valid header looks like Bearer plus the token. If you send only the token body, like this:\n\nAuthorization: eyJhbGciOiJIUzI1NiI...\n\nthe server answers 401.',
      ],
    ];
    it.each(PAIRS)('%j → %s, its trap → nothing', (told, problem, trap) => {
      expect(problemsIn(told)).toContain(problem);
      expect(problemsIn(trap)).toEqual([]);
    });

    it('reads a list of common causes, in any language, as no report', () => {
      expect(problemsIn('よくある原因:\n認証情報の形式が違う(例: Bearer が抜けているなど)。')).toEqual([]);
      expect(problemsIn('常见原因：格式不对，比如没有加 Bearer 等等。')).toEqual([]);
      expect(problemsIn('トークンの前に Bearer が抜けていたので 401 でした。')).toEqual(['missing-bearer-prefix']);
    });

    it('takes a server that works with and without the scheme, or that chokes on it, as no missing Bearer', () => {
      expect(problemsIn('Der Header funktioniert jetzt sowohl mit als auch ohne "Bearer " vor dem Token.')).toEqual([]);
      expect(problemsIn('We had issues with the Bearer keyword in the library, so the token is sent alone (no Bearer keyword).')).toEqual(
        [],
      );
      expect(problemsIn('The token went out with no Bearer keyword and the API answered 401.')).toEqual(['missing-bearer-prefix']);
    });

    it('reads a rule or a cause stated in general as no report', () => {
      // The generic client or request as subject, what will or can happen, a condition.
      expect(problemsIn('Requests that send a bare token without the Bearer prefix will be rejected.')).toEqual([]);
      expect(
        problemsIn(
          'This can happen for simple reasons like a typo in the header name (Authorisation vs. Authorization) or forgetting to include the "Bearer" prefix.',
        ),
      ).toEqual([]);
      expect(problemsIn('If the Bearer prefix is missing, the server answers 401.')).toEqual([]);
      // The same words told of what happened.
      expect(problemsIn('Our client sent the token without the Bearer prefix and got 401.')).toEqual(['missing-bearer-prefix']);
    });

    it('reads an error catalogue or a troubleshooting page as no report', () => {
      const page =
        "401 Unauthorized: Authorization header missing 'Bearer' prefix\n\nRoot Cause\n\nThe token went out without the Bearer prefix.";
      expect(problemsIn(page)).toEqual([]);
      expect(problemsIn(page.replace('Root Cause', 'What I saw'))).toEqual(['missing-bearer-prefix']);
    });

    it('reads a short doc snippet that shows where the key goes as an example', () => {
      const doc = 'Your signing key can be found in Settings. We will POST with the following header:\nAuthorization: Bearer SIGNING_KEY';
      expect(problemsIn(doc)).toEqual([]);
      expect(problemsIn('Authorization: Bearer YOUR_API_KEY')).toEqual(['placeholder-token']);
    });
  });

  it('never copies a value into the excerpt of an echoed credential', () => {
    const [finding] = detectCredentialSentences('Incorrect API key provided: your-secret-key-here');
    expect(finding?.excerpt).toBe('Incorrect API key provided: (placeholder)');
  });
});

describe('a header shown, then corrected to Bearer', () => {
  const shown = ['Every request gets 401:', 'fetch(url, { headers: { Authorization: "token: abc123def456" } })'];

  it('is a missing Bearer when a reply says it should be Bearer', () => {
    expect(
      problemsIn([...shown, 'maintainer · comment', 'The header should be', '```', 'Authorization: Bearer abc123def456', '```'].join('\n')),
    ).toContain('missing-bearer-prefix');
    expect(problemsIn('Docs fix: it should be `Authorization: Bearer KEY`, not `Authorization: KEY`.')).toContain('missing-bearer-prefix');
  });

  it('is not when the reply says the scheme must be something else, or nothing was shown', () => {
    expect(problemsIn([...shown, 'The prefix must be `token`, not Bearer.'].join('\n'))).not.toContain('missing-bearer-prefix');
    expect(
      problemsIn(
        [
          '{"statusCode": 400, "message": "Bad HTTP authentication header format"}',
          'Your Authorization header should be Bearer <token>',
        ].join('\n'),
      ),
    ).not.toContain('missing-bearer-prefix');
  });
});

describe('a quoted header inside a longer text', () => {
  const docs = [
    'Each request must carry this header:',
    'Authorization: Bearer <token>',
    'Replace <token> with the key from your dashboard.',
    'Requests without it are answered with HTTP 401.',
  ].join('\n');

  it('is an example in documentation', () => {
    expect(problemsIn(docs)).not.toContain('placeholder-token');
  });

  it('is a mistake in a short paste', () => {
    expect(problemsIn('Authorization: Bearer <token>')).toContain('placeholder-token');
  });

  it('keeps ### in any text: the copy artefact of a duplicated Klaviyo webhook', () => {
    const report = [
      'Our webhook stopped working after we duplicated it.',
      'Authorization: Bearer ###',
      'It fails with 403.',
      'Any idea?',
      'Thanks',
    ].join('\n');
    expect(problemsIn(report)).toContain('masked-token');
  });

  // Issue 8 counts a reporter's own blank where the key went (`Bearer [API_KEY]`, `<pat-…>`).
  it("takes `<my key>` in a longer text as a stand-in, though it is the writer's own blank", () => {
    const report = ['It fails with 401 whatever I try.', 'My headers:', 'Content-Type: application/json', 'x-api-key: <my key>'].join('\n');
    expect(problemsIn(report)).toContain('placeholder-token');
  });

  it('takes a header stated as a format (should be, as such:, a Correct heading, a comment) as no value sent', () => {
    const shapes = [
      ['Every call fails with 401.', "Your Authorization header should be 'Bearer <token>'"],
      ['If authorization fails, the server returns 401.', 'Set the header as such:', '', 'Authorization: Bearer ACCESS_TOKEN'],
      ['Plain tokens will fail.', '# Correct', 'Authorization: Bearer my_secret_token'],
      ['logger.warn("Unauthorized webhook attempt", {', '  headers: req.headers, // logs Authorization: Bearer <SECRET>', '});'],
      ['I get 403 with a wrong token.', 'The header is something like `Authorization: Token 9af2a…60a22`.'],
      [
        'The token is invalid (401).',
        'Include a valid API token using the Bearer scheme:',
        'curl -X POST https://api.example.com/v1/events \\',
        '-H "Authorization: Bearer <your_token>"',
      ],
    ];
    for (const lines of shapes) expect(problemsIn(lines.join('\n')), lines.join(' / ')).toEqual([]);
  });

  it('takes a template tag shown as configured as one that renders when sent', () => {
    const report = ['My webhook answers 401.', 'headers:', '  "Authorization": "{{api_key}}"', 'What is wrong?'].join('\n');
    expect(problemsIn(report)).not.toContain('placeholder-token');
  });

  it('takes the same tag on a log line of what arrived as one that went out unrendered', () => {
    const report = [
      'Header set to:',
      '"Authorization": "Bearer {{$vars.apiToken}}"',
      'and my server logs:',
      '2025-03-01 10:00:00,001 INFO auth header received: Bearer {{ $vars.apiToken }}',
      'then 401',
    ].join('\n');
    expect(problemsIn(report)).toContain('placeholder-token');
  });

  it("never takes a login body's password for a credential header", () => {
    const report = [
      'curl -X POST http://localhost/login -d {"email":"a@b.c","password":"mypassword"}',
      'gives 400:',
      '{"message":"Unexpected token e in JSON at position 0"}',
    ].join('\n');
    expect(problemsIn(report)).not.toContain('placeholder-token');
  });

  it('takes a bare token as expected where the text says the receiver wants no scheme', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlX2hlcmVfMTIzNDU2';
    const expected = [
      'Our old server does not expect the Bearer prefix.',
      'Required header:',
      `Authorization: ${token}`,
      'Postman adds Bearer anyway.',
    ].join('\n');
    expect(problemsIn(expected)).not.toContain('missing-bearer-prefix');
    const report = ['Every call fails with 401.', 'Header sent:', `Authorization: ${token}`, 'Any idea?'].join('\n');
    expect(problemsIn(report)).toContain('missing-bearer-prefix');
  });

  /** A failing report that quotes one header line of its config. */
  const reportQuoting = (value: string): string[] =>
    problemsIn(['The call fails with 401 Invalid API key.', 'My config:', value, 'What am I missing?'].join('\n'));

  it.each(['"api_key": "API_KEY"', 'Authorization: Bearer my_api_key', 'Authorization: Bearer APIKEY', 'Authorization: Bearer changeme'])(
    "takes a key's generic name in a longer text as a stand-in: %s",
    (value) => expect(reportQuoting(value)).toContain('placeholder-token'),
  );

  it('takes a partly masked key in a longer text as one sent as is, though the writer may have hidden it', () => {
    const report = ['Our webhook fails.', 'Authorization: Bearer abcd****wxyz', 'It fails with 403.', 'Any idea?', 'Thanks'].join('\n');
    expect(problemsIn(report)).toContain('masked-token');
  });

  it.each(['Authorization: ••••••', 'X-Api-Key: ****', 'Authorization: eyJ0eXAiOiJKV1Qi...', 'authorization: JWT eyJhbGciOi…'])(
    "takes a whole value of mask characters, or a JWT cut at its end, in a longer text as a tool's display: %s",
    (value) => expect(reportQuoting(value)).not.toContain('masked-token'),
  );
});

describe('mistakes described in other words', () => {
  const CASES: Array<[string, string, string]> = [
    // [problem, a report of it, a trap in similar words]
    [
      'masked-token',
      'The test fails after saving: the password is replaced with Xs.',
      'In the list view the password is substituted with Xs, as it should be.',
    ],
    [
      'masked-token',
      'Since the api key gets substituted by dots, the connection check is broken.',
      'The key is substituted with the new one on rotation.',
    ],
    [
      'masked-token',
      'On the second save the plugin sends the displayed value in the token field instead of the real token.',
      'The page shows a displayed value for the token and keeps the real token on the server.',
    ],
    [
      'masked-token',
      'The API masks secrets such as the token on read, and our form posted them back unchanged.',
      'The API masks secrets such as the token on read; nothing else happens with them.',
    ],
    ['missing-bearer-prefix', 'fix: add bearer to the prefix of the access token', 'The bearer prefix of the token is documented below.'],
    [
      'missing-bearer-prefix',
      'Actual: there is no "Bearer" in the authorization header and the API answers 401.',
      'Actual: there is no bearer token in the response body.',
    ],
    ['missing-bearer-prefix', '헤더에 bearer prefix를 포함하지 않았음', '헤더에 bearer prefix를 포함했습니다'],
    [
      'placeholder-token',
      'The auth header setting ignores them: %apiToken% and ${apiToken} do not seem to work.',
      'The auth header setting takes %apiToken% and ${apiToken} and both work.',
    ],
  ];

  it.each(CASES)('%s: a report is found, a trap is not', (problem, report, trap) => {
    expect(problemsIn(report)).toContain(problem);
    expect(problemsIn(trap)).not.toContain(problem);
  });

  it('leaves a stand-in shown only in a header that holds no credential', () => {
    const other = 'Var <randomAgent> is not replaced.\nThe request is sent with `User-Agent: <randomAgent>` as is.';
    expect(problemsIn(other)).not.toContain('placeholder-token');
    const credential = 'Var <apiToken> is not replaced.\nThe request is sent with `Authorization: Bearer <apiToken>` as is.';
    expect(problemsIn(credential)).toContain('placeholder-token');
  });

  it('leaves the rows of a table of common mistakes', () => {
    const table = '| Auth | Most common mistake |\n|---|---|\n| Bearer token | Missing the Bearer prefix |';
    expect(problemsIn(table)).not.toContain('missing-bearer-prefix');
    const results = '| Request | Result |\n|---|---|\n| webhook | Missing the Bearer prefix |';
    expect(problemsIn(results)).toContain('missing-bearer-prefix');
  });
});

// The general shapes added from setup5 (creds7): each reads a structure, not one sentence, and each
// has a look-alike that must stay silent.
describe('told shapes of setup5, each with its trap', () => {
  const PAIRS: Array<[string, string, string]> = [
    // A scheme word, or a garbled spelling of Bearer, changed into Bearer.
    [
      'We fixed the auth header (the earer → Bearer change).',
      'missing-bearer-prefix',
      'The JWT -> Bearer mapping happens automatically in the gateway.',
    ],
    ['Renamed the scheme JWT -> Bearer to stop the 401s.', 'missing-bearer-prefix', 'The Bearer scheme is documented in RFC 6750.'],
    // An unset variable printed after the scheme.
    [
      'After the refactor every call sent `Bearer undefined` and got a 401.',
      'placeholder-token',
      'A missing token might show up as Bearer undefined.',
    ],
    [
      "The cause of the 401 was this header: {'Authorization': 'Bearer False'}",
      'placeholder-token',
      "The header was {'Authorization': 'Bearer 9f8e7d6c5b4a3210zyQpk'} and it got a 401.",
    ],
    // Substitution told as failing; variables that break a body are not about the credential.
    [
      'Variable substitution fails silently for the Authorization header.',
      'placeholder-token',
      'Multi-line string variables cause webhooks to fail.',
    ],
    // The real value works where the stand-in did not.
    [
      'When I paste the actual token into the field instead of the {{variable}} the request works.',
      'placeholder-token',
      'You may paste the actual token instead of the {{variable}} while testing.',
    ],
    // The mask characters themselves were kept.
    ['Not a bug after all: actual "*" were saved in the API key field.', 'masked-token', 'The API key field shows "*" while you type.'],
    // zh: the key carries the mask, which makes the call fail.
    ['测试模型连接传入的api-key带掩码导致测试失败', 'masked-token', '保存后api-key带掩码显示，更安全'],
    // A guard against writing the mask back, in any form of its verb.
    [
      'The save flow writes the masked values over the stored secrets.',
      'masked-token',
      'The save flow recognizes masked values and skips overwriting stored secrets.',
    ],
    // A default key that was a real key, since revoked, is no stand-in.
    [
      'It keeps using the default api key from the example config and gets 401.',
      'placeholder-token',
      "You're using the default key which I left in by accident; I already revoked it.",
    ],
  ];
  it.each(PAIRS)('%j → %s, its trap → nothing', (told, problem, trap) => {
    expect(problemsIn(told)).toContain(problem);
    expect(problemsIn(trap)).toEqual([]);
  });
});

describe('a header shown without a scheme, then with Bearer', () => {
  it('reads the pair as a correction in any language', () => {
    expect(problemsIn('Daarom moet `Authorization: <jwt>` omgezet worden naar `Authorization: Bearer <jwt>`')).toEqual([
      'missing-bearer-prefix',
    ]);
  });

  it('reads a code change from a bare variable to Bearer plus the variable', () => {
    const text = [
      'GET /api/auth/sessions 401 (Unauthorized). If I modify line 73 from:',
      '```',
      'headers: {',
      '  Authorization: `${auth.accessToken}`,',
      '}',
      '```',
      'to',
      '```',
      'headers: {',
      '  Authorization: `Bearer ${auth.accessToken}`,',
      '}',
      '```',
      'the page loads.',
    ].join('\n');
    expect(problemsIn(text)).toEqual(['missing-bearer-prefix']);
  });

  it('does not read a list of accepted forms as a correction', () => {
    const text =
      'Token validation succeeds in these cases:\n\n1. Authorization: <TOKEN>\n2. Authorization: Bearer <TOKEN>\n3. Authorization: something <TOKEN>';
    expect(problemsIn(text)).toEqual([]);
  });

  it('does not read a header that lost Bearer (the reverse order) as one that needs it', () => {
    const text = 'The proxy changed `Authorization: Bearer <token>` to `Authorization: <token>` on the way.';
    expect(problemsIn(text)).not.toContain('missing-bearer-prefix');
  });
});

describe('values that code builds when it runs', () => {
  it('does not call a template literal or an f-string a placeholder', () => {
    expect(problemsIn('The client sends 401s.\n\nheaders: {\n  Authorization: `Bearer ${auth.accessToken}`,\n}')).toEqual([]);
    expect(problemsIn('It fails with 401:\nheaders = {\n  "Authorization": f"Bearer {token}",\n}')).toEqual([]);
  });

  it('still reads a template tag typed into a header line', () => {
    expect(problemsIn('Authorization: Bearer {{ token }}\nHTTP/1.1 401 Unauthorized')).toContain('placeholder-token');
  });
});

describe('the compiled sentences stay small enough for V8 to optimize', () => {
  // Past 20 KB of source V8 stops optimizing a regex: the masked-token sentences ran 20 times
  // slower on a key full of stars when they crossed it.
  it.each(Object.entries(TOLD_SENTENCES))('%s', (_problem, regexes) => {
    for (const regex of regexes) expect(regex.source.length).toBeLessThanOrEqual(MAX_REGEX_SOURCE);
  });
});

describe('a mask of thousands of characters', () => {
  // Each run is taken whole, so these answer at once; a run that could start or end anywhere
  // made each of them take seconds to tens of seconds.
  const run = (char: string): string => char.repeat(4000);
  it('is still read as a mask that was saved, whatever its character', () => {
    for (const char of ['*', '•', '#'])
      expect(problemsIn(`After re-saving, the API key is stored as ${run(char)} and every call fails with 401.`), char).toContain(
        'masked-token',
      );
  });
  it('is not a mistake when nothing says it was kept', () => {
    expect(problemsIn(`the token is sk_${run('*')}9f and the key shows ${run('*')}`)).toEqual([]);
    expect(problemsIn(`{"api_key": "${run('*')}"}`)).toEqual([]);
  });
});

describe('the excerpt of a sentence read around a header line', () => {
  it('never shows the header value (found by the secrets fuzz property)', () => {
    const token = 'aaaaaaaaaaaaaDrfn60S';
    const findings = detectCredentialSentences(`••• Authorization: ${token} token=403`);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.excerpt).not.toContain(token.slice(0, 8));
  });
});

describe('Bearer added in the Authorization header, told as a fix', () => {
  it('is the missing scheme only when the header is named, not a token that already had it', () => {
    expect(problemsIn('Small fix, to add Bearer in the Authorization header.')).toContain('missing-bearer-prefix');
    expect(problemsIn('The error was: the application prepends "Bearer" in JWT token and passport-jwt was expecting "JWT".')).toEqual([]);
  });
});

describe('a mask told through what it did', () => {
  it.each([
    'It shows `Authentication failed. Check the API key above`. I notice the API key is "dotted out" in the edit form.',
    'When you import that step again, the importer thinks that `*****` is the actual secret, and the S3 step fails.',
    'When I enter my API key it gets the green tick, then reverts back to a smaller number (all stars) and says it is not a valid API key.',
  ])('is a masked token sent: %s', (text) => expect(problemsIn(text)).toContain('masked-token'));

  it('is nothing when the stars are not a credential', () => {
    expect(problemsIn('The rating widget reverts to all stars after a refresh and the page fails to load.')).toEqual([]);
  });
});

describe('a single-quoted curl header with a variable (setup12)', () => {
  const curl = "curl -X 'GET' \\\n'https://$API_URL/tickets/tickets' \\\n-H 'Authorization: Bearer $API_KEY'";
  it("is a page's example where no writer speaks and nothing failed", () => {
    expect(problemsIn(`| Field | Description |\n$API_KEY | The API key of the consumer |\n${curl}`)).toEqual([]);
  });
  it('is a stand-in sent as written when a writer shows it', () => {
    expect(problemsIn(`The copy as curl function gives me this, so i cannot simply copy and use it:\n${curl}`)).toContain(
      'placeholder-token',
    );
  });
});

describe("a reply's example in a code block (setup12)", () => {
  const reply = (intro: string): string =>
    [
      'Still getting 401 Unauthorized.',
      intro,
      '```',
      'Template.build(template, {',
      '  ...',
      "  apiKey: 'your-api-key', // Override API key",
      '})',
      '```',
    ].join('\n');
  it('is the reader\'s blank after "you can also specify it directly:"', () => {
    expect(problemsIn(reply('If none of this works, you can also specify the API Key directly:'))).not.toContain('placeholder-token');
  });
  it('is a stand-in left in when the writer shows their own code', () => {
    expect(problemsIn(reply('This is the code I run:'))).toContain('placeholder-token');
  });
});

describe('German "fehlt" after Bearer (setup12)', () => {
  it('is a sentence when the word stands alone, and never a piece of a token', () => {
    expect(problemsIn('Der Bearer-Präfix fehlt im Authorization-Header, daher 401.')).toContain('missing-bearer-prefix');
    expect(detectCredentialProblems('\nAuthorization: Bearer aaaaaaaafehltaaaaa47\n')).toEqual([]);
  });
});

describe('a scheme left out or followed by a colon, told in words', () => {
  it('hears a scheme left out with a negated verb', () => {
    expect(problemsIn('Login works, but our client is not prepending Bearer to the calls after it, so they fail.')).toEqual([
      'missing-bearer-prefix',
    ]);
    // "Bearer token" names the credential, not the scheme word: nothing is told missing.
    expect(problemsIn('We are not sending Bearer tokens to the public endpoints at all.')).toEqual([]);
    // A rule stated for whoever reads it.
    expect(problemsIn('If you do not add Bearer before the key, the API answers 401.')).toEqual([]);
    // An instruction opening its sentence.
    expect(problemsIn('Do not include Bearer in the key field.')).toEqual([]);
    expect(problemsIn('Setup. Never send Bearer with this key.')).toEqual([]);
    expect(problemsIn('Note: please do not add Bearer before the key.')).toEqual([]);
  });

  it('hears a colon after the scheme in an issue about a run', () => {
    const issue = [
      'My requests started failing with 401 after the upgrade.',
      '',
      'dev42 · comment · 2024-05-01',
      'Found it: I had a colon after Bearer in the header value. Removed it and it works.',
    ].join('\n');
    expect(problemsIn(issue)).toEqual(['missing-bearer-prefix']);
  });

  // LABELS.md, session 22: a fix that says the code sent `Bearer:` reports requests that ran.
  it('hears a fix that removes the colon the code sent after the scheme', () => {
    expect(problemsIn('fix: header format\nThe old value had an extra colon after "Bearer"; changed to match RFC 6750.')).toEqual([
      'missing-bearer-prefix',
    ]);
    expect(problemsIn('- Drop the colon following "Bearer" in the `Authorization` header.')).toEqual(['missing-bearer-prefix']);
  });

  it('leaves alone a rule about the colon that tells of no header sent', () => {
    expect(problemsIn('The header is Bearer followed by a space. Do not add a colon after Bearer.')).toEqual([]);
  });

  it('hears the space after the scheme told missing, and not a space told present', () => {
    expect(problemsIn('# Update auth.js\n\nFixed space character issue missing in the bearer token header')).toEqual([
      'missing-bearer-prefix',
    ]);
    expect(problemsIn('Include the trailing space in the checks for the Bearer prefix.')).toEqual([]);
  });
});
