// A title that names an error as its subject ("No info about SSLHandshakeException") says what the
// text is about; whether the failure happened is told in the body. When every occurrence of the
// same failure in the body only names it ("If you try …, you get SSLHandshakeException"), the title
// names it too. Only a name that a preposition makes the title's topic is read so; a title that is
// the runtime's message ("Net::OpenTimeout execution expired") or a sentence that reports ("Some
// endpoints … throw EOFError") is a report on its own and is kept.

/**
 * A title that describes a change, after a tracker's key or not ("fix(http): Throw … on ECONNRESET", "BM-542: Add …", "also retry on …", "Fix timeout issues in …",
 * "Add retry for …", "Deal with … in a better way", "Provide more detailed error messaging …", "Better error message for …") or
 * asks for one ("Will there be an implementation of retry …", "Support for …", "[Feature] …", "why
 * … not support …"): the page is a pull request, a changelog entry or a
 * feature request, whose prose names errors to handle, not failures that happened.
 */
const CHANGE_OR_REQUEST_TITLE =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:\[[^\]\n]{1,20}\][ \t]*)?(?:[A-Z][A-Z0-9]{1,9}-\d{1,6}:?[ \t]+)?(?:also[ \t]+)?(?:(?:fix|bugfix|hotfix|feat|feature|chore|refactor|perf|revert|build|ci)(?:\([^)\n]{1,30}\))?!?:|(?:add|adds|fix|fixes|handle|handles|deal with|support|implement|retry|retries|allow|detect|throw|treat|map|catch|ignore|classify|provide|improve|better|expose|surface|display|distinguish|differentiate)\b|(?:feature request|proposal|rfc)\b|will there be\b|is there (?:a|any) (?:way|option|plan)\b|would it be possible\b|(?:please )?consider\b|[^\n?]{0,80}\bwhy (?:not|doesn't|does not|don't|isn't)[ \t]+(?:\w+[ \t]+)?support\b)/i;
const BRACKETED_REQUEST = /^[ \t]*(?:#{1,6}[ \t]*)?\[(?:feature|feat|enhancement|request|proposal|rfc)[^\]\n]{0,20}\]/i;

/** Longest title read. */
const MAX_TITLE = 200;

/** True when the text's first line is the title of a change or of a request for one. */
export function hasChangeOrRequestTitle(text: string): boolean {
  const end = titleEnd(text);
  const title = text.slice(0, Math.min(end < 0 ? text.length : end, MAX_TITLE));
  return CHANGE_OR_REQUEST_TITLE.test(title) || BRACKETED_REQUEST.test(title);
}

interface Span {
  problem: string | null;
  start: number;
  end: number;
}

/**
 * A preposition right before the name: the name is what the title is about ("No info about
 * SSLHandshakeException", "Support for ECONNRESET", Japanese "リクエストのタイムアウト", the request's
 * timeout), not a verb's report ("… and throw EOFError", "request always reset by peer").
 */
const SUBJECT_BEFORE = /\b(?:about|for|on|of|regarding|with)[ \t]+[`'"]?(?:\w+(?:\.|::))*$|の$/i;

/**
 * A preposition that only makes the name a topic ("troubleshooting entry for EHOSTUNREACH", "a
 * warning about ETIMEDOUT"). "with" is left out: "fails with ECONNREFUSED" reports on its own.
 */
const TOPIC_BEFORE = /\b(?:about|for|regarding)[ \t]+[`'"]?(?:\w+(?:\.|::))*$/i;

/**
 * A Markdown title with no body: a pull request, a commit or an issue known by its title only.
 * Nothing below it tells that the failure it names happened, so a name it makes its topic is only
 * named.
 */
const isTitleAlone = (text: string): boolean => /^[ \t]*#{1,6}[ \t]/.test(text) && text.length <= MAX_TITLE;

/** True when `at` lies on the text's first line and that line is a Markdown heading: an issue's title. */
export function isOnHeadingTitle(text: string, at: number): boolean {
  const end = titleEnd(text);
  return (end < 0 || at < end) && /^[ \t]*#{1,6}[ \t]/.test(text);
}

/** The end of the first line, when the text opens with a title (a heading or a short first line). */
function titleEnd(text: string): number {
  const lineBreak = text.indexOf('\n');
  return lineBreak < 0 ? -1 : lineBreak;
}

/**
 * Drops the findings on the title line whose failure the body names, but never reports: `all` are
 * every occurrence found before the tests of mention (sorted by start), `kept` those that survived.
 */
export function dropTitleNamedOnly<T extends Span>(text: string, all: readonly Span[], kept: T[]): T[] {
  // A title pasted with its line break (`# Docs for ECONNREFUSED\n`) is still a title alone.
  const trimmed = text.trimEnd();
  const end = titleEnd(trimmed);
  if (end < 0)
    return isTitleAlone(trimmed)
      ? kept.filter((finding) => !TOPIC_BEFORE.test(text.slice(Math.max(0, finding.start - 60), finding.start)))
      : kept;
  if (!kept.some((finding) => finding.start < end)) return kept;
  const reportedInBody = new Set(kept.filter((finding) => finding.start > end).map((finding) => finding.problem));
  const namedInBody = new Set(all.filter((match) => match.start > end).map((match) => match.problem));
  return kept.filter((finding) => {
    if (finding.start > end || reportedInBody.has(finding.problem) || !namedInBody.has(finding.problem)) return true;
    return !SUBJECT_BEFORE.test(text.slice(Math.max(0, finding.start - 60), finding.start));
  });
}
