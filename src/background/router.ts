// Answers the extension's own messages. Returns a Promise only for our message types: with
// Chromium's native `browser` namespace, a listener that returns a Promise answers the message,
// so answering everything would hijack replies meant for other listeners.
import browser, { type Runtime } from '../shared/browser';
import { MAX_SAMPLES } from '../engine/finding-model';
import { redactSecretsInText } from '../engine/redact';
import { redactUrl } from '../engine/redact-url';
import { withoutQueryOrFragment } from '../engine/page-address';
import {
  CONTENT_EXTRAS_FILES,
  EXCERPT_LENGTH,
  isMessage,
  SAMPLE_LENGTH,
  type BadgeDiagnosis,
  type ErrorReply,
  type Message,
  type PageSnapshot,
  type TabFindings,
} from '../shared/messages';
import { forgetFrame, readTabRecord, saveFrameSnapshot } from './findings-store';
import { pruneGoneFrames } from './frame-liveness';
import { showTabBadge } from './toolbar';
import { buildTabFindings, diagnoseGroups, tabContext, toBadgeDiagnosis } from './tab-findings';
import { findMessageProblem } from './validate-message';

export type RouterReply =
  { ok: true; diagnoses: Record<string, BadgeDiagnosis> } | { ok: true; tab: TabFindings | null } | { ok: true } | ErrorReply;

type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/** Who sent a message: our own pages, our content script in a tab, or anyone else. */
export function classifySender(sender: Runtime.MessageSender): SenderKind {
  if (sender.id !== browser.runtime.id) return 'foreign';
  if (sender.url?.startsWith(browser.runtime.getURL(''))) return 'extension-page';
  if (typeof sender.tab?.id === 'number' && sender.tab.id >= 0) return 'content-script';
  return 'foreign';
}

const ALLOWED_SENDERS: Record<Message['type'], readonly SenderKind[]> = {
  'page-snapshot': ['content-script'],
  'get-tab-findings': ['extension-page'],
  'load-content-extras': ['content-script'],
  'frame-gone': ['content-script'],
};

const fail = (error: string): ErrorReply => ({ ok: false, error });

/**
 * The worker does not trust the page side: the page's and the destination's URLs, excerpts and samples are
 * redacted and trimmed again before they reach storage or a diagnosis.
 */
export function sanitizeSnapshot(snapshot: PageSnapshot): PageSnapshot {
  return {
    ...snapshot,
    url: redactUrl(withoutQueryOrFragment(snapshot.url)),
    endpointUrl: snapshot.endpointUrl === null ? null : redactUrl(snapshot.endpointUrl),
    groups: snapshot.groups.map((group) => ({
      ...group,
      finding: { ...group.finding, excerpt: redactSecretsInText(group.finding.excerpt).slice(0, EXCERPT_LENGTH) },
      samples: group.samples.slice(0, MAX_SAMPLES).map((sample) => redactSecretsInText(sample).slice(0, SAMPLE_LENGTH)),
    })),
  };
}

async function onPageSnapshot(received: PageSnapshot, sender: Runtime.MessageSender): Promise<RouterReply> {
  const tabId = sender.tab?.id ?? -1;
  const snapshot = sanitizeSnapshot(received);
  const frames = await saveFrameSnapshot(tabId, sender.frameId ?? 0, snapshot, documentIdOf(sender));
  await showTabBadge(tabId, frames);
  const diagnoses = diagnoseGroups(snapshot.groups, tabContext(frames));
  return { ok: true, diagnoses: mapValues(diagnoses, toBadgeDiagnosis) };
}

/** Chromium names each document a frame shows; a snapshot and a "gone" can be matched by it. */
function documentIdOf(sender: Runtime.MessageSender): string | undefined {
  const id = (sender as { documentId?: unknown }).documentId;
  return typeof id === 'string' ? id : undefined;
}

async function onFrameGone(sender: Runtime.MessageSender): Promise<RouterReply> {
  const tabId = sender.tab?.id ?? -1;
  const frames = await forgetFrame(tabId, sender.frameId ?? 0, documentIdOf(sender));
  await showTabBadge(tabId, frames ?? {});
  return { ok: true };
}

async function onGetTabFindings(tabId: number): Promise<RouterReply> {
  // Frames that went without saying so (a pagehide message can be lost) are dropped first.
  if (await pruneGoneFrames(tabId)) await showTabBadge(tabId, (await readTabRecord(tabId))?.frames ?? {});
  const record = await readTabRecord(tabId);
  return { ok: true, tab: record ? buildTabFindings(tabId, record.frames, record.dropped) : null };
}

/**
 * Injects the on-demand content script into the frame that asked. It runs in the same isolated
 * world as content.js, which picks up what it registers once this reply arrives. Injected at once,
 * not at document_idle (the default): rows judged while a log is still being parsed want it.
 * One call per file, so that each is a task of its own in the page, all sent together: awaited one
 * by one, each waited for a gap between the page's long parsing and layout tasks. The files may
 * run in any order (a part waits for the ones it needs, see wrapExtrasPart).
 */
async function onLoadContentExtras(sender: Runtime.MessageSender): Promise<RouterReply> {
  const target = { tabId: sender.tab?.id ?? -1, frameIds: [sender.frameId ?? 0] };
  await Promise.all(
    CONTENT_EXTRAS_FILES.map((file) => browser.scripting.executeScript({ target, files: [file], injectImmediately: true })),
  );
  return { ok: true };
}

function mapValues<A, B>(record: Record<string, A>, map: (value: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

async function route(message: Message, sender: Runtime.MessageSender): Promise<RouterReply> {
  const senderKind = classifySender(sender);
  if (!ALLOWED_SENDERS[message.type].includes(senderKind)) {
    return fail(`Refused: '${message.type}' is not accepted from this sender.`);
  }
  const problem = findMessageProblem(message);
  if (problem) return fail(`Malformed '${message.type}' message: ${problem}`);
  try {
    switch (message.type) {
      case 'page-snapshot':
        return await onPageSnapshot(message.snapshot, sender);
      case 'get-tab-findings':
        return await onGetTabFindings(message.tabId);
      case 'load-content-extras':
        return await onLoadContentExtras(sender);
      case 'frame-gone':
        return await onFrameGone(sender);
    }
  } catch (error) {
    // One bad message must not stop the worker from serving the next one.
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** The runtime.onMessage listener: a Promise for our types, undefined for anything else. */
export function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<RouterReply> | undefined {
  if (!isMessage(message)) return undefined;
  return route(message, sender);
}
