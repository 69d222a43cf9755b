// Network failures in the words of each runtime, tool, platform and language; and the texts that
// only mention those words (code, docs, settings). Real strings carry their source.
import { describe, expect, it } from 'vitest';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';
import { mayHaveNetworkError } from '../../src/engine/detect/shared/prefilter';

const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);

/** [text, the problems reported, in order] */
const FOUND: Array<[string, string[]]> = [
  // Windows sockets.
  // https://github.com/HyNetworks/hysteria/issues/755
  [
    'dial tcp 127.0.0.1:5080: connectex: No connection could be made because the target machine actively refused it.',
    ['connection-refused'],
  ],
  // https://github.com/yeahwu/v2ray-wss/issues/19
  [
    'connectex: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.',
    ['timeout'],
  ],
  ['System.Net.Sockets.SocketException (10061): WSAECONNREFUSED', ['connection-refused']],
  ['Socket error 10060', ['timeout']],
  ['WSAETIMEDOUT', ['timeout']],
  // Dart's http and dio clients (the message of dart:io's HttpException).
  ['HttpException: Connection closed before full header was received, uri = https://api.example.com/hooks', ['unexpected-eof']],
  // Ruby.
  // https://github.com/coollabsio/coolify/issues/5836
  ['Internal error occurred while delivering this webhook.\nError: Net::ReadTimeout', ['timeout']],
  ['Net::OpenTimeout: execution expired', ['timeout']],
  [
    'Errno::ECONNREFUSED: Failed to open TCP connection to api.example.com:443 (Connection refused - connect(2) for "api.example.com" port 443)',
    ['connection-refused', 'connection-refused'],
  ],
  ['SocketError: getaddrinfo: Name or service not known', ['dns-failure']],
  ['Hook execution failed: execution expired', ['timeout']],
  ['OpenSSL::SSL::SSLError: SSL_connect returned=1 errno=0 state=error: certificate verify failed', ['tls-handshake', 'tls-certificate']],
  // .NET.
  // https://github.com/microsoft/CromwellOnAzure/issues/452
  ['TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.', ['timeout']],
  ['System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.', ['tls-handshake']],
  ['System.Net.Http.HttpRequestException: No such host is known. (api.example.com:443)', ['dns-failure']],
  ['System.Net.Http.HttpRequestException: The remote certificate is invalid according to the validation procedure', ['tls-certificate']],
  // Java.
  ['java.net.ConnectException: Connection refused (Connection refused)', ['connection-refused']],
  ['java.net.UnknownHostException: api.example.com', ['dns-failure']],
  ['javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure', ['tls-handshake']],
  ['java.net.SocketTimeoutException: Read timed out', ['timeout']],
  [
    'sun.security.validator.ValidatorException: PKIX path building failed: unable to find valid certification path to requested target',
    ['tls-certificate'],
  ],
  // curl by number and by text.
  ['curl: (6) Could not resolve host: hooks.example.com', ['dns-failure']],
  ['cURL error 28: Operation timed out after 10001 milliseconds with 0 bytes received', ['timeout']],
  ['curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to api.example.com:443', ['tls-handshake']],
  ['curl: (56) Recv failure: Connection reset by peer', ['connection-reset']],
  ['curl exited with code 7', ['connection-failed']],
  ['curl error 60', ['tls-certificate']],
  ['curl: (52) Empty reply from server', ['unexpected-eof']],
  // Python.
  // https://github.com/blaylockbk/Herbie/issues/375
  [
    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='x.example.com', port=443): Max retries exceeded with url: /a (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f551fb6fa90>: Failed to establish a new connection: [Errno 101] Network is unreachable'))",
    ['host-unreachable'],
  ],
  [
    "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.example.com', port=443): Read timed out. (read timeout=10)",
    ['timeout'],
  ],
  ["requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.example.com', port=443)", ['timeout']],
  ['http.client.RemoteDisconnected: Remote end closed connection without response', ['unexpected-eof']],
  [
    'aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host api.example.com:443 ssl:default [Connect call failed]',
    ['connection-failed'],
  ],
  ['aiohttp.client_exceptions.ServerDisconnectedError: Server disconnected', ['unexpected-eof']],
  [
    'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate',
    ['tls-certificate'],
  ],
  ["urllib3.exceptions.MaxRetryError: HTTPSConnectionPool(host='api.example.com', port=443)", ['connection-failed']],
  // Node and undici.
  ['Error: socket hang up', ['connection-reset']],
  ['Error: read ECONNRESET', ['connection-reset']],
  ['Error: getaddrinfo EAI_AGAIN api.example.com', ['dns-failure']],
  [
    "TypeError: fetch failed\n  [cause]: ConnectTimeoutError: Connect Timeout Error (attempted address: api.example.com:443, timeout: 10000ms) { code: 'UND_ERR_CONNECT_TIMEOUT' }",
    ['timeout'],
  ],
  // A vague "could not connect" a line away from the precise cause is that same failure.
  ['The connection failed before a response could be completed with error:\nECONNRESET: socket hang up', ['connection-reset']],
  ['Error: fetch failed', ['connection-failed']],
  // Family names yield to the precise cause beside them, and stand alone otherwise.
  // https://github.com/webhooksite/webhook.site/issues/113
  ['OpenSSL::SSL::SSLError: certificate verify failed.', ['tls-certificate']],
  ['OpenSSL::SSL::SSLError', ['tls-handshake']],
  ['GuzzleHttp\\Exception\\ConnectException: cURL error 52: Empty reply from server', ['unexpected-eof']],
  // Ruby and Python end-of-stream errors, delivery logs' status words, certificates in plain words.
  // https://github.com/getlago/lago-api/pull/1220
  ['Some webhooks are failing to deliver with an `EOFError` error.', ['unexpected-eof']],
  // https://github.com/Commit451/skyhook/issues/136
  ['Request status: TIMEOUT\nElapsed time: 61063ms', ['timeout']],
  ['Webhook event failed: connect_write timeout reached', ['timeout']],
  ['The functions to create and update webhooks time out frequently.', ['timeout']],
  ['We couldn’t deliver this payload: Service Timeout', ['timeout']],
  ['when I use https I got this error: "509: certificate signed by unknown authority"', ['tls-certificate']],
  ['Invalid certificate when trying to access https://hook.io/login.', ['tls-certificate']],
  ['Just wanted to let you know that the certificate of https://webhook.site is expired.', ['tls-certificate']],
  ['DNS resolution error: [Errno -3] Lookup timed out', ['dns-failure', 'timeout']],
  // A proxy's own error line keeps its timeout even when the client saw a 504.
  ['[error] 8#8: *6 upstream timed out (110: Operation timed out) while reading response header\n"GET / HTTP/1.1" 504 569', ['timeout']],
  ["{ errno: -104, code: 'ECONNRESET', syscall: 'read' }", ['connection-reset']],
  ['Error: self signed certificate', ['tls-certificate']],
  // Webhook platforms.
  ["We couldn't deliver this payload: Connection refused", ['connection-refused']],
  ["We couldn't deliver this payload: Service Timeout", ['timeout']],
  ["We couldn't deliver this payload: failed to connect to host", ['connection-failed']],
  ['Stripe: Failed to connect to remote host', ['connection-failed']],
  [
    'Hook execution failed: Failed to open TCP connection to hooks.example.com:443 (getaddrinfo: Temporary failure in name resolution)',
    ['dns-failure'],
  ],
  ['The connection cannot be established, this usually occurs due to an incorrect host (domain) value', ['connection-failed']],
  // https://github.com/n8n-io/n8n/issues/14566
  [
    'The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.',
    ['connection-reset'],
  ],
  // https://github.com/request/request/issues/1492
  ['Chrome gives me ERR_EMPTY_RESPONSE for Web1 and ERR_CONNECTION_RESET for Web2.', ['unexpected-eof', 'connection-reset']],
  ['Webhook failed: Connection Error', ['connection-failed']],
  // Plain English.
  ['Our webhook times out every night around 2am.', ['timeout']],
  ['the request timed out after 30 seconds', ['timeout']],
  ['The host is unreachable from our ESP.', ['host-unreachable']],
  ['curl says it could not resolve host', ['dns-failure']],
  ['Braze keeps timing out when it calls our endpoint', ['timeout']],
  ['We could not reach the server at hooks.example.com', ['host-unreachable']],
  // Other languages.
  ['Zeitüberschreitung bei der Verbindung', ['timeout']],
  ['Verbindung abgelehnt', ['connection-refused']],
  ["Le délai d'attente de l'opération a expiré", ['timeout']],
  ['connexion refusée', ['connection-refused']],
  ['tiempo de espera agotado', ['timeout']],
  ['conexión rechazada por el servidor', ['connection-refused']],
  ['接続がタイムアウトしました', ['timeout']],
  ['サーバーへの接続が拒否されました', ['connection-refused']],
  ['请求失败：连接超时', ['timeout']],
  ['连接被拒绝', ['connection-refused']],
  // Windows' 10054 in Chinese, and Rust printing a Winsock number as `os error`.
  ['TLS 握手前出错: 远程主机强迫关闭了一个现有的连接。', ['connection-reset']],
  ['send failed (os error 10054)', ['connection-reset']],
  // hyper's ConnectError and gRPC's UNAVAILABLE, the latter inside a JSON log line.
  ['hyper::Error(Connect, ConnectError("tcp open error", Os { code: 10022 }))', ['connection-failed']],
  ['got tcp open error 10022 on the old server', ['connection-failed']],
  ['{"level":"warn","message":"archive call failed: 14 UNAVAILABLE: Connect Failed"}', ['connection-failed']],
];

