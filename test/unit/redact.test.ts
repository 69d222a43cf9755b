import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redactSecretsInText } from '../../src/engine/redact';
import { MAY_HOLD_SECRET } from '../../src/engine/secret-hints';
import { mixesLettersAndDigits } from '../../src/engine/text';
import { leakedPieces } from '../fuzz/vocabulary';

const LIVE_KEY = 'sk_live_51HxYz9AbCdEf0123';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIzNDU2';

describe('redactSecretsInText', () => {
  it.each<[string, string, string]>([
    ['header line keeps the scheme', `Authorization: Bearer ${LIVE_KEY}`, 'Authorization: Bearer sk_l…23'],
    ['header line with a short token', 'Authorization: Bearer abc', 'Authorization: Bearer …'],
    ['X-Api-Key header', `X-Api-Key: ${LIVE_KEY}`, 'X-Api-Key: sk_l…23'],
    ['JSON key', `{"api_key": "${LIVE_KEY}", "count": 5}`, '{"api_key": "sk_l…23", "count": 5}'],
    ['JSON Authorization', `{"Authorization": "Basic ${btoa('user:pass1234567')}"}`, '{"Authorization": "Basic dXNl…=="}'],
    ['escaped JSON inside JSON', `{\\"token\\":\\"${LIVE_KEY}\\"}`, '{\\"token\\":\\"sk_l…23\\"}'],
    ['query string', `https://api.example.com/hook?api_key=${LIVE_KEY}&x=1`, 'https://api.example.com/hook?api_key=…&x=1'],
    ['password in a form body', 'user=ann&password=hunter2', 'user=ann&password=…'],
    ['client_secret key', `client_secret: ${LIVE_KEY}`, 'client_secret: sk_l…23'],
    ['quoted header value keeps its quotes', `Authorization: "Bearer ${LIVE_KEY}"`, 'Authorization: "Bearer sk_l…23"'],
    ['bare JWT in prose', `sent ${JWT} to the API`, 'sent eyJh…U2 to the API'],
    ['bare live key in prose', `key ${LIVE_KEY} rejected`, 'key sk_l…23 rejected'],
    [
      'secret part of a URL path',
      'https://hooks.example.com/services/T0A1B2C3D/B9Z8Y7X6W/abc',
      'https://hooks.example.com/services/…/…/abc',
    ],
    // A header value ends with its token; a secret under 16 characters is never previewed.
    [
      'short bearer, then the status',
      'Authorization: Bearer Xy7Kp2Qm → HTTP 401 Unauthorized',
      'Authorization: Bearer … → HTTP 401 Unauthorized',
    ],
    ['short api key, then the status', 'X-Api-Key: Xy7Kp2Qm, HTTP 403 Forbidden', 'X-Api-Key: …, HTTP 403 Forbidden'],
    ['short password, then the status', 'password: Xy7Kp2Qm | HTTP 401', 'password: … | HTTP 401'],
    ['short query key, then the status', 'api_key=Xy7Kp2Qm → HTTP 401', 'api_key=… → HTTP 401'],
    ['15 characters: still no preview', 'Authorization: Bearer Xy7Kp2QmAb3Cd4E;', 'Authorization: Bearer …;'],
    [
      'long bearer keeps the status',
      `Authorization: Bearer ${LIVE_KEY} → HTTP 401 Unauthorized`,
      'Authorization: Bearer sk_l…23 → HTTP 401 Unauthorized',
    ],
    ['unknown first word is the token', 'Authorization: Xy7Kp2Qm HTTP 401', 'Authorization: … HTTP 401'],
    // Pages break long tokens with invisible characters so that they wrap; each piece alone looks harmless.
    ['token broken by zero-width spaces', 'sent wdtk7Q2m9X\u200bvB4pL8sR1nK6zT3y\u200bH5cJ0', 'sent wdtk…J0'],
    ['token broken by soft hyphens', 'sent wdtk7Q2m9X\u00advB4pL8sR1nK6zT3y\u00adH5cJ0', 'sent wdtk…J0'],
    // Round 13: other characters that draw nothing (default-ignorable code points) split a token the same way.
    ['token broken by invisible separators', 'sent wdtk7Q2m9X\u2063vB4pL8sR1n\u2063K6zT3yH5cJ0', 'sent wdtk…J0'],
    ['token broken by combining grapheme joiners', 'sent wdtk7Q2m9X\u034fvB4pL8sR1n\u034fK6zT3yH5cJ0', 'sent wdtk…J0'],
    ['token broken by Mongolian vowel separators', 'sent wdtk7Q2m9X\u180evB4pL8sR1n\u180eK6zT3yH5cJ0', 'sent wdtk…J0'],
    ['token broken by variation selectors', 'sent wdtk7Q2m9X\ufe0fvB4pL8sR1n\ufe00K6zT3yH5cJ0', 'sent wdtk…J0'],
    ['token broken by Hangul fillers', 'sent wdtk7Q2m9X\u3164vB4pL8sR1n\uffa0K6zT3yH5cJ0', 'sent wdtk…J0'],
    ['token broken by tag characters', 'sent wdtk7Q2m9X\u{e0020}vB4pL8sR1n\u{e007f}K6zT3yH5cJ0', 'sent wdtk…J0'],
    // Round 13: a data: URL's base64 payload holds what was encoded, in a form no other pass reads.
    ['a data URL with a short base64 payload', 'HTTP 401 · data:text/plain;base64,wdtk7Q2m9XvB', 'HTTP 401 · data:text/plain;base64,…'],
    [
      'a data URL with parameters and no media type',
      'sent data:;charset=utf-8;base64,d2R0azdRMm0= → 500',
      'sent data:;charset=utf-8;base64,… → 500',
    ],
    [
      'a data URL whose base64 mark is in capitals',
      'HTTP 401 · data:text/plain;BASE64,aHVudGVyMjI=',
      'HTTP 401 · data:text/plain;BASE64,…',
    ],
    ['a data URL with a blank before base64', 'HTTP 401 · data:text/plain; base64,aHVudGVyMjI=', 'HTTP 401 · data:text/plain; base64,…'],
    ['X-Auth-Key header', 'X-Auth-Key: wdtk7Q2m9XvB4pL8, HTTP 403', 'X-Auth-Key: wdtk…L8, HTTP 403'],
    // Round 17: every line of a PEM private key is the key; its last line is often short.
    [
      'a private key block with a short last line',
      'HTTP 500 · -----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAwdtk7Q2m9XvB4pL8sR1nK6zT3yH5cJ0\nq7Zx9Wv2Lm4K==\n-----END RSA PRIVATE KEY----- sent',
      'HTTP 500 · -----BEGIN RSA PRIVATE KEY-----…-----END RSA PRIVATE KEY----- sent',
    ],
    [
      'a private key in a JSON body, lines joined by escapes',
      '{"pem": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADAN\\nq7Zx9Wv2Lm4K\\n-----END PRIVATE KEY-----\\n"} 500',
      '{"pem": "-----BEGIN PRIVATE KEY-----…-----END PRIVATE KEY-----\\n"} 500',
    ],
    [
      'a private key cut before its END line',
      'HTTP 500 · -----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1r q7Zx9Wv2Lm4K',
      'HTTP 500 · -----BEGIN OPENSSH PRIVATE KEY-----…',
    ],
    // Review of session 24: with no END line, only the key's own run goes, not the words after it.
    [
      'a BEGIN line named in an error, with no key after it',
      'Error: key must start with -----BEGIN PRIVATE KEY----- (HTTP 400)',
      'Error: key must start with -----BEGIN PRIVATE KEY-----… (HTTP 400)',
    ],
    [
      'a key cut before its END line, lines joined by escapes, then the status',
      '{"pem": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADAN\\nq7Zx9Wv2Lm4K"} → 400',
      '{"pem": "-----BEGIN PRIVATE KEY-----…"} → 400',
    ],
    [
      'an encrypted key cut before its END line, with its header lines',
      'HTTP 500 · -----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,9F3A\n\nq7Zx9Wv2Lm4K',
      'HTTP 500 · -----BEGIN RSA PRIVATE KEY-----…',
    ],
    [
      'a PGP private key block',
      'HTTP 500 · -----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0q7Zx\n=q7Zx\n-----END PGP PRIVATE KEY BLOCK----- sent',
      'HTTP 500 · -----BEGIN PGP PRIVATE KEY BLOCK-----…-----END PGP PRIVATE KEY BLOCK----- sent',
    ],
    [
      'key blocks repeated with no END line',
      '-----BEGIN PRIVATE KEY-----\nq7Zx9Wv2\n-----BEGIN PRIVATE KEY-----\nLm4Kx8 (HTTP 400)',
      '-----BEGIN PRIVATE KEY-----… (HTTP 400)',
    ],
    // Round 17: a vendor key's parts after dots (`SG.<id>.<secret>`) go with it.
    ['a short vendor key with a part after a dot', 'sent SG.q7Zx9Wv2.Lm4Kx8 · 401', 'sent SG.… · 401'],
    ['access_key in a form body', 'access_key=wdtk7Q2m9XvB&x=1', 'access_key=…&x=1'],
    // Secrets written in a sentence, with no separator or with a short key word.
    // Cookie headers: a session id under any name, at any length.
    [
      'Set-Cookie with a short session id',
      'HTTP 401 Set-Cookie: sid=Q7z9Wk2mX4; Path=/; HttpOnly',
      'HTTP 401 Set-Cookie: sid=…; Path=…; HttpOnly',
    ],
    ['Cookie with several pairs', 'Cookie: theme=dark; session=k3J9xQ2m', 'Cookie: theme=…; session=…'],
    ['api key in prose', 'HTTP 401 · api key q7Zx9Wv2Lm refused', 'HTTP 401 · api key … refused'],
    ['api key with a space and a colon', 'api key: q7Zx9Wv2Lm', 'api key: …'],
    ['pass with a colon', 'login ann pass: Hunter2Pw9', 'login ann pass: …'],
    ['pwd in prose', 'HTTP 403 pwd S3cretPw77', 'HTTP 403 pwd …'],
    ['token in prose', 'token Kx81zQp0aa was revoked', 'token … was revoked'],
    ['secret is', 'the secret is Zz9yY8xX7w', 'the secret is …'],
    ['password in prose, long', `password ${LIVE_KEY} failed`, 'password sk_l…23 failed'],
    // Round 6: a quoted word after a key word is its value, even when it is all letters.
    ['a quoted all-letter password', 'the password "dragonfly" was rejected (401)', 'the password "…" was rejected (401)'],
    ['a password in curly quotes', 'password \u201csunshine\u201d refused', 'password \u201c…\u201d refused'],
    ['a token in backticks', 'token `abcdefghij` expired', 'token `…` expired'],
    ['a password set to a quoted word', "set the password to 'letmein' and retry", "set the password to '…' and retry"],
    // Round 4: a token a log wrapped at a fixed width, secrets made of digits, user info without a scheme.
    [
      'bearer token hard-wrapped over two lines',
      'Authorization: Bearer abcd1234EFGH5678\nijkl9012MNOP345\nContent-Type: application/json',
      'Authorization: Bearer abcd…45\nContent-Type: application/json',
    ],
    // Round 12: a bare header value wrapped the same way (a <details> body under its summary).
    [
      'a header value hard-wrapped over two lines',
      'X-Api-Key: abcd1234EFGH\nijkl9012MNOP345\nContent-Type: application/json',
      'X-Api-Key: abcd…45\nContent-Type: application/json',
    ],
    ['otp in prose', 'HTTP 401 otp 482913 expired', 'HTTP 401 otp … expired'],
    ['pin as a JSON string', '{"pin":"482913","status":403}', '{"pin":"…","status":403}'],
    ['pin as a JSON number', '{"user_pin": 4829, "status": 403}', '{"user_pin": …, "status": 403}'],
    ['verification code in prose', 'verification code 482913 rejected (422)', 'verification code … rejected (422)'],
    ['user info without a scheme', 'push to deploy:S3cretPw77@git.example.com/repo.git', 'push to …@git.example.com/repo.git'],
    [
      'user info keeps the host and path readable',
      'https://admin:hunter22@app.example.com/v1/logs failed 401',
      'https://…@app.example.com/v1/logs failed 401',
    ],
    // Round 7: a scheme word with no key name before it, blanks HTML draws, other key names and separators.
    ['a Go header map', '"Authorization":["Bearer q7Zx9Wv2Lm4K"] status 401', '"Authorization":["Bearer …"] status 401'],
    ['a Ruby header hash', 'headers: { Authorization => "Bearer q7Zx9Wv2Lm4K" } 401', 'headers: { Authorization => "Bearer …" } 401'],
    ['a scheme in a table cell', '<td>Bearer q7Zx9Wv2Lm4K</td> 401', '<td>Bearer …</td> 401'],
    ['a scheme after an arrow', 'Authorization -> Bearer q7Zx9Wv2Lm4K 401', 'Authorization -> Bearer … 401'],
    ['base64 basic credentials alone', 'sent Basic dXNlcjpwYXNz → 401', 'sent Basic … → 401'],
    // Round 12: an all-letter token after a scheme with no header name before it.
    ['a long all-letter token after a scheme', 'sent Bearer kqzvwxjmprtbnfhdglwq → 401', 'sent Bearer kqzv…wq → 401'],
    ['a no-break space after the scheme', 'Authorization: Bearer\u00a0q7Zx9Wv2Lm4K 401', 'Authorization: Bearer … 401'],
    ['an ideographic space after the colon', 'Authorization:\u3000Bearer q7Zx9Wv2Lm4K 401', 'Authorization:\u3000Bearer … 401'],
    ['Rails token params', 'Authorization: Token token="q7Zx9Wv2Lm4K" 401', 'Authorization: Token toke…K" 401'],
    ['Digest params', 'Authorization: Digest username="ann", response="q7Zx9Wv2Lm4K"', 'Authorization: Digest user…K"'],
    ['a signature list', 'X-Webhook-Signature: t=1,v1=q7Zx9Wv2Lm4K 401', 'X-Webhook-Signature: t=1,…4K 401'],
    ['a signature header', 'x-signature: q7Zx9Wv2Lm4K 401', 'x-signature: … 401'],
    ['an HMAC header', 'X-Hmac: q7Zx9Wv2Lm4K 401', 'X-Hmac: … 401'],
    ['credentials', 'credentials: q7Zx9Wv2Lm4K 401', 'credentials: … 401'],
    ['a compound key header', 'Ocp-Apim-Subscription-Key: q7Zx9Wv2Lm4K 401', 'Ocp-Apim-Subscription-Key: … 401'],
    ["Mandrill's quoted key", '{"key": "q7Zx9Wv2Lm4K", "message": {}} 401', '{"key": "…", "message": {}} 401'],
    ['pw and auth in a form body', 'pw=q7Zx9Wv2Lm4K&auth=Zx9Wv2Lm4Kq7', 'pw=…&auth=…'],
    ['a hash rocket', "'token' => 'q7Zx9Wv2Lm4K' 401", "'token' => '…' 401"],
    ['a backquoted value', 'token: `q7Zx9Wv2Lm4K`', 'token: `…`'],
    ['a German key word', 'Passwort: q7Zx9Wv2Lm4K 401', 'Passwort: … 401'],
    ['a Russian key word', 'Пароль: q7Zx9Wv2Lm4K 401', 'Пароль: … 401'],
    ['protocol-relative user info', 'HTTP 401 for //u:q7Zx9Wv2Lm4K@api.example.com/x', 'HTTP 401 for //…@api.example.com/x'],
    // Round 8: escaped separators, brackets and other blanks after a scheme, short vendor keys.
    ['a percent-encoded separator', 'HTTP 401 · api_key%3Dq7Zx9Wv2Lm4K', 'HTTP 401 · api_key=…'],
    ['a percent-encoded underscore', 'HTTP 401 · api%5Fkey=q7Zx9Wv2Lm4K', 'HTTP 401 · api_key=…'],
    ['a percent-encoded JSON body', '401 body=%7B%22token%22%3A%22q7Zx9Wv2Lm4K%22%7D', '401 body=%7B"token":"…"%7D'],
    ['a JSON string escape in the key', '{"api\\u005fkey": "q7Zx9Wv2Lm4K"} 401', '{"api_key": "…"} 401'],
    ['an escaped equals sign', 'token\\x3dq7Zx9Wv2Lm4K 401', 'token=… 401'],
    ['a numeric character reference', 'token&#61;q7Zx9Wv2Lm4K 401', 'token=… 401'],
    // Round 15: key names with escaped letters.
    ['a JSON escape of a letter in the key', '{"pass\\u0077ord": "q7Zx9Wv2Lm4K"} 401', '{"password": "…"} 401'],
    ['a percent-encoded letter in a form key', 'HTTP 401 · api_k%65y=q7Zx9Wv2Lm4K', 'HTTP 401 · api_key=…'],
    ['a hex escape of a letter in the key', '{"tok\\x65n":"q7Zx9Wv2Lm4K"} 401', '{"token":"…"} 401'],
    ['a character reference of a letter in the key', 'tok&#101;n=q7Zx9Wv2Lm4K 401', 'token=… 401'],
    ['an escaped space or slash stays as written', 'GET /a%20b%2Fc?q=%41 401', 'GET /a%20b%2Fc?q=%41 401'],
    // Round 15: curl's user option, a JWT and a long token wrapped onto the next line.
    ["a password in curl's user option", "curl -u api:q7Zx9Wv2 · --user 'admin:hunter22' 401", "curl -u api:… · --user 'admin:…' 401"],
    ['a group id after -u stays', 'docker run -u 1000:1000 img', 'docker run -u 1000:1000 img'],
    [
      'an all-digit password after a user name',
      'curl -u admin:83920174 https://api.example.com',
      'curl -u admin:… https://api.example.com',
    ],
    ['a quoted passphrase with blanks, to its closing quote', "curl --user 'svc:correct horse battery' x", "curl --user 'svc:…' x"],
    ['the user glued to -u, as curl takes it', 'curl -uadmin:s3cret https://a.example', 'curl -uadmin:… https://a.example'],
    [
      'a JWT wrapped after its payload dot',
      'HTTP 401 eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.\nq7Zx9Wv2Lm4K expired',
      'HTTP 401 eyJh…0. expired',
    ],
    [
      'a key ending a sentence keeps the next line (only a JWT cut at its dot goes on below)',
      'key sk_live_4eC39HqLyjWDarjtT1zdp7dc.\n500 Internal Server Error',
      'key sk_l…c.\n500 Internal Server Error',
    ],
    ['a long run wrapped onto a line of its own', 'sent q7Zx9Wv2Lm4Kq7Zx9Wv2Lm4K\nZx9Wv2Lm\nHTTP 401', 'sent q7Zx…4K\nHTTP 401'],
    ['a credential in brackets after the scheme', 'sent Bearer (q7Zx9Wv2Lm4K) · Bearer <q7Zx9Wv2Lm4K>', 'sent Bearer (…) · Bearer <…>'],
    [
      'an em space or encoded blank after the scheme',
      'Bearer\u2003q7Zx9Wv2Lm4K · Bearer%20q7Zx9Wv2Lm4K · Bearer+q7Zx9Wv2Lm4K',
      'Bearer\u2003… · Bearer%20… · Bearer+…',
    ],
    ['a colon after the scheme word', 'Bearer: q7Zx9Wv2Lm4K 401', 'Bearer: … 401'],
    ['a zero-width space after the header colon', 'Authorization:\u200bBearer q7Zx9Wv2Lm4K 401', 'Authorization:Bearer … 401'],
    ['a no-break space after a key word in prose', 'password\u00a0q7Zx9Wv2Lm4K rejected', 'password\u00a0… rejected'],
    ['a full-width colon', 'api-key\uff1aq7Zx9Wv2Lm4K 401', 'api-key\uff1a… 401'],
    ['a header value in a Go list', '{"X-Api-Key":["q7Zx9Wv2Lm4K"]} 401', '{"X-Api-Key":["…"]} 401'],
    [
      'short keys behind a vendor prefix',
      'whsec_q7Zx9Wv2Lm4K pk_test_q7Zx9Wv2 SG.q7Zx9Wv2Lm xoxb-q7Zx9Wv2Lm ghp_q7Zx9Wv2Lm key-q7Zx9Wv2Lm',
      'whsec_… pk_test_… SG.… xoxb-… ghp_… key-…',
    ],
    ['a value on the line below its key word', 'HTTP 401 · token\nq7Zx9Wv2Lm4K', 'HTTP 401 · token\n…'],
    ['a value below a header colon', 'X-Api-Key:\n  q7Zx9Wv2Lm4K\nHTTP 401', 'X-Api-Key:\n  …\nHTTP 401'],
    ['a YAML block value', 'token: |\n  abcdefghijkl\napi_key: >-\n  q7Zx9Wv2Lm4K', 'token: |\n  …\napi_key: >-\n  …'],
    ['a value after an arrow', 'X-Api-Key → q7Zx9Wv2Lm4K · api_key -> q7Zx9Wv2Lm4K 401', 'X-Api-Key → … · api_key -> … 401'],
    ['a quoted "bearer" key', '{"bearer": "q7Zx9Wv2Lm4K"} 401', '{"bearer": "…"} 401'],
    ['a zero-width space after the scheme word', 'Bearer\u200bq7Zx9Wv2Lm4K 401', 'Bearer … 401'],
    ['bidi isolates around the separator', 'token\u2066:\u2069q7Zx9Wv2Lm4K 401', 'token:… 401'],
    [
      'key words in look-alike letters',
      '\u03a4OKEN: q7Zx9Wv2Lm4K · \uff54\uff4f\uff4b\uff45\uff4e: q7Zx9Wv2Lm4K',
      '\u03a4OKEN: … · \uff54\uff4f\uff4b\uff45\uff4e: …',
    ],
    [
      // Greek capitals alone, Cyrillic ones alone (`КЕУ` shows "KEY"), and Russian ТОКЕН in capitals.
      'key words written in look-alike letters only',
      '\u03a4\u039f\u039a\u0395\u039d: abc · \u041a\u0415\u0423=q7Zx9Wv2Lm4K · \u0422\u041e\u041a\u0415\u041d: q7Zx9Wv2Lm4K',
      '\u03a4\u039f\u039a\u0395\u039d: … · \u041a\u0415\u0423=… · \u0422\u041e\u041a\u0415\u041d: …',
    ],
    ['British spelling', 'Authorisation: q7Zx9Wv2Lm4K 401', 'Authorisation: … 401'],
    ['a bare key before a key-like value', 'key=q7Zx9Wv2Lm4K · key: q7Zx9Wv2Lm4K', 'key=… · key: …'],
    [
      'words for token, password and API key in other languages',
      'トークン：q7Zx9Wv2Lm4K · 비밀번호: q7Zx9Wv2Lm4K · 令牌: q7Zx9Wv2Lm4K · APIキー: q7Zx9Wv2Lm4K · API-Schlüssel: q7Zx9Wv2Lm4K',
      'トークン：… · 비밀번호: … · 令牌: … · APIキー: … · API-Schlüssel: …',
    ],
    ['every part of a Svix signature list', 'svix-signature: v1,q7Zx9Wv2Lm4K v1,Lm4Kq7Zx9Wv2 401', 'svix-signature: v1,q…v2 401'],
    [
      'user info before a host with a port or nothing after it',
      'deploy:q7Zx9Wv2Lm4K@db.example.com:5432 · ops:q7Zx9Wv2Lm4K@db.example.com failed',
      '…@db.example.com:5432 · …@db.example.com failed',
    ],
    [
      'a header line in quotes, as curl -H and fetch write it',
      `curl -H "X-Api-Key: q7Zx9Wv2Lm4K" -H 'token: q7Zx9Wv2Lm4K' 401`,
      `curl -H "X-Api-Key: …" -H 'token: …' 401`,
    ],
    [
      'separators written with another colon or equals sign',
      'token\ufe55 q7Zx9Wv2Lm4K · token\u2236 q7Zx9Wv2Lm4K · token\ua789 q7Zx9Wv2Lm4K · token\ufe66q7Zx9Wv2Lm4K',
      'token\ufe55 … · token\u2236 … · token\ua789 … · token\ufe66…',
    ],
    [
      'a value after a dash, "is:" or in brackets',
      'token \u2014 q7Zx9Wv2Lm4K · token is: q7Zx9Wv2Lm4K · password (q7Zx9Wv2Lm4K) · token: <q7Zx9Wv2Lm4K>',
      'token \u2014 … · token is: … · password (…) · token: <…>',
    ],
    ['a random key in angle brackets', 'HTTP 500 · <q7Zx9Wv2Lm4K> sent', 'HTTP 500 · <…> sent'],
    ['a form field dumped as HTML', '<input name="password" value="q7Zx9Wv2Lm4K">', '<input name="password" value="…">'],
  ])('%s', (_label, text, expected) => {
    expect(redactSecretsInText(text)).toBe(expected);
  });

  it.each<[string, string]>([
    ['Klaviyo artifact stays visible', 'Authorization: Bearer ###'],
    ['placeholder stays visible', 'X-Api-Key: {{ api_key }}'],
    ['viewer redaction stays', '{"password": "[REDACTED]"}'],
    ['JSON null is not a secret', '{"token": null}'],
    ['error text mentioning a token', '{"error": "invalid_token"}'],
    ['status line', 'HTTP 403 Forbidden'],
    ['readable URL', 'POST https://api.heypoplar.com/v1/mailing/'],
    ['long word without digits', 'internationalization_configuration'],
    ['long number without letters', 'order 12345678901234567890'],
    ['empty text', ''],
    ['emoji with variation selectors and a keycap', 'retry 1\ufe0f\u20e3 ✔\ufe0f 200 OK · ❤\ufe0f'],
    ['an emoji joined by a zero-width joiner', 'deployed by 👩\u200d💻 at 10:42'],
    ['a scheme with a placeholder after it', 'Authorization: Bearer {{ token }}'],
    ['words after a key word', 'token expired · password reset required · api key missing'],
    ['a short version after a key word', 'token v2 rejected'],
    ['a quoted phrase after a key word', 'password "reset link" sent · token "" empty · api key \'not set\''],
    ['a word after a key word and "to"', 'set password to expire'],
    ['words that only contain a short key word', 'passed 3 of 4 · bypass cache · compass12 · passport A12345'],
    ['words and numbers near digit key words', 'Pinned 3 rows · 482913 sent · pin reset · otp disabled · spinner 4829'],
    ['a status line under a wrapped-looking header', 'Authorization: Bearer ###\nHTTP/1.1 401'],
    ['a word line under a header value', 'X-Api-Key: {{key}}\nretried\ntoken: <YOUR_TOKEN>\nHTTP/1.1 401'],
    ['an e-mail address after a word and a colon', 'to:bob@example.com failed 550'],
    ['words after a scheme word', 'Bearer token expired · Basic plan · basic auth failed · Bearer TOKEN · Basic authentication required'],
    ['signature words', 'signature verification failed · invalid credentials · hmac mismatch · OAuth consent'],
    ['a key in a word', 'monkey 12ab34 · keyboard 5x'],
    ['vendor-like prefixes before words', 'key-value store · sk-learn · pk_user_id · SG.Gateway · the key-2 row'],
    ['a public key and a certificate', '-----BEGIN PUBLIC KEY----- MIIBIjAN -----END PUBLIC KEY----- · -----BEGIN CERTIFICATE-----'],
    ['a sentence after a vendor key word', 'SG.Gateway. Next'],
    ['escapes with no key word', 'a%3Db · path%2Fto · &#61; · message \\u0022ok\\u0022 · 50%3A50'],
    ['a scheme word in brackets before a word', 'Bearer (token expired) · Basic [plan]'],
    ['a word or number below a key word', 'Invalid token\nexpired · Missing token\n401 Unauthorized\npassword:\n  reset: true'],
    ['a status after an arrow', 'X-Api-Key -> 401 · token → retry'],
    ['words after a dash or in brackets', 'token (optional) · password - reset · X-Api-Key: <YOUR_API_KEY> · token \u2014 see docs'],
    ['placeholders and tags in angle brackets', 'X-Api-Key: <YOUR_API_KEY> · <token123> · <div> · <abcdefgh>'],
    ['a quoted sentence that names a key', '"token expired: 401" · "invalid token"'],
    ['a bare key naming a field', 'Duplicate key: order_id · key=value'],
    ['e-mail addresses after mail fields', 'to:ann@example.com · cc:bo2@example.com · mailto:ops1@example.com'],
    [
      'look-alike letters in words of their own script',
      '\u0421\u041e\u041a\u0415\u0422 \u0437\u0430\u043a\u0440\u044b\u0442 · \u043f\u0430\u0440\u043e\u043b\u044c \u0441\u0431\u0440\u043e\u0448\u0435\u043d',
    ],
  ])('leaves %s unchanged', (_label, text) => {
    expect(redactSecretsInText(text)).toBe(text);
  });

  it('redacts every secret on a multi-line request dump', () => {
    const dump = [
      'POST /v1/mailing/ HTTP/1.1',
      `Authorization: Bearer ${LIVE_KEY}`,
      'Content-Type: application/json',
      `{"campaign_id": "c1", "api_token": "${JWT}"}`,
    ].join('\n');
    const redacted = redactSecretsInText(dump);
    expect(redacted).not.toContain(LIVE_KEY.slice(4, 20));
    expect(redacted).not.toContain(JWT.slice(4, 30));
    expect(redacted).toContain('Content-Type: application/json');
    expect(redacted).toContain('"campaign_id": "c1"');
  });

  it('finishes on a megabyte of adversarial text', () => {
    const text = 'token'.repeat(100_000) + 'a1'.repeat(100_000) + '"password":"'.repeat(20_000);
    const redacted = redactSecretsInText(text);
    expect(redacted.length).toBeLessThan(text.length);
  });
});

