// The content script's row scanner over generated pages (happy-dom, no browser): random trees of
// rows, cells, lists, scripts, editors and open shadow roots, then random page edits. After every
// settle the badges must match what the detectors say about each row's text, one per row chain,
// on every failing row the scanner can reach, and the scanner must never report an error.
import fc from 'fast-check';
import { Window as HappyWindow } from 'happy-dom';
import { Annotations } from '../../src/content/badges/annotations';
import type { BadgeView } from '../../src/content/badges/badge';
import { OUR_ATTRIBUTE } from '../../src/content/page/dom';
import { badgeAttributes, primaryFinding } from '../../src/content/badges/findings';
import { ERROR_HINT, rowFor, rowText } from '../../src/content/scan/rows';
import { Scanner } from '../../src/content/scan/scanner';
import { detectAll } from '../../src/engine/detect';
import type { Finding } from '../../src/engine/types';
import { generic } from '../../src/providers/generic';
import { logText, spacedLogText } from './vocabulary';

export type NodeSpec = { text: string } | ElementSpec;

export interface ElementSpec {
  tag: string;
  attribute: string;
  children: NodeSpec[];
  /** Children of an open shadow root on this element, when set. */
  shadow: NodeSpec[] | null;
}

export type EditSpec =
  | { op: 'append'; target: number; node: NodeSpec }
  | { op: 'remove'; target: number }
  | { op: 'text'; target: number; text: string }
  | { op: 'replace'; target: number; nodes: NodeSpec[] };

const TAGS = [
  'div',
  'span',
  'p',
  'ul',
  'li',
  'table',
  'tbody',
  'tr',
  'td',
  'section',
  'b',
  'pre',
  'code',
  'script',
  'style',
  'textarea',
  'button',
  'a',
];
const ATTRIBUTES = ['', '', '', 'class=line', 'class=cell', 'role=row', 'contenteditable=true', 'hidden='];

const text: fc.Arbitrary<NodeSpec> = fc
  .oneof(logText, spacedLogText, fc.constantFrom('HTTP 500 Internal Server Error', 'ok', '200 OK', 'Bearer ###'))
  .map((t) => ({ text: t }));

const trees = fc.letrec<{ node: NodeSpec; element: ElementSpec }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('element')),
  element: fc.record({
    tag: fc.constantFrom(...TAGS),
    attribute: fc.constantFrom(...ATTRIBUTES),
    children: fc.array(tie('node'), { maxLength: 5 }),
    shadow: fc.option(fc.array(tie('node'), { maxLength: 3 }), { freq: 8 }),
  }),
}));

export const pageSpec = fc.array(trees.node, { minLength: 1, maxLength: 8 });

/** Inline content of a table cell: text, spans, links, scripts and editors, never a row. */
const inline = fc.letrec<{ node: NodeSpec }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.record({
      tag: fc.constantFrom('span', 'b', 'code', 'a', 'script', 'textarea'),
      attribute: fc.constantFrom('', '', 'contenteditable=true'),
      children: fc.array(tie('node'), { maxLength: 3 }),
      shadow: fc.constant(null),
    }),
  ),
})).node;

const tableRow: fc.Arbitrary<NodeSpec> = fc.record({
  tag: fc.constant('tr'),
  attribute: fc.constant(''),
  children: fc.array(
    fc.record({
      tag: fc.constant('td'),
      attribute: fc.constant(''),
      children: fc.array(inline, { maxLength: 3 }),
      shadow: fc.constant(null),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  shadow: fc.constant(null),
});

/** A log table whose rows never nest (the common dashboard layout). */
export const flatTableSpec = fc
  .array(tableRow, { minLength: 1, maxLength: 12 })
  .map((rows): NodeSpec[] => [{ tag: 'table', attribute: '', children: rows, shadow: null }]);

/** Edits that keep rows flat: cell content added, text changed, elements removed. */
export const flatEditSpecs: fc.Arbitrary<EditSpec[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('append' as const), target: fc.nat(), node: inline }),
    fc.record({ op: fc.constant('remove' as const), target: fc.nat() }),
    fc.record({ op: fc.constant('text' as const), target: fc.nat(), text: logText }),
  ),
  { maxLength: 6 },
);

