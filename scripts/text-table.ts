// Plain-text tables for the terminal. By default the first column is left-aligned and the others,
// which hold figures, right-aligned; `align` overrides that per column.
export type Align = 'left' | 'right';

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const alignOf = (column: number): Align => align[column] ?? (column === 0 ? 'left' : 'right');
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (alignOf(column) === 'left' ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
