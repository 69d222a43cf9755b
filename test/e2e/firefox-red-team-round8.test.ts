// Red-team round eight in Firefox: short secrets in forms round 7 left (red-team-pages-8.ts;
// README-attacks.md, round 8).
import { describe, expect, it } from 'vitest';
import { firefoxRedTeamRound } from './firefox-red-team-round';
import { ESCAPED_SECRET_HTML, ESCAPED_SECRET_ROWS } from './red-team-pages-8';
import { TOKEN } from './token-sentinel';

const { sentinelLeaks } = firefoxRedTeamRound(8);

describe('short secrets behind escaped separators, brackets and vendor prefixes, in Firefox', () => {
  it('reach neither storage nor what we add to the page', async () => {
    const { toolbar, shown, leaks } = await sentinelLeaks('escaped-secrets', ESCAPED_SECRET_HTML, ESCAPED_SECRET_ROWS.length);
    console.log(
      `[firefox-red-team-8] escaped secrets: ${JSON.stringify({ toolbar, storage: leaks.storage.length, markup: leaks.markup.length })}`,
    );
    expect(toolbar).toBe(String(ESCAPED_SECRET_ROWS.length));
    expect(shown, 'the control: the page itself shows every piece').toBe(TOKEN.length - 7);
    expect(leaks).toEqual({ storage: [], markup: [] });
  });
});
