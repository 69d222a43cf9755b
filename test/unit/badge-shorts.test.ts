import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { badgeShort } from '../../src/content/badges/badge-short';
import { diagnose } from '../../src/engine/diagnose';
import { PROBLEM_DATA } from '../../src/engine/catalog';
import type { Finding, FindingKind } from '../../src/engine/types';
import { BADGE_SHORTS_FILE, badgeShortsSource } from '../../scripts/gen-badge-shorts';

const finding = (kind: FindingKind, code: number | null, problem: string | null): Finding => ({
  kind,
  code,
  problem,
  excerpt: '',
  start: 0,
  end: 0,
});

describe('badge short words (badge-shorts.generated.ts)', () => {
  it('is the generator output for the catalog as it is (run `npx tsx scripts/gen-badge-shorts.ts`)', () => {
    expect(readFileSync(BADGE_SHORTS_FILE, 'utf8')).toBe(badgeShortsSource());
  });

  it('says what diagnose() says for every status code', () => {
    for (let code = 100; code <= 599; code++)
      expect(badgeShort(finding('http', code, null)), String(code)).toBe(diagnose(finding('http', code, null)).short);
  });

  it('says what diagnose() says for every problem of every kind', () => {
    const kinds: FindingKind[] = ['http', 'network', 'credential', 'json', 'rate-limit'];
    let checked = 0;
    for (const { id } of PROBLEM_DATA) {
      for (const kind of kinds) {
        const expected = diagnose(finding(kind, kind === 'rate-limit' ? 429 : null, id)).short;
        const known = badgeShort(finding(kind, null, id));
        if (known !== undefined) {
          expect(known, `${kind}:${id}`).toBe(expected);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(PROBLEM_DATA.length);
    expect(badgeShort(finding('rate-limit', 429, null))).toBe(diagnose(finding('rate-limit', 429, null)).short);
  });

  it('knows nothing of a problem the catalog does not list', () => {
    expect(badgeShort(finding('network', null, 'no-such-problem'))).toBeUndefined();
    expect(badgeShort(finding('credential', null, 'constructor'))).toBeUndefined();
  });
});
