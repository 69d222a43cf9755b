// Red-team round eight against the built extension in real Chromium: short secrets in forms
// round 7 left (red-team-pages-8.ts). test/e2e/README-attacks.md lists every attack with its
// result; each test prints its figure.
import { describe, it, expect } from 'vitest';
import { redTeamRound } from './red-team-round';
import { ESCAPED_SECRET_HTML, ESCAPED_SECRET_ROWS } from './red-team-pages-8';
import { TOKEN } from './token-sentinel';

const { report, sentinelLeaks } = redTeamRound(8);

describe('short secrets behind escaped separators, brackets and vendor prefixes', () => {
  it('reach neither storage nor what we add to the page', async () => {
    const { toolbar, shown, leaks } = await sentinelLeaks('escaped-secrets', ESCAPED_SECRET_HTML, ESCAPED_SECRET_ROWS.length);
    report('escaped secrets: toolbar, pieces of the sentinel stored and in our markup', {
      toolbar,
      storage: leaks.storage.length,
      markup: leaks.markup.length,
    });
    expect(toolbar).toBe(String(ESCAPED_SECRET_ROWS.length));
    expect(shown, 'the control: the page itself shows every piece').toBe(TOKEN.length - 7);
    expect(leaks).toEqual({ storage: [], markup: [] });
  });
});
