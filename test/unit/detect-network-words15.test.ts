// Network failures and look-alikes the detector learnt in session 12: curl numbers whose message is
// an answer, OpenSSL's syscall wrapper, Guzzle 3's curl numbering, exception classes named beside
// other classes, conditions and wishes in prose, requests told as timing out.
import { describe, expect, it } from 'vitest';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';
import { mayHaveNetworkError } from '../../src/engine/detect/shared/prefilter';

const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);

describe('failures', () => {
  it.each<[string, string[]]>([
    // The errno after OpenSSL's SSL_ERROR_SYSCALL says how the socket call failed.
    ['cURL error 56: OpenSSL SSL_read: SSL_ERROR_SYSCALL, errno 10054', ['connection-reset']],
    ['curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to api.example.com:443', ['tls-handshake']],
    // Guzzle 3 prints curl's number in brackets, and older curl says "Failed connect to".
    ['Message: [curl] 7: Failed connect to api.example.com:80; Operation now in progress', ['connection-failed']],
    ['[curl] 28: Operation timed out after 30001 milliseconds with 0 bytes received', ['timeout']],
    // A class named with its namespace or its message is thrown, whatever is around it.
    ['GuzzleHttp\\Exception\\ConnectException: Connection refused for URI http://localhost:8080\nRequestException', ['connection-refused']],
    // A wish above a pasted log does not make the log hypothetical.
    [
      'It would be nice to tell these apart, e.g. this one:\n```\nError: dns error: failed to lookup address information: Name or service not known\n```',
      ['dns-failure'],
    ],
    // Requests told as timing out, in the plural.
    ['# Outgoing webhook deliveries time out since the upgrade', ['timeout']],
  ])('%j → %j', (text, problems) => {
    expect(problemsIn(text)).toEqual(problems);
    expect(mayHaveNetworkError(text)).toBe(true);
  });
});

describe('look-alikes', () => {
  it.each([
    // curl's number with the proxy's answer, or a message that holds the status that came back.
    'cURL error 56: Received HTTP code 407 from proxy after CONNECT',
    "failed to fetch /report.csv from 'files.example.com': [\"'report.csv': Status Code: 403, Service: S3\"]",
    // A library's list of exception classes, and a comparison of two classes.
    '- ClientException\n- Exception when a client error is encountered\n- ConnectException\n- Exception thrown when a connection cannot be established.',
    '# Throwing RequestException instead of ConnectException for empty replies',
    // A clause of condition.
    'The apology page is shown to visitors when the origin is unreachable.',
    'Timeouts were lowered to 10 seconds to fail earlier when a remote system is not reachable.',
  ])('no failure: %j', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });
});
