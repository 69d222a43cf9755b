// Wires one content-script instance: adapter, scanner, badges, field checks, snapshots, lifecycle.
import type { Finding } from '../engine/types';
import { adapterFor } from '../sites';
import type { SiteAdapter } from '../sites/types';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { Annotations } from './annotations';
import type { BadgeView } from './badge';
import { closeOpenCard } from './card';
import { DiagnosisStore } from './diagnoses';
import { OUR_ATTRIBUTE, queryAll } from './dom';
import { FieldWatcher } from './field-watcher';
import { startLifecycle, watchNavigation, type Lifecycle } from './lifecycle';
import { extensionAlive, isContextInvalidated, loadSettings, sendSnapshot, watchSettings } from './messaging';
import { rowText } from './rows';
import { Scanner } from './scanner';
import { buildSnapshot, createSnapshotSender, type SnapshotSender } from './snapshot';

export interface ContentApp {
  readonly adapter: SiteAdapter;
  readonly lifecycle: Lifecycle;
  /** Resolves once the scan and the pending field check settled (tests). */
  settle(): Promise<void>;
  /** Sends the current snapshot now (tests). */
  flushSnapshot(): Promise<void>;
  stop(): void;
}

/** Starts the content script in a window; null when the user turned this provider off. */
export async function startContentScript(win: Window = window): Promise<ContentApp | null> {
  const doc = win.document;
  const adapter = adapterFor(win.location.hostname);
  const lifecycle = startLifecycle(doc, extensionAlive, isContextInvalidated);
  const settings = await loadSettings().catch((): Settings => DEFAULT_SETTINGS);
  if (!lifecycle.alive) return null;
  if (adapter.provider && !settings.providers[adapter.provider]) {
    lifecycle.teardown();
    return null;
  }
  let density = settings.badgeDensity;
  const fail = (error: unknown) => lifecycle.fail(error);

  removeStrayElements(doc);
  const diagnoses = new DiagnosisStore();
  const present = (finding: Finding, others: number): BadgeView => ({ finding, others, diagnosis: diagnoses.lookup(finding), density });
  const annotations = new Annotations(present);

  let sender: SnapshotSender | null = null;
  const fields = new FieldWatcher(doc, adapter, () => sender?.schedule(), fail, lifecycle.signal);
  const navigation = watchNavigation(win, lifecycle.signal, () => {
    // SPA route change: what was shown belongs to the old page.
    closeOpenCard();
    annotations.clear();
    fields.clear();
    scanner.reset();
    scanner.rescanAll();
    fields.schedule();
    sender?.schedule();
  });
  const scanner = new Scanner(doc, adapter, annotations, {
    onRowsChanged: () => sender?.schedule(),
    onFieldsTouched: () => fields.schedule(),
    beforeBatch: () => {
      if (!extensionAlive()) {
        lifecycle.teardown();
        return true;
      }
      return navigation.check();
    },
    onError: fail,
  });
  sender = createSnapshotSender({
    win,
    build: () =>
      buildSnapshot({
        url: win.location.href,
        provider: adapter.provider,
        endpointUrl: fields.endpointUrl(),
        rows: mapRows(annotations, adapter),
        fields: fields.issues(),
      }),
    send: sendSnapshot,
    onReply: (reply) => {
      if (diagnoses.merge(reply)) annotations.rerender();
    },
    onError: fail,
  });

  lifecycle.onTeardown(() => {
    sender?.cancel();
    scanner.stop();
    closeOpenCard();
    annotations.clear();
    fields.stop();
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

  scanner.start();
  fields.check();
  void sender.flush(true); // the first snapshot replaces whatever the worker held for this frame

  return {
    adapter,
    lifecycle,
    async settle() {
      await scanner.whenIdle();
      fields.check();
    },
    flushSnapshot: () => sender?.flush(true) ?? Promise.resolve(),
    stop: () => lifecycle.teardown(),
  };
}

function* mapRows(annotations: Annotations, adapter: SiteAdapter): Iterable<{ finding: Finding; text: () => string }> {
  for (const [row, state] of annotations.entries()) yield { finding: state.finding, text: () => rowText(row, adapter) };
}

/** Badges and warnings left by an earlier instance (its context died before it could clean up). */
function removeStrayElements(doc: Document): void {
  for (const el of queryAll(doc, `[${OUR_ATTRIBUTE}]`)) el.remove();
}
