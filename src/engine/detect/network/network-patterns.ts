// The words in which runtimes, tools and webhook platforms report a network failure, by problem.
// Data only: network.ts compiles these tables into a few global regexes.

export type NetworkProblem =
  | 'connection-refused'
  | 'connection-reset'
  | 'connection-failed'
  | 'dns-failure'
  | 'tls-certificate'
  | 'tls-handshake'
  | 'timeout'
  | 'unexpected-eof'
  | 'host-unreachable';

export type PatternTable = ReadonlyArray<readonly [NetworkProblem, readonly string[]]>;

/**
 * Problems that only say "it did not connect": reported only when nothing more precise is on the
 * same line ("We couldn't deliver this payload: Connection refused" is a refusal).
 */
export const WEAK_PROBLEMS: ReadonlySet<NetworkProblem> = new Set(['connection-failed']);

/**
 * Names that only give the family (`SSLError` may be a handshake or a certificate, Guzzle's
 * `ConnectException` wraps any failure to connect, OpenSSL's `SSL_ERROR_SYSCALL` says a socket
 * call failed and leaves the errno after it to say how): reported
 * when nothing more precise shares their line, like the weak problems.
 */
export const GENERIC_NAMES: ReadonlySet<string> = new Set(['SSLError', 'ConnectException', 'SSL_ERROR_SYSCALL']);

/**
 * Phrases that only give the family of a TLS failure: .NET's "The SSL connection could not be
 * established, see inner exception" names no cause; when the inner exception names a certificate
 * problem, that is the failure (test/eval/LABELS.md's TLS ruling); a peer that hung up during it
 * leaves a handshake failure.
 */
const SSL_CONNECTION_NOT_ESTABLISHED = 'the ssl connection could not be established';
export const TLS_FAMILY_PHRASES: ReadonlySet<string> = new Set([SSL_CONNECTION_NOT_ESTABLISHED]);

/** Go's context and gRPC's status (`context deadline exceeded`, `DEADLINE_EXCEEDED`); the receiver words read it too. */
export const DEADLINE_EXCEEDED = 'deadline[ _]exceeded';

