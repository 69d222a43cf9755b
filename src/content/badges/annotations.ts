// Which rows carry a badge, and from which text it was computed. Per-row state lives in WeakMaps;
// the one strong set of annotated rows is pruned of detached rows after every batch, so memory
// stays flat when a page keeps replacing its rows.
import type { Finding } from '../../engine/types';
import { badgeButton, badgeView, createBadge, renderBadge, setBadgeFit, type BadgeView, type CardOpener } from './badge';
import { OUR_ATTRIBUTE, isOurs } from '../page/dom';
import { BADGE_FIT } from '../page/styles';
import { isOwnOrCopy } from '../page/ownership';
import { MAX_ROW_DEPTH, badgeSlot, clippedFit, isPlacedRow, shownSlot } from '../scan/rows';

export interface RowState {
  /** Hash of the row text the finding was computed from. */
  hash: number;
  finding: Finding;
  others: number;
  host: HTMLElement;
  /** How often in a row the page removed our badge soon after we put it back. */
  reinsertions: number;
  /** How many text changes in a row took our badge out right after it went in. */
  quickRewrites: number;
  /** When the badge last went into the row (Date.now()). */
  placedAt: number;
  /** When the page last changed the row or removed its badge (Date.now()). */
  touchedAt: number;
  /** How often a badge given up on was put back after the page left its row alone. */
  quietRetries: number;
  /** How often the badge moved after losing its box since the row last got new text. */
  rehomes: number;
}

/** After this many quick removals by the page we stop putting a badge back (no fight with the page). */
const MAX_REINSERTIONS = 5;
/** After this many text changes in a row, each removing our badge right after it went in, likewise. */
const MAX_QUICK_REWRITES = 30;
/**
 * A removal this long after the badge went in is the page re-rendering the row (a poll that sets
 * the same text again, a ticking clock), not a fight: it starts the count again. A page that
 * removes the badge whenever it appears does so within milliseconds.
 */
const FIGHT_WINDOW_MS = 500;
/**
 * How often a badge that lost its box moves (to its cell's neighbours, its parent, or the last cell
 * shown) until its row gets new text: room for a few such losses (a column hidden, then another),
 * where a page script that hides columns by measured width could chase it from cell to cell forever.
 */
const MAX_REHOMES = 6;
/**
 * A badge given up on comes back once neither a change in its row nor a removal of its badge has
 * been seen for this long (RowState.touchedAt): a page that re-rendered a row many times while it
 * loaded (or raced our placement) has settled by then. Checked on one timer for all such rows.
 */
const QUIET_RETRY_MS = 2_000;
/** How many such comebacks a row gets: a page that still fights removes the badge each time. */
const MAX_QUIET_RETRIES = 3;

/** Counts a removal of a row's badge: towards giving up when it came quickly, else from one again. */
function countRemoval(state: RowState): void {
  state.touchedAt = Date.now();
  if (state.reinsertions > MAX_REINSERTIONS) return; // given up until new text or a quiet spell
  state.reinsertions = Date.now() - state.placedAt > FIGHT_WINDOW_MS ? 1 : state.reinsertions + 1;
}

export type Presenter = (finding: Finding, others: number) => BadgeView;

export class Annotations {
  #states = new WeakMap<Element, RowState>();
  #owners = new WeakMap<Element, Element>();
  #rows = new Set<Element>();
  #placements = 0;
  /** Rows whose badge waits for the next commit to enter the page. */
  #unplaced = new Set<Element>();
  /** Cells holding a badge that may clip it, watched until the browser has laid them out once. */
  #inCells = new WeakMap<Element, RowState>();
  #cellWatcher: ResizeObserver | null = null;
  /** Placed badges, watched for losing their box while their cell keeps its own. */
  #boxWatcher: ResizeObserver | null = null;
  /** Rows whose badge was given up on, with the state it was given up in, waiting for a quiet spell. */
  #waitingForQuiet = new Map<Element, RowState>();
  /** The one timer that looks at them all, and the window it runs in. */
  #quietTimer: { view: Window; id: number } | null = null;
  /** How badges due to come back reach the page: the scanner's next commit (see whenRetriesDue). */
  #requestCommit: () => void = () => this.commit();
  readonly #present: Presenter;
  readonly #openCard: CardOpener;