/** Texts that mention the words without reporting a failure. */
const NOT_FOUND: string[] = [
  // Settings.
  'Connect timeout: 30s',
  'timeout=10',
  'read timeout = 10',
  'Set the read timeout to 30 seconds.',
  // Documentation of retry conditions.
  'Webhooks are retried on connection reset, timeouts and 5xx responses.',
  'We retry on ECONNRESET and ETIMEDOUT.',
  'If the request times out, Braze retries it up to 13 times.',
  // https://github.com/getlago/lago-api/pull/1096
  'This PR rescues `Net::ReadTimeout`, `Errno::ECONNRESET`, `SocketError` and apply the retry webhook logic.',
  // https://github.com/getlago/lago-api/pull/2126
  'This PR enable the auto-retry mechanism for email delivery in case of `Net::ReadTimeout` network error',
  // Code that names or compares.
  'if err == io.EOF {',
  "case 'ECONNRESET':",
  "if (err.code === 'ETIMEDOUT') retry()",
  "const RETRYABLE = ['ECONNRESET', 'ETIMEDOUT', 'EPIPE'];",
  'except requests.exceptions.ConnectionError:',
  'rescue Net::ReadTimeout, Net::OpenTimeout => e',
  'catch (SocketTimeoutException e) {',
  'if errors.Is(err, io.EOF) {',
  '/ECONNRESET|EPIPE/.test(message)',
  'curl 7.68.0',
  'I resolved the issue by updating the URL.',
  // A setting's name without a word that it happened.
  'Adds a connect timeout to webhook messages.',
  'ELB tends to have a idle timeout value, after which it resets the connection if no packet is seen.',
  'What is the response timeout value for the webhook?',
  // Handling, examples and classes of errors.
  'The timeout exceptions we are currently handling with this PR are: Net::ReadTimeout and Net::OpenTimeout',
  'This PR adds the `Errno::ECONNREFUSED` error to the list of webhook delivery errors that should be reprocessed automatically.',
  '• Any connection error such as connection timeout, endpoint unreachable, bad SSL certificate.',
  '- `Net::OpenTimeout` on connect timeout',
  // Message templates in code, constants and definitions.
  "    print('Oops! Connection timed out {}'.format(e))",
  'pub const WSAECONNREFUSED: WSA_ERROR = 10061i32;',
  'DEADLINE_EXCEEDED (4): The deadline expired before the operation could complete.',
  '### ECONNREFUSED\nThe message’s recipient’s HTTP server is not running at all.',
  // A gateway's timeout status is what the sender saw, not a failure of its own connection.
  'Webhooks are stuck with 504 time out or so slow. When I hit the URL, all I get is a 504.',
  'Cloudflare Error 522 for popcorntime.sh\n\n"Connection timed out"',
  '408 Request Timeout The endpoint timed out processing the request.',
  // A reference page that defines the errors it names.
  '10060: Connection Timed Out\nSymptoms:\n- Applications fail to connect to remote servers after a timeout period.\n10061: Connection Refused',
];