/** Plain-words messages (any case), matched as whole words. */
export const PHRASES: PatternTable = [
  [
    'connection-refused',
    [
      '(?:connect: )?connection (?:was )?refused',
      'no connection could be made because the target machine actively refused it',
      'actively refused',
      // The same .NET sentence misspelt or retyped: "the target machine activity refused it".
      'target machine [a-z]{1,12} refused it',
      // A non-native writer's noun: "connection timeout and connection refuse".
      'connection refuse',
      // Plain English and n8n's NodeApiError: "The service refused the connection", "127.0.0.1 refused to connect".
      // Windows' ERROR_CONNECTION_REFUSED (1225): "The remote computer refused the network connection".
      'refused (?:the|our|my) (?:network )?connection',
      'refused to connect',
      // Cloudflare's 521 page and plain English: "the server is refusing connections".
      'refusing (?:the |our |my |all |incoming )?connections?',
      // glibc's ECONNREFUSED in Spanish and German ("Conexión rehusada", "Verbindungsaufbau abgelehnt"),
      // Japanese ("接続を拒否されました").
      'conexi[óo]n rehusada',
      'verbindungsaufbau abgelehnt',
      '接続を拒否',
      // de, fr, es, ja, zh
      'verbindung (?:wurde )?abgelehnt',
      'connexion refus[ée]e',
      'conexi[óo]n rechazada',
      // .NET in Spanish: "el equipo de destino denegó expresamente dicha conexión".
      'deneg[óo] expresamente',
      '接続が拒否',
      '接続拒否',
      '连接被拒绝',
      '拒绝连接',
      '連線被拒',
      // Windows' 10061 in other languages: zh "由于目标计算机积极拒绝，无法连接", ru "конечный компьютер
      // отверг запрос на подключение", pt "a máquina de destino as recusou ativamente", fr "l'ordinateur cible
      // l'a expressément refusée", ko "대상 컴퓨터에서 연결을 거부했으므로", ja "…によって拒否されたため、接続できませんでした".
      '积极拒绝',
      'отверг запрос на подключение',
      'recusou ativamente',
      'conex[ãa]o recusada',
      'express[ée]ment refus[ée]e',
      '연결을 거부',
      '拒否されたため',
      // it, ru, ko, pl, tr, nl: "connessione rifiutata", "В соединении отказано", "연결이 거부되었습니다",
      // "Połączenie odrzucone", "Bağlantı reddedildi", "Verbinding geweigerd".
      'connessione rifiutata',
      'соединении отказано',
      '연결이 거부',
      'po[łl][ąa]czenie odrzucone',
      'ba[ğg]lant[ıi] reddedildi',
      'verbinding geweigerd',
    ],
  ],
  [
    'connection-reset',
    [
      '(?:(?:read|write): )?connection (?:was )?reset(?: by peer)?',
      // A title's shorthand: "request always reset by peer".
      'reset by peer',
      'socket hang up',
      '(?:write: )?broken pipe',
      '(?:an existing )?connection was forcibly closed by the remote host',
      'failure when receiving data from the peer',
      // libcurl's CURLE_SEND_ERROR (55), the same failure while sending.
      'failed sending data to the peer',
      // Envoy's local reply when the upstream closed the connection before answering.
      'reset reason: connection termination',
      // Envoy's response code details in its access log: `upstream_reset_before_response_started{connection_termination}`.
      'upstream_reset_before_response_started\\{(?:connection_termination|remote_reset)',
      'connection (?:to the (?:server|host|remote host) )?(?:was )?closed unexpectedly',
      'connection aborted',
      'the underlying connection was closed: an unexpected error occurred on a receive',
      // Apple's NSURLErrorNetworkConnectionLost.
      'the network connection was lost',
      // Cloudflare Workers' fetch: "Error: Network connection lost."
      'network connection (?:was )?lost',
      'verbindung (?:wurde )?zur[üu]ckgesetzt',
      // glibc in French writes "Connexion ré-initialisée par le correspondant".
      'connexion r[ée]-?initialis[ée]e',
      'conexi[óo]n restablecida',
      '连接被重置',
      // glibc's zh_CN "Connection reset by peer": curl's "Recv failure: 连接被对方重设".
      '连接被对方重[设置]',
      '连接重置',
      // Windows' 10054 in Chinese, "forcibly closed by the remote host": "远程主机强迫关闭了一个现有的连接",
      // retyped with 强制, or turned round ("现有的连接被远程主机强制关闭").
      '远程主机强[迫制]关闭',
      // Windows' 10054 in other languages: ru "Удаленный хост принудительно разорвал существующее подключение",
      // es "Se ha forzado la interrupción de una conexión existente por el host remoto", de "Eine vorhandene
      // Verbindung wurde vom Remotehost geschlossen", pt "Foi forçado o cancelamento de uma conexão existente
      // pelo host remoto", ja "既存の接続はリモート ホストに強制的に切断されました", ko "…원격 호스트에 의해 강제로 끊겼습니다";
      // and a browser's "соединение сброшено" (connection reset).
      'принудительно разорвал',
      'соединение сброшено',
      'Соединение сброшено',
      'forzado la interrupci[óo]n',
      'vom remotehost geschlossen',
      'for[çc]ado o cancelamento',
      '強制的に切断',
      '강제로 끊',
      // glibc's ECONNRESET in Spanish, German, Italian, Japanese, Russian, and Korean's "reset" ("Conexión
      // reinicializada por la máquina remota", "vom Kommunikationspartner zurückgesetzt", "Connessione interrotta
      // dal corrispondente", "相手からコネクションがリセットされました", "Соединение разорвано другой стороной", "연결이 재설정").
      'conexi[óo]n reinicializada',
      'vom kommunikationspartner zur[üu]ckgesetzt',
      'connessione interrotta dal corrispondente',
      'コネクションがリセット',
      '接続がリセット',
      'разорвано другой стороной',
      '연결이 재설정',
    ],
  ],
  [
    'connection-failed',
    [
      "(?:could not|couldn't|can ?not|can't|unable to|failed to) (?:connect|establish (?:a |the )?(?:new )?connection)",
      // Older curl's wording, as Guzzle 3 prints it: "[curl] 7: Failed connect to host:80; Connection refused".
      'failed connect to',
      'failed to open tcp connection',
      // "Error while connecting to cloud: Error: xhr poll error".
      '(?:error|failure) (?:while|when) connecting',
      'the connection cannot be established',
      "(?:we )?(?:couldn't|could not) deliver this payload",
      'connection (?:error|failure|failed)',
      'fetch failed',
      'failed to fetch',
      'network error',
      'max retries exceeded',
      // Rust reqwest's message when it names no cause: "error sending request for url (…)".
      'error sending request(?: for url)?',
      // hyper's ConnectError ("tcp open error", "tcp connect error") and gRPC's "14 UNAVAILABLE: Connect Failed".
      'tcp (?:open|connect) error',
      'connect failed',
      // gRPC's UNAVAILABLE when no channel could be opened: "14 UNAVAILABLE: No connection established".
      'no connection established',
      // httpx's ConnectError when every address of the host failed: "All connection attempts failed".
      'all connection attempts failed',
      // gRPC-Go's transport when the channel is gone: "rpc error: code = 14 desc = grpc: the connection is unavailable".
      'the connection is unavailable',
      // nginx when every server of an upstream is marked down; Envoy's local reply before it names the reason.
      'no live upstreams',
      'upstream connect error',
      'upstream_reset_before_response_started\\{(?:remote_)?connection_failure',
      // EADDRNOTAVAIL (.NET, Python, Go): the client ran out of local ports or has no such address.
      'cannot assign requested address',
    ],
  ],
  [
    'dns-failure',
    [
      'no such host(?: is known)?',
      'server misbehaving',
      'getaddrinfo',
      'name or service not known',
      // Rust hyper / reqwest: "dns error: failed to lookup address information: Try again".
      'failed to lookup address information',
      // getaddrinfo's EAI_NODATA as Android, aiohttp and hyper print it.
      'no address associated with hostname',
      // musl's EAI_AGAIN as Python prints it (Alpine images): "Failed to establish a new connection: [Errno -3] Try again".
      'errno -3\\] (?:try again|temporary failure in name resolution)',
      'temporary failure in name resolution',
      'nodename nor servname provided(?:, or not known)?',
      'name does not resolve',
      'dns (?:resolution|lookup) (?:failed|failure|error)',
      'dns server returned an error',
      // hyper's ConnectError names the step: `ConnectError("dns error", …)`.
      'dns error',
      '(?:dns )?lookup timed out',
      // A lookup that ran out of time is a failed lookup too: "Timeout on Hostname Lookup", Go's
      // "dial tcp: lookup api.example.com on 127.0.0.11:53: read udp …: i/o timeout" (the timeout
      // after it is reported on its own; `$` lets the classifier, which sees the match alone, agree).
      '(?:host ?name|dns|name) lookup (?:timed out|time ?out)',
      'time ?out on (?:the )?(?:host ?name|dns|name) (?:lookup|resolution)',
      // curl 28 while the name was still being looked up: "Resolving timed out after 5000 milliseconds".
      'resolving timed out',
      'dial tcp: lookup [^\\s:]{1,253}(?: on [\\da-f.:\\[\\]]{3,60})?:(?=[ \\t](?:read udp [^\\s]{1,80}: )?i/o timeout|$)',
      // Guzzle / curl 5: "Could not resolve proxy" is a failed name lookup too, the proxy's.
      "(?:could not|couldn't|failed to|unable to|cannot|can't) resolve (?:the )?(?:host(?:name)?|proxy)",
      'unknown host',
      // Dart's SocketException: "Failed host lookup: 'example.com'".
      'failed host lookup',
      // .NET's WebException (PowerShell's Invoke-WebRequest): "The remote name could not be resolved: 'host'".
      'the remote name could not be resolved',
      // Apple's URL loading messages (NSURLErrorCannotFindHost).
      'a server with the specified hostname could not be found',
      'host not found',
      // .NET's "No such host is known" in Russian: "Этот хост неизвестен", "Такой хост неизвестен".
      'хост неизвестен',
      'der angegebene host ist unbekannt',
      'h[ôo]te inconnu',
      '名前解決',
      '无法解析',
      '域名解析失败',
      // Go's "no such host" as a Chinese Windows resolver reports it: "查找 …：没有这样的主机".
      '没有这样的主机',
      // .NET on Linux reports EAI_AGAIN by its strerror with the host after it: "Resource temporarily unavailable (api.example.com:443)".
      'resource temporarily unavailable \\([^\\s()]{1,253}:\\d{1,5}\\)',
      // The same failure where .NET names no host: its SocketException carries EAI_AGAIN's number 11.
      'socketexception \\(11\\): resource temporarily unavailable',
      // Twilio's 11210.
      'http bad host name',
      // glibc's EAI_NONAME and EAI_AGAIN in German, Italian and Chinese ("Name oder Dienst nicht bekannt",
      // "Temporärer Fehler bei der Namensauflösung", "Nome o servizio sconosciuto", "未知的名称或服务"), Korean "host not found".
      'name oder dienst nicht bekannt',
      'fehler bei der namensaufl[öo]sung',
      'nome o servizio sconosciuto',
      '未知的名称或服务',
      '호스트를 찾을 수 없',
    ],
  ],
  [
    'tls-certificate',
    [
      'tls: failed to verify certificate',
      'x509:(?: certificate(?: signed by unknown authority| has expired(?: or is not yet valid)?| is not (?:yet )?valid| is valid for)?)?',
      'certificate has expired',
      'self[ -]signed certificate(?: in certificate chain)?',
      'ssl certificate problem',
      'certificate verify failed',
      'certificate signed by unknown authority',
      'invalid (?:ssl |tls |server )?certificate',
      '(?:ssl|tls)(?: certificate)? (?:has )?expired',
      'certificate(?: of [^\\s]{1,80})? (?:is|was) (?:expired|invalid)',
      // Plain words for the same failure: "SSL cert expired", "the TLS certificate had expired", "I
      // receive a certificate error", "the ssl cert on the server wasn't matching the IP address".
      '(?:ssl |tls )?cert(?:ificate)? (?:had |has )?expired',
      'expired (?:ssl |tls )?cert(?:ificate)?',
      // Not the setting "ignore certificate errors" (the look-behind follows the first letter: every
      // pattern starts with a literal, grouped-regex.ts), nor a counter ("Certificate errors: 0",
      // "certificate errors = 3"): a number after a colon or an equals sign counts them.
      'c(?<!ignor(?:e|es|ed|ing) (?:ssl |tls |all |any )?c)ertificate errors?(?![ \\t]*[:=][ \\t]*\\d)',
      "cert(?:ificate)? (?:wasn't|was not|isn't|is not|doesn't|does not|didn't|did not) match(?:ing)?",
      'unable to (?:get (?:local )?issuer certificate|verify the first certificate)',
      "does not match certificate's altnames",
      'hostname mismatch',
      'pkix path building failed',
      'unable to find valid certification path',
      'the remote certificate is invalid',
      'peer certificate cannot be authenticated',
      'no alternative certificate subject name matches',
      // rustls through reqwest and hyper: "error trying to connect: invalid peer certificate: UnknownIssuer".
      'invalid peer certificate',
      // Go's names of the peer's certificate alerts: "remote error: tls: bad certificate".
      'tls: (?:bad certificate|unknown certificate(?: authority)?|certificate required|expired certificate|unsupported certificate)',
      // wget: "ERROR: cannot verify example.com's certificate"; .NET: "Could not establish trust relationship for the SSL/TLS secure channel".
      "cannot verify [^\\s]{1,100}['’]s certificate",
      'could not establish trust relationship for the ssl/tls secure channel',
      // Apple's NSURLErrorServerCertificateUntrusted.
      'the certificate for this server is invalid',
      // The peer's TLS alert names the certificate: "sslv3 alert certificate expired", "tlsv1 alert unknown ca".
      '(?:sslv3|tlsv1(?:\\.[0-3])?|tls) alert (?:certificate (?:expired|revoked|unknown|unobtainable)|bad certificate|unsupported certificate|unknown ca)',
      // Erlang's ssl (hackney, Mint, Finch): `{:tls_alert, {:unknown_ca, …}}`, "… ALERT: Fatal - Certificate Expired".
      'tls_alert, \\{:(?:unknown_ca|bad_certificate|certificate_expired|certificate_unknown|certificate_revoked)',
      'alert: fatal - (?:unknown ca|bad certificate|certificate expired|certificate unknown|certificate revoked)',
    ],
  ],
  [
    'tls-handshake',
    [
      '(?:remote error: )?tls: handshake failure',
      '(?:ssl|tls) handshake (?:failed|failure|error|eof)',
      '(?:error|failure|eof) (?:on|during|in) (?:the )?(?:ssl|tls) handshake',
      '(?:alert )?handshake[ _]failure',
      'received fatal alert',
      'wrong version number',
      'tls: protocol version not supported',
      'tls: first record does not look like a tls handshake',
      SSL_CONNECTION_NOT_ESTABLISHED,
      'ssl connect error',
      'ssl_connect returned',
      // Dart: "HandshakeException: Handshake error in client (OS Error: …)".
      'handshake error in client',
      // The peer's alert about the protocol, not the certificate: "tlsv1 alert protocol version".
      '(?:sslv3|tlsv1(?:\\.[0-3])?|tls) alert (?:protocol version|handshake failure|internal error|decode error|illegal parameter|insufficient security)',
      // .NET's WebException when TLS versions do not match: "An unexpected error occurred on a send", "Could not create SSL/TLS secure channel".
      'the underlying connection was closed: an unexpected error occurred on a send',
      'could not create ssl/tls secure channel',
      // .NET's SslStream when the peer hangs up mid-handshake: "Authentication failed because the remote party has closed the transport stream".
      'authentication failed because the remote party (?:has )?closed the transport stream',
      // curl 35 in older builds: "Unknown SSL protocol error in connection to api.example.com:443".
      'unknown ssl protocol error',
      // Node when the peer hangs up mid-handshake; Python's SSLEOFError message.
      'client network socket disconnected before secure tls connection was established',
      'eof occurred in violation of protocol',
      // Apple's NSURLErrorSecureConnectionFailed.
      'an ssl error has occurred and a secure connection to the server cannot be made',
      'tls error',
    ],
  ],
  [
    'timeout',
    [
      'i/o timeout',
      `(?:context )?${DEADLINE_EXCEEDED}`,
      'client\\.timeout exceeded(?: while awaiting headers)?',
      'httpclient\\.timeout',
      'tls handshake timeout',
      '(?:connect|connection|read|write|socket|idle|response|service|network) timeout',
      'operation time[ -]?out',
      // A timeout told as an event: "A timeout occurred when sending …", got's "Timeout awaiting 'request'".
      'time[ -]?out (?:has |had )?(?:occurred|occured|happened)',
      'timeout awaiting',
      // Ktor: "Request timeout has expired [url=…]".
      'time[ -]?out has expired',
      // it, ru, pl, tr: "tempo scaduto", "Превышено время ожидания", "Przekroczono limit czasu", "zaman aşımına uğradı".
      'przekroczono limit czasu',
      'zaman a[şs][ıi]m',
      // Russian, after its first letter, which may be capitalised: "(П|п)ревышено время ожидания", "(И|и)стекло время ожидания".
      'ревышено время ожидания',
      'стекло время ожидания',
      // Heroku's router: `at=error code=H12 desc="Request timeout"`, H15 an idle connection.
      'code=h1[25]',
      // .NET's HttpClient reports its timeout as a cancelled task: "throwing a TaskCanceledException on timeout".
      'taskcanceledexception (?:on|due to|because of) (?:an? |the )?time[ -]?out',
      // Elixir's Mint and Finch: "** (Mint.TransportError) timeout", `%Mint.TransportError{reason: :timeout}`,
      // `{:error, :connect_timeout}`.
      // Any Elixir exception printed with its reason atom: "** (Finch.Error) request_timeout".
      // The parenthesis is needed after a bare "error": nginx's `proxy_next_upstream error timeout` is a setting.
      '(?:transporterror\\)?|error\\)) :?(?:request_|connect_|recv_|receive_|checkout_|pool_)?timeout',
      'transporterror\\{reason: :timeout',
      '(?:reason|error)(?:,|:) :?:(?:connect_|recv_|checkout_)?timeout',
      // Japanese with the English word: "webhookがtimeoutする", "timeoutした".
      'time[ -]?out(?:する|した|して|しま)',
      'timeout of \\d{1,7} ?ms exceeded',
      'timeout (?:exceeded|expired|error|reached|issue|problem)s?',
      '(?:request )?status: time[ -]?out',
      'time out (?:frequently|often|sometimes|randomly|intermittently|constantly|regularly)',
      // Requests told as timing out, in the plural: "Webhook deliveries time out for certain events".
      '(?:requests|deliveries|calls|webhooks|connections|uploads|downloads) (?:all |still |now |just )?time[ -]?out',
      'timed out',
      '(?:times|timing) out',
      // A timeout told as something that happened: "causes timeout", "getting a time-out", a
      // delivery log that "shows some `TIMEOUT` entries".
      '(?:caus(?:e|es|ed|ing)|result(?:s|ed|ing)? in|fail(?:s|ed|ing)? with|g[eo]t(?:s|ting)?|hit(?:s|ting)?|encounter(?:s|ed|ing)?|experienc(?:e|es|ed|ing)|show(?:s|ed|ing|n)?) (?:an? |the |some |many |frequent )?`?time[ -]?outs?`?',
      // "the app … is taking too long to respond (over 10 seconds)".
      '(?:takes|taking|took|take) too long to (?:respond|answer|reply)',
      // Windows ERROR_SEM_TIMEOUT (WinError 121), in English and in Chinese.
      'the semaphore timeout period has expired',
      '信号灯超时时间已到',
      'did not properly respond after a period of time',
      // The same Windows message (WSAETIMEDOUT) in Spanish: "no respondió adecuadamente tras un periodo de tiempo".
      'no respondi[óo] adecuadamente',
      // And in Chinese, German, French, Japanese, Korean, Portuguese ("由于连接方在一段时间后没有正确答复",
      // "da die Gegenstelle nach einer bestimmten Zeitspanne nicht richtig reagiert hat", "n'a pas répondu
      // convenablement", "一定の時間を過ぎても正しく応答しなかった", "연결된 구성원으로부터 응답이 없어", "Tempo esgotado").
      '没有正确答复',
      'nicht richtig reagiert',
      "n['’]a pas r[ée]pondu convenablement",
      '正しく応答しなかった',
      '응답이 없어 연결하지 못',
      '시간 초과',
      // Korean's loanword told as an event ("타임아웃이 발생했습니다", "타임아웃으로 실패"), not the noun of a setting.
      '타임 ?아웃(?:이 발생|이 났|이 나|됐|되었|됩니다|되어|으로)',
      'tempo (?:limite )?(?:de espera )?esgotado',
      'execution expired',
      'zeit[üu]berschreitung',
      // glibc's ETIMEDOUT in German, Spanish and Italian; .NET's "The operation has timed out" in Portuguese
      // ("O tempo limite da operação foi atingido"); Firefox's and plain French, Italian ("La connexion a expiré",
      // "délai dépassé", "tempo scaduto").
      'wartezeit f[üu]r die verbindung ist abgelaufen',
      'expir[óo] el tiempo de (?:conexi[óo]n|espera)',
      'connessione scaduta',
      'tempo (?:di (?:attesa|connessione) )?scaduto',
      'tempo limite (?:da opera[çc][ãa]o |de (?:conex[ãa]o|espera|liga[çc][ãa]o) )?(?:foi )?(?:atingido|esgotado|excedido)',
      'la connexion a expir[ée]',
      'd[ée]lai (?:de connexion )?(?:d[ée]pass[ée]|expir[ée])',
      // Dio's connection and receive timeouts: "The request connection took longer than 0:00:05.000000 and it was aborted."
      'took longer than [^\\s]{1,40}(?: and|\\.) it was aborted',
      'took longer than [^\\s]{1,40} to (?:receive|send) data',
      // An error named by the word alone: "Error: timeout", ru "ошибка timeout" (the first letter left out).
      'error: time[ -]?out',
      'шибк[аиу] timeout',
      // The AWS SDK for Java: "Client execution did not complete before the specified timeout configuration".
      'did not complete before the specified timeout',
      "d[ée]lai d['’]attente",
      'tiempo de espera (?:agotado|excedido)',
      'se agot[óo] el tiempo de espera',
      'タイムアウト',
      '连接超时',
      '请求超时',
      '读取超时',
      '响应超时',
      '連線逾時',
      '逾時',
      // zh with its subject or its past mark ("网络超时", "请求超时了"); ko "시간이 초과되었습니다"; ru
      // "Время ожидания соединения истекло" (the first letter left out: it may be upper-case).
      '(?:网络|访问|调用|推送|回调|发送)超时',
      '超时了',
      '시간이 초과',
      'ремя ожидания (?:соединения |подключения |запроса |ответа )?истекло',
    ],
  ],
  [
    'unexpected-eof',
    [
      'unexpected eof',
      'empty reply from server',
      'remote end closed connection without response',
      'server disconnected',
      'premature close',
      // nginx: the upstream closed before it answered ("upstream prematurely closed connection while reading response header").
      'prematurely closed (?:the )?connection',
      // Rust hyper's IncompleteMessage: the peer closed before the whole response came; Nim's
      // httpclient and others when it closed before a whole request or response went through.
      'connection closed before message completed',
      // Any peer that closed before its answer or the request went through: "Connection has been closed
      // BEFORE send operation", fasthttp's "the server closed connection before returning the first response byte".
      '(?:connection (?:has been |had been |was )?closed|closed (?:the )?connection) before (?:returning |sending |receiving )?(?:the |a |any )?(?:first |full |whole |complete |entire )?(?:request|response|message|body|send|headers?)',
      // .NET Framework's IOException when the peer closed: "Unable to read data from the transport connection: The connection was closed."
      'unable to read data from the transport connection: the connection was closed',
      // Elixir's hackney and Mint when the peer closed: `%HTTPoison.Error{reason: :closed}`.
      'reason: :closed',
      // Heroku's router: `code=H13 desc="Connection closed without response"`.
      'code=h13',
      // Dart's HttpException (http, dio): the server closed before the response's headers came.
      'connection closed before full header was received',
      // OkHttp when the server closed before the response's headers: "java.io.IOException: unexpected end of stream on …".
      'unexpected end of stream',
      // curl 52's message, as Guzzle prints it: "cURL error 52: Server returned nothing (no headers, no data)".
      'server returned nothing',
      // Go's client when the server closed a kept-alive connection; reactor-netty's, undici's, Dart's and
      // .NET's words for a peer that closed before the response ended; Ruby's EOFError message; curl 18.
      'server closed idle connection',
      // httpx / h11 when the body was cut: "peer closed connection without sending complete message body".
      'peer closed connection without sending complete message body',
      // Mint and Req when the peer closed: "** (Mint.TransportError) socket closed".
      'transporterror\\)? socket closed',
      'connection prematurely closed',
      'other side closed',
      'connection closed while receiving data',
      'the response ended prematurely',
      'end of file reached',
      'transfer closed with \\d{1,12} bytes remaining to read',
      // The JDK's HttpClient when the server closed before a status line: "HTTP/1.1 header parser received no bytes".
      'header parser received no bytes',
    ],
  ],
  [
    'host-unreachable',
    [
      'no route to host',
      // Apple's NSURLErrorNotConnectedToInternet: "The Internet connection appears to be offline."
      'the internet connection appears to be offline',
      '(?:network|host) (?:is )?unreachable',
      '(?:is|was|are|were|seems|became) (?:not reachable|unreachable)',
      "(?:could not|couldn't|cannot|can't|unable to|failed to) reach (?:the )?(?:remote )?(?:host|server|endpoint|url|api|destination|receiver|webhook)",
      // glibc's EHOSTUNREACH in German and Chinese.
      'keine route zum zielrechner',
      '没有到主机的路由',
    ],
  ],
];

