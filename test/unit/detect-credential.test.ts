import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCredentialValue, detectCredentialProblems, redactSecret } from '../../src/engine/detect/credential/credential';
import { isMisspeltAuthorization } from '../../src/engine/detect/credential/credential-scan';
import type { Finding } from '../../src/engine/types';
import { leakedPieces } from '../fuzz/vocabulary';

// Secrets used in the tables: none of them, nor any 8-character piece, may reach a finding.
const TOKEN = 'pk9f8e7d6c5b4a3210zyQ';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIzNDU2';
const BASIC_OK = btoa('mailer:s3cretPassw0rd');
const BASIC_NO_COLON = btoa('mailers3cretPassw0rd');
const SECRETS = [TOKEN, JWT, BASIC_OK, BASIC_NO_COLON, 'abc123def456ghi789jkl'];

function problems(findings: Finding[]): string[] {
  return findings.map((f) => f.problem ?? '').sort();
}

function visibleText(findings: Finding[]): string {
  return findings.map((f) => `${f.excerpt}\n${f.detail?.reason ?? ''}\n${JSON.stringify(f)}`).join('\n');
}

function expectNoSecret(findings: Finding[]): void {
  const output = visibleText(findings);
  for (const secret of SECRETS) expect(leakedPieces(secret, output)).toEqual([]);
}

