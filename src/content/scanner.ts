// The row scanner: one batched MutationObserver (on the document and every open shadow root found),
// text-anchored discovery (a cheap regex over text nodes, then the detectors over the row of each
// hit), chunked work with a deadline, badges placed together rather than chunk by chunk, and a
// full rescan when a batch is too big to follow.
import type { Finding } from '../engine/types';
import type { SiteAdapter } from '../providers/site-adapter';
import type { Annotations } from './annotations';
import { isElement, isOurs, isText, OUR_ATTRIBUTE, SHOW_ELEMENT, SHOW_TEXT } from './dom';
import { otherFindingCount, primaryFinding } from './findings';
import { ERROR_HINT, MAX_ROW_DEPTH, MAX_ROW_TEXT, rowFor, rowText } from './rows';
import { countChunk, createScanCounters, type ScanCounters } from './scan-stats';
import { createChunkRunner, type ChunkRunner } from './scheduler';

/** A batch adding more nodes than this is not followed node by node: the page is rescanned. */
export const FULL_RESCAN_THRESHOLD = 2000;
/** Nodes walked between two deadline checks. */
const DEADLINE_STRIDE = 64;
/** During a long scan, new badges enter the page at most this often (each entry costs a relayout). */
export const COMMIT_INTERVAL_MS = 250;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/** Editor fields: their arrival makes the field checker look again (upper case: HTML tagName). */
const FORM_TAGS = new Set(['INPUT', 'TEXTAREA', 'input', 'textarea']);
/** Elements, documents and shadow roots (document fragments) can be walked. */
const WALKABLE = new Set([1, 9, 11]);

export interface ScannerHooks {
  /** The findings of a row's text (the app decides which detectors run). */
  detect(text: string, row: Element): Finding[];
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
  #items: Walk[] = [];
  #head = 0;

  push(root: Node, show: number): void {
    this.#items.push({ root, show, walker: null, next: null, restarts: 0 });
  }

  peek(): Walk | undefined {
    return this.#items[this.#head];
  }

  shift(): void {
    this.#head++;
    if (this.#head === this.#items.length) this.clear();
  }

  get length(): number {
    return this.#items.length - this.#head;
  }

  clear(): void {
    this.#items = [];
    this.#head = 0;
  }
}

export class Scanner {
  /** Counters of the scan work (read by the get-scan-stats answer). */
  readonly stats: ScanCounters = createScanCounters();
  readonly #doc: Document;
  readonly #adapter: SiteAdapter;
  readonly #annotations: Annotations;
  readonly #hooks: ScannerHooks;
  readonly #runner: ChunkRunner;
  #observer: MutationObserver | null = null;
  #observedRoots = new WeakSet<Node>();
  #textWalks = new WalkQueue();
  #hostWalks = new WalkQueue();
  #pendingRows = new Set<Element>();
  #generation = 0;
  /** Counts full rescans; a shadow root is walked once per pass (found again by the host walk). */
  #pass = 0;
  #walkedInPass = new WeakMap<ShadowRoot, number>();
  #evaluatedIn = new WeakMap<Element, number>();
  #changed = false;
  #stopped = false;
  /** Set while a chunk runs for a fresh page change: its badges go in at once. */
  #urgent = false;
  #lastCommitAt = 0;

  constructor(doc: Document, adapter: SiteAdapter, annotations: Annotations, hooks: ScannerHooks) {
    const win = doc.defaultView;
    if (!win) throw new Error('Scanner needs a document with a window');
    this.#doc = doc;
    this.#adapter = adapter;
    this.#annotations = annotations;
    this.#hooks = hooks;
    this.#runner = createChunkRunner(win, (timeUp) => this.#work(timeUp), hooks.onError, (ms) => countChunk(this.stats, ms));
  }