export const editSpecs = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('append' as const), target: fc.nat(), node: trees.node }),
    fc.record({ op: fc.constant('remove' as const), target: fc.nat() }),
    fc.record({ op: fc.constant('text' as const), target: fc.nat(), text: logText }),
    fc.record({ op: fc.constant('replace' as const), target: fc.nat(), nodes: fc.array(trees.node, { maxLength: 3 }) }),
  ),
  { maxLength: 6 },
);

function build(doc: Document, spec: NodeSpec): Node {
  if ('text' in spec) return doc.createTextNode(spec.text);
  const element = doc.createElement(spec.tag);
  if (spec.attribute) {
    const [name, value] = spec.attribute.split('=') as [string, string];
    element.setAttribute(name, value);
  }
  for (const child of spec.children) element.append(build(doc, child));
  if (spec.shadow) {
    const root = element.attachShadow({ mode: 'open' });
    for (const child of spec.shadow) root.append(build(doc, child));
  }
  return element;
}

/** Every root the scanner may look into: the document and open shadow roots, recursively. */
function roots(doc: Document): (Document | ShadowRoot)[] {
  const all: (Document | ShadowRoot)[] = [doc];
  for (let i = 0; i < all.length; i++) {
    for (const element of all[i]!.querySelectorAll('*')) if (element.shadowRoot) all.push(element.shadowRoot);
  }
  return all;
}

function isInsideOurs(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (el.hasAttribute(OUR_ATTRIBUTE)) return true;
  return false;
}

/** The page's own elements (never the badges we add), in document order, shadow roots included. */
function pageElements(doc: Document): Element[] {
  return roots(doc).flatMap((root) => [...root.querySelectorAll('*')].filter((el) => !el.hasAttribute(OUR_ATTRIBUTE) && !isInsideOurs(el)));
}

/**
 * How many elements the page holds, shadow roots and our badges included: the loop guard's
 * scale. A tree walk, not pageElements: happy-dom's querySelectorAll('*') over a 5,000-row table
 * took seconds per call, most of the big-table property's time, and timed it out under load.
 */
function elementCount(doc: Document): number {
  let count = 0;
  const pending: Node[] = [doc];
  for (let root = pending.pop(); root; root = pending.pop()) {
    const walker = doc.createTreeWalker(root, 0x1);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      count++;
      const shadow = (node as Element).shadowRoot;
      if (shadow) pending.push(shadow);
    }
  }
  return count;
}

function textNodes(doc: Document): Text[] {
  const out: Text[] = [];
  for (const root of roots(doc)) {
    const walker = doc.createTreeWalker(root, 0x4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!isInsideOurs(node)) out.push(node as Text);
  }
  return out;
}

/** Applies one page edit; returns the text nodes it added or changed. */
function edit(doc: Document, spec: EditSpec): Text[] {
  const elements = pageElements(doc).filter((el) => el !== doc.body && el !== doc.documentElement && el !== doc.head);
  const target = elements.length > 0 ? elements[spec.target % elements.length] : undefined;
  const added = (nodes: Node[]): Text[] => {
    (target ?? doc.body)[spec.op === 'replace' ? 'replaceChildren' : 'append'](...nodes);
    return nodes.flatMap((node) => textNodesIn(doc, node));
  };
  switch (spec.op) {
    case 'append':
      return added([build(doc, spec.node)]);
    case 'replace':
      return added(spec.nodes.map((node) => build(doc, node)));
    case 'remove':
      target?.remove();
      return [];
    case 'text': {
      const texts = textNodes(doc);
      const node = texts.length > 0 ? texts[spec.target % texts.length] : undefined;
      if (!node) return [];
      node.data = spec.text;
      return [node];
    }
  }
}