describe('checkCredentialValue: values typed in an editor field', () => {
  it.each<[string, string, string, string[]]>([
    // valid values: no findings
    ['Bearer token', `Bearer ${TOKEN}`, 'Authorization', []],
    ['lowercase scheme (schemes are case-insensitive)', `bearer ${TOKEN}`, 'Authorization', []],
    ['Bearer with a JWT', `Bearer ${JWT}`, 'Authorization', []],
    ['Basic user:password', `Basic ${BASIC_OK}`, 'Authorization', []],
    ['Klaviyo private key', `Klaviyo-API-Key ${TOKEN}`, 'Authorization', []],
    ['Token scheme', `Token ${TOKEN}`, 'Authorization', []],
    ['ApiKey scheme', `ApiKey ${TOKEN}`, 'Authorization', []],
    ['Api-Key scheme', `Api-Key ${TOKEN}`, 'Authorization', []],
    ['header name in lower case', `Bearer ${TOKEN}`, 'authorization', []],
    ['Proxy-Authorization', `Bearer ${TOKEN}`, 'Proxy-Authorization', []],
    ['bare key in X-Api-Key', TOKEN, 'X-Api-Key', []],
    ['Braze content block reference', 'Bearer {{content_blocks.${poplar_token}}}', 'Authorization', []],
    ['Digest parameters keep their quotes', 'Digest username="mailer", realm="api"', 'Authorization', []],
    ['empty X-Api-Key is left to the form', '', 'X-Api-Key', []],
    // masked
    ['Klaviyo duplicate artifact', 'Bearer ###', 'Authorization', ['masked-token']],
    ['hashes alone', '###', 'Authorization', ['masked-token']],
    ['asterisks', 'Bearer ****', 'Authorization', ['masked-token']],
    ['bullets', 'Bearer •••••', 'Authorization', ['masked-token']],
    ['real characters before an x-run', 'Bearer ab12cd34ef56xxxxxx', 'Authorization', ['masked-token']],
    ['partially masked', 'Bearer ab12****89', 'Authorization', ['masked-token']],
    ['copied preview with an ellipsis', 'Bearer pk9f…yQ', 'Authorization', ['masked-token']],
    ['typed [hidden]', 'Bearer [hidden]', 'Authorization', ['masked-token']],
    // A redaction word the writer typed is a stand-in word (LABELS.md, session 22), not a mask.
    ['typed <redacted>', '<redacted>', 'Authorization', ['placeholder-token']],
    ['masked X-Api-Key', '****', 'X-Api-Key', ['masked-token']],
    // placeholders (a run of x is typed in place of the value, as a word is)
    ['XXXX', 'XXXX', 'Authorization', ['placeholder-token']],
    ['xxxxxxxx after the scheme', 'Bearer xxxxxxxx', 'Authorization', ['placeholder-token']],
    ['x-runs after a vendor prefix', 'Bearer sk_live_XXXXXXXX', 'Authorization', ['placeholder-token']],
    ['<token>', '<token>', 'Authorization', ['placeholder-token']],
    ['<YOUR_TOKEN> after Bearer', 'Bearer <YOUR_TOKEN>', 'Authorization', ['placeholder-token']],
    ['Liquid tag with spaces', 'Bearer {{ api_key }}', 'Authorization', ['placeholder-token']],
    ['Liquid tag without spaces', '{{api_key}}', 'Authorization', ['placeholder-token']],
    // A variable named as a doc's blank, in shell or batch syntax; a real variable's name is not one.
    ['shell variable named as a blank', 'Bearer $your_access_token', 'Authorization', ['placeholder-token']],
    ['batch variable named as a blank', 'Bearer %YOUR_API_TOKEN%', 'Authorization', ['placeholder-token']],
    ['PowerShell variable named as a blank', '$env:insert_key_here', 'X-Api-Key', ['placeholder-token']],
    ['Liquid control tag', 'Bearer {% api_key %}', 'Authorization', ['placeholder-token']],
    ['shell variable', 'Bearer ${TOKEN}', 'Authorization', ['placeholder-token']],
    ['YOUR_API_KEY', 'YOUR_API_KEY', 'X-Api-Key', ['placeholder-token']],
    ['your-token-here', 'Bearer your-token-here', 'Authorization', ['placeholder-token']],
    ['[TOKEN]', 'Bearer [TOKEN]', 'Authorization', ['placeholder-token']],
    ['INSERT_TOKEN', 'Bearer INSERT_TOKEN', 'Authorization', ['placeholder-token']],
    ['API_KEY_HERE', 'API_KEY_HERE', 'X-Api-Key', ['placeholder-token']],
    ['Poplar doc wording', 'Bearer testorproductiontoken', 'Authorization', ['placeholder-token']],
    ['the word token', 'Bearer token', 'Authorization', ['placeholder-token']],
    // Key generators write ASCII: letters of another script name the value in the writer's language.
    ['a vendor prefix and a Chinese word', 'Bearer sk-密钥', 'Authorization', ['placeholder-token']],
    ['a Cyrillic word as the key', 'ваш_ключ', 'X-Api-Key', ['placeholder-token']],
    ['an x-run after a prefix joined by colons', 'Bearer acct:live:XXXXXXXXXXXX', 'Authorization', ['placeholder-token']],
    // scheme problems
    ['missing Bearer prefix', TOKEN, 'Authorization', ['missing-bearer-prefix']],
    ['missing prefix on a JWT', JWT, 'Authorization', ['missing-bearer-prefix']],
    // Bearer glued to the token or misspelt: the receiver never sees "Bearer ", so it is missing.
    ['token in braces', `Bearer{${TOKEN}}`, 'Authorization', ['missing-bearer-prefix']],
    ['colon after Bearer', `Bearer:${TOKEN}`, 'Authorization', ['missing-bearer-prefix']],
    ['equals after Bearer', `Bearer=${TOKEN}`, 'Authorization', ['missing-bearer-prefix']],
    ['no space after Bearer', `Bearer${TOKEN}`, 'Authorization', ['missing-bearer-prefix']],
    ['colon and space after Bearer', `Bearer: ${TOKEN}`, 'Authorization', ['missing-bearer-prefix']],
    ['an underscore glued after Bearer', `bearer_${TOKEN}`, 'Authorization', ['missing-bearer-prefix']],
    ['Bearer misspelt with letters swapped', `Baerer ${TOKEN}`, 'Authorization', ['missing-bearer-prefix']],
    ['Bearer misspelt short', `Beara ${TOKEN}`, 'Authorization', ['missing-bearer-prefix']],
    ['another scheme glued keeps its own name', `Basic:${BASIC_OK}`, 'Authorization', ['malformed-scheme']],
    ['a scheme of its own is no misspelling', `Token ${TOKEN}`, 'Authorization', []],
    ['doubled scheme', `Bearer Bearer ${TOKEN}`, 'Authorization', ['doubled-scheme']],
    ['doubled in lower case', `Bearer bearer ${TOKEN}`, 'Authorization', ['doubled-scheme']],
    ['scheme alone', 'Bearer', 'Authorization', ['empty-token']],
    ['scheme and a space', 'Bearer ', 'Authorization', ['empty-token']],
    ['empty Authorization', '', 'Authorization', ['empty-token']],
    ['doubled with nothing after', 'Bearer Bearer', 'Authorization', ['doubled-scheme', 'empty-token']],
    // quotes
    ['whole value quoted', `"Bearer ${TOKEN}"`, 'Authorization', ['quoted-value']],
    ['token quoted', `Bearer "${TOKEN}"`, 'Authorization', ['quoted-value']],
    ['single quotes in X-Api-Key', `'${TOKEN}'`, 'X-Api-Key', ['quoted-value']],
    // whitespace
    ['line break inside the token', `Bearer ${TOKEN.slice(0, 8)}\n${TOKEN.slice(8)}`, 'Authorization', ['whitespace-in-token']],
    ['tab inside the token', `Bearer ${TOKEN.slice(0, 8)}\t${TOKEN.slice(8)}`, 'Authorization', ['whitespace-in-token']],
    ['space inside the token', `Bearer ${TOKEN.slice(0, 8)} ${TOKEN.slice(8)}`, 'Authorization', ['whitespace-in-token']],
    ['two spaces after the scheme', `Bearer  ${TOKEN}`, 'Authorization', ['whitespace-in-token']],
    ['trailing line break', `Bearer ${TOKEN}\n`, 'Authorization', ['whitespace-in-token']],
    ['leading space', ` Bearer ${TOKEN}`, 'Authorization', ['whitespace-in-token']],
    ['non-breaking space as separator', `Bearer\u00A0${TOKEN}`, 'Authorization', ['whitespace-in-token']],
    ['zero-width space inside the token', `Bearer ${TOKEN.slice(0, 8)}\u200B${TOKEN.slice(8)}`, 'Authorization', ['whitespace-in-token']],
    ['trailing space in X-Api-Key', `${TOKEN} `, 'X-Api-Key', ['whitespace-in-token']],
    // Basic
    ['Basic not base64', 'Basic not*base64!', 'Authorization', ['malformed-basic']],
    ['Basic without a colon inside', `Basic ${BASIC_NO_COLON}`, 'Authorization', ['malformed-basic']],
    ['Basic with plain user:password', 'Basic mailer:s3cretPassw0rd', 'Authorization', ['malformed-basic']],
    ['Basic with a bad length', `Basic ${BASIC_OK.slice(0, -3)}`, 'Authorization', ['malformed-basic']],
    ['Basic masked', 'Basic ****', 'Authorization', ['masked-token']],
    // other headers get only the masked/placeholder/quote/whitespace checks
    ['X-Api-Key takes a bare key with a scheme-like word', `Bearer${TOKEN}`, 'X-Api-Key', []],
  ])('%s', (_label, value, header, expected) => {
    const findings = checkCredentialValue(value, header);
    expect(problems(findings)).toEqual([...expected].sort());
    for (const finding of findings) {
      expect(finding.kind).toBe('credential');
      expect(finding.code).toBeNull();
      expect(finding.start).toBeGreaterThanOrEqual(0);
      expect(finding.end).toBeLessThanOrEqual(value.length);
      expect(finding.start).toBeLessThanOrEqual(finding.end);
    }
    expectNoSecret(findings);
  });

  it('defaults the header name to Authorization', () => {
    expect(problems(checkCredentialValue(TOKEN))).toEqual(['missing-bearer-prefix']);
  });

  it.each<[string, string, number, number]>([
    ['Bearer ###', 'masked-token', 7, 10],
    ['Bearer{abc123def456ghi789jkl}', 'missing-bearer-prefix', 0, 7],
    ['Token:abc123def456ghi789jkl', 'malformed-scheme', 0, 6],
    ['Bearer Bearer abc123def456ghi789jkl', 'doubled-scheme', 0, 13],
    ['Bearer abc123def\n456ghi789jkl', 'whitespace-in-token', 16, 17],
    ['"Bearer abc123def456ghi789jkl"', 'quoted-value', 0, 1],
    ['Basic abc!', 'malformed-basic', 6, 10],
  ])('points at the problem in %j', (value, problem, start, end) => {
    const finding = checkCredentialValue(value).find((f) => f.problem === problem);
    expect(finding).toMatchObject({ start, end });
  });

  it.each<[string, string]>([
    ['Bearer ###', 'Bearer ###'],
    [`Bearer ${TOKEN}\n`, 'Bearer pk9f…yQ'],
    [`Bearer{${TOKEN}}`, 'Bearer{pk9f…yQ}'],
    ['Bearer {{ api_key }}', 'Bearer {{ api_key }}'],
    ['Bearer abc def', 'Bearer …'],
    [TOKEN, 'pk9f…yQ'],
  ])('shows a safe excerpt for %j', (value, excerpt) => {
    expect(checkCredentialValue(value)[0]?.excerpt).toBe(excerpt);
  });

  it('names the kind of whitespace in the reason', () => {
    const [finding] = checkCredentialValue(`Bearer ${TOKEN}\u00A0`);
    expect(finding?.detail?.reason).toMatch(/non-breaking space/);
  });
});

