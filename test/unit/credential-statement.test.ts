import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { detectCredentialStatements } from '../../src/engine/detect/credential/credential-statement';
import { ranADocExample } from '../../src/engine/detect/credential/credential-register';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');
const statedIn = (text: string): string[] => detectCredentialStatements(text).map((finding) => finding.problem ?? '');

describe('credential mistakes stated by whoever made or fixed them', () => {
  const STATED: Array<[string, string]> = [
    // The scheme named as the header's prefix, left out.
    ['Getting 401 from the API.\nSorry, I missed to set Header Prefix in the client. Bearer it is.', 'missing-bearer-prefix'],
    ['The request went out missing the auth scheme; our Bearer token was sent bare.', 'missing-bearer-prefix'],
    // The fix that worked.
    ["Set 'Bearer' at Header prefix and it works properly.", 'missing-bearer-prefix'],
    ['We added Bearer in the token field, and now it works.', 'missing-bearer-prefix'],
    // Another scheme where Bearer belongs.
    ['Looks to be because that client uses `Token` instead of `Bearer`.', 'missing-bearer-prefix'],
    ['our SDK was sending JWT instead of Bearer', 'missing-bearer-prefix'],
    // A stripped token sent on.
    ['The Feign client forwards that raw token as the `Authorization` header and gets 401.', 'missing-bearer-prefix'],
    ['The request is missing the Bearer schema, so the server answers 401.', 'missing-bearer-prefix'],
    // A masked value that went out.
    ['Fix for sending a masked value in the `Authorization` header.', 'masked-token'],
    ['The masked value was then sent to the server in place of the original value.', 'masked-token'],
    ['The importer took ***** as the client secret and every sync fails.', 'masked-token'],
    ['The key is dotted out in the edit form and that value is used for the test request.', 'masked-token'],
    // Stand-ins that went out.
    ["401 Forbidden from Mailgun. console.log(mg.client):\nrequest: {\n  username: 'api',\n  key: 'MAILGUN_API_KEY',\n}", 'placeholder-token'],
    ['In provider.json the credentials are overwritten with "YOUR_ACCESS_KEY_ID" on export; after import the token is invalid.', 'placeholder-token'],
    ['# Headers and Auth not interpolating collection variables', 'placeholder-token'],
    ['Placing the actual value instead of a variable fixed my authentication problems.', 'placeholder-token'],
    ['I use {{token}} for my token. It is not filled in, it\'s sending:\n```\nRequest Headers:\n{\n  "Authorization": "Bearer {{token', 'placeholder-token'],
  ];
  it.each(STATED)('%j → %s', (text, problem) => {
    expect(problemsIn(text)).toContain(problem);
  });

  const TRAPS: string[] = [
    // A server that strips the scheme to read the token: what it is meant to do.
    'The middleware strips the Bearer prefix and verifies the token.',
    // Prefixes that are not the auth scheme's.
    'The URL is missing the route prefix, so every call is a 404.',
    // The masking feature: the mask goes to the dashboard, not to a receiver.
    'Solution: the backend will now send masked values to the dashboard; users cannot update them directly.',
    // A guard against the mistake.
    'This change prevents sending the masked value in the Authorization header.',
    // A writer's own blank for their key, and a name that only says what kind of secret it is.
    'Authorization fails with 401. My config: "api_key": "API_KEY"',
    "Getting 401. const client = new Client({ key: 'MY_API_KEY' })",
    // A variable's name in docs about configuring it, with no failure.
    "Set apiKey: 'OPENAI_API_KEY' in the config to name the variable the key is read from.",
    // Variables not rendered in an email body: nothing about a credential.
    'The newsletter template is not rendering the merge variables in the footer.',
    // Which scheme to choose, asked, not a client that sent the wrong one.
    'Should I use Basic or Bearer for this API?',
  ];
  it.each(TRAPS)('finds no stated mistake in %j', (text) => {
    expect(statedIn(text)).toEqual([]);
  });
});

describe('a doc example run as it stood', () => {
  it('is a report when the writer tells what they ran and what came back', () => {
    const text = "# what is the mean in the example?\nwhen i execute the command\ncurl -H 'X-Auth-Token: put_token_here' https://localhost/api/v1/webhooks/sample\ni got the results: \"faultstring\": \"Unauthorized\"";
    expect(ranADocExample(text)).toBe(true);
    expect(problemsIn(text)).toContain('placeholder-token');
  });

  it('is still a doc when nobody ran it', () => {
    const text = "For example, send the header:\ncurl -H 'X-Auth-Token: put_token_here' https://localhost/api/v1/webhooks/sample\nA wrong token gets 401 Unauthorized.";
    expect(ranADocExample(text)).toBe(false);
    expect(problemsIn(text)).not.toContain('placeholder-token');
  });
});
