// @vitest-environment happy-dom
// The receiver's words of badged rows, completed after the badges are in: the badge keeps what it
// showed unless the words change it, a row judged again meanwhile is left alone, nothing starts
// before the scan is done, and every completed chunk says so (the snapshot follows).
import { describe, it, expect, afterEach, vi } from 'vitest';
import { Annotations } from '../../src/content/badges/annotations';
import type { BadgeView } from '../../src/content/badges/badge';
import { primaryFinding } from '../../src/content/badges/findings';
import { contentExtras } from '../../src/content/extras';
import { createDeferredWords } from '../../src/content/scan/deferred-words';
import { judgeRow } from '../../src/content/scan/row-detect';
import type { Finding } from '../../src/engine/types';

const present = (finding: Finding, others: number): BadgeView => ({ finding, others, diagnosis: undefined, density: 'full' });

afterEach(() => {
  document.body.innerHTML = '';
});

/** A row with `text`, judged and badged as the scanner does, its words waiting. */
function badgedRow(text: string, scanIdle: () => Promise<void> = () => Promise.resolve()) {
  document.body.innerHTML = `<ul><li>${text.replace(/</g, '&lt;')}</li></ul>`;
  const row = document.querySelector('li')!;
  const annotations = new Annotations(present, () => undefined);
  const completed = vi.fn();
  const words = createDeferredWords(window, annotations, scanIdle, completed, (error) => {
    throw error;
  });
  const judged = judgeRow(text, contentExtras);
  const shown = primaryFinding(judged.findings)!;
  annotations.annotate(row, shown, 0, 1);
  annotations.commit();
  words.add(row, shown, judged.complete!);
  const badge = () => row.querySelector('[data-webhook-doctor="badge"]')!;
  return { row, annotations, words, completed, shown, badge };
}

describe('deferred receiver words', () => {
  it('give the shown finding its words later, the badge unchanged', async () => {
    const { annotations, row, words, completed, shown, badge } = badgedRow(
      'Webhook failed: HTTP 401 {"error":"invalid_token","message":"The access token expired"}',
    );
    expect(shown.detail?.receiverMessage).toBeUndefined();
    await words.whenIdle();
    expect(annotations.get(row)?.finding).toBe(shown);
    expect(shown.detail?.receiverMessage).toBe('The access token expired');
    expect(badge().getAttribute('data-code')).toBe('401');
    expect(completed).toHaveBeenCalled();
  });

  it('change the badge when the words come before the status (the receiver refused)', async () => {
    const { annotations, row, words, badge } = badgedRow(
      'The API can return a response body that looks like: {"error": "Limit of webhooks created exceeded."} With HTTP code 429.',
    );
    expect(badge().getAttribute('data-code')).toBe('429');
    await words.whenIdle();
    expect(badge().getAttribute('data-code')).toBe('');
    expect(annotations.get(row)?.finding.problem).toBe('receiver-error');
  });

  it('leave a row judged again meanwhile, and a dropped one, as they are', async () => {
    const first = badgedRow('Webhook failed: HTTP 401 {"error":"invalid_token","message":"The access token expired"}');
    const other: Finding = { ...first.shown, code: 500, detail: undefined };
    first.annotations.annotate(first.row, other, 0, 2);
    await first.words.whenIdle();
    expect(first.shown.detail?.receiverMessage).toBeUndefined();
    expect(first.completed).not.toHaveBeenCalled();

    const second = badgedRow('Webhook failed: HTTP 401 {"error":"invalid_token","message":"The access token expired"}');
    second.words.drop(second.row);
    await second.words.whenIdle();
    expect(second.shown.detail?.receiverMessage).toBeUndefined();
  });

  it('wait until the scan is done (its badges enter the page first, in one commit)', async () => {
    let scanDone = () => undefined as void;
    const scan = new Promise<void>((resolve) => (scanDone = resolve));
    const { words, shown, completed } = badgedRow(
      'Webhook failed: HTTP 401 {"error":"invalid_token","message":"The access token expired"}',
      () => scan,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shown.detail?.receiverMessage).toBeUndefined();
    expect(completed).not.toHaveBeenCalled();
    scanDone();
    await words.whenIdle();
    expect(shown.detail?.receiverMessage).toBe('The access token expired');
  });
});
