// Wires one content-script instance: adapter, scanner, badges, snapshots, lifecycle, and the
// on-demand extras (field checks, network, credential and rate-limit detectors, card, redaction).
import type { Finding } from '../engine/types';
import { adapterFor, type SiteAdapter } from '../providers';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { Annotations } from './badges/annotations';
import { badgeView, type BadgeView, type CardOpener } from './badges/badge';
import { DiagnosisStore } from './badges/diagnoses';
import { primaryFinding } from './badges/findings';
import { OUR_ATTRIBUTE, queryAll } from './page/dom';
import { createEditorFields } from './fields/editor-fields';
import type { ContentExtras } from './runtime/extras-api';
import { createExtrasLoader, type ExtrasLoader } from './runtime/extras-loader';
import { preloadWhenIdle } from './runtime/extras-preload';
import { watchEditing } from './runtime/editing-watch';
import { watchFramePresence } from './runtime/frame-presence';
import { isOwnOrCopy } from './page/ownership';
import { startLifecycle, watchNavigation, watchSameDocumentNavigations, type Lifecycle } from './runtime/lifecycle';
import {
  answerScanStats,
  extensionAlive,
  type ContentSettings,
  isContextInvalidated,
  loadExtras,
  loadSettings,
  sendFrameGone,
  sendSnapshot,
  watchSettings,
} from './runtime/messaging';
import { createRedactor } from './scan/redaction';
import { judgeRowIn, needsExtras, warmUpDetectors, warmUpExtraDetectors } from './scan/row-detect';
import { createDeferredWords } from './scan/deferred-words';
import { rowTextAsShown } from './scan/rows';
import { Scanner } from './scan/scanner';
import { unmatchedSelectors } from './scan/selector-misses';
import { createChunkRunner, type ChunkWork } from './scan/scheduler';
import { buildSnapshot, createSnapshotSender, pageAddress, type SnapshotSender } from './scan/snapshot';

export interface ContentApp {
  readonly adapter: SiteAdapter;
  readonly lifecycle: Lifecycle;
  readonly extras: ExtrasLoader;
  /** Resolves once the scan, a pending extras load and the field check settled (tests). */
  settle(): Promise<void>;
  /** Sends the current snapshot now (tests). */
  flushSnapshot(): Promise<void>;
  stop(): void;
}

/** What a test may change of the start (the product uses the defaults). */
export interface StartOptions {
  /** Load content-extras.js in idle time after load on an ESP's pages (default true). */
  readonly preloadExtras?: boolean;
}

