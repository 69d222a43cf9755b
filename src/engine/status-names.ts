// The names of HTTP status codes, written once. The catalog shows them ("403 Forbidden") and the
// status detector reads them as reason phrases beside a code ("404 Not Found", "Forbidden (403)").
// Names are IANA's (RFC 9110's current wording) plus the unregistered codes that ESP pages, CDNs
// and proxies show; other phrases are older or vendor wordings of the same code.

/** [code, name, the specification or vendor that defines it, other phrases for it]. */
export type StatusNameRow = readonly [code: number, name: string, definedBy: string, ...otherPhrases: string[]];

// Named once each: the content script carries the 4xx/5xx rows, and a name is shorter than a string.
const RFC9110 = 'RFC 9110';
const RFC2295 = 'RFC 2295';
const RFC2518 = 'RFC 2518';
const RFC2774 = 'RFC 2774';
const RFC3229 = 'RFC 3229';
const RFC4918 = 'RFC 4918';
const RFC5842 = 'RFC 5842';
const RFC6585 = 'RFC 6585';
const RFC7725 = 'RFC 7725';
const RFC8297 = 'RFC 8297';
const RFC8470 = 'RFC 8470';
const BRAZE = 'Braze';
const HUBSPOT = 'HubSpot';
const CLOUDFLARE = 'Cloudflare';
const NGINX = 'nginx';

/** 1xx to 3xx: named in the catalog, never read as the reason of a failure. */
export const NON_ERROR_STATUS_NAMES: readonly StatusNameRow[] = [
  [100, 'Continue', RFC9110],
  [101, 'Switching Protocols', RFC9110],
  [102, 'Processing', RFC2518],
  [103, 'Early Hints', RFC8297],
  [200, 'OK', RFC9110],
  [201, 'Created', RFC9110],
  [202, 'Accepted', RFC9110],
  [203, 'Non-Authoritative Information', RFC9110],
  [204, 'No Content', RFC9110],
  [205, 'Reset Content', RFC9110],
  [206, 'Partial Content', RFC9110],
  [207, 'Multi-Status', RFC4918],
  [208, 'Already Reported', RFC5842],
  [226, 'IM Used', RFC3229],
  [300, 'Multiple Choices', RFC9110],
  [301, 'Moved Permanently', RFC9110],
  [302, 'Found', RFC9110],
  [303, 'See Other', RFC9110],
  [304, 'Not Modified', RFC9110],
  [305, 'Use Proxy', RFC9110],
  [306, '(Unused)', RFC9110],
  [307, 'Temporary Redirect', RFC9110],
  [308, 'Permanent Redirect', RFC9110],
];

/**
 * 4xx and 5xx: named in the catalog and read as reason phrases. A bracketed part of a name is
 * IANA's remark, not what a server sends ("(Unused)", "Not Extended (OBSOLETED)").
 */
export const ERROR_STATUS_NAMES: readonly StatusNameRow[] = [
  [400, 'Bad Request', RFC9110],
  [401, 'Unauthorized', RFC9110, 'Unauthorised'],
  [402, 'Payment Required', RFC9110],
  [403, 'Forbidden', RFC9110],
  [404, 'Not Found', RFC9110],
  [405, 'Method Not Allowed', RFC9110],
  [406, 'Not Acceptable', RFC9110],
  [407, 'Proxy Authentication Required', RFC9110],
  [408, 'Request Timeout', RFC9110, 'Request Time-out'],
  [409, 'Conflict', RFC9110],
  [410, 'Gone', RFC9110],
  [411, 'Length Required', RFC9110],
  [412, 'Precondition Failed', RFC9110],
  [413, 'Content Too Large', RFC9110, 'Payload Too Large', 'Request Entity Too Large'],
  [414, 'URI Too Long', RFC9110, 'Request-URI Too Long', 'Request-URI Too Large'],
  [415, 'Unsupported Media Type', RFC9110],
  [416, 'Range Not Satisfiable', RFC9110, 'Requested Range Not Satisfiable'],
  [417, 'Expectation Failed', RFC9110],
  [418, '(Unused)', RFC9110, "I'm a teapot"],
  [421, 'Misdirected Request', RFC9110],
  [422, 'Unprocessable Content', RFC9110, 'Unprocessable Entity'],
  [423, 'Locked', RFC4918],
  [424, 'Failed Dependency', RFC4918],
  [425, 'Too Early', RFC8470],
  [426, 'Upgrade Required', RFC9110],
  [428, 'Precondition Required', RFC6585],
  [429, 'Too Many Requests', RFC6585],
  [431, 'Request Header Fields Too Large', RFC6585],
  [444, 'No Response', NGINX],
  [451, 'Unavailable For Legal Reasons', RFC7725],
  [477, 'Migration in Progress', HUBSPOT],
  [494, 'Request Header Too Large', NGINX],
  [495, 'SSL Certificate Error', NGINX],
  [496, 'SSL Certificate Required', NGINX],
  [497, 'HTTP Request Sent to HTTPS Port', NGINX],
  [499, 'Client Closed Request', NGINX],
  [500, 'Internal Server Error', RFC9110],
  [501, 'Not Implemented', RFC9110],
  [502, 'Bad Gateway', RFC9110],
  [503, 'Service Unavailable', RFC9110, 'Service Temporarily Unavailable'],
  [504, 'Gateway Timeout', RFC9110, 'Gateway Time-out', 'Gateway Timed Out'],
  [505, 'HTTP Version Not Supported', RFC9110],
  [506, 'Variant Also Negotiates', RFC2295],
  [507, 'Insufficient Storage', RFC4918],
  [508, 'Loop Detected', RFC5842],
  [510, 'Not Extended (OBSOLETED)', RFC2774],
  [511, 'Network Authentication Required', RFC6585],
  [520, 'Web Server Returned an Unknown Error', CLOUDFLARE, 'Unknown Error'],
  [521, 'Web Server Is Down', CLOUDFLARE],
  [522, 'Connection Timed Out', CLOUDFLARE],
  [523, 'Origin Is Unreachable', CLOUDFLARE],
  [524, 'A Timeout Occurred', CLOUDFLARE],
  [525, 'SSL Handshake Failed', CLOUDFLARE],
  [526, 'Invalid SSL Certificate', CLOUDFLARE],
  [527, 'Railgun Error', CLOUDFLARE],
  [529, 'Host Overloaded', BRAZE, 'Site is overloaded'],
  [598, 'Host Unhealthy', BRAZE, 'Network Read Timeout Error'],
  [599, 'Connection Error', BRAZE, 'Network Connect Timeout Error'],
];

/** True when an IANA-registered specification (an RFC) defines the code, not a vendor. */
export function isRegistered(definedBy: string): boolean {
  return definedBy.startsWith('RFC ');
}

/** The phrases a server or library may write for a row's code: its name without IANA's remark, then the others. */
export function reasonPhrases([, name, , ...otherPhrases]: StatusNameRow): string[] {
  const said = name.replace(/\s*\([^)]*\)$/, '');
  return said ? [said, ...otherPhrases] : otherPhrases;
}
