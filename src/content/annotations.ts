// Which rows carry a badge, and from which text it was computed. Per-row state lives in WeakMaps;
// the one strong set of annotated rows is pruned of detached rows after every batch, so memory
// stays flat when a page keeps replacing its rows.
import type { Finding } from '../engine/types';
import { createBadge, renderBadge, type BadgeView } from './badge';
import { OUR_ATTRIBUTE } from './dom';
import { MAX_ROW_DEPTH, badgeSlot } from './rows';

export interface RowState {
  /** Hash of the row text the finding was computed from. */
  hash: number;
  finding: Finding;
  others: number;
  host: HTMLElement;
  /** How often the page removed our badge and we put it back. */
  reinsertions: number;
}

/** After this many removals by the page we stop putting a badge back (no fight with the page). */
const MAX_REINSERTIONS = 5;

export type Presenter = (finding: Finding, others: number) => BadgeView;

export class Annotations {
  private states = new WeakMap<Element, RowState>();
  private owners = new WeakMap<Element, Element>();
  private rows = new Set<Element>();

  constructor(private present: Presenter) {}

  get(row: Element): RowState | undefined {
    return this.states.get(row);
  }

  /** The row a badge host belongs to. */
  ownerOf(host: Element): Element | undefined {
    return this.owners.get(host);
  }

  /** Is the row's badge where it belongs (inside the row)? */
  isPlaced(row: Element, state: RowState): boolean {
    return state.host.parentNode !== null && row.contains(state.host);
  }

  /** Puts or updates the badge of a row; removes any other badge it or its ancestors carry. */
  annotate(row: Element, finding: Finding, others: number, hash: number): void {
    let state = this.states.get(row);
    if (!state) {
      state = { hash, finding, others, host: createBadge(row.ownerDocument), reinsertions: 0 };
      this.states.set(row, state);
      this.owners.set(state.host, row);
      this.rows.add(row);
    } else {
      state.hash = hash;
      state.finding = finding;
      state.others = others;
    }
    renderBadge(state.host, this.present(finding, others));
    this.removeOtherBadges(row, state.host);
    if (!this.isPlaced(row, state)) {
      if (state.host.parentNode) state.reinsertions++;
      if (state.reinsertions <= MAX_REINSERTIONS) badgeSlot(row).append(state.host);
    }
  }

  /** Counts a removal of the badge by the page. */
  noteRemoved(row: Element): void {
    const state = this.states.get(row);
    if (state) state.reinsertions++;
  }

  /** Removes a row's badge and state. */
  remove(row: Element): void {
    const state = this.states.get(row);
    if (!state) return;
    state.host.remove();
    this.states.delete(row);
    this.rows.delete(row);
  }

  /** Forgets rows that left the document; returns how many. */
  prune(): number {
    let removed = 0;
    for (const row of this.rows) {
      if (!row.isConnected) {
        this.rows.delete(row);
        this.states.delete(row);
        removed++;
      }
    }
    return removed;
  }

  /** Re-renders every badge (new diagnoses or density). */
  rerender(): void {
    for (const row of this.rows) {
      const state = this.states.get(row);
      if (state) renderBadge(state.host, this.present(state.finding, state.others));
    }
  }

  /** Removes every badge. */
  clear(): void {
    for (const row of this.rows) this.states.get(row)?.host.remove();
    this.rows.clear();
    this.states = new WeakMap();
  }

  /** Annotated rows still in the document, in insertion order. */
  *entries(): Iterable<[Element, RowState]> {
    for (const row of this.rows) {
      const state = this.states.get(row);
      if (state && row.isConnected) yield [row, state];
    }
  }

  get size(): number {
    return this.rows.size;
  }

  /**
   * One badge per row chain: badges of nested rows, clones (a page copying a row copies our empty
   * host) and left-overs of an earlier instance go; so does an annotated ancestor row.
   */
  private removeOtherBadges(row: Element, own: Element): void {
    for (const other of row.querySelectorAll(`[${OUR_ATTRIBUTE}="badge"]`)) {
      if (other === own) continue;
      const owner = this.owners.get(other);
      if (owner && owner !== row) this.remove(owner);
      else other.remove();
    }
    let ancestor = row.parentElement;
    for (let i = 0; ancestor && i < MAX_ROW_DEPTH; i++, ancestor = ancestor.parentElement) {
      if (this.states.has(ancestor)) this.remove(ancestor);
    }
  }
}
