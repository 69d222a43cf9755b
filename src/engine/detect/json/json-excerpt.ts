// Excerpts of JSON errors that cannot carry a secret: punctuation and fixed words are shown,
// string contents and long values are not.
import { clip } from '../../text';
import type { JsonToken } from './json-lexer';

const INVISIBLE = /[\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/;
const MAX_EXCERPT = 40;

/** What the user may see of the token at an error. */
export function excerptOf(body: string, token: JsonToken): string {
  switch (token.type) {
    case 'eof':
      return '(end of body)';
    case 'string':
      return '"…"';
    case 'tag':
      return shorten(body.slice(token.start, token.end));
    case 'word': {
      const word = token.content ?? '';
      return /^[A-Za-z]{1,12}$/.test(word) ? word : '…';
    }
    case 'number': {
      const text = body.slice(token.start, token.end);
      return text.length <= 12 ? text : '…';
    }
    default: {
      const text = body.slice(token.start, token.end);
      if (text.length > 2) return '…';
      // Control characters and invisible spaces are named by code point.
      const code = text.codePointAt(0) ?? 0;
      return code < 0x20 || INVISIBLE.test(text) ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : text;
    }
  }
}

/** Template text (not secret) cut to 40 characters. */
export function shorten(text: string): string {
  return clip(text, MAX_EXCERPT);
}
