import type { Finding } from '../types';
// PLACEHOLDER: replaced by the status detector implementation.
export function detectStatusCodes(_text: string): Finding[] { return []; }
