// Badges in rows whose box the page fixes, in Chromium (the checks: row-box-checks.ts).
import { beforeAll, afterAll, describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { describeRowBoxes, FIXED_ROWS, PINNED_COLUMNS, RTL_LOG } from './row-box-checks';
import { DENSE_BADGES, DENSE_HTML, DENSE_ROWS, DENSE_URL } from './dense-rows';
import { launchWithExtension, serveFixtures, serveHtml, type ExtensionSession } from './harness';
import { waitFor } from './page-reads';

let session: ExtensionSession;
let page: Page;

beforeAll(async () => {
  session = await launchWithExtension();
  await serveFixtures(session.context, [FIXED_ROWS, PINNED_COLUMNS, RTL_LOG]);
  await serveHtml(session.context, DENSE_URL, DENSE_HTML);
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
});

describeRowBoxes(() => ({
  open: async (url) => {
    await page.goto(url);
  },
  evaluate: (expression) => page.evaluate(expression),
}));

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * The drawn box (top, bottom) of each badge's button, in document order. The button lives in a
 * closed shadow root and draws outside its inline host's box: only the DevTools protocol sees it.
 */
async function pillBoxes(): Promise<{ top: number; bottom: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const buttons: number[] = [];
  const walk = (node: DomNode): void => {
    const attributes = node.attributes ?? [];
    const badge = attributes.some((value, i) => i % 2 === 0 && value === 'data-webhook-doctor' && attributes[i + 1] === 'badge');
    const button = badge ? node.shadowRoots?.[0]?.children?.find((child) => child.nodeName === 'BUTTON') : undefined;
    if (button) buttons.push(button.nodeId);
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  const boxes = [];
  for (const nodeId of buttons) {
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { border: number[] } };
    const ys = [model.border[1]!, model.border[3]!, model.border[5]!, model.border[7]!];
    boxes.push({ top: Math.min(...ys), bottom: Math.max(...ys) });
  }
  await cdp.detach();
  return boxes;
}

describe('a dense log of 14 px rows', () => {
  it('keeps every badge inside its own row, off the rows around it', async () => {
    await page.goto(DENSE_URL);
    type Row = { top: number; bottom: number; badged: boolean };
    await waitFor(
      () => page.evaluate<Row[]>(DENSE_ROWS),
      (rows) => rows.filter((row) => row.badged).length === DENSE_BADGES,
    );
    // Diagnoses arrive after the badges; let the badges settle in their final form.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = await page.evaluate<Row[]>(DENSE_ROWS);
    const pills = await pillBoxes();
    const badged = rows.filter((row) => row.badged);
    expect(pills).toHaveLength(badged.length);
    for (const row of rows) expect(row.bottom - row.top, 'row height').toBeCloseTo(14, 1);
    badged.forEach((row, i) => {
      const pill = pills[i]!;
      expect(pill.bottom - pill.top, `pill ${i} is drawn`).toBeGreaterThan(6);
      expect(pill.top, `pill ${i}: top`).toBeGreaterThanOrEqual(row.top - 0.5);
      expect(pill.bottom, `pill ${i}: bottom`).toBeLessThanOrEqual(row.bottom + 0.5);
    });
  });
});
