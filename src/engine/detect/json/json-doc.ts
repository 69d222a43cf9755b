// Documentation of JSON errors ("Common causes: malformed JSON in the request body", "What
// happened? The request body could not be parsed as valid JSON", an n8n error reference): it
// describes invalid JSON to the reader, it does not report a body that failed.

/** Marks of an error's documentation; a text needs two different ones. */
const DOC_MARKS: readonly RegExp[] = [
  /\b(?:common|possible|typical|likely|frequent)\s+(?:causes?|mistakes|reasons|errors|pitfalls)\b/i,
  /^[ \t>#*+-]*(?:causes?|what happened\??|what (?:this|the) error means|why (?:this|it) happens)[ \t]*:?[ \t]*$/im,
  /^[ \t>#*+-]*(?:solutions?|fix(?:es)?|how to (?:fix|resolve)(?: it| this)?|resolution)[ \t]*:?[ \t]*$/im,
  /\btroubleshoot\w*/i,
  /\bthis error (?:fires|occurs|happens|means|is (?:returned|raised|thrown))\b/i,
  /\berror (?:reference|glossary|catalog(?:ue)?)\b/i,
  /^[ \t]*(?:\/\/|#)[ \t]*(?:bad|good|wrong|right|correct|incorrect|problem)\b/im,
];
const MARKS_NEEDED = 2;

/** True when `text` documents JSON errors for a reader rather than reporting one. */
export function documentsJsonErrors(text: string): boolean {
  let marks = 0;
  for (const mark of DOC_MARKS) if (mark.test(text) && ++marks >= MARKS_NEEDED) return true;
  return false;
}
