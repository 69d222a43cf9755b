// Session 24's network readers judged by what lies near each finding, never by the rest of the
// text: an answer that refused the credentials, a timeout beside a name lookup, and certificate
// errors counted rather than reported. The CLI reads a log in chunks, so a verdict that depends on
// lines far away would change with where a chunk is cut.
import { describe, expect, it } from 'vitest';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';

const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);

/** Log lines that say nothing, to put one line far from another. */
const quietLines = (count: number): string => Array.from({ length: count }, (_, index) => `10:03:${index} heartbeat ok`).join('\n');

describe('a vague failure to connect and an answer that refused the credentials', () => {
  it.each<[string, string[]]>([
    // A 401 that is not a status: a count, a duration, an issue number.
    ['10:02 Unable to connect to hooks.example.com\n10:05 Sent 401 emails', ['connection-failed']],
    ['10:02 Unable to connect to hooks.example.com\n10:05 batch took 401 ms', ['connection-failed']],
    ['Unable to connect to hooks.example.com\nSee #401 for the retry setting.', ['connection-failed']],
    // A real refusal far away from the failure (another chunk's worth of lines between).
    [`10:02 Unable to connect to hooks.example.com\n${quietLines(30)}\n10:09 GET /api/hooks 401 Unauthorized`, ['connection-failed']],
    [`10:02 GET /api/hooks 401 Unauthorized\n${quietLines(30)}\n10:09 Unable to connect to hooks.example.com`, ['connection-failed']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });

  it.each([
    // A status 401 on the next line, in digits only.
    '10:02 Unable to connect to the indexer\n10:02 HTTP/1.1 401\nWWW-Authenticate: Bearer',
    // The words on a line close by.
    '10:02 Unable to connect to the indexer\n10:02 indexer answered: Unauthorized',
    // An issue's title sums up the log pasted below it.
    `# Unable to connect to indexer\n\n\`\`\`\n${quietLines(20)}\n10:04 Api Content Response: {"error": "Unauthorized"}\n\`\`\``,
  ])('%j → nothing', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('drops a failure close to a refusal and keeps one far from it in the same text', () => {
    const text = `10:01 Unable to connect to hooks.example.com\n10:01 GET /api 401 Unauthorized\n${quietLines(30)}\n10:09 Unable to connect to hooks.example.com`;
    const findings = detectNetworkErrors(text);
    expect(findings.map(({ problem }) => problem)).toEqual(['connection-failed']);
    expect(findings[0]!.start).toBe(text.lastIndexOf('Unable to connect'));
  });
});

describe('a timeout added beside a name lookup that ran out of time', () => {
  it.each<[string, string[]]>([
    // Each lookup gets its own timeout, whatever other lines report.
    ['10:01 Error: queryA ETIMEOUT mail.example.com\n10:05 Error: connect ETIMEDOUT 10.0.0.1:443', ['dns-failure', 'timeout', 'timeout']],
    [
      '10:01 Error: connect ETIMEDOUT 10.0.0.1:443\n10:05 cURL error 28: Resolving timed out after 5000 milliseconds',
      ['timeout', 'dns-failure', 'timeout'],
    ],
    // A timeout on the lookup's own line is the one it ran into.
    [
      'Post "https://hooks.example.com/in": dial tcp: lookup hooks.example.com on 127.0.0.11:53: read udp 172.17.0.2:41234->127.0.0.11:53: i/o timeout',
      ['dns-failure', 'timeout'],
    ],
    // Time-out words inside a host name are the host's.
    ['Post "https://runtime.example.com/in": dial tcp: lookup runtime.example.com:', ['dns-failure']],
    ['Post "https://timeout.example.com/in": dial tcp: lookup timeout.example.com:', ['dns-failure']],
    ['Post "https://api.time-out.example/in": dial tcp: lookup api.time-out.example:', ['dns-failure']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });
});

describe('certificate errors', () => {
  it.each([
    'Certificate errors: 0',
    'TLS summary\nHandshakes: 120\nCertificate errors: 3\nResets: 0',
    'Certificate errors = 2, handshakes = 40',
  ])('counted: %j → nothing', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each([
    'When opening the webhook tester page, I receive a certificate error: unable to verify',
    'Deliveries fail with certificate errors since Monday.',
  ])('reported: %j → tls-certificate', (text) => {
    expect(problemsIn(text)).toEqual(['tls-certificate']);
  });
});
