// Binary search over ascending offsets (starts of words, of matches), shared by the detectors.

/** The index of the first value of ascending `values` at or after `from`; `values.length` when none. */
export function firstAtOrAfter(values: readonly number[], from: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low;
}
