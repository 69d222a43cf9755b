// A streaming JSON checker with an explicit stack (no recursion, so 5,000-deep nesting is fine).
// It stops at the first syntax error, like a real parser, and meanwhile collects template
// warnings and the facts the required-field check needs.
//
// Template rules (a body is judged as it would be once rendered):
//  - output tags ({{ x }}, ${x}) are values; inside a string they are just text;
//  - control tags ({% if %}, {{#each}}) render to nothing; only the first branch of an
//    if/else or case is checked, and a loop body is checked once;
//  - a bare output tag as a value is a warning unless a filter makes it JSON (| json, | plus: 0);
//  - a comma left before } or ] by a loop or condition is a warning, not a syntax error, but
//    the guard `{% unless forloop.last %},{% endunless %}` is accepted as correct.
import { TemplateBlocks } from './json-blocks';
import { excerptOf, shorten } from './json-excerpt';
import { JsonLexer, type JsonToken } from './json-lexer';
import type { TemplateTag } from './json-template';

export type JsonProblemId = 'invalid-json' | 'template-breaks-json';

export interface JsonProblem {
  problem: JsonProblemId;
  start: number;
  end: number;
  reason: string;
  excerpt: string;
}

export interface JsonKeyFacts {
  /** Every key name seen anywhere in the object tree. */
  keys: Set<string>;
  /** Keys whose value is "" or null, with the offset of the first such value. */
  emptyAt: Map<string, { start: number; end: number }>;
  /** A tag may render keys we cannot see (`{{ person | json }}`): missing keys are not certain. */
  structureUnknown: boolean;
  /** Where the top-level value starts. */
  rootStart: number;
}

export interface JsonCheckResult {
  problems: JsonProblem[];
  /** True when no syntax error was found (template warnings may exist). */
  parsed: boolean;
  facts: JsonKeyFacts;
}

/** Turns an offset into "line L, column C" for reasons that mention another place. */
export type Locate = (offset: number) => string;

type State = 'value' | 'key' | 'colon' | 'after-value';
/** What came just before a key or value is expected. */
type Expect = 'start' | 'open' | 'comma' | 'colon';

interface Container {
  kind: '{' | '[';
  start: number;
}

const MAX_TEMPLATE_WARNINGS = 50;
const PYTHON_LITERALS: Readonly<Record<string, string>> = {
  True: 'true',
  False: 'false',
  None: 'null',
  TRUE: 'true',
  FALSE: 'false',
  NULL: 'null',
  Null: 'null',
};
const NOT_JSON_WORDS = new Set(['NaN', 'Infinity', 'undefined']);

class Fatal {
  constructor(readonly problem: JsonProblem) {}
}

export function checkJsonSyntax(body: string, locate: Locate): JsonCheckResult {
  return new JsonBodyParser(body, locate).run();
}

class JsonBodyParser {
  private readonly lexer: JsonLexer;
  private state: State = 'value';
  private expect: Expect = 'start';
  private readonly containers: Container[] = [];
  private readonly blocks = new TemplateBlocks();
  /** A comma was read and no key or value has followed it yet. */
  private afterComma = false;
  private currentKey: string | null = null;
  private keyEnd = 0;
  private lastValueEnd = 0;
  private sawValue = false;
  private readonly problems: JsonProblem[] = [];
  private templateWarnings = 0;
  private readonly facts: JsonKeyFacts = { keys: new Set(), emptyAt: new Map(), structureUnknown: false, rootStart: 0 };

  constructor(
    private readonly body: string,
    private readonly locate: Locate,
  ) {
    this.lexer = new JsonLexer(body);
  }

  run(): JsonCheckResult {
    try {
      for (;;) {
        const token = this.lexer.next();
        if (token.type === 'tag' && token.tag !== undefined && token.tag.kind !== 'output') {
          if (this.blocks.control(token.tag) === 'skip-to-block-end') this.lexer.skipToBlockEnd(false);
          continue;
        }
        const dangling = this.blocks.beforeToken(isCloser(token), token.type);
        if (dangling) this.warn(dangling.at, dangling.at + 1, dangling.reason, ',');
        if (token.type === 'eof') {
          this.finish(token);
          break;
        }
        this.step(token);
        this.blocks.afterToken();
      }
    } catch (error) {
      if (!(error instanceof Fatal)) throw error;
      this.problems.push(error.problem);
      return { problems: this.problems, parsed: false, facts: this.facts };
    }
    return { problems: this.problems, parsed: true, facts: this.facts };
  }

  private step(token: JsonToken): void {
    switch (this.state) {
      case 'value':
        return this.expectValue(token);
      case 'key':
        return this.expectKey(token);
      case 'colon':
        return this.expectColon(token);
      case 'after-value':
        return this.afterValue(token);
    }
  }

  // --- states -------------------------------------------------------------------------------

