// What a site adapter tells the content script about one ESP's pages. Adapters only narrow the
// search: the text-anchored scanner still finds error rows when these selectors miss.
import type { ProviderId } from './index';

/** CSS selector alternatives, each tried on its own so each can be checked and reported alone. */
export type Alternatives = readonly string[];

/** Where the webhook editor's fields are. */
export interface EditorSelectorAlternatives {
  /** The destination URL input. */
  url: Alternatives;
  /** One header key/value row. */
  headerRow: Alternatives;
  /** Inside a header row: the key field. */
  headerName: Alternatives;
  /** Inside a header row: the value field (where the token is typed). */
  headerValue: Alternatives;
  /** The request body (textarea or contenteditable). */
  body: Alternatives;
}

/** One ESP's selectors, as its provider folder writes them. */
export interface SiteSelectors {
  /** Log rows and result blocks of this site; a text node's row is the nearest match. */
  rows: Alternatives;
  /**
   * Cells that show a bare status number ("403") with the column header as their only context.
   * Their text is read as "status code 403" so the detectors can judge it.
   */
  statusCells: Alternatives;
  /** Areas never scanned for log rows (code editors, previews of request bodies). */
  ignore: Alternatives;
  editor: EditorSelectorAlternatives;
}

/** The editor selectors as the content script uses them: one selector list each ('' = none known). */
export type EditorSelectors = { [Field in keyof EditorSelectorAlternatives]: string };

export interface SiteAdapter {
  id: ProviderId | 'generic';
  /** The provider whose retry policy and advice apply; null on unknown pages. */
  provider: ProviderId | null;
  /** True for the host names this adapter serves. */
  matchesHost(hostname: string): boolean;
  /** The alternatives below, joined into one selector list each. */
  rows: string;
  statusCells: string;
  ignore: string;
  editor: EditorSelectors;
  /** The alternatives one by one, for reporting those that match nothing. */
  selectors: SiteSelectors;
}

export const NO_SELECTORS: SiteSelectors = {
  rows: [],
  statusCells: [],
  ignore: [],
  editor: { url: [], headerRow: [], headerName: [], headerValue: [], body: [] },
};

const joined = (alternatives: Alternatives): string => alternatives.join(', ');

/** The content script's view of a site: each field's alternatives joined into one selector list. */
export function siteAdapter(
  id: ProviderId | 'generic',
  provider: ProviderId | null,
  matchesHost: (hostname: string) => boolean,
  selectors: SiteSelectors,
): SiteAdapter {
  const { editor } = selectors;
  return {
    id,
    provider,
    matchesHost,
    rows: joined(selectors.rows),
    statusCells: joined(selectors.statusCells),
    ignore: joined(selectors.ignore),
    editor: {
      url: joined(editor.url),
      headerRow: joined(editor.headerRow),
      headerName: joined(editor.headerName),
      headerValue: joined(editor.headerValue),
      body: joined(editor.body),
    },
    selectors,
  };
}

/** Every alternative with the field it belongs to, e.g. `['editor.body', 'textarea[name="body"]']`. */
export function selectorAlternatives(selectors: SiteSelectors): [field: string, selector: string][] {
  const { editor, ...page } = selectors;
  const fields: [string, Alternatives][] = [
    ...Object.entries(page),
    ...Object.entries(editor).map(([field, list]): [string, Alternatives] => [`editor.${field}`, list]),
  ];
  return fields.flatMap(([field, list]) => list.map((selector): [string, string] => [field, selector]));
}