  /** @param openCard what a click on a badge does (the card lives in content-extras.js) */
  constructor(present: Presenter, openCard: CardOpener) {
    this.#present = present;
    this.#openCard = openCard;
  }

  /**
   * Badges due to come back after a quiet spell wait, like new ones, for a commit: `requestCommit`
   * asks the scanner for one, so they enter the page with its next batch and never flush badges it
   * holds back. Without it (annotations on their own) they are committed at once.
   */
  whenRetriesDue(requestCommit: () => void): void {
    this.#requestCommit = requestCommit;
  }

  get(row: Element): RowState | undefined {
    return this.#states.get(row);
  }

  /** The row a badge host belongs to. */
  ownerOf(host: Element): Element | undefined {
    return this.#owners.get(host);
  }

  /** Forgets which text a row's badge was computed from, so that the row is judged again. */
  invalidate(row: Element): void {
    const state = this.#states.get(row);
    if (state) state.hash = -1; // hashes are unsigned: -1 matches no text
  }

  /** Is the row's badge where it belongs (inside the row)? */
  isPlaced(row: Element, state: RowState): boolean {
    return state.host.parentNode !== null && row.contains(state.host);
  }

  /**
   * Sets or updates the badge of a row and removes any other badge it or its ancestors carry. A
   * new (or displaced) badge enters the row at the next `commit()`. Inner rows win: a row around
   * annotated rows gets no badge of its own (theirs show its failures).
   */
  annotate(row: Element, finding: Finding, others: number, hash: number): void {
    if (this.#removeOtherBadges(row)) {
      this.remove(row);
      return;
    }
    let state = this.#states.get(row);
    const changed = state?.hash !== hash;
    if (!state) {
      state = {
        hash,
        finding,
        others,
        host: createBadge(row.ownerDocument, this.#openCard),
        reinsertions: 0,
        quickRewrites: 0,
        placedAt: 0,
        touchedAt: 0,
        quietRetries: 0,
        rehomes: 0,
      };
      this.#states.set(row, state);
      this.#owners.set(state.host, row);
      this.#rows.add(row);
    } else {
      // New text in the same row (a virtualised list recycling it): the page re-rendered the row,
      // it did not fight our badge. Unless new text keeps taking our badge out right after it
      // went in: a page that answers every badge with new text would keep us re-badging the row
      // thousands of times a second. A list recycling its rows as the user scrolls does so far
      // less often per row than MAX_QUICK_REWRITES.
      if (changed) {
        const quick = !state.host.isConnected && Date.now() - state.placedAt <= FIGHT_WINDOW_MS;
        state.quickRewrites = quick ? state.quickRewrites + 1 : 0;
        state.reinsertions = state.quickRewrites > MAX_QUICK_REWRITES ? MAX_REINSERTIONS + 1 : 0;
        state.rehomes = 0;
      }
      state.hash = hash;
      state.touchedAt = Date.now();
      state.finding = finding;
      state.others = others;
    }
    renderBadge(state.host, this.#present(finding, others));
    if (!this.isPlaced(row, state)) this.#unplaced.add(row);
    else if (changed && !state.host.hasAttribute(BADGE_FIT)) this.#checkClippingLater(row, state);
  }

  /**
   * Puts every badge annotated since the last commit into its row, in one go: each insertion into
   * a big table costs the page a relayout, so they come together. Returns how many were placed.
   */
  commit(): number {
    // Every slot is read before any badge goes in: a slot may read the row's computed style,
    // and reads between insertions would make the browser compute style once per badge.
    const placements: [Element, RowState][] = [];
    for (const row of this.#unplaced) {
      const state = this.#states.get(row);
      if (!state || !row.isConnected || this.isPlaced(row, state)) continue;
      // One badge per row chain, the innermost: rows around this one, annotated in the same
      // batch (before it, or after it while it waited), lose theirs.
      this.#removeAnnotatedAncestors(row);
      if (state.host.parentNode) countRemoval(state);
      if (state.reinsertions > MAX_REINSERTIONS) {
        this.#retryWhenQuiet(row, state);
        continue;
      }
      placements.push([row, state]);
    }
    this.#unplaced.clear();
    let placed = 0;
    const now = Date.now();
    const slots = placements.map(([row, state]) => (this.#states.get(row) === state ? badgeSlot(row) : null));
    const overlays = placements.map(([row], i) => slots[i] !== null && isPlacedRow(row));
    placements.forEach(([row, state], i) => {
      const slot = slots[i];
      if (!slot) return;
      setBadgeFit(state.host, overlays[i] ? 'overlay' : 'inline');
      slot.append(state.host);
      state.placedAt = now;
      placed++;
      this.#placements++;
      // Only a badge in a cell can be moved elsewhere in its row (an observer costs a rendering step).
      if (slot !== row) this.#watchBox(state.host);
      if (!overlays[i]) this.#checkClippingLater(row, state);
    });
    return placed;
  }

  /**
   * Marks a badge given up on after quick removals to come back once its row has been quiet for
   * QUIET_RETRY_MS, at most MAX_QUIET_RETRIES times; one quick removal after that gives up again.
   */
  #retryWhenQuiet(row: Element, state: RowState): void {
    const view = row.ownerDocument.defaultView;
    // A page that answered each badge with new text (quick rewrites) did so on purpose: no retry.
    const answered = state.quickRewrites > MAX_QUICK_REWRITES;
    if (answered || state.quietRetries >= MAX_QUIET_RETRIES || !view) return;
    this.#waitingForQuiet.set(row, state);
    this.#checkQuietIn(view, QUIET_RETRY_MS);
  }

  /** Starts the quiet timer unless it runs already (it fires no later than a new row needs). */
  #checkQuietIn(view: Window, delay: number): void {
    if (this.#quietTimer) return;
    this.#quietTimer = { view, id: view.setTimeout(() => this.#checkQuiet(), delay) };
  }

  /**
   * Rows quiet long enough are handed to the next commit with one more chance to stay; the others
   * are looked at again when the soonest of them will have been quiet long enough.
   */
  #checkQuiet(): void {
    const view = this.#quietTimer?.view;
    this.#quietTimer = null;
    const now = Date.now();
    let due = false;
    let soonest = Infinity;
    for (const [row, state] of this.#waitingForQuiet) {
      const quietFor = now - state.touchedAt;
      if (this.#states.get(row) !== state || !row.isConnected || this.isPlaced(row, state)) {
        this.#waitingForQuiet.delete(row);
      } else if (quietFor < QUIET_RETRY_MS) {
        soonest = Math.min(soonest, QUIET_RETRY_MS - quietFor);
      } else {
        this.#waitingForQuiet.delete(row);
        state.quietRetries++;
        state.reinsertions = MAX_REINSERTIONS;
        this.#unplaced.add(row);
        due = true;
      }
    }
    if (view && soonest < Infinity) this.#checkQuietIn(view, soonest);
    if (due) this.#requestCommit();
  }

  /**
   * Once the browser has laid the badge's cell out, finds a badge the cell cuts off (clippedFit)
   * and moves it where it shows. A ResizeObserver reports right after the browser's own layout,
   * so the reads find it clean: read any earlier (in an animation callback, or in a task while
   * the parser or the page dirties the layout) they force the layout of a whole 10,000-row log
   * into our task. All reads first, then all writes. Checked again when a label grows.
   */
  #checkClippingLater(row: Element, state: RowState): void {
    const slot = state.host.parentElement;
    const view = row.ownerDocument.defaultView;
    if (!slot || slot === row || !view || typeof view.ResizeObserver !== 'function') return;
    this.#inCells.set(slot, state);
    this.#cellWatcher ??= new view.ResizeObserver((entries) => this.#fitClipped(entries));
    this.#cellWatcher.observe(slot);
  }

  #fitClipped(entries: readonly ResizeObserverEntry[]): void {
    const placed: [RowState, Element][] = [];
    for (const { target } of entries) {
      this.#cellWatcher?.unobserve(target);
      const state = this.#inCells.get(target);
      this.#inCells.delete(target);
      if (state && state.host.parentNode === target) placed.push([state, target]);
    }
    const fits = placed.map(([, slot]) => clippedFit(slot));
    placed.forEach(([state, slot], i) => {
      const fit = fits[i];
      if (!fit) return;
      setBadgeFit(state.host, fit);
      if (fit === 'first') slot.prepend(state.host);
    });
  }

