// Tokenizer for JSON bodies that may hold template tags. It never throws: anything JSON does not
// allow becomes an 'error' token with a plain reason, so the parser can say what went wrong.
import { TemplateScanner, type TemplateTag } from './json-template';

export type JsonTokenType = '{' | '}' | '[' | ']' | ':' | ',' | 'string' | 'number' | 'word' | 'tag' | 'error' | 'eof';

export interface JsonToken {
  type: JsonTokenType;
  start: number;
  end: number;
  /** 'string': the text between the quotes (escapes left as written). */
  content?: string;
  /** 'string': a template tag sits inside it. */
  hasTag?: boolean;
  /** 'tag': the template tag. */
  tag?: TemplateTag;
  /** 'error', or a 'number' / 'word' that JSON does not accept: why, in plain words. */
  reason?: string;
}

const VALID_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_CHAR = /[0-9A-Za-z.+\-_]/;
const WORD_START = /[A-Za-z_]/;
const WORD_CHAR = /[A-Za-z0-9_$.-]/;
const VALID_ESCAPE = /["\\/bfnrt]/;
const SMART_QUOTES = new Set(['“', '”', '„', '‘', '’', '‚', '«', '»']);
const UNICODE_SPACE = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]/;

export class JsonLexer {
  private pos = 0;
  private peeked: JsonToken | null = null;
  readonly templates: TemplateScanner;

  constructor(private readonly body: string) {
    this.templates = new TemplateScanner(body);
    // A byte-order mark at the very start is tolerated by nearly every server.
    if (body.startsWith('\uFEFF')) this.pos = 1;
  }

  peek(): JsonToken {
    this.peeked ??= this.read();
    return this.peeked;
  }

  next(): JsonToken {
    const token = this.peek();
    this.peeked = null;
    return token;
  }

  /**
   * Skips raw text up to the tag that ends the current template block (nested blocks counted)
   * and returns that tag, or null at the end of the body. Used for else-branches and comments.
   */
  skipToBlockEnd(stopAtBranch: boolean): TemplateTag | null {
    if (this.peeked !== null) this.pos = this.peeked.start;
    this.peeked = null;
    let depth = 0;
    const body = this.body;
    while (this.pos < body.length) {
      const char = body[this.pos];
      const tag = char === '{' || char === '$' ? this.templates.tagAt(this.pos) : null;
      if (tag === null) {
        this.pos += 1;
        continue;
      }
      this.pos = tag.end;
      if (tag.kind !== 'control' || tag.keyword === '') continue;
      if (tag.keyword.startsWith('end:')) {
        if (depth === 0) return tag;
        depth -= 1;
      } else if (tag.keyword === 'else' || tag.keyword === 'when') {
        if (depth === 0 && stopAtBranch) return tag;
      } else {
        depth += 1;
      }
    }
    return null;
  }

  private read(): JsonToken {
    const body = this.body;
    this.skipWhitespace();
    const start = this.pos;
    if (start >= body.length) return { type: 'eof', start, end: start };
    const char = body[start] ?? '';

    if (char === '{' || char === '$') {
      const tag = this.templates.tagAt(start);
      if (tag !== null) {
        this.pos = tag.end;
        return { type: 'tag', start, end: tag.end, tag };
      }
    }
    if ('{}[]:,'.includes(char)) {
      this.pos += 1;
      return { type: char as JsonTokenType, start, end: start + 1 };
    }
    if (char === '"') return this.readString(start);
    if (char === "'") return this.readSingleQuoted(start);
    if (SMART_QUOTES.has(char)) {
      this.pos += 1;
      return this.error(start, start + 1, `curly quote ${char} instead of a straight double quote "`);
    }
    if (char === '/' && (body[start + 1] === '/' || body[start + 1] === '*')) {
      this.pos += 2;
      return this.error(start, start + 2, 'a comment: JSON does not allow comments');
    }
    if (/[0-9\-+.]/.test(char)) return this.readNumber(start);
    if (WORD_START.test(char)) return this.readWord(start);
    this.pos += 1;
    if (UNICODE_SPACE.test(char)) {
      return this.error(start, start + 1, 'a non-breaking or invisible space outside a string (often pasted from a web page)');
    }
    return this.error(start, start + 1, `unexpected character ${describeChar(char)}`);
  }

