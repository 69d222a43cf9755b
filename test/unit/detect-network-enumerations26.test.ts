import { describe, it, expect } from 'vitest';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';

const problemsIn = (text: string): Array<string | null> => detectNetworkErrors(text).map((finding) => finding.problem);

// A sentence's enumeration of kinds of failure names them, even when other items and the items'
// tails come between the names; quotes of other scripts delimit a list's items as ASCII ones do.
describe('an enumeration of kinds is not a report', () => {
  it.each([
    // Items that name no failure ("incorrect DNS record") and an item's tail ("at port 443").
    'It happens for some reason, ex. expired SSL Cert, incorrect DNS record, connection refused at port 443, connection timeout by NAT, etc...',
    'Typical causes: certificate has expired, a wrong DNS entry, connection refused on 8443, read timeout at the proxy.',
    // Guillemets and low-high quotes around each name of a table cell.
    '| Network errors | DNS, firewall, proxy | «ETIMEDOUT», «ECONNREFUSED», «ENOTFOUND», «Network Error». |',
    'Beispiele: „ETIMEDOUT“, „ECONNREFUSED“, „ENOTFOUND“.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each([
    // Someone who got them, in a sentence with an item's tail.
    [
      'Since yesterday we get connection refused at port 443, connection reset by peer at port 8443 and ETIMEDOUT',
      ['connection-refused', 'connection-reset', 'timeout'],
    ],
    // A log prefix between a title's words and a pasted message is no list item.
    [
      '# Heroku - sslv3 alert certificate expired\n```\n[ERROR] OpenSSL::SSL::SSLError, SSL_connect returned=1 errno=0 state=SSLv3 read finished A: sslv3 alert certificate expired\n```',
      ['tls-certificate', 'tls-handshake', 'tls-certificate'],
    ],
  ] as const)('%j → %j', (text, expected) => {
    expect(problemsIn(text)).toEqual(expected);
  });
});

// "failed or timed out" leaves open which of the two happened.
describe('one of two outcomes is not a report of either', () => {
  it.each([
    "2016-12-15 14:56:54,058 WARNING [mqttwarn] Notification of telegram for `hello/world' FAILED or TIMED OUT",
    'The job logs "delivery timed out or failed" for every attempt.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it.each([
    ['The delivery failed and then timed out again.', ['timeout']],
    ['The delivery timed out or failed to connect: connection refused', ['connection-refused']],
  ] as const)('%j → %j', (text, expected) => {
    expect(problemsIn(text)).toEqual(expected);
  });
});

// "as you can see" points at what a block shows; "(eg due to DNS or TLS error)" gives examples.
describe('an introduction that points at a block, and a parenthesis of examples', () => {
  it('keeps the failures of a block introduced by "as you can see"', () => {
    const text =
      'Here are some of the connect errors, as you can see they mostly go to dead instances:\n```\nerror trying to connect: dns error: failed to lookup address information: Name does not resolve\n```';
    expect(problemsIn(text)).toEqual(['dns-failure']);
  });

  it('still drops a block a modal introduces', () => {
    const text =
      'The error you can get will look like:\n```\nerror trying to connect: tcp connect error: Connection refused (os error 111)\n```';
    expect(problemsIn(text)).toEqual([]);
  });

  it.each([
    'If we are unable to connect to the target (eg due to DNS or TLS error), there is no point in retrying.',
    'Permanent failures (e.g. an expired certificate or a TLS handshake failure) are not retried.',
  ])('%j → none', (text) => {
    expect(problemsIn(text)).toEqual([]);
  });

  it('keeps a failure reported after a parenthesis of examples', () => {
    expect(problemsIn('Some hosts fail (e.g. old ones) and the log says: connection refused')).toEqual(['connection-refused']);
  });
});
