// Session 18's network kinds: a TLS family phrase beside the certificate problem it wraps, Windows'
// refusal in words, an Elixir exception printed with its reason atom.
import { describe, expect, it } from 'vitest';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';

const problemsIn = (text: string): Array<string | null> => [...new Set(detectNetworkErrors(text).map((finding) => finding.problem))].sort();

describe('.NET "The SSL connection could not be established" takes its cause from the inner exception', () => {
  it('is a certificate problem when the inner exception names one', () => {
    const text =
      'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.\n' +
      ' ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.';
    expect(problemsIn(text)).toEqual(['tls-certificate']);
  });

  it('stays a handshake failure when the peer hung up during it', () => {
    const text =
      'HttpRequestException: The SSL connection could not be established, see inner exception.\n' +
      ' ---> System.IO.IOException: Unable to read data from the transport connection: Connection reset by peer.';
    expect(problemsIn(text)).toEqual(['connection-reset', 'tls-handshake']);
  });

  it('is a handshake failure alone', () => {
    expect(problemsIn('Error: The SSL connection could not be established, see inner exception.')).toEqual(['tls-handshake']);
  });
});

describe('runtime words', () => {
  it("reads Windows' ERROR_CONNECTION_REFUSED in words as a refusal", () => {
    expect(problemsIn('SocketException: OS Error: The remote computer refused the network connection.\r\n, errno = 1225')).toEqual([
      'connection-refused',
    ]);
  });

  it('reads an Elixir exception printed with a timeout reason atom', () => {
    expect(problemsIn('** (Finch.Error) request_timeout\n    (req 0.4.9) lib/req.ex:978: Req.request!/2')).toEqual(['timeout']);
    expect(problemsIn('** (Mint.TransportError) connect_timeout')).toEqual(['timeout']);
  });

  it('leaves the same atom in a keyword list of options alone', () => {
    expect(problemsIn('Req.new(base_url: url, receive_timeout: 15_000, pool_timeout: 5_000)')).toEqual([]);
  });

  it("leaves nginx's retry conditions alone: a bare 'error timeout' is a setting", () => {
    expect(problemsIn('location / {\n  proxy_next_upstream error timeout http_502;\n}')).toEqual([]);
    expect(problemsIn('fastcgi_next_upstream error timeout invalid_header;')).toEqual([]);
  });
});
