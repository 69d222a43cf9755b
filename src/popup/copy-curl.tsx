// "Copy as curl" in the popup: asks the tab's content script (in its own isolated world) for the
// editor's request as a curl command, secrets already replaced by placeholders, and copies it.
import { useState } from 'preact/hooks';
import browser from '../shared/browser';
import { EXTRAS_GLOBAL } from '../content/runtime/extras-api';
import { t } from '../shared/i18n';
import type { TabFindings } from '../shared/messages';

type CopyState = { state: 'idle' } | { state: 'copied' } | { state: 'none' } | { state: 'failed'; reason: string };

/** Runs in the tab's isolated world, where content-extras.js registered its API. */
function readCurl(globalName: string): string | null {
  const api = (globalThis as unknown as Record<string, { curlOfPage?: () => string | null } | undefined>)[globalName];
  return api?.curlOfPage?.() ?? null;
}

export async function curlOfTab(tabId: number): Promise<string | null> {
  const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: readCurl, args: [EXTRAS_GLOBAL] });
  const found = results.map((result) => result.result).find((value): value is string => typeof value === 'string' && value !== '');
  return found ?? null;
}

export function CopyCurlButton({ tab }: { tab: TabFindings }) {
  const [status, setStatus] = useState<CopyState>({ state: 'idle' });

  async function copy(): Promise<void> {
    try {
      const text = await curlOfTab(tab.tabId);
      if (!text) return setStatus({ state: 'none' });
      await navigator.clipboard.writeText(text);
      setStatus({ state: 'copied' });
    } catch (error) {
      setStatus({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div class="copy copy--curl">
      <button type="button" class="button" onClick={() => void copy()}>
        {t('copyCurl')}
      </button>
      <span class="copy__status" role="status">
        {status.state === 'copied' && t('copyCurlDone')}
        {status.state === 'none' && t('copyCurlNoEditor')}
        {status.state === 'failed' && t('copyFailed', { error: status.reason })}
      </span>
    </div>
  );
}
