// Names of HTTP status codes: the IANA registry (current RFC 9110 names) plus the unregistered
// codes that ESP pages show. Codes outside both resolve to their class, as RFC 9110 asks.
import { CLOUDFLARE_5XX, rfc9110Status } from './sources';
import { BRAZE_WEBHOOK_ERRORS } from '../../providers/braze/sources';
import { HUBSPOT_WORKFLOW_WEBHOOKS } from '../../providers/hubspot/sources';

export type StatusClass = 1 | 2 | 3 | 4 | 5;

export interface StatusRecord {
  code: number;
  name: string;
  /** 'iana' for registered codes; otherwise the vendor whose pages use it. */
  registry: 'iana' | 'vendor';
  /** The specification or vendor that defines it: "RFC 9110", "Braze", "Cloudflare". */
  definedBy: string;
  reference: string;
}

const SPEC_URLS: Readonly<Record<string, string>> = {
  'RFC 2295': 'https://www.rfc-editor.org/rfc/rfc2295',
  'RFC 2518': 'https://www.rfc-editor.org/rfc/rfc2518',
  'RFC 2774': 'https://www.rfc-editor.org/rfc/rfc2774',
  'RFC 3229': 'https://www.rfc-editor.org/rfc/rfc3229',
  'RFC 4918': 'https://www.rfc-editor.org/rfc/rfc4918',
  'RFC 5842': 'https://www.rfc-editor.org/rfc/rfc5842',
  'RFC 6585': 'https://www.rfc-editor.org/rfc/rfc6585',
  'RFC 7725': 'https://www.rfc-editor.org/rfc/rfc7725',
  'RFC 8297': 'https://www.rfc-editor.org/rfc/rfc8297',
  'RFC 8470': 'https://www.rfc-editor.org/rfc/rfc8470',
  Braze: BRAZE_WEBHOOK_ERRORS,
  HubSpot: HUBSPOT_WORKFLOW_WEBHOOKS,
  Cloudflare: CLOUDFLARE_5XX,
};

/** [code, name, defining spec]; RFC 9110 codes link to their own section. */
export const IANA_STATUS_ROWS: readonly (readonly [number, string, string])[] = [
  [100, 'Continue', 'RFC 9110'],
  [101, 'Switching Protocols', 'RFC 9110'],
  [102, 'Processing', 'RFC 2518'],
  [103, 'Early Hints', 'RFC 8297'],
  [200, 'OK', 'RFC 9110'],
  [201, 'Created', 'RFC 9110'],
  [202, 'Accepted', 'RFC 9110'],
  [203, 'Non-Authoritative Information', 'RFC 9110'],
  [204, 'No Content', 'RFC 9110'],
  [205, 'Reset Content', 'RFC 9110'],
  [206, 'Partial Content', 'RFC 9110'],
  [207, 'Multi-Status', 'RFC 4918'],
  [208, 'Already Reported', 'RFC 5842'],
  [226, 'IM Used', 'RFC 3229'],
  [300, 'Multiple Choices', 'RFC 9110'],
  [301, 'Moved Permanently', 'RFC 9110'],
  [302, 'Found', 'RFC 9110'],
  [303, 'See Other', 'RFC 9110'],
  [304, 'Not Modified', 'RFC 9110'],
  [305, 'Use Proxy', 'RFC 9110'],
  [306, '(Unused)', 'RFC 9110'],
  [307, 'Temporary Redirect', 'RFC 9110'],
  [308, 'Permanent Redirect', 'RFC 9110'],
  [400, 'Bad Request', 'RFC 9110'],
  [401, 'Unauthorized', 'RFC 9110'],
  [402, 'Payment Required', 'RFC 9110'],
  [403, 'Forbidden', 'RFC 9110'],
  [404, 'Not Found', 'RFC 9110'],
  [405, 'Method Not Allowed', 'RFC 9110'],
  [406, 'Not Acceptable', 'RFC 9110'],
  [407, 'Proxy Authentication Required', 'RFC 9110'],
  [408, 'Request Timeout', 'RFC 9110'],
  [409, 'Conflict', 'RFC 9110'],
  [410, 'Gone', 'RFC 9110'],
  [411, 'Length Required', 'RFC 9110'],
  [412, 'Precondition Failed', 'RFC 9110'],
  [413, 'Content Too Large', 'RFC 9110'],
  [414, 'URI Too Long', 'RFC 9110'],
  [415, 'Unsupported Media Type', 'RFC 9110'],
  [416, 'Range Not Satisfiable', 'RFC 9110'],
  [417, 'Expectation Failed', 'RFC 9110'],
  [418, '(Unused)', 'RFC 9110'],
  [421, 'Misdirected Request', 'RFC 9110'],
  [422, 'Unprocessable Content', 'RFC 9110'],
  [423, 'Locked', 'RFC 4918'],
  [424, 'Failed Dependency', 'RFC 4918'],
  [425, 'Too Early', 'RFC 8470'],
  [426, 'Upgrade Required', 'RFC 9110'],
  [428, 'Precondition Required', 'RFC 6585'],
  [429, 'Too Many Requests', 'RFC 6585'],
  [431, 'Request Header Fields Too Large', 'RFC 6585'],
  [451, 'Unavailable For Legal Reasons', 'RFC 7725'],
  [500, 'Internal Server Error', 'RFC 9110'],
  [501, 'Not Implemented', 'RFC 9110'],
  [502, 'Bad Gateway', 'RFC 9110'],
  [503, 'Service Unavailable', 'RFC 9110'],
  [504, 'Gateway Timeout', 'RFC 9110'],
  [505, 'HTTP Version Not Supported', 'RFC 9110'],
  [506, 'Variant Also Negotiates', 'RFC 2295'],
  [507, 'Insufficient Storage', 'RFC 4918'],
  [508, 'Loop Detected', 'RFC 5842'],
  [510, 'Not Extended (OBSOLETED)', 'RFC 2774'],
  [511, 'Network Authentication Required', 'RFC 6585'],
];

