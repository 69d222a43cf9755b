// Attack pages of red-team round seventeen that both browsers are tested on, and what each must
// show: one definition each.
import { TOKEN } from './token-sentinel';

/** Twelve-character pieces of the sentinel: each row shows one, too short for the long-run pass. */
const piece = (start: number): string => TOKEN.slice(start, start + 12);

const page = (title: string, rows: string[]): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><ul id="log">${rows.join('')}</ul>`;

/**
 * Pieces in OAuth redirects (implicit-flow fragment, `?code=`), S3 presigned and Azure SAS URLs,
 * a Google API key, a PEM private key whose last line is short, an `.npmrc` token, connection
 * strings, key names in Cyrillic look-alike letters and a SendGrid key with a short secret part.
 */
export const SECRET_SHAPE_ROWS = [
  `<li>HTTP 401 Unauthorized · redirect https://app.example.com/cb#access_token=${piece(0)}&amp;token_type=bearer</li>`,
  `<li>HTTP 400 Bad Request · GET https://app.example.com/cb?code=${piece(1)}&amp;state=af0ifjsldkj</li>`,
  `<li>HTTP 403 Forbidden · GET https://b.s3.amazonaws.com/a.csv?X-Amz-Credential=AKIA${piece(2)}%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&amp;X-Amz-Security-Token=${piece(3)}</li>`,
  `<li>HTTP 403 Forbidden · GET https://acct.blob.core.windows.net/c/f.csv?sv=2021-08-06&amp;ss=b&amp;srt=sco&amp;sp=r&amp;sig=${piece(4)}%3D</li>`,
  `<li>HTTP 403 Forbidden · GET https://maps.googleapis.com/maps/api/geocode/json?key=AIza${piece(5)}</li>`,
  `<li>HTTP 500 Internal Server Error · <pre>-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n${piece(6)}==\n-----END RSA PRIVATE KEY-----</pre></li>`,
  `<li>HTTP 401 Unauthorized · //registry.npmjs.org/:_authToken=${piece(7)}</li>`,
  `<li>HTTP 500 Internal Server Error · postgres://webhook:${piece(8)}@db.example.com:5432/app</li>`,
  `<li>HTTP 502 Bad Gateway · mongodb+srv://admin:${piece(9)}@cluster0.abcde.mongodb.net/test</li>`,
  `<li>HTTP 503 Service Unavailable · redis://:${piece(10)}@cache.example.com:6379/0 · amqp://guest:${piece(11)}@mq.example.com:5672/</li>`,
  `<li>HTTP 500 Internal Server Error · {"p\u0430ssword": "${piece(12)}", "\u0430pi_key": "${piece(13)}"}</li>`,
  `<li>HTTP 401 Unauthorized · sent SG.${piece(14).slice(0, 8)}.${piece(16).slice(0, 10)}</li>`,
];

/** The round's pages of rows quoting pieces of the sentinel, each with the attack it tries. */
export const SENTINEL_PAGES_17 = [
  {
    name: 'secret-shapes',
    attack: 'in OAuth redirects, signed URLs, API keys, a PEM key, .npmrc, connection strings, look-alike key names',
    html: page('Secret shapes', SECRET_SHAPE_ROWS),
    rows: SECRET_SHAPE_ROWS.length,
    inText: true,
  },
];

const EMPTIED_LOG_ROWS = 2_000;

/** A log of failing rows that the test makes editable once the badges are in, and how. */
export const LATE_EDITOR = {
  html: page('Late editor', [
    '<li>HTTP 500 Internal Server Error</li>',
    '<li>HTTP 429 Too Many Requests</li>',
    '<li>HTTP 503 Service Unavailable</li>',
  ]),
  rows: 3,
  /** The two ways a page makes its content editable after load: design mode, and `contenteditable` on an ancestor (focused). */
  makeEditable: {
    'design mode': `document.designMode = 'on'`,
    'contenteditable on the log': `(() => { const log = document.getElementById('log'); log.contentEditable = 'true'; log.focus(); })()`,
  },
  /** How many hosts of ours the page would save: its own serialisation of the body. */
  readSavedHosts: `document.body.innerHTML.split('data-webhook-doctor').length - 1`,
};

/** A log the test fills with failing rows, then empties as a page clearing its view does. */
export const EMPTIED_LOG = {
  html: page('Emptied log', []),
  rows: EMPTIED_LOG_ROWS,
  fill: `(() => {
  const codes = ['HTTP 500 Internal Server Error', 'HTTP 429 Too Many Requests', 'HTTP 503 Service Unavailable'];
  document.getElementById('log').innerHTML = Array.from({ length: ${EMPTIED_LOG_ROWS} }, (_, i) => '<li>row ' + i + ' · ' + codes[i % 3] + '</li>').join('');
})()`,
  empty: `document.getElementById('log').innerHTML = ''`,
  readHosts: `document.querySelectorAll('[data-webhook-doctor]').length`,
  /** The content script's counters: `badges` is how many rows it keeps annotations for. */
  statsMessage: { type: 'get-scan-stats' },
};
