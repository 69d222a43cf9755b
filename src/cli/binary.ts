// Tells log text from binary data by its first bytes, the way `grep` and `perl -B` guess.

/** How many leading bytes are inspected. */
export const BINARY_SAMPLE_BYTES = 8192;

/** Above this share of bytes that cannot be text, the input is treated as binary. */
const MAX_NON_TEXT_RATIO = 0.3;

// Control bytes that still occur in text: backspace, tab, newline, vertical tab, form feed,
// carriage return and escape (ANSI colours in captured terminal logs).
const TEXT_CONTROLS = new Set([0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

/**
 * Length of the UTF-8 sequence starting at `at`: its byte count when well formed, 0 when invalid,
 * -1 when it is cut off by the end of the sample (the next bytes may well complete it).
 */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  let length: number;
  let min: number;
  if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
  else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
  else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
  else return 0;
  let codePoint = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    if (at + k >= bytes.length) return -1;
    const next = bytes[at + k]!;
    if ((next & 0xc0) !== 0x80) return 0;
    codePoint = (codePoint << 6) | (next & 0x3f);
  }
  const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  return codePoint < min || codePoint > 0x10ffff || surrogate ? 0 : length;
}

/** Byte-order marks of UTF-16 text, which is full of NUL bytes but is not binary. */
export function utf16Encoding(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * True when the sample holds a NUL byte or when too many of its bytes are neither printable
 * ASCII, common control characters nor well-formed UTF-8. A few stray Latin-1 bytes in a log
 * stay text (they are decoded with replacement characters).
 */
export function looksBinary(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let nonText = 0;
  let i = 0;
  while (i < sample.length) {
    const byte = sample[i]!;
    if (byte === 0) return true;
    if (byte < 0x80) {
      if ((byte < 0x20 && !TEXT_CONTROLS.has(byte)) || byte === 0x7f) nonText++;
      i++;
      continue;
    }
    const length = utf8SequenceLength(sample, i);
    if (length === -1) break;
    if (length === 0) {
      nonText++;
      i++;
    } else {
      i += length;
    }
  }
  return nonText / sample.length > MAX_NON_TEXT_RATIO;
}
