// Frames can go without a word: a removed iframe's pagehide message may never leave it. Before the
// popup shows a tab's findings, each stored frame is asked whether its content script is still
// there ('get-scan-stats', which every instance answers); a frame with no receiver any more is
// forgotten. Needs no webNavigation permission.
import browser from '../shared/browser';
import type { ContentMessage } from '../shared/messages';
import { forgetFrame, readTabRecord } from './findings-store';

/** Chromium's and Firefox's words for "nothing listens in that frame any more". */
const NO_RECEIVER = /receiving end does not exist|could not establish connection|no frame with id|no tab with id/i;

export type FramePing = (tabId: number, frameId: number) => Promise<unknown>;

const pingFrame: FramePing = (tabId, frameId) => {
  const message: ContentMessage = { type: 'get-scan-stats' };
  return browser.tabs.sendMessage(tabId, message, { frameId });
};

/** Forgets the tab's frames that no longer answer; resolves to how many were forgotten. */
export async function pruneGoneFrames(tabId: number, ping: FramePing = pingFrame): Promise<number> {
  const record = await readTabRecord(tabId);
  if (!record) return 0;
  const ids = Object.keys(record.frames).map(Number);
  const answers = await Promise.allSettled(ids.map((frameId) => ping(tabId, frameId)));
  let forgotten = 0;
  for (const [index, answer] of answers.entries()) {
    if (
      answer.status === 'rejected' &&
      NO_RECEIVER.test(String((answer.reason as { message?: unknown } | null)?.message ?? answer.reason))
    ) {
      await forgetFrame(tabId, ids[index]!);
      forgotten++;
    }
  }
  return forgotten;
}