  /** Observes the page and scans it all (first chunk now, the rest in later tasks). */
  start(): void {
    const win = this.#doc.defaultView;
    if (!win || this.#stopped) return;
    this.stats.firstScanStartedAt ??= win.performance.now();
    this.#observer = new win.MutationObserver((records) => this.#onMutations(records));
    this.#observe(this.#doc);
    this.rescanAll();
  }

  /** Stops observing and drops pending work; badges stay until the annotations are cleared. */
  stop(): void {
    this.#stopped = true;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#runner.cancel();
    this.#dropQueue();
  }

  /** Scans everything again (SPA navigation, storms); annotated rows are judged again too. */
  rescanAll(): void {
    if (this.#stopped) return;
    this.stats.scans++;
    this.#generation++;
    this.#pass++;
    this.#dropQueue();
    for (const [row] of this.#annotations.entries()) this.#pendingRows.add(row);
    this.#queueWalk(this.#doc);
    this.#lastCommitAt = this.#now();
    this.#runner.runNow();
  }

  /** Judges these rows again even if their text did not change (more detectors arrived). */
  recheck(rows: Iterable<Element>): void {
    if (this.#stopped) return;
    for (const row of rows) {
      this.#annotations.invalidate(row);
      this.#pendingRows.add(row);
    }
    this.#runUrgent();
  }

  /** Forgets evaluation marks so that rows are judged afresh. */
  reset(): void {
    this.#evaluatedIn = new WeakMap();
    this.#dropQueue();
  }

  whenIdle(): Promise<void> {
    return this.#runner.whenIdle();
  }

  #observe(root: Node): void {
    if (this.#observedRoots.has(root) || !this.#observer) return;
    this.#observedRoots.add(root);
    this.#observer.observe(root, OBSERVE);
  }

  #dropQueue(): void {
    this.#textWalks.clear();
    this.#hostWalks.clear();
    this.#pendingRows.clear();
  }

  /** Queues a subtree (an element, the document or a shadow root) for both walks. */
  #queueWalk(root: Node): void {
    this.#textWalks.push(root, SHOW_TEXT);
    this.#hostWalks.push(root, SHOW_ELEMENT);
    if (isElement(root)) this.#noteElement(root);
  }

  /** Shadow roots to scan and editor fields to check, seen on an element. */
  #noteElement(element: Element): void {
    const shadow = element.shadowRoot;
    if (shadow && this.#walkedInPass.get(shadow) !== this.#pass) {
      this.#walkedInPass.set(shadow, this.#pass);
      this.#observe(shadow);
      this.#queueWalk(shadow);
    }
    if (FORM_TAGS.has(element.tagName)) this.#hooks.onFieldsTouched();
  }

  #onMutations(records: MutationRecord[]): void {
    if (this.#stopped) return;
    try {
      if (this.#hooks.beforeBatch()) return; // navigation or teardown: the owner took over
      this.#generation++;
      let added = 0;
      let queued = false;
      for (const record of records) {
        if (record.type === 'characterData') {
          this.#textWalks.push(record.target, SHOW_TEXT);
          this.#recheckAnnotatedAncestor(record.target);
          queued = true;
          continue;
        }
        let pageAdded = false;
        for (const node of record.addedNodes) {
          if (isOurs(node)) continue;
          added++;
          if (isText(node)) this.#textWalks.push(node, SHOW_TEXT);
          else if (isElement(node)) this.#queueWalk(node);
          pageAdded = queued = true;
        }
        // What the page adds to an annotated row changes its text ("!" after "Authorization:").
        if (pageAdded) this.#recheckAnnotatedAncestor(record.target);
        if (record.removedNodes.length > 0) {
          for (const node of record.removedNodes) {
            if (!isOurs(node) || node.getAttribute(OUR_ATTRIBUTE) !== 'badge') continue;
            const owner = this.#annotations.ownerOf(node);
            if (owner?.isConnected && this.#annotations.get(owner)) {
              this.#annotations.noteRemoved(owner);
              this.#pendingRows.add(owner);
              queued = true;
            }
          }
          if (this.#recheckAnnotatedAncestor(record.target)) queued = true;
        }
      }
      if (added > FULL_RESCAN_THRESHOLD || this.#textWalks.length > FULL_RESCAN_THRESHOLD) {
        this.rescanAll();
        return;
      }
      // A batch of only our own badges queues nothing. Running a chunk for it would chain chunks
      // inside one task (each chunk's badges trigger the next batch) and make one long task.
      if (!queued) return;
      this.stats.scans++;
      this.#runUrgent();
    } catch (error) {
      this.#hooks.onError(error);
    }
  }

  /** A change inside an annotated row: judge that row again (its error may be gone). */
  #recheckAnnotatedAncestor(node: Node): boolean {
    let el: Element | null = isElement(node) ? node : node.parentElement;
    for (let i = 0; el && i <= MAX_ROW_DEPTH; i++, el = el.parentElement) {
      if (this.#annotations.get(el)) {
        this.#pendingRows.add(el);
        return true;
      }
    }
    return false;
  }

  #now(): number {
    return this.#doc.defaultView?.performance.now() ?? Date.now();
  }

  /** Runs a chunk now whose badges enter the page at its end (a page change, new detectors). */
  #runUrgent(): void {
    this.#urgent = true;
    try {
      this.#runner.runNow();
    } finally {
      this.#urgent = false;
    }
  }

