// Template tags inside a JSON body: Liquid/Jinja ({{ }}, {% %}, {# #}), Handlebars ({{{ }}},
// {{#if}}, {{/if}}, {{else}}) and ${ } variables. The checker treats output tags as values and
// control tags as rendering to nothing, so a body that is valid once rendered still parses.

export type TemplateTagKind = 'output' | 'control' | 'comment';

export interface TemplateTag {
  start: number;
  end: number;
  kind: TemplateTagKind;
  /**
   * For control tags: an opener ('if', 'for', ...), 'else' / 'when' for a branch, or
   * 'end:<opener>' for a closer. Empty for other tags (assign, include, ...).
   */
  keyword: string;
  /** Output tags: a filter makes the rendered text valid JSON on its own (`| json`, `| plus: 0`). */
  rendersJson: boolean;
}

/** Longer tags are not believed: an unclosed `{{` must not swallow the rest of the body. */
const MAX_TAG_LENGTH = 1000;
const JSON_SAFE_FILTER =
  /\|\s*(?:json|jsonify|tojson|to_json|json_encode|dump|plus|minus|times|divided_by|modulo|round|ceil|floor|abs|at_least|at_most|size)\b/i;
const HANDLEBARS_JSON_HELPER = /^\s*json\s/;
const BRANCH_WORDS = new Set(['else', 'elsif', 'elif', 'elseif', 'when']);

export type BlockKind = 'conditional' | 'loop' | 'hidden' | 'neutral';
const BLOCK_KINDS: Readonly<Record<string, BlockKind>> = {
  if: 'conditional',
  unless: 'conditional',
  case: 'conditional',
  with: 'conditional',
  for: 'loop',
  each: 'loop',
  tablerow: 'loop',
  // Their content is never written to the output.
  comment: 'hidden',
  capture: 'hidden',
  raw: 'neutral',
};

export function blockKindOf(keyword: string): BlockKind | undefined {
  return BLOCK_KINDS[keyword];
}

/**
 * Recognises tags at given positions. The next position of each closing delimiter is cached,
 * which keeps a forward scan linear.
 */
export class TemplateScanner {
  private readonly nextCloser = new Map<string, { from: number; found: number }>();

  constructor(private readonly text: string) {}

  /** The tag that starts exactly at `at`, or null. */
  tagAt(at: number): TemplateTag | null {
    const text = this.text;
    const char = text[at];
    if (char === '$') return text[at + 1] === '{' ? this.close(at, 2, '}', 'output') : null;
    if (char !== '{') return null;
    const second = text[at + 1];
    if (second === '{') {
      if (text[at + 2] === '{') return this.close(at, 3, '}}}', 'output');
      return this.close(at, 2, '}}', 'handlebars');
    }
    if (second === '%') return this.close(at, 2, '%}', 'liquid');
    if (second === '#') return this.close(at, 2, '#}', 'comment');
    return null;
  }

  private close(
    at: number,
    openerLength: number,
    closer: string,
    flavour: 'output' | 'handlebars' | 'liquid' | 'comment',
  ): TemplateTag | null {
    const close = this.find(closer, at + openerLength);
    if (close < 0 || close + closer.length - at > MAX_TAG_LENGTH) return null;
    let end = close + closer.length;
    const inner = this.text.slice(at + openerLength, close);
    // Braze nests a variable inside output: `{{${user_id}}}` ends with three braces.
    if (closer === '}}' && this.text[end] === '}' && inner.includes('{')) end += 1;
    const tag = { start: at, end };
    if (flavour === 'comment') return { ...tag, kind: 'comment', keyword: '', rendersJson: false };
    if (flavour === 'liquid') return { ...tag, kind: 'control', keyword: liquidKeyword(inner), rendersJson: false };
    if (flavour === 'handlebars') {
      const control = handlebarsControl(inner);
      if (control !== null) return { ...tag, ...control, rendersJson: false };
    }
    return { ...tag, kind: 'output', keyword: '', rendersJson: rendersJson(inner) };
  }

  /** indexOf with a cache: valid for any `from` between the searched-from position and the hit. */
  private find(closer: string, from: number): number {
    const cached = this.nextCloser.get(closer);
    if (cached !== undefined && from >= cached.from && (cached.found === -1 || cached.found >= from)) {
      return cached.found;
    }
    const found = this.text.indexOf(closer, from);
    this.nextCloser.set(closer, { from, found });
    return found;
  }
}

/** `{% if x %}` → 'if', `{%- endfor -%}` → 'end:for', `{% else %}` → 'else'. */
function liquidKeyword(inner: string): string {
  const word = /^[-\s]*([a-z_]+)/i.exec(inner)?.[1]?.toLowerCase() ?? '';
  if (word === 'else' && /^[-\s]*else\s+if\b/i.test(inner)) return 'else';
  if (BRANCH_WORDS.has(word)) return word === 'when' ? 'when' : 'else';
  if (word.startsWith('end') && blockKindOf(word.slice(3)) !== undefined) return `end:${word.slice(3)}`;
  if (blockKindOf(word) !== undefined) return word;
  return '';
}

/** Handlebars block helpers: `{{#each}}`, `{{/each}}`, `{{else}}`, `{{^x}}`, `{{! note }}`. */
function handlebarsControl(inner: string): { kind: 'control' | 'comment'; keyword: string } | null {
  const trimmed = inner.replace(/^[~\s]+/, '');
  if (trimmed.startsWith('!')) return { kind: 'comment', keyword: '' };
  const opener = /^#\s*([a-z_]+)/i.exec(trimmed);
  if (opener?.[1] !== undefined) return { kind: 'control', keyword: knownOr(opener[1].toLowerCase(), 'with') };
  const closer = /^\/\s*([a-z_]+)/i.exec(trimmed);
  if (closer?.[1] !== undefined) return { kind: 'control', keyword: `end:${knownOr(closer[1].toLowerCase(), 'with')}` };
  if (trimmed.startsWith('^')) return { kind: 'control', keyword: trimmed.length > 1 && !/^\^\s*[~}]*$/.test(trimmed) ? 'unless' : 'else' };
  if (/^else\b/.test(trimmed)) return { kind: 'control', keyword: 'else' };
  return null;
}

/** Custom Handlebars block helpers behave like `with`: content rendered once. */
function knownOr(word: string, fallback: string): string {
  return blockKindOf(word) !== undefined ? word : fallback;
}

function rendersJson(inner: string): boolean {
  return JSON_SAFE_FILTER.test(inner) || HANDLEBARS_JSON_HELPER.test(inner);
}
