// Which headers hold a credential, written once. The editor's header fields, the scan of free
// text (logs, the popup's Diagnose box), the receivers' request checks and Copy as curl ask here.

/** Headers whose value is a scheme and a credential ("Bearer …"). */
export const AUTHORIZATION_HEADER_NAMES: readonly string[] = ['proxy-authorization', 'authorization'];

/** Headers whose value is a bare key, token or secret, by their exact (lower-case) name. */
export const KEY_HEADER_NAMES: readonly string[] = [
  'x-api-key',
  'x-api-token',
  'x-auth-token',
  'x-access-token',
  'x-auth',
  'x-secret',
  'api-key',
  'api_key',
  'apikey',
  'api-token',
  'api_token',
  'access_token',
  'access-token',
  'auth_token',
  'auth-token',
  'client_secret',
  'private_key',
  'password',
  'secret',
  'token',
];

const AUTHORIZATION = new RegExp(`^\\s*(?:${AUTHORIZATION_HEADER_NAMES.join('|')})\\s*$`, 'i');

/**
 * Any name ending in "token" counts as well (`X-Shopify-Access-Token`), where a person named
 * the header; the scan of free text keeps to the exact names, as prose says "token" too often.
 */
const CREDENTIAL = new RegExp(`^\\s*(?:${[...AUTHORIZATION_HEADER_NAMES, ...KEY_HEADER_NAMES].join('|')}|[\\w-]*token)\\s*$`, 'i');

export function isAuthorizationHeader(name: string): boolean {
  return AUTHORIZATION.test(name);
}

/** True for a header name (as typed in an editor or a request) whose value is a credential. */
export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL.test(name);
}