  /** Watches the badge's button: the host is inline, and ResizeObserver reports no size for inline boxes. */
  #watchBox(host: HTMLElement): void {
    const view = host.ownerDocument.defaultView;
    const button = badgeButton(host);
    if (!view || !button || typeof view.ResizeObserver !== 'function') return;
    this.#boxWatcher ??= new view.ResizeObserver((entries) =>
      this.#rehomeBoxless(
        entries
          .filter(({ contentRect }) => contentRect.width === 0 && contentRect.height === 0)
          .map(({ target }) => (target.getRootNode() as ShadowRoot).host),
      ),
    );
    this.#boxWatcher.observe(button);
  }

  #unwatchBox(host: Element): void {
    const button = badgeButton(host);
    if (button) this.#boxWatcher?.unobserve(button);
  }

  /**
   * A badge that lost its box while its cell is still shown is drawn nowhere: the page attached a
   * shadow root with no slot for it to the cell, which no mutation record reports. It moves to a
   * neighbouring cell of its row, or up to the cell's parent inside the row, and is checked again
   * in the next frame (a size that stays zero is reported no more). A row's badge moves
   * MAX_REHOMES times at most until the row gets new text, however many reports come.
   */
  #rehomeBoxless(hosts: readonly Element[]): void {
    const moves: [Element, Element, RowState][] = [];
    const unhidden: [Element, RowState][] = [];
    for (const host of hosts) {
      const slot = host.parentElement;
      const row = this.#owners.get(host);
      const state = row && this.#states.get(row);
      if (!slot || !row || !state || state.rehomes >= MAX_REHOMES) continue;
      if (slot === row || !row.contains(slot) || host.getClientRects().length > 0) continue;
      // A cell the page hid, or one content-visibility skips, has no box to draw the badge in
      // either. A hidden one may be a column the page's style drops (the commit chose the cell
      // without reading style): the badge goes to the last cell shown. With none shown it stays:
      // in the row itself it would be one more cell of the page's table or grid.
      if (!slot.checkVisibility({ contentVisibilityAuto: true })) {
        const shown = slot.checkVisibility() ? slot : shownSlot(row);
        if (shown !== slot && shown !== row) {
          moves.push([host, shown, state]);
          unhidden.push([row, state]);
        }
        continue;
      }
      const to = [slot.previousElementSibling, slot.nextElementSibling, slot.parentElement].find(
        (el): el is Element => !!el && row.contains(el) && !isOurs(el),
      );
      if (to) moves.push([host, to, state]);
    }
    for (const [host, to, state] of moves) {
      to.append(host);
      state.rehomes++;
    }
    for (const [row, state] of unhidden) {
      // As a commit does: an inline badge in its new cell is checked for clipping once laid out.
      if (!state.host.hasAttribute(BADGE_FIT)) this.#checkClippingLater(row, state);
    }
    const view = moves[0]?.[0].ownerDocument.defaultView;
    view?.requestAnimationFrame(() => this.#rehomeBoxless(moves.map(([host]) => host)));
  }

  /** Counts a removal of the badge by the page. */
  noteRemoved(row: Element): void {
    const state = this.#states.get(row);
    if (state) countRemoval(state);
  }

  /** Removes a row's badge and state. */
  remove(row: Element): void {
    const state = this.#states.get(row);
    if (!state) return;
    state.host.remove();
    this.#unwatchBox(state.host);
    this.#states.delete(row);
    this.#rows.delete(row);
    this.#unplaced.delete(row);
    this.#waitingForQuiet.delete(row);
  }

  /**
   * Removes the badges whose hosts are inside `root` (a part of the page the user now edits);
   * returns their rows. Found from the root's own hosts: walking every annotated row on each
   * keystroke in a chat composer would cost as many `contains` calls as the page has badges.
   */
  removeWithin(root: ParentNode): Element[] {
    const inside: Element[] = [];
    for (const host of root.querySelectorAll(`[${OUR_ATTRIBUTE}="badge"]`)) {
      const row = this.#owners.get(host);
      if (row && this.#states.get(row)?.host === host) inside.push(row);
    }
    for (const row of inside) this.remove(row);
    return inside;
  }

  /** How many badges have entered the page so far (grows with each commit that places one). */
  get placements(): number {
    return this.#placements;
  }

  /** Forgets rows that left the document; returns how many. */
  prune(): number {
    let removed = 0;
    for (const row of this.#rows) {
      if (!row.isConnected) {
        const host = this.#states.get(row)?.host;
        if (host) this.#unwatchBox(host);
        this.#rows.delete(row);
        this.#states.delete(row);
        this.#unplaced.delete(row);
        this.#waitingForQuiet.delete(row);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Re-renders every badge whose view changed (new diagnoses or density). A reply that brings one
   * new diagnosis leaves the other badges alone: re-rendering each of a thousand badges, and
   * checking its clipping again, on every such reply took 56 of our 1,350 ms of script time in a
   * CPU profile of the bench's 10,000-row insertion.
   */
  rerender(): void {
    for (const row of this.#rows) {
      const state = this.#states.get(row);
      if (!state) continue;
      const view = this.#present(state.finding, state.others);
      if (showsTheSame(badgeView(state.host), view)) continue;
      renderBadge(state.host, view);
      if (!state.host.hasAttribute(BADGE_FIT)) this.#checkClippingLater(row, state);
    }
  }

  /** Removes every badge. */
  clear(): void {
    for (const row of this.#rows) this.#states.get(row)?.host.remove();
    this.#rows.clear();
    this.#unplaced.clear();
    this.#waitingForQuiet.clear();
    if (this.#quietTimer) this.#quietTimer.view.clearTimeout(this.#quietTimer.id);
    this.#quietTimer = null;
    this.#states = new WeakMap();
    this.#cellWatcher?.disconnect();
    this.#boxWatcher?.disconnect();
    this.#inCells = new WeakMap();
  }

  /** Annotated rows still in the document, in insertion order. */
  *entries(): Iterable<[Element, RowState]> {
    for (const row of this.#rows) {
      const state = this.#states.get(row);
      if (state && row.isConnected) yield [row, state];
    }
  }

  get size(): number {
    return this.#rows.size;
  }

  #removeAnnotatedAncestors(row: Element): void {
    for (let el = row.parentElement; el; el = el.parentElement) if (this.#states.has(el)) this.remove(el);
  }

  /**
   * One badge per row chain, the innermost: copies of our hosts (a page cloning a row) and
   * left-overs of an earlier instance inside the row go, and so do annotated ancestor rows. An
   * element that only carries our attribute is page content and stays (src/content/page/ownership.ts).
   * True when annotated rows sit inside this one: then it keeps no badge itself.
   */
  #removeOtherBadges(row: Element): boolean {
    const own = this.#states.get(row)?.host;
    let inner = false;
    for (const other of row.querySelectorAll(`[${OUR_ATTRIBUTE}="badge"]`)) {
      if (other === own) continue;
      const owner = this.#owners.get(other);
      if (owner && owner !== row && this.#states.get(owner)?.host === other) inner = true;
      else if (isOwnOrCopy(other)) other.remove();
    }
    if (inner) return true;
    let ancestor = row.parentElement;
    for (let i = 0; ancestor && i < MAX_ROW_DEPTH; i++, ancestor = ancestor.parentElement) {
      if (this.#states.has(ancestor)) this.remove(ancestor);
    }
    return false;
  }
}

/** True when a badge showing `shown` would draw `next` the same (the diagnosis compared as the store keeps it). */
function showsTheSame(shown: BadgeView | undefined, next: BadgeView): boolean {
  return (
    shown !== undefined &&
    shown.finding === next.finding &&
    shown.others === next.others &&
    shown.diagnosis === next.diagnosis &&
    shown.density === next.density
  );
}
