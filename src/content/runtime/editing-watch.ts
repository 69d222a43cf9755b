// Finds out when the page makes content that holds our badges editable after they were placed:
// design mode switched on (no event or mutation tells of it), an editing host taking the focus,
// or `contenteditable` set on content (an editor may save what it never focused). Editors save
// their content as HTML, and a badge host inside would be saved with it.
// The rows whose badges left are kept with their root and judged again once editing ends: a page
// that turns editing on and off again would otherwise switch our badges off for good. A row still
// inside editable content then (an inner editing host, design mode) stays held under that.
import { EDITING_HOST, editedRoot, isEditable } from '../page/dom';

/** How often design mode is read again: switching it on fires nothing. */
const DESIGN_MODE_POLL_MS = 500;

export interface EditingHooks {
  /** Takes the badges out of `root`; returns their rows. */
  remove(root: ParentNode & Node): Element[];
  /**
   * A root is no longer edited: judges again the rows whose badges left it, and looks through
   * the root for rows added while it was edited (the scanner passed over them).
   */
  restore(root: Node, rows: Element[]): void;
  /** Grows whenever badges enter the page: an edited root handled before needs no new look until then. */
  placements(): number;
  /** How many badges there are. The poll runs only while there are some (or rows wait to come back). */
  badgeCount(): number;
  /** The badges' hosts in the page. */
  badgeHosts(): Iterable<Element>;
}

/** Is `root` (a removal's edited root) still editable? Focused or not, its content can be saved. */
function stillEdited(root: Node, doc: Document): boolean {
  if (root === doc) return doc.designMode === 'on';
  return root.isConnected && root instanceof doc.defaultView!.Element && isEditable(root);
}

/** Only this attribute is observed: other attribute changes cost nothing. */
const EDITABLE_ATTRIBUTE = { attributes: true, attributeFilter: ['contenteditable'], subtree: true };

/**
 * Watches for edited roots on focus changes, on `check()` (the scanner's mutation batches), on an
 * observer of the `contenteditable` attribute in the document (not in shadow roots) and on a poll
 * that runs while badges exist; errors go to `fail`.
 */
export function watchEditing(win: Window, signal: AbortSignal, hooks: EditingHooks, fail: (error: unknown) => void): { check(): void } {
  const doc = win.document;
  const held = new Map<Node, Set<Element>>();
  let last: { root: Node; placements: number } | null = null;
  let timer: number | undefined;

  const hold = (root: Node, rows: Iterable<Element>): void => {
    const kept = held.get(root) ?? new Set<Element>();
    for (const row of rows) kept.add(row);
    held.set(root, kept);
  };
  /** The editable content a row is still in, or null. */
  const editedAround = (row: Element): Node | null => (doc.designMode === 'on' ? doc : row.closest(EDITING_HOST));
  const restoreEnded = (): void => {
    for (const [root, rows] of held) {
      if (stillEdited(root, doc)) continue;
      held.delete(root);
      if (last?.root === root) last = null;
      if (root !== doc && !root.isConnected) continue;
      const back: Element[] = [];
      for (const row of rows) {
        if (!row.isConnected) continue;
        const around = editedAround(row);
        if (around) hold(around, [row]);
        else back.push(row);
      }
      hooks.restore(root, back);
    }
  };
  const takeOut = (root = editedRoot(doc) as (ParentNode & Node) | null): void => {
    if (!root) return;
    const placements = hooks.placements();
    if (last?.root === root && last.placements === placements) return; // nothing new since
    last = { root, placements };
    const rows = hooks.remove(root);
    if (rows.length > 0) hold(root, rows);
  };
  const pollWhileNeeded = (): void => {
    const needed = held.size > 0 || hooks.badgeCount() > 0;
    if (needed && timer === undefined) timer = win.setInterval(check, DESIGN_MODE_POLL_MS);
    else if (!needed && timer !== undefined) {
      win.clearInterval(timer);
      timer = undefined;
    }
  };
  function check(): void {
    try {
      restoreEnded();
      takeOut();
      pollWhileNeeded();
    } catch (error) {
      fail(error);
    }
  }
  const realm = win as Window & typeof globalThis; // the page's constructors: its nodes are their instances
  const madeEditable = new realm.MutationObserver((records) => {
    try {
      const made = new Set<Element>();
      for (const { target } of records) if (target instanceof realm.Element && isEditable(target)) made.add(target);
      // An "edit all" switch can make thousands of cells editable at once: then each badge is
      // asked for its editing host instead of each host searched for badges.
      if (made.size > hooks.badgeCount()) {
        for (const host of hooks.badgeHosts()) {
          const root = host.closest(EDITING_HOST);
          if (root) takeOut(root);
        }
      } else for (const root of made) takeOut(root);
      pollWhileNeeded(); // the poll gives the badges back once the attribute goes
    } catch (error) {
      fail(error);
    }
  });
  madeEditable.observe(doc, EDITABLE_ATTRIBUTE);
  doc.addEventListener('focusin', check, { capture: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      win.clearInterval(timer);
      madeEditable.disconnect();
    },
    { once: true },
  );
  return { check };
}
