// Network failures and look-alikes the detector learnt in session 24: certificate problems in
// plain words, peers that closed before the answer, a name lookup that timed out (both kinds), an
// app's vague "unable to connect" above an answer that refused the credentials, a gateway's
// status written with "error:" or a colon after it, and changes titled after a tracker's key.
import { describe, expect, it } from 'vitest';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';
import { mayHaveNetworkError } from '../../src/engine/detect/shared/prefilter';

const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);

describe('failures', () => {
  it.each<[string, string[]]>([
    // A certificate problem told in plain words, or by Go's name of the peer's alert.
    ['# SSL cert expired\nhttps://hooks.example.net/ expired today and notifications stopped working', ['tls-certificate']],
    ["In my case, the server's TLS certificate had expired and every delivery failed.", ['tls-certificate']],
    ['When opening the webhook tester page, I receive a certificate error:', ['tls-certificate']],
    ['http: TLS handshake error from 10.0.0.7:55746: remote error: tls: unknown certificate', ['tls-handshake', 'tls-certificate']],
    // A peer that closed before the answer, in .NET's, fasthttp's and a Java client's words.
    [
      'System.Net.WebException: Failed to read complete http response ---> System.IO.IOException: Unable to read data from the transport connection: The connection was closed.',
      ['unexpected-eof'],
    ],
    ['error: the server closed connection before returning the first response byte. Make sure the server returns', ['unexpected-eof']],
    ['AbortedException: Connection has been closed BEFORE send operation', ['unexpected-eof']],
    // A receiver that answers too slowly, told in prose; Korean's loanword told as an event.
    ['the app behind your callback URL is taking too long to respond (over 10 seconds).', ['timeout']],
    ['웹훅 요청이 타임아웃으로 실패했습니다', ['timeout']],
    ['An error occurred with your deployment\n\nFUNCTION_INVOCATION_TIMEOUT', ['timeout']],
    // A name lookup that ran out of time is a DNS failure and a timeout.
    ['Error: queryA ETIMEOUT mail.example.com', ['dns-failure', 'timeout']],
    ['cURL error 28: Resolving timed out after 5000 milliseconds', ['dns-failure', 'timeout']],
    // hyper names the step that failed; a client tells it failed while connecting.
    ['hyper::Error(Connect, ConnectError("dns error", Custom { kind: Other }))', ['dns-failure']],
    ['cloud.0 | error | Error while connecting to cloud: Error: xhr poll error', ['connection-failed']],
    // Cloudflare Workers' fetch and the ESP32 HTTPClient's codes.
    ['Error: Network connection lost.\n    at async Object.fetch (index.js:40:5)', ['connection-reset']],
    ['[HTTP] GET... failed, error: HTTPC_ERROR_CONNECTION_REFUSED', ['connection-refused']],
    ['[HTTP] POST... failed, error: HTTPC_ERROR_READ_TIMEOUT', ['timeout']],
    // A vague failure to connect with nothing about credentials stays a failure to connect.
    ['Webhook: Unable to connect to remote host. Check if the remote host is up and running.', ['connection-failed']],
    // A runtime's message (httpx) is kept beside a 401 that came later.
    [
      "Error setting up Vikunja at http://10.0.0.5:3456: All connection attempts failed\nError setting up Vikunja: Client error '401 Unauthorized' for url",
      ['connection-failed'],
    ],
    // A precise failure beside an answer that refused credentials elsewhere is kept.
    ['Unable to connect: connect ECONNREFUSED 127.0.0.1:8989\nEarlier the indexer said 401 Unauthorized.', ['connection-refused']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
    expect(mayHaveNetworkError(text)).toBe(true);
  });
});

describe('look-alikes', () => {
  it.each([
    // A setting, and a connection closed on purpose.
    'Set ignore certificate errors to true only in development.',
    'Make sure the connection is closed before the process exits.',
    // Korean's noun of a setting.
    '웹훅 타임아웃 설정을 30초로 변경했습니다',
    // An app's vague "unable to connect" when the server answered and refused the credentials.
    '# Unable to connect to indexer, check the log for more details\n> 16-10-13 14:03:09.4|Warn|HttpClient|HTTP Error - Res: [GET] https://10.0.0.2/api?t=caps 401.Unauthorized',
    'I\'m receiving an error while connecting to HubSpot: "We couldn\'t authenticate with the credentials provided. Please try again"',
    // A C header that defines the codes.
    '```cpp\n#define HTTPC_ERROR_CONNECTION_REFUSED  (-1)\n#define HTTPC_ERROR_CONNECTION_LOST     (-5)\n```',
    // A change titled after a tracker's key, or with "also" before its verb.
    '# BM-542: Add an extra condition to catch connection reset errors in retry layer\nSome connection reset errors were not retried; this adds a match.',
    '# also retry on connection resets\nErrno::ECONNRESET: Connection reset by peer - SSL_connect\n/cc @ops',
    // A gateway's status with its reason after "error:", or a colon or full stop after the status.
    '# 525 error: SSL handshake failed\nWe occasionally get 525 errors with this gem.',
    '# 504: GATEWAY_TIMEOUT\nThis Serverless Function has timed out.\n\nCode: FUNCTION_INVOCATION_TIMEOUT',
    'Requests end with FUNCTION_INVOCATION_TIMEOUT. The function logs show the responses ending in a 504. Anyone else?',
  ])('%j', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });
});
