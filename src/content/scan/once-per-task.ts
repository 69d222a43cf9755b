// Lookups many rows or cells of one task would all repeat (a table's first row, its column
// headers, whether a shadow host shows its light DOM), kept for the current task only.

/**
 * The page cannot change its DOM while our task runs, and the next task reads everything afresh.
 * A scan chunk of thousands of cells then queries each table once.
 */
let lookups = new Map<string, Map<Element, unknown>>();
let lookupsExpire = false;

export function oncePerTask<T>(kind: string, root: Element, read: (root: Element) => T): T {
  if (!lookupsExpire) {
    lookupsExpire = true;
    queueMicrotask(() => {
      lookups = new Map();
      lookupsExpire = false;
    });
  }
  let known = lookups.get(kind);
  if (!known) lookups.set(kind, (known = new Map()));
  if (known.has(root)) return known.get(root) as T;
  const value = read(root);
  known.set(root, value);
  return value;
}
