// The row scanner: one batched MutationObserver (on the document and every open shadow root found),
// text-anchored discovery (a cheap regex over text nodes, then the detectors over the row of each
// hit), chunked work with a deadline, and a full rescan when a batch is too big to follow.
import { detectAll } from '../engine/detect';
import type { Finding } from '../engine/types';
import type { SiteAdapter } from '../sites/types';
import type { Annotations } from './annotations';
import { isElement, isOurs, isText, OUR_ATTRIBUTE, SHOW_ELEMENT, SHOW_TEXT } from './dom';
import { otherFindingCount, primaryFinding } from './findings';
import { ERROR_HINT, MAX_ROW_DEPTH, rowFor, rowText } from './rows';
import { createChunkRunner, type ChunkRunner } from './scheduler';

/** A batch adding more nodes than this is not followed node by node: the page is rescanned. */
export const FULL_RESCAN_THRESHOLD = 2000;
/** Nodes walked between two deadline checks. */
const DEADLINE_STRIDE = 64;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/** Editor fields: their arrival makes the field checker look again (upper case: HTML tagName). */
const FORM_TAGS = new Set(['INPUT', 'TEXTAREA', 'input', 'textarea']);
/** Elements, documents and shadow roots (document fragments) can be walked. */
const WALKABLE = new Set([1, 9, 11]);

export interface ScannerHooks {
  /** Badges were added, changed or removed. */
  onRowsChanged(): void;
  /** Form controls were added: the field checker should look again. */
  onFieldsTouched(): void;
  /** Called first in every mutation batch; true when the batch must not be processed. */
  beforeBatch(): boolean;
  onError(error: unknown): void;
}

/**
 * A queued subtree. Text walks visit text nodes only (the browser filters them, and only text
 * nodes get wrappers in our world); host walks visit elements to find open shadow roots and run
 * after all text walks, so rows in the light DOM get their badges first.
 */
interface Walk {
  root: Node;
  show: number;
  walker: TreeWalker | null;
  next: Node | null;
  restarts: number;
}

/** A FIFO that does not shift arrays. */
class WalkQueue {
  private items: Walk[] = [];
  private head = 0;

  push(root: Node, show: number): void {
    this.items.push({ root, show, walker: null, next: null, restarts: 0 });
  }

  peek(): Walk | undefined {
    return this.items[this.head];
  }

  shift(): void {
    this.head++;
    if (this.head === this.items.length) this.clear();
  }

