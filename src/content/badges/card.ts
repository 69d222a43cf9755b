// The small card a badge opens: what the failure means, whether the ESP retries, the first fix
// steps and a pointer to the popup. A non-modal dialog inside the badge's shadow root: Escape or
// a click outside closes it and focus returns to the badge. It shows in the top layer (a manual
// popover): a fixed box inside a transformed or `contain`ed ancestor (a virtualised list's row)
// would be placed relative to that ancestor and clipped by it, and page elements with a higher
// z-index would cover it.
import type { BadgeView } from './badge';
import { plural, t } from '../../shared/i18n';
import { problemWords } from './findings';
import { applyStyles, FONT } from '../page/styles';

const MAX_STEPS = 3;

/** Added to the badge's shadow root when a card opens there. */
const CARD_CSS = `
.card{${FONT}position:fixed;inset:auto;margin:0;z-index:2147483647;box-sizing:border-box;width:min(340px,calc(100vw - 16px));
  max-height:min(420px,calc(100vh - 16px));overflow:auto;background:#fff;color:#1f2937;border:1px solid #d1d5db;
  border-radius:8px;box-shadow:0 10px 30px rgba(0,0,0,.2);padding:12px 14px;font-size:13px;line-height:1.45;
  text-align:left;white-space:normal}
.card:focus{outline:none}
.card h2{font-size:14px;margin:0 28px 6px 0;font-weight:700}
.card p{margin:0 0 8px}
.card ol{margin:0 0 8px;padding-left:20px}
.card li{margin:0 0 4px}
.card .label{font-weight:600}
.card .more,.card .hint{color:#4b5563;font-size:12px}
.card .close{position:absolute;top:6px;right:6px;border:0;background:transparent;font-size:18px;line-height:1;
  cursor:pointer;color:#4b5563;padding:4px 6px;border-radius:4px}
.card .close:focus-visible{outline:2px solid #2563eb}
@media (prefers-color-scheme:dark){
  .card{background:#1f2937;color:#f3f4f6;border-color:#4b5563}
  .card .more,.card .hint,.card .close{color:#d1d5db}
}`;

let openOne: { close: (restoreFocus: boolean) => void; refresh: (view: BadgeView) => void; anchor: HTMLElement } | null = null;

/** Closes the open card, if any. */
export function closeOpenCard(restoreFocus = false): void {
  openOne?.close(restoreFocus);
}

/**
 * Opens the card of a badge (toggles when it is already open). With `refresh`, only redraws the
 * badge's card when it is open: a card opened before the worker's diagnosis arrived showed "on
 * its way" for good.
 */
export function openCard(shadow: ShadowRoot, anchor: HTMLElement, view: BadgeView, refresh = false): void {
  if (refresh) {
    if (openOne?.anchor === anchor) openOne.refresh(view);
    return;
  }
  if (openOne?.anchor === anchor) {
    closeOpenCard(true);
    return;
  }
  closeOpenCard();
  const doc = anchor.ownerDocument;
  const card = buildCard(doc, view);
  applyStyles(shadow, CARD_CSS);
  card.setAttribute('popover', 'manual');
  shadow.append(card);
  showInTopLayer(card);
  placeBelow(card, anchor);
  anchor.setAttribute('aria-expanded', 'true');

  const onOutside = (event: Event) => {
    if (!event.composedPath().includes(card) && !event.composedPath().includes(anchor)) close(false);
  };
  const close = (restoreFocus: boolean) => {
    card.remove();
    anchor.setAttribute('aria-expanded', 'false');
    doc.removeEventListener('pointerdown', onOutside, true);
    if (openOne?.anchor === anchor) openOne = null;
    if (restoreFocus && anchor.isConnected) anchor.focus();
  };
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close(true);
    }
  });
  // On the card, not the button: a refresh draws a new close button.
  card.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('.close')) close(true);
  });
  const redraw = (next: BadgeView) => {
    card.replaceChildren(...buildCard(doc, next).childNodes);
    placeBelow(card, anchor);
  };
  doc.addEventListener('pointerdown', onOutside, true);
  openOne = { close, refresh: redraw, anchor };
  card.focus();
}

function buildCard(doc: Document, view: BadgeView): HTMLElement {
  const { diagnosis } = view;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const card = el('div', undefined, 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-modal', 'false');
  card.tabIndex = -1;
  const heading = el('h2', diagnosis?.title ?? fallbackTitle(view));
  heading.id = 'wd-card-title';
  card.setAttribute('aria-labelledby', heading.id);
  const close = el('button', '×', 'close');
  close.type = 'button';
  close.setAttribute('aria-label', t('cardClose'));
  card.append(close, heading);
  if (diagnosis) {
    card.append(el('p', diagnosis.meaning));
    if (diagnosis.retry.text) {
      const retry = el('p');
      retry.append(el('span', t('cardWillRetry'), 'label'), doc.createTextNode(` ${diagnosis.retry.text}`));
      card.append(retry);
    }
    const steps = diagnosis.steps.slice(0, MAX_STEPS);
    if (steps.length) {
      card.append(el('p', t('cardFirstSteps'), 'label'));
      const list = el('ol');
      for (const step of steps) list.append(el('li', step));
      card.append(list);
    }
  } else {
    card.append(el('p', t('cardPending'), 'more'));
  }
  if (view.others > 0) {
    card.append(el('p', plural('cardOthers', view.others), 'more'));
  }
  card.append(el('p', t('cardMore'), 'hint'));
  return card;
}

function fallbackTitle(view: BadgeView): string {
  const { finding } = view;
  if (finding.kind !== 'http') return problemWords(finding.problem);
  return finding.code === null ? t('tagHttp') : t('httpTitle', { code: finding.code });
}

function showInTopLayer(card: HTMLElement): void {
  try {
    card.showPopover();
  } catch {
    // No popover support: the card is still a fixed box at the top z-index.
  }
}

/** Space kept between the card and its badge, and between the card and the viewport's edges. */
const GAP = 6;
const MARGIN = 8;

/**
 * Fixed position under the badge (cells may clip absolute children), or above it when the card
 * fits there and not below; always inside the viewport: the card scrolls within the room it gets.
 */
function placeBelow(card: HTMLElement, anchor: HTMLElement): void {
  const root = anchor.ownerDocument.documentElement;
  // clientWidth/Height leave out the scrollbars, which innerWidth would count
  const viewWidth = root.clientWidth || 1024;
  const viewHeight = root.clientHeight || 768;
  const rect = anchor.getBoundingClientRect();
  const width = Math.min(340, viewWidth - 2 * MARGIN);
  card.style.width = `${width}px`;
  card.style.left = `${Math.max(MARGIN, Math.min(rect.left, viewWidth - width - MARGIN))}px`;
  // The card's own height at this width (its sheet caps it), before it is given a place.
  const height = card.getBoundingClientRect().height;
  const roomBelow = viewHeight - rect.bottom - GAP - MARGIN;
  const roomAbove = rect.top - GAP - MARGIN;
  const downwards = height <= roomBelow || roomBelow >= roomAbove;
  const room = Math.max(0, downwards ? roomBelow : roomAbove);
  if (height > room) card.style.maxHeight = `${room}px`;
  if (downwards) card.style.top = `${Math.max(MARGIN, rect.bottom + GAP)}px`;
  else card.style.bottom = `${Math.max(MARGIN, viewHeight - rect.top + GAP)}px`;
}
