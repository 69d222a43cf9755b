// A page may hold several request editors (one per webhook request, each with its URL, header
// and body fields). The fields found on the page are grouped into editors by where they sit:
// each field joins the editor whose URL (or body) shares the smallest container with it.
import { FOLLOWING } from '../page/dom';
import type { EditorFields, FieldElement, HeaderField } from './fields';

/** The fields of the page grouped into one editor per request; one editor when there is one of each. */
export function groupEditors(
  urls: readonly FieldElement[],
  headers: readonly HeaderField[],
  bodies: readonly FieldElement[],
): EditorFields[] {
  if (urls.length <= 1 && bodies.length <= 1) return [{ url: urls[0] ?? null, headers: [...headers], body: bodies[0] ?? null }];
  // Each editor has one URL and one body: the more numerous of the two marks the editors.
  const anchors = urls.length >= bodies.length ? urls : bodies;
  const editors: EditorFields[] = anchors.map(() => ({ url: null, headers: [], body: null }));
  const editorOf = (field: Element): EditorFields => editors[nearestAnchor(field, anchors)]!;
  for (const url of urls) {
    const editor = editorOf(url);
    if (editor.url) editors.push({ url, headers: [], body: null });
    else editor.url = url;
  }
  for (const body of bodies) {
    const editor = editorOf(body);
    if (editor.body) editors.push({ url: null, headers: [], body });
    else editor.body = body;
  }
  for (const header of headers) editorOf(header.value).headers.push(header);
  return editors;
}

/**
 * The index of the anchor that shares the smallest container with `field`; among anchors in the
 * same container, the last one before the field (an editor's URL comes before its other fields).
 */
function nearestAnchor(field: Element, anchors: readonly Element[]): number {
  const own = anchors.indexOf(field);
  if (own >= 0) return own;
  for (let container = field.parentElement; container; container = container.parentElement) {
    const inside = anchors.flatMap((anchor, index) => (container.contains(anchor) ? [index] : []));
    if (inside.length > 0) return lastBefore(field, anchors, inside) ?? inside[0]!;
  }
  return (
    lastBefore(
      field,
      anchors,
      anchors.map((_, index) => index),
    ) ?? 0
  );
}

function lastBefore(field: Element, anchors: readonly Element[], candidates: readonly number[]): number | undefined {
  let found: number | undefined;
  for (const index of candidates) if (anchors[index]!.compareDocumentPosition(field) & FOLLOWING) found = index;
  return found;
}
