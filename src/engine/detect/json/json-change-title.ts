// Whether a text describes a change to code or asks for one, read from its title: a pull request
// ("fix(webhooks): error message on invalid json", "Reject invalid json webhooks"), a commit, a
// feature request ("Is it possible to add option to ignoring the last comma?"). Such texts name
// invalid JSON as a case the code handles; they report no body that failed.

/**
 * A title that opens with a conventional-commit type (`fix:`, `feat(api):`, `chore:`), or with a
 * change verb in the imperative or the third person ("Add", "Handles", "Reject"), or with a request
 * ("Is it possible", "Allow", "Feature request"). Past forms are left out: "Added a comma and got
 * a 400" reports.
 */
const CHANGE_TITLE =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:\[[^\]\n]{1,30}\][ \t]*)?(?:(?:feat|fix|chore|refactor|perf|build|ci|docs?|test|style)(?:\([^)\n]{1,40}\))?!?:|(?:add|fix|handle|reject|return|improve|alter|change|catch|validate|support|allow|show|log|warn|prevent|avoid|enhance|update|remove|refactor|implement|introduce|respond|raise)(?:e?s)?\b|is[ \t]+it[ \t]+possible\b|would[ \t]+it[ \t]+be[ \t]+possible\b|feature[ \t]+request\b)/i;

/** The text's first line that holds anything: a title, when the text has one. */
function firstLine(text: string): string {
  const start = text.length - text.trimStart().length;
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

/** True when the text's title describes a code change or asks for one. */
export function describesACodeChange(text: string): boolean {
  return CHANGE_TITLE.test(firstLine(text));
}
