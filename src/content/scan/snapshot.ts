// What this frame shows, as one PageSnapshot: badged rows and field problems grouped by finding
// key and source, with a few redacted row samples. Sent to the worker throttled, and only when it changed.
import { findingKey, FindingGroups, type FindingSource } from '../../engine/finding-model';
import { clip, cutOutsideToken, oneLine, withoutBidiControls } from '../../engine/text';
import type { Finding, ProviderId } from '../../engine/types';
import { EXCERPT_LENGTH, SAMPLE_LENGTH, type BadgeDiagnosis, type PageSnapshot } from '../../shared/messages';
import type { FieldIssue } from '../fields/fields';
import { MAY_HOLD_SECRET } from '../../engine/secret-hints';

/** Text read for a sample before redaction (cut outside a token, redacted, then cut to its length). */
const SAMPLE_SOURCE_LENGTH = 2000;

/**
 * Makes text safe to send: secrets replaced by previews. Null when that cannot be done yet (the
 * redactor is in content-extras.js); such text is left out of the snapshot until it can.
 */
export type Redactor = (text: string) => string | null;

export interface SnapshotInput {
  url: string;
  provider: ProviderId | null;
  endpointUrl: string | null;
  rows: Iterable<{ finding: Finding; text: () => string }>;
  fields: readonly FieldIssue[];
  redact: Redactor;
}

/**
 * A row's text made safe to show: secrets redacted, bidi controls taken out (they could make a
 * sample read as another status), whitespace collapsed, cut short ('' when it cannot be made safe yet).
 */
export function sampleText(text: string, redact: Redactor): string {
  return clip(oneLine(withoutBidiControls(redact(cutOutsideToken(text, SAMPLE_SOURCE_LENGTH)) ?? '')), SAMPLE_LENGTH);
}

/**
 * The page's address as a snapshot carries it: its origin (which never holds user info) and its
 * path, without query or fragment; a path that could hold a secret (a webhook URL shown as a page)
 * goes through the redactor, and only the origin is sent while the redactor is not loaded yet. A
 * path with nothing secret-like is sent as the redactor would return it, without asking for the
 * redactor: every address has "://", and asking would load the extras on every page.
 */
export function pageAddress(location: Pick<Location, 'origin' | 'pathname'>, redact: Redactor): string {
  const address = location.origin + location.pathname;
  if (!MAY_HOLD_SECRET.test(location.pathname)) return address;
  return redact(address) ?? location.origin;
}

/** One group per finding key and source; a row counts once (its badge's finding), a field once per problem. */
export function buildSnapshot(input: SnapshotInput): PageSnapshot {
  const groups = new FindingGroups();
  const add = (finding: Finding, source: FindingSource, sample: () => string) =>
    groups.add(
      findingKey(finding),
      source,
      1,
      () => safeRowFinding(finding, input.redact),
      () => [sample()],
    );
  for (const row of input.rows) add(row.finding, 'row', () => sampleText(row.text(), input.redact));
  for (const issue of input.fields) add(issue.finding, 'field', () => issue.label);
  return { url: input.url, provider: input.provider, endpointUrl: input.endpointUrl, groups: groups.list() };
}

/** Detector excerpts are already redacted; redact again so nothing depends on one safeguard. */
function safeRowFinding(finding: Finding, redact: Redactor): Finding {
  return { ...finding, excerpt: (redact(finding.excerpt) ?? '').slice(0, EXCERPT_LENGTH) };
}

export interface SnapshotSenderOptions {
  build(): PageSnapshot;
  send(snapshot: PageSnapshot): Promise<Record<string, BadgeDiagnosis> | null>;
  onReply(diagnoses: Record<string, BadgeDiagnosis>): void;
  onError(error: unknown): void;
  win: Window;
  throttleMs?: number;
}

export interface SnapshotSender {
  /** Asks for a send; runs at most once per throttle period (the last state wins). */
  schedule(): void;
  /** Like schedule(), but sends even an unchanged snapshot (the worker forgot the last one). */
  resend(): void;
  /** Sends now if the snapshot changed since the last send (or always with `force`). */
  flush(force?: boolean): Promise<void>;
  cancel(): void;
}

/**
 * A send that failed without ending the extension context (the worker was starting or stopping:
 * "Receiving end does not exist", "message port closed") is tried again this much later, a few
 * times in a row at most; otherwise the toolbar and popup would keep the older count until the
 * page changes again.
 */
export const SEND_RETRY_MS = 1000;
export const SEND_RETRIES = 3;

export function createSnapshotSender(options: SnapshotSenderOptions): SnapshotSender {
  const throttleMs = options.throttleMs ?? 250;
  const { win } = options;
  let timer: number | undefined;
  let retryTimer: number | undefined;
  let failuresInARow = 0;
  let lastSentAt = -Infinity;
  let lastSent: string | null = null;
  let inFlight: Promise<void> | null = null;
  let cancelled = false;
  let forceNext = false;

  async function flush(force = false): Promise<void> {
    if (cancelled) return;
    if (inFlight) await inFlight;
    const snapshot = options.build();
    const serialized = JSON.stringify(snapshot);
    if (!force && serialized === lastSent) return;
    lastSent = serialized;
    lastSentAt = Date.now();
    inFlight = (async () => {
      let diagnoses: Record<string, BadgeDiagnosis> | null;
      try {
        diagnoses = await options.send(snapshot);
      } catch (error) {
        options.onError(error);
        retryLater(serialized);
        return;
      } finally {
        inFlight = null;
      }
      // Delivered: a reply that cannot be shown is no reason to send the same state again.
      failuresInARow = 0;
      try {
        if (diagnoses && !cancelled) options.onReply(diagnoses);
      } catch (error) {
        options.onError(error);
      }
    })();
    await inFlight;
  }

  function retryLater(failed: string): void {
    if (lastSent === failed) lastSent = null; // not delivered: the same state must go again
    failuresInARow++;
    if (cancelled || retryTimer !== undefined || failuresInARow > SEND_RETRIES) return;
    retryTimer = win.setTimeout(() => {
      retryTimer = undefined;
      void flush();
    }, SEND_RETRY_MS);
  }

  function schedule(): void {
    if (cancelled || timer !== undefined) return;
    const wait = Math.max(0, lastSentAt + throttleMs - Date.now());
    timer = win.setTimeout(() => {
      timer = undefined;
      const force = forceNext;
      forceNext = false;
      void flush(force);
    }, wait);
  }

  return {
    schedule,
    resend() {
      forceNext = true;
      schedule();
    },
    flush,
    cancel() {
      cancelled = true;
      if (timer !== undefined) win.clearTimeout(timer);
      if (retryTimer !== undefined) win.clearTimeout(retryTimer);
      timer = undefined;
      retryTimer = undefined;
    },
  };
}
