// Pages composed from the fixtures for the popup tests of both browsers.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const EDITOR_URL = 'https://www.klaviyo.com/flow/ABC123/edit';
/** Klaviyo's editor fixture (masked token, broken JSON) with a delivery log added under it. */
export const EDITOR_WITH_LOG = readFileSync(path.join(ROOT, 'test/fixtures/klaviyo/webhook-editor.html'), 'utf8').replace(
  '</body>',
  `<section aria-label="Recent deliveries"><ul>
    <li>ana@example.com · HTTP 403 Forbidden</li>
    <li>bo@example.com · HTTP 500 Internal Server Error</li>
    <li>chen@example.com · HTTP 403 Forbidden</li>
    <li>dana@example.com · dial tcp 52.1.2.3:443: connect: connection refused</li>
    <li>eve@example.com · Delivered</li>
  </ul></section></body>`,
);
/** What EDITOR_WITH_LOG shows: 4 badged rows, 2 field warnings. */
export const EDITOR_WITH_LOG_BADGES = 4;
export const EDITOR_WITH_LOG_WARNINGS = 2;
/**
 * Its problem groups in the popup's order with their counts and marks: what needs the person
 * (setup mistakes, then errors Klaviyo does not retry) before what Klaviyo retries (500).
 */
export const EDITOR_WITH_LOG_GROUPS = [
  ['credential:masked-token', '1 field', 'Needs you'],
  ['json:invalid-json', '1 field', 'Needs you'],
  ['network:connection-refused', '1 row', 'Needs you'],
  ['http:403', '2 rows', 'Needs you'],
  ['http:500', '1 row', 'Will retry by itself'],
];

/** The popup's overview lines, one per problem of the page. */
export const FINDING_LINES = 'ul[aria-label="Problems found on this page"] > li[data-key]';

export interface PopupLine {
  key: string;
  code: string;
  title: string;
  count: string;
  mark: string;
  open: boolean;
  /** Fix steps in the line's card (rendered even while it is closed). */
  steps: number;
  samples: string[];
}

/** Reads the overview lines of the popup (an expression for the popup's page). */
export const READ_LINES = `[...document.querySelectorAll(${JSON.stringify(FINDING_LINES)})].map((li) => ({
  key: li.dataset.key,
  code: li.querySelector('.triage__code')?.textContent ?? '',
  title: li.querySelector('.triage__title')?.textContent ?? '',
  count: li.querySelector('.triage__count')?.textContent ?? '',
  mark: li.querySelector('.triage__mark')?.textContent ?? '',
  open: li.querySelector('.triage__line')?.getAttribute('aria-expanded') === 'true',
  steps: li.querySelectorAll('.card__steps > li').length,
  samples: [...li.querySelectorAll('.card__samples code')].map((c) => c.textContent),
}))`;

/** The key of the overview line that has the focus, or null. */
export const FOCUSED_LINE = `document.activeElement?.closest('li[data-key]')?.dataset.key ?? null`;

export interface PopupCard {
  key: string;
  title: string;
  count: string;
  open: boolean;
  steps: number;
  samples: string[];
}

/** Reads the <details> cards of a list in the popup ("Diagnose text" results). */
export const READ_CARDS = (selector: string) => `[...document.querySelectorAll(${JSON.stringify(selector)})].map((li) => ({
  key: li.dataset.key,
  title: li.querySelector('.card__title')?.textContent ?? '',
  count: li.querySelector('.card__count')?.textContent ?? '',
  open: li.querySelector('details')?.open ?? false,
  steps: li.querySelectorAll('.card__steps > li').length,
  samples: [...li.querySelectorAll('.card__samples code')].map((c) => c.textContent),
}))`;
