import { describe, it, expect } from 'vitest';
import { keptPerText, MAX_KEPT_ANSWERS } from '../../src/engine/detect/shared/memo';
import { repeatsStatus } from '../../src/engine/detect/receiver/receiver-words-plain';

/** A reading that counts how often it is asked. */
function counted<T>(read: (text: string) => T): { read: (text: string) => T; calls: () => number } {
  let calls = 0;
  return {
    read: (text) => {
      calls += 1;
      return read(text);
    },
    calls: () => calls,
  };
}

describe('keptPerText', () => {
  it('answers as the reading does, reading each text once', () => {
    const reading = counted((text: string) => text.length > 3);
    const kept = keptPerText(reading.read);
    const texts = ['404 Not Found', 'abc', '404 Not Found', 'abc', 'Forbidden'];
    expect(texts.map(kept)).toEqual(texts.map((text) => text.length > 3));
    expect(reading.calls()).toBe(3);
  });

  it('keeps an undefined answer too', () => {
    const reading = counted((text: string): string | undefined => (text === 'refused' ? 'connection-refused' : undefined));
    const kept = keptPerText(reading.read);
    expect([kept('other'), kept('other'), kept('refused'), kept('refused')]).toEqual([
      undefined,
      undefined,
      'connection-refused',
      'connection-refused',
    ]);
    expect(reading.calls()).toBe(2);
  });

  it('stays bounded: past the limit, answers are read afresh', () => {
    const reading = counted((text: string) => text);
    const kept = keptPerText(reading.read);
    for (let i = 0; i <= MAX_KEPT_ANSWERS; i++) kept(`text ${i}`);
    expect(reading.calls()).toBe(MAX_KEPT_ANSWERS + 1);
    // The first text was dropped when the limit was reached.
    expect(kept('text 0')).toBe('text 0');
    expect(reading.calls()).toBe(MAX_KEPT_ANSWERS + 2);
  });
});

describe('repeatsStatus, asked again', () => {
  it.each([
    ['Forbidden.', true],
    ['500: Internal Server Error', true],
    ['Response code 401 (Unauthorized)', true],
    ['Invalid API key', false],
    ['campaign_id parameter is required', false],
  ])('%s → %s, the second time as the first', (message, expected) => {
    expect(repeatsStatus(message)).toBe(expected);
    expect(repeatsStatus(message)).toBe(expected);
  });
});
