// Kinds of text behind the network misses and false alarms of the blind16 and blind15 sets (read
// by netstat17): each case is written here in its own words, not copied from a set.
import { describe, expect, it } from 'vitest';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';
import { findAll } from '../../src/engine/find';

const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);
const networkOf = (text: string): string[] => [
  ...new Set(
    findAll(text)
      .filter((finding) => finding.kind === 'network')
      .map((finding) => finding.problem!),
  ),
];

describe('a peer that closed before a whole request or response went through', () => {
  it('reads every runtime wording as an unexpected end of the exchange', () => {
    expect(problemsIn('ProtocolError: Connection was closed before full request has been made')).toEqual(['unexpected-eof']);
    expect(problemsIn('error: connection closed before the complete response was read')).toEqual(['unexpected-eof']);
    expect(problemsIn('hyper::Error(IncompleteMessage): connection closed before message completed')).toEqual(['unexpected-eof']);
  });

  it('leaves a close told without a failure alone', () => {
    expect(problemsIn('The connection was closed before noon for maintenance.')).toEqual([]);
  });
});

describe("gRPC's UNAVAILABLE as Python's grpcio prints it", () => {
  it('is a failure to connect', () => {
    expect(problemsIn('<_InactiveRpcError of RPC that terminated with (StatusCode.UNAVAILABLE, Socket closed)>')).toEqual([
      'connection-failed',
    ]);
  });

  it('is code, not a failure, when compared against', () => {
    expect(problemsIn('if err.code() == grpc.StatusCode.UNAVAILABLE:\n    retry()')).toEqual([]);
  });
});

describe('a vague failure to connect with the status that came back right after it', () => {
  it('is the status, not a network failure: something answered', () => {
    expect(problemsIn('Invoke-WebRequest : remote server connection error 404 (Not Found)')).toEqual([]);
    expect(problemsIn('Sync stopped: connection failed (503)')).toEqual([]);
  });

  it("keeps a proxy's tunnel that failed with its status: the host was never reached", () => {
    expect(problemsIn("OSError('Tunnel connection failed: 403 Forbidden')")).toEqual(['connection-failed']);
  });

  it('keeps a timeout whose number is a duration', () => {
    expect(problemsIn('Error: request timed out 400 ms after it was sent')).toEqual(['timeout']);
  });
});

describe("the words of an SMTP server's reply", () => {
  it("are the mail server's answer, not a failure of the sender's connection", () => {
    expect(problemsIn('SMTP send failed: Transient(Response { message: ["4.4.2 mx.example.org Error: timeout exceeded"] })')).toEqual([]);
    expect(problemsIn('Incoming email deferred again: "421 Promise timed out after 15000 milliseconds"')).toEqual([]);
  });

  it('keeps a timeout on the way to the mail server, and the same words after an HTTP status', () => {
    expect(problemsIn('SMTP error: connect ETIMEDOUT 10.0.0.7:587')).toEqual(['timeout']);
    expect(problemsIn('HTTP 421 upstream timed out')).toEqual(['timeout']);
    expect(problemsIn('Caused by: lib/ruby/2.7.0/net/protocol.rb:217: Net::ReadTimeout with #<TCPSocket:(closed)>')).toEqual(['timeout']);
  });
});

describe('pages that explain an error to their readers', () => {
  it('drops what a page defines as a kind of message, or tells that developers often run into', () => {
    expect(networkOf('“Connection refused” is the kernel’s way of saying nothing listens on that port.')).toEqual([]);
    expect(
      networkOf(
        'Developers frequently encounter the [Errno 111] Connection refused error. This occurs because localhost is the container.',
      ),
    ).toEqual([]);
    expect(networkOf('# [SOLUTION] No connection could be made because the target machine actively refused it\nOpen the port.')).toEqual(
      [],
    );
  });

  it('drops what a guide that tells its topic narrates for its reader', () => {
    const guide =
      'You moved the service into a container, ran it, and got ECONNREFUSED 127.0.0.1:6379.\n' +
      'This guide is about what localhost means inside a container.';
    expect(networkOf(guide)).toEqual([]);
  });

  it('keeps the same words when someone got them', () => {
    expect(networkOf('I keep getting “Connection refused” from the webhook. This occurs because of what?')).toEqual(['connection-refused']);
  });
});

describe("curl's own error line is what the tool printed when it ran", () => {
  it('keeps the failure under a title that asks how to solve it, question mark or not', () => {
    const asked =
      '# how to solve "No route to host" with curl\nresponse: curl: (7) Failed to connect to 10.0.0.5 port 8999: No route to host';
    expect(networkOf(asked)).toEqual(['host-unreachable']);
  });
});

describe('a request to handle an error better', () => {
  it('names the error it wants handled: "Deal with … in a better way"', () => {
    expect(
      networkOf('# Deal with "Connection refused" errors in a better way\nA "connection refused" only logs a caught exception.'),
    ).toEqual([]);
  });
});
