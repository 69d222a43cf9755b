// The inline badge of a failing row (DESIGN.md contract 2): a span host with the contract
// attributes and an empty light DOM, its look in a closed shadow root, a real button inside.
// Every text is set with textContent: row text never becomes markup.
import type { Finding } from '../../engine/types';
import type { BadgeDiagnosis } from '../../shared/messages';
import { t } from '../../shared/i18n';
import type { BadgeDensity } from '../../shared/settings';
import { OUR_ATTRIBUTE } from '../page/dom';
import { markOwn } from '../page/ownership';
import { severityOf } from '../../engine/finding-model';
import { badgeAttributes, problemWords } from './findings';
import { badgeShort } from './badge-short';
import { applyStyles, BADGE_CSS, BADGE_FIT, icon, KEY_ICON } from '../page/styles';

export interface BadgeView {
  finding: Finding;
  /** Other problems found in the same row. */
  others: number;
  diagnosis: BadgeDiagnosis | undefined;
  density: BadgeDensity;
}

/**
 * Opens the card of a badge: its shadow root, the badge's button and what the badge shows; with
 * `refresh`, redraws the card only if it is open (the badge's view changed).
 */
export type CardOpener = (shadow: ShadowRoot, anchor: HTMLElement, view: BadgeView, refresh?: boolean) => void;

interface BadgeParts {
  shadow: ShadowRoot;
  button: HTMLButtonElement;
  view: BadgeView | null;
  openCard: CardOpener;
}

const parts = new WeakMap<Element, BadgeParts>();

/**
 * The one click handler every badge button shares (no closure per badge: at 1,000 badges that is
 * measurable heap). It stops the click so the row's own handler does not also run, and cancels
 * it so that a row that is a link (or sits in one) does not navigate away: the click was ours.
 */
function onBadgeClick(event: Event): void {
  event.stopPropagation();
  event.preventDefault();
  const button = event.currentTarget as Element;
  const root = button.getRootNode() as ShadowRoot;
  const state = parts.get(root.host);
  if (state?.view) state.openCard(state.shadow, state.button, state.view);
}

interface BlankBadge {
  host: HTMLElement;
  button: HTMLButtonElement;
}

/**
 * A host and a button with the attributes every badge starts with, per document, never inserted:
 * each badge clones them, one DOM call each instead of one per attribute (a big insertion makes
 * a thousand badges inside the page's own task).
 */
const blanks = new WeakMap<Document, BlankBadge>();

function blankBadge(doc: Document): BlankBadge {
  let blank = blanks.get(doc);
  if (!blank) {
    const host = doc.createElement('span');
    host.setAttribute(OUR_ATTRIBUTE, 'badge');
    const button = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    blanks.set(doc, (blank = { host, button }));
  }
  return blank;
}

/** Creates an empty badge host; `renderBadge` fills it; a click calls `openCard`. */
export function createBadge(doc: Document, openCard: CardOpener): HTMLElement {
  const blank = blankBadge(doc);
  const host = blank.host.cloneNode(false) as HTMLElement;
  markOwn(host);
  const shadow = host.attachShadow({ mode: 'closed' });
  applyStyles(shadow, BADGE_CSS, true);
  const button = blank.button.cloneNode(false) as HTMLButtonElement;
  button.addEventListener('click', onBadgeClick);
  shadow.append(button);
  parts.set(host, { shadow, button, view: null, openCard });
  return host;
}

const LABEL_SEPARATOR = ' · ';

/**
 * The short label: "403 · token refused", or the code alone in compact mode. The words are known
 * before the worker's diagnosis arrives, so the badge does not grow then (a relayout of the log).
 */
export function badgeLabel(view: BadgeView): string {
  const { code, kind, problem } = view.finding;
  const short = view.density === 'full' && (view.diagnosis?.short ?? badgeShort(view.finding));
  if (code !== null && kind === 'http') return short ? `${code}${LABEL_SEPARATOR}${short}` : `${code}`;
  if (short) return short;
  return code !== null ? `${code}${LABEL_SEPARATOR}${problemWords(problem)}` : problemWords(problem);
}

/**
 * How a badge sits in its row: after the row's text, over the row's (or a clipping cell's) end,
 * or compact before the text of a cell that clips (see BADGE_FIT).
 */
export type BadgeFit = 'inline' | 'overlay' | 'first';

/** Sets how the badge sits; the look for each lives in the badge's sheet. */
export function setBadgeFit(host: HTMLElement, fit: BadgeFit): void {
  if (fit !== 'inline') {
    if (host.getAttribute(BADGE_FIT) !== fit) host.setAttribute(BADGE_FIT, fit);
  } else if (host.hasAttribute(BADGE_FIT)) host.removeAttribute(BADGE_FIT);
}

/**
 * Badges' accessible names by problem title: one i18n lookup per title rather than one per badge
 * (getMessage takes about 10 µs in a Chromium content script; a log can have thousands of rows).
 */
const accessibleNames: Record<string, string> = Object.create(null);

function setIfChanged(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Updates attributes and look; cheap when nothing changed. */
export function renderBadge(host: HTMLElement, view: BadgeView): void {
  const state = parts.get(host);
  if (!state) return;
  const { code, problem } = badgeAttributes(view.finding);
  setIfChanged(host, 'data-code', code);
  setIfChanged(host, 'data-problem', problem);
  const label = badgeLabel(view);
  const severity = severityOf(view.finding);
  const previous = state.view;
  state.view = view;
  const { button } = state;
  // An open card shows the diagnosis that has just arrived (or changed).
  if (previous?.diagnosis !== view.diagnosis && button.getAttribute('aria-expanded') === 'true')
    state.openCard(state.shadow, button, view, true);
  // The diagnosis's title names the badge for screen readers; setting it lays nothing out.
  const title = view.diagnosis?.title ?? label;
  setIfChanged(button, 'aria-label', (accessibleNames[title] ??= t('badgeLabel', { title })));
  if (previous && badgeLabel(previous) === label && severityOf(previous.finding) === severity) return;
  const doc = host.ownerDocument;
  button.className = `pill ${severity}`;
  button.replaceChildren();
  if (severity === 'setup') button.append(icon(doc, KEY_ICON));
  // What follows the first " · " is left out where the badge must be compact (BADGE_FIT).
  const split = label.indexOf(LABEL_SEPARATOR);
  if (split < 0) button.append(doc.createTextNode(label));
  else {
    const more = doc.createElement('span');
    more.className = 'more';
    more.textContent = label.slice(split);
    button.append(doc.createTextNode(label.slice(0, split)), more);
  }
}

/** The shadow root of a badge (closed to the page; tests and the card need it). */
export function badgeShadow(host: Element): ShadowRoot | undefined {
  return parts.get(host)?.shadow;
}

/** The button a badge draws (an inline host reports no size; the button loses its box with the host's). */
export function badgeButton(host: Element): HTMLElement | undefined {
  return parts.get(host)?.button;
}

/** The view a badge currently shows. */
export function badgeView(host: Element): BadgeView | undefined {
  return parts.get(host)?.view ?? undefined;
}