  private expectValue(token: JsonToken): void {
    switch (token.type) {
      case '{':
      case '[':
        return this.open(token);
      case '}':
      case ']':
        if (this.expect === 'colon') this.fail(token, `missing value after the colon (before ${token.type})`);
        return this.close(token);
      case ',':
        return this.fail(token, this.misplacedCommaReason());
      case ':':
        return this.fail(token, 'a colon where a value was expected');
      case 'string':
        this.noteEmptyValue(token, token.content === '');
        return this.valueDone(token.end);
      case 'tag':
      case 'number':
      case 'word':
        return this.scalar(token);
      case 'error':
        return this.fail(token, token.reason ?? 'invalid JSON');
      default:
        return this.fail(token, 'unexpected input');
    }
  }

  private expectKey(token: JsonToken): void {
    switch (token.type) {
      case 'string':
        this.currentKey = token.content ?? '';
        if (!token.hasTag) this.facts.keys.add(this.currentKey);
        this.keyEnd = token.end;
        this.clearComma();
        this.state = 'colon';
        return;
      case '}':
        return this.close(token);
      case ']':
        return this.close(token);
      case ',':
        return this.fail(token, this.misplacedCommaReason());
      case 'tag':
        return this.tagAsKey(token);
      case 'word':
      case 'number':
        return this.fail(token, 'an unquoted key: put the name in double quotes');
      case 'error':
        return this.fail(token, token.reason ?? 'invalid JSON');
      default:
        return this.fail(token, 'expected a key in double quotes');
    }
  }

  private expectColon(token: JsonToken): void {
    if (token.type === ':') {
      this.state = 'value';
      this.expect = 'colon';
      return;
    }
    if (token.type === 'error' && this.body[token.start] === '=') {
      return this.fail(token, 'an equals sign between key and value: JSON uses a colon');
    }
    this.failAt(this.keyEnd, this.keyEnd + 1, 'missing colon after the key', excerptOf(this.body, token));
  }

  private afterValue(token: JsonToken): void {
    const top = this.containers.at(-1);
    if (top === undefined) {
      if (isCloser(token)) this.fail(token, `an extra ${token.type} with no matching opening bracket`);
      return this.fail(token, `extra content after the end of the JSON (it ended at ${this.locate(this.lastValueEnd - 1)})`);
    }
    switch (token.type) {
      case ',':
        this.blocks.comma(token.start);
        this.afterComma = true;
        this.state = top.kind === '{' ? 'key' : 'value';
        this.expect = 'comma';
        return;
      case '}':
      case ']':
        return this.close(token);
      case 'tag':
        // A tag after a value may render ", more members": what it adds cannot be checked.
        this.facts.structureUnknown = true;
        this.lastValueEnd = token.end;
        return;
      case ':':
        return this.fail(
          token,
          top.kind === '['
            ? 'a colon inside an array: name/value pairs belong in an object {…}'
            : 'an unexpected colon (is a comma or a key missing?)',
        );
      case 'error':
        return this.fail(token, token.reason ?? 'invalid JSON');
      default: {
        const what = top.kind === '{' ? 'member' : 'item';
        this.failAt(
          this.lastValueEnd,
          this.lastValueEnd + 1,
          `missing comma after this ${what} (the next one starts at ${this.locate(token.start)})`,
          excerptOf(this.body, token),
        );
      }
    }
  }

  // --- values and containers ---------------------------------------------------------------

  private open(token: JsonToken): void {
    if (this.containers.length === 0 && !this.sawValue) this.facts.rootStart = token.start;
    this.clearComma();
    this.containers.push({ kind: token.type as '{' | '[', start: token.start });
    this.sawValue = true;
    this.state = token.type === '{' ? 'key' : 'value';
    this.expect = 'open';
    this.currentKey = null;
  }

  private close(token: JsonToken): void {
    const top = this.containers.at(-1);
    if (top === undefined) return this.fail(token, `an extra ${token.type} with no matching opening bracket`);
    const expected = top.kind === '{' ? '}' : ']';
    if (token.type !== expected) {
      return this.fail(
        token,
        `${token.type} does not match the ${top.kind} opened at ${this.locate(top.start)} (close it with ${expected} first)`,
      );
    }
    if (this.afterComma) this.trailingComma(token);
    this.containers.pop();
    this.valueDone(token.end);
  }

  private scalar(token: JsonToken): void {
    const merged = this.mergeGlued(token);
    if (merged.tags.length > 0) return this.templateValue(token, merged);
    if (token.type === 'number') {
      if (token.reason !== undefined) this.fail(token, token.reason);
      this.noteEmptyValue(token, false);
      return this.valueDone(token.end);
    }
    const word = token.content ?? '';
    if (word === 'true' || word === 'false' || word === 'null') {
      this.noteEmptyValue(token, word === 'null');
      return this.valueDone(token.end);
    }
    const jsonWord = PYTHON_LITERALS[word];
    if (jsonWord !== undefined) return this.fail(token, `${word} is not JSON: write ${jsonWord} in lowercase`);
    if (NOT_JSON_WORDS.has(word)) return this.fail(token, `${word} is not a JSON value: use null or a quoted string`);
    this.fail(token, 'a text value without quotes: put it in double quotes');
  }