/**
 * Error codes and exception class names as programs print them: exact case, whole tokens (not
 * "eof" in "GEOFF"). `Errno::ECONNREFUSED` and `java.net.ConnectException` match by their last part.
 */
export const ERROR_CODES: PatternTable = [
  [
    'connection-refused',
    // `ConnectionRefused` is Rust's io::ErrorKind as reqwest and hyper print it.
    [
      '(?:WSA)?ECONNREFUSED',
      'ERR_CONNECTION_REFUSED',
      'ConnectionRefusedError',
      'ConnectionRefused',
      'NS_ERROR_CONNECTION_REFUSED',
      // The ESP32 Arduino core's HTTPClient (`HTTPC_ERROR_CONNECTION_REFUSED`, -1) and its siblings below.
      'HTTPC_ERROR_CONNECTION_REFUSED',
      'ConnectException',
      'HttpHostConnectException',
    ],
  ],
  [
    'connection-reset',
    [
      '(?:WSA)?ECONNRESET',
      'ERR_CONNECTION_RESET',
      'EPIPE',
      // Rust's io::ErrorKind as reqwest and hyper print it: `kind: ConnectionReset`.
      'ConnectionReset(?:Error)?',
      'ConnectionAbortedError',
      'NSURLErrorNetworkConnectionLost',
      'BrokenPipeError',
      'UND_ERR_SOCKET',
      'ERR_STREAM_PREMATURE_CLOSE',
      'NS_ERROR_NET_RESET',
      'HTTPC_ERROR_CONNECTION_LOST',
    ],
  ],
  [
    'connection-failed',
    [
      'ConnectionError',
      'NewConnectionError',
      'MaxRetryError',
      'ClientConnectorError',
      'ConnectionFailed',
      'SocketException',
      'ERR_CONNECTION_FAILED',
      'HTTPC_ERROR_NOT_CONNECTED',
      'ERR_NETWORK',
      'NSURLErrorCannotConnectToHost',
      // Bun's fetch: "FailedToOpenSocket: Was there a typo in the url or port?".
      'FailedToOpenSocket',
      // gRPC's UNAVAILABLE as Python's grpcio prints it: "(StatusCode.UNAVAILABLE, failed to connect to all addresses)".
      'StatusCode\\.UNAVAILABLE',
    ],
  ],
  [
    'dns-failure',
    [
      'ENOTFOUND',
      'EAI_AGAIN',
      'EAI_NONAME',
      'ERR_NAME_NOT_RESOLVED',
      'NXDOMAIN',
      'UnknownHostException',
      'NSURLErrorCannotFindHost',
      'NSURLErrorDNSLookupFailed',
      // libcurl's own names, as a program prints its result code.
      'CURLE_COULDNT_RESOLVE_(?:HOST|PROXY)',
      'NameResolutionError',
      // Node's dns module names the query that failed: "queryA ETIMEOUT mail.example.com", "querySrv ENOTFOUND".
      'query(?:A|AAAA|Any|Caa|Cname|Mx|Naptr|Ns|Ptr|Soa|Srv|Txt) E(?:TIMEOUT|NOTFOUND|SERVFAIL|REFUSED|CONNREFUSED|NODATA)',
      'gaierror',
      'WSAHOST_NOT_FOUND',
      'NS_ERROR_UNKNOWN_HOST',
    ],
  ],
  [
    'tls-certificate',
    [
      'CERT_HAS_EXPIRED',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'CERTIFICATE_VERIFY_FAILED',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'ERR_CERT_[A-Z_]{1,32}',
      'SSLCertVerificationError',
      'ClientConnectorCertificateError',
      'CertPathValidatorException',
      'SEC_E_UNTRUSTED_ROOT',
      // okhttp: "SSLPeerUnverifiedException: Hostname slack.com not verified".
      'SSLPeerUnverifiedException',
      'NSURLErrorServerCertificate(?:HasBadDate|Untrusted|HasUnknownRoot|NotYetValid)',
      // Firefox's certificate errors: SEC_ERROR_UNKNOWN_ISSUER, SSL_ERROR_BAD_CERT_DOMAIN, MOZILLA_PKIX_ERROR_….
      'SEC_ERROR_[A-Z_]{1,40}',
      'SSL_ERROR_BAD_CERT_DOMAIN',
      'MOZILLA_PKIX_ERROR_[A-Z_]{1,40}',
    ],
  ],
  [
    'tls-handshake',
    [
      'EPROTO',
      'ERR_SSL_PROTOCOL_ERROR',
      'ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
      'WRONG_VERSION_NUMBER',
      'SSLV3_ALERT_HANDSHAKE_FAILURE',
      // OpenSSL's SSL_connect failing on a socket error: "OpenSSL SSL_connect: SSL_ERROR_SYSCALL".
      'SSL_ERROR_SYSCALL',
      'SSLHandshakeException',
      'HandshakeException',
      'SSLError',
      'ClientConnectorSSLError',
      'NSURLErrorSecureConnectionFailed',
      'SSLEOFError',
      // Firefox's "Secure Connection Failed" when the peer closed during the handshake.
      'PR_END_OF_FILE_ERROR',
    ],
  ],
  [
    'timeout',
    [
      '(?:WSA)?ETIMEDOUT',
      'ESOCKETTIMEDOUT',
      'ECONNABORTED',
      'ERR_TIMED_OUT',
      'ERR_CONNECTION_TIMED_OUT',
      'UND_ERR_(?:CONNECT|HEADERS|BODY)_TIMEOUT',
      '(?:Net::)?(?:Read|Open|Write)Timeout',
      'ReadTimeoutError',
      'ConnectTimeout(?:Error|Exception)?',
      'CURLE_OPERATION_TIMEDOUT',
      'SocketTimeoutException',
      'NSURLErrorTimedOut',
      'HttpTimeoutException',
      'TimeoutError',
      'ServerTimeoutError',
      'NS_ERROR_NET_TIMEOUT',
      'HTTPC_ERROR_READ_TIMEOUT',
      // Netty's and Ktor's timeouts, httpx's wait for a pooled connection.
      '(?:Read|Write)TimeoutException',
      'HttpRequestTimeoutException',
      'PoolTimeout',
      // Rust's io::ErrorKind (`Kind(TimedOut)`); the AWS SDK for Java's client and attempt timeouts; Dio's types.
      'TimedOut',
      'ClientExecutionTimeoutException',
      'ApiCall(?:Attempt)?TimeoutException',
      'Dio(?:Exception|Error)Type\\.(?:connection|connect|receive|send)Timeout',
      // Vercel's code when a function ran past its limit (with a 504 written, the status is the finding).
      'FUNCTION_INVOCATION_TIMEOUT',
    ],
  ],
  [
    'unexpected-eof',
    [
      'EOF',
      'EOFError',
      'UNEXPECTED_EOF_WHILE_READING',
      'ERR_EMPTY_RESPONSE',
      'RemoteDisconnected',
      'ServerDisconnectedError',
      'IncompleteRead',
      // Apache HttpClient ("…NoHttpResponseException: api.example.com:443 failed to respond"), reactor-netty,
      // hyper's IncompleteMessage, Chrome's closed connection.
      'NoHttpResponseException',
      'PrematureCloseException',
      'IncompleteMessage',
      'ERR_CONNECTION_CLOSED',
    ],
  ],
  [
    'host-unreachable',
    [
      '(?:WSA)?EHOSTUNREACH',
      '(?:WSA)?ENETUNREACH',
      'ERR_ADDRESS_UNREACHABLE',
      'ERR_INTERNET_DISCONNECTED',
      'NoRouteToHostException',
      // Rust's io::ErrorKind.
      'HostUnreachable',
      'NetworkUnreachable',
    ],
  ],
];