describe('network failures in every runtime’s words', () => {
  it.each(FOUND)('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
    expect(mayHaveNetworkError(text)).toBe(true);
  });
});

describe('mentions that are not failures', () => {
  it.each(NOT_FOUND)('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });
});

describe('the prefilter lets every error code and phrase through', () => {
  const ALONE = [
    'MaxRetryError',
    'NXDOMAIN',
    'SEC_E_UNTRUSTED_ROOT',
    'UnknownHostException',
    "We couldn't deliver this payload",
    'took too long to respond',
    'hostname mismatch',
    'nodename nor servname provided',
    'Der angegebene Host ist unbekannt',
    'hôte inconnu',
    'winsock error 10061',
    'RemoteDisconnected',
    'IncompleteRead',
    'NoRouteToHostException',
  ];
  it.each(ALONE)('%j', (text) => {
    expect(problemsIn(text).length).toBeGreaterThan(0);
    expect(mayHaveNetworkError(text)).toBe(true);
  });
});

describe('documentation that lists failures', () => {
  it.each([
    'Set `timeout` to 30 to avoid ReadTimeout errors.',
    'Errors such as connection refused or DNS failures are retried for up to 24 hours.',
    'Braze will retry the webhook if it times out or returns a 5xx.',
    'To handle ECONNRESET, add a retry wrapper.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });
});

describe('status rows do not wake the network detector', () => {
  it.each(['HTTP 503 Service Unavailable', 'HTTP 505 HTTP Version Not Supported', 'HTTP 500 Internal Server Error'])('%j', (text) => {
    expect(mayHaveNetworkError(text)).toBe(false);
  });
});

describe('timeouts shown in a delivery listing, and possibilities', () => {
  it('reads a listing that shows timeouts as a timeout', () => {
    const text = 'the Webhook request listing shows some `TIMEOUT` entries for the `repo:push` event (10000ms).';
    expect(detectNetworkErrors(text).map((finding) => finding.problem)).toEqual(['timeout']);
  });

  it('does not read the second of two possibilities as a failure', () => {
    const text = '"message": "One or more webhooks returned an invalid response or were unreachable."';
    expect(detectNetworkErrors(text)).toEqual([]);
    expect(detectNetworkErrors('The host was unreachable.').map((finding) => finding.problem)).toEqual(['host-unreachable']);
  });
});

describe("Apple's URL loading errors, Elixir's transport errors, lookups that time out", () => {
  it.each<[string, string[]]>([
    ['The operation could not be completed. (NSURLErrorDomain error -1004.)', ['connection-failed']],
    ['Error Domain=NSURLErrorDomain Code=-1003 "(null)" UserInfo={_kCFStreamErrorCodeKey=8}', ['dns-failure']],
    ['Error Domain=kCFErrorDomainCFNetwork Code=-1001 "(null)"', ['timeout']],
    ['Task <A1B2> finished with error [-1202] Error Domain=NSURLErrorDomain Code=-1202', ['tls-certificate']],
    ['request failed: NSURLErrorNetworkConnectionLost', ['connection-reset']],
    ['14:02:11.520 [error] ** (Mint.TransportError) timeout', ['timeout']],
    ['{:error, %Mint.TransportError{reason: :timeout}}', ['timeout']],
    ['Finch returned {:error, :connect_timeout} for every request', ['timeout']],
    ['Post "https://hooks.example.org/in": dial tcp: lookup hooks.example.org: i/o timeout', ['dns-failure', 'timeout']],
    ['dial tcp: lookup hooks.example.org on 10.0.0.2:53: read udp 10.0.0.7:40112->10.0.0.2:53: i/o timeout', ['dns-failure', 'timeout']],
    ['# Timeout on DNS lookup from the worker', ['dns-failure', 'timeout']],
    ['Resolving hooks.example.org (hooks.example.org)... failed: Temporary failure in name resolution.', ['dns-failure']],
    ['SSL_read: tlsv1 alert unknown ca', ['tls-certificate']],
    // Go's lookup that failed for another reason stays one DNS failure.
    ['dial tcp: lookup hooks.example.org: no such host', ['dns-failure']],
    // A status's name is no timeout of the sender's; the gateway that timed out still is.
    ['API Error 502: the server reported a bad gateway or gateway timeout error.', []],
    ['The API gateway timed out after 30 seconds.', ['timeout']],
    // A guide's heading still makes a reference page.
    ['# Resolving Connection Timeout Errors\nA timeout happens when the server does not answer.', []],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });
});

describe("Heroku's router codes and .NET's cancelled task", () => {
  it.each<[string, string[]]>([
    ['heroku[router]: at=error code=H12 desc="Request timeout" method=POST path="/hooks" status=503', ['timeout']],
    ['heroku[router]: at=error code=H15 desc="Idle connection" method=POST path="/hooks" status=503', ['timeout']],
    ['heroku[router]: at=error code=H13 desc="Connection closed without response" method=POST status=503', ['unexpected-eof']],
    ['Our HttpClient keeps throwing a TaskCanceledException on timeout when the API is slow.', ['timeout']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });

  it.each([
    'We catch TaskCanceledException on timeout and retry.',
    'heroku[router]: at=info method=POST path="/hooks" status=200 service=31ms',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });
});

describe('.NET and PowerShell, wget, Bun and Elixir messages; a generic name before its message', () => {
  it.each<[string, string[]]>([
    ["Invoke-WebRequest : The remote name could not be resolved: 'hooks.example.com'", ['dns-failure']],
    ['Invoke-RestMethod : The underlying connection was closed: An unexpected error occurred on a send.', ['tls-handshake']],
    ['The underlying connection was closed: An unexpected error occurred on a receive.', ['connection-reset']],
    ['The request was aborted: Could not create SSL/TLS secure channel.', ['tls-handshake']],
    ['Could not establish trust relationship for the SSL/TLS secure channel.', ['tls-certificate']],
    ["ERROR: cannot verify hooks.example.com's certificate, issued by 'CN=R3':", ['tls-certificate']],
    ['SSL routines:ssl3_read_bytes:tlsv1 alert protocol version', ['tls-handshake']],
    ['Error Domain=NSURLErrorDomain Code=-1009 "The Internet connection appears to be offline."', ['host-unreachable']],
    ['{:error, %HTTPoison.Error{reason: :closed}}', ['unexpected-eof']],
    // Apple's own words for the same errors.
    ['A server with the specified hostname could not be found.', ['dns-failure']],
    ['The network connection was lost.', ['connection-reset']],
    ['An SSL error has occurred and a secure connection to the server cannot be made.', ['tls-handshake']],
    ['The certificate for this server is invalid. You might be connecting to a server that is pretending to be it.', ['tls-certificate']],
    ['error: FailedToOpenSocket: Was there a typo in the url or port?', ['connection-failed']],
    ['java.net.ConnectException: Failed to connect to /10.0.2.2:8080', ['connection-failed']],
    ['GuzzleHttp\\Exception\\ConnectException: cURL error 7: Failed to connect to localhost port 3000', ['connection-failed']],
    ['java.net.ConnectException: Connection refused', ['connection-refused']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });
});
