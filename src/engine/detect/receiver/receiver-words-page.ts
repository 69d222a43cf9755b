// The receiver's words when it answered with an HTML page: the paragraph of an Apache or Flask
// 401 page ("This server could not verify that you are authorized…"), Django's "CSRF
// verification failed. Request aborted.", the first line of an Express error page's <pre>
// ("PayloadTooLargeError: request entity too large"). The page's heading or title is only a
// reason phrase most of the time ("Forbidden (403)") and counts only when it says more.
import { ERROR_WORDS, isFromReceiver } from './receiver-words-loose';
import { repeatsStatus } from './receiver-words-plain';

export interface PageWords {
  start: number;
  end: number;
  message: string;
}

/** The elements that carry a page's words, most telling first. */
const ELEMENTS = ['p', 'pre', 'h1', 'title'] as const;
/**
 * One such element and its content, up to its end tag, a line break tag (an Express <pre> goes
 * on with a stack trace), or 600 characters.
 */
const ELEMENT = /<(p|pre|h1|title)\b[^<>]{0,200}>([\s\S]{1,600}?)(?:<\/\1\s*>|<br\s*\/?>|$)/gi;
/** How many elements are read at most: the words of an error page come early. */
const MAX_ELEMENTS = 24;
const TAG = /<[^<>]{0,200}>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#34': '"' };
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|#39|#34);/g;

/** The words of the first HTML error page in `text` that say more than the status, or null. */
export function findPageWords(text: string): PageWords | null {
  if (!text.includes('<') || !/<(?:p|pre|h1|title)\b/i.test(text)) return null;
  const found = new Map<string, PageWords>();
  ELEMENT.lastIndex = 0;
  let read = 0;
  for (let match = ELEMENT.exec(text); match !== null && read < MAX_ELEMENTS; match = ELEMENT.exec(text), read++) {
    const element = match[1]!.toLowerCase();
    if (found.has(element)) continue;
    const message = plainWords(match[2]!);
    if (message.length < 3 || !ERROR_WORDS.test(message) || repeatsStatus(message) || !isFromReceiver(message)) continue;
    found.set(element, { start: match.index, end: match.index + match[0].length, message });
  }
  for (const element of ELEMENTS) {
    const words = found.get(element);
    if (words) return words;
  }
  return null;
}

/** An element's content as plain words: tags dropped, entities and escaped breaks decoded. */
function plainWords(html: string): string {
  return html
    .replace(TAG, ' ')
    .replace(/\\[nrt]/g, ' ')
    .replace(ENTITY, (_, name: string) => ENTITIES[name] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