/**
 * POSIX errors as Erlang and Elixir print them, lower-case atoms: `{inet,[inet],econnrefused}`,
 * `reason: :econnrefused`. Kept apart from the upper-case names they mirror; network.ts searches
 * both with one regex (a separate substring gate cost more than the extra branch).
 */
export const ERLANG_ATOMS: PatternTable = [
  ['connection-refused', ['econnrefused']],
  ['connection-reset', ['econnreset']],
  ['timeout', ['etimedout']],
  ['dns-failure', ['nxdomain']],
  ['host-unreachable', ['ehostunreach', 'enetunreach']],
  // Erlang's httpc when the server closed the connection: `{error,socket_closed_remotely}`.
  ['unexpected-eof', ['socket_closed_remotely']],
];

/** curl's exit codes (`curl: (28)`, `cURL error 7`) by number. */
export const CURL_CODES: Readonly<Record<string, NetworkProblem>> = {
  '5': 'dns-failure',
  '6': 'dns-failure',
  '7': 'connection-failed',
  '18': 'unexpected-eof',
  '28': 'timeout',
  '35': 'tls-handshake',
  '52': 'unexpected-eof',
  '55': 'connection-reset',
  '56': 'connection-reset',
  '60': 'tls-certificate',
};

/**
 * Apple's URL loading errors by number (`Error Domain=NSURLErrorDomain Code=-1001`,
 * `(NSURLErrorDomain error -1004.)`), as Foundation defines them.
 */
