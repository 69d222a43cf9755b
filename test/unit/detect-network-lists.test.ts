import { describe, it, expect } from 'vitest';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';

const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);

// Error names written as a list or a glossary name the failures; a runtime reports one at a time.
describe('names in a list or a glossary are not failures', () => {
  it.each([
    // A changelog's errno list, one name a line.
    'Changed: these errors now count as transient:\nECONNRESET\n, ETIMEDOUT\n, EHOSTUNREACH\n, EAI_AGAIN',
    // An array in code spread over lines.
    "const transient = [\n  'ECONNRESET',\n  'ENOTFOUND',\n  'ESOCKETTIMEDOUT'\n];",
    // A comment that proposes more names.
    '# maybe also ECONNRESET, ENOTFOUND, ETIMEDOUT, EHOSTUNREACH ?',
    // A parenthesis of kinds after "e.g.", each with a qualifier.
    'When the peer is gone (e.g. host not found, tcp connection refused, TLS handshake failed) we drop it.',
    // Names annotating numbers in code.
    'CODES = (\n  104, # ECONNRESET\n  110, # ETIMEDOUT\n)',
    // A glossary of errno names, one a bullet.
    '- ETIMEDOUT: the attempt to connect took too long.\n- ECONNREFUSED: nothing listens on that port.\n- EADDRINUSE: the address is taken.',
    // A glossary of enum values whose definitions say what may fail.
    '- **`SENT`**: The event reached the endpoint. - **`FAILED`**: The endpoint was not reachable, or timed out. - **`REJECTED`**: The endpoint answered with an error.',
    // A glossary of failure kinds with prose definitions.
    'Why deliveries fail\n- Host is unreachable (404): The URL is wrong or down.\n- Forbidden (403): The key lacks a scope.\n- Timeout: The receiver took too long to respond.',
    // A glossary whose terms carry their meaning in a parenthesis.
    'Ağ hataları\nETIMEDOUT (Operation timed out): istek zamanında işlenmedi.\nECONNRESET (Connection reset by peer): bağlantı kesildi.\nEPIPE (Broken pipe): yazılamadı.',
    // A reference entry's section labels.
    'ECONNREFUSED\nNothing listens there\nWhat this means\nThe peer answered the connect with a reset.\nWhy it happens\n- the service is down',
    // Two names compared.
    'The client sets ECONNABORTED on timeouts instead of ETIMEDOUT.',
    // A quoted delivery status being defined, and an article about fixing it.
    'How to fix "Timed out"\n"Timed out" indicates the endpoint took too long to answer.',
    'This error means we were unable to establish a connection to your server.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each([
    // Several names that someone got, in the first person or in a log.
    ['I keep getting ECONNRESET, ETIMEDOUT and EPIPE on the webhook calls', ['connection-reset', 'timeout', 'connection-reset']],
    [
      '2024-01-02 10:00:01 ERROR deliveries failed: ECONNRESET, ETIMEDOUT, EHOSTUNREACH',
      ['connection-reset', 'timeout', 'host-unreachable'],
    ],
    // Two names a runtime printed together, not a list.
    ['Error: getaddrinfo ENOTFOUND hooks.example.com', ['dns-failure']],
    // A log record's upper-case fields are not a glossary.
    ['[12:00:02] ERROR\nNAME: RequestError\nCODE: ETIMEDOUT\nMESSAGE: The request failed.', ['timeout']],
    ['HTTP_ERROR : Net::OpenTimeout\nHOST: example.com\nPATH: /hook', ['timeout']],
    // A report template's fields.
    ['- Expected: the hook is delivered\n- Actual: Connection refused by the receiver\n- Version: 2.1', ['connection-refused']],
    // A browser's error code with a namespace is not a glossary term.
    ['NET::ERR_CERT_DATE_INVALID\nSubject: example.com\nIssuer: Some CA\nExpires on: May 1', ['tls-certificate']],
    // Erlang and Elixir atoms; hyper's lookup failure.
    [
      '[error] [WebHook] HTTP request error: {failed_connect, [{to_address,{"10.0.0.9",8080}}, {inet,[inet],econnrefused}]}',
      ['connection-refused'],
    ],
    ['I am getting {:error, %HTTPoison.Error{id: nil, reason: :econnrefused}}', ['connection-refused']],
    ['error trying to connect: dns error: failed to lookup address information: Try again', ['dns-failure']],
    // Go's socket timeout stays the sender's own even when the receiver's log shows a 408.
    [
      'Delivery: Post https://ci.example.com/hook: read tcp 10.0.0.1:5450->10.0.0.2:443: i/o timeout\n10.0.0.1 - - "POST /hook HTTP/1.1" 408 0',
      ['timeout'],
    ],
    // More runtimes' own words.
    ['OSError: [WinError 121] The semaphore timeout period has expired', ['timeout']],
    ['Cannot connect to host api.example.com:443 ssl:default [No address associated with hostname]', ['dns-failure']],
    ['OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to api.example.com:443', ['tls-handshake']],
    ['HandshakeException: Handshake error in client (OS Error: WRONG_VERSION_NUMBER)', ['tls-handshake']],
    ['javax.net.ssl.SSLPeerUnverifiedException: Hostname api.example.com not verified', ['tls-certificate']],
    ['error trying to connect: Connexion ré-initialisée par le correspondant (os error 104)', ['connection-reset']],
    // "Fixing" far from the words does not hide a report.
    ['I tried to fix it but still get connection refused from the receiver', ['connection-refused']],
  ] as const)('%j → %j', (text, expected) => {
    expect(problemsIn(text)).toEqual(expected);
  });
});
