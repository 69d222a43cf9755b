// Checks the credentials of a Basic auth header: base64 of "user:password" (RFC 7617).
// The decoded text is only inspected for a colon; it is never returned.

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const COLON = 0x3a;

/** Why a Basic credential cannot work, in plain words, or null when it looks right. */
export function basicCredentialProblem(credentials: string): string | null {
  if (credentials.includes(':')) {
    return 'Basic needs user:password encoded as base64; this looks like the plain text';
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credentials) || !hasValidBase64Length(credentials)) {
    return 'the value after Basic is not valid base64';
  }
  if (!decodesToByte(credentials, COLON)) {
    return 'the value after Basic decodes to text without a colon (it must be user:password)';
  }
  return null;
}

function hasValidBase64Length(encoded: string): boolean {
  const padded = encoded.endsWith('=');
  if (padded) return encoded.length % 4 === 0;
  // Unpadded base64 is accepted by most servers, but one leftover character is never valid.
  return encoded.length % 4 !== 1;
}

/** True when decoding the base64 text yields the byte `wanted`. */
function decodesToByte(encoded: string, wanted: number): boolean {
  let buffer = 0;
  let bits = 0;
  for (const char of encoded) {
    if (char === '=') break;
    buffer = ((buffer << 6) | BASE64_ALPHABET.indexOf(char)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (((buffer >> bits) & 0xff) === wanted) return true;
    }
  }
  return false;
}
