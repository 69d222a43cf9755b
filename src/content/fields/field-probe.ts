// A cheap look for webhook editor fields: content-extras.js (the field checks) loads only on pages
// that have some. It errs on the side of yes: every field the full finder could pick (adapter
// selectors, or by shape: URL, credential header, JSON body) makes it answer true.
import type { SiteAdapter } from '../../providers/site-adapter';
import { queryAll } from '../page/dom';

/** Typing pauses this long before the fields are looked at again. */
export const FIELD_CHECK_DELAY_MS = 150;

/** Names, labels, placeholders or values that suggest a webhook editor field. */
const EDITOR_HINT = /url|endpoint|destination|webhook|header|authori[sz]ation|api[-_ ]?key|token|secret|body|json/i;
const JSON_START = /^\s*[[{]/;
const HINT_ATTRIBUTES = ['name', 'id', 'aria-label', 'placeholder'];

export function mayHaveEditorFields(doc: Document, adapter: SiteAdapter): boolean {
  const { url, headerRow, body } = adapter.editor;
  if ([url, headerRow, body].some((selector) => queryAll(doc, selector).length > 0)) return true;
  return queryAll(doc, 'input, textarea, [contenteditable]').some((field) => {
    const value = (field as HTMLInputElement).value ?? field.textContent ?? '';
    const hints = HINT_ATTRIBUTES.map((name) => field.getAttribute(name) ?? '').join(' ');
    return EDITOR_HINT.test(hints) || EDITOR_HINT.test(value) || JSON_START.test(value);
  });
}
