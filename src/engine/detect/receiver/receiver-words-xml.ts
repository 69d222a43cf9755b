// The receiver's message in an XML error body: AWS's `<Error><Code>…</Code><Message>…</Message>`,
// a SOAP fault's `<faultstring>`, a small API's `<error code="412">service is required</error>`,
// an error list's `<description>` (Intacct's `<errormessage>`).
// The element is the message only inside an error document (an Error, Errors, Fault or
// …Exception element, `success="false"`) or when its words read as an error.
import { isFromReceiver, saysError } from './receiver-words-loose';
import { repeatsStatus } from './receiver-words-plain';

export interface XmlWords {
  /** Where the XML document holding the message starts (its first line of tags). */
  start: number;
  /** Where that document ends, or the message when the document runs on past the text's line. */
  end: number;
  message: string;
  field: string;
}

/**
 * An element that holds a message and its text, up to its end tag or, for a body cut short
 * (an issue title, an escaped string), the end of its line or string.
 */
const MESSAGE_ELEMENT =
  /<((?:\w{1,20}:)?(?:message|errormessage|error_message|faultstring|error|errordescription|description))(?:\s[^<>]{0,200})?>\s*([^<>\n"]{2,400}?)\s*(?:<\/\1\s*>|(?=[\n"]|\\[nr"]|$))/gi;
/** Element names and attributes only an error document has. */
const ERROR_DOCUMENT = /<\/?(?:\w{1,20}:)?(?:errors?|errorresponse|fault|\w{0,60}exception)\b|\bsuccess\s*=\s*["']false["']/i;
/** A documented format's stand-in (`E0[number]: [error message]`): no receiver wrote it. */
const PLACEHOLDER = /[[<{][a-z][a-z_ ]{2,30}[\]>}]/;
/** How far around a message its document is looked at. */
const DOCUMENT_REACH = 1200;
/** How many message elements are read at most: an error document says it early. */
const MAX_ELEMENTS = 24;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const ENTITY = /&(amp|lt|gt|quot|apos|#39);/g;

/** The message of each XML error document in `text`, in text order, one per document. */
export function findXmlWords(text: string): XmlWords[] {
  if (!text.includes('</') && !text.includes('<?xml')) return [];
  const found: XmlWords[] = [];
  MESSAGE_ELEMENT.lastIndex = 0;
  let read = 0;
  for (let match = MESSAGE_ELEMENT.exec(text); match !== null && read < MAX_ELEMENTS; match = MESSAGE_ELEMENT.exec(text), read++) {
    const message = match[2]!.replace(ENTITY, (_, name: string) => ENTITIES[name] ?? ' ').trim();
    if (!/\p{L}{2}/u.test(message) || PLACEHOLDER.test(message) || repeatsStatus(message) || !isFromReceiver(message)) continue;
    const around = text.slice(Math.max(0, match.index - DOCUMENT_REACH), match.index + DOCUMENT_REACH);
    const inErrorDocument = ERROR_DOCUMENT.test(around);
    if (!inErrorDocument && !saysError(message)) continue;
    // Feeds and catalogues describe things in `<description>`: only an error document's is its message.
    if (!inErrorDocument && /description$/i.test(match[1]!) && !/error/i.test(match[1]!)) continue;
    const start = documentStart(text, match.index);
    const previous = found.at(-1);
    // One document, one message: its first.
    if (previous && previous.start === start) continue;
    const end = Math.max(match.index + match[0].length, documentEnd(text, match.index));
    found.push({ start, end, message, field: match[1]!.replace(/^\w+:/, '') });
  }
  return found;
}

/** A line whose first mark opens or closes a tag (`></message` of a wrapped print; a fence's backticks or a quote may come before it). */
const TAG_LINE = /^[ \t`"'-]*[<>]/;

/** The start of the topmost line of tags above `at` with no other line between, else where `at`'s line has its first tag. */
function documentStart(text: string, at: number): number {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (!TAG_LINE.test(text.slice(lineStart, at + 1))) return text.indexOf('<', lineStart);
  for (let up = 0; lineStart > 0 && up < 40; up++) {
    const above = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (!TAG_LINE.test(text.slice(above, lineStart))) break;
    lineStart = above;
  }
  return text.indexOf('<', lineStart);
}

/** The end of the last line of tags from `at`'s line down, with no other line between. */
function documentEnd(text: string, at: number): number {
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd === -1) return text.length;
  for (let down = 0; down < 40; down++) {
    const next = text.indexOf('\n', lineEnd + 1);
    const line = text.slice(lineEnd + 1, next === -1 ? text.length : next);
    if (!TAG_LINE.test(line)) break;
    lineEnd = next === -1 ? text.length : next;
    if (next === -1) break;
  }
  return lineEnd;
}
