// A number under a key whose other values are not statuses: Postmark's error list
// (`{"code": 10, …}, {"code": 300, …}, {"code": 400, …}`), an SDK's enum of API errors. Those keys
// number another system's errors, and their 4xx/5xx members only share HTTP's range.

/**
 * A key of an object or a record right before the digits, after a brace, a comma or at a line's
 * start: `"code": `, `{code: `, `'code' => `; not the words of a log line ("Status code: 400").
 */
const KEY_BEFORE = /(?:^|[{,[(\n])[ \t]*["']?([A-Za-z_][\w-]{0,30})["']?[ \t]*(?:=>|:|=)[ \t]*$/;
const KEY_MARK = ':=>';
/** Keys that name an HTTP status themselves; their other values (0 for "no answer") prove nothing. */
const STATUS_KEY = /status|http/i;
/** Every key-number pair of a window: the key, then the whole number. */
const KEYED_NUMBER = /["']?([A-Za-z_][\w-]{0,30})["']?[ \t]*(?:=>|:|=)[ \t]*(\d+)(?![\d.])/g;
/** How far on each side the key's other values are looked for. */
const SIBLING_WINDOW = 1500;

/**
 * True when the number is the value of a key that elsewhere in the window holds a number of one,
 * two, or four and more digits (0, a neutral "no error", aside).
 */
export function isKeyedOtherNumbering(text: string, codeStart: number): boolean {
  // Cheap gate first: most numbers have no `:`, `=` or `=>` right before them.
  let at = codeStart - 1;
  while (at > codeStart - 4 && (text[at] === ' ' || text[at] === '\t')) at--;
  if (!KEY_MARK.includes(text[at] ?? '')) return false;
  const key = KEY_BEFORE.exec(text.slice(Math.max(0, codeStart - 40), codeStart))?.[1];
  if (key === undefined || STATUS_KEY.test(key)) return false;
  const window = text.slice(Math.max(0, codeStart - SIBLING_WINDOW), codeStart + SIBLING_WINDOW);
  for (const [, name, value] of window.matchAll(KEYED_NUMBER)) {
    if (name === key && value!.length !== 3 && value !== '0') return true;
  }
  return false;
}