// --- properties -------------------------------------------------------------------------------

const HEX = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 64 });
const BASE64 = fc.base64String({ minLength: 16, maxLength: 64 });

describe('properties', () => {
  it('hides any token put behind a secret key, in every form', () => {
    // A token holds no blank or delimiter: a header value ends at the first one after it.
    const token = fc
      .oneof(
        fc.string({ minLength: 16, maxLength: 64 }).filter((s) => !/[\s"'`,;|<>()[\]{}→]/.test(s)),
        BASE64,
        HEX,
      )
      .filter(mixesLettersAndDigits);
    fc.assert(
      fc.property(token, (secret) => {
        for (const text of [`Authorization: Bearer ${secret}`, `X-Api-Key: ${secret}`, `password: ${secret}\nnext line`]) {
          expect(leakedPieces(secret, redactSecretsInText(text))).toEqual([]);
        }
      }),
    );
  });

  it('hides base64 and hex tokens in JSON and query strings', () => {
    fc.assert(
      fc.property(fc.oneof(BASE64, HEX).filter(mixesLettersAndDigits), (secret) => {
        for (const text of [
          `{"api_key": "${secret}", "n": 1}`,
          `{"headers": {"Authorization": "Bearer ${secret}"}}`,
          `https://x.example/hook?token=${secret}&a=b`,
        ]) {
          expect(leakedPieces(secret, redactSecretsInText(text))).toEqual([]);
        }
      }),
    );
  });

  it('hides bare tokens of 20+ characters that mix letters and digits', () => {
    const longToken = fc.oneof(
      fc.base64String({ minLength: 20, maxLength: 64 }),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 20, maxLength: 64 }),
    );
    fc.assert(
      fc.property(longToken.filter(mixesLettersAndDigits), (secret) => {
        expect(leakedPieces(secret, redactSecretsInText(`the key ${secret} was refused`))).toEqual([]);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(typeof redactSecretsInText(text)).toBe('string');
      }),
    );
  });
});