/** The text nodes of a subtree, its open shadow roots included. */
function textNodesIn(doc: Document, node: Node): Text[] {
  if (node.nodeType === 3) return [node as Text];
  const out: Text[] = [];
  const walker = doc.createTreeWalker(node, 0x1 | 0x4);
  for (let next = walker.nextNode(); next; next = walker.nextNode()) {
    if (next.nodeType === 3) out.push(next as Text);
    else if ((next as Element).shadowRoot)
      for (const child of (next as Element).shadowRoot!.childNodes) out.push(...textNodesIn(doc, child));
  }
  return out;
}

const primaryOf = (row: Element): Finding | undefined => primaryFinding(detectAll(rowText(row, generic)));

function describe(row: Element): string {
  return `<${row.tagName.toLowerCase()}> "${rowText(row, generic).slice(0, 200)}"`;
}

/**
 * The invariants that must hold whenever the scanner is idle. `reached` are the text nodes the
 * scanner was told about (the whole page after a full scan, the added or changed text after
 * edits): each failing row they belong to must be badged.
 */
function checkBadges(doc: Document, annotations: Annotations, reached: readonly Text[]): void {
  const annotated = new Map(annotations.entries());
  for (const root of roots(doc)) {
    for (const host of root.querySelectorAll(`[${OUR_ATTRIBUTE}="badge"]`)) {
      const owner = annotations.ownerOf(host);
      if (!owner || annotated.get(owner)?.host !== host || !owner.contains(host)) {
        throw new Error(`a badge that no annotated row owns, in ${host.parentElement ? describe(host.parentElement) : 'nothing'}`);
      }
    }
  }
  for (const [row, state] of annotated) {
    const primary = primaryOf(row);
    if (!primary) throw new Error(`a badge on a row without findings: ${describe(row)}`);
    const expected = badgeAttributes(primary);
    const shown = { code: state.host.getAttribute('data-code') ?? '', problem: state.host.getAttribute('data-problem') ?? '' };
    if (shown.code !== expected.code || shown.problem !== expected.problem) {
      throw new Error(`badge ${JSON.stringify(shown)} but the row says ${JSON.stringify(expected)}: ${describe(row)}`);
    }
    const inside = row.querySelectorAll(`[${OUR_ATTRIBUTE}="badge"]`).length;
    if (inside !== 1) throw new Error(`${inside} badges inside one row: ${describe(row)}`);
  }
  // Every failing row the scanner reached is badged (itself, or a row around it or inside it).
  for (const node of reached) {
    if (!node.isConnected || isInsideOurs(node) || !ERROR_HINT.test(node.data)) continue;
    const row = rowFor(node, generic);
    if (!row || !primaryOf(row)) continue;
    const covered = [...annotated.keys()].some((other) => other === row || other.contains(row) || row.contains(other));
    if (!covered) throw new Error(`a failing row without a badge: ${describe(row)}`);
  }
}

let shared: HappyWindow | null = null;

/** One happy-dom window for all runs (creating one per run costs more than the run). */
function page(): { win: Window; doc: Document } {
  shared ??= new HappyWindow({ url: 'https://logs.example.com/webhooks', settings: { enableJavaScriptEvaluation: false } });
  const win = shared as unknown as Window;
  win.document.body.replaceChildren();
  return { win, doc: win.document };
}

const present = (finding: Finding, others: number): BadgeView => ({ finding, others, diagnosis: undefined, density: 'full' });

/** Rows judged per element of the page before a scan counts as never settling (a loop). */
const JUDGEMENTS_PER_ELEMENT = 50;
/**
 * Tasks a settle may take, beyond one per element: a finite scan of the small pages needs a
 * handful. The scanner's work per task ends at a deadline, so a big page of heavy rows on a busy
 * machine takes a task for every few rows: a fixed cap failed the 5,000-row property under load
 * (rows are judged a bounded number of times: JUDGEMENTS_PER_ELEMENT catches a loop).
 */
const SETTLE_TASKS_BEYOND_ELEMENTS = 500;

interface Mounted {
  scanner: Scanner;
  annotations: Annotations;
  /** Waits until the scanner is idle; throws when it keeps working (or reported an error). */
  settle(): Promise<void>;
  stop(): void;
}

