// Same-document navigations (history.pushState) make the worker forget the tab's findings; the
// content script sends them again (src/content/runtime/lifecycle.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchSameDocumentNavigations } from '../../src/content/runtime/lifecycle';

/** A window with what the watcher reads: its address and the Navigation API's event target. */
function fakeWindow() {
  const navigation = new EventTarget();
  const win = { location: { href: 'https://app.example.com/log' }, navigation, setTimeout, clearTimeout };
  const push = (href: string) => {
    win.location.href = href;
    navigation.dispatchEvent(new Event('currententrychange'));
  };
  return { win: win as unknown as Window, push };
}

describe('watchSameDocumentNavigations', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends again once for a burst of URL changes', () => {
    const { win, push } = fakeWindow();
    const settled = vi.fn();
    watchSameDocumentNavigations(win, new AbortController().signal, settled);
    for (let i = 0; i < 5; i++) push(`https://app.example.com/log?p=${i}`);
    vi.advanceTimersByTime(1000);
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('keeps sending while a page rewrites its URL without a pause', () => {
    const { win, push } = fakeWindow();
    const settled = vi.fn();
    watchSameDocumentNavigations(win, new AbortController().signal, settled);
    // A new URL every 100 ms for 3 s: a wait put off by each change would never end.
    for (let i = 0; i < 30; i++) {
      push(`https://app.example.com/log?t=${i}`);
      vi.advanceTimersByTime(100);
    }
    expect(settled.mock.calls.length).toBeGreaterThanOrEqual(9);
    vi.advanceTimersByTime(1000);
    const calls = settled.mock.calls.length;
    vi.advanceTimersByTime(1000);
    expect(settled).toHaveBeenCalledTimes(calls);
  });

  it('sends nothing when the URL did not change', () => {
    const { win, push } = fakeWindow();
    const settled = vi.fn();
    watchSameDocumentNavigations(win, new AbortController().signal, settled);
    push('https://app.example.com/log');
    vi.advanceTimersByTime(1000);
    expect(settled).not.toHaveBeenCalled();
  });
});