/** Starts the content script in a window; null when the user turned this provider off. */
export async function startContentScript(win: Window = window, options: StartOptions = {}): Promise<ContentApp | null> {
  const doc = win.document;
  const adapter = adapterFor(win.location.hostname);
  const lifecycle = startLifecycle(doc, extensionAlive, isContextInvalidated);
  /** Chunks of warm-up work, each in a task of its own. */
  // Warm-up chunks started while the document loads are urgent, as the parser walkers are: at
  // normal priority they got a turn only now and then between parser tasks, so a server-rendered
  // log's network and credential rows waited for the extras' warm-up until after DOMContentLoaded
  // and were badged in a second commit (a trace of 10,000 rows: warm-up spread over 3.5 s).
  const makeRunner = (work: ChunkWork) => {
    const runner = createChunkRunner(win, work, () => undefined);
    runner.setUrgent(doc.readyState === 'loading');
    return runner;
  };
  // Injected at document_start: settings are read while the parser has barely begun, and the
  // detectors' regexes get compiled in small tasks of their own, not in the first scan chunk.
  // Then the scanner follows the parser, so a server-rendered log is badged as it is parsed.
  const [settings] = await Promise.all([loadSettings().catch((): ContentSettings => DEFAULT_SETTINGS), warmUpDetectors(makeRunner)]);
  if (!lifecycle.alive) return null;
  if (adapter.provider && !settings.providers[adapter.provider]) {
    lifecycle.teardown();
    return null;
  }
  let density = settings.badgeDensity;
  const fail = (error: unknown) => lifecycle.fail(error);

  removeStrayElements(doc);
  /** Rows the extras' detectors may report on: judged again when they arrive. */
  const waitingRows = new Set<Element>();
  const extras = createExtrasLoader(
    loadExtras,
    (loaded) => onExtras(loaded),
    (error) => {
      waitingRows.clear();
      fail(error);
    },
  );
  /**
   * content-extras.js as rows are judged with it: only once its detectors are warm (compiling their
   * regexes in the first chunk that used them made that chunk a long task). Until then rows that
   * need it wait, and are judged when it is ready (or without it, when the scan cannot wait).
   */
  let rowExtras: ContentExtras | null = null;
  let markRowExtrasReady = (): void => undefined;
  const rowExtrasReady = new Promise<void>((resolve) => (markRowExtrasReady = resolve));
  // A row that needs them waits for them, judged once when they are in (a first judgement without
  // them sent a third of the rows of a 10,000-row insertion through the detectors twice); the scanner
  // judges it without them only when its commit does not wait for them.
  const detect = (text: string, row: Element, mayWait: boolean): Finding[] | null => {
    if (!rowExtras && needsExtras(text)) {
      waitingRows.add(row);
      void extras.load();
      if (mayWait) {
        laterWords.drop(row);
        return null;
      }
    }
    // The receiver's words of a badged row are read once the badges are in (not while the page loads).
    const judged = judgeRowIn(doc, text, rowExtras);
    const shown = judged.complete && primaryFinding(judged.findings);
    if (shown && judged.complete) laterWords.add(row, shown, judged.complete);
    else laterWords.drop(row);
    return judged.findings;
  };
  // The card lives in content-extras.js: the first click loads it, then opens the card with what
  // the badge shows by then (a diagnosis may have arrived meanwhile).
  const openCard: CardOpener = (shadow, anchor, view, refresh = false) => {
    if (extras.current) extras.current.openCard(shadow, anchor, view, refresh);
    else if (!refresh)
      void extras.load().then((loaded) => anchor.isConnected && loaded?.openCard(shadow, anchor, badgeView(shadow.host) ?? view));
  };

  const diagnoses = new DiagnosisStore();
  const present = (finding: Finding, others: number): BadgeView => ({ finding, others, diagnosis: diagnoses.lookup(finding), density });
  const annotations = new Annotations(present, openCard);

  let sender: SnapshotSender | null = null;
  const fields = createEditorFields(doc, adapter, extras, () => sender?.schedule(), fail, lifecycle.signal);
  const navigation = watchNavigation(win, lifecycle.signal, () => {
    // SPA route change: what was shown belongs to the old page.
    extras.current?.closeOpenCard();
    annotations.clear();
    laterWords.clear();
    fields.clear();
    scanner.reset();
    scanner.rescanAll();
    fields.schedule();
    sender?.schedule();
  });
  // Content made editable after its badges were placed: they leave it, or the page would save them.
  const editing = watchEditing(
    win,
    lifecycle.signal,
    {
      remove: (root) => {
        const rows = annotations.removeWithin(root);
        if (rows.length > 0) sender?.schedule();
        return rows;
      },
      // Editing over: their badges come back (the scanner's observer does not see attributes),
      // and rows the page added meanwhile get theirs.
      restore: (root, rows) => {
        scanner.recheck(rows);
        scanner.rescanWithin(root);
      },
      placements: () => annotations.placements,
      badgeCount: () => annotations.size,
      badgeHosts: () => Array.from(annotations.entries(), ([, state]) => state.host),
    },
    fail,
  );
  const scanner = new Scanner(doc, adapter, annotations, {
    detect,
    onRowsChanged: () => {
      editing.check(); // badges came or went: the editing poll starts or stops with them
      sender?.schedule();
    },
    // The toolbar and popup follow the badges during a long scan too (throttled by the sender).
    onCommitted: () => sender?.schedule(),
    onFieldsTouched: () => fields.schedule(),
    // Rows that wait for content-extras.js are judged again when it arrives: their badges and
    // the scan's enter the page together.
    recheckSoon: () => (!rowExtras && waitingRows.size > 0 ? rowExtrasReady : null),
    beforeBatch: () => {
      if (!extensionAlive()) {
        lifecycle.teardown();
        return true;
      }
      editing.check();
      return navigation.check();
    },
    onError: fail,
  });
  const laterWords = createDeferredWords(
    win,
    annotations,
    () => scanner.whenIdle(),
    () => sender?.schedule(),
    fail,
  );
  const redact = createRedactor(extras);
  sender = createSnapshotSender({
    win,
    build: () =>
      buildSnapshot({
        url: pageAddress(win.location, redact),
        provider: adapter.provider,
        endpointUrl: fields.endpointUrl(),
        rows: mapRows(annotations, adapter),
        fields: fields.issues(),
        redact,
      }),
    send: sendSnapshot,
    onReply: (reply) => {
      if (diagnoses.merge(reply)) annotations.rerender();
    },
    onError: fail,
  });

  function onExtras(loaded: ContentExtras): void {
    if (!lifecycle.alive) return;
    fields.upgrade(loaded);
    sender?.schedule(); // samples held back for want of the redactor can go now
    void warmUpExtraDetectors(loaded, makeRunner).then(() => {
      if (!lifecycle.alive) return;
      rowExtras = loaded;
      markRowExtrasReady();
      scanner.recheck(waitingRows);
      waitingRows.clear();
    }, fail);
  }

  lifecycle.onTeardown(() => {
    sender?.cancel();
    scanner.stop();
    laterWords.clear();
    extras.current?.closeOpenCard();
    annotations.clear();
    fields.stop();
    waitingRows.clear();
  });

  watchSettings((next) => {
    try {
      if (adapter.provider && !next.providers[adapter.provider]) {
        // Turned off: clear the toolbar count, then leave the page as it was.
        scanner.stop();
        annotations.clear();
        fields.clear();
        void sender?.flush(true).finally(() => lifecycle.teardown());
        return;
      }
      if (next.badgeDensity !== density) {
        density = next.badgeDensity;
        annotations.rerender();
      }
    } catch (error) {
      fail(error);
    }
  }, lifecycle.signal);

  answerScanStats(
    () => ({
      ...scanner.stats,
      badges: annotations.size,
      extrasLoaded: extras.current !== null,
      unmatchedSelectors: unmatchedSelectors(doc, adapter),
    }),
    lifecycle.signal,
  );

  watchFramePresence(win, lifecycle.signal, { gone: sendFrameGone, shown: () => void sender?.flush(true) });
  watchSameDocumentNavigations(win, lifecycle.signal, () => sender?.resend());
  scanner.start();
  fields.check();
  // Only on an ESP's pages (the adapters' hosts), where a log is what the user came for.
  if (adapter.provider && options.preloadExtras !== false) preloadWhenIdle(win, () => void extras.load(), lifecycle.signal);
  // In a task of its own: the look for editor fields reads the whole document (25 ms on 100,000
  // rows), and DOMContentLoaded runs in the parser's last task, with the scanner's last catch-up.
  const checkFieldsSoon = () => win.setTimeout(() => lifecycle.alive && fields.check(), 0);
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', checkFieldsSoon, { once: true, signal: lifecycle.signal });
  void sender.flush(true); // the first snapshot replaces whatever the worker held for this frame

  return {
    adapter,
    lifecycle,
    extras,
    async settle() {
      await scanner.whenIdle();
      fields.check();
      await extras.settled(); // a load that rows or fields asked for, and the rechecks it brings
      if (extras.current) await rowExtrasReady;
      await scanner.whenIdle();
      await laterWords.whenIdle();
      fields.check();
    },
    flushSnapshot: () => sender?.flush(true) ?? Promise.resolve(),
    stop: () => lifecycle.teardown(),
  };
}

function* mapRows(annotations: Annotations, adapter: SiteAdapter): Iterable<{ finding: Finding; text: () => string }> {
  for (const [row, state] of annotations.entries()) yield { finding: state.finding, text: () => rowTextAsShown(row, adapter) };
}

/**
 * Badges and warnings left by an earlier instance (its context died before it could clean up).
 * Only elements proven ours go: the page may use our attribute on its own content.
 */
function removeStrayElements(doc: Document): void {
  for (const el of queryAll(doc, `[${OUR_ATTRIBUTE}]`)) if (isOwnOrCopy(el)) el.remove();
}