describe('detectCredentialProblems: headers quoted in free text', () => {
  it.each<[string, string, string[]]>([
    ['header line with ###', 'POST /v1/mailing\nAuthorization: Bearer ###\nContent-Type: application/json', ['masked-token']],
    ['JSON header with a Liquid tag', '{"headers": {"Authorization": "Bearer {{ api_key }}"}}', ['placeholder-token']],
    ['form pair with a mask', 'authorization=Basic ???&x=1', ['masked-token']],
    ['X-Api-Key placeholder', 'X-Api-Key: YOUR_API_KEY', ['placeholder-token']],
    ['scheme kept with asterisks', 'Authorization: Bearer ****', ['masked-token']],
    [
      'curl header',
      "curl -H 'Authorization: Bearer{{ key }}' https://api.heypoplar.com/v1/mailing/",
      ['missing-bearer-prefix', 'placeholder-token'],
    ],
    // Authorization misspelt as a header's name: its value is read all the same.
    ['a header name with a letter dropped', 'Autorization: Bearer <api token>', ['placeholder-token']],
    ['a header name with letters swapped', "{'Authoriaztion': 'Bearer xxxxxxxx'}", ['placeholder-token']],
    ['the British spelling as a header name', `Authorisation: ${TOKEN}`, ['missing-bearer-prefix']],
    ['a long word before a colon that is no header', 'Administration: Bearer <api token>', []],
    ['Bearer with a colon in a Python dict', `headers={'Authorization': 'Bearer: ${TOKEN}'}`, ['missing-bearer-prefix']],
    [
      'Bearer with a colon stated as what a server expects',
      'The header is expecting something like...\n\n`Authorization: Bearer: XXXXX`\n\nBut the standard differs.',
      [],
    ],
    ['missing prefix on a log line', `> Authorization: ${TOKEN}`, ['missing-bearer-prefix']],
    ['doubled scheme in JSON', `{"Authorization": "Bearer Bearer ${TOKEN}"}`, ['doubled-scheme']],
    ['escaped JSON inside JSON', '{"request": "{\\"Authorization\\":\\"Bearer ###\\"}"}', ['masked-token']],
    ['empty scheme on a header line', 'Authorization: Bearer', ['empty-token']],
    ['Python dict', "{'Authorization': 'Bearer <YOUR_TOKEN>'}", ['placeholder-token']],
    // A blank in angle brackets is words (`<YOUR_TOKEN>`, `<api-key>`); a random key put there is a key.
    ['a random key in angle brackets', 'X-Api-Key: <q7Zx9Wv2Lm4K>', []],
    ['a random key in angle brackets after Bearer', 'Authorization: Bearer <nK6zT3yH5cJ0>', []],
    ['words and dashes in angle brackets', 'X-Api-Key: <api-key>', ['placeholder-token']],
    ['a prefix and a blank in angle brackets', 'Authorization: Bearer <pat-xxxx>', ['placeholder-token']],
    ['a numbered word in angle brackets', 'Authorization: Bearer <token123>', ['placeholder-token']],
    ['two headers on two lines', 'Authorization: Bearer ###\nX-Api-Key: <api-key>', ['masked-token', 'placeholder-token']],
    ['mid-line header after a comma', 'webhook failed, Authorization: Bearer ###, status 403', ['masked-token']],
    ['mid-line header in a table row', 'jane@example.com | Authorization: Bearer {{ api_key }} | 401', ['placeholder-token']],
    ['an elided key shape with no scheme', 'Authorization: sk-...', ['masked-token', 'missing-bearer-prefix']],
    ['the scheme typed as the header name', `curl -H 'Bearer: ${TOKEN}' https://api.example.com/`, ['missing-bearer-prefix']],
    [
      'the scheme as a header name with a stand-in',
      'Headers:\n  Bearer: {ACCESS_TOKEN_VALUE}',
      ['missing-bearer-prefix', 'placeholder-token'],
    ],
    ['an options key named bearer is no header', "auth: {\n  bearer: 'abc123def456ghi789'\n}", []],
    // log viewers' own redactions and ordinary text: no finding
    ['viewer redacted a password', '{"password": "[REDACTED]"}', []],
    ['viewer filtered a header', 'Authorization: [FILTERED]', []],
    ['viewer printed asterisks', '{"authorization": "***"}', []],
    ['viewer kept the scheme', 'Authorization: Bearer [REDACTED]', []],
    ['viewer wrote [redacted]', 'X-Api-Key: [redacted]', []],
    // Angle brackets are the writer's blank, as `<token>` is (LABELS.md, session 22).
    ['writer typed <removed>', 'X-Api-Key: <removed>', ['placeholder-token']],
    [
      "Travis CI's [secure] for an encrypted variable",
      "+curl -X POST -H 'Authorization: token [secure]' https://api.github.com/repos/o/r/issues",
      [],
    ],
    ['valid header', `Authorization: Bearer ${TOKEN}`, []],
    ['valid header followed by words', `Authorization: Bearer ${TOKEN} (expired)`, []],
    ['prose mentioning authorization', 'The request failed authorization: please check the key', []],
    ['mid-line valid header', `sent with Authorization: Bearer ${TOKEN}; got 500`, []],
    ['a bare word that is not a token', 'Authorization: required', []],
    ['Braze content block', 'Authorization: Bearer {{content_blocks.${poplar_token}}}', []],
  ])('%s', (_label, text, expected) => {
    const findings = detectCredentialProblems(text);
    expect(problems(findings)).toEqual([...expected].sort());
    for (const finding of findings) {
      expect(finding.start).toBeGreaterThanOrEqual(0);
      expect(finding.end).toBeLessThanOrEqual(text.length);
    }
    expectNoSecret(findings);
  });

  it('reads Authorization within two edits as Authorization, and nothing further off', () => {
    expect(isMisspeltAuthorization('autorization')).toBe(true);
    expect(isMisspeltAuthorization('authroization')).toBe(true);
    expect(isMisspeltAuthorization('authorization')).toBe(false);
    expect(isMisspeltAuthorization('authentication')).toBe(false);
    expect(isMisspeltAuthorization('autoconfiguration')).toBe(false);
  });

  it('reads a backtick or quote closing inline code after Bearer as no missing Bearer', () => {
    for (const text of ['send the `Authorization: Bearer` header, not the key header', `{"Authorization": "Bearer" }`]) {
      expect(problems(detectCredentialProblems(text))).not.toContain('missing-bearer-prefix');
    }
  });

  it('gives offsets relative to the whole text', () => {
    const text = 'line one\nAuthorization: Bearer ###';
    const [finding] = detectCredentialProblems(text);
    expect(text.slice(finding?.start, finding?.end)).toBe('###');
  });

  it('stays fast on a megabyte of header names', () => {
    const text = 'authorization=Bearer {{ '.repeat(45_000) + '\n' + 'Authorization: '.repeat(20_000);
    expect(() => detectCredentialProblems(text)).not.toThrow();
  });
});

