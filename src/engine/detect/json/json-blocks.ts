// Bookkeeping of template blocks ({% if %}, {% for %}, {{#each}}) while a JSON body is parsed,
// to tell a comma that a template leaves dangling from a plain trailing comma.
import { blockKindOf, type BlockKind, type TemplateTag } from './json-template';

interface Block {
  kind: BlockKind;
  tag: TemplateTag;
  /** JSON tokens seen inside the block so far. */
  tokensInside: number;
  /** The comma right before the block opened: if the block renders nothing, it dangles. */
  commaBefore: number | null;
  hasElse: boolean;
  sawWhen: boolean;
}

interface PendingComma {
  start: number;
  block: Block | null;
  /** `{% unless forloop.last %},{% endunless %}`: the comma is the first thing in a condition. */
  guarded: boolean;
}

/** What the parser must do after a control tag. */
export type ControlAction = 'continue' | 'skip-to-block-end';

/** How a comma right before } or ] is judged. */
export type TrailingCommaVerdict = { verdict: 'fine' } | { verdict: 'syntax-error' } | { verdict: 'template-warning'; reason: string };

export class TemplateBlocks {
  private readonly open: Block[] = [];
  private pendingComma: PendingComma | null = null;
  private controlSinceComma = false;
  private endedBlock: Block | null = null;

  /** Handles one control tag. Only the first branch of an if/else or case is checked. */
  control(tag: TemplateTag): ControlAction {
    if (tag.kind === 'comment' || tag.keyword === '') return 'continue';
    this.controlSinceComma = true;
    const keyword = tag.keyword;
    if (keyword.startsWith('end:')) {
      const block = this.open.pop();
      if (block && !block.hasElse && block.kind !== 'neutral') this.endedBlock = block;
      return 'continue';
    }
    if (keyword === 'else' || keyword === 'when') {
      const block = this.open.at(-1);
      if (block === undefined) return 'continue';
      if (keyword === 'when' && !block.sawWhen) {
        block.sawWhen = true;
        return 'continue';
      }
      // The other branches replace the first one when rendered: skip them.
      block.hasElse = true;
      this.open.pop();
      return 'skip-to-block-end';
    }
    const kind = blockKindOf(keyword) ?? 'neutral';
    // {% comment %} and {% capture %} write nothing to the output.
    if (kind === 'hidden') return 'skip-to-block-end';
    this.open.push({ kind, tag, tokensInside: 0, commaBefore: this.pendingComma?.start ?? null, hasElse: false, sawWhen: false });
    return 'continue';
  }

  /**
   * Called for every JSON token. When a block that opened right after a comma has just ended
   * and the container closes now, returns the warning for that comma.
   */
  beforeToken(isCloser: boolean, closer: string): { at: number; reason: string } | null {
    const ended = this.endedBlock;
    this.endedBlock = null;
    if (!ended || ended.commaBefore === null || this.pendingComma !== null || !isCloser) return null;
    const what = ended.kind === 'loop' ? 'the list is empty' : 'the condition is false';
    return {
      at: ended.commaBefore,
      reason: `when ${what}, the comma before the template block is left right before ${closer}; put the comma inside the block`,
    };
  }

  afterToken(): void {
    const innermost = this.open.at(-1);
    if (innermost) innermost.tokensInside += 1;
  }

  comma(start: number): void {
    const block = this.open.at(-1) ?? null;
    const guarded = block !== null && block.kind === 'conditional' && block.tokensInside === 0;
    this.pendingComma = { start, block, guarded };
    this.controlSinceComma = false;
  }

  /** A key or value follows: the last comma separated two members. */
  commaUsed(): void {
    this.pendingComma = null;
  }

  /** Judges the pending comma now that } or ] follows it. */
  trailingComma(closer: string): TrailingCommaVerdict & { at: number } {
    const comma = this.pendingComma;
    if (comma === null || comma.guarded) return { verdict: 'fine', at: 0 };
    if (!this.controlSinceComma) return { verdict: 'syntax-error', at: comma.start };
    const kind = comma.block?.kind;
    const reason =
      kind === 'loop'
        ? `the loop writes this comma after every item, the last one too, leaving it before ${closer}; write it as {% unless forloop.last %},{% endunless %}`
        : kind === 'conditional'
          ? `when the condition is true this comma ends up right before ${closer}; move it in front of the member instead`
          : `a template block leaves this comma right before ${closer}`;
    return { verdict: 'template-warning', reason, at: comma.start };
  }

  /** Tags of blocks still open at the end of the body. */
  unclosed(): TemplateTag[] {
    return this.open.map((block) => block.tag);
  }
}
