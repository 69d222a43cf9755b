import { describe, it, expect } from 'vitest';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';
import { findAll } from '../../src/engine/find';

const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);

// Failures told in plain words, each beside a trap of the same shape that only names the error.
const FOUND: ReadonlyArray<readonly [string, string[]]> = [
  ['{ "message": "The service refused the connection - perhaps it is offline" }', ['connection-refused']],
  ['> 127.0.0.1 refused to connect.', ['connection-refused']],
  ['Keep encountering gitlab webhook more than 10sec and causes timeout.', ['timeout']],
  ['we keep getting a time-out from the hook', ['timeout']],
  ['requests.exceptions.ReadTimeout: HTTPSConnectionPool(host=x, port=443): Read timed out.', ['timeout']],
  ['requests.exceptions.ReadTimeout', ['timeout']],
  // A lower-case `description:` key of a pasted OpenAPI file is no section of a reference entry.
  [
    "test return error:[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed\n\n      responses:\n        '200':\n          description: OK",
    ['tls-certificate'],
  ],
  // A bullet list of what happened, with no words of telling kinds apart above it.
  ['Since the upgrade we see:\n- timeout error\n- slow pages', ['timeout']],
  // Words of making sure that do not describe a change; a parenthesis that lists no kinds.
  ['We made sure the firewall is open but deliveries still get EHOSTUNREACH', ['host-unreachable']],
  ['Deliveries fail (TLS error, see the log below)', ['tls-handshake']],
  // A refused tunnel through a proxy did stop the connection; a failure with no answer beside it.
  ["OSError('Tunnel connection failed: 403 Forbidden')", ['connection-failed']],
  ['Failed to connect to the chat service: no route out of the office network', ['connection-failed']],
  // A pull request or a feature request that tells the failure happened: a frequency, a failure
  // "with" the error, an occurrence, a pasted message, fenced output.
  ['# fix(chat): retry dropped calls\nCalls to the chat API are intermittently reset (Connection reset by peer).', ['connection-reset']],
  ['# Retry on timeout\nWhile the channel starts, the call fails with an `ETIMEDOUT` error.', ['timeout']],
  ['# fix ServerDisconnectedError in the bot\nSometimes an `aiohttp.ServerDisconnectedError` occurs while it runs.', ['unexpected-eof']],
  [
    '# fix(hooks): unbound variable on timeout\n\nErrors like `requests.exceptions.ReadTimeout: HTTPSConnectionPool(host=x, port=443): Read timed out.`',
    ['timeout'],
  ],
  ['# Add retries\n```\nError: connect ECONNREFUSED 127.0.0.1:8080\n```', ['connection-refused']],
  // A delivery log's table: the time of day makes the row a report.
  ['| 2024-01-02 10:00 | connection refused | retried at 10:05 |', ['connection-refused']],
];

const NOT_FOUND: readonly string[] = [
  // An answer that refused the credentials: the server was reached, the failure is the auth.
  'Connection failed. Got error: Error code: 401 - invalid api key',
  '# 401 Invalid key given. Unable to connect with the provider',
  'Failed to connect to the chat service: the provided token is invalid!',
  // A policy table's row, a rule list's line, the thing set aside by "rather than".
  '| `refused` | Nothing listens on the port | Delivery Error | ack + retry |',
  'Connection error: Try to resend.',
  '# we want an actual answer rather than a MaxRetryError here',
  // Pull requests and feature requests that name the errors they handle or want handled.
  '# fix(client): raise UpstreamError on ECONNRESET\nRaise UpstreamError on ECONNRESET too.\nCloses #12',
  '# fix(hooks): detect lookup failures better\nIt seems we can get `UnknownHostException` from several places.',
  '# Will there be a retry option?\nlets say my network drops at night; retry after a request timeout or a connection failure.',
  '# [Feature] retry when the connection is reset\nA flag to retry on connection reset would help.',
  // A configuration key alone on its line.
  'c.f. the docs\noracle.jdbc.ReadTimeout\nConfigure this property in the server.properties file.',
  // How long something takes before it times out.
  'If it cannot open a connection, it takes 60 seconds to get timed out.',
  // Code work and comparisons on the names.
  '1. Map error code `UNABLE_TO_VERIFY_LEAF_SIGNATURE` to error code 27',
  'is the UNABLE_TO_VERIFY_LEAF_SIGNATURE the same as the CERT_HAS_EXPIRED?',
  // A reference entry: the code's definition line, then its message.
  'WSAETIMEDOUT\n\n10060 (0x274C)\n\nA connection attempt failed because the connected party did not properly respond after a period of time.',
  // A hedge is not a report.
  'It may have been a timeout issue or the unavailability of the API endpoint.',
  'the retry policy treats a timeout as a failure',
  // A reference entry whose sections are labelled, capitalised or as headings.
  'ECONNREFUSED\n\nDescription:\nNo connection could be made because the target machine actively refused it.',
  'ECONNREFUSED\n\n### description\nNo connection could be made because the target machine actively refused it.',
  // A list of failure kinds to tell apart (a feature request), not a report of one.
  "It's expected to differentiate between:\n- timeout error\n- connection failure\n- unsuccessful status code",
  // A change that makes code cope with the error (a Ruby namespace before the name).
  'This change ensures that jobs failing with `Errno::ECONNREFUSED` are marked failed, not dropped.',
  // An item of an enumeration that ends in "etc.".
  'Store why the attempt failed (DNS failure, TLS error, bad status, etc.)',
  'log the cause, TLS error, connection reset and so on',
];

