// The toolbar icon's per-tab badge: how many failing rows/fields the tab shows, coloured by the
// worst kind among them.
//
// Colour scheme (all pass WCAG AA against the badge's white text):
//   red       #B91C1C  credential or JSON problem: a mistake in the webhook setup; never fixes itself
//   dark red  #7F1D1D  network error or 5xx: the receiver is down or unreachable
//   orange    #B45309  other 4xx: the receiver refused the request as sent
//   blue      #1D4ED8  rate limit (429 or rate-limit headers): slow down and wait
//   grey      #4B5563  anything else (1xx-3xx, unknown)
import browser from '../shared/browser';
import type { Finding } from '../engine/types';
import type { TabFrames } from './findings-store';

export type Severity = 'setup' | 'down' | 'refused' | 'rate-limit' | 'other';

export const BADGE_COLOURS: Record<Severity, string> = {
  setup: '#B91C1C',
  down: '#7F1D1D',
  refused: '#B45309',
  'rate-limit': '#1D4ED8',
  other: '#4B5563',
};

/** Worst first: the badge takes the colour of the first severity present. */
const SEVERITY_ORDER: readonly Severity[] = ['setup', 'down', 'refused', 'rate-limit', 'other'];

export function severityOf(finding: Pick<Finding, 'kind' | 'code'>): Severity {
  switch (finding.kind) {
    case 'credential':
    case 'json':
      return 'setup';
    case 'network':
      return 'down';
    case 'rate-limit':
      return 'rate-limit';
    case 'http': {
      const code = finding.code ?? 0;
      if (code === 429) return 'rate-limit';
      // RFC 9110: a value outside 100-599 counts as a server error.
      if (code >= 500 || code < 100) return 'down';
      if (code >= 400) return 'refused';
      return 'other';
    }
  }
}

/** Chromium shows about four characters on the badge. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export interface BadgeLook {
  text: string;
  color: string;
}

/** Count = sum of group counts over all frames of the tab; colour = worst severity. */
export function badgeLook(frames: TabFrames): BadgeLook {
  let total = 0;
  let worst = SEVERITY_ORDER.length;
  for (const snapshot of Object.values(frames)) {
    for (const group of snapshot.groups) {
      if (group.count <= 0) continue;
      total += group.count;
      worst = Math.min(worst, SEVERITY_ORDER.indexOf(severityOf(group.finding)));
    }
  }
  return { text: badgeText(total), color: BADGE_COLOURS[SEVERITY_ORDER[worst] ?? 'other'] };
}

export async function showTabBadge(tabId: number, frames: TabFrames): Promise<void> {
  const look = badgeLook(frames);
  await browser.action.setBadgeText({ tabId, text: look.text });
  if (look.text) await browser.action.setBadgeBackgroundColor({ tabId, color: look.color });
}

export async function clearTabBadge(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '' });
}
