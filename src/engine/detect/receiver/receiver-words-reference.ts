// An API's error reference page: one error documented for a reader, with its status, what it
// means, how to fix it and an example body ("api_key_missing / HTTP Status: 401 / When you see
// this … / Example response {…}"). Its bodies and sentences are samples, not what a receiver
// answered anyone, so the page holds no receiver words. A person tells such a page by its parts,
// not by one word: a text needs marks on two different lines, and a writer speaking of
// themselves ("I get", "my key") reports, whatever headings they copied.

/** Parts of an error's documentation, each on a line of its own kind. */
const REFERENCE_MARKS: readonly RegExp[] = [
  // A heading that introduces a sample: "Example response", "Sample error body".
  /^[ \t#>*-]*(?:an? |the )?(?:example|sample)s?(?: error| json| http)? ?(?:response|body|payload|output)s?\b[^\n]{0,20}$/im,
  // A field of the reference: "HTTP status: 401", "Error code: 401", "Category: Authentication".
  /^[ \t#>*•-]*(?:http status(?: code)?|status code|error code|error message|error key|error description|response code|category)[ \t]*[:：]?[ \t]*(?:\d{3}\b[^\n]*)?$/im,
  // A sentence that explains when the error comes.
  /\bthis (?:error|status|response|code|failure) (?:usually |typically |commonly |generally )?(?:occurs|is returned|means|happens|indicates|fires|is raised)\b|\bwhen you see\b|\b(?:is|are) returned (?:when|if)\b|\breturned when\b/i,
  // A section heading of an error's page.
  /^[ \t#>*]*(?:(?:common |possible )?causes?|solutions?|how to fix(?: it)?|resolution|handling errors|error handling|error responses?|possible errors|quick (?:answer|diagnosis))[ \t]*:?[ \t]*$/im,
  // A statement about every error of the API: "All API errors use …", "errors conform to".
  /\ball (?:api |other )?(?:errors|error responses) (?:use|follow|conform|share|return|are returned)\b|\b(?:errors|responses) conform to\b|\bthe following (?:schema|format|structure)\b/i,
];

/** Marks needed, each on a different line. */
const MARKS_NEEDED = 2;

/** The writer speaking of themselves: a report, not a reference page. */
const FIRST_PERSON = /\b(?:I|I'm|I've|my|me)\b/;

/** True when `text` is an error reference page (see the module comment). */
export function isErrorReferencePage(text: string): boolean {
  if (FIRST_PERSON.test(text)) return false;
  const lines = new Set<number>();
  for (const mark of REFERENCE_MARKS) {
    const match = mark.exec(text);
    if (match === null) continue;
    // The line's start names the line.
    lines.add(text.lastIndexOf('\n', match.index));
    if (lines.size >= MARKS_NEEDED) return true;
  }
  return false;
}
