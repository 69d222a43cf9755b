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
