// An API's error reference page: one error documented for a reader, with its status, what it
// means, how to fix it and an example body ("api_key_missing / HTTP Status: 401 / When you see
// this … / Example response {…}"). Its bodies and sentences are samples, not what a receiver
// answered anyone, so the page holds no receiver words. A person tells such a page by its parts,
// not by one word: a text needs a page's heading and another mark on a different line, and a
// writer speaking of themselves ("I get", "my key", "we send") reports, whatever headings they copied.
// "our" and "us" are left out: a vendor's page says "our docs" and "contact us".
// Words inside quoted strings are a body's, not the page's: a logged body may say "the following format".

/** The words of an error page's headings: a sample's ("Example response") or a section's ("Causes", "How to fix"). */
const SAMPLE_HEADING = '(?:example|sample)s?(?: error| json| http)? ?(?:response|body|payload|output)';
const SECTION_HEADING =
  '(?:(?:common |possible )?causes?|solutions?|how to fix(?: it)?|resolution|handling errors|error handling|error responses?|possible errors|quick (?:answer|diagnosis))';

/** Headings of an error's page, each on a line of its own. */
const PAGE_HEADINGS: readonly RegExp[] = [
  new RegExp(`^[ \\t#>*-]*(?:an? |the )?${SAMPLE_HEADING}s?\\b[^\\n]{0,20}$`, 'im'),
  new RegExp(`^[ \\t#>*]*${SECTION_HEADING}[ \\t]*:?[ \\t]*$`, 'im'),
];

/**
 * A heading's words anywhere in the text: blanking quoted strings only takes words away, so a text
 * without them has no heading. Most texts (a log's chunks) end here, before the blanking and the
 * line-anchored searches, which cost a tenth of a log's whole diagnosis.
 */
const HEADING_WORDS = new RegExp(`${SAMPLE_HEADING}|${SECTION_HEADING}`, 'i');

/** Other parts of an error's documentation, each on a line of its own kind. */
const REFERENCE_MARKS: readonly RegExp[] = [
  // A field of the reference: "HTTP status: 401", "Error code: 401", "Category: Authentication".
  /^[ \t#>*•-]*(?:http status(?: code)?|status code|error code|error message|error key|error description|response code|category)[ \t]*[:：]?[ \t]*(?:\d{3}\b[^\n]*)?$/im,
  // A sentence that explains when the error comes.
  /\bthis (?:error|status|response|code|failure) (?:usually |typically |commonly |generally )?(?:occurs|is returned|means|happens|indicates|fires|is raised)\b|\bwhen you see\b|\b(?:is|are) returned (?:when|if)\b|\breturned when\b/i,
  // A statement about every error of the API: "All API errors use …", "errors conform to".
  /\ball (?:api |other )?(?:errors|error responses) (?:use|follow|conform|share|return|are returned)\b|\b(?:errors|responses) conform to\b|\bthe following (?:schema|format|structure)\b/i,
];

/** The writer speaking of themselves: a report, not a reference page. Only a capital I: `i.e.` is no writer. */
const FIRST_PERSON_WORD = /\b(?:i'm|i've|my|me|we|we're|we've)\b/i;

/** A double-quoted string on one line, as JSON writes one. */
const QUOTED_STRING = /"(?:[^"\\\n]|\\.)*"/g;

/** The text with its quoted strings blanked, so offsets and lines stay where they were. */
function withoutQuotedStrings(text: string): string {
  return text.replace(QUOTED_STRING, (quoted) => ' '.repeat(quoted.length));
}

/** True when `text` is an error reference page (see the module comment). */
export function isErrorReferencePage(text: string): boolean {
  if (!HEADING_WORDS.test(text)) return false;
  const prose = withoutQuotedStrings(text);
  if (/\bI\b/.test(prose) || FIRST_PERSON_WORD.test(prose)) return false;
  // The line's start names the line: a heading and another mark must stand on different lines.
  const lineOf = (mark: RegExp): number | null => {
    const match = mark.exec(prose);
    return match === null ? null : prose.lastIndexOf('\n', match.index);
  };
  const headings = PAGE_HEADINGS.map(lineOf).filter((line) => line !== null);
  if (headings.length === 0) return false;
  const lines = new Set([...headings, ...REFERENCE_MARKS.map(lineOf).filter((line) => line !== null)]);
  return lines.size >= 2;
}