describe('separators written with another colon or equals sign', () => {
  // Full-width, small, ratio and modifier-letter colons; full-width and small equals signs.
  const separators = ['\uff1a', '\ufe55', '\u2236', '\ua789', '\u02d0', '\uff1d', '\ufe66'].map((char) => [
    char.charCodeAt(0).toString(16),
    char,
  ]);
  const key = 'q7Zx9Wv2Lm4K';

  it.each(separators)('U+%s: the value after a key word and after a bare `key` is hidden', (_code, separator) => {
    for (const name of ['api_key', 'token', 'key']) {
      const text = `HTTP 401 · ${name}${separator}${key}`;
      expect(MAY_HOLD_SECRET.test(text)).toBe(true);
      expect(redactSecretsInText(text)).toBe(`HTTP 401 · ${name}${separator}…`);
    }
  });
});

describe('values in the dumps receivers and tools write', () => {
  const key = 'q7Zx9Wv2Lm4K';

  it.each<[string, string, string]>([
    [
      'an XML element named for a secret',
      `HTTP 500 <auth><password>${key}</password></auth>`,
      'HTTP 500 <auth><password>…</password></auth>',
    ],
    [
      'a SOAP element with a namespace and attributes',
      `<wsse:Password Type="PasswordText">${key}</wsse:Password> 500`,
      '<wsse:Password Type="PasswordText">…</wsse:Password> 500',
    ],
    ['an element whose text is a CDATA section', `<ApiKey><![CDATA[${key}]]></ApiKey> 401`, '<ApiKey><![CDATA[…]]></ApiKey> 401'],
    ['a HAR header', `{"name": "X-Api-Key", "value": "${key}"} 401`, '{"name": "X-Api-Key", "value": "…"} 401'],
    ['a nested form key', `auth[token]=${key}&event=sent 403`, 'auth[token]=…&event=sent 403'],
    ['a Postman header', `{"key": "x-api-key", "value": "${key}"} 401`, '{"key": "x-api-key", "value": "…"} 401'],
    ['a scheme after an equals sign', `authorization=Bearer ${key} from the query`, 'authorization=Bearer … from the query'],
  ])('%s: hidden', (_name, text, expected) => {
    expect(redactSecretsInText(text)).toBe(expected);
  });

  it.each<[string, string]>([
    ['a placeholder in angle brackets, prose after it', 'curl -H "Authorization: Bearer <token>" then 401'],
    ['an element closed by another end tag', '<token>expired</b> 401'],
    ['a key word in an HTML element of prose', '<b>token</b> expired'],
    ['an XML element of another name', '<status>q7Zx9Wv2Lm</status>'],
  ])('%s: kept', (_name, text) => {
    expect(redactSecretsInText(text)).toBe(text);
  });
});

