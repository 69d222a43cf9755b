import type { Finding } from '../types';
// PLACEHOLDER: replaced by the JSON body checker implementation.
export function checkJsonBody(_body: string, _requiredFields: readonly string[] = []): Finding[] { return []; }