  private skipWhitespace(): void {
    const body = this.body;
    while (this.pos < body.length) {
      const char = body[this.pos];
      if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') return;
      this.pos += 1;
    }
  }

  /**
   * A double-quoted string. Template tags inside it are skipped whole, so quotes inside a tag
   * (`"{{ x | default: "" }}"`) do not end it; if that leaves the string unclosed, the `{{` was
   * plain text (`{"{{": 1}`) and the string is read again without tags.
   */
  private readString(start: number): JsonToken {
    const withTags = this.readStringFrom(start, true);
    if (withTags.type !== 'error' || !withTags.reason?.startsWith('unterminated') || withTags.hadTag !== true) {
      return withTags;
    }
    return this.readStringFrom(start, false);
  }

  private readStringFrom(start: number, recogniseTags: boolean): JsonToken & { hadTag?: boolean } {
    const body = this.body;
    let i = start + 1;
    let hasTag = false;
    while (i < body.length) {
      const char = body[i] ?? '';
      if (char === '"') {
        this.pos = i + 1;
        return { type: 'string', start, end: i + 1, content: body.slice(start + 1, i), hasTag };
      }
      if (char === '\\') {
        const escaped = body[i + 1] ?? '';
        if (escaped === 'u' ? !/^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6)) : !VALID_ESCAPE.test(escaped)) {
          this.pos = i + 2;
          return this.error(i, i + 2, `invalid escape \\${escaped === '\n' ? 'followed by a line break' : escaped} inside a string`);
        }
        i += escaped === 'u' ? 6 : 2;
        continue;
      }
      if (char === '\n' || char === '\r') break;
      if (char < ' ') {
        this.pos = i + 1;
        const name =
          char === '\t' ? 'a raw tab inside a string (write \\t)' : `a raw control character ${describeChar(char)} inside a string`;
        return this.error(i, i + 1, name);
      }
      if (recogniseTags && (char === '{' || char === '$')) {
        const tag = this.templates.tagAt(i);
        if (tag !== null) {
          hasTag = true;
          i = tag.end;
          continue;
        }
      }
      i += 1;
    }
    // The string never closes on its line: point at the quote that opened it.
    this.pos = i;
    const error = this.error(start, start + 1, 'unterminated string: the quote opened here is not closed on the same line');
    return { ...error, hadTag: hasTag };
  }

  private readSingleQuoted(start: number): JsonToken {
    const body = this.body;
    let i = start + 1;
    while (i < body.length && body[i] !== "'" && body[i] !== '\n') i += body[i] === '\\' ? 2 : 1;
    this.pos = Math.min(body.length, i + 1);
    return this.error(start, start + 1, 'single quotes: JSON strings and keys need double quotes');
  }

  private readNumber(start: number): JsonToken {
    const body = this.body;
    let i = start + 1;
    while (i < body.length && NUMBER_CHAR.test(body[i] ?? '')) i += 1;
    this.pos = i;
    const text = body.slice(start, i);
    const token: JsonToken = { type: 'number', start, end: i };
    if (!VALID_NUMBER.test(text)) token.reason = numberProblem(text);
    return token;
  }

  private readWord(start: number): JsonToken {
    const body = this.body;
    let i = start + 1;
    while (i < body.length && WORD_CHAR.test(body[i] ?? '')) i += 1;
    this.pos = i;
    return { type: 'word', start, end: i, content: body.slice(start, i) };
  }

  private error(start: number, end: number, reason: string): JsonToken {
    return { type: 'error', start, end, reason };
  }
}

function numberProblem(text: string): string {
  if (text.startsWith('+')) return 'a plus sign before a number (JSON numbers have none)';
  if (/^-?\./.test(text)) return 'a number starting with a dot (write 0.5, not .5)';
  if (/^-?0\d/.test(text)) return 'a number with a leading zero (quote it if it is a code such as a ZIP)';
  if (/^-?\d+\.(?:$|[eE])/.test(text)) return 'a number ending with a dot';
  if (/^-?0[xX]/.test(text)) return 'a hexadecimal number (JSON numbers are decimal)';
  if (/^-?\d/.test(text)) return 'an invalid number (letters or separators inside it)';
  return 'an invalid number';
}

function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${char}"`;
}
