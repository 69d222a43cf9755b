// Network failures in wordings the detector learnt in session 11: Rust's rustls, OkHttp, curl's own
// messages through Guzzle, gRPC-Go, .NET's SslStream, and Windows socket errors in other languages.
// Real strings carry their source.
import { describe, expect, it } from 'vitest';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';
import { mayHaveNetworkError } from '../../src/engine/detect/shared/prefilter';

const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);

describe('runtime and platform wordings', () => {
  it.each<[string, string[]]>([
    // https://github.com/rustic-rs/rustic/issues/679
    [
      '[WARN] Error error sending request for url (https://backup.example:8000/config): error trying to connect: invalid peer certificate: UnknownIssuer',
      ['tls-certificate'],
    ],
    // https://github.com/googleapis/google-http-java-client/issues/399
    ['java.io.IOException: unexpected end of stream on com.android.okhttp.Address@d8f9801b', ['unexpected-eof']],
    // https://github.com/guzzle/guzzle/issues/1031: two failures, each with its own message.
    [
      'cURL error 35: SSL connect error [./vendor/guzzlehttp/guzzle/src/Exception/RequestException.php:49]\ncURL error 52: Server returned nothing (no headers, no data) [./vendor/guzzlehttp/guzzle/src/Exception/RequestException.php:49]',
      ['tls-handshake', 'unexpected-eof'],
    ],
    // https://github.com/guzzle/guzzle/issues/1349: the generic class name yields to the message below it.
    [
      '    [GuzzleHttp\\Exception\\ConnectException]\n    cURL error 35: Unknown SSL protocol error in connection to api.example.com:443',
      ['tls-handshake'],
    ],
    ['Error response from daemon: rpc error: code = 14 desc = grpc: the connection is unavailable', ['connection-failed']],
    ['System.IO.IOException: Authentication failed because the remote party has closed the transport stream.', ['tls-handshake']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
    expect(mayHaveNetworkError(text)).toBe(true);
  });
});

describe("Windows' socket errors and other messages in other languages", () => {
  it.each<[string, string[]]>([
    // https://github.com/kessil/AutoXue/issues/186
    ['Failed to establish a new connection: [WinError 10061] 由于目标计算机积极拒绝，无法连接。', ['connection-refused']],
    ['System.Net.Sockets.SocketException (0x80004005): 由于目标计算机积极拒绝，无法连接。', ['connection-refused']],
    ['Подключение не установлено, т.к. конечный компьютер отверг запрос на подключение.', ['connection-refused']],
    ['Nenhuma conexão pôde ser feita porque a máquina de destino as recusou ativamente.', ['connection-refused']],
    ["Aucune connexion n'a pu être établie car l'ordinateur cible l'a expressément refusée.", ['connection-refused']],
    ['대상 컴퓨터에서 연결을 거부했으므로 연결하지 못했습니다.', ['connection-refused']],
    ['対象のコンピューターによって拒否されたため、接続できませんでした。', ['connection-refused']],
    ['Удаленный хост принудительно разорвал существующее подключение.', ['connection-reset']],
    ['Se ha forzado la interrupción de una conexión existente por el host remoto.', ['connection-reset']],
    ['Eine vorhandene Verbindung wurde vom Remotehost geschlossen.', ['connection-reset']],
    ['既存の接続はリモート ホストに強制的に切断されました。', ['connection-reset']],
    // https://github.com/Flowseal/zapret-discord-youtube/issues/3709
    ['некоторые сайты отказываются открываться, выдавая ошибку "соединение сброшено"', ['connection-reset']],
    ['由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。', ['timeout']],
    [
      'Ein Verbindungsversuch ist fehlgeschlagen, da die Gegenstelle nach einer bestimmten Zeitspanne nicht richtig reagiert hat.',
      ['timeout'],
    ],
    ['웹훅 호출이 시간 초과로 실패했습니다', ['timeout']],
    ['Erro: Tempo limite esgotado ao enviar o webhook', ['timeout']],
    ['dial tcp: lookup chat on 169.254.78.1:53: 在 169.254.78.1:53 上查找聊天：没有这样的主机', ['dns-failure']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
    expect(mayHaveNetworkError(text)).toBe(true);
  });
});

// Generated API reference pages (dartdoc, hexdocs, rustdoc, Android, phpDocumentor) define the
// errors they name; someone who pastes such lines under "I get …" still reports.
describe('API reference pages name errors', () => {
  it.each([
    'CONNECT_TIMEOUT constant\nString\nconst CONNECT_TIMEOUT\nhttp request connect timeout error\nImplementation\nstatic const String CONNECT_TIMEOUT = "CONNECT_TIMEOUT";',
    'Req.Step.Retry (ReqLLM v1.0.0)\nRetries requests that fail with transient errors:\n  • Connection refused errors (:econnrefused)',
    'ConnectTimeoutException\nopen classConnectTimeoutException: InterruptedIOException\nA timeout while connecting to an HTTP server.\nSummary\nAdded in API level 1',
    'ConnectException\nextends TransferException\nException thrown when a connection cannot be established.\nTable of Contents\nInterfaces',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('a report that quotes such lines still counts', () => {
    const text = 'Summary\nI get this on every webhook call:\nImplementation\nError: connect ECONNREFUSED 10.0.0.5:443';
    expect(problemsIn(text)).toEqual(['connection-refused']);
  });
});

describe('a clause of "whether" asks, a bugfix title describes a change', () => {
  it.each([
    // https://developer.everee.com/docs/implementing-a-webhook-handler
    'When a failure occurs, whether due to a network error, a non-2xx status code, or a timeout, Everee tries to deliver the event again.',
    'It is valuable to be able to detect whether a timeout occurred on the connect syscall or on the read.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('a bugfix title and its description name the error they avoid', () => {
    // https://github.com/scality/Arsenal/pull/1334
    const text = '# bugfix: S3C-2201: econnreset rest client keep alive\nUse agentkeepalive to avoid econnreset on client sockets.';
    expect(problemsIn(text)).toEqual([]);
  });

  it('a report in the same words still counts', () => {
    expect(problemsIn('Not sure whether this is related, but I get Error: read ECONNRESET')).toEqual(['connection-reset']);
  });
});

describe('enumerations and code tables name errors', () => {
  it.each([
    // https://php.temporal.io/classes/Temporal-Client-GRPC-StatusCode.html
    'GRPC specific status codes.\n- ABORTED = 10\n- DEADLINE_EXCEEDED = 4\n- UNAVAILABLE = 14',
    // https://docs.wso2.com/pages/diffpages.action?originalId=47518764&pageId=50519189
    'Error Code Detail\n101504Connection timed out (no input was detected on this connection over the maximum period of inactivity)',
    // https://github.com/nodejs/undici/issues/1865
    'I have been looking for explanation on these error and when it is thrown, but still can not find it.\n- UND_ERR_BODY_TIMEOUT\n- UND_ERR_CONNECT_TIMEOUT\n- UND_ERR_HEADERS_TIMEOUT',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['ctx deadline_exceeded after 30s', ['timeout']],
    [
      'What does this mean? I got these:\n- UND_ERR_CONNECT_TIMEOUT\n- UND_ERR_HEADERS_TIMEOUT\n- ECONNRESET',
      ['timeout', 'timeout', 'connection-reset'],
    ],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });
});

describe('names defined, compared or avoided', () => {
  it.each([
    // https://github.com/louislam/uptime-kuma/issues/878
    'According to this wiki, EAI_AGAIN (from getaddrinfo) is a **temporary** failure in name resolution, which means we should retry.',
    'Axios reports an aborted request with ECONNABORTED as its code.',
    'Timeouts are different than DEADLINE_EXCEEDED.',
    // https://github.com/elastic/apm-nodejs-http-client/pull/179
    'Use agentkeepalive to time out free sockets first. This avoids occasional ECONNRESET errors.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each<[string, string[]]>([['The webhook failed: ECONNRESET is the error we see every night.', ['connection-reset']]])(
    '%j → %j',
    (text, problems) => {
      expect(problemsIn(text)).toEqual(problems);
    },
  );
});

describe('a Japanese setting page and a name missing from a list', () => {
  it.each([
    // https://help.zoho.com/portal/ja/kb/desk/self-service/guided-conversation/webhook/articles/webhookブロックにおけるリクエストのタイムアウト
    'Webhookブロックにおけるリクエストのタイムアウト\nリクエストのタイムアウトとは\nリクエストのタイムアウトの設定は、Webhookブロックの設計画面で行うことができます。',
    // https://github.com/yigitkonur/n8n-cli/blob/HEAD/observations/11-MEDIUM-econnrefused-not-retried.md
    '# ECONNREFUSED Not in Retry List\nThe retry logic lists specific network error codes.\n`ECONNREFUSED` is missing. This error occurs when the server is restarting.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['Webhookの送信がタイムアウトしました', ['timeout']],
    ['`ECONNREFUSED` is not handled and crashes the worker:\nError: connect ECONNREFUSED 10.0.0.2:443', ['connection-refused']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });
});

describe("musl's EAI_AGAIN through Python", () => {
  it('"[Errno -3] Try again" is a failed name lookup', () => {
    // https://github.com/Sitoi/dailycheckin/issues/196
    const text =
      "HTTPSConnectionPool(host='qyapi.weixin.qq.com', port=443): Max retries exceeded with url: /cgi-bin/webhook/send (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7ff7cbaeb250>: Failed to establish a new connection: [Errno -3] Try again'))";
    expect(problemsIn(text)).toEqual(['dns-failure']);
  });
});

describe("a parser's failure is not the network's", () => {
  it.each([
    // https://github.com/mattermost/mattermost (sb12-095's shape)
    '[EROR] /hooks/<key>:IncomingWebhook code=400 Unable to parse incoming data [details: EOF]',
    "# Connection Error: Unexpected character encountered while parsing value\nOn latest trunk version I get this connection error many times:\n\nNewtonsoft.Json.JsonReaderException: Unexpected character encountered while parsing value: <. Path '', line 0, position 0.",
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('an EOF on the wire still counts', () => {
    expect(problemsIn('Post "https://hooks.example.com/x": EOF')).toEqual(['unexpected-eof']);
  });
});

describe('docs show example messages and conditions in more shapes and languages', () => {
  it.each([
    // https://contensis.com/help-and-docs/user-guides/integration/webhooks/webhook-retry-policy
    "If the endpoint fails to return a response in this period, we'll mark the attempt as a failure and the message in the activity logs will be displayed as:\n\nJSON\nThe request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.",
    'The message will look like this:\nconnect ECONNREFUSED 10.0.0.1:443',
    // Japanese: "if there is no response within 3 seconds, we judge it failed by a timeout".
    '指定されたURLに対してウェブフック通知した際に、3秒以内にレスポンスがない場合、当社ではタイムアウトによって「失敗」と判定します。',
    // German and Spanish section labels of an error glossary.
    'getaddrinfo EAI_AGAIN / getaddrinfo ENOTFOUND\nBeschreibung: DNS-Auflösungsfehler. Dies weist in der Regel auf ein Netzwerkproblem hin.',
    'ECONNREFUSED\nDescripción: el servidor rechazó la conexión.\nSolución: compruebe que el servicio esté en marcha.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['This is what I get every time:\nconnect ECONNREFUSED 10.0.0.1:443', ['connection-refused']],
    ['Webhookがタイムアウトしました。3秒以内にレスポンスがない場合はどうなりますか', ['timeout']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });
});

// Messages as each runtime prints them (Apache HttpClient, reactor-netty, Netty, Go, hyper, curl,
// .NET, Erlang's httpc, Ktor, Dart, Node and undici, Ruby, browsers) and in more languages.
describe('more runtimes, browsers and languages', () => {
  it.each<[string, string[]]>([
    ['org.apache.http.NoHttpResponseException: api.example.com:443 failed to respond', ['unexpected-eof']],
    ['reactor.netty.http.client.PrematureCloseException: Connection prematurely closed BEFORE response', ['unexpected-eof']],
    ['io.netty.handler.timeout.ReadTimeoutException: null', ['timeout']],
    ['Post "https://hooks.example.com": http: server closed idle connection', ['unexpected-eof']],
    ['remote error: tls: bad certificate', ['tls-certificate']],
    ['hyper::Error(IncompleteMessage)', ['unexpected-eof']],
    ['cURL error 28: Resolving timed out after 5000 milliseconds', ['dns-failure', 'timeout']],
    ['curl: (18) transfer closed with 3452 bytes remaining to read', ['unexpected-eof']],
    ['System.Net.Http.HttpIOException: The response ended prematurely. (ResponseEnded)', ['unexpected-eof']],
    ['{error,socket_closed_remotely}', ['unexpected-eof']],
    [
      'io.ktor.client.plugins.HttpRequestTimeoutException: Request timeout has expired [url=https://x, request_timeout=1000 ms]',
      ['timeout'],
    ],
    ['ClientException: Connection closed while receiving data, uri=https://hooks.example.com', ['unexpected-eof']],
    ['Error: Client network socket disconnected before secure TLS connection was established', ['tls-handshake']],
    ['SocketError: other side closed', ['unexpected-eof']],
    ['Hook execution failed: end of file reached', ['unexpected-eof']],
    ['ssl.SSLEOFError: EOF occurred in violation of protocol (_ssl.c:1129)', ['tls-handshake']],
    ['Error: unable to get issuer certificate', ['tls-certificate']],
    ['net::ERR_CONNECTION_CLOSED', ['unexpected-eof']],
    ['net::ERR_INTERNET_DISCONNECTED', ['host-unreachable']],
    ['NS_ERROR_NET_TIMEOUT', ['timeout']],
    ['NS_ERROR_CONNECTION_REFUSED', ['connection-refused']],
    ['NS_ERROR_UNKNOWN_HOST', ['dns-failure']],
    ['NS_ERROR_NET_RESET', ['connection-reset']],
    ['Error code: SEC_ERROR_UNKNOWN_ISSUER', ['tls-certificate']],
    ['Error code: SSL_ERROR_BAD_CERT_DOMAIN', ['tls-certificate']],
    ['Error code: PR_END_OF_FILE_ERROR', ['tls-handshake']],
    ['Errore: connessione rifiutata', ['connection-refused']],
    ['Ошибка: Превышено время ожидания операции', ['timeout']],
    ['В соединении отказано', ['connection-refused']],
    ['연결이 거부되었습니다', ['connection-refused']],
    ['Przekroczono limit czasu połączenia', ['timeout']],
    ['Połączenie odrzucone', ['connection-refused']],
    ['Bağlantı reddedildi', ['connection-refused']],
    ['İstek zaman aşımına uğradı', ['timeout']],
    ['Verbinding geweigerd', ['connection-refused']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
    expect(mayHaveNetworkError(text)).toBe(true);
  });
});

describe("httpx's and Thunder Client's words", () => {
  it.each<[string, string[]]>([
    // https://github.com/joeShuff/vikunja-homeassistant/issues/50
    ['Error setting up Vikunja at http://192.168.0.120:3456: All connection attempts failed', ['connection-failed']],
    // Thunder Client's message for a host it cannot look up.
    ["Couldn't resolve the hostname to an IP address, Verify Url: https://hooks.example.invalid/x", ['dns-failure']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });
});

// Look-alikes written the way docs write them: a definition line, a table of remedies, a list's
// introduction, a classification, advice.
describe('docs define, list, classify and advise', () => {
  it.each([
    'ECONNRESET: the other side of the TCP conversation abruptly closed its end of the connection.',
    'ETIMEDOUT (Operation timed out): A connect or send request failed because the connected party did not properly respond after a period of time.',
    '| ECONNREFUSED | The server refused the connection | Check the port |',
    'Failure reasons include: Timeout, Connection refused, SSL error, DNS failure.',
    'Our endpoint must respond within 5 seconds, otherwise the request is considered timed out.',
    'Ensure your server supports TLS 1.2; older versions cause a handshake failure.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each<[string, string[]]>([
    // https://github.com/yeahwu/v2ray-wss/issues/19: Go's prefix in lower case is no defined name.
    [
      'connectex: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.',
      ['timeout'],
    ],
    ['| 2024-05-01 10:00:03 | ECONNREFUSED | failed | 3 |', ['connection-refused']],
    ['| ECONNREFUSED | 10:00:03 | attempt 2 |', ['connection-refused']],
    ['Ensure the port is open. I still get Error: read ECONNRESET on every call', ['connection-reset']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });
});

describe('code that builds or matches an error', () => {
  it.each([
    'mockResponse.mockRejectedValue(new Error("socket hang up"));',
    'reject(new TypeError("fetch failed"))',
    'assert.throws(() => send(), /ETIMEDOUT/);',
    'if (message.match(/ECONNRESET|EPIPE/)) retry();',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['Error: socket hang up\n    at connResetException (node:internal/errors:705:14)', ['connection-reset']],
    ['GET /hooks/x 500 - ECONNRESET / retrying', ['connection-reset']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });
});

describe('requests and examples', () => {
  it.each([
    '# Retry webhooks on network errors\nCurrently a webhook that fails with a network error is dropped. It should be retried like a 5xx.',
    'Example output when the host is down:\n```\ncurl: (7) Failed to connect to localhost port 9999: Connection refused\n```',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each<[string, string[]]>([
    [
      '# Retry webhooks on network errors\nOur last delivery failed with a network error: connect ECONNREFUSED 10.0.0.3:443',
      ['connection-refused'],
    ],
    [
      'Here is an example from my server:\n```\ncurl: (7) Failed to connect to localhost port 9999: Connection refused\n```',
      ['connection-refused'],
    ],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
  });
});

describe("httpx's cut body and Mint's closed socket", () => {
  it.each<[string, string[]]>([
    [
      'httpx.RemoteProtocolError: peer closed connection without sending complete message body (incomplete chunked read)',
      ['unexpected-eof'],
    ],
    ['** (Mint.TransportError) socket closed', ['unexpected-eof']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
    expect(mayHaveNetworkError(text)).toBe(true);
  });
});

describe('a request to improve messages proposes them', () => {
  it('"Provide more detailed error messaging …" names the errors it would explain', () => {
    // https://github.com/postmanlabs/postman-app-support/issues/1939
    const text =
      "Provide more detailed error messaging by trapping the socket errors and offering an interpretation.\n- If you get a TCP connection request timeout (ETIMEDOUT), that’s a connectivity issue. _“TCP connection attempt timed out. This may be a connectivity problem.”_\n- ENETUNREACH error - this one is less typical, but while you're checking anyway... _“You don't seem to be connected to a network.”_";
    expect(problemsIn(text)).toEqual([]);
  });

  it('a report under such a title still counts', () => {
    expect(
      problemsIn('Better error message for refused connections\nWe get this on every delivery:\nError: connect ECONNREFUSED 10.0.0.3:443'),
    ).toEqual(['connection-refused']);
  });
});

describe('a message template in backticks', () => {
  it.each([
    // https://github.com/fetchai/uAgents/pull/909
    'On dispenser wait timeout, include endpoint and queue depth in the error: `Message delivery timed out after Ns (endpoint=..., queued=...)`.',
    'The log now reads `Connection to {host} refused` instead of a stack trace.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('a backticked message without placeholders still reports', () => {
    expect(problemsIn('Our worker logged `connect ECONNREFUSED 10.0.0.3:443` all night.')).toEqual(['connection-refused']);
  });
});

describe('knowing when, and a rule about any request', () => {
  it.each([
    // https://github.com/axios/axios/issues/1543
    'This makes it difficult to tell when a request actually timed out vs. being aborted in a different way.',
    'The worker logs a warning when a request times out.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('the past tense may report', () => {
    expect(problemsIn('Yesterday, when a request timed out, the whole queue stalled.')).toEqual(['timeout']);
  });
});