  /** A value made of template tags (and text glued to them, like `{{ price }}.00`). */
  private templateValue(first: JsonToken, merged: { end: number; tags: TemplateTag[]; parts: number }): void {
    const [tag] = merged.tags;
    const single = merged.parts === 1 && tag !== undefined;
    if (single && tag.rendersJson) {
      this.facts.structureUnknown = true;
    } else {
      const text = this.body.slice(first.start, merged.end);
      this.warn(first.start, merged.end, bareTagReason(single ? text : null), text);
    }
    this.noteEmptyValue(first, false);
    this.valueDone(merged.end);
  }

  private tagAsKey(token: JsonToken): void {
    const next = this.lexer.peek();
    if (next.type === ':') {
      const text = this.body.slice(token.start, token.end);
      this.warn(token.start, token.end, 'a template tag used as a key must be inside double quotes', text);
      this.clearComma();
      this.state = 'colon';
      this.keyEnd = token.end;
      return;
    }
    // A tag where a key belongs may render whole members: trust it, but keys are now unknown.
    this.facts.structureUnknown = true;
    this.clearComma();
    this.state = 'after-value';
    this.lastValueEnd = token.end;
  }

  private mergeGlued(first: JsonToken): { end: number; tags: TemplateTag[]; parts: number } {
    const tags: TemplateTag[] = first.tag ? [first.tag] : [];
    let end = first.end;
    let parts = 1;
    for (;;) {
      const next = this.lexer.peek();
      const glues =
        next.start === end && (next.type === 'number' || next.type === 'word' || (next.type === 'tag' && next.tag?.kind === 'output'));
      if (!glues) break;
      this.lexer.next();
      if (next.tag) tags.push(next.tag);
      end = next.end;
      parts += 1;
    }
    return { end, tags, parts };
  }

  private valueDone(end: number): void {
    this.clearComma();
    this.sawValue = true;
    this.lastValueEnd = end;
    this.state = 'after-value';
    this.currentKey = null;
  }

  private noteEmptyValue(token: JsonToken, isEmpty: boolean): void {
    const top = this.containers.at(-1);
    if (!isEmpty || this.currentKey === null || top?.kind !== '{' || this.expect !== 'colon') return;
    if (!this.facts.emptyAt.has(this.currentKey)) this.facts.emptyAt.set(this.currentKey, { start: token.start, end: token.end });
  }

  private clearComma(): void {
    this.afterComma = false;
    this.blocks.commaUsed();
  }

  // --- commas -----------------------------------------------------------------------------

  private misplacedCommaReason(): string {
    if (this.expect === 'comma') return 'two commas in a row';
    if (this.expect === 'open') return 'a comma right after an opening bracket';
    if (this.expect === 'colon') return 'missing value after the colon';
    return 'a comma before any value';
  }

  /** A comma directly before } or ]: a syntax error, unless a template put it there. */
  private trailingComma(closer: JsonToken): void {
    const judged = this.blocks.trailingComma(closer.type);
    if (judged.verdict === 'syntax-error') {
      this.failAt(judged.at, judged.at + 1, `a trailing comma before ${closer.type}: remove it`, ',');
    }
    if (judged.verdict === 'template-warning') this.warn(judged.at, judged.at + 1, judged.reason, ',');
  }

  // --- end and errors ----------------------------------------------------------------------

  private finish(eof: JsonToken): void {
    const top = this.containers.at(-1);
    if (top !== undefined) {
      this.failAt(top.start, top.start + 1, `the ${top.kind} opened at ${this.locate(top.start)} is never closed`, top.kind);
    }
    if (!this.sawValue) this.failAt(eof.start, eof.start, 'the body is empty', '(empty)');
    for (const tag of this.blocks.unclosed()) {
      this.warn(tag.start, tag.end, 'this template block is never closed', this.body.slice(tag.start, tag.end));
    }
  }

  private warn(start: number, end: number, reason: string, text: string): void {
    if (this.templateWarnings >= MAX_TEMPLATE_WARNINGS) return;
    this.templateWarnings += 1;
    this.problems.push({ problem: 'template-breaks-json', start, end, reason, excerpt: shorten(text) });
  }

  private fail(token: JsonToken, reason: string): never {
    throw new Fatal({
      problem: 'invalid-json',
      start: token.start,
      end: Math.max(token.end, token.start + 1),
      reason,
      excerpt: excerptOf(this.body, token),
    });
  }

  private failAt(start: number, end: number, reason: string, excerpt: string): never {
    throw new Fatal({ problem: 'invalid-json', start, end, reason, excerpt });
  }
}

function isCloser(token: JsonToken): boolean {
  return token.type === '}' || token.type === ']';
}

/** The advice for a tag used as a bare value; shows the fix on the tag itself when simple. */
function bareTagReason(tagText: string | null): string {
  const expression = tagText === null ? null : /^\{\{-?\s*([\w.[\]$'"-]{1,40})\s*-?\}\}$/.exec(tagText)?.[1];
  const example = expression ? `"{{ ${expression} | default: '' }}"` : `"{{ … | default: '' }}"`;
  return `a template tag as a value without quotes: if it renders text or nothing the JSON breaks; write ${example} in quotes, or add a number filter such as | plus: 0 if it is always a number`;
}