describe('detectNetworkErrors tells reports from mentions', () => {
  it.each(FOUND)('%j → %j', (text, expected) => {
    expect(problemsIn(text)).toEqual(expected);
  });

  it.each(NOT_FOUND)('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });
});

// Failures in words that nb6 showed, through the entry the popup and the CLI use (prefilter
// included), each beside a trap that names the same words without reporting them.
describe('network failures in plain words and in more runtimes', () => {
  const networkIn = (text: string): Array<string | null> =>
    findAll(text)
      .filter((finding) => finding.kind === 'network')
      .map((finding) => finding.problem);

  it.each([
    ['Web hooks are failing, getting an operation time out.', ['timeout']],
    ['A timeout occurred when sending a webhook event object', ['timeout']],
    ['たまにwebhookがtimeoutする', ['timeout']],
    ["ERROR: Webhooks Job 42 failed: Timeout awaiting 'request' for 1500ms", ['timeout']],
    ['System.Net.Http.HttpRequestException: Этот хост неизвестен. (api.github.com:443)', ['dns-failure']],
    ['cURL error 5: Could not resolve proxy: proxy.example.com', ['dns-failure']],
    ['ERROR webhook: sent failed: Reqwest error error sending request for url (http://x:8044/api)', ['connection-failed']],
    // A setting's name in a list under a report of failures is one of them.
    ['As of our log, we have many failed webhook calls.\n\n- connection timeout\n- 502 Bad Gateway', ['timeout']],
    ['Mukkamar has reported an issue, that their webhook gets timeout and flow gets stuck.', ['timeout']],
    ['I met the error "curl_easy_perform = 5", and it means that "CURLE_COULDNT_RESOLVE_PROXY"', ['dns-failure']],
  ] as const)('%s', (text, problems) => {
    expect(networkIn(text)).toEqual(problems);
  });

  it.each([
    // What may go wrong, in documentation.
    'A webhook can fail due to a timeout error (1250 ms) or if a 200 status code is not received.',
    // Something answered with a status: the status is the finding, not a failure to connect.
    'when tested, it gives the response unable to connect to the url "https://x.example" with status 408.',
    // A list of settings under a heading that reports nothing.
    'Settings you can change:\n\n- connection timeout\n- read timeout',
    // A change that adds a name to a retry list.
    '# feat: add ECONNRESET and NO_RESPONSE to RETRY_CODES',
    // A proxy's status line whose reason names a failure: the proxy answered.
    'CURL < HTTP/1.1 502 Fiddler - DNS Lookup Failed',
    // A status and its reason phrase, then the proxy's body about its upstream (Envoy's reply).
    'POST https://hooks.example.com/cio returned 503 Service Unavailable: upstream connect error or disconnect/reset before headers',
  ])('no network failure: %s', (text) => {
    expect(networkIn(text)).toEqual([]);
  });
});

// Prose in the general mood (documentation, tutorials) and lines that describe a code change name
// an error without reporting it; the same words with a witness (a first person, a past tense, a
// log's marks) are reports.
describe('network failures told in the general mood or in a change are not reported', () => {
  it.each([
    'When `timeout` is specified, it may raise an exception `requests.exceptions.ConnectTimeout`.',
    'If the server takes more than that to respond, the client will throw a SocketTimeoutException.',
    'java.net.SocketTimeoutException: Read timed out is one of the most common network errors Java developers hit.',
    'By default, HttpClient in .NET times out after 100 seconds.',
    'A "connection refused" error means the source resolved DNS but nothing listens on the port.',
    '# fix: add connection refused handling',
    '- [x] adds an additional clause for `Connection refused` in `connection_error` parsing.',
    '# Raise Faraday::ConnectionFailed for OpenTimeout errors',
    'RemoteDisconnected is raised when the attempt to read the response results in no data.',
  ])('none: %s', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each([
    ['I added a retry, but it will still throw a SocketTimeoutException every night.', ['timeout']],
    ['Just wanted to let you know that the certificate of https://webhook.site is expired.', ['tls-certificate']],
    // The modal is inside the runtime's quoted message, not the writer's.
    ['What is the fix? "No connection could be made, because the target machine activity refused it"', ['connection-refused']],
    ["The connection errored: Failed host lookup: 'x.example' This indicates an error which cannot be solved.", ['dns-failure']],
    ['x requests had a TLS error, indicating that Stripe could not establish a secure connection with your server', ['tls-handshake']],
    ['# request always reset by peer', ['connection-reset']],
  ] as const)('%s → %j', (text, expected) => {
    expect(problemsIn(text)).toEqual(expected);
  });
});

// Reference pages, glossaries, code messages and kinds told apart (nb9's false alarms and misses).
describe('reference shapes name errors; wrappers yield to their cause', () => {
  it.each([
    'Kinds of errors are: "failed to connect", "domain name is invalid", etc',
    'Common network errors include:\nECONNREFUSED: Connection refused by the server\nECONNRESET: Connection reset by peer',
    'Matched signals\n- connection refused\nWhat this failure means\nA TCP connection attempt was actively refused by the target host.',
    'What the error looks like\njava.net.SocketTimeoutException: Read timed out\nat java.net.SocketInputStream.socketRead0(Native Method)',
    'catch (TaskCanceledException)\n{\n    Console.WriteLine("Request timed out");\n}',
    'The read timeout is applied to both the TCP socket and for individual read IO operations.',
    'The "Connection refused" error fundamentally indicates that the TCP/IP stack received an RST packet.',
    'GitLab displays status badges:\n  1. Initial timeout: GitLab marks the delivery as failed\n  • "Failed to connect": The webhook is misconfigured and must be re-enabled\n  • "Fails to connect": The webhook is temporarily disabled',
  ])('none: %s', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each([
    [
      "requests.exceptions.ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))",
      ['unexpected-eof'],
    ],
    ["('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))", ['connection-reset']],
    [
      'Caused by NewConnectionError: Failed to establish a new connection: [WinError 10060] Se produjo un error durante el intento de conexión ya que la parte conectada no respondió adecuadamente tras un periodo de tiempo',
      ['timeout'],
    ],
    ['curl: (56) Recv failure: 连接被对方重设', ['connection-reset']],
    [
      'Error distribution:\n  [2]	Get "http://web1.com": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\n  [504]	1 responses',
      ['timeout'],
    ],
    ['# Can ECONNRESET errors be retried?\nWe get this error occasionally.', ['connection-reset']],
  ] as const)('%s → %j', (text, expected) => {
    expect(problemsIn(text)).toEqual(expected);
  });
});

// Explainer pages, conditions and API reference pages (network8's look-alikes) name errors; the
// same shapes asked about or told in the first person report them.
describe('explainers, conditions and reference pages are not reports', () => {
  it.each([
    'Why does a socket timeout exception occur in java applications\nWhen it occurs, it typically manifests as a java.net.SocketTimeoutException.',
    'Understanding the “Connection Timed Out” Error\nOne of the most frustrating error messages.',
    "What you're seeing\nError: read ECONNRESET\n    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)",
    'AndroidMessageHandler.ConnectTimeout Property\nSpecifies the connect timeout\npublic TimeSpan ConnectTimeout { get; set; }',
    'If the destination server fails to send data within this timeframe, then the webhook request is timed out.',
    'Webhook events are considered to be unsuccessful if:\n- The request timed out (currently 30s)\n- The request fails due to a network error',
  ])('none: %s', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each([
    ['#[Errno 111] connection refused how ho i fix\nwhat is the solution to errno 111', ['connection-refused']],
    [
      'What is the error message solving method? "No connection could be made, because the target machine activity refused it"',
      ['connection-refused'],
    ],
    ['Why does my webhook time out?\nI get `Net::ReadTimeout` on every delivery.', ['timeout']],
    [
      'Intermittently few api calls gets closed with the following error `Error: IncompleteMessage: connection closed before message completed`.',
      ['unexpected-eof'],
    ],
  ] as const)('%s → %j', (text, expected) => {
    expect(problemsIn(text)).toEqual(expected);
  });
});

// A title names its topic; the body tells whether it happened.
describe('a title that names an error as its topic follows the body', () => {
  it.each([
    '# No info about SSLHandshakeException\nIf you try to connect by https to a site with an untrusted certificate you get SSLHandshakeException deep down.',
    "+    const retryableErrors = [\n+      { code: 'ECONNRESET' },\n+      { code: 'ETIMEDOUT' },\n+      { code: 'ECONNABORTED' }\n+    ];",
    'Fixing connection errors\nApp modules output the ConnectionError when the app is unavailable.',
  ])('none: %s', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each([
    ['Some webhook endpoints keep connection open and throw EOFError\n\nNeed to rescue the `EOFError` error', ['unexpected-eof']],
    [
      '# No info about SSLHandshakeException\nWe got javax.net.ssl.SSLHandshakeException: Received fatal alert',
      ['tls-handshake', 'tls-handshake'],
    ],
  ] as const)('%s → %j', (text, expected) => {
    expect(problemsIn(text)).toEqual(expected);
  });
});

describe('reports inside issue templates and titles', () => {
  it.each([
    ['# timeout delay 1s which I set\n# description:\ncURL error 28:Operation timed out after 3100 milliseconds', ['timeout']],
    ['# Webhook delivery timeout issue for the route handler', ['timeout']],
  ] as const)('%s → %j', (text, expected) => {
    expect(problemsIn(text)).toEqual(expected);
  });

  it('a vendor page with section labels still names, not reports', () => {
    expect(problemsIn('ECONNREFUSED\n\nDescription:\nWe retry when the connection was refused.')).toEqual([]);
  });
});

describe('a parser end of input and an answered request are not network failures', () => {
  it.each([
    'on using above syntax while parsing body gives "EOF while parsing a value at line 1 column 0 error".',
    'atomist: [ERROR] Failed to validate API key: Network error: Response not successful: Received status code 401',
  ])('none: %s', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('an EOF from the connection is still one', () => {
    expect(problemsIn('Post "https://hooks.example.com/x": EOF')).toEqual(['unexpected-eof']);
  });
});

describe("an issue's title is no glossary heading", () => {
  it('a level-one title on the first line reports', () => {
    expect(problemsIn('# ConnectionRefused on windows11\nThe error is saying the destination is not accepting connections.')).toEqual([
      'connection-refused',
    ]);
  });

  it('a heading further down still names a glossary entry', () => {
    expect(problemsIn('Errors\n# ECONNREFUSED\nNo process listens on the port.')).toEqual([]);
  });
});

describe('a fenced message shown as what it will or would look like', () => {
  const fenced = (intro: string): string => `${intro}\n\`\`\`\nError: connect ECONNREFUSED 10.0.0.5:443\n\`\`\``;

  it.each([
    'When the upstream is down, the error message will look like:',
    'With this change the client would throw:',
    'A timeout may then be reported as:',
  ])('%j → none', (intro) => {
    expect(detectNetworkErrors(fenced(intro))).toEqual([]);
  });

  it.each(['When I call the hook, I get:', 'Not sure what this error means or how to fix:', 'It fails every time with:'])(
    '%j → the refusal',
    (intro) => {
      expect(detectNetworkErrors(fenced(intro)).map((finding) => finding.problem)).toEqual(['connection-refused']);
    },
  );
});

describe('what code turns an error into', () => {
  it.each([
    'A 5xx response is converted to `ConnectionError` by the client.',
    'The read error is re-raised as `requests.Timeout` for the caller.',
    'Our adapter maps it, and a reset is mapped to ECONNRESET.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('still reads a log line that converts nothing', () => {
    expect(problemsIn('Error converting response: ConnectionError: connection reset')).toEqual(['connection-reset']);
  });
});

describe("Erlang and Elixir error tuples in a clause's code", () => {
  it.each([
    'case {:error, %Mint.TransportError{reason: :timeout}} ->\n    retry(conn)',
    '{:error, :econnrefused} -> Logger.warn("retrying")',
    'def handle({:error, :nxdomain}), do: :retry',
    'rescue HTTPoison.Error -> {:error, :timeout}',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['iex(3)> HTTPoison.get(url)\n{:error, %HTTPoison.Error{id: nil, reason: :econnrefused}}', ['connection-refused']],
    ['** (MatchError) no match of right hand side value: {:error, %Mint.TransportError{reason: :econnrefused}}', ['connection-refused']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });
});
