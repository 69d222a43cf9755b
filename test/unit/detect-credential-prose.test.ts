import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential';
import { detectCredentialSentences, mistakesInText } from '../../src/engine/detect/credential-prose';

const problemsIn = (text: string): string[] => detectCredentialProblems(text).map((finding) => finding.problem ?? '');

describe('credential mistakes told in sentences', () => {
  const TOLD: Array<[string, string]> = [
    ['An Authorization header that is missing the Bearer prefix gets a 401.', 'missing-bearer-prefix'],
    ["Fixed it: I forgot to add 'Bearer ' before the token.", 'missing-bearer-prefix'],
    ['The Bearer prefix was missing from the header.', 'missing-bearer-prefix'],
    ['fix: add Bearer prefix to Authorization header', 'missing-bearer-prefix'],
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
  ];
  it.each(NOT_TOLD)('%j → nothing', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('never copies a value into the excerpt of an echoed credential', () => {
    const [finding] = detectCredentialSentences('Incorrect API key provided: your-secret-key-here');
    expect(finding?.excerpt).toBe('Incorrect API key provided: (placeholder)');
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
    const report = ['Our webhook stopped working after we duplicated it.', 'Authorization: Bearer ###', 'It fails with 403.', 'Any idea?', 'Thanks'].join('\n');
    expect(problemsIn(report)).toContain('masked-token');
  });

  it('takes other masks in a longer text as the writer hiding their key', () => {
    const report = ['Our webhook fails.', 'Authorization: Bearer abcd****wxyz', 'It fails with 403.', 'Any idea?', 'Thanks'].join('\n');
    expect(problemsIn(report)).not.toContain('masked-token');
    const finding = { kind: 'credential' as const, code: null, problem: 'masked-token', start: 0, end: 1, excerpt: 'Bearer abcd…' };
    expect(mistakesInText([finding], report)).toEqual([]);
  });
});
