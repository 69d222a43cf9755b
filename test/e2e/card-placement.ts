// The badge card near the viewport's edges, in both browsers: a 600 px high viewport with one
// failing row above its middle, near its top or near its bottom. The page cannot see into the
// card (a closed shadow root), so the card is found as the points where the badge's host is hit.
export const CARD_VIEWPORT = { width: 800, height: 600 };

export const CARD_SPACERS = { 'near the top': 20, 'just above the middle': 250, 'near the bottom': 560 } as const;

export const cardPageUrl = (spacer: number): string => `https://app.hubspot.com/workflows/1/platform/flow/card-${spacer}/history`;

export const cardPage = (spacer: number): string =>
  `<!doctype html><title>Card</title><body style="margin:0;font:14px sans-serif">
  <div style="height:${spacer}px"></div><ul style="margin:0"><li>HTTP 500 Internal Server Error</li></ul>
  <div style="height:2000px"></div></body>`;

/** In the badge's markup once the worker's diagnosis is in: the card then opens in full, not as a placeholder. */
export const DIAGNOSED = 'aria-label="Webhook Doctor: 500 Internal Server Error.';

export interface CardProbe {
  /** First and last viewport rows where the card is drawn, at the card's centre line; -1 without a card. */
  first: number;
  last: number;
  viewHeight: number;
  badgeTop: number;
  badgeBottom: number;
}

/** Evaluated in the page once the card is open: where the card is drawn. */
export const PROBE_CARD = `(() => {
  const host = document.querySelector('[data-webhook-doctor="badge"]');
  const badge = host.getBoundingClientRect();
  const viewWidth = document.documentElement.clientWidth;
  const viewHeight = document.documentElement.clientHeight;
  let first = -1;
  let last = -1;
  // Any column the card covers will do; the card is 340 px wide and starts at most at the badge.
  for (const x of [badge.left + 20, viewWidth / 2, 100]) {
    for (let y = 0; y < viewHeight; y += 1) {
      // The pill draws a few px beyond its host's box; the card keeps 6 px away from that box.
      if (y > badge.top - 6 && y < badge.bottom + 6) continue;
      if (document.elementFromPoint(x, y) !== host) continue;
      if (first < 0) first = y;
      last = y;
    }
    if (first >= 0) break;
  }
  return { first, last, viewHeight, badgeTop: badge.top, badgeBottom: badge.bottom };
})()`;

/** What a person needs: the whole card on screen, and its badge not covered. */
export function cardPlacementProblems(probe: CardProbe): string[] {
  const problems: string[] = [];
  if (probe.first < 0) problems.push('no card drawn');
  if (probe.last >= probe.viewHeight - 2) problems.push(`card runs past the bottom edge (to row ${probe.last} of ${probe.viewHeight})`);
  if (probe.first === 0) problems.push('card runs past the top edge');
  if (probe.first < probe.badgeBottom && probe.last > probe.badgeTop) problems.push('card covers its badge');
  return problems;
}
