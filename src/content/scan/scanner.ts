// The row scanner: one batched MutationObserver (on the document and every shadow root found),
// text-anchored discovery (a cheap regex over text nodes, then the detectors over the row of each
// hit), and badges that enter the page in one commit per page change: the browser lays a big
// table out again for every commit, so a change is scanned whole (in the observer callback, or
// in short tasks when it is huge) and its badges go in together, before the page's next frame
// when the work allows. From document_start it follows the parser: a row still being parsed is
// judged once the parser has moved past it.
import type { Finding } from '../../engine/types';
import type { SiteAdapter } from '../../providers/site-adapter';
import type { Annotations } from '../badges/annotations';
import {
  DOCUMENT_FRAGMENT_NODE,
  DOCUMENT_NODE,
  ELEMENT_NODE,
  isElement,
  isOurs,
  isText,
  OUR_ATTRIBUTE,
  parentOrHost,
  SHOW_ELEMENT,
  SHOW_TEXT,
} from '../page/dom';
import { otherFindingCount, primaryFinding } from '../badges/findings';
import {
  ERROR_HINT,
  isHiddenByShadowHost,
  MAX_ROW_DEPTH,
  MAX_ROW_TEXT,
  mayHaveCodeAttribute,
  rowFor,
  rowText,
  readOnlyStatusInput,
  readOnlyStatusValue,
  rowOfAttributeStatus,
  showsStatusOnlyInAttribute,
  splitNumberHolder,
} from './rows';
import { countChunk, createScanCounters, type ScanCounters } from './scan-stats';
import { createChunkRunner, type ChunkRunner } from './scheduler';
import { isCustomElement, mayGetShadowRoot, shadowRootOf } from './shadow-roots';
import { oncePerTask } from './once-per-task';
import { captionCellOf, isStatusCaptionLine } from './status-column';

/** A batch adding more nodes than this is not followed node by node: the page is rescanned. */
export const FULL_RESCAN_THRESHOLD = 50_000;
/** Nodes walked between two deadline checks. */
const DEADLINE_STRIDE = 64;
/**
 * Scan work done inside the observer callback, for a page change: the change is badged before
 * the page renders it, in the same style and layout pass (a commit after the page's rendering
 * costs a second one). A small change gets this much; see insertionBudgetMs for a big one.
 */
export const SYNC_BUDGET_MS = 40;
/**
 * A page that inserts many rows at once pays the browser a style, layout and paint pass over all
 * of them right after its task (a trace of 10,000 table rows: 1.2-1.8 s, over 100 µs a row). The
 * scan of such an insertion may take a bounded share of that in the callback itself, so that its
 * badges enter that same pass: cut into short tasks, the scan ran after the page's render and its
 * single commit laid the whole table out a second time (400 ms), seconds after the rows showed.
 * Per element the page added (a row, in practice), capped so that no insertion waits long on us:
 * 100 µs covers a quiet scan of a 10,000-row log (about 60 µs a row with every detector).
 */
const SYNC_MS_PER_ADDED_ELEMENT = 0.1;
export const MAX_INSERTION_BUDGET_MS = 1000;

/**
 * Scan work done when parsing ends, inside the parser's last task (which also runs the page's
 * DOMContentLoaded handlers and, on a big log, its first full layout): what the walkers that
 * followed the parser left is judged there, as for a big insertion, so that its badges enter that
 * layout instead of a second one after seconds of chunks.
 */
const PARSE_END_BUDGET_MS = MAX_INSERTION_BUDGET_MS;

/** The callback's scan budget for a batch that added `elements` elements. */
export function insertionBudgetMs(elements: number): number {
  return Math.min(MAX_INSERTION_BUDGET_MS, SYNC_BUDGET_MS + elements * SYNC_MS_PER_ADDED_ELEMENT);
}
/**
 * A scan that walks this many nodes without a commit shows progress: the badges found so far
 * enter the page, at the cost of a relayout of the whole log (a trace of a 10,000-row table:
 * 100-300 ms of layout and 100-200 ms of paint each). Counted in nodes, not milliseconds: on a
 * loaded machine a time budget ran out several times over a 10,000-row change (about 60,000
 * nodes), which then paid a relayout each time; this one commits once, a 100,000-row log shows
 * its badges every sixth of the way.
 */
export const PROGRESS_COMMIT_NODES = 100_000;
/**
 * How long at most the badges of a finished scan wait for rows that are about to be judged
 * again (content-extras.js is loading for them), so that both enter the page in one commit.
 * Only a scan that walked HOLD_MIN_NODES nodes (about 200 rows) waits: its log is big, and a
 * second relayout of it costs more than the wait; a small change shows its status badges at
 * once. Counted in nodes, so that a loaded machine does not change which scans wait.
 */
export const MAX_COMMIT_HOLD_MS = 500;
const HOLD_MIN_NODES = 1000;
/** How often elements that may get a shadow root are looked at again, and how many at most. */
const SHADOW_POLL_MS = 500;
const MAX_SHADOWLESS = 1000;
/**
 * Empty plain elements (a `div` a page may make a host) are looked at for this long after they
 * were seen; custom elements for as long as they stay empty of a root (the page may define them
 * any time).
 */
