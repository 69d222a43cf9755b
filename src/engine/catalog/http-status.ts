// Status records for the catalog, from the one table of status names (IANA's plus the
// unregistered codes that ESP pages show), with a reference for each. Codes outside it resolve to
// their class, as RFC 9110 asks.
import { ERROR_STATUS_NAMES, isRegistered, NON_ERROR_STATUS_NAMES } from '../status-names';
import { CLOUDFLARE_5XX, NGINX_STATUS_CODES, rfc9110Status } from './sources';
import { BRAZE_WEBHOOK_ERRORS } from '../../providers/braze/sources';
import { HUBSPOT_WORKFLOW_WEBHOOKS } from '../../providers/hubspot/sources';
import { isStatusInRange, statusClass, type StatusClass } from './status-class';

export { isStatusInRange, statusClass, type StatusClass };

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
  nginx: NGINX_STATUS_CODES,
};

function referenceFor(code: number, definedBy: string): string {
  if (definedBy === 'RFC 9110') return rfc9110Status(code);
  return SPEC_URLS[definedBy] ?? '';
}

export const STATUS_RECORDS: ReadonlyMap<number, StatusRecord> = new Map(
  [...NON_ERROR_STATUS_NAMES, ...ERROR_STATUS_NAMES].map(([code, name, definedBy]) => [
    code,
    { code, name, registry: isRegistered(definedBy) ? 'iana' : 'vendor', definedBy, reference: referenceFor(code, definedBy) },
  ]),
);

const CLASS_NAMES: Readonly<Record<StatusClass, string>> = {
  1: 'Informational',
  2: 'Success',
  3: 'Redirection',
  4: 'Client error',
  5: 'Server error',
};

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