  /**
   * One chunk. Badges enter the page when the work is done, at once for an urgent chunk, and
   * at most every COMMIT_INTERVAL_MS in between.
   */
  #work(timeUp: () => boolean): boolean {
    if (this.#stopped) return false;
    const more = this.#judgeAndWalk(timeUp);
    if (more && !this.#urgent && this.#now() - this.#lastCommitAt < COMMIT_INTERVAL_MS) return true;
    this.#commit();
    if (more) return true;
    if (this.#annotations.prune() > 0) this.#changed = true;
    if (this.#changed) {
      this.#changed = false;
      this.#hooks.onRowsChanged();
    }
    return this.#pendingRows.size > 0;
  }

  /** Rows to judge again first, then text walks, then shadow-root discovery; true when time ran out. */
  #judgeAndWalk(timeUp: () => boolean): boolean {
    while (this.#pendingRows.size > 0) {
      const row = this.#pendingRows.values().next().value as Element;
      this.#pendingRows.delete(row);
      this.#evaluate(row, true);
      if (timeUp()) return true;
    }
    // Host walks can queue text walks (a shadow root found): text walks always go first.
    for (;;) {
      const queue = this.#textWalks.length > 0 ? this.#textWalks : this.#hostWalks;
      const walk = queue.peek();
      if (!walk) return false;
      if (!this.#step(walk, timeUp)) return true;
      queue.shift();
      if (timeUp() && this.#textWalks.length + this.#hostWalks.length > 0) return true;
    }
  }

  #commit(): void {
    this.#lastCommitAt = this.#now();
    if (this.#annotations.commit() > 0) this.stats.lastBadgeAt = this.#lastCommitAt;
  }

  /** Walks one queued subtree; false when the deadline stopped it midway. */
  #step(walk: Walk, timeUp: () => boolean): boolean {
    const { root } = walk;
    if (!root.isConnected) return true;
    if (isText(root)) {
      this.#hit(root);
      return true;
    }
    if (!WALKABLE.has(root.nodeType)) return true;
    if (!walk.walker || (walk.next && !walk.next.isConnected)) {
      // First visit, or the node we stopped at was removed meanwhile: start over (rows already
      // judged in this generation are skipped, so this costs little).
      if (walk.walker && ++walk.restarts > 3) return true;
      walk.walker = this.#doc.createTreeWalker(root, walk.show);
      walk.next = null;
    }
    const walker = walk.walker;
    if (walk.next) walker.currentNode = walk.next;
    const findHosts = walk.show === SHOW_ELEMENT;
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let judged = false;
      if (findHosts) this.#noteElement(node as Element);
      else judged = this.#hit(node as Text);
      // The clock is read after every judged row (the costly part) and every few nodes.
      if ((judged || ++count % DEADLINE_STRIDE === 0) && timeUp()) {
        walk.next = node;
        return false;
      }
    }
    return true;
  }

  /** A text node: if it may be part of a failure, judge its row once per generation. */
  #hit(text: Text): boolean {
    // Rows are read for their first MAX_ROW_TEXT characters only; so is the hint (a 1 MB text node
    // otherwise costs a 15 ms regex pass before any row work).
    const data = text.data;
    if (!ERROR_HINT.test(data.length > MAX_ROW_TEXT ? data.slice(0, MAX_ROW_TEXT) : data)) return false;
    const row = rowFor(text, this.#adapter);
    return row ? this.#evaluate(row, false) : false;
  }

  /** Judges a row and updates its badge; false when it was already judged in this generation. */
  #evaluate(row: Element, forced: boolean): boolean {
    if (!forced && this.#evaluatedIn.get(row) === this.#generation) return false;
    this.#evaluatedIn.set(row, this.#generation);
    if (!row.isConnected) {
      if (this.#annotations.get(row)) this.#changed = true;
      this.#annotations.remove(row);
      return true;
    }
    this.stats.rowsSeen++;
    const text = rowText(row, this.#adapter);
    const hash = hashText(text);
    const state = this.#annotations.get(row);
    if (state && state.hash === hash && this.#annotations.isPlaced(row, state)) return true;
    const findings = this.#detectSafely(text, row);
    const primary = primaryFinding(findings);
    if (!primary) {
      if (state) {
        this.#annotations.remove(row);
        this.#changed = true;
      }
      return true;
    }
    this.#annotations.annotate(row, primary, otherFindingCount(findings, primary), hash);
    this.#changed = true;
    return true;
  }

  #detectSafely(text: string, row: Element): Finding[] {
    try {
      return this.#hooks.detect(text, row);
    } catch {
      return []; // a detector bug must not break the page
    }
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