const PLAIN_HOST_WATCH_MS = 30_000;
/** How often the parser walkers look for new nodes while the document loads (they keep up in between). */
const PARSER_POLL_MS = 30;
// The old text of a changed text node tells whether the change can matter to its row
// (textChangeMayMatter).
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, characterDataOldValue: true };
/** Editor fields: their arrival makes the field checker look again (upper case: HTML tagName). */
const FORM_TAGS = new Set(['INPUT', 'TEXTAREA', 'input', 'textarea']);
/** Elements, documents and shadow roots (document fragments) can be walked. */
const WALKABLE = new Set([ELEMENT_NODE, DOCUMENT_NODE, DOCUMENT_FRAGMENT_NODE]);

export interface ScannerHooks {
  /**
   * The findings of a row's text (the app decides which detectors run); null when `mayWait` and
   * the row waits for detectors that are loading (`recheckSoon` settles when they are in).
   */
  detect(text: string, row: Element, mayWait: boolean): Finding[] | null;
  /** Badges were added, changed or removed. */
  onRowsChanged(): void;
  /** Form controls were added: the field checker should look again. */
  onFieldsTouched(): void;
  /** Badges entered the page (a commit placed some). */
  onCommitted?(): void;
  /**
   * Settles when rows judged so far will be judged again (more detectors are loading), else
   * null: a finished scan then holds its badges back until that recheck, for one commit.
   */
  recheckSoon?(): Promise<unknown> | null;
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
  /**
   * A range of `root`'s children (the nodes of one mutation record): walked from `from` on,
   * up to `until` (excluded; null: to the end). One walker for thousands of added rows.
   */
  from: Node | null;
  until: Node | null;
}

/** A record adding more nodes than this is walked as one range of its target. */
const RANGE_WALK_MIN = 8;

/** A FIFO that does not shift arrays. */
class WalkQueue {
  #items: Walk[] = [];
  #head = 0;

