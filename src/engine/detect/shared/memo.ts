// Answers of pure readings of short strings, kept: a log repeats the same few messages and
// phrases on every failing line, and reading each afresh costs several regex passes and arrays.

/** Most answers kept; then all are dropped (texts come from logs, so the set must stay bounded). */
export const MAX_KEPT_ANSWERS = 1024;

/**
 * `read` with its answers kept per argument. Only for a reading whose answer depends on the
 * string alone (no state, no clock) and is never changed by its callers: a kept answer must be
 * the one it would give again.
 */
export function keptPerText<T>(read: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (answers.has(text)) return answers.get(text) as T;
    const answer = read(text);
    if (answers.size >= MAX_KEPT_ANSWERS) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}
