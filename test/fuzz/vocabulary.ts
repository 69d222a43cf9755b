// Generators for the fuzz properties: log text built from the words the detectors react to, mixed
// with noise, and tokens that look like real secrets. Shared by the unit tests and `npm run fuzz`.
import fc from 'fast-check';

/** Pieces that steer the detectors into their interesting paths (and their false friends). */
const TRIGGERS = [
  // status context and reason phrases, and numbers that are not statuses
  'HTTP',
  'HTTP/1.1',
  'status',
  'status:',
  'Status code',
  'code',
  'Response Code',
  'Fehlercode',
  'error',
  '403',
  '404',
  '429',
  '500',
  '502',
  '503',
  '529',
  '598',
  '599',
  '400',
  '401',
  '422',
  '600',
  '399',
  '4031',
  'Forbidden',
  'Not Found',
  'Too Many Requests',
  'Internal Server Error',
  'Bad Gateway',
  'Service Unavailable',
  'Unauthorized',
  'Host Overloaded',
  '(403)',
  '[500]',
  '500/502/503',
  'order #404',
  'retry in 400 ms',
  '500 recipients',
  'port 443',
  ':443',
  '2025-05-03',
  '404.html',
  // network errors
  'dial tcp 10.0.0.1:443: connect: connection refused',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'getaddrinfo',
  'no such host',
  'server misbehaving',
  'x509: certificate has expired',
  'tls: handshake failure',
  'EOF',
  'context deadline exceeded',
  'i/o timeout',
  'socket hang up',
  'CERT_HAS_EXPIRED',
  'connection reset by peer',
  // credentials
  'Authorization:',
  'Authorization: Bearer',
  'Bearer',
  'Basic',
  'Bearer ###',
  '###',
  '****',
  '•••',
  'XXXX',
  '{{ api_key }}',
  '{{',
  '}}',
  '{%',
  '%}',
  '${token}',
  'YOUR_API_KEY',
  '<token>',
  'X-Api-Key:',
  '"x-api-key":',
  'api_key=',
  'token=',
  '-H',
  "'",
  '"',
  '\\"',
  'Proxy-Authorization:',
  'Klaviyo-API-Key',
  'password=',
  // rate limits
  'Retry-After:',
  'Retry-After: 30',
  'retry-after: Wed, 21 Oct 2015 07:28:00 GMT',
  'X-RateLimit-Remaining: 0',
  'X-RateLimit-Limit: 100',
  'X-RateLimit-Reset: 1700000000',
  'RateLimit-Remaining: 0',
  'x-rate-limit-reset: 60',
  'RateLimit: limit=100, remaining=0, reset=5',
  '"retry-after": "120"',
  // JSON and markup
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"address_1"',
  '"city": ""',
  'null',
  'true',
  '1e99',
  '-0',
  '\\u0000',
  '<img src=x onerror=alert(1)>',
  '</style>',
  'javascript:alert(1)',
  '<script>',
  '&lt;',
];

/** Characters that break naive parsers: separators, invisible and direction marks, surrogates. */
const ODD_CHARACTERS = [
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '\u00a0',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2028',
  '\ufeff',
  '\ud83d',
  '\ude00',
  '😀',
  '…',
];

export const trigger = fc.constantFrom(...TRIGGERS);
export const oddCharacter = fc.constantFrom(...ODD_CHARACTERS);

/** A status phrase put together from a status word, a number and a reason phrase (each optional). */
const statusPhrase = fc
  .tuple(
    fc.constantFrom('', 'HTTP', 'HTTP/1.1', 'status:', 'Status code', 'status=', 'Response Code', 'error code', '"statusCode":', '(', '#'),
    fc.oneof(fc.integer({ min: 100, max: 699 }), fc.constantFrom(403, 429, 500, 503)),
    fc.constantFrom('', 'Forbidden', 'Too Many Requests', 'Bad Gateway', 'Service Unavailable', ')', 'ms', 'recipients', 'OK', 'Not Found'),
  )
  .map(([word, code, reason]) => [word, String(code), reason].filter(Boolean).join(' '));

/** A header line as a request dump shows it. */
const headerLine = fc
  .tuple(
    fc.constantFrom(
      'Authorization',
      'X-Api-Key',
      'Retry-After',
      'X-RateLimit-Remaining',
      'RateLimit-Reset',
      'api_key',
      'token',
      'Content-Type',
    ),
    fc.constantFrom(': ', ':', '=', '": "', ' : '),
    fc.constantFrom(
      'Bearer ###',
      'Bearer',
      '###',
      '{{ api_key }}',
      '0',
      '30',
      'Basic Zm9vOmJhcg==',
      'Bearer  abc def',
      '"Bearer x"',
      'YOUR_TOKEN',
      'application/json',
      'Bearer Bearer abcdef123456',
    ),
  )
  .map((parts) => parts.join(''));