export const NSURL_CODES: Readonly<Record<string, NetworkProblem>> = {
  '-1001': 'timeout',
  '-1003': 'dns-failure',
  '-1004': 'connection-failed',
  '-1005': 'connection-reset',
  '-1006': 'dns-failure',
  '-1009': 'host-unreachable',
  '-1200': 'tls-handshake',
  '-1201': 'tls-certificate',
  '-1202': 'tls-certificate',
  '-1203': 'tls-certificate',
  '-1204': 'tls-certificate',
};

/**
 * Linux errno numbers where a proxy prints them before their text, which a log may cut:
 * nginx's `connect() failed (111: Connection refused)`, Envoy's `delayed connect error: 111`.
 */
export const LINUX_ERRNO_CODES: Readonly<Record<string, NetworkProblem>> = {
  '101': 'host-unreachable',
  '104': 'connection-reset',
  '110': 'timeout',
  '111': 'connection-refused',
  '113': 'host-unreachable',
};

/** Windows socket error numbers (`Socket error 10061`, `WSA error 10060`). */
export const WINSOCK_CODES: Readonly<Record<string, NetworkProblem>> = {
  '10054': 'connection-reset',
  '10060': 'timeout',
  '10061': 'connection-refused',
  '10065': 'host-unreachable',
  '11001': 'dns-failure',
};
