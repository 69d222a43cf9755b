// Fuzz properties over every detector and the redactor, with a few hundred cases each. The same
// properties run with up to a million cases in `npm run fuzz` (scripts/fuzz.ts).
import { describe, it } from 'vitest';
import { PROPERTIES } from '../fuzz/properties';

const detectorProperties = PROPERTIES.filter((p) => !p.name.startsWith('scanner:'));

describe('detector properties', () => {
  it.each(detectorProperties.map((p) => [p.name, p] as const))(
    '%s',
    async (_name, property) => {
      await property.assert(property.testRuns);
    },
    120_000,
  );
});
