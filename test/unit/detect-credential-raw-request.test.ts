// A request dumped as it went on the wire shows variables that were never expanded.
import { describe, expect, it } from 'vitest';
import { detectCredentialProblems } from '../../src/engine/detect/credential/credential';
import { detectUnexpandedInRawRequests } from '../../src/engine/detect/credential/credential-raw-request';

const dump = (header: string) => `The call got 401.\n\nGET /me HTTP/1.1\nHost: example.com\n${header}\nAccept: */*\n`;

describe('unexpanded variables in a raw request', () => {
  it.each(['Authorization: Bearer $SESSION', 'X-Api-Key: $env:API_KEY', 'X-Auth-Token: %TOKEN%', 'Authorization: Bearer ${TOKEN}'])(
    '%s is a placeholder sent as is',
    (header) => {
      expect(detectUnexpandedInRawRequests(dump(header))).toEqual([
        expect.objectContaining({ problem: 'placeholder-token', excerpt: header }),
      ]);
      expect(detectCredentialProblems(dump(header)).map((finding) => finding.problem)).toContain('placeholder-token');
    },
  );

  it('leaves real values, other headers, template tags and headers outside a raw request', () => {
    expect(detectUnexpandedInRawRequests(dump('Authorization: Bearer abc123def456'))).toEqual([]);
    expect(detectUnexpandedInRawRequests(dump('X-Request-Id: $REQUEST_ID'))).toEqual([]);
    expect(detectUnexpandedInRawRequests(dump('Authorization: Bearer {{token}}'))).toEqual([]);
    expect(detectUnexpandedInRawRequests('curl -H "Authorization: Bearer $TOKEN" https://example.com fails with 401')).toEqual([]);
    // Headers end at the blank line: a later line is no header of the request.
    expect(detectUnexpandedInRawRequests('GET / HTTP/1.1\nHost: a\n\nAuthorization: Bearer $TOKEN\n401')).toEqual([]);
  });

  it('leaves a documentation example that tells of no failure', () => {
    const doc = 'For example, send:\n\nGET /me HTTP/1.1\nAuthorization: Bearer $TOKEN\n';
    expect(detectUnexpandedInRawRequests(doc)).toEqual([]);
  });
});