describe('redactSecret', () => {
  it.each<[string, string]>([
    ['sk_live_abcdefgh12345678', 'sk_l…78'],
    ['abcdefghijklmnop', 'abcd…op'],
    ['abcdefghijklmno', '…'],
    ['abcdefghijkl', '…'],
    ['', '…'],
    [`Bearer ${TOKEN}`, 'Bearer pk9f…yQ'],
    ['Bearer short', 'Bearer …'],
    [`Basic ${BASIC_OK}`, `Basic ${BASIC_OK.slice(0, 4)}…${BASIC_OK.slice(-2)}`],
    ['Bearer ###', 'Bearer ###'],
    ['{{ api_key }}', '{{ api_key }}'],
    ['YOUR_API_KEY', 'YOUR_API_KEY'],
    [`{{ ${'a'.repeat(60)} }}`, `{{ ${'a'.repeat(36)}…`],
  ])('%j → %j', (value, expected) => {
    expect(redactSecret(value)).toBe(expected);
  });
});

// --- properties -------------------------------------------------------------------------------

const HEX = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 64 });
const BASE64 = fc.base64String({ minLength: 16, maxLength: 64 });
const ANY_TOKEN = fc.string({ minLength: 16, maxLength: 64 });

/** A token that is not itself a mask or placeholder (those are shown as typed on purpose). */
function isSecretLike(token: string): boolean {
  return /[A-Za-z]/.test(token) && /\d/.test(token) && !/^[<[{$]/.test(token.trim());
}

const SECRET_TOKEN = fc.oneof(ANY_TOKEN, BASE64, HEX).filter(isSecretLike);

describe('properties', () => {
  it('never shows a token (or 8+ characters of it) in findings or previews', () => {
    fc.assert(
      fc.property(SECRET_TOKEN, (token) => {
        const outputs = [
          visibleText(checkCredentialValue(`Bearer ${token}`)),
          visibleText(checkCredentialValue(token)),
          visibleText(checkCredentialValue(`Basic ${token}`)),
          visibleText(checkCredentialValue(token, 'X-Api-Key')),
          visibleText(detectCredentialProblems(`Authorization: Bearer ${token}\nX-Api-Key: ${token}`)),
          visibleText(detectCredentialProblems(`Authorization: ${token}`)),
          redactSecret(token),
          redactSecret(`Bearer ${token}`),
        ];
        for (const output of outputs) expect(leakedPieces(token, output)).toEqual([]);
      }),
    );
  });

  it('never throws and keeps offsets inside the input', () => {
    const noisy = fc.string({ unit: fc.constantFrom(...'Bearer Basic:{}%$"\'#*<>[]\n\t \u00A0\u200Bab12=+/'), maxLength: 80 });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), noisy),
        fc.constantFrom('Authorization', 'X-Api-Key', ''),
        (value, header) => {
          for (const finding of checkCredentialValue(value, header)) {
            expect(finding.start).toBeGreaterThanOrEqual(0);
            expect(finding.end).toBeLessThanOrEqual(value.length);
          }
          const text = `Authorization: ${value}\n"x-api-key": "${value}"\ntoken=${value}`;
          for (const finding of detectCredentialProblems(text)) {
            expect(finding.start).toBeGreaterThanOrEqual(0);
            expect(finding.end).toBeLessThanOrEqual(text.length);
          }
          expect(typeof redactSecret(value)).toBe('string');
        },
      ),
    );
  });
});

describe('a token typed as runs of one repeated character', () => {
  it('is a stand-in (placeholder), runs of x included', () => {
    expect(checkCredentialValue('Bearer xxxyyyzzz').map((f) => f.problem)).toEqual(['placeholder-token']);
    expect(checkCredentialValue('aaaa-bbbb-cccc', 'X-Api-Key').map((f) => f.problem)).toEqual(['placeholder-token']);
    expect(checkCredentialValue('Bearer xxxx-xxxx').map((f) => f.problem)).toEqual(['placeholder-token']);
  });

  it('leaves real-looking tokens alone, even with a repeated letter or two', () => {
    expect(checkCredentialValue(`Bearer ${TOKEN}`)).toEqual([]);
    expect(checkCredentialValue('Bearer aaab7Qz1ppp9wkk3').map((f) => f.problem)).toEqual([]);
  });

  it('reads a long run that ends in another character as no stand-in', () => {
    expect(checkCredentialValue(`Bearer ${'a'.repeat(50_000)}b`).map((f) => f.problem)).not.toContain('placeholder-token');
  });
});