  get length(): number {
    return this.items.length - this.head;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

export class Scanner {
  private readonly runner: ChunkRunner;
  private observer: MutationObserver | null = null;
  private observedRoots = new WeakSet<Node>();
  private textWalks = new WalkQueue();
  private hostWalks = new WalkQueue();
  private pendingRows = new Set<Element>();
  private generation = 0;
  private evaluatedIn = new WeakMap<Element, number>();
  private changed = false;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly adapter: SiteAdapter,
    private readonly annotations: Annotations,
    private readonly hooks: ScannerHooks,
  ) {
    const win = doc.defaultView;
    if (!win) throw new Error('Scanner needs a document with a window');
    this.runner = createChunkRunner(win, (timeUp) => this.work(timeUp), hooks.onError);
  }

  /** Observes the page and scans it all (first chunk now, the rest in later tasks). */
  start(): void {
    const win = this.doc.defaultView;
    if (!win || this.stopped) return;
    this.observer = new win.MutationObserver((records) => this.onMutations(records));
    this.observe(this.doc);
    this.rescanAll();
  }

  /** Stops observing and drops pending work; badges stay until the annotations are cleared. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    this.runner.cancel();
    this.dropQueue();
  }

  /** Scans everything again (SPA navigation, storms); annotated rows are judged again too. */
  rescanAll(): void {
    if (this.stopped) return;
    this.generation++;
    this.dropQueue();
    for (const [row] of this.annotations.entries()) this.pendingRows.add(row);
    this.queueWalk(this.doc);
    this.runner.runNow();
  }

  /** Forgets evaluation marks so that rows are judged afresh. */
  reset(): void {
    this.evaluatedIn = new WeakMap();
    this.dropQueue();
  }

  whenIdle(): Promise<void> {
    return this.runner.whenIdle();
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root) || !this.observer) return;
    this.observedRoots.add(root);
    this.observer.observe(root, OBSERVE);
  }

  private dropQueue(): void {
    this.textWalks.clear();
    this.hostWalks.clear();
    this.pendingRows.clear();
  }

  /** Queues a subtree (an element, the document or a shadow root) for both walks. */
  private queueWalk(root: Node): void {
    this.textWalks.push(root, SHOW_TEXT);
    this.hostWalks.push(root, SHOW_ELEMENT);
    if (isElement(root)) this.noteElement(root);
  }

  /** Shadow roots to scan and editor fields to check, seen on an element. */
  private noteElement(element: Element): void {
    const shadow = element.shadowRoot;
    if (shadow && !this.observedRoots.has(shadow)) {
      this.observe(shadow);
      this.queueWalk(shadow);
    }
    if (FORM_TAGS.has(element.tagName)) this.hooks.onFieldsTouched();
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    try {
      if (this.hooks.beforeBatch()) return; // navigation or teardown: the owner took over
      this.generation++;
      let added = 0;
      for (const record of records) {
        if (record.type === 'characterData') {
          this.textWalks.push(record.target, SHOW_TEXT);
          this.recheckAnnotatedAncestor(record.target);
          continue;
        }
        for (const node of record.addedNodes) {
          if (isOurs(node)) continue;
          added++;
          if (isText(node)) this.textWalks.push(node, SHOW_TEXT);
          else if (isElement(node)) this.queueWalk(node);
        }
        if (record.removedNodes.length > 0) {
          for (const node of record.removedNodes) {
            if (!isOurs(node) || node.getAttribute(OUR_ATTRIBUTE) !== 'badge') continue;
            const owner = this.annotations.ownerOf(node);
            if (owner?.isConnected) {
              this.annotations.noteRemoved(owner);
              this.pendingRows.add(owner);
            }
          }
          this.recheckAnnotatedAncestor(record.target);
        }
      }
      if (added > FULL_RESCAN_THRESHOLD || this.textWalks.length > FULL_RESCAN_THRESHOLD) {
        this.rescanAll();
        return;
      }
      this.runner.runNow();
    } catch (error) {
      this.hooks.onError(error);
    }
  }

  /** A change inside an annotated row: judge that row again (its error may be gone). */
  private recheckAnnotatedAncestor(node: Node): void {
    let el: Element | null = isElement(node) ? node : node.parentElement;
    for (let i = 0; el && i <= MAX_ROW_DEPTH; i++, el = el.parentElement) {
      if (this.annotations.get(el)) {
        this.pendingRows.add(el);
        return;
      }
    }
  }

  /** One chunk: rows to judge again first, then text walks, then shadow-root discovery. */
  private work(timeUp: () => boolean): boolean {
    if (this.stopped) return false;
    while (this.pendingRows.size > 0) {
      const row = this.pendingRows.values().next().value as Element;
      this.pendingRows.delete(row);
      this.evaluate(row, true);
      if (timeUp()) return true;
    }
    // Host walks can queue text walks (a shadow root found): text walks always go first.
    for (;;) {
      const queue = this.textWalks.length > 0 ? this.textWalks : this.hostWalks;
      const walk = queue.peek();
      if (!walk) break;
      if (!this.step(walk, timeUp)) return true;
      queue.shift();
      if (timeUp() && this.textWalks.length + this.hostWalks.length > 0) return true;
    }
    if (this.annotations.prune() > 0) this.changed = true;
    if (this.changed) {
      this.changed = false;
      this.hooks.onRowsChanged();
    }
    return this.pendingRows.size > 0;
  }

  /** Walks one queued subtree; false when the deadline stopped it midway. */
  private step(walk: Walk, timeUp: () => boolean): boolean {
    const { root } = walk;
    if (!root.isConnected) return true;
    if (isText(root)) {
      this.hit(root);
      return true;
    }
    if (!WALKABLE.has(root.nodeType)) return true;
    if (!walk.walker || (walk.next && !walk.next.isConnected)) {
      // First visit, or the node we stopped at was removed meanwhile: start over (rows already
      // judged in this generation are skipped, so this costs little).
      if (walk.walker && ++walk.restarts > 3) return true;
      walk.walker = this.doc.createTreeWalker(root, walk.show);
      walk.next = null;
    }
    const walker = walk.walker;
    if (walk.next) walker.currentNode = walk.next;
    const findHosts = walk.show === SHOW_ELEMENT;
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (findHosts) {
        this.noteElement(node as Element);
      } else {
        this.hit(node as Text);
      }
      if (++count % DEADLINE_STRIDE === 0 && timeUp()) {
        walk.next = node;
        return false;
      }
    }
    return true;
  }

  /** A text node: if it may be part of a failure, judge its row once per generation. */
  private hit(text: Text): void {
    if (!ERROR_HINT.test(text.data)) return;
    const row = rowFor(text, this.adapter);
    if (row) this.evaluate(row, false);
  }

  private evaluate(row: Element, forced: boolean): void {
    if (!forced && this.evaluatedIn.get(row) === this.generation) return;
    this.evaluatedIn.set(row, this.generation);
    if (!row.isConnected) {
      if (this.annotations.get(row)) this.changed = true;
      this.annotations.remove(row);
      return;
    }
    const text = rowText(row, this.adapter);
    const hash = hashText(text);
    const state = this.annotations.get(row);
    if (state && state.hash === hash && this.annotations.isPlaced(row, state)) return;
    const findings = detectSafely(text);
    const primary = primaryFinding(findings);
    if (!primary) {
      if (state) {
        this.annotations.remove(row);
        this.changed = true;
      }
      return;
    }
    this.annotations.annotate(row, primary, otherFindingCount(findings, primary), hash);
    this.changed = true;
  }
}

function detectSafely(text: string): Finding[] {
  try {
    return detectAll(text);
  } catch {
    return []; // a detector bug must not break the page
  }
}

/** FNV-1a: enough to notice that a row's text changed without keeping the text. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash ^ text.length) >>> 0;
}
