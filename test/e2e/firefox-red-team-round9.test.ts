// Red-team round nine in Firefox: short secrets in forms round 8 left (red-team-pages-9.ts;
// README-attacks.md, round 9).
import { describe, expect, it } from 'vitest';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import {
  BIDI_CONTROL_CHAR,
  CONTEXT_SECRET_HTML,
  CONTEXT_SECRET_ROWS,
  RESIDUAL_SECRET_HTML,
  RESIDUAL_SECRET_ROWS,
} from './red-team-pages-9';
import { TOKEN } from './token-sentinel';

const { sentinelLeaks } = firefoxRedTeamRound(9);

describe('short secrets below their key, after arrows, under look-alike and foreign key words, in Firefox', () => {
  it('reach neither storage nor what we add to the page', async () => {
    const { toolbar, shown, leaks } = await sentinelLeaks('residual-secrets', RESIDUAL_SECRET_HTML, RESIDUAL_SECRET_ROWS.length);
    console.log(
      `[firefox-red-team-9] residual secrets: ${JSON.stringify({ toolbar, storage: leaks.storage.length, markup: leaks.markup.length })}`,
    );
    expect(toolbar).toBe(String(RESIDUAL_SECRET_ROWS.length));
    expect(shown, 'the control: the page itself shows every piece').toBe(TOKEN.length - 7);
    expect(leaks).toEqual({ storage: [], markup: [] });
  });
});

describe('short secrets whose key sits in a <select> or behind bidi controls, in Firefox', () => {
  it('reach neither storage nor what we add to the page, and no bidi control is stored', async () => {
    const { toolbar, stored, shown, leaks } = await sentinelLeaks('context-secrets', CONTEXT_SECRET_HTML, CONTEXT_SECRET_ROWS.length);
    const bidi = BIDI_CONTROL_CHAR.test(stored);
    console.log(
      `[firefox-red-team-9] context secrets: ${JSON.stringify({ toolbar, storage: leaks.storage.length, markup: leaks.markup.length, bidi })}`,
    );
    expect(toolbar).toBe(String(CONTEXT_SECRET_ROWS.length));
    expect(shown, 'the control: the page itself shows every piece').toBe(TOKEN.length - 7);
    expect(leaks).toEqual({ storage: [], markup: [] });
    expect(bidi).toBe(false);
  });
});