/** A scanner on the page with the generic adapter and every detector, its work bounded. */
function mount(win: Window, doc: Document): Mounted {
  const errors: unknown[] = [];
  const annotations = new Annotations(present, () => undefined);
  const budgetNow = () => JUDGEMENTS_PER_ELEMENT * (elementCount(doc) + 10);
  let judged = 0;
  let budget = budgetNow();
  let loop: string | null = null;
  const scanner: Scanner = new Scanner(doc, generic, annotations, {
    detect: (text) => {
      if (++judged > budget && loop === null) {
        loop = `the scanner judged rows ${judged} times without settling; last row: "${text.slice(0, 200)}"`;
        scanner.stop();
      }
      return detectAll(text);
    },
    onRowsChanged: () => undefined,
    onFieldsTouched: () => undefined,
    beforeBatch: () => false,
    onError: (error) => errors.push(error),
  });
  const idle = async (): Promise<boolean> => {
    let done = false;
    void scanner.whenIdle().then(() => (done = true));
    await Promise.resolve();
    return done;
  };
  return {
    scanner,
    annotations,
    async settle() {
      judged = 0;
      budget = budgetNow();
      let tasks = 0;
      const maxTasks = SETTLE_TASKS_BEYOND_ELEMENTS + elementCount(doc);
      do {
        await new Promise((resolve) => win.setTimeout(resolve, 0));
        if (loop !== null) throw new Error(loop);
      } while (!(await idle()) && ++tasks < maxTasks);
      if (tasks >= maxTasks) throw new Error(`the scanner was still busy after ${tasks} tasks`);
      if (errors.length > 0) throw new Error(`the scanner reported an error: ${String(errors[0])}`);
    },
    stop() {
      scanner.stop();
      annotations.clear();
      doc.body.replaceChildren();
    },
  };
}

/**
 * Makes every clock read of the window 5 ms later than the one before: each deadline check of the
 * scanner finds its time up, so work is cut into the smallest chunks (a very slow or busy machine).
 */
function slowClock(win: Window): () => void {
  const performance = win.performance;
  const own = Object.getOwnPropertyDescriptor(performance, 'now');
  let ticks = 0;
  const start = performance.now();
  Object.defineProperty(performance, 'now', { configurable: true, value: () => start + 5 * ++ticks });
  return () => {
    if (own) Object.defineProperty(performance, 'now', own);
    else delete (performance as { now?: unknown }).now;
  };
}

/**
 * Builds the page, scans it, edits it, and checks the invariants after each settle. With `slow`,
 * the scanner works in the smallest chunks (see slowClock).
 */
export async function scanGeneratedPage(pageNodes: readonly NodeSpec[], edits: readonly EditSpec[], slow = false): Promise<void> {
  const { win, doc } = page();
  for (const node of pageNodes) doc.body.append(build(doc, node));
  const restoreClock = slow ? slowClock(win) : () => undefined;
  const mounted = mount(win, doc);
  try {
    mounted.scanner.start();
    await mounted.settle();
    checkBadges(doc, mounted.annotations, textNodes(doc));
    const touched = edits.flatMap((spec) => edit(doc, spec));
    await mounted.settle();
    checkBadges(doc, mounted.annotations, touched);
  } finally {
    mounted.stop();
    restoreClock();
  }
}

/** A big generated table (the same cell texts in every row) must be scanned completely. */
export async function scanRepeatedPage(cellTexts: readonly string[], copies: number): Promise<void> {
  const { win, doc } = page();
  const table = doc.createElement('table');
  // createElement and append: happy-dom's insertRow() queries all rows on every call
  for (let i = 0; i < copies; i++) {
    const row = table.appendChild(doc.createElement('tr'));
    for (const cellText of cellTexts) row.appendChild(doc.createElement('td')).textContent = cellText;
  }
  doc.body.append(table);
  const mounted = mount(win, doc);
  try {
    mounted.scanner.start();
    await mounted.settle();
    const failing = [...table.querySelectorAll('tr')].filter((row) => primaryOf(row) !== undefined).length;
    const badged = [...mounted.annotations.entries()].length;
    if (failing !== badged) throw new Error(`${failing} failing rows, ${badged} badged`);
  } finally {
    mounted.stop();
  }
}
