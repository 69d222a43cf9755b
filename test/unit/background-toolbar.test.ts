import { describe, expect, it } from 'vitest';
import { contentScriptSender, fake } from '../fakes/browser-fake';
import { BADGE_COLOURS, badgeLook, badgeText, clearTabBadge, showTabBadge } from '../../src/background/toolbar';
import { handleMessage } from '../../src/background/router';
import type { TabFrames } from '../../src/background/findings-store';
import type { Runtime } from '../../src/shared/browser';
import type { FindingGroup } from '../../src/shared/messages';
import type { FindingKind } from '../../src/engine/types';

function group(kind: FindingKind, code: number | null, count: number, problem: string | null = null): FindingGroup {
  return {
    key: code !== null ? `${kind}:${code}` : `${kind}:${problem}`,
    finding: { kind, code, problem, start: 0, end: 1, excerpt: 'x' },
    count,
    source: 'row',
    samples: [],
  };
}

function frames(...perFrame: FindingGroup[][]): TabFrames {
  return Object.fromEntries(
    perFrame.map((groups, frameId) => [
      String(frameId),
      { url: 'https://www.klaviyo.com/', provider: 'klaviyo', endpointUrl: null, groups },
    ]),
  );
}

describe('badgeText', () => {
  it.each([
    [0, ''],
    [-3, ''],
    [1, '1'],
    [42, '42'],
    [999, '999'],
    [1000, '999+'],
    [123456, '999+'],
  ])('%i → %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('badgeLook: count across frames, colour of the worst kind', () => {
  it.each([
    ['no frames', frames(), '', BADGE_COLOURS.other],
    ['empty frame', frames([]), '', BADGE_COLOURS.other],
    ['one 4xx group', frames([group('http', 403, 7)]), '7', BADGE_COLOURS.refused],
    ['4xx beside rate limit', frames([group('http', 429, 2), group('http', 404, 1)]), '3', BADGE_COLOURS.refused],
    ['rate limit only', frames([group('rate-limit', 429, 4)]), '4', BADGE_COLOURS['rate-limit']],
    ['5xx outranks 4xx', frames([group('http', 404, 5)], [group('http', 502, 1)]), '6', BADGE_COLOURS.down],
    ['network outranks 4xx', frames([group('network', null, 1, 'eof'), group('http', 401, 1)]), '2', BADGE_COLOURS.down],
    [
      'credential outranks everything',
      frames([group('http', 500, 9)], [group('credential', null, 1, 'masked-token')]),
      '10',
      BADGE_COLOURS.setup,
    ],
    ['json problem', frames([group('json', null, 1, 'invalid-json'), group('http', 429, 1)]), '2', BADGE_COLOURS.setup],
    ['a 3xx comes before a rate limit, as in the popup', frames([group('http', 429, 2), group('http', 302, 1)]), '3', BADGE_COLOURS.other],
    [
      'a zero-count group does not colour',
      frames([group('credential', null, 0, 'masked-token'), group('http', 429, 1)]),
      '1',
      BADGE_COLOURS['rate-limit'],
    ],
  ])('%s', (_name, tabFrames, text, color) => {
    const look = badgeLook(tabFrames);
    expect(look.text).toBe(text);
    if (text) expect(look.color).toBe(color);
  });

  it('uses four different colours for the four kinds', () => {
    const colours = new Set([BADGE_COLOURS.setup, BADGE_COLOURS.down, BADGE_COLOURS.refused, BADGE_COLOURS['rate-limit']]);
    expect(colours.size).toBe(4);
  });
});

describe('toolbar badge per tab', () => {
  it('sets text and colour on the given tab only', async () => {
    await showTabBadge(3, frames([group('http', 403, 2)]));
    await showTabBadge(4, frames([group('credential', null, 1, 'masked-token')]));
    expect(fake.badge(3)).toEqual({ text: '2', color: BADGE_COLOURS.refused });
    expect(fake.badge(4)).toEqual({ text: '1', color: BADGE_COLOURS.setup });
    expect(fake.badge(5).text).toBe('');
  });

  it('clears the badge when a tab has nothing left', async () => {
    await showTabBadge(3, frames([group('http', 403, 2)]));
    await showTabBadge(3, frames([]));
    expect(fake.badge(3).text).toBe('');
    await showTabBadge(3, frames([group('http', 403, 2)]));
    await clearTabBadge(3);
    expect(fake.badge(3).text).toBe('');
  });

  it('follows the snapshots the router receives, summed over frames', async () => {
    const send = (tabId: number, frameId: number, groups: FindingGroup[]) =>
      handleMessage(
        { type: 'page-snapshot', snapshot: { url: 'https://www.klaviyo.com/', provider: 'klaviyo', endpointUrl: null, groups } },
        contentScriptSender(tabId, frameId) as Runtime.MessageSender,
      );
    await send(1, 0, [group('http', 429, 3)]);
    expect(fake.badge(1)).toEqual({ text: '3', color: BADGE_COLOURS['rate-limit'] });
    await send(1, 4, [group('http', 500, 2)]);
    expect(fake.badge(1)).toEqual({ text: '5', color: BADGE_COLOURS.down });
    await send(1, 4, []);
    expect(fake.badge(1)).toEqual({ text: '3', color: BADGE_COLOURS['rate-limit'] });
    await send(2, 0, [group('json', null, 1, 'invalid-json')]);
    expect(fake.badge(2)).toEqual({ text: '1', color: BADGE_COLOURS.setup });
    expect(fake.badge(1).text).toBe('3');
  });
});
