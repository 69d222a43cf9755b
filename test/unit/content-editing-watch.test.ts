// @vitest-environment happy-dom
// The editing watcher (src/content/runtime/editing-watch.ts): what it costs while the user types,
// and when its design-mode poll runs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EDITING_HOST, isEditable } from '../../src/content/page/dom';
import { type EditingHooks, watchEditing } from '../../src/content/runtime/editing-watch';

function hooks(badges: boolean, placements = { count: 0 }): EditingHooks & { remove: ReturnType<typeof vi.fn> } {
  return {
    remove: vi.fn(() => []),
    restore: vi.fn(),
    placements: () => placements.count,
    badgeCount: () => (badges ? 1 : 0),
    badgeHosts: () => [],
  };
}

const controllers: AbortController[] = [];
function watch(
  h: EditingHooks,
  fail: (error: unknown) => void = (error) => {
    throw error;
  },
): { check(): void } {
  const controller = new AbortController();
  controllers.push(controller);
  return watchEditing(window, controller.signal, h, fail);
}

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  document.designMode = 'off';
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('watchEditing', () => {
  it('looks into a focused editing host again only when badges entered the page since', () => {
    document.body.innerHTML = '<div id="notes" contenteditable="true">x</div>';
    document.getElementById('notes')!.focus();
    const placements = { count: 1 };
    const h = hooks(true, placements);
    const watcher = watch(h);
    watcher.check();
    watcher.check(); // a keystroke: nothing new to take out
    expect(h.remove).toHaveBeenCalledTimes(1);
    placements.count++;
    watcher.check();
    expect(h.remove).toHaveBeenCalledTimes(2);
  });

  it('clears a document in design mode once, not on every batch', () => {
    document.designMode = 'on';
    const h = hooks(true);
    const watcher = watch(h);
    for (let i = 0; i < 5; i++) watcher.check();
    expect(h.remove).toHaveBeenCalledTimes(1);
    expect(h.remove).toHaveBeenCalledWith(document);
  });

  it('polls design mode only while there are badges', () => {
    const setInterval = vi.spyOn(window, 'setInterval');
    const badges = { now: false };
    const h: EditingHooks = { ...hooks(false), badgeCount: () => (badges.now ? 1 : 0) };
    const watcher = watch(h);
    watcher.check();
    expect(setInterval).not.toHaveBeenCalled();
    badges.now = true;
    watcher.check();
    watcher.check();
    expect(setInterval).toHaveBeenCalledTimes(1);
  });

  it('keeps rows held while they are still inside an editing host, and restores them once it ends', async () => {
    document.body.innerHTML = '<div id="wrap"><div id="log"><p id="row">HTTP 500</p></div></div>';
    const byId = (id: string): HTMLElement => document.getElementById(id)!;
    const [wrap, log, row] = [byId('wrap'), byId('log'), byId('row')];
    const h = hooks(true);
    h.remove.mockImplementation((root: Node) => (root === wrap ? [row] : []));
    const watcher = watch(h);
    wrap.setAttribute('contenteditable', 'true');
    await Promise.resolve(); // the attribute observer's records
    log.setAttribute('contenteditable', '');
    await Promise.resolve();
    wrap.removeAttribute('contenteditable');
    watcher.check();
    expect(h.restore).toHaveBeenCalledWith(wrap, []); // the row is in #log, still editable
    log.removeAttribute('contenteditable');
    watcher.check();
    expect(h.restore).toHaveBeenLastCalledWith(log, [row]);
  });

  it('hands back the root that stopped being edited, so rows added meanwhile are looked for', async () => {
    document.body.innerHTML = '<div id="log"><p id="row">HTTP 500</p></div>';
    const log = document.getElementById('log')!;
    const row = document.getElementById('row')!;
    const h = hooks(true);
    h.remove.mockImplementation(() => [row]);
    const watcher = watch(h);
    log.setAttribute('contenteditable', 'true');
    await Promise.resolve();
    log.removeAttribute('contenteditable');
    watcher.check();
    expect(h.restore).toHaveBeenCalledExactlyOnceWith(log, [row]);
  });

  it('asks each badge for its editing host when more hosts than badges appear at once', async () => {
    document.body.innerHTML = `<table>${'<tr><td>cell</td></tr>'.repeat(50)}</table><p id="badge"></p>`;
    const badge = document.getElementById('badge')!;
    const h = { ...hooks(true), badgeHosts: () => [badge] };
    watch(h);
    for (const cell of document.querySelectorAll('td')) cell.setAttribute('contenteditable', 'true');
    document.body.setAttribute('contenteditable', 'true');
    await Promise.resolve();
    expect(h.remove).toHaveBeenCalledExactlyOnceWith(document.body);
  });

  it('hands its errors to the app', () => {
    document.designMode = 'on';
    const fail = vi.fn();
    const h: EditingHooks = {
      ...hooks(true),
      remove: () => {
        throw new Error('boom');
      },
    };
    watch(h, fail).check();
    expect(fail).toHaveBeenCalledWith(new Error('boom'));
  });
});

describe('editing hosts', () => {
  it('are made only by "", true and plaintext-only, in any case, by the selector and the predicate alike', () => {
    const values = ['', 'true', 'TRUE', 'Plaintext-Only', 'false', 'False', 'inherit', 'INHERIT', 'yes'];
    document.body.innerHTML = values.map((value) => `<div contenteditable="${value}"></div>`).join('');
    const divs = [...document.body.children];
    expect(divs.map((div) => isEditable(div))).toEqual([true, true, true, true, false, false, false, false, false]);
    // happy-dom ignores the selector's case flag (browsers honour it): compare the lower-case values.
    const lower = divs.filter((div) => div.getAttribute('contenteditable') === div.getAttribute('contenteditable')!.toLowerCase());
    expect(lower.map((div) => div.matches(EDITING_HOST))).toEqual(lower.map((div) => isEditable(div)));
  });
});