/** One piece of log text: a phrase, a trigger word, an odd character, a number or random text. */
const piece = fc.oneof(
  { weight: 3, arbitrary: statusPhrase },
  { weight: 2, arbitrary: headerLine },
  { weight: 5, arbitrary: trigger },
  { weight: 3, arbitrary: oddCharacter },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 9999 }).map(String) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** Log-like text of up to about 60 pieces. */
export const logText = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

/** Text pieces joined by spaces (words stay words, so more phrases match). */
export const spacedLogText = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(' '));

/** Any text the detectors may meet: log-like, spaced, or plain random strings. */
export const anyText = fc.oneof(logText, spacedLogText, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

/** A short pattern that, repeated, stresses a detector (many candidates, long runs, no ends). */
export const adversarialPattern = fc.oneof(
  fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join('')),
  fc.constantFrom(
    'HTTP 403 ',
    '500 ',
    '{"a":',
    '[',
    '{{',
    '{% if x %}',
    '"',
    '\\"',
    'Authorization: Bearer ',
    'a'.repeat(63) + '1',
    'Retry-After: ',
    'x-ratelimit-remaining: 0\n',
    'token=',
    '###',
    'connection ',
    'HTTP/1.1 ',
    '5',
    ' ',
    '\n',
  ),
);

/** `pattern` repeated until the text is `size` characters long. */
export function repeatTo(pattern: string, size: number): string {
  if (pattern.length === 0) return ' '.repeat(size);
  return pattern.repeat(Math.ceil(size / pattern.length)).slice(0, size);
}

/** Characters API tokens are made of. */
const TOKEN_CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

/**
 * A token that looks like a real secret: 20 to 64 token characters with letters and digits and
 * enough different characters that it cannot pass for a mask such as `xxxxxxxx`.
 */
export const secretToken = fc
  .string({ unit: fc.constantFrom(...TOKEN_CHARACTERS), minLength: 20, maxLength: 64 })
  .filter((token) => /[A-Za-z]/.test(token) && /\d/.test(token) && new Set(token).size >= 8 && /^[A-Za-z0-9]/.test(token));

/** Every piece of `size` (8) characters of `secret` found in `output` (what a leak looks like). */
export function leakedPieces(secret: string, output: string, size = 8): string[] {
  const leaks: string[] = [];
  for (let i = 0; i + size <= secret.length; i++) {
    const piece = secret.slice(i, i + size);
    if (output.includes(piece)) leaks.push(piece);
  }
  return leaks;
}

/** The places a secret shows up in logs and request dumps; `%s` stands for it. */
export const SECRET_CONTEXTS = [
  'Authorization: Bearer %s',
  'Authorization: %s',
  'authorization: Basic %s',
  'X-Api-Key: %s',
  '"Authorization": "Bearer %s"',
  '{"headers": {"x-api-key": "%s"}}',
  '{\\"token\\": \\"%s\\"}',
  "curl -H 'Authorization: Bearer %s' https://api.example.com",
  'https://hooks.example.com/send?api_key=%s&x=1',
  'POST /v1/hook token=%s',
  'password: %s',
  'client_secret=%s',
  'request failed, Authorization: Bearer %s, HTTP 401 Unauthorized',
];

export const secretContext = fc.constantFrom(...SECRET_CONTEXTS);

/** Characters a token can hold besides letters and digits (base64, JWT, URL-safe keys). */
const TOKEN_PUNCTUATION = '_-.~+/=';

/**
 * A secret of 4 to 64 characters: short passwords and keys included. Masks, placeholders and
 * scheme words ("Bearer") are not secrets, so they are left out.
 */
export const anyLengthSecret = fc
  .string({ unit: fc.constantFrom(...TOKEN_CHARACTERS, ...TOKEN_PUNCTUATION), minLength: 4, maxLength: 64 })
  .filter((token) => /^[A-Za-z0-9]/.test(token) && /[A-Za-z]/.test(token) && /\d/.test(token));

/** Where a log puts a secret right before more text: the key and what ends the value. */
export const KEYED_SECRET_PREFIXES = [
  'Authorization: Bearer ',
  'Authorization: ',
  'authorization: Basic ',
  'Proxy-Authorization: Token ',
  'X-Api-Key: ',
  'password: ',
  'api_key=',
  'token=',
  'client_secret=',
];
export const SECRET_ENDINGS = [' → ', ' ', ', ', '; ', ' | ', '"', '\n'];
