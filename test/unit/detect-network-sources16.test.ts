// Network failures as each runtime, proxy and platform writes them, taken from their sources
// rather than from the texts we happened to read: one row per runtime and kind (refused, reset,
// timeout, DNS, TLS, EOF/closed, unreachable). The source of each group is named above it.
import { describe, expect, it } from 'vitest';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';
import { mayHaveNetworkError } from '../../src/engine/detect/shared/prefilter';

const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);

/** [runtime, the kinds it reports (joined by "+" when a message names two), the message] */
const CELLS: Array<[string, string, string]> = [
  // curl_easy_strerror and the curl tool: https://github.com/curl/curl/blob/master/lib/strerror.c
  ['libcurl', 'timeout', 'curl: (28) Timeout was reached'],
  ['libcurl', 'unexpected-eof', 'curl: (52) Server returned nothing (no headers, no data)'],
  ['libcurl', 'connection-reset', 'curl: (56) Failure when receiving data from the peer'],
  ['libcurl', 'connection-reset', 'curl: (55) Failed sending data to the peer'],
  ['libcurl', 'connection-reset', 'curl: (55) Send failure: Broken pipe'],
  ['libcurl', 'tls-certificate', 'curl: (60) SSL peer certificate or SSH remote key was not OK'],
  ['libcurl', 'tls-handshake', 'curl: (35) SSL connect error'],
  ['libcurl', 'dns-failure', "curl: (6) Couldn't resolve host name"],
  ['libcurl', 'dns-failure', "curl: (5) Couldn't resolve proxy name"],
  ['libcurl', 'dns-failure', 'curl: (6) Could not resolve host: hooks.example.com'],
  ['libcurl', 'connection-refused', 'curl: (7) Failed to connect to localhost port 8080 after 0 ms: Connection refused'],
  ['libcurl', 'connection-failed', "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server"],
  ['libcurl', 'unexpected-eof', 'curl: (18) transfer closed with 1024 bytes remaining to read'],
  ['libcurl', 'host-unreachable', 'curl: (7) Failed to connect to 10.0.0.5 port 443 after 3 ms: No route to host'],
  // Node (https://github.com/nodejs/node/blob/main/lib/_http_client.js), undici (https://github.com/nodejs/undici/blob/main/lib/core/errors.js), axios, got, node-fetch
  ['node', 'connection-refused', 'Error: connect ECONNREFUSED 127.0.0.1:3000'],
  ['node', 'connection-reset', 'Error: read ECONNRESET'],
  ['node', 'timeout', 'Error: connect ETIMEDOUT 10.0.0.1:443'],
  ['node', 'dns-failure', 'Error: getaddrinfo ENOTFOUND api.example.com'],
  ['node', 'host-unreachable', 'Error: connect EHOSTUNREACH 10.0.0.9:443'],
  ['node', 'host-unreachable', 'Error: connect ENETUNREACH 10.0.0.9:443'],
  ['node', 'timeout', 'ConnectTimeoutError: Connect Timeout Error (attempted address: api.example.com:443, timeout: 10000ms)'],
  ['node', 'timeout', 'HeadersTimeoutError: Headers Timeout Error'],
  ['node', 'timeout', 'BodyTimeoutError: Body Timeout Error'],
  ['node', 'unexpected-eof', 'SocketError: other side closed'],
  ['node', 'timeout', 'AxiosError: timeout of 5000ms exceeded'],
  ['node', 'connection-failed', 'AxiosError: Network Error'],
  ['node', 'timeout', "TimeoutError: Timeout awaiting 'request' for 5000ms"],
  ['node', 'connection-refused', 'FetchError: request to https://api.example.com/hook failed, reason: connect ECONNREFUSED 127.0.0.1:443'],
  ['node', 'timeout', 'FetchError: network timeout at: https://api.example.com/hook'],
  ['node', 'connection-reset', 'Error: socket hang up'],
  [
    'node',
    'tls-certificate',
    "Error: Hostname/IP does not match certificate's altnames: Host: a.example.com. is not in the cert's altnames: DNS:b.example.com",
  ],
  ['node', 'tls-certificate', 'Error: unable to verify the first certificate'],
  ['node', 'tls-handshake', 'Error: Client network socket disconnected before secure TLS connection was established'],
  ['node', 'tls-handshake', 'Error: write EPROTO 140:error:1408F10B:SSL routines:ssl3_get_record:wrong version number'],
  // requests and urllib3 (https://github.com/urllib3/urllib3/blob/main/src/urllib3/connection.py), httpx/httpcore, aiohttp (https://github.com/aio-libs/aiohttp/blob/master/aiohttp/client_exceptions.py), urllib, ssl
  [
    'python',
    'connection-refused',
    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='a.example.com', port=443): Max retries exceeded with url: / (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))",
  ],
  [
    'python',
    'dns-failure',
    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='a.example.com', port=443): Max retries exceeded with url: / (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -2] Name or service not known'))",
  ],
  ['python', 'dns-failure', 'Failed to establish a new connection: [Errno 11001] getaddrinfo failed'],
  [
    'python',
    'timeout',
    "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='a.example.com', port=443): Max retries exceeded with url: / (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at 0x7f>, 'Connection to a.example.com timed out. (connect timeout=5)'))",
  ],
  [
    'python',
    'connection-reset',
    "requests.exceptions.ConnectionError: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))",
  ],
  [
    'python',
    'unexpected-eof',
    "requests.exceptions.ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))",
  ],
  [
    'python',
    'tls-certificate',
    "requests.exceptions.SSLError: HTTPSConnectionPool(host='a.example.com', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1129)')))",
  ],
  ['python', 'host-unreachable', 'OSError: [Errno 113] No route to host'],
  ['python', 'connection-refused', 'httpx.ConnectError: [Errno 111] Connection refused'],
  ['python', 'timeout', 'httpx.ReadTimeout: The read operation timed out'],
  ['python', 'timeout', 'httpx.ConnectTimeout: timed out'],
  ['python', 'unexpected-eof', 'httpx.RemoteProtocolError: Server disconnected without sending a response.'],
  ['python', 'dns-failure', 'httpx.ConnectError: [Errno 8] nodename nor servname provided, or not known'],
  [
    'python',
    'connection-failed',
    "aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host localhost:8080 ssl:default [Connect call failed ('127.0.0.1', 8080)]",
  ],
  ['python', 'connection-reset', 'aiohttp.client_exceptions.ClientOSError: [Errno 104] Connection reset by peer'],
  ['python', 'timeout', 'aiohttp.client_exceptions.ServerTimeoutError: Timeout on reading data from socket'],
  ['python', 'unexpected-eof', 'aiohttp.client_exceptions.ServerDisconnectedError: Server disconnected'],
  ['python', 'timeout', 'urllib.error.URLError: <urlopen error timed out>'],
  ['python', 'connection-refused', 'urllib.error.URLError: <urlopen error [Errno 111] Connection refused>'],
  ['python', 'dns-failure', 'urllib.error.URLError: <urlopen error [Errno -3] Temporary failure in name resolution>'],
  ['python', 'tls-handshake', 'ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1131)'],
  // java.net and java.net.http (https://github.com/openjdk/jdk), OkHttp, Apache HttpClient, Spring (https://github.com/spring-projects/spring-framework/blob/main/spring-web/src/main/java/org/springframework/web/client/RestTemplate.java), Netty, reactor-netty
  ['java', 'connection-refused', 'java.net.ConnectException: Connection refused'],
  ['java', 'connection-reset', 'java.net.SocketException: Connection reset'],
  ['java', 'timeout', 'java.net.SocketTimeoutException: connect timed out'],
  ['java', 'timeout', 'java.net.http.HttpConnectTimeoutException: HTTP connect timed out'],
  ['java', 'timeout', 'java.net.http.HttpTimeoutException: request timed out'],
  ['java', 'unexpected-eof', 'java.io.IOException: HTTP/1.1 header parser received no bytes'],
  ['java', 'dns-failure', 'java.net.UnknownHostException: api.example.com: Name or service not known'],
  ['java', 'host-unreachable', 'java.net.NoRouteToHostException: No route to host (Host unreachable)'],
  [
    'java',
    // The handshake exception and the certificate failure it carries, as the sets label them.
    'tls-handshake+tls-certificate',
    'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
  ],
  ['java', 'tls-handshake', 'javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure'],
  ['java', 'tls-handshake', 'javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake'],
  ['java', 'connection-reset', 'javax.net.ssl.SSLException: Connection reset'],
  ['java', 'timeout', 'java.net.SocketTimeoutException: timeout'],
  ['java', 'unexpected-eof', 'java.io.IOException: unexpected end of stream on http://10.0.2.2:8080/...'],
  ['java', 'connection-failed', 'java.net.ConnectException: Failed to connect to /10.0.2.2:8080'],
  ['java', 'tls-certificate', 'javax.net.ssl.SSLPeerUnverifiedException: Hostname api.example.com not verified'],
  [
    'java',
    'connection-refused',
    'org.apache.http.conn.HttpHostConnectException: Connect to api.example.com:443 [api.example.com/10.0.0.1] failed: Connection refused (Connection refused)',
  ],
  ['java', 'unexpected-eof', 'org.apache.http.NoHttpResponseException: api.example.com:443 failed to respond'],
  [
    'java',
    'timeout',
    'org.apache.http.conn.ConnectTimeoutException: Connect to api.example.com:443 [api.example.com/10.0.0.1] failed: connect timed out',
  ],
  [
    'java',
    'connection-refused',
    'org.springframework.web.client.ResourceAccessException: I/O error on POST request for "https://api.example.com/hook": Connection refused; nested exception is java.net.ConnectException: Connection refused',
  ],
  [
    'java',
    'timeout',
    'org.springframework.web.client.ResourceAccessException: I/O error on POST request for "https://api.example.com/hook": Read timed out; nested exception is java.net.SocketTimeoutException: Read timed out',
  ],
  [
    'java',
    'connection-refused',
    'io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: localhost/127.0.0.1:8080',
  ],
  ['java', 'timeout', 'io.netty.channel.ConnectTimeoutException: connection timed out: api.example.com/10.0.0.1:443'],
  ['java', 'timeout', 'io.netty.handler.timeout.ReadTimeoutException: null'],
  ['java', 'unexpected-eof', 'reactor.netty.http.client.PrematureCloseException: Connection prematurely closed BEFORE response'],
  ['java', 'connection-reset', 'io.netty.channel.unix.Errors$NativeIoException: recvAddress(..) failed: Connection reset by peer'],
  // .NET (https://github.com/dotnet/runtime/blob/main/src/libraries/System.Net.Http/src/Resources/Strings.resx)
  ['dotnet', 'connection-refused', 'System.Net.Http.HttpRequestException: Connection refused (localhost:5000)'],
  [
    'dotnet',
    'timeout',
    'System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.',
  ],
  [
    'dotnet',
    'connection-reset',
    'System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.',
  ],
  ['dotnet', 'connection-reset', 'System.IO.IOException: Unable to read data from the transport connection: Connection reset by peer.'],
  ['dotnet', 'tls-handshake', 'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.'],
  [
    'dotnet',
    'tls-certificate',
    'System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.',
  ],
  ['dotnet', 'dns-failure', 'System.Net.Http.HttpRequestException: Name or service not known (api.example.com:443)'],
  ['dotnet', 'dns-failure', 'System.Net.Http.HttpRequestException: Resource temporarily unavailable (api.example.com:443)'],
  ['dotnet', 'dns-failure', "System.Net.WebException: The remote name could not be resolved: 'api.example.com'"],
  ['dotnet', 'timeout', 'System.Net.WebException: The operation has timed out.'],
  ['dotnet', 'connection-failed', 'System.Net.WebException: Unable to connect to the remote server'],
  ['dotnet', 'unexpected-eof', 'System.Net.Http.HttpIOException: The response ended prematurely. (ResponseEnded)'],
  ['dotnet', 'host-unreachable', 'System.Net.Sockets.SocketException (113): No route to host'],
  // Go (https://github.com/golang/go/blob/master/src/net/http/transport.go, client.go, net/dnsclient.go)
  ['go', 'connection-refused', 'Post "https://api.example.com/hook": dial tcp 127.0.0.1:8080: connect: connection refused'],
  ['go', 'connection-reset', 'read tcp 10.0.0.2:5432->10.0.0.3:443: read: connection reset by peer'],
  [
    'go',
    'timeout',
    'Post "https://api.example.com/hook": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
  ],
  ['go', 'timeout', 'Post "https://api.example.com/hook": context deadline exceeded'],
  ['go', 'dns-failure', 'dial tcp: lookup api.example.com on 127.0.0.53:53: no such host'],
  ['go', 'tls-certificate', 'tls: failed to verify certificate: x509: certificate signed by unknown authority'],
  ['go', 'unexpected-eof', 'Post "https://api.example.com/hook": EOF'],
  ['go', 'timeout', 'net/http: TLS handshake timeout'],
  ['go', 'host-unreachable', 'dial tcp 10.0.0.1:443: connect: no route to host'],
  ['go', 'timeout', 'dial tcp 10.0.0.1:443: i/o timeout'],
  ['go', 'timeout', 'net/http: timeout awaiting response headers'],
  ['go', 'unexpected-eof', 'http: server closed idle connection'],
  // Ruby Net::HTTP (https://github.com/ruby/net-http/blob/master/lib/net/http.rb), Faraday (https://github.com/lostisland/faraday)
  [
    'ruby',
    'connection-refused',
    'Errno::ECONNREFUSED: Failed to open TCP connection to api.example.com:443 (Connection refused - connect(2) for "api.example.com" port 443)',
  ],
  ['ruby', 'timeout', 'Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>'],
  ['ruby', 'timeout', 'Net::OpenTimeout: execution expired'],
  ['ruby', 'dns-failure', 'SocketError: Failed to open TCP connection to api.example.com:443 (getaddrinfo: Name or service not known)'],
  ['ruby', 'unexpected-eof', 'EOFError: end of file reached'],
  ['ruby', 'connection-failed', 'Faraday::ConnectionFailed: Failed to open TCP connection to api.example.com:443'],
  ['ruby', 'timeout', 'Faraday::TimeoutError: Net::ReadTimeout'],
  ['ruby', 'host-unreachable', 'Errno::EHOSTUNREACH: No route to host - connect(2) for "10.0.0.1" port 443'],
  // Guzzle over cURL (https://github.com/guzzle/guzzle/blob/master/src/Handler/CurlFactory.php), PHP streams
  [
    'php',
    'connection-refused',
    'GuzzleHttp\\Exception\\ConnectException: cURL error 7: Failed to connect to api.example.com port 443: Connection refused (see https://curl.haxx.se/libcurl/c/libcurl-errors.html)',
  ],
  ['php', 'timeout', 'cURL error 28: Operation timed out after 30001 milliseconds with 0 bytes received'],
  ['php', 'tls-certificate', 'cURL error 60: SSL certificate problem: unable to get local issuer certificate'],
  ['php', 'connection-reset', 'cURL error 56: OpenSSL SSL_read: Connection reset by peer, errno 104'],
  ['php', 'dns-failure', 'file_get_contents(): php_network_getaddresses: getaddrinfo failed: Name or service not known'],
  ['php', 'connection-refused', 'file_get_contents(https://api.example.com): failed to open stream: Connection refused'],
  ['php', 'timeout', 'stream_socket_client(): unable to connect to tcp://mail.example.com:25 (Connection timed out)'],
  // reqwest and hyper (https://github.com/hyperium/hyper/blob/master/src/error.rs), std::io::ErrorKind
  [
    'rust',
    'connection-refused',
    'reqwest::Error { kind: Request, url: "http://localhost:8080/", source: hyper::Error(Connect, ConnectError("tcp connect error", Os { code: 111, kind: ConnectionRefused, message: "Connection refused" })) }',
  ],
  ['rust', 'timeout', 'error sending request for url (https://api.example.com/hook): operation timed out'],
  ['rust', 'dns-failure', 'error trying to connect: dns error: failed to lookup address information: Name or service not known'],
  ['rust', 'unexpected-eof', 'hyper::Error(IncompleteMessage): connection closed before message completed'],
  ['rust', 'tls-certificate', 'error trying to connect: invalid peer certificate: UnknownIssuer'],
  ['rust', 'connection-reset', 'hyper::Error(Io, Os { code: 104, kind: ConnectionReset, message: "Connection reset by peer" })'],
  ['rust', 'timeout', 'hyper::Error(Io, Kind(TimedOut))'],
  // HTTPoison/hackney (https://github.com/edgurgel/httpoison), Mint (https://github.com/elixir-mint/mint/blob/main/lib/mint/transport_error.ex), Erlang ssl alerts
  ['elixir', 'connection-refused', '{:error, %HTTPoison.Error{id: nil, reason: :econnrefused}}'],
  ['elixir', 'timeout', '{:error, %HTTPoison.Error{id: nil, reason: :timeout}}'],
  ['elixir', 'timeout', '{:error, %HTTPoison.Error{id: nil, reason: :connect_timeout}}'],
  ['elixir', 'dns-failure', '{:error, %HTTPoison.Error{id: nil, reason: :nxdomain}}'],
  ['elixir', 'unexpected-eof', '{:error, %HTTPoison.Error{id: nil, reason: :closed}}'],
  ['elixir', 'connection-refused', '{:error, %Mint.TransportError{reason: :econnrefused}}'],
  ['elixir', 'timeout', '** (Mint.TransportError) timeout'],
  [
    'elixir',
    'tls-certificate',
    "{:error, {:tls_alert, {:unknown_ca, 'TLS client: In state certify at ssl_handshake.erl:1950 generated CLIENT ALERT: Fatal - Unknown CA\n'}}}",
  ],
  [
    'elixir',
    'tls-handshake',
    "{:error, {:tls_alert, {:handshake_failure, 'TLS client: In state hello received SERVER ALERT: Fatal - Handshake Failure'}}}",
  ],
  ['elixir', 'connection-refused', '** (CaseClauseError) no case clause matching: {:connect_error, {:error, :econnrefused}}'],
  // nginx (https://github.com/nginx/nginx/blob/master/src/http/ngx_http_upstream.c)
  [
    'nginx',
    'connection-refused',
    '2020/09/08 17:58:56 [error] 3087#3087: *2 connect() failed (111: Connection refused) while connecting to upstream, client: 1.2.3.4',
  ],
  [
    'nginx',
    'timeout',
    '2020/09/08 17:58:56 [error] 3087#3087: *2 upstream timed out (110: Connection timed out) while reading response header from upstream',
  ],
  [
    'nginx',
    'connection-reset',
    '2020/09/08 17:58:56 [error] 3087#3087: *2 recv() failed (104: Connection reset by peer) while reading response header from upstream',
  ],
  [
    'nginx',
    'unexpected-eof',
    '2020/09/08 17:58:56 [error] 3087#3087: *2 upstream prematurely closed connection while reading response header from upstream',
  ],
  ['nginx', 'connection-failed', '2020/09/08 17:58:56 [error] 3087#3087: *3 no live upstreams while connecting to upstream'],
  [
    'nginx',
    'tls-handshake',
    '2020/09/08 17:58:56 [crit] 3087#3087: *2 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) while SSL handshaking to upstream',
  ],
  [
    'nginx',
    'tls-certificate',
    '2020/09/08 17:58:56 [error] 3087#3087: *2 upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream',
  ],
  ['nginx', 'dns-failure', '2020/09/08 17:58:56 [error] 3087#3087: *2 api.internal could not be resolved (3: Host not found)'],
  [
    'nginx',
    'host-unreachable',
    '2020/09/08 17:58:56 [error] 3087#3087: *2 connect() failed (113: No route to host) while connecting to upstream',
  ],
  // Envoy local replies (https://github.com/envoyproxy/envoy/blob/main/source/common/router/router.cc)
  ['envoy', 'connection-failed', 'upstream connect error or disconnect/reset before headers. reset reason: connection failure'],
  ['envoy', 'connection-reset', 'upstream connect error or disconnect/reset before headers. reset reason: connection termination'],
  [
    'envoy',
    'connection-refused',
    'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111',
  ],
  // GitHub and GitLab delivery logs, n8n (https://github.com/n8n-io/n8n/blob/master/packages/workflow/src/errors/node-api.error.ts), Twilio (https://www.twilio.com/docs/api/errors)
  ['platforms', 'connection-refused', "We couldn't deliver this payload: Connection refused"],
  ['platforms', 'timeout', 'We couldn’t deliver this payload: timed out'],
  ['platforms', 'tls-certificate', 'We couldn’t deliver this payload: Peer certificate cannot be authenticated with given CA certificates'],
  ['platforms', 'dns-failure', "We couldn’t deliver this payload: Couldn't resolve host"],
  ['platforms', 'timeout', 'Hook execution failed: Net::ReadTimeout'],
  ['platforms', 'connection-refused', 'The service refused the connection - perhaps it is offline'],
  ['platforms', 'timeout', "The connection timed out, consider setting the 'Retry on Fail' option in the node settings"],
  ['platforms', 'dns-failure', 'The DNS server returned an error, perhaps the server is offline'],
  [
    'platforms',
    'connection-reset',
    'The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.',
  ],
  ['platforms', 'connection-failed', 'Error - 11205 HTTP connection failure'],
  ['platforms', 'dns-failure', 'Error - 11210 HTTP bad host name'],
  ['platforms', 'tls-handshake', 'Error - 11220 SSL/TLS Handshake Error'],
  ['platforms', 'timeout', 'Twilio webhook error 11200: the request to your URL timed out'],
  // EADDRNOTAVAIL, Dio (https://github.com/cfug/dio/blob/main/dio/lib/src/dio_exception.dart), the AWS SDK for Java
  ['other clients', 'connection-failed', 'Cannot assign requested address (localhost:8989)'],
  ['other clients', 'timeout', 'The request connection took longer than 0:00:05.000000 and it was aborted.'],
  [
    'other clients',
    'timeout',
    'com.amazonaws.http.timers.client.ClientExecutionTimeoutException: Client execution did not complete before the specified timeout configuration',
  ],
  // glibc translations of strerror and gai_strerror (https://translationproject.org/domain/libc.html), .NET and browser messages, everyday words
  ['languages', 'timeout', 'O tempo limite da operação foi atingido.'],
  ['languages', 'timeout', 'Tempo limite de conexão esgotado'],
  ['languages', 'connection-refused', 'Conexão recusada'],
  ['languages', 'timeout', 'Erro: tempo esgotado'],
  ['languages', 'timeout', "Connexion terminée par expiration du délai d'attente"],
  ['languages', 'timeout', 'La connexion a expiré'],
  ['languages', 'connection-refused', 'Conexión rehusada'],
  ['languages', 'timeout', 'Expiró el tiempo de conexión'],
  ['languages', 'connection-reset', 'Conexión reinicializada por la máquina remota'],
  ['languages', 'connection-refused', 'Verbindungsaufbau abgelehnt'],
  ['languages', 'timeout', 'Die Wartezeit für die Verbindung ist abgelaufen'],
  ['languages', 'connection-reset', 'Die Verbindung wurde vom Kommunikationspartner zurückgesetzt'],
  ['languages', 'dns-failure', 'Name oder Dienst nicht bekannt'],
  ['languages', 'dns-failure', 'Temporärer Fehler bei der Namensauflösung'],
  ['languages', 'host-unreachable', 'Keine Route zum Zielrechner'],
  ['languages', 'connection-refused', 'Connessione rifiutata'],
  ['languages', 'timeout', 'Connessione scaduta'],
  ['languages', 'connection-reset', 'Connessione interrotta dal corrispondente'],
  ['languages', 'timeout', 'Tempo scaduto per la connessione'],
  ['languages', 'dns-failure', 'Nome o servizio sconosciuto'],
  ['languages', 'connection-refused', '接続を拒否されました'],
  ['languages', 'connection-reset', '相手からコネクションがリセットされました'],
  ['languages', 'timeout', '接続がタイムアウトしました'],
  ['languages', 'connection-refused', '拒绝连接'],
  ['languages', 'timeout', '连接超时'],
  ['languages', 'connection-reset', '连接被对方重设'],
  ['languages', 'host-unreachable', '没有到主机的路由'],
  ['languages', 'dns-failure', '未知的名称或服务'],
  ['languages', 'timeout', '网络超时了'],
  ['languages', 'timeout', '请求超时了'],
  ['languages', 'connection-refused', '연결이 거부되었습니다'],
  ['languages', 'timeout', '요청 시간이 초과되었습니다'],
  ['languages', 'connection-reset', '연결이 재설정되었습니다'],
  ['languages', 'connection-refused', 'В соединении отказано'],
  ['languages', 'timeout', 'Время ожидания соединения истекло'],
  ['languages', 'connection-reset', 'Соединение разорвано другой стороной'],
  ['languages', 'timeout', 'Истекло время ожидания запроса'],
  // Dio's older wording, Envoy's response code details, .NET's EAI_AGAIN without a host, an error named by the word.
  ['other clients', 'timeout', 'DioError [connection timeout]: The request connection took longer than 0:00:05.000000. It was aborted.'],
  ['envoy', 'connection-reset', 'upstream_reset_before_response_started{connection_termination}'],
  ['envoy', 'connection-failed', 'upstream_reset_before_response_started{connection_failure}'],
  [
    'dotnet',
    'dns-failure',
    'System.Net.Http.HttpRequestException: Resource temporarily unavailable\n ---> System.Net.Sockets.SocketException (11): Resource temporarily unavailable',
  ],
  ['languages', 'timeout', 'Error: timeout'],
  ['languages', 'timeout', 'Возникает ошибка timeout'],
];

