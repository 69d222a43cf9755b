// Finds out when the page makes content that holds our badges editable after they were placed:
// design mode switched on (no event or mutation tells of it) or an editing host taking the
// focus. Editors save their content as HTML, and a badge host inside would be saved with it.
import { editedRoot } from '../page/dom';

/** How often design mode is read again: switching it on fires nothing. */
const DESIGN_MODE_POLL_MS = 500;

/**
 * Calls `onEditing` with the edited root (the document, or the focused editing host) whenever
 * one is found: on focus changes, on `check()` (the scanner's mutation batches) and on a poll.
 */
export function watchEditing(win: Window, signal: AbortSignal, onEditing: (root: Node) => void): { check(): void } {
  const doc = win.document;
  const check = (): void => {
    const root = editedRoot(doc);
    if (root) onEditing(root);
  };
  doc.addEventListener('focusin', check, { capture: true, signal });
  const timer = win.setInterval(check, DESIGN_MODE_POLL_MS);
  signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
  return { check };
}