/** Unregistered codes seen on ESP pages, with the vendor that defines them. */
export const VENDOR_STATUS_ROWS: readonly (readonly [number, string, string])[] = [
  [477, 'Migration in Progress', 'HubSpot'],
  [520, 'Web Server Returned an Unknown Error', 'Cloudflare'],
  [521, 'Web Server Is Down', 'Cloudflare'],
  [522, 'Connection Timed Out', 'Cloudflare'],
  [523, 'Origin Is Unreachable', 'Cloudflare'],
  [524, 'A Timeout Occurred', 'Cloudflare'],
  [525, 'SSL Handshake Failed', 'Cloudflare'],
  [526, 'Invalid SSL Certificate', 'Cloudflare'],
  [529, 'Host Overloaded', 'Braze'],
  [598, 'Host Unhealthy', 'Braze'],
  [599, 'Connection Error', 'Braze'],
];

function referenceFor(code: number, definedBy: string): string {
  if (definedBy === 'RFC 9110') return rfc9110Status(code);
  return SPEC_URLS[definedBy] ?? '';
}

export const STATUS_RECORDS: ReadonlyMap<number, StatusRecord> = new Map(
  [
    ...IANA_STATUS_ROWS.map(([code, name, definedBy]) => ({ code, name, registry: 'iana' as const, definedBy })),
    ...VENDOR_STATUS_ROWS.map(([code, name, definedBy]) => ({ code, name, registry: 'vendor' as const, definedBy })),
  ].map((record) => [record.code, { ...record, reference: referenceFor(record.code, record.definedBy) }]),
);

const CLASS_NAMES: Readonly<Record<StatusClass, string>> = {
  1: 'Informational',
  2: 'Success',
  3: 'Redirection',
  4: 'Client error',
  5: 'Server error',
};

/** True for an integer in the range HTTP status codes live in. */
export function isStatusInRange(code: number): boolean {
  return Number.isInteger(code) && code >= 100 && code <= 599;
}

/** The class (first digit) of a code; anything outside 100–599 counts as a server error. */
export function statusClass(code: number): StatusClass {
  if (!isStatusInRange(code)) return 5;
  return Math.floor(code / 100) as StatusClass;
}

/** The x00 code a code should be handled like when it is not in the tables (487 → 400). */
export function classRepresentative(code: number): number {
  return statusClass(code) * 100;
}

export function statusRecord(code: number): StatusRecord | undefined {
  return STATUS_RECORDS.get(code);
}

/** "Forbidden" for 403; "Client error (487)" for a code outside the tables. Never empty. */
export function statusName(code: number): string {
  const record = STATUS_RECORDS.get(code);
  if (record) return record.name;
  return `${CLASS_NAMES[statusClass(code)]} (${String(code)})`;
}

/** "403 Forbidden"; the bare class name for codes outside the tables, which already holds the code. */
export function statusTitle(code: number): string {
  return STATUS_RECORDS.has(code) ? `${code} ${statusName(code)}` : statusName(code);
}