  push(root: Node, show: number, from: Node | null = null, until: Node | null = null): void {
    this.#items.push({ root, show, walker: null, next: null, restarts: 0, from, until });
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
  /** Header rows known to name a status column: their text changing again walks nothing. */
  #statusHeaderRows = new WeakMap<Element, boolean>();
  #pendingRows = new Set<Element>();
  /**
   * Rows whose judgement waits for the recheck the hooks announce (more detectors are loading):
   * judged once then, not first without those detectors and again with them. A scan whose commit
   * is not held for that recheck judges them at its end with what it has.
   */
  #waiting = new Set<Element>();
  #judgingWaiting = false;
  /**
   * Rows judged in this generation (a page change, or a walk of the whole page): each is judged
   * once per generation. A set emptied when a generation ends or the scan goes idle, rather than a
   * WeakMap of every row ever judged: that kept an entry and a wrapper for each of them (6,000
   * rows of the 10,000-row bench page) in the heap for as long as the page lived.
   */
  #judged = new Set<Element>();
  /** Counts full rescans; a shadow root is walked once per pass (found again by the host walk). */
  #pass = 0;
  #walkedInPass = new WeakMap<ShadowRoot, number>();
  #changed = false;
  /** The page removed elements since the last prune: annotated rows may have left with them. */
  #rowsMayHaveLeft = false;
  #stopped = false;
  /** Nodes walked since the last commit. */
  #walkedSinceCommit = 0;
  /** The recheck a finished scan holds its commit for (see #holdsCommit), and whether it is over. */
  #heldFor: Promise<unknown> | null = null;
  #holding = false;
  /** While the document is parsed: walkers that follow the parser (null once it is done). */
  #parser: ParserWalkers | null = null;
  /** Elements seen without a shadow root that may get one (see #watchForShadow), when first seen, and the timer that looks. */
  #shadowless = new Map<Element, number>();
  #shadowPoll: number | undefined;
  /** Read-only inputs under a status label, with the value last seen (see #watchReadOnlyStatus). */
  #readOnlyInputs = new Map<HTMLInputElement, string>();
  /** The timer that wakes the parser walkers while the document loads. */
  #parserPoll: number | undefined;
  /** Rows the parser may still be adding to: judged once it moved past them, or at the end. */
  #parsingTail = new Set<Element>();

  readonly #fullRescanThreshold: number;

  readonly #progressCommitNodes: number;

  /**
   * @param fullRescanThreshold see FULL_RESCAN_THRESHOLD (tests use a small one)
   * @param progressCommitNodes see PROGRESS_COMMIT_NODES (tests use a small one)
   */
  constructor(
    doc: Document,
    adapter: SiteAdapter,
    annotations: Annotations,
    hooks: ScannerHooks,
    fullRescanThreshold = FULL_RESCAN_THRESHOLD,
    progressCommitNodes = PROGRESS_COMMIT_NODES,
  ) {
    this.#fullRescanThreshold = fullRescanThreshold;
    this.#progressCommitNodes = progressCommitNodes;
    const win = doc.defaultView;
    if (!win) throw new Error('Scanner needs a document with a window');
    this.#doc = doc;
    this.#adapter = adapter;
    this.#annotations = annotations;
    this.#hooks = hooks;
    this.#runner = createChunkRunner(
      win,
      (timeUp) => this.#work(timeUp),
      hooks.onError,
      (ms) => countChunk(this.stats, ms),
    );
    // Badges coming back after a quiet spell enter the page with a chunk's commit, as new ones do.
    annotations.whenRetriesDue(() => {
      if (!this.#stopped) this.#runner.request();
    });
  }

  /** Observes the page and scans it all (first chunk now, the rest in later tasks). */
  start(): void {
    const win = this.#doc.defaultView;
    if (!win || this.#stopped) return;
    this.stats.firstScanStartedAt ??= win.performance.now();
    this.#observer = new win.MutationObserver((records) => this.#onMutations(records));
    if (this.#doc.readyState !== 'loading') {
      this.rescanAll();
      return;
    }
    this.#doc.addEventListener('readystatechange', () => this.#parsed(), { once: true });
    this.#followParserFromStart();
  }

  /**
   * The parser appends in document order: two walkers over the document follow it, in urgent
   * tasks of our own between the parser's. The document is observed only once parsing is done:
   * a mutation record for every node the parser adds costs more to deliver (200 ms per batch on
   * a 100,000-row page, before any callback runs) than walking the nodes. A short poll wakes
   * the walkers instead.
   */
  #followParserFromStart(): void {
    this.stats.scans++;
    this.#judged.clear();
    this.#pass++;
    this.#parser = { text: this.#doc.createTreeWalker(this.#doc, SHOW_TEXT), hosts: this.#doc.createTreeWalker(this.#doc, SHOW_ELEMENT) };
    this.#runner.setUrgent(true);
    this.#runner.request();
  }

  /** Stops observing and drops pending work; badges stay until the annotations are cleared. */
  stop(): void {
    this.#stopped = true;
    this.#doc.defaultView?.clearTimeout(this.#parserPoll);
    this.#stopShadowPoll();
    this.#shadowless.clear();
    this.#observer?.disconnect();
    this.#observer = null;
    this.#runner.cancel();
    this.#dropQueue();
  }

  /** Scans everything again (SPA navigation, storms); annotated rows are judged again too. */
  rescanAll(): void {
    if (this.#stopped) return;
    this.#dropQueue(); // parser walkers too: the document is followed by its records from now on
    this.#observe(this.#doc);
    for (const [row] of this.#annotations.entries()) this.#pendingRows.add(row);
    this.stats.scans++;
    this.#judged.clear();
    this.#pass++;
    this.#queueWalk(this.#doc);
    this.#runner.runNow(SYNC_BUDGET_MS);
  }

  /** Walks a subtree again: content that stopped being edited holds rows passed over meanwhile. */
  rescanWithin(root: Node): void {
    if (this.#stopped) return;
    this.#queueWalk(root);
    this.#runner.runNow(SYNC_BUDGET_MS);
  }

  /** Judges these rows again even if their text did not change (more detectors arrived). */
  recheck(rows: Iterable<Element>): void {
    if (this.#stopped) return;
    for (const row of rows) {
      this.#annotations.invalidate(row);
      this.#pendingRows.add(row);
    }
    this.#runner.runNow(SYNC_BUDGET_MS);
  }

  /** Forgets evaluation marks so that rows are judged afresh. */
  reset(): void {
    this.#judged.clear();
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
    this.#waiting.clear();
    this.#parsingTail.clear();
    this.#endParser();
  }

  /**
   * Parsing is done (this runs just before DOMContentLoaded): the parser walkers catch up a last
   * time and rows the parser was filling are judged now, so their badges are in before the
   * page's first full layout rather than in a second one.
   */
  #parsed(): void {
    if (this.#stopped) return;
    this.#observe(this.#doc);
    for (const row of this.#parsingTail) this.#pendingRows.add(row);
    this.#parsingTail.clear();
    this.#runner.runNow(PARSE_END_BUDGET_MS);
  }

  /**
   * Walks what the parser added since the last time; true once caught up. When a node a walker
   * stood on was removed meanwhile, the document is walked again from the start instead.
   */
  #followParser(parser: ParserWalkers, timeUp: () => boolean): boolean {
    for (const [walker, findHosts] of [
      [parser.text, false],
      [parser.hosts, true],
    ] as const) {
      if (!walker.currentNode.isConnected) {
        // Walked again whole, and from now on followed by its mutation records.
        this.#endParser();
        this.#observe(this.#doc);
        this.#judged.clear();
        this.#queueWalk(this.#doc);
        return true;
      }
      // The parser may have appended to the text node the walker stopped at: test it again.
      if (!findHosts && isText(walker.currentNode)) this.#hit(walker.currentNode);
      let count = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let judged = false;
        if (findHosts) this.#noteElement(node as Element);
        else judged = this.#hit(node as Text);
        this.#walkedSinceCommit++;
        if ((judged || ++count % DEADLINE_STRIDE === 0) && timeUp()) return false;
      }
    }
    if (this.#doc.readyState !== 'loading') this.#endParser(); // the last catch-up: from now on, the observer
    return true;
  }

  /** While the document loads, the walkers look for what the parser added every PARSER_POLL_MS. */
  #pollParser(): void {
    const win = this.#doc.defaultView;
    if (!win || this.#parserPoll !== undefined || this.#doc.readyState !== 'loading') return;
    this.#parserPoll = win.setTimeout(() => {
      this.#parserPoll = undefined;
      if (this.#parser && !this.#stopped) this.#runner.request();
    }, PARSER_POLL_MS);
  }

  /** Stops following the parser: chunks go back to normal priority. */
  #endParser(): void {
    this.#parser = null;
    this.#runner.setUrgent(false);
  }

  /**
   * While the document is parsed, a row with nothing after it (on its own level or any level up)
   * may still be getting cells and text: the parser appends at the end of the open elements.
   */
  #mayStillBeParsed(row: Element): boolean {
    if (this.#doc.readyState !== 'loading') return false;
    let node: Node | null = row;
    for (let i = 0; node && i < 64; i++, node = node.parentNode) if (node.nextSibling) return false;
    return true;
  }

  /** Queues a subtree (an element, the document or a shadow root) for both walks. */
  #queueWalk(root: Node): void {
    this.#textWalks.push(root, SHOW_TEXT);
    this.#hostWalks.push(root, SHOW_ELEMENT);
    if (isElement(root)) this.#noteElement(root);
  }

  /** Shadow roots to scan and editor fields to check, seen on an element. */
  #noteElement(element: Element): void {
    // Every element of a page passes here: the common one (no root, not a form control, no code
    // in an attribute) leaves after five reads of the DOM.
    const tag = element.tagName;
    const custom = isCustomElement(element, tag);
    const open = element.shadowRoot;
    const candidate = mayGetShadowRoot(element, tag);
    const form = FORM_TAGS.has(tag);
    const codeAttribute = mayHaveCodeAttribute(element);
    if (!open && !candidate && !form && !codeAttribute) return;
    if (isOurs(element)) return; // our hosts' closed roots hold badges, not rows
    // The walk looks for closed roots on custom elements only: the lookup is an extension API
    // call, and a page has many empty divs (those are looked at by the poll, a bounded number).
    const shadow = open ?? (custom ? shadowRootOf(element) : null);
    if (shadow) this.#noteShadow(shadow);
    if (form) this.#hooks.onFieldsTouched();
    else if (!shadow && candidate) this.#watchForShadow(element);
    // A status shown as a read-only input's value is in no text node for the text walk.
    if (form && readOnlyStatusValue(element)) {
      const row = rowFor(element, this.#adapter);
      if (row) this.#evaluate(row, false);
    }
    if (form) this.#watchReadOnlyStatus(element);
    // An icon whose status is only in an attribute leaves its row no text for the text walk.
    if (codeAttribute && showsStatusOnlyInAttribute(element)) {
      const row = rowOfAttributeStatus(element, this.#adapter);
      if (row) this.#evaluate(row, false);
    }
  }

  /** A shadow root to observe and scan, once per pass. */
  #noteShadow(shadow: ShadowRoot): void {
    if (this.#walkedInPass.get(shadow) === this.#pass) return;
    this.#walkedInPass.set(shadow, this.#pass);
    this.#observe(shadow);
    this.#queueWalk(shadow);
  }

  /**
   * An element may get a shadow root later (a custom element when the page defines it, an empty
   * div when the page's code attaches one): no mutation record tells, so such elements are looked
   * at again every SHADOW_POLL_MS. When too many wait, the oldest is given up.
   */
  #watchForShadow(element: Element): void {
    const win = this.#doc.defaultView;
    if (!win || this.#shadowless.has(element)) return;
    if (this.#shadowless.size >= MAX_SHADOWLESS) this.#shadowless.delete(this.#shadowless.keys().next().value as Element);
    this.#shadowless.set(element, win.performance.now());
    this.#shadowPoll ??= win.setInterval(() => this.#checkShadowless(), SHADOW_POLL_MS);
  }

  /**
   * A read-only input under a status label whose value the page sets by script later makes no
   * mutation record: it is looked at again with the shadow poll, MAX_SHADOWLESS at most.
   */
  #watchReadOnlyStatus(element: Element): void {
    const input = readOnlyStatusInput(element);
    const win = this.#doc.defaultView;
    if (!input || !win || this.#readOnlyInputs.has(input)) return;
    if (this.#readOnlyInputs.size >= MAX_SHADOWLESS)
      this.#readOnlyInputs.delete(this.#readOnlyInputs.keys().next().value as HTMLInputElement);
    this.#readOnlyInputs.set(input, input.value);
    this.#shadowPoll ??= win.setInterval(() => this.#checkShadowless(), SHADOW_POLL_MS);
  }

  /** Queues the rows of watched read-only inputs whose value changed; true when any did. */
  #checkReadOnlyValues(): boolean {
    let changed = false;
    for (const [input, seen] of this.#readOnlyInputs) {
      if (!input.isConnected) {
        this.#readOnlyInputs.delete(input);
        continue;
      }
      if (input.value === seen) continue;
      this.#readOnlyInputs.set(input, input.value);
      const row = rowFor(input, this.#adapter);
      if (row) {
        this.#annotations.invalidate(row);
        this.#pendingRows.add(row);
        changed = true;
      }
    }
    return changed;
  }

  #checkShadowless(): void {
    if (this.#stopped) return;
    let found = this.#checkReadOnlyValues();
    const now = this.#now();
    for (const [element, seenAt] of this.#shadowless) {
      const shadow = element.isConnected ? shadowRootOf(element) : null;
      if (shadow) {
        this.#shadowless.delete(element);
        this.#noteShadow(shadow);
        // Its light-DOM children are laid out by the new root now (slotted under its captions).
        if (element.firstElementChild) this.#textWalks.push(element, SHOW_TEXT);
        found = true;
      } else if (
        !element.isConnected ||
        (!isCustomElement(element) && (element.firstChild !== null || now - seenAt > PLAIN_HOST_WATCH_MS))
      ) {
        // Gone, or a plain element the page filled with children or left alone for long.
        this.#shadowless.delete(element);
      }
    }
    if (this.#shadowless.size === 0 && this.#readOnlyInputs.size === 0) this.#stopShadowPoll();
    if (found) this.#runner.request();
  }

  #stopShadowPoll(): void {
    this.#doc.defaultView?.clearInterval(this.#shadowPoll);
    this.#shadowPoll = undefined;
  }

  #onMutations(records: MutationRecord[]): void {
    if (this.#stopped) return;
    try {
      if (this.#hooks.beforeBatch()) return; // navigation or teardown: the owner took over
      this.#judged.clear();
      let added = 0;
      let addedElements = 0;
      let queued = false;
      // Nodes added in this batch: their walks (later, over the live DOM) cover whatever was
      // added inside them, so records inside them need none (the parser adds node by node).
      const covered = records.length > 1 ? addedNodesOf(records) : null;
      const groups = new Map<Node, AddedGroup>();
      // A text node's first record in a batch has its oldest text, and its current text is its
      // newest: later records of it add nothing (10,000 appendData calls in one task are one).
      const changedTexts = new Set<Node>();
      let pageRemoved = false;
      for (const record of records) {
        if (record.type === 'characterData') {
          if (changedTexts.has(record.target)) continue;
          changedTexts.add(record.target);
          if (this.#queueCaptionedCell(record.target)) queued = true;
          if (!textChangeMayMatter(record)) continue;
          this.#textWalks.push(record.target, SHOW_TEXT);
          this.#recheckAnnotatedAncestor(record.target);
          queued = true;
          continue;
        }
        const nodes = record.addedNodes;
        if (nodes.length > 0 && !(covered && isCoveredBy(covered, record.target))) {
          const group = groups.get(record.target);
          if (!group) groups.set(record.target, { records: [record], appendsOnly: record.nextSibling === null, count: nodes.length });
          else {
            group.records.push(record);
            group.appendsOnly &&= record.nextSibling === null;
            group.count += nodes.length;
          }
        }
        if (record.removedNodes.length > 0) {
          // Only badges moved within their rows (ours, to where a cell shows them): no text changed.
          let movedBadgesOnly = true;
          for (const node of record.removedNodes) {
            // Only an element can hold a row: a clock ticking with textContent removes text nodes.
            if (node.nodeType === ELEMENT_NODE && !isOurs(node)) pageRemoved = true;
            if (!isOurs(node) || node.getAttribute(OUR_ATTRIBUTE) !== 'badge') {
              movedBadgesOnly = false;
              continue;
            }
            const owner = this.#annotations.ownerOf(node);
            // A badge moved within its row (to where a clipping cell shows it) was not removed.
            if (owner?.contains(node)) continue;
            movedBadgesOnly = false;
            if (owner?.isConnected && this.#annotations.get(owner)) {
              this.#annotations.noteRemoved(owner);
              this.#pendingRows.add(owner);
              queued = true;
            }
          }
          if (!movedBadgesOnly && this.#recheckAnnotatedAncestor(record.target)) queued = true;
        }
      }
      if (pageRemoved) this.#rowsMayHaveLeft = true;
      for (const [target, group] of groups) {
        const pageAdded = this.#queueAdded(target, group);
        added += pageAdded;
        // What the page adds to an annotated row changes its text ("!" after "Authorization:").
        if (pageAdded > 0) {
          addedElements += elementCount(group);
          this.#recheckAnnotatedAncestor(target);
          queued = true;
        }
      }
      if (added > this.#fullRescanThreshold || this.#textWalks.length > this.#fullRescanThreshold) {
        this.rescanAll();
        return;
      }
      // A batch of only our own badges queues nothing. Running a chunk for it would chain chunks
      // inside one task (each chunk's badges trigger the next batch) and make one long task.
      // Rows the parser has moved past since the last batch.
      if (this.#parsingTail.size > 0) {
        for (const row of this.#parsingTail) this.#pendingRows.add(row);
        this.#parsingTail.clear();
        queued = true;
      }
      if (!queued) {
        // Rows the page took out (a log emptied) are forgotten now: a batch that queues nothing
        // runs no chunk to prune them (a chunk's end does), and each kept its state and badge in
        // memory for the page's life.
        if (this.#rowsMayHaveLeft) {
          this.#rowsMayHaveLeft = false;
          if (this.#annotations.prune() > 0) this.#hooks.onRowsChanged();
        }
        return;
      }
      this.stats.scans++;
      this.#runner.runNow(insertionBudgetMs(addedElements));
    } catch (error) {
      this.#hooks.onError(error);
    }
  }

  /**
   * Queues the walks for what a batch added to one parent; returns how many page nodes that was.
   * Many nodes, or nodes appended by several records (a parser at work), are walked as one range.
   */
  #queueAdded(target: Node, group: AddedGroup): number {
    const first = group.records[0]!.addedNodes[0]!;
    if (WALKABLE.has(target.nodeType) && group.appendsOnly && (group.count > RANGE_WALK_MIN || group.records.length > 1)) {
      if (first.parentNode !== target) return this.#queueEach(group); // moved since: walk the nodes themselves
      this.#textWalks.push(target, SHOW_TEXT, first, null);
      this.#hostWalks.push(target, SHOW_ELEMENT, first, null);
      return group.count;
    }
    if (WALKABLE.has(target.nodeType) && group.records.length === 1 && group.count > RANGE_WALK_MIN) {
      const record = group.records[0]!;
      this.#textWalks.push(target, SHOW_TEXT, first, record.nextSibling);
      this.#hostWalks.push(target, SHOW_ELEMENT, first, record.nextSibling);
      return group.count;
    }
    return this.#queueEach(group);
  }

  #queueEach(group: AddedGroup): number {
    let added = 0;
    for (const record of group.records) {
      for (const node of record.addedNodes) {
        if (isOurs(node)) continue;
        added++;
        if (isText(node)) {
          this.#textWalks.push(node, SHOW_TEXT);
          this.#queueCaptionedCell(node);
        } else if (isElement(node)) {
          this.#queueWalk(node);
          this.#queueCaptionedRows(node);
        }
      }
    }
    return added;
  }

  /**
   * A caption line naming a status column, added after its rows (a streamed page draws the
   * header last): the rows beside it are walked again, since their bare numbers read otherwise
   * now. A header row's rows (added alone or in its <thead>) are its table's; a caption line's,
   * its parent's (the rows' box or a wrapper of it: where a detached header line is looked for).
   */
  #queueCaptionedRows(added: Element): boolean {
    const tag = added.tagName.toUpperCase();
    const line = tag === 'THEAD' ? added.lastElementChild : added;
    if (!line || !isStatusCaptionLine(line)) return false;
    const rows = line.tagName.toUpperCase() === 'TR' ? line.closest('table') : line.parentElement;
    if (rows) this.#textWalks.push(rows, SHOW_TEXT);
    return rows !== null;
  }

  /**
   * Caption text put in a header cell after its rows (an i18n script filling empty <th>s, or its
   * <span>s, or the empty divs of a caption line): its header row is read as a caption line added then. Once per row and task, as every
   * cell of it may get its text in the same task, and only when the row comes to name a status
   * column: a header that ticks ("Updated 3 s ago") beside "Status" walks its table once, not
   * on every tick. True when its rows were queued.
   */
  #queueCaptionedCell(text: Node): boolean {
    const cell = captionCellOf(text);
    const line = cell?.parentElement ?? null;
    return (
      line !== null &&
      oncePerTask('captioned-cell-line', line, (row) => {
        if (this.#statusHeaderRows.get(row)) {
          if (!isStatusCaptionLine(row)) this.#statusHeaderRows.set(row, false);
          return false;
        }
        const queued = this.#queueCaptionedRows(row);
        this.#statusHeaderRows.set(row, queued);
        return queued;
      })
    );
  }

  /**
   * A change inside annotated rows: judge them again (their error may be gone). Every annotated
   * row up the way, not only the nearest: an outer row reads the inner one's text too. The walk
   * leaves shadow roots for their hosts: a component's drawn value is its host row's text.
   */
  #recheckAnnotatedAncestor(node: Node): boolean {
    let found = false;
    let el: Element | null = isElement(node) ? node : parentOrHost(node);
    for (let i = 0; el && i <= MAX_ROW_DEPTH * 2; i++, el = parentOrHost(el)) {
      if (this.#annotations.get(el)) {
        this.#pendingRows.add(el);
        found = true;
      }
    }
    return found;
  }

  #now(): number {
    return this.#doc.defaultView?.performance.now() ?? Date.now();
  }

  /**
   * One chunk. The badges of a scan enter the page together when it is done; a scan that runs
   * that walks more than PROGRESS_COMMIT_NODES (a huge page) also commits what it found on the way.
   */
  #work(timeUp: () => boolean): boolean {
    if (this.#stopped) return false;
    let more = this.#judgeAndWalk(timeUp);
    if (!more && this.#waiting.size > 0 && !this.#holdsCommit()) more = this.#judgeWaiting(timeUp);
    if (more) {
      if (this.#walkedSinceCommit >= this.#progressCommitNodes) this.#commit();
      return true;
    }
    if (!this.#holdsCommit()) this.#commit();
    if (this.#parser) this.#pollParser();
    else this.#judged.clear(); // nothing queued: the next change starts a generation anyway
    if (this.#rowsMayHaveLeft && this.#annotations.prune() > 0) this.#changed = true;
    this.#rowsMayHaveLeft = false;
    if (this.#changed) {
      this.#changed = false;
      this.#hooks.onRowsChanged();
    }
    return this.#pendingRows.size > 0;
  }

  /** Rows to judge again first, then text walks, then shadow-root discovery; true when time ran out. */
  #judgeAndWalk(timeUp: () => boolean): boolean {
    if (this.#parser && !this.#followParser(this.#parser, timeUp)) return true;
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

  /** Judges the rows that waited, with the detectors there are; true when time ran out. */
  #judgeWaiting(timeUp: () => boolean): boolean {
    this.#judgingWaiting = true;
    try {
      for (const row of this.#waiting) {
        this.#waiting.delete(row);
        this.#evaluate(row, true);
        if (timeUp()) return this.#waiting.size > 0;
      }
      return false;
    } finally {
      this.#judgingWaiting = false;
    }
  }

  /**
   * True while a finished scan's badges wait for the recheck the hooks announce: it commits
   * them with its own, in one relayout. The hold ends when the recheck settles or after
   * MAX_COMMIT_HOLD_MS, then a chunk commits; a recheck that timed out is not waited for again.
   */
  #holdsCommit(): boolean {
    if (this.#holding) return true;
    if (this.#walkedSinceCommit < HOLD_MIN_NODES) return false;
    const recheck = this.#hooks.recheckSoon?.() ?? null;
    if (!recheck || recheck === this.#heldFor) return false;
    const win = this.#doc.defaultView;
    if (!win) return false;
    this.#heldFor = recheck;
    this.#holding = true;
    const release = () => {
      if (!this.#holding) return;
      this.#holding = false;
      win.clearTimeout(timer);
      if (!this.#stopped) this.#runner.request();
    };
    const timer = win.setTimeout(release, MAX_COMMIT_HOLD_MS);
    recheck.then(release, release);
    return true;
  }

  #commit(): void {
    const now = this.#now();
    this.#walkedSinceCommit = 0;
    if (this.#annotations.commit() > 0) {
      this.stats.lastBadgeAt = now;
      this.#hooks.onCommitted?.();
    }
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
    const findHosts = walk.show === SHOW_ELEMENT;
    const { from, until } = walk;
    if (walk.next) walker.currentNode = walk.next;
    else if (from) {
      if (!from.isConnected || from.parentNode !== root) return true; // moved away: its own record covers it
      walker.currentNode = from;
      // The walker shows what comes after its current node: the range's first node is ours to visit.
      if (findHosts ? isElement(from) : isText(from)) {
        if (findHosts) this.#noteElement(from as Element);
        else this.#hit(from as Text);
      }
    }
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (until && (node === until || until.contains(node))) return true;
      let judged = false;
      if (findHosts) this.#noteElement(node as Element);
      else judged = this.#hit(node as Text);
      this.#walkedSinceCommit++;
      // The clock is read after every judged row (the costly part) and every few nodes.
      if ((judged || ++count % DEADLINE_STRIDE === 0) && timeUp()) {
        walk.next = node;
        return false;
      }
    }
    return true;
  }

  /**
   * A text node: if it may be part of a failure, judge its row once per generation. No text of one
   * character carries the hint (a unit test tries each), and only such a text can be a digit split
   * from its status: one test per text (a log's line breaks between rows are a third of its texts).
   * The text is read once: every text node of the page passes here, and each read is a DOM call.
   */
  #hit(text: Text): boolean {
    const data = text.data;
    const from = data.length > 1 ? (hasErrorHint(data) ? text : null) : splitNumberHolder(text, data);
    if (!from) return false;
    const row = rowFor(from, this.#adapter);
    return row ? this.#evaluate(row, false) : false;
  }

  /** Judges a row and updates its badge; false when it was already judged in this generation. */
  #evaluate(row: Element, forced: boolean): boolean {
    if (!forced && this.#judged.has(row)) return false;
    this.#judged.add(row);
    // A row the page put under a shadow root with no slot is no longer shown: its root's text is judged instead.
    if (!row.isConnected || isHiddenByShadowHost(row)) {
      if (this.#annotations.get(row)) this.#changed = true;
      this.#annotations.remove(row);
      return true;
    }
    if (this.#mayStillBeParsed(row)) {
      this.#parsingTail.add(row);
      return true;
    }
    this.stats.rowsSeen++;
    const text = rowText(row, this.#adapter);
    const state = this.#annotations.get(row);
    // Only an annotated row needs the hash to see that its text is unchanged: most rows judged
    // have no finding, and hashing each one's text was 3% of a 10,000-row scan.
    const hash = state ? hashText(text) : -1;
    if (state && state.hash === hash && this.#annotations.isPlaced(row, state)) return true;
    const findings = this.#detectSafely(text, row);
    if (!findings) {
      this.#waiting.add(row);
      return true;
    }
    if (this.#waiting.size > 0) this.#waiting.delete(row);
    const primary = primaryFinding(findings);
    if (!primary) {
      if (state) {
        this.#annotations.remove(row);
        this.#changed = true;
      }
      return true;
    }
    this.#annotations.annotate(row, primary, otherFindingCount(findings, primary), state ? hash : hashText(text));
    this.#changed = true;
    return true;
  }

  #detectSafely(text: string, row: Element): Finding[] | null {
    try {
      return this.#hooks.detect(text, row, !this.#judgingWaiting);
    } catch {
      return []; // a detector bug must not break the page
    }
  }
}

interface ParserWalkers {
  text: TreeWalker;
  hosts: TreeWalker;
}

/** The childList records of one batch that add to one parent. */
interface AddedGroup {
  records: MutationRecord[];
  /** Every record added at the end of the parent (nothing after its nodes). */
  appendsOnly: boolean;
  count: number;
}

/** Up to this many added nodes are looked at one by one to count the elements among them (a bigger group: its share of them). */
const COUNTED_NODES = 64;

/**
 * How many elements the records added at their own level (their subtrees are not counted). A big
 * group is estimated from its first COUNTED_NODES nodes: reading each added node is a DOM call
 * (20,000 for a 10,000-row insertion, where this count was 3% of our script time in a profile),
 * and the parent's childElementCount walks every child it has (10,000 old rows for 100 appended
 * ones, a third of the append's own scan in a profile). The budget it feeds is a rough one anyway.
 */
function elementCount(group: AddedGroup): number {
  let seen = 0;
  let elements = 0;
  for (const record of group.records)
    for (const node of record.addedNodes) {
      if (node.nodeType === ELEMENT_NODE) elements++;
      if (++seen === COUNTED_NODES && group.count > seen) return Math.round((elements * group.count) / seen);
    }
  return elements;
}

function addedNodesOf(records: readonly MutationRecord[]): Set<Node> {
  const nodes = new Set<Node>();
  for (const record of records) if (record.type === 'childList') for (const node of record.addedNodes) nodes.add(node);
  return nodes;
}

/** True when the node or one of its near ancestors is in the set. */
function isCoveredBy(nodes: ReadonlySet<Node>, node: Node): boolean {
  let current: Node | null = node;
  for (let i = 0; current && i <= MAX_ROW_DEPTH * 2; i++, current = current.parentNode) if (nodes.has(current)) return true;
  return false;
}

/**
 * The error hint of a text node's text. Rows are read for their first MAX_ROW_TEXT characters
 * only; so is the hint (a 1 MB text node otherwise costs a 15 ms regex pass before any row work).
 */
function hasErrorHint(data: string): boolean {
  return ERROR_HINT.test(data.length > MAX_ROW_TEXT ? data.slice(0, MAX_ROW_TEXT) : data);
}

/** Texts longer than this are always looked at again (comparing them would cost a copy each). */
const MAX_COMPARED_TEXT = 1_000;
const DIGIT_RUNS = /\d+/g;
/**
 * Numbers a page writes as durations ("next retry in 548 s", "412 ms", "3 minutes"): never a
 * status, whatever their digits. A glued "503s" is left alone: it is also how people pluralise
 * a status.
 */
const DURATIONS = /\b\d+(?:[.,]\d+)?\s?(?:ms|msecs?|milliseconds?|secs?|seconds?|mins?|minutes?|hrs?|hours?)\b|\b\d+ s\b/gi;

/**
 * Whether a text node's change can matter to the rows around it. It cannot when only the digits
 * of a text changed and the text has no error hint outside its durations: a relative time
 * ticking in every row ("3 s ago" -> "14 s ago", "next retry in 548 s" -> "547 s") then costs
 * neither a walk nor a row judged again (2,000 rows ticking every 500 ms: 200 badged rows judged
 * on every tick before, or all 2,000 when the numbers looked like statuses). Any other change
 * can: new words give numbers new context, and a text emptied joins its neighbours.
 */
function textChangeMayMatter(record: MutationRecord): boolean {
  const before = record.oldValue;
  const text = record.target as Text;
  const now = text.data;
  if (before === null || before.length > MAX_COMPARED_TEXT || now.length > MAX_COMPARED_TEXT) return true;
  if (before.replace(DIGIT_RUNS, '0') !== now.replace(DIGIT_RUNS, '0')) return true;
  return hasErrorHint(before.replace(DURATIONS, ' ')) || hasErrorHint(now.replace(DURATIONS, ' ')) || splitNumberHolder(text) !== null;
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
