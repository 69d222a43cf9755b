import type { Finding } from '../types';
// PLACEHOLDER: replaced by the credential detector implementation.
/** Checks one header value as typed in an editor field (headerName defaults to Authorization). */
export function checkCredentialValue(_value: string, _headerName?: string): Finding[] { return []; }
/** Finds credential mistakes in free text such as `Authorization: Bearer ###`. */
export function detectCredentialProblems(_text: string): Finding[] { return []; }
/** A safe preview of a secret: keeps at most a few edge characters. */
export function redactSecret(_value: string): string { return '…'; }
