import type { Finding } from '../types';
// PLACEHOLDER: replaced by the network detector implementation.
export function detectNetworkErrors(_text: string): Finding[] { return []; }
