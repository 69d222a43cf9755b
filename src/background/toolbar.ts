// The toolbar icon's per-tab badge: how many failing rows/fields the tab shows, in the colour of
// the finding to deal with first (the finding model's order and colour families).
// The colours pass WCAG AA against the badge's white text.
import browser from '../shared/browser';
import { orderRank, severityOf, type Severity } from '../engine/finding-model';
import type { Finding } from '../engine/types';
import type { TabFrames } from './findings-store';

export const BADGE_COLOURS: Record<Severity, string> = {
  setup: '#B91C1C',
  down: '#7F1D1D',
  refused: '#B45309',
  'rate-limit': '#1D4ED8',
  other: '#4B5563',
};

/** Chromium shows about four characters on the badge. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export interface BadgeLook {
  text: string;
  color: string;
}

/** Count = sum of group counts over all frames of the tab; colour = that of the first to deal with. */
export function badgeLook(frames: TabFrames): BadgeLook {
  let total = 0;
  let first: Finding | undefined;
  for (const snapshot of Object.values(frames)) {
    for (const group of snapshot.groups) {
      if (group.count <= 0) continue;
      total += group.count;
      if (!first || orderRank(group.finding) < orderRank(first)) first = group.finding;
    }
  }
  return { text: badgeText(total), color: BADGE_COLOURS[first ? severityOf(first) : 'other'] };
}

export async function showTabBadge(tabId: number, frames: TabFrames): Promise<void> {
  const look = badgeLook(frames);
  await browser.action.setBadgeText({ tabId, text: look.text });
  if (look.text) await browser.action.setBadgeBackgroundColor({ tabId, color: look.color });
}

export async function clearTabBadge(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '' });
}