/** The same words as settings, code and rules: nothing to report. */
const LOOK_ALIKES: string[] = [
  'Network timeout: 30s',
  'tempo limite: 30 segundos',
  'match err.kind() { ErrorKind::TimedOut => retry(), _ => fail() }',
  'if (e.type == DioExceptionType.connectionTimeout) {',
  'io::ErrorKind::HostUnreachable => continue,',
  'read: resource temporarily unavailable',
  "Set the 'Retry on Fail' option to retry when a request fails.",
  'The proxy treats `delayed connect error: 111` as retriable.',
  'case {:error, %HTTPoison.Error{reason: :timeout}} -> retry()',
  '{:error, :econnrefused} -> retry(state)',
  'We retry on connection refused, reset and timeout.',
  '超时时间: 30s',
  '请设置网络超时时间',
  'If the upstream connect error persists, check the sidecar.',
  'nginx: worker_connections 1024; proxy_connect_timeout 60s;',
  // A message template as a typed parameter's default value or a constant.
  '+    description: String = "A timeout has occurred when requesting the message data.",',
  'const msg = "A timeout has occurred when requesting the message data.";',
];

describe('network failures from their sources', () => {
  it.each(CELLS)('%s, %s: %s', (_runtime, kind, text) => {
    expect(mayHaveNetworkError(text)).toBe(true);
    const problems = problemsIn(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems)).toEqual(new Set(kind.split('+')));
  });

  it('covers every kind for the runtimes with a full table', () => {
    const kinds = (runtime: string): Set<string> => new Set(CELLS.filter(([name]) => name === runtime).map(([, kind]) => kind));
    for (const runtime of ['libcurl', 'node', 'python', 'java', 'dotnet', 'go']) {
      expect([...kinds(runtime)].sort()).toEqual(
        expect.arrayContaining(['connection-refused', 'connection-reset', 'dns-failure', 'timeout', 'unexpected-eof']),
      );
    }
  });

  it.each(LOOK_ALIKES)('reports nothing in %j', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });
});
