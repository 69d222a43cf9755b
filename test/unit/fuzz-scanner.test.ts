// Fuzz properties over the content script's row scanner with generated pages and edits (happy-dom,
// no browser). The same properties run with more cases in `npm run fuzz` (scripts/fuzz.ts).
import { describe, it } from 'vitest';
import { PROPERTIES } from '../fuzz/properties';

const scannerProperties = PROPERTIES.filter((p) => p.name.startsWith('scanner:'));

describe('scanner properties', () => {
  it.each(scannerProperties.map((p) => [p.name, p] as const))(
    '%s',
    async (_name, property) => {
      await property.assert(property.testRuns);
    },
    // A guard against a hang, not a speed check: the 5,000-row property takes about 7 s on a quiet
    // machine and passed 120 s when two other jobs shared its two cores.
    300_000,
  );
});
