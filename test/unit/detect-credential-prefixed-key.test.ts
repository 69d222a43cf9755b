// Keys known by their vendor's prefix wherever they stand, and stand-ins a receiver echoes back
// (setup12). Keys here are made up of the right shape.
import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { prefixedKeyMasks } from '../../src/engine/detect/credential/credential-prefixed-key';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');
const report = (line: string): string => ['Every call fails with 401 Unauthorized.', line].join('\n');

describe('a prefixed key masked by its writer, outside any header or field', () => {
  it.each([
    ['an x-run inside the key', 'Why the API I entered is sk-7lsbKRxxxxxxxxxxxxxWsRl2, but this error pops up'],
    ['dots inside the key', 'I pass ghp_ab12........9xQz to the client'],
    ['the rest described in words', 'slack_token = os.environ.get("xoxb-THE_REST_OF_AUTH_IS_HERE")'],
  ])('finds %s', (_shape, line) => {
    expect(problemsIn(report(line))).toContain('masked-token');
  });

  it.each([
    ['a prefix and an ellipsis naming the shape', 'does the token start with `xoxp-...`?'],
    ['a key shown cut at its end', '**API key**: `sk-proj-VP3bsGv...`'],
    ["a receiver's echo of the key it got", 'Incorrect API key provided: sk-ab12****************************yz89.'],
    ["a tool's full-length display", 'Every time the key is `sk-8uKxH***************************************MvFD`'],
    ['a whole real-looking key', 'const key = "sk-proj-9fK2mQ7xL0pR4tV8wZ1b"'],
  ])('leaves alone %s', (_shape, line) => {
    expect(prefixedKeyMasks(line)).toEqual([]);
  });

  it('shows no more of the key than a preview', () => {
    const [finding] = prefixedKeyMasks('I entered sk-7lsbKRxxxxxxxxxxxxxWsRl2 and it failed');
    expect(finding?.excerpt).not.toContain('7lsbKR');
    expect(finding?.excerpt).not.toContain('WsRl2');
  });
});

describe('a key redacted by a word at its end', () => {
  it('is a masked key in a header', () => {
    const line = 'curl -H "Authorization: Bearer gcthyhtdhffqmthrrroRedactedToken" https://app.example.com/api/v5/alias';
    expect(problemsIn(report(line))).toContain('masked-token');
  });
});

describe('a stand-in the receiver echoes back (its config held the words, not a key)', () => {
  it.each([
    [
      'a name in small letters',
      "Error code: 401 - {'error': {'message': 'Incorrect API key provided: openai_key. You can find your API key'",
    ],
    ['a greeting', '401 Incorrect API key provided: hello. You can find your API key at https://platform.openai.com'],
    ["a variable's name with the receiver's mask inside", "'message': 'Incorrect API key provided: OPENAI_A**_KEY. You can find'"],
    ["the field's title, after the vendor's name", 'Invalid MailChimp API key: MailChimp API Key (104)'],
  ])('finds %s', (_shape, line) => {
    expect(problemsIn(line)).toContain('placeholder-token');
  });

  it.each([
    ['a masked real key', 'Incorrect API key provided: sk-abcd****. You can find your API key'],
    ['a value never set', 'Incorrect API key provided: undefined. You can find your API key'],
    ['a wrong value typed by hand', "exception 'Mailchimp_Invalid_ApiKey' with message 'Invalid MailChimp API key: fhhgg'"],
    ['a sentence about the key', 'ERR Invalid API token: API token length must be between 16 and 128'],
  ])('leaves alone %s', (_shape, line) => {
    expect(problemsIn(line)).not.toContain('placeholder-token');
  });
});

describe('a name in camelCase words sent as a header value', () => {
  it('is a stand-in in a header, not in a data field', () => {
    const header = 'curl -H "Authorization: Basic base64EncodedCredentials" https://x.example/api\n401 Unauthorized';
    expect(problemsIn(header)).toContain('placeholder-token');
    const data = 'The request failed with 400: conditions=[{"key": "generatorPublicKey", "condition": "eq"}]';
    expect(problemsIn(data)).not.toContain('placeholder-token');
  });
});

describe('setup9 shapes: dash masks, numbered phrases, inline env, parameter names', () => {
  it('takes a run of dashes after a real start for a mask', () => {
    const line =
      'string apiKey = Environment.GetEnvironmentVariable("SG.I8A8H2M_Th2Jityj55aQPA.99QCQD89cJ7TeAV_zynaV8cdUnErQkbKB----------X")';
    expect(problemsIn(report(line))).toContain('masked-token');
  });

  it('takes a phrase with a number in it, and x-runs split by slashes, for stand-ins', () => {
    expect(problemsIn(report('curl -X POST "http://evolution_api:8080/instance/create" -H "apikey: MySecretKey123"'))).toContain(
      'placeholder-token',
    );
    const logged = report('2019-07-01 10:00:00 INFO Sending alert to https://hooks.example.com/incoming?token=xxx/xxx/xxx');
    expect(problemsIn(logged)).toContain('placeholder-token');
  });

  it("reads a service token's variable set before a command at a shell prompt", () => {
    const run = ['$ GITHUB_TOKEN=foo gh api repos/fastai/nbdev', '{"message": "Bad credentials"}', 'gh: Bad credentials (HTTP 401)'].join(
      '\n',
    );
    expect(problemsIn(run)).toContain('placeholder-token');
  });

  it("leaves a parameter's name passed beside the variable that holds the key", () => {
    const code = "I was working with `setApiKey('api_token', my_key_token)` and now I'm getting \"401 Unauthorized\" errors.";
    expect(problemsIn(code)).not.toContain('placeholder-token');
  });
});

describe("a vendor's prefix and x's passed as a string", () => {
  it.each(["new \\SendGrid(getenv('SG.XXXXXXXXXXXXXXXX.XXXXXXXXXX'))", "const sg = new SendGrid('SG.xxxxxxxxxxxx');"])(
    'finds %s',
    (code) => {
      expect(problemsIn(report(code))).toContain('placeholder-token');
    },
  );
  it.each([
    ['a format told in prose', 'The key must look like Bearer sk-xxxxx, not just sk-xxxxx.'],
    ['a real key', "const stripe = new Stripe('sk_test_4eC39HqLyjWDarjtT1zdp7dc');"],
  ])('leaves alone %s', (_shape, text) => {
    expect(problemsIn(report(text))).not.toContain('placeholder-token');
  });
});
