// What a site adapter tells the content script about one ESP's pages. Adapters only narrow the
// search: the text-anchored scanner still finds error rows when these selectors miss.
import type { ProviderId } from '../engine/types';

/** Where the webhook editor's fields are. Every value is a CSS selector list ('' = none known). */
export interface EditorSelectors {
  /** The destination URL input. */
  url: string;
  /** One header key/value row. */
  headerRow: string;
  /** Inside a header row: the key field. */
  headerName: string;
  /** Inside a header row: the value field (where the token is typed). */
  headerValue: string;
  /** The request body (textarea or contenteditable). */
  body: string;
}

export interface SiteAdapter {
  id: ProviderId | 'generic';
  /** The provider whose retry policy and advice apply; null on unknown pages. */
  provider: ProviderId | null;
  /** True for the host names this adapter serves. */
  matchesHost(hostname: string): boolean;
  /** Log rows and result blocks of this site; a text node's row is the nearest match. */
  rows: string;
  /**
   * Cells that show a bare status number ("403") with the column header as their only context.
   * Their text is read as "status code 403" so the detectors can judge it.
   */
  statusCells: string;
  /** Areas never scanned for log rows (code editors, previews of request bodies). */
  ignore: string;
  editor: EditorSelectors;
}

/**
 * A selector paired with a saved fixture page and the number of elements it must match there
 * (refined-github style). Each site exports them from a function that only tests call.
 */
export interface SelectorCheck {
  /** Which adapter field the selector comes from, e.g. `rows` or `editor.headerValue`. */
  name: string;
  selector: string;
  /** Path relative to test/fixtures. */
  fixture: string;
  count: number;
}

export const NO_EDITOR: EditorSelectors = { url: '', headerRow: '', headerName: '', headerValue: '', body: '' };

/** Builds a host matcher for exact host names. */
export function hostIn(...hosts: string[]): (hostname: string) => boolean {
  const set = new Set(hosts);
  return (hostname) => set.has(hostname.toLowerCase());
}
