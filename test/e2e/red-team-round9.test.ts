// Red-team round nine against the built extension in real Chromium: short secrets in forms
// round 8 left (red-team-pages-9.ts). test/e2e/README-attacks.md lists every attack with its
// result; each test prints its figure.
import { describe, it, expect } from 'vitest';
import { redTeamRound } from './red-team-round';
import {
  BIDI_CONTROL_CHAR,
  CONTEXT_SECRET_HTML,
  CONTEXT_SECRET_ROWS,
  RESIDUAL_SECRET_HTML,
  RESIDUAL_SECRET_ROWS,
} from './red-team-pages-9';
import { TOKEN } from './token-sentinel';

const { report, sentinelLeaks } = redTeamRound(9);

describe('short secrets below their key, after arrows, under look-alike and foreign key words', () => {
  it('reach neither storage nor what we add to the page', async () => {
    const { toolbar, shown, leaks } = await sentinelLeaks('residual-secrets', RESIDUAL_SECRET_HTML, RESIDUAL_SECRET_ROWS.length);
    report('residual secrets: toolbar, pieces of the sentinel stored and in our markup', {
      toolbar,
      storage: leaks.storage.length,
      markup: leaks.markup.length,
    });
    expect(toolbar).toBe(String(RESIDUAL_SECRET_ROWS.length));
    expect(shown, 'the control: the page itself shows every piece').toBe(TOKEN.length - 7);
    expect(leaks).toEqual({ storage: [], markup: [] });
  });
});

describe('short secrets whose key sits in a <select> or behind bidi controls', () => {
  it('reach neither storage nor what we add to the page, and no bidi control is stored', async () => {
    const { toolbar, stored, shown, leaks } = await sentinelLeaks('context-secrets', CONTEXT_SECRET_HTML, CONTEXT_SECRET_ROWS.length);
    const bidi = BIDI_CONTROL_CHAR.test(stored);
    report('context secrets: toolbar, pieces stored and in our markup, bidi controls stored', {
      toolbar,
      storage: leaks.storage.length,
      markup: leaks.markup.length,
      bidi,
    });
    expect(toolbar).toBe(String(CONTEXT_SECRET_ROWS.length));
    expect(shown, 'the control: the page itself shows every piece').toBe(TOKEN.length - 7);
    expect(leaks).toEqual({ storage: [], markup: [] });
    expect(bidi).toBe(false);
  });
});
