// The sentinel-token check, one definition for both browsers: a token typed into a webhook header
// field and quoted by log rows must never reach what the extension stores, sends, logs or shows.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { leakedPieces } from '../fuzz/vocabulary';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const TOKEN = 'wdtk7Q2m9XvB4pL8sR1nK6zT3yH5cJ0';
/** The secret part of a Slack incoming-webhook URL (its path is the credential). */
export const PATH_SECRET = 'Hq3Vd8Ls0Jw5Ne2Gx7Rb4Ku9';
export const SLACK_URL = `https://hooks.slack.com/services/T04SXW2KJ/B06QRL1ZP/${PATH_SECRET}`;
/** Short secrets must not be previewed at all: no 4-character piece may show. */
export const SHORT_SECRET = 'q7Zx9Wv2';
/** Each sentinel and the size of the pieces of it that count as a leak. */
export const SENTINELS: [string, number][] = [
  [TOKEN, 8],
  [PATH_SECRET, 8],
  [SHORT_SECRET, 4],
];
export const EDITOR_URL = 'https://www.klaviyo.com/flow/TOKEN/edit';
export const EDITOR_HTML = readFileSync(path.join(ROOT, 'test/fixtures/klaviyo/webhook-editor.html'), 'utf8').replace(
  '</body>',
  '<section aria-label="Recent deliveries"><ul id="deliveries"><li>ana@example.com · Delivered</li></ul></section></body>',
);
/** Log rows that quote the token the way request dumps do. */
export const TOKEN_ROWS = [
  `HTTP 401 Unauthorized · sent Authorization: Bearer ${TOKEN}`,
  `POST https://hooks.example.com/send?api_key=${TOKEN} → HTTP 500 Internal Server Error`,
  `{"headers": {"x-api-key": "${TOKEN}"}, "status": 403}`,
  `Authorization: ${TOKEN} → HTTP 401 Unauthorized`,
  `POST ${SLACK_URL} → HTTP 404 Not Found`,
  `Authorization: Bearer ${SHORT_SECRET} → HTTP 401 Unauthorized`,
];
/** The page's own control: what the page itself holds (the typed value and the rows). */
export const PAGE_CONTROL = 'the page itself (control)';

/** Everything the extension said, stored, logged or showed, by where it was seen. */
export class Sightings {
  readonly seen: { where: string; text: string }[] = [];

  note(where: string, value: unknown): void {
    if (Array.isArray(value)) for (const item of value) this.note(where, item);
    else this.seen.push({ where, text: typeof value === 'string' ? value : (JSON.stringify(value) ?? '') });
  }

  texts(where: string): string[] {
    return this.seen.filter((s) => s.where === where).map((s) => s.text);
  }
}

/**
 * The checks: nothing leaks in `places`; each place in `recorded` holds real data (or the checks
 * prove nothing); the page itself holds the token (a leak would be found); stored rows show it
 * redacted.
 */
export function describeSentinelChecks(sightings: Sightings, places: string[], recorded: [string, RegExp][]): void {
  describe('the sentinel token', () => {
    it.each(places)('never reaches: %s', (where) => {
      for (const text of sightings.texts(where)) {
        for (const [secret, size] of SENTINELS) expect(leakedPieces(secret, text, size), `${where}: ${text.slice(0, 400)}`).toEqual([]);
      }
    });

    it.each(recorded)('was recorded with content: %s', (where, pattern) => {
      expect(sightings.texts(where).join('\n')).toMatch(pattern);
    });

    it('is on the page itself, typed and in the rows (the control: a leak would be found)', () => {
      // The typed token and the rows; a browser test that also types the Slack URL as the
      // destination adds it as a third control.
      const page = sightings.texts(PAGE_CONTROL);
      expect(page.length).toBeGreaterThanOrEqual(2);
      for (const text of page.slice(0, 2)) expect(leakedPieces(TOKEN, text).length).toBe(TOKEN.length - 7);
      const rows = page[1] ?? '';
      expect(leakedPieces(PATH_SECRET, rows).length).toBe(PATH_SECRET.length - 7);
      expect(leakedPieces(SHORT_SECRET, rows, 4).length).toBe(SHORT_SECRET.length - 3);
      if (page[2] !== undefined)
        expect(leakedPieces(PATH_SECRET, page[2]).length, 'typed as the destination URL').toBe(PATH_SECRET.length - 7);
    });

    it('shows up redacted where the rows are summarised (first 4 and last 2 characters)', () => {
      expect(sightings.texts('storage.session').join('\n')).toContain(`${TOKEN.slice(0, 4)}…${TOKEN.slice(-2)}`);
    });
  });
}
