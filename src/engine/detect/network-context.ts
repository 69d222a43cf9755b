// Where a network error's words do not report a failure: code that names or compares against the
// error, documentation of when a sender retries, and configuration of a timeout. Each test reads
// a bounded window of the match's own line, so the detector stays linear.

/** How far back on the line the tests look. */
const WINDOW = 80;

/**
 * Code right before the error's name: `case 'ECONNRESET':`, `err == io.EOF`, `except ReadTimeout`,
 * `rescue Net::OpenTimeout`, `catch (SocketTimeoutException e)`, `errors.Is(err, io.EOF)`.
 */
const CODE_BEFORE =
  /(?:\bcase[ \t]+|[=!]==?[ \t]*|\bexcept[ \t]+\(?[ \t]*|\brescue[ \t]+|\bcatch[ \t]*\([ \t]*|\binstanceof[ \t]+|\bisinstance\([^)\n]{0,40},[ \t]*\(?|\berrors\.(?:Is|As)\([^)\n]{0,40},[ \t]*&?|\braise[ \t]+|\bthrow[ \t]+new[ \t]+|\bimport[ \t]+|\bfrom[ \t]+[\w.]+[ \t]+import[ \t]+(?:\w+,[ \t]*)*)[\w.:$]*['"`]?$/;

/** One quoted name in a list of names: `['ECONNRESET', 'ETIMEDOUT']`, `('EPIPE', ...)`. */
const LIST_BEFORE = /[[(,|][ \t]*['"`]$/;
const LIST_AFTER = /^['"`][ \t]*[,\])|]/;

/**
 * A condition or retry rule a few words before: "if the request times out", "retries on
 * connection reset", "set the read timeout".
 */
const CONDITION_BEFORE =
  /(?:\b(?:if|whenever|unless|in case of|in the event of|should)\b(?:[ \t]+[^\s.!?;]+){0,5}|\bretr(?:y|ies|ied|ying)\b(?:[ \t]+[^\s.!?;]+){0,3}[ \t]+(?:on|when|after|for|upon|if)\b(?:[ \t]+[^\s.!?;]+){0,3}|\b(?:rescues?|catch(?:es)?|handles?|ignores?|simulates?|avoid|prevent)(?:[ \t]+[^\s.!?;]+){0,2}|\b(?:set|sets|increase|raise|lower|configure|adjust|change)(?:[ \t]+(?:the|a|your|its))?(?:[ \t]+\w+)?)[ \t]*[`'"]?$/i;

/** A timeout setting's name, and a value assigned to it: `Connect timeout: 30s`, `read timeout is 10`. */
/** A retry rule told after the words: "connection refused or DNS failures are retried". */
const RETRIED_AFTER = /^[^.!?\n]{0,80}?\b(?:are|is|will be|get|gets|being) retried\b/i;
const SETTING_NAME = /^(?:connect|connection|read|write|socket|idle|response|service|operation) timeout$/i;
const SETTING_AFTER = /^[ \t]*(?:[:=]|=>|is|of|to)[ \t]*["']?\d/i;

function lineBefore(text: string, start: number): string {
  const from = Math.max(0, start - WINDOW);
  const before = text.slice(from, start);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return lineStart === -1 ? before : before.slice(lineStart + 1);
}

/** True when the words at [start, end) name the error without reporting that it happened. */
export function isMentionNotFailure(text: string, start: number, end: number, isCode: boolean): boolean {
  const before = lineBefore(text, start);
  if (CODE_BEFORE.test(before) || CONDITION_BEFORE.test(before)) return true;
  const after = text.slice(end, end + 24);
  if (RETRIED_AFTER.test(text.slice(end, end + 100))) return true;
  if (isCode && LIST_BEFORE.test(before) && LIST_AFTER.test(after)) return true;
  // An alternation in a pattern: `ECONNRESET|EPIPE`.
  if (isCode && (before.endsWith('|') || after.startsWith('|'))) return true;
  return end - start <= 20 && SETTING_NAME.test(text.slice(start, end)) && SETTING_AFTER.test(after);
}
