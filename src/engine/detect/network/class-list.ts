// An exception class's name written bare among other classes' names: a library's list of its
// exceptions, or a comparison of two ("RequestException instead of ConnectException"). Such a name
// is what a page is about, not a failure it reports; a thrown one comes with its namespace or its
// message.
import { lineEndWithin, lineStartWithin } from '../../text';

/** A namespace or a package right before a class name: `GuzzleHttp\\Exception\\`, `requests.exceptions.`. */
const QUALIFIER_BEFORE = /[\\.:]$/;
/** A thrown name's message or arguments right after it: `ConnectException: cURL error 7`, `SSLError(…)`, `[…ConnectException]`. */
const THROWN_AFTER = /^[:(\]]/;
/** A class's name (`ConnectException`), not a constant's (`SSL_ERROR_SYSCALL`). */
const CLASS_NAME = /^[A-Z][A-Za-z]*(?:Exception|Error)$/;
/** Another exception class named on the same or a neighbouring line. */
const OTHER_CLASS = /\b[A-Z]\w*(?:Exception|Error)\b/g;

/**
 * A family name written bare, beside other exception classes: a list of a library's classes ("-
 * ClientException", "- ConnectException", …) or a comparison ("RequestException instead of
 * ConnectException") names classes; no failure is reported by it.
 */
export function isBareNameAmongClasses(text: string, start: number, end: number): boolean {
  if (!CLASS_NAME.test(text.slice(start, end))) return false;
  if (QUALIFIER_BEFORE.test(text.slice(Math.max(0, start - 1), start)) || THROWN_AFTER.test(text.slice(end, end + 1))) return false;
  const name = text.slice(start, end);
  const around = text.slice(linesAway(text, start, -NEIGHBOUR_LINES), linesAway(text, end, NEIGHBOUR_LINES));
  for (const other of around.matchAll(OTHER_CLASS)) if (other[0] !== name) return true;
  return false;
}

/** Lines read either side: a class list alternates names and their descriptions. */
const NEIGHBOUR_LINES = 2;
/** How far a line is read for its neighbours. */
const NEIGHBOUR_REACH = 300;
const NEWLINE = 10;

/**
 * Offset `lines` line breaks before (negative) or after `at`, within NEIGHBOUR_REACH per line. Each
 * step reads at most NEIGHBOUR_REACH characters, so a log of one long line costs no more than lines.
 */
function linesAway(text: string, at: number, lines: number): number {
  let offset = at;
  // One break more than the lines wanted: the first only reaches the end of the number's own line.
  for (let i = 0; i <= Math.abs(lines); i++) {
    if (lines < 0) {
      const start = lineStartWithin(text, offset, NEIGHBOUR_REACH);
      if (start === 0 || text.charCodeAt(start - 1) !== NEWLINE || offset - start >= NEIGHBOUR_REACH)
        return Math.max(0, offset - NEIGHBOUR_REACH);
      offset = start - 1;
    } else {
      const end = lineEndWithin(text, offset + 1, NEIGHBOUR_REACH);
      if (text.charCodeAt(end) !== NEWLINE || end - offset > NEIGHBOUR_REACH) return Math.min(text.length, offset + NEIGHBOUR_REACH);
      offset = end;
    }
  }
  return offset;
}
