// A provider's selector alternatives that find nothing on the live page. Adapters only narrow the
// scan, so a changed ESP layout would otherwise pass unnoticed; the scan statistics name each miss.
import { selectorAlternatives, type SiteAdapter } from '../../providers/site-adapter';
import type { UnmatchedSelector } from '../../shared/messages';

/**
 * The alternatives with no match in `root` now. Editor selectors miss on log pages and the other
 * way round: the list says what is absent, the reader knows which page it was. Open shadow roots
 * are not searched; an invalid selector counts as a miss.
 */
export function unmatchedSelectors(root: ParentNode, adapter: SiteAdapter): UnmatchedSelector[] {
  return selectorAlternatives(adapter.selectors)
    .filter(([, selector]) => !matchesAny(root, selector))
    .map(([field, selector]) => ({ field, selector }));
}

function matchesAny(root: ParentNode, selector: string): boolean {
  try {
    return root.querySelector(selector) !== null;
  } catch {
    return false;
  }
}
