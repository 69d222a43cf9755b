// Small regex helpers shared by the text detectors.

/**
 * Runs a sticky (`y`) regex at one offset of the text: the match must start exactly there, so
 * no window of text is copied and the cost is bounded by what the pattern itself can consume.
 */
export function execAt(stickyRegex: RegExp, text: string, offset: number): RegExpExecArray | null {
  stickyRegex.lastIndex = offset;
  return stickyRegex.exec(text);
}