describe('cookies without a name', () => {
  it.each<[string, string, string]>([
    ['a Cookie header of one bare value', 'HTTP 401 · Cookie: q7Zx9Wv2Lm4K', 'HTTP 401 · Cookie: …'],
    ['a Set-Cookie header, attributes after it', 'Set-Cookie: q7Zx9Wv2Lm4K; Path=/; HttpOnly', 'Set-Cookie: …; Path=…; HttpOnly'],
  ])('%s: hidden', (_name, text, expected) => {
    expect(redactSecretsInText(text)).toBe(expected);
  });

  it('keeps words after the header that are no cookie', () => {
    expect(redactSecretsInText('Set-Cookie: missing SameSite attribute')).toBe('Set-Cookie: missing SameSite attribute');
  });
});

describe('a JWT wrapped inside its signature', () => {
  const head = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0';

  it('takes the signature’s first token below, words after it stay', () => {
    const out = redactSecretsInText(`HTTP 401 ${head}.q7Zx9W\nv2Lm4Kq7Zx rejected`);
    expect(out).toBe('HTTP 401 eyJh…9W rejected');
  });

  it('a whole signature (43 characters and more) keeps the next line', () => {
    const out = redactSecretsInText(`HTTP 401 ${head}.${'q7Zx9Wv2Lm4K'.repeat(4)}\n500 Internal Server Error`);
    expect(out).toMatch(/\n500 Internal Server Error$/);
  });
});
